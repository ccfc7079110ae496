//! Measures what `putokaz serve` does after an edit: [`putokaz::pipeline::rebuild`] with the
//! edited file, as the watcher reports it, into a folder updated in place. Prints the first
//! build's time and each rebuild's, with its stages. A Markdown page, an `i18n/*.ftl` file or a
//! file of progress reports times the paths for bodies, strings and reports; any other file (a
//! plan) the full rebuild with the cache.
//!
//! Usage: `cargo run --release --example rebuild_time -- SITE_DIR PAGE.md [EDITS=5]`

use std::sync::Arc;
use std::time::Instant;

use putokaz::pipeline::{BuildCache, BuildOptions, build, rebuild};

/// The allocator the `putokaz` binary uses, so the times are those `serve` has.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (root, page) = (std::path::PathBuf::from(&args[1]), std::path::PathBuf::from(&args[2]));
    let edits: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(5);
    let out = tempfile::tempdir().expect("a temporary folder");
    let options = BuildOptions {
        root: root.clone(),
        out: Some(out.path().join("site")),
        live_reload: true,
        cache: Some(Arc::new(BuildCache::default())),
        update_in_place: true,
        ..BuildOptions::default()
    };
    let started = Instant::now();
    build(&options).expect("the site builds");
    println!("first build: {} ms", started.elapsed().as_millis());
    let original = std::fs::read_to_string(root.join(&page)).expect("the page to edit");
    for i in 1..=edits {
        std::fs::write(root.join(&page), edited(&original, &page, i)).unwrap();
        let started = Instant::now();
        let report = rebuild(&options, &[root.join(&page)]).expect("the site builds");
        println!(
            "rebuild after an edit: {} ms, {} of {} pages rendered ({})",
            started.elapsed().as_millis(),
            report.rendered,
            report.pages,
            report.stages_line()
        );
    }
    std::fs::write(root.join(&page), original).unwrap();
}

/// The file with edit number `i`: a paragraph added to Markdown, the search page's note on
/// JavaScript changed in interface strings, the status of a progress report on limited progress
/// changed (in a `reports/` folder), a comment added to other TOML or to a template.
fn edited(original: &str, file: &std::path::Path, i: usize) -> String {
    const STATUSES: [&str; 3] = ["substantial", "complete", "not-started"];
    if file.parent().is_some_and(|p| p.ends_with("reports")) {
        let status = STATUSES[(i - 1) % STATUSES.len()];
        return original.replacen("status = \"limited\"", &format!("status = \"{status}\""), 1);
    }
    match file.extension().and_then(|e| e.to_str()) {
        Some("md") => format!("{original}\n\nEdit {i}.\n"),
        Some("ftl") => format!("{original}\nsearch-no-js = Search needs JavaScript (edit {i}).\n"),
        Some("toml") => format!("{original}\n# edit {i}\n"),
        Some("html") => format!("{original}\n{{# edit {i} #}}\n"),
        _ => format!("{original}\n"),
    }
}
