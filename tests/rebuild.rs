//! Rebuilding with what the previous build kept (as `serve` does) gives the output of a fresh build.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use putokaz::pipeline::{BuildOptions, MarkdownCache, build};

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            files.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    files
}

#[test]
fn cached_rebuild_after_edits_equals_a_fresh_build() {
    let site = common::Site::new();
    site.page("_index.sr.md", "Почетна", "Види [о нама](@/about.md).")
        .page("_index.en.md", "Home", "See [about](@/about.md).")
        .page("about.en.md", "About", "## Team\n\nWho we are.")
        .page("news/_index.en.md", "News", "");
    let cache = Arc::new(MarkdownCache::default());
    let cached = BuildOptions {
        root: site.root().to_path_buf(),
        out: Some(site.root().join("cached")),
        cache: Some(cache.clone()),
        ..BuildOptions::default()
    };
    build(&cached).unwrap();

    // An edit to one page, a new translation (which changes where @/about.md leads in Serbian),
    // and a new page.
    site.page("about.en.md", "About", "## Team\n\nWho we are, edited.")
        .page("about.sr.md", "О нама", "## Тим\n\nКо смо.")
        .page("news/first.en.md", "First", "News.");
    build(&cached).unwrap();

    let fresh = BuildOptions {
        root: site.root().to_path_buf(),
        out: Some(site.root().join("fresh")),
        ..BuildOptions::default()
    };
    build(&fresh).unwrap();
    let (a, b) = (
        snapshot(&site.root().join("cached")),
        snapshot(&site.root().join("fresh")),
    );
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(
            bytes == &b[name],
            "{name} differs between the cached and the fresh build"
        );
    }
    assert!(String::from_utf8_lossy(&a["en/about/index.html"]).contains("Who we are, edited."));
    assert!(String::from_utf8_lossy(&a["sr/index.html"]).contains("href=/sr/about/"));
}
