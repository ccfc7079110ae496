// Browser checks of a built portal, in headless Chromium:
//   - no page requests anything from outside the site (every request is recorded);
//   - the quick exit works without and with JavaScript (Shift three times, history replaced);
//   - no accessibility violations at WCAG 2.1 A and AA (axe-core) on the key pages of every locale;
//   - search with JavaScript fetches every part of the index and finds pages in several.
// Usage: node tests/browser/check.mjs BUILT_SITE_DIR
// Prints one line per check and ends with "N passed, N failed"; exits 1 on any failure.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const root = process.argv[2];
if (!root) {
  console.error("usage: node tests/browser/check.mjs BUILT_SITE_DIR");
  process.exit(2);
}

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml" };
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  let file = join(root, path);
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    res.writeHead(200, { "Content-Type": types[extname(file)] || "application/octet-stream" });
    res.end(body);
  } catch {
    const lang = path.split("/")[1] || "";
    const body = await readFile(join(root, lang, "404.html")).catch(() => readFile(join(root, "404.html")));
    res.writeHead(404, { "Content-Type": types[".html"] });
    res.end(body);
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
});

let passed = 0;
let failed = 0;
function report(ok, name, detail) {
  if (ok) { passed += 1; console.log(`ok    ${name}`); } else { failed += 1; console.log(`FAIL  ${name}${detail ? ": " + detail : ""}`); }
}

const exitUrl = await (async () => {
  const html = await readFile(join(root, "en", "index.html"), "utf8");
  return html.match(/class=["']?quick-exit["']? href=["']?([^"' >]+)/)?.[1] ?? html.match(/href=["']?([^"' >]+)["']? class=["']?quick-exit["' >]/)?.[1];
})();

async function newPage(javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const outside = [];
  page.on("request", (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) outside.push(r.url()); });
  // The neutral site of the quick exit is answered here: nothing may leave the machine.
  await page.route((url) => !url.href.startsWith(origin), (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>neutral</title>" }));
  return { context, page, outside };
}

const locales = ["sr", "sr-latn", "cnr", "mk", "en"];
const keyPages = ["", "help/", "help/rs/", "plans/", "plans/rs-2009-2011/", "plans/rs-2009-2011/by-status/", "plans/me-2012-2013/by-institution/", "plans/rs-2009-2011/activities/1-1-1/", "plans/me-2012-2013/goals/1-1/", "search/", "safety/", "data/", "institutions/", "statistics/", "statistics/methodology/", "statistics/rs-child-victims-2017-by-exploitation/", "statistics/rs-victims-by-sex/"];

for (const locale of locales) {
  for (const path of keyPages) {
    const url = `${origin}/${locale}/${path}`;
    const { context, page, outside } = await newPage();
    const response = await page.goto(url, { waitUntil: "networkidle" });
    report(response.status() === 200, `${locale}/${path} loads`, `status ${response.status()}`);
    report(outside.length === 0, `${locale}/${path} requests nothing from outside`, outside.join(", "));
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
    const violations = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(" ")}`);
    report(violations.length === 0, `${locale}/${path} has no WCAG 2.1 AA violations`, violations.join("; "));
    await context.close();
  }
}

// Quick exit without JavaScript: a plain link to the neutral site.
{
  const { context, page } = await newPage(false);
  await page.goto(`${origin}/en/plans/`);
  await page.click("a.quick-exit");
  await page.waitForURL((u) => u.href === exitUrl);
  report(page.url() === exitUrl, "quick exit works without JavaScript", page.url());
  await context.close();
}

// With JavaScript: Shift three times leaves at once and the page is replaced in the history.
{
  const { context, page } = await newPage(true);
  await page.goto(`${origin}/en/`);
  await page.goto(`${origin}/en/safety/`);
  for (let i = 0; i < 2; i++) await page.keyboard.press("Shift");
  const feedback = await page.textContent("#quick-exit-status");
  report(/2 of 3/.test(feedback), "quick exit counts Shift presses visibly", feedback);
  await page.keyboard.press("Shift");
  await page.waitForURL((u) => u.href === exitUrl);
  report(page.url() === exitUrl, "Shift pressed three times leaves the page", page.url());
  await page.goBack();
  report(!page.url().endsWith("/en/safety/"), "Back does not return to the page that was left", page.url());
  await context.close();
}

// Search with JavaScript: every part of the index is fetched, and results come from several.
{
  const { context, page, outside } = await newPage(true);
  const fetched = [];
  page.on("request", (r) => { if (r.url().includes("/search-index/")) fetched.push(new URL(r.url()).pathname); });
  // "hotline" is on pages outside folders, in plans and in statistics.
  await page.goto(`${origin}/en/search/?q=hotline`);
  await page.waitForSelector("#results ol li");
  const listed = (await page.getAttribute("form.search", "data-index")).split(" ");
  report(listed.length > 1 && listed.every((u) => fetched.includes(u)), "search fetches every part of the index", `${fetched.join(", ")} of ${listed.join(", ")}`);
  const found = await page.$$eval("#results ol li a", (links) => links.map((a) => new URL(a.href).pathname));
  const part = (u) => { const s = u.split("/").filter(Boolean); return s.length >= 3 ? s[1] : "main"; };
  const parts = new Set(found.map(part));
  report(parts.has("main") && parts.has("plans") && parts.has("statistics"), "search finds pages in several parts of the index", found.join(", "));
  report(outside.length === 0, "search requests nothing from outside", outside.join(", "));
  await context.close();
}

await browser.close();
server.close();
console.log(`\nbrowser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
