//! What the build writes: Markdown features, safety of the HTML, sections, feeds and assets.

mod common;

use common::{Site, attrs, html_files, texts};

#[test]
fn markdown_features_render_without_inline_styles_or_scripts() {
    let site = Site::new();
    site.page(
        "doc.en.md",
        "Doc",
        "## Table\n\n| Left | Right |\n|:-----|------:|\n| a | 1 |\n\nText with a footnote.[^1] and ~~struck~~.\n\n[^1]: The note.\n\n```rust\nfn main() {}\n```\n\n<script>alert(1)</script><p style=\"color:red\" onclick=\"x()\">pasted</p>\n\n[out](https://example.org)",
    );
    site.build();
    let doc = site.html("/en/doc/");
    assert_eq!(attrs(&doc, ".prose th", "class"), ["align-left", "align-right"]);
    assert_eq!(texts(&doc, ".prose del"), ["struck"]);
    assert_eq!(texts(&doc, ".prose .footnote-definition p"), ["The note."]);
    assert!(
        !attrs(&doc, "pre.code span", "class").is_empty(),
        "code is highlighted with classes"
    );
    assert_eq!(
        texts(&doc, ".prose p")
            .iter()
            .filter(|t| t.as_str() == "pasted")
            .count(),
        1
    );
    assert_eq!(
        attrs(&doc, ".prose a[href='https://example.org']", "rel"),
        ["noopener noreferrer"]
    );
    let raw = site.read("en/doc/index.html");
    assert!(!raw.contains("alert(1)"), "no pasted script may survive");
    assert!(attrs(&doc, ".prose script", "src").is_empty() && texts(&doc, ".prose script").is_empty());
    assert!(
        attrs(&doc, "script", "src").iter().all(|s| s.starts_with("/assets/")),
        "only the theme's own scripts"
    );
    assert!(!raw.contains("style="), "no style attribute");
    assert!(!raw.contains("onclick"), "no event handler");
}

#[test]
fn sections_list_their_pages_paginate_and_feed() {
    let site = Site::new();
    site.write(
        "content/news/_index.en.md",
        "+++\ntitle = \"News\"\nsort_by = \"date\"\npaginate_by = 2\nfeed = true\n+++\nAll the news.\n",
    );
    for day in 1..=5 {
        site.write(
            &format!("content/news/item-{day}.en.md"),
            &format!(
                "+++\ntitle = \"Item {day}\"\ndate = 2026-01-0{day}\ndescription = \"Summary {day}\"\n+++\nBody\n"
            ),
        );
    }
    site.build();
    let first = site.html("/en/news/");
    assert_eq!(texts(&first, "ul.listing > li > a"), ["Item 5", "Item 4"]);
    assert_eq!(attrs(&first, ".pager a[rel=next]", "href"), ["/en/news/page/2/"]);
    let last = site.html("/en/news/page/3/");
    assert_eq!(texts(&last, "ul.listing > li > a"), ["Item 1"]);
    assert_eq!(attrs(&last, ".pager a[rel=prev]", "href"), ["/en/news/page/2/"]);
    // Every page of the section shows its text.
    for url in ["/en/news/", "/en/news/page/2/", "/en/news/page/3/"] {
        assert_eq!(texts(&site.html(url), ".prose p"), ["All the news."], "{url}");
    }
    let feed = site.read("en/atom.xml");
    let titles: Vec<&str> = feed
        .split("<entry>")
        .skip(1)
        .map(|e| e.split("<title>").nth(1).unwrap().split('<').next().unwrap())
        .collect();
    assert_eq!(titles, ["Item 5", "Item 4", "Item 3", "Item 2", "Item 1"]);
    assert!(
        feed.contains("<link rel=\"alternate\" href=\"https://portal.example/en/news/item-5/\"/>"),
        "{feed}"
    );
    assert_eq!(
        attrs(&first, "link[type='application/atom+xml']", "href"),
        ["/en/atom.xml"]
    );
}

#[test]
fn assets_are_fingerprinted_and_site_overrides_win() {
    let site = Site::new();
    site.page("p.en.md", "P", "x")
        .write("templates/page.html", "{% extends \"base.html\" %}{% block content %}<h1 class=\"mine\">{{ page.title }}</h1>{% endblock content %}")
        .write("static/files/report.pdf", "%PDF-1.4");
    site.build();
    let doc = site.html("/en/p/");
    assert_eq!(texts(&doc, "h1.mine"), ["P"]);
    let css = attrs(&doc, "link[rel=stylesheet]", "href");
    assert_eq!(css.len(), 1);
    assert!(
        css[0].starts_with("/assets/style.") && css[0].len() == "/assets/style.".len() + 14,
        "{css:?}"
    );
    assert!(site.out().join(css[0].trim_start_matches('/')).is_file());
    assert_eq!(site.read("files/report.pdf"), "%PDF-1.4");
}

