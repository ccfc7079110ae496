//! The built real portal in headless Chromium: no request leaves the site, the quick exit works
//! with and without JavaScript, and axe-core finds no WCAG 2.1 AA violation on the key pages of
//! every locale. The checks themselves are in `tests/browser/check.mjs` (Playwright and axe-core,
//! installed by `scripts/test.sh`).

use std::path::Path;
use std::process::Command;

#[test]
fn the_portal_in_a_real_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        root.join("node_modules/playwright-core").is_dir() && Path::new(&chromium).exists(),
        "the browser checks need Chromium and the npm packages: run `bash scripts/test.sh`, which installs them"
    );
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("public");
    let build = Command::new(env!("CARGO_BIN_EXE_putokaz"))
        .args(["build", "--quiet", "--out"])
        .arg(&site)
        .current_dir(root)
        .output()
        .unwrap();
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    let run = Command::new("node")
        .arg("tests/browser/check.mjs")
        .arg(&site)
        .current_dir(root)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    let failures: Vec<&str> = stdout.lines().filter(|l| l.starts_with("FAIL")).collect();
    assert!(
        run.status.success() && failures.is_empty(),
        "{}\n{}",
        failures.join("\n"),
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
}
