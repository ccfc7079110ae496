//! Rebuilding after an edit: only the pages that show what changed.
//!
//! - **Markdown bodies.** No page shows another page's Markdown body: listings, navigation,
//!   feeds and the sitemap are made from front matter and data. So when the files that changed
//!   are Markdown files whose front matter is as it was, only their pages are rendered again and
//!   every link is checked again (another page may point at a heading that is gone).
//! - **Interface strings.** Every page notes what it read ([`crate::reads`]), building its
//!   context and rendering. When only `i18n/*.ftl` files changed, the pages that read a string
//!   whose definition changed are rendered again, with the others' context and HTML kept.
//! - **Progress reports.** Pages note the activities whose reports they read the same way. When
//!   only files in plans' `reports/` folders changed, those plans' reports are read again, and
//!   the pages that read an activity whose reports changed are rendered again, with the feeds
//!   of reports and the open data.
//!
//! Then every part of the search index with a changed page is joined from the kept entries,
//! and the files whose bytes changed are scanned and written. Anything else, or anything
//! unexpected (a string or report the shared context, a shortcode or a site-wide file read, a
//! file the last build did not have), takes a full [`build`]. Either way the output is the
//! output of a fresh build (tests/rebuild.rs).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;

use rayon::prelude::*;

use super::{
    BuildCache, BuildError, BuildOptions, BuildReport, LastBuild, SiteFiles, Stopwatch, build, check_links, coverage,
    lock, markdown_of, render_page, report_leaks,
};
use crate::content::{self, SourcePage};
use crate::diagnostics::{Diagnostics, read_text};
use crate::i18n::Strings;
use crate::output::{self, OutputFile};
use crate::plan::FiledReport;
use crate::reads::Read;
use crate::render::Renderer;
use crate::site::{PageId, PageKind};
use crate::theme::Theme;

/// Builds the site again after `changed` files were saved. When the previous build of the same
/// preview folder succeeded (`putokaz serve`) and they are Markdown files whose front matter
/// did not change, interface strings files or files of progress reports, only the pages that
/// show what changed are made; otherwise this is a full [`build`].
pub fn rebuild(options: &BuildOptions, changed: &[PathBuf]) -> Result<BuildReport, BuildError> {
    let preview = options.out.as_deref().filter(|_| options.update_in_place);
    if let (Some(cache), Some(out)) = (options.cache.as_deref(), preview) {
        let mut last = lock(&cache.last);
        let result = match last.as_mut() {
            Some(l) => match &*relevant(options, l, changed) {
                // Only files that came and went while being saved (`sed -i` and some editors
                // write a temporary file and rename it): nothing to do.
                [] if !changed.is_empty() => Some(Ok(BuildReport {
                    stages: Vec::new(),
                    rendered: 0,
                    ..l.report.clone()
                })),
                changed => match body_edits(options, l, changed) {
                    Some(edits) => Some(rebuild_bodies(out, cache, l, edits)),
                    None if only_strings(options, changed) => rebuild_strings(options, out, cache, l),
                    None if only_templates(options, l, changed) => rebuild_templates(options, out, cache, l),
                    None => report_edits(options, l, changed)
                        .and_then(|edits| rebuild_reports(options, out, cache, l, edits)),
                },
            },
            None => None,
        };
        if let Some(result) = result {
            if result.is_err() {
                // Part of the kept state is now ahead of the preview: start afresh next time.
                *last = None;
            }
            return result;
        }
    }
    build(options)
}

/// `changed` without the files under `content/` that no longer exist and that the last build
/// did not read: temporary files an editor wrote and renamed while saving.
fn relevant(options: &BuildOptions, last: &LastBuild, changed: &[PathBuf]) -> Vec<PathBuf> {
    let root = options.root.canonicalize().ok();
    changed
        .iter()
        .filter(|path| {
            if path.exists() {
                return true;
            }
            let rel = path
                .parent()
                .and_then(|p| p.canonicalize().ok())
                .zip(path.file_name())
                .and_then(|(folder, name)| Some(folder.join(name).strip_prefix(root.as_ref()?).ok()?.to_path_buf()));
            match rel {
                Some(rel) if rel.starts_with(content::CONTENT_DIR) => {
                    last.data.contains_key(&rel) || last.site.sources.iter().any(|s| s.file == rel)
                }
                _ => true,
            }
        })
        .cloned()
        .collect()
}