#[test]
fn strings_and_assets_are_named_first_or_by_name_alike() {
    let site = Site::new();
    site.page("p.en.md", "P", "x").write(
        "templates/page.html",
        concat!(
            "{% extends \"base.html\" %}{% block content %}",
            "<p class=\"named\">{{ t(key=\"skip-link\") }}</p><p class=\"first\">{{ t(\"skip-link\") }}</p>",
            "<p class=\"named\">{{ t(key=\"completion\", percent=40) }}</p>",
            "<p class=\"first\">{{ t(\"completion\", percent=40) }}</p>",
            "<p class=\"named\">{{ asset(name=\"style.css\") }}</p><p class=\"first\">{{ asset(\"style.css\") }}</p>",
            "{% endblock content %}"
        ),
    );
    site.build();
    let doc = site.html("/en/p/");
    let named = texts(&doc, "p.named");
    assert_eq!(texts(&doc, "p.first"), named);
    // The English strings of i18n/en.ftl, and the stylesheet the page links to.
    assert_eq!(named[0], texts(&doc, "a.skip-link")[0]);
    assert!(
        named[1].starts_with("40") && named[1].contains("reported work"),
        "{named:?}"
    );
    assert_eq!(named[2], attrs(&doc, "link[rel=stylesheet]", "href")[0]);
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = Site::new();
    site.write("content/draft.en.md", "+++\ntitle = \"Draft\"\ndraft = true\n+++\n");
    site.build();
    assert!(!site.out().join("en/draft/index.html").exists());
    let out = site.run(&["build", "--drafts"]);
    assert!(out.status.success());
    assert!(site.out().join("en/draft/index.html").exists());
}

