//! Rebuilding after an edit to Markdown bodies: only the pages that show them.
//!
//! No page shows another page's Markdown body: listings, navigation, feeds and the sitemap are
//! made from front matter and data. So when the files that changed are Markdown files whose
//! front matter is as it was, a rebuild needs only their pages rendered again, the links
//! checked again (another page may point at a heading that is gone), the search index of their
//! locales joined again, and those files scanned and written. Anything else, or anything
//! unexpected, takes a full [`build`]. Either way the output is the output of a fresh build
//! (tests/rebuild.rs).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{
    BuildCache, BuildError, BuildOptions, BuildReport, LastBuild, Stopwatch, build, check_links, lock, markdown_of,
    render_page, report_leaks,
};
use crate::content::{self, SourcePage};
use crate::diagnostics::{Diagnostics, read_text};
use crate::output::{self, OutputFile};
use crate::site::{PageId, PageKind};

/// Builds the site again after `changed` files were saved: only the pages that show them when
/// they are Markdown files whose front matter did not change and the previous build of the
/// same preview folder succeeded (`putokaz serve`), a full [`build`] otherwise.
pub fn rebuild(options: &BuildOptions, changed: &[PathBuf]) -> Result<BuildReport, BuildError> {
    if let Some(cache) = options.cache.as_deref() {
        let mut last = lock(&cache.last);
        if let Some(edits) = last.as_ref().and_then(|l| body_edits(options, l, changed)) {
            let result = rebuild_bodies(options, cache, last.as_mut().expect("checked"), edits);
            if result.is_err() {
                // Part of the kept state is now ahead of the preview: start afresh next time.
                *last = None;
            }
            return result;
        }
    }
    build(options)
}

/// The sources whose bodies `changed` edits, with their new text; `None` unless every changed
/// path is a Markdown source of the last build whose front matter is unchanged.
fn body_edits(options: &BuildOptions, last: &LastBuild, changed: &[PathBuf]) -> Option<Vec<(usize, SourcePage)>> {
    options.out.as_ref().filter(|_| options.update_in_place)?;
    let root = options.root.canonicalize().ok()?;
    let mut edits: Vec<(usize, SourcePage)> = Vec::new();
    for path in changed {
        // A removed file cannot be canonicalized: that is a full build.
        let path = path.canonicalize().ok()?;
        let rel: &Path = path.strip_prefix(&root).ok()?;
        let source = last.site.sources.iter().position(|s| s.file == rel)?;
        let page = read_text(&path, rel)
            .and_then(|text| content::parse_page(&text, rel, &last.site.config))
            .ok()?;
        if page.front_text != last.site.sources[source].front_text {
            return None;
        }
        if !edits.iter().any(|(s, _)| *s == source) {
            edits.push((source, page));
        }
    }
    (!edits.is_empty()).then_some(edits)
}

/// The error for a file the last build should have made but did not: the kept state is not
/// what it should be.
fn missing(path: &str) -> BuildError {
    BuildError::Write {
        path: PathBuf::from(path),
        source: std::io::Error::other("the previous build did not make this file"),
    }
}

/// Applies `edits` to the last build and writes the pages they change.
fn rebuild_bodies(
    options: &BuildOptions,
    cache: &BuildCache,
    last: &mut LastBuild,
    edits: Vec<(usize, SourcePage)>,
) -> Result<BuildReport, BuildError> {
    let mut watch = Stopwatch::new();
    let diagnostics = Diagnostics::new();
    cache.take_rendered();
    let edited: HashSet<usize> = edits.iter().map(|(s, _)| *s).collect();
    for (source, page) in edits {
        last.site.sources[source].body = page.body;
    }
    watch.lap("load");
    let LastBuild {
        site,
        strings,
        renderer,
        rendered,
        statics,
        theme,
        files,
        report,
    } = last;
    let affected: Vec<PageId> = (0..site.pages.len())
        .filter(|&id| matches!(site.pages[id].kind, PageKind::Content { source, .. } if edited.contains(&source)))
        .collect();
    watch.lap("model");

    let markdown: Vec<_> = affected
        .par_iter()
        .filter_map(|&id| Some((id, markdown_of(site, strings, Some(cache), id, &diagnostics)?)))
        .collect();
    rendered.extend(markdown);
    watch.lap("markdown");
    check_links(site, rendered, statics, theme, &diagnostics);
    watch.lap("links");
    if diagnostics.has_errors() {
        return Err(BuildError::Invalid(diagnostics.into_sorted()));
    }

    let pages: Vec<(PageId, OutputFile)> = affected
        .par_iter()
        .filter_map(|&id| {
            render_page(site, strings, renderer, rendered, Some(cache), &|_| false, id)
                .map_err(|d| diagnostics.push(d))
                .ok()
                .map(|file| (id, file))
        })
        .collect();
    watch.lap("templates");
    if diagnostics.has_errors() {
        return Err(BuildError::Invalid(diagnostics.into_sorted()));
    }

    // The search index of every locale with a changed page, joined from the kept entries.
    // Each changed file goes with its place in `files`, where page `i` is file `i`.
    let mut locales: Vec<usize> = Vec::new();
    for (id, file) in &pages {
        let page = &site.pages[*id];
        cache.keep_search_entry(&page.url, &crate::search::entry(site, page, file));
        if !locales.contains(&page.locale) {
            locales.push(page.locale);
        }
    }
    let mut changed: Vec<(usize, OutputFile)> = pages;
    let structure = cache.structure.load(std::sync::atomic::Ordering::SeqCst);
    for &locale in &locales {
        let entries: Vec<_> = {
            let kept = lock(&cache.search);
            site.pages
                .iter()
                .filter(|p| p.locale == locale)
                .filter_map(|p| kept.get(&p.url).and_then(|(_, e)| e.clone()))
                .collect()
        };
        let body = crate::search::index_json(entries.iter());
        lock(&cache.search_indexes).insert(locale, (structure, body.clone()));
        let index = crate::search::index_file(site, locale, body);
        let at = files
            .iter()
            .position(|f| f.path == index.path)
            .ok_or_else(|| missing(&index.path))?;
        changed.push((at, index));
    }
    watch.lap("search index");
    let scanned: Vec<OutputFile> = changed.iter().map(|(_, f)| f.clone()).collect();
    report_leaks(site, &scanned, Some(cache), &diagnostics);
    watch.lap("leak scan");
    if diagnostics.has_errors() {
        return Err(BuildError::Invalid(diagnostics.into_sorted()));
    }

    let out = options.out.as_ref().expect("checked in body_edits");
    output::overwrite(out, &scanned.iter().collect::<Vec<_>>()).map_err(|source| BuildError::Write {
        path: out.clone(),
        source,
    })?;
    {
        let mut written = lock(&cache.written);
        for (at, file) in changed {
            if let Some(inputs) = cache.inputs_of(&file.path) {
                written.insert(file.path.clone(), inputs);
            }
            files[at] = file;
        }
    }
    let mut bodies = lock(&cache.bodies);
    for &source in &edited {
        let src = &site.sources[source];
        bodies.insert(src.file.clone(), super::hash_of(&src.body));
    }
    watch.lap("write");
    Ok(BuildReport {
        stages: watch.stages,
        rendered: cache.take_rendered(),
        ..report.clone()
    })
}