/// Whether every path in `changed` is an interface strings file of the site (`i18n/*.ftl`).
fn only_strings(options: &BuildOptions, changed: &[PathBuf]) -> bool {
    let Ok(i18n) = options.root.join("i18n").canonicalize() else {
        return false;
    };
    !changed.is_empty()
        && changed.iter().all(|p| {
            p.extension().is_some_and(|e| e == "ftl")
                && p.canonicalize().is_ok_and(|p| p.parent() == Some(i18n.as_path()))
        })
}

/// The sources whose bodies `changed` edits, with their new text; `None` unless every changed
/// path is a Markdown source of the last build whose front matter is unchanged.
fn body_edits(options: &BuildOptions, last: &LastBuild, changed: &[PathBuf]) -> Option<Vec<(usize, SourcePage)>> {
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

/// The last build's report with this rebuild's stages and the number of pages it rendered.
fn last_report(watch: Stopwatch, cache: &BuildCache, last: &LastBuild) -> BuildReport {
    BuildReport {
        stages: watch.stages,
        rendered: cache.take_rendered(),
        ..last.report.clone()
    }
}

/// Applies `edits` to the last build and writes the pages they change.
fn rebuild_bodies(
    out: &Path,
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
    let affected: Vec<PageId> = (0..last.site.pages.len())
        .filter(|&id| matches!(last.site.pages[id].kind, PageKind::Content { source, .. } if edited.contains(&source)))
        .collect();
    watch.lap("model");

    let LastBuild {
        site,
        strings,
        rendered,
        statics,
        theme,
        fixed_reads,
        ..
    } = &mut *last;
    let markdown: Vec<_> = affected
        .par_iter()
        .filter_map(|&id| {
            let (r, reads) = crate::reads::record(|| markdown_of(site, strings, Some(cache), id, &diagnostics));
            Some((id, r?, reads))
        })
        .collect();
    for (id, r, reads) in markdown {
        rendered.insert(id, r);
        fixed_reads.extend(reads);
    }
    watch.lap("markdown");
    check_links(site, rendered, statics, theme, &diagnostics);
    watch.lap("links");
    if diagnostics.has_errors() {
        return Err(BuildError::Invalid(diagnostics.into_sorted()));
    }

    render_and_publish(out, cache, last, &affected, Vec::new(), diagnostics, &mut watch)?;
    let mut bodies = lock(&cache.bodies);
    for &source in &edited {
        let src = &last.site.sources[source];
        bodies.insert(src.file.clone(), super::hash_of(&src.body));
    }
    Ok(last_report(watch, cache, last))
}

/// Loads the edited interface strings and renders again the pages that read a string whose
/// definition changed; `None` when that takes a full build.
fn rebuild_strings(
    options: &BuildOptions,
    out: &Path,
    cache: &BuildCache,
    last: &mut LastBuild,
) -> Option<Result<BuildReport, BuildError>> {
    let mut watch = Stopwatch::new();
    let diagnostics = Diagnostics::new();
    cache.take_rendered();
    let strings = Arc::new(Strings::load(&options.root, &last.site.config, &diagnostics));
    if diagnostics.has_errors() {
        return Some(Err(BuildError::Invalid(diagnostics.into_sorted())));
    }
    let changed: BTreeSet<Read> = strings.changed_since(&last.strings)?;
    // The shared context, shortcodes and site-wide files are not made again here.
    let site_files = lock(&cache.site_files).clone()?;
    if changed.iter().any(|r| {
        last.fixed_reads.contains(r) || site_files.special_reads.contains(r) || site_files.progress_reads.contains(r)
    }) {
        return None;
    }
    watch.lap("load");
    *lock(&cache.changed) = Some(changed);
    let affected = cache.stale_pages(&last.site);
    last.renderer.set_strings(&last.site, &strings);
    last.strings = strings.clone();
    watch.lap("model");
    if let Err(e) = render_and_publish(out, cache, last, &affected, Vec::new(), diagnostics, &mut watch) {
        return Some(Err(e));
    }
    cache.keep_strings(strings);
    last.report.coverage = coverage(&last.site, &last.strings);
    Some(Ok(last_report(watch, cache, last)))
}

/// Whether every path in `changed` is in a folder of templates: the site's `templates/` or its
/// theme's (saved, new or removed).
fn only_templates(options: &BuildOptions, last: &LastBuild, changed: &[PathBuf]) -> bool {
    let folders: Vec<PathBuf> = [
        options.root.join("templates"),
        options
            .root
            .join("themes")
            .join(&last.site.config.theme)
            .join("templates"),
    ]
    .iter()
    .filter_map(|f| f.canonicalize().ok())
    .collect();
    !changed.is_empty()
        && changed.iter().all(|p| {
            p.parent()
                .and_then(|f| f.canonicalize().ok())
                .is_some_and(|f| folders.contains(&f))
        })
}

/// Loads the templates again and renders the pages made with a template that changed (or with
/// one it extends, includes or imports), and the site-wide files if theirs changed; `None` when
/// that takes a full build (the theme's static files changed too).
fn rebuild_templates(
    options: &BuildOptions,
    out: &Path,
    cache: &BuildCache,
    last: &mut LastBuild,
) -> Option<Result<BuildReport, BuildError>> {
    let mut watch = Stopwatch::new();
    let diagnostics = Diagnostics::new();
    cache.take_rendered();
    let css = crate::render::markdown::highlight_css();
    let theme = Theme::load(&options.root, &last.site.config.theme, css, &diagnostics);
    if theme
        .assets
        .iter()
        .map(|a| &a.url)
        .ne(last.theme.assets.iter().map(|a| &a.url))
    {
        return None;
    }
    super::check_templates_named(&last.site, &theme, &diagnostics);
    let renderer = Renderer::new(
        &last.site,
        &theme,
        last.strings.clone(),
        options.live_reload,
        &diagnostics,
    );
    let Some(renderer) = renderer.filter(|_| !diagnostics.has_errors()) else {
        return Some(Err(BuildError::Invalid(diagnostics.into_sorted())));
    };
    let site_files = lock(&cache.site_files).clone()?;
    watch.lap("load");
    let affected = cache.pages_of_other_templates(&last.site, &renderer);
    let key = super::site_files_key(cache.structure.load(Ordering::SeqCst), &renderer);
    watch.lap("model");

    // The site-wide files, if the templates they are made with changed.
    let remade =
        (key != site_files.made_for).then(|| SiteFiles::make(key, &last.site, &last.strings, &renderer, &diagnostics));
    last.renderer = renderer;
    last.theme = theme;
    let also = remade.as_ref().map(|s| s.files.clone()).unwrap_or_default();
    if let Err(e) = render_and_publish(out, cache, last, &affected, also, diagnostics, &mut watch) {
        return Some(Err(e));
    }
    if let Some(remade) = remade {
        *lock(&cache.site_files) = Some(remade);
    }
    Some(Ok(last_report(watch, cache, last)))
}

/// The files of progress reports that `changed` edits, by their path below the site root, and
/// the plans they report on; `None` unless every changed path is a TOML file (saved, new or
/// removed) in the `reports/` folder of a plan of the last build.
fn report_edits(options: &BuildOptions, last: &LastBuild, changed: &[PathBuf]) -> Option<ReportEdits> {
    let root = options.root.canonicalize().ok()?;
    let plans = root.join(crate::plan::PLANS_DIR);
    let mut edits = ReportEdits::default();
    for path in changed {
        if path.extension().is_none_or(|e| e != "toml") {
            return None;
        }
        // A removed report has no canonical path, but its folder has.
        let folder = path.parent()?.canonicalize().ok()?;
        let plan = folder.parent().filter(|p| p.parent() == Some(plans.as_path()))?;
        if folder.file_name()? != "reports" {
            return None;
        }
        let id = plan.file_name()?.to_str()?;
        edits
            .plans
            .insert(last.site.plans.plans.iter().position(|p| p.id == id)?);
        edits
            .files
            .insert(folder.join(path.file_name()?).strip_prefix(&root).ok()?.to_path_buf());
    }
    (!edits.plans.is_empty()).then_some(edits)
}

/// Edited files of progress reports.
#[derive(Default)]
struct ReportEdits {
    /// The plans they report on.
    plans: BTreeSet<usize>,
    /// The files, below the site root.
    files: BTreeSet<PathBuf>,
}

/// Reads the progress reports on the edited `plans` again and makes again the pages that read a
/// report that changed, the feeds of reports and the open data; `None` when that takes a full
/// build (the context every page shares, a shortcode or a site-wide file read one of them).
fn rebuild_reports(
    options: &BuildOptions,
    out: &Path,
    cache: &BuildCache,
    last: &mut LastBuild,
    edits: ReportEdits,
) -> Option<Result<BuildReport, BuildError>> {
    let mut watch = Stopwatch::new();
    let diagnostics = Diagnostics::new();
    cache.take_rendered();
    let reports: Vec<(String, Vec<FiledReport>)> = edits
        .plans
        .iter()
        .map(|&p| {
            let plan = &last.site.plans.plans[p];
            let reports = crate::plan::load_reports(&options.root, plan, &last.site.config, &diagnostics);
            (plan.id.clone(), reports)
        })
        .collect();
    if diagnostics.has_errors() {
        return Some(Err(BuildError::Invalid(diagnostics.into_sorted())));
    }
    let changed: BTreeSet<Read> = reports
        .iter()
        .flat_map(|(plan, r)| last.site.plans.changed_reports(plan, r))
        .collect();
    let site_files = lock(&cache.site_files).clone()?;
    if changed
        .iter()
        .any(|r| last.fixed_reads.contains(r) || site_files.special_reads.contains(r))
    {
        return None;
    }
    for (plan, r) in reports {
        last.site.plans.replace_reports(&plan, r);
    }
    watch.lap("load");
    // Reports are part of the structure: what is kept is keyed by the new one from here on.
    for file in edits.files {
        match std::fs::read(options.root.join(&file)) {
            Ok(bytes) => last.data.insert(file, super::hash_of(bytes)),
            Err(_) => last.data.remove(&file),
        };
    }
    let environment = cache.environment.load(Ordering::SeqCst);
    let structure = super::structure_hash(last.fronts, environment, &last.data);
    let before = cache.structure.swap(structure, Ordering::SeqCst);
    for (made_for, _) in lock(&cache.search_indexes).values_mut() {
        if *made_for == before {
            *made_for = structure;
        }
    }
    *lock(&cache.changed) = Some(changed);
    let affected = cache.stale_pages(&last.site);
    watch.lap("model");

    // The feeds of reports and the open data are made beside the pages.
    let ((progress, progress_reads), pages) = rayon::join(
        || crate::reads::record(|| super::progress_files(&last.site, &last.strings, &last.renderer, &diagnostics)),
        || render_again(cache, last, &affected, &diagnostics),
    );
    watch.lap("templates, feeds, open data");
    let also = progress.clone();
    if let Err(e) = publish(out, cache, last, pages, also, diagnostics, &mut watch) {
        return Some(Err(e));
    }
    let mut files = site_files.files;
    for file in progress {
        match files.iter_mut().find(|f| f.path == file.path) {
            Some(kept) => *kept = file,
            None => return Some(Err(missing(&file.path))),
        }
    }
    *lock(&cache.site_files) = Some(SiteFiles {
        made_for: super::site_files_key(structure, &last.renderer),
        files,
        progress_reads: Arc::new(progress_reads),
        ..site_files
    });
    cache.keep_strings(last.strings.clone());
    Some(Ok(last_report(watch, cache, last)))
}

/// Renders the `affected` pages again ([`render_again`]) and publishes them with the site-wide
/// files `also` ([`publish`]).
fn render_and_publish(
    out: &Path,
    cache: &BuildCache,
    last: &mut LastBuild,
    affected: &[PageId],
    also: Vec<OutputFile>,
    diagnostics: Diagnostics,
    watch: &mut Stopwatch,
) -> Result<(), BuildError> {
    let pages = render_again(cache, last, affected, &diagnostics);
    watch.lap("templates");
    publish(out, cache, last, pages, also, diagnostics, watch)
}

/// A page rendered again, with its search entry.
type Remade = (PageId, OutputFile, Option<crate::search::Entry>);

/// Renders the `affected` pages of the last build again and makes their search entries, in
/// parallel; errors go into `diagnostics`.
fn render_again(cache: &BuildCache, last: &LastBuild, affected: &[PageId], diagnostics: &Diagnostics) -> Vec<Remade> {
    let LastBuild {
        site,
        strings,
        renderer,
        rendered,
        ..
    } = last;
    let bodies = super::Bodies::Kept(rendered);
    affected
        .par_iter()
        .filter_map(|&id| {
            render_page(site, strings, renderer, &bodies, Some(cache), &|_| false, id)
                .map_err(|d| diagnostics.push(d))
                .ok()
                .map(|(file, _)| {
                    let entry = crate::search::entry(site, &site.pages[id], &file);
                    (id, file, entry)
                })
        })
        .collect()
}

/// Takes the `pages` rendered again ([`render_again`]), joins the search index of their
/// locales from the kept entries, and scans and writes those files and the site-wide files
/// `also` (which replace the last build's files of the same name).
fn publish(
    out: &Path,
    cache: &BuildCache,
    last: &mut LastBuild,
    pages: Vec<Remade>,
    also: Vec<OutputFile>,
    diagnostics: Diagnostics,
    watch: &mut Stopwatch,
) -> Result<(), BuildError> {
    if diagnostics.has_errors() {
        return Err(BuildError::Invalid(diagnostics.into_sorted()));
    }
    let LastBuild { site, files, .. } = last;

    // Every part of the search index with a changed page, joined from the kept entries.
    // Each changed file goes with its place in `files`, where page `i` is file `i`.
    let mut parts: BTreeSet<(usize, &str)> = BTreeSet::new();
    let mut changed: Vec<(usize, OutputFile)> = Vec::with_capacity(pages.len());
    for (id, file, entry) in pages {
        let page = &site.pages[id];
        cache.keep_search_entry(&page.url, &entry);
        if let Some(part) = crate::search::part_of(site, page) {
            parts.insert((page.locale, part));
        }
        changed.push((id, file));
    }
    let structure = cache.structure.load(Ordering::SeqCst);
    // The entries of those parts, in the order of the site's pages, in one pass over them.
    let mut entries: BTreeMap<(usize, &str), Vec<_>> = parts.into_iter().map(|p| (p, Vec::new())).collect();
    {
        let kept = lock(&cache.search);
        for page in &site.pages {
            let Some(part) = crate::search::part_of(site, page) else {
                continue;
            };
            if let Some(list) = entries.get_mut(&(page.locale, part)) {
                list.extend(kept.get(&page.url).and_then(|(_, e)| e.clone()));
            }
        }
    }
    // The site-wide files follow the pages.
    let place: HashMap<&str, usize> = files
        .iter()
        .enumerate()
        .skip(site.pages.len())
        .map(|(i, f)| (f.path.as_str(), i))
        .collect();
    let at = |path: &str| place.get(path).copied().ok_or_else(|| missing(path));
    let indexes: Vec<(usize, &str, Arc<String>)> = entries
        .into_par_iter()
        .map(|((locale, part), entries)| (locale, part, crate::search::index_json(entries.iter())))
        .collect();
    for (locale, part, body) in indexes {
        lock(&cache.search_indexes).insert((locale, part.to_owned()), (structure, body.clone()));
        let index = crate::search::index_file(site, locale, part, body);
        changed.push((at(&index.path)?, index));
    }
    watch.lap("search index");
    for file in also {
        changed.push((at(&file.path)?, file));
    }
    // A file whose bytes are those already published was scanned then and needs no writing.
    let scanned: Vec<OutputFile> = changed
        .iter()
        .filter(|(at, f)| f.body.generated().is_none() || f.body.generated() != files[*at].body.generated())
        .map(|(_, f)| f.clone())
        .collect();
    report_leaks(site, &scanned, Some(cache), Vec::new(), &diagnostics);
    watch.lap("leak scan");
    if diagnostics.has_errors() {
        return Err(BuildError::Invalid(diagnostics.into_sorted()));
    }

    output::overwrite(out, &scanned.iter().collect::<Vec<_>>()).map_err(|source| BuildError::Write {
        path: out.to_path_buf(),
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
    watch.lap("write");
    Ok(())
}