#[test]
fn new_scaffolds_a_page_and_a_translation() {
    let site = Site::new();
    site.page("about.en.md", "About", "## Team\n\nWho we are.");
    let out = site.run(&["new", "--translate", "content/about.en.md", "--lang", "sr"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let text = std::fs::read_to_string(site.root().join("content/about.sr.md")).unwrap();
    assert!(text.contains("draft = true") && text.contains("Who we are."), "{text}");
    // A second attempt never overwrites.
    assert!(
        !site
            .run(&["new", "--translate", "content/about.en.md", "--lang", "sr"])
            .status
            .success()
    );
    let out = site.run(&["new", "news/first", "--lang", "en", "--title", "First \"news\""]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    site.run(&["build", "--drafts"]);
    assert_eq!(texts(&site.html("/en/news/first/"), "h1"), ["First \"news\""]);
    // The draft translation is a draft: without --drafts the Serbian URL shows the notice.
    site.build();
    assert_eq!(texts(&site.html("/sr/about/"), "h1"), ["Још није доступно на српском"]);
}

/// The real portal in `content/` builds, and every page meets the theme's promises.
#[test]
fn the_real_portal_builds_and_every_page_is_sound() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_putokaz"))
        .args(["build", "--quiet", "--out"])
        .arg(&public)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let files = html_files(&public);
    assert!(files.len() >= 35, "{} pages", files.len());
    for file in files {
        let raw = std::fs::read_to_string(&file).unwrap();
        let doc = scraper::Html::parse_document(&raw);
        let name = file.strip_prefix(&public).unwrap().display().to_string();
        assert_eq!(texts(&doc, "h1").len(), 1, "{name}: one h1");
        assert_eq!(attrs(&doc, "html", "lang").len(), 1, "{name}: lang");
        // Help and the quick exit are in the same place on every page.
        assert_eq!(
            attrs(&doc, "body > .quick-exit-bar a.quick-exit", "href"),
            ["https://www.wikipedia.org/"],
            "{name}: quick exit"
        );
        assert_eq!(
            attrs(&doc, "body > .help-banner a", "href").len(),
            1,
            "{name}: help banner"
        );
        assert!(!raw.contains("style="), "{name}: style attribute");
        // Scripts only as fingerprinted files of the site (enhancements), never inline.
        let script = scraper::Selector::parse("script").unwrap();
        for el in doc.select(&script) {
            let src = el.value().attr("src").unwrap_or("");
            assert!(
                src.starts_with("/assets/") && el.inner_html().trim().is_empty(),
                "{name}: inline or foreign script"
            );
        }
        for href in attrs(&doc, "a[href^='/']", "href")
            .into_iter()
            .chain(attrs(&doc, "link[href^='/']", "href"))
        {
            let path = href.split('#').next().unwrap();
            let target = public.join(path.trim_start_matches('/'));
            assert!(
                target.is_file() || target.join("index.html").is_file(),
                "{name}: broken link {href}"
            );
        }
        for src in attrs(&doc, "[src]", "src") {
            assert!(src.starts_with('/'), "{name}: third-party resource {src}");
        }
    }

    // Every activity of every plan has its page in every locale, and one row in its CSV.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = putokaz::config::SiteConfig::load(root).unwrap();
    let data = putokaz::plan::load(root, &config, &putokaz::diagnostics::Diagnostics::new());
    let mut all_rows = 0;
    for plan in &data.plans {
        for a in &plan.activities {
            for locale in &config.locales {
                let url = format!(
                    "{}/{}/",
                    locale.code,
                    putokaz::site::activity_path(&plan.id, &a.activity.id)
                );
                assert!(public.join(&url).join("index.html").is_file(), "no page {url}");
            }
        }
        let mut reader = csv::Reader::from_path(public.join(format!("data/plans/{}.csv", plan.id))).unwrap();
        let headers = reader.headers().unwrap().clone();
        let columns: Vec<&str> = putokaz::opendata::COLUMNS.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            headers
                .iter()
                .map(|h| h.trim_start_matches('\u{feff}'))
                .collect::<Vec<_>>(),
            columns
        );
        let ids: Vec<String> = reader.records().map(|r| r.unwrap()[2].to_owned()).collect();
        let expected: Vec<String> = plan.activities.iter().map(|a| a.activity.id.clone()).collect();
        assert_eq!(ids, expected, "{}", plan.id);
        all_rows += ids.len();
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(public.join(format!("data/plans/{}.json", plan.id))).unwrap())
                .unwrap();
        assert_eq!(json["activities"].as_array().unwrap().len(), plan.activities.len());
    }
    // The open-data page documents every column in every language.
    for locale in &config.locales {
        let doc = scraper::Html::parse_document(
            &std::fs::read_to_string(public.join(format!("{}/data/index.html", locale.code))).unwrap(),
        );
        let names = texts(&doc, "table code");
        assert_eq!(
            names,
            putokaz::opendata::COLUMNS
                .iter()
                .map(|(n, _)| n.to_string())
                .collect::<Vec<_>>()
        );
        assert!(texts(&doc, "table td").iter().all(|d| !d.is_empty()), "{}", locale.code);
    }
    let mut reader = csv::Reader::from_path(public.join("data/activities.csv")).unwrap();
    assert_eq!(reader.records().count(), all_rows);
    assert_eq!(all_rows, 123 + 87 + 52);
}

#[test]
fn a_rebuild_links_unchanged_files_and_writes_only_what_changed() {
    use std::os::unix::fs::MetadataExt;
    let site = Site::new();
    site.page("_index.en.md", "Home", "Welcome.")
        .page("a.en.md", "A", "First text.")
        .page("b.en.md", "B", "Unchanged text.");
    site.build();
    let inode = |rel: &str| std::fs::metadata(site.out().join(rel)).unwrap().ino();
    let (a, b) = (inode("en/a/index.html"), inode("en/b/index.html"));
    let before_b = site.read("en/b/index.html");
    site.page("a.en.md", "A", "Second text.");
    site.build();
    assert!(site.read("en/a/index.html").contains("Second text."));
    assert_ne!(inode("en/a/index.html"), a, "a changed file is written anew");
    assert_eq!(inode("en/b/index.html"), b, "an unchanged file is linked, not written");
    assert_eq!(site.read("en/b/index.html"), before_b);
    // Beside the output: only the previous output, kept for the next build to reuse.
    assert_eq!(site.folders_beside_output(), [".public.putokaz-previous"]);

    // The third build reuses that folder: removed pages go, changed ones change, and the
    // published output never changes under a build.
    std::fs::remove_file(site.root().join("content/b.en.md")).unwrap();
    site.page("a.en.md", "A", "Third text.")
        .page("c.en.md", "C", "New page.");
    let published_a = site.read("en/a/index.html");
    site.build();
    assert!(published_a.contains("Second text."));
    assert!(site.read("en/a/index.html").contains("Third text."));
    assert!(site.read("en/c/index.html").contains("New page."));
    assert!(!site.out().join("en/b").exists());
    assert_eq!(site.folders_beside_output(), [".public.putokaz-previous"]);
    let previous = site.root().join(".public.putokaz-previous");
    assert!(
        std::fs::read_to_string(previous.join("en/a/index.html"))
            .unwrap()
            .contains("Second text.")
    );
    // A fresh build of the same content is the same, file for file.
    let fresh = site.root().join("fresh");
    let out = site.run(&["build", "--out", fresh.to_str().unwrap()]);
    assert!(out.status.success());
    let list = |dir: &std::path::Path| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().strip_prefix(dir).unwrap().display().to_string(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    };
    assert!(
        list(&site.out()) == list(&fresh),
        "the reused folder differs from a fresh build"
    );
    // The fresh build made its pages' folders ahead of them: each holds what it was made for.
    let empty: Vec<_> = walkdir::WalkDir::new(&fresh)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_dir() && std::fs::read_dir(e.path()).unwrap().next().is_none())
        .map(|e| e.path().display().to_string())
        .collect();
    assert!(empty.is_empty(), "empty folders: {empty:?}");
}

