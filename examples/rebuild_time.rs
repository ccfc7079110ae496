//! Measures what `putokaz serve` does after an edit: a build that keeps what the previous one
//! made ([`putokaz::pipeline::BuildCache`]) and updates its folder in place, after one Markdown
//! page is edited. Prints the first build's time and each rebuild's, with its stages.
//!
//! Usage: `cargo run --release --example rebuild_time -- SITE_DIR PAGE.md [EDITS=5]`

use std::sync::Arc;
use std::time::Instant;

use putokaz::pipeline::{BuildCache, BuildOptions, build};

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
        std::fs::write(root.join(&page), format!("{original}\n\nEdit {i}.\n")).unwrap();
        let started = Instant::now();
        let report = build(&options).expect("the site builds");
        println!(
            "rebuild after an edit: {} ms ({})",
            started.elapsed().as_millis(),
            report.stages_line()
        );
    }
    std::fs::write(root.join(&page), original).unwrap();
}