#[test]
fn the_navigation_marks_the_page_it_is_on_and_no_other() {
    let site = Site::new();
    site.page("_index.en.md", "Home", "Welcome.")
        .page("news/_index.en.md", "News", "All news.")
        .page("news/first.en.md", "First", "Text.")
        .page("about.en.md", "About", "Text.");
    site.build();
    let current = |url: &str| attrs(&site.html(url), "nav.site-nav a[aria-current=page]", "href");
    assert_eq!(current("/en/"), ["/en/"]);
    assert_eq!(current("/en/news/"), ["/en/news/"]);
    assert!(current("/en/news/first/").is_empty());
    // Every page: a link is marked exactly where it leads to the page itself.
    for url in ["/en/", "/en/news/", "/en/news/first/", "/en/about/", "/en/search/"] {
        let doc = site.html(url);
        let to_itself: Vec<String> = attrs(&doc, "nav.site-nav a", "href")
            .into_iter()
            .filter(|href| href == url)
            .collect();
        assert_eq!(current(url), to_itself, "{url}");
    }
}

#[test]
fn cached_templates_see_the_shared_context_and_their_arguments_only() {
    let site = Site::new();
    site.page("_index.en.md", "Home", "Welcome.")
        .page("a.en.md", "A", "Text.")
        .page("a.sr.md", "A", "Текст.")
        .page("b.en.md", "B", "Text.")
        .write(
            "templates/page.html",
            "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1>{{ cached(\"badge.html\", mark=page.title | lower) }}{% endblock content %}",
        )
        .write(
            "templates/badge.html",
            "<p class=badge>{{ site.title }} {{ lang.code }} {{ mark }} {{ t(\"home\") }}</p>",
        );
    site.build();
    let badge = |url: &str| texts(&site.html(url), "p.badge");
    let home = texts(&site.html("/en/a/"), "nav.site-nav a")[0].clone();
    assert_eq!(badge("/en/a/"), [format!("Putokaz en a {home}")]);
    assert_eq!(badge("/en/b/"), [format!("Putokaz en b {home}")]);
    // Serbian, and its Latin copy, each made in their own locale.
    assert_eq!(badge("/sr/a/").len(), 1);
    assert!(badge("/sr/a/")[0].starts_with("Путоказ sr a "), "{:?}", badge("/sr/a/"));
    assert!(
        badge("/sr-latn/a/")[0].starts_with("Putokaz sr-latn a "),
        "{:?}",
        badge("/sr-latn/a/")
    );

    // A page's own values do not reach it: an error naming the template and its line.
    site.write("templates/badge.html", "<p class=badge>\n{{ page.title }}</p>");
    let out = site.run(&["build"]);
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("templates/badge.html:2:"), "{err}");
    assert!(err.contains("undefined"), "{err}");
    assert!(
        err.contains("`badge.html` is shown with `cached`, so it sees only `lang`, `live_reload`, `nav`, `site`"),
        "{err}"
    );

    // A template that shows itself: an error, not an endless loop.
    site.write(
        "templates/badge.html",
        "<p class=badge>{{ cached(\"badge.html\") }}</p>",
    );
    let out = site.run(&["build"]);
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("templates/badge.html:1:") && err.contains("cannot show itself"),
        "{err}"
    );
}
