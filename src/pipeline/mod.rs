//! One build, start to end: load → validate → model → render → write.
//!
//! Every stage reports into one [`Diagnostics`]; nothing is rendered from invalid input and
//! nothing is written unless every page rendered.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::SiteConfig;
use crate::content;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::i18n::Strings;
use crate::output::{self, Body, OutputFile};
use crate::plan;
use crate::reads::{Read, ReadSet};
use crate::render::markdown::{self, Rendered};
use crate::render::{Renderer, THEME_ANCHORS};
use crate::site::{DataPage, PageId, PageKind, Site};
use crate::theme::Theme;

/// The folder of site files published as they are.
pub const STATIC_DIR: &str = "static";

mod incremental;
pub use incremental::rebuild;

/// What to build and how.
#[derive(Clone, Default)]
pub struct BuildOptions {
    /// The site root: the folder with `putokaz.toml`.
    pub root: PathBuf,
    /// Where to write the site; `None` only validates (`putokaz check`).
    pub out: Option<PathBuf>,
    /// Overrides the configured base URL.
    pub base_url: Option<String>,
    /// Publishes pages marked `draft = true`.
    pub drafts: bool,
    /// Adds the live-reload script to every page (`putokaz serve`).
    pub live_reload: bool,
    /// Called with (done, total) as pages render, for progress display.
    pub progress: Option<Arc<dyn Fn(usize, usize) + Send + Sync>>,
    /// What the previous build kept (`putokaz serve`), so that unchanged Markdown and pages are
    /// not rendered again.
    pub cache: Option<Arc<BuildCache>>,
    /// Updates the output folder in place, writing only changed files, instead of swapping in a
    /// new one (the private preview folder of `putokaz serve`).
    pub update_in_place: bool,
}

/// A search index the build made, with the hash of what it was made from.
type Made = (u64, Arc<String>);

/// Whether any of `reads` is among `changed` (`None`: anything may have changed).
fn any_of(changed: Option<&BTreeSet<Read>>, reads: &BTreeSet<Read>) -> bool {
    match changed {
        // Usually a string or two changed, and a page read dozens: look up the smaller set.
        Some(changed) if changed.len() < reads.len() => changed.iter().any(|c| reads.contains(c)),
        Some(changed) => reads.iter().any(|r| changed.contains(r)),
        None => true,
    }
}

/// The hashes of what changed, as [`ReadSet`] keeps reads.
fn changed_hashes(changed: &BTreeSet<Read>) -> Vec<u64> {
    changed.iter().map(ReadSet::hash).collect()
}

/// Whether any of the `changed` hashes is in `reads` (`None`: anything may have changed).
fn any_in(changed: Option<&[u64]>, reads: &ReadSet) -> bool {
    changed.is_none_or(|changed| changed.iter().any(|&h| reads.contains(h)))
}

/// The site-wide files of a build and what they were made from.
#[derive(Clone)]
struct SiteFiles {
    /// What they were made for ([`site_files_key`]: the structure, as they show no Markdown
    /// body, and their templates).
    made_for: u64,
    /// Those of [`special_files`], then those of [`progress_files`].
    files: Vec<OutputFile>,
    /// What [`special_files`] read.
    special_reads: Arc<BTreeSet<Read>>,
    /// What [`progress_files`] read.
    progress_reads: Arc<BTreeSet<Read>>,
}

impl SiteFiles {
    /// Makes the site-wide files with `renderer`, noting what they read, for key `made_for`.
    fn make(
        made_for: u64,
        site: &Site,
        strings: &Strings,
        renderer: &Renderer,
        diagnostics: &Diagnostics,
    ) -> SiteFiles {
        let (mut files, special_reads) = crate::reads::record(|| special_files(site, strings, renderer, diagnostics));
        let (progress, progress_reads) = crate::reads::record(|| progress_files(site, strings, renderer, diagnostics));
        files.extend(progress);
        SiteFiles {
            made_for,
            files,
            special_reads: Arc::new(special_reads),
            progress_reads: Arc::new(progress_reads),
        }
    }
}

/// A finished page and what it was made from.
#[derive(Clone)]
struct MadePage {
    /// The hash of its templates, locale, context and environment.
    inputs: u64,
    /// The hash of its templates ([`Renderer::template_hash`]).
    template: u64,
    /// That hash together with the definitions of the interface strings it read: what search
    /// entries and scans of this HTML are keyed by.
    made_from: u64,
    html: Arc<String>,
    /// What it read, building its context and rendering.
    reads: ReadSet,
}

/// What a build keeps for the next one. Every entry is keyed by a hash of everything its
/// result depends on, so a rebuild that takes from here gives the output of a fresh build:
///
/// - rendered Markdown, per source file and locale: its text and every `@/` link's target;
/// - finished pages, per URL: the template, the locale and the whole template context, plus
///   what templates read besides the context (the theme, the published statistics, the
///   configuration) and the definitions of the interface strings the page read, which it notes
///   as it renders ([`crate::reads::record`]).
#[derive(Default)]
pub struct BuildCache {
    /// Per (source file, locale): the hash of the Markdown and what it rendered to.
    entries: std::sync::Mutex<HashMap<(PathBuf, usize), (u64, Rendered)>>,
    /// A hash of every `@/` link target's URL; when it changes, every entry is stale.
    links: std::sync::atomic::AtomicU64,
    /// Per page URL: the hash of its inputs and its finished (minified) HTML.
    pages: std::sync::Mutex<HashMap<String, MadePage>>,
    /// A hash of what templates read besides their context; when it changes, every page is stale.
    environment: std::sync::atomic::AtomicU64,
    /// Per output file of a page: the hash of the inputs its HTML was made from in this build.
    inputs: std::sync::Mutex<HashMap<String, u64>>,
    /// Per locale and part: that part of its search index, with the structure hash of the
    /// build that made it.
    search_indexes: std::sync::Mutex<HashMap<(usize, String), Made>>,
    /// Per page URL: its search entry, with the inputs hash of the HTML it was taken from.
    search: std::sync::Mutex<HashMap<String, (u64, Option<crate::search::Entry>)>>,
    /// Per output file: the leak scan's findings, with the inputs hash of the bytes scanned.
    scan: std::sync::Mutex<HashMap<String, (u64, Vec<crate::scan::Finding>)>>,
    /// A hash of what the leak scan allows; when it changes, every scan is stale.
    scan_allowed: std::sync::atomic::AtomicU64,
    /// A hash of everything pages are made from except the Markdown bodies (see [`structure_hash`]).
    structure: std::sync::atomic::AtomicU64,
    /// Per Markdown file: the hash of its body when its pages were last made.
    bodies: std::sync::Mutex<HashMap<PathBuf, u64>>,
    /// Per page file written in place: the inputs hash of what was written.
    written: std::sync::Mutex<HashMap<String, u64>>,
    /// Every file written in place by the last build that wrote.
    files: std::sync::Mutex<Option<HashSet<String>>>,
    /// The site-wide files (feeds, sitemap, 404 and root pages, open data) and what they were
    /// made from.
    site_files: std::sync::Mutex<Option<SiteFiles>>,
    /// The last successful build of a preview folder, for [`rebuild`] to change in place.
    last: std::sync::Mutex<Option<LastBuild>>,
    /// Pages rendered anew (not taken as they were) since the count was last taken.
    rendered: std::sync::atomic::AtomicUsize,
    /// The interface strings of the last successful build.
    strings: std::sync::Mutex<Option<Arc<Strings>>>,
    /// What differs from the last successful build (`None`: anything may): the strings whose
    /// definitions changed and, when [`rebuild`] applies edited reports, the reports. A page
    /// or site-wide file that read one of those is made again.
    changed: std::sync::Mutex<Option<BTreeSet<Read>>>,
}

/// Everything a successful build made, kept so that an edit to Markdown bodies, interface
/// strings, templates or progress reports can be rebuilt by redoing only the pages that show it
/// ([`rebuild`]).
struct LastBuild {
    site: Site,
    strings: Arc<Strings>,
    renderer: Renderer,
    rendered: HashMap<PageId, Rendered>,
    statics: Vec<(String, PathBuf)>,
    theme: Theme,
    /// Every output file, pages first (`files[i]` is page `i`).
    files: Vec<OutputFile>,
    report: BuildReport,
    /// The interface strings and reports read outside pages' own contexts and templates: by the
    /// context every page of a locale shares, and by Markdown shortcodes.
    fixed_reads: BTreeSet<Read>,
    /// The files under `content/` but Markdown, as the structure hash took them.
    data: DataFiles,
    /// [`fronts_hash`] of `site`.
    fronts: u64,
}

impl BuildCache {
    fn get_or_render(&self, key: (PathBuf, usize), body: &str, render: impl FnOnce() -> Rendered) -> Rendered {
        let hash = hash_of(body);
        let entries = || self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((h, r)) = entries().get(&key) {
            if *h == hash {
                return r.clone();
            }
        }
        let rendered = render();
        entries().insert(key, (hash, rendered.clone()));
        rendered
    }

    /// Forgets everything if the URLs that `@/` links resolve to have changed.
    fn invalidate_unless(&self, links: u64) {
        if self.links.swap(links, std::sync::atomic::Ordering::SeqCst) != links {
            self.entries.lock().unwrap_or_else(|e| e.into_inner()).clear();
        }
    }

    /// Forgets every finished page if what templates read besides their context has changed.
    /// Also starts the record of this build's pages.
    fn invalidate_pages_unless(&self, environment: u64) {
        lock(&self.inputs).clear();
        if self.environment.swap(environment, std::sync::atomic::Ordering::SeqCst) != environment {
            self.pages.lock().unwrap_or_else(|e| e.into_inner()).clear();
        }
    }

    /// The finished page at `url` if its inputs hash to `inputs` and nothing it read has
    /// changed, or what `render` makes of it (with what it read). `template` is the hash of
    /// the templates it is made with ([`Renderer::template_hash`]), also part of `inputs`.
    fn page_or_render(
        &self,
        url: &str,
        (inputs, template): (u64, u64),
        strings: &Strings,
        render: impl FnOnce() -> Result<(String, BTreeSet<Read>), Diagnostic>,
    ) -> Result<Arc<String>, Diagnostic> {
        if let Some(made) = self.finished(url).filter(|m| m.inputs == inputs) {
            lock(&self.inputs).insert(output::file_for_url(url), made.made_from);
            return Ok(made.html);
        }
        let (html, reads) = render()?;
        let made = MadePage {
            inputs,
            template,
            made_from: hash_of((inputs, strings.fingerprint_of(&reads))),
            html: html.into(),
            reads: ReadSet::new(&reads),
        };
        self.rendered.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        lock(&self.inputs).insert(output::file_for_url(url), made.made_from);
        lock(&self.pages).insert(url.to_owned(), made.clone());
        Ok(made.html)
    }

    /// How many pages were rendered anew since the last call.
    fn take_rendered(&self) -> usize {
        self.rendered.swap(0, std::sync::atomic::Ordering::Relaxed)
    }

    /// The finished page at `url` as the previous build made it, unless something it read has
    /// changed since.
    fn finished(&self, url: &str) -> Option<MadePage> {
        let made = lock(&self.pages).get(url).cloned()?;
        let changed = lock(&self.changed).as_ref().map(changed_hashes);
        (!any_in(changed.as_deref(), &made.reads)).then_some(made)
    }

    /// The site-wide files the last build made, if they were made for `key` ([`site_files_key`])
    /// and nothing they read has changed.
    fn kept_site_files(&self, key: u64) -> Option<Vec<OutputFile>> {
        let kept = lock(&self.site_files).clone()?;
        (kept.made_for == key && !self.any_changed(&kept.special_reads) && !self.any_changed(&kept.progress_reads))
            .then_some(kept.files)
    }

    /// Whether any of `reads` has changed since the last successful build.
    fn any_changed(&self, reads: &BTreeSet<Read>) -> bool {
        any_of(lock(&self.changed).as_ref(), reads)
    }

    /// The pages of `site` whose kept HTML was made with other templates than `renderer` has
    /// now (or that have none).
    fn pages_of_other_templates(&self, site: &Site, renderer: &Renderer) -> Vec<PageId> {
        let pages = lock(&self.pages);
        (0..site.pages.len())
            .filter(|&id| {
                pages
                    .get(&site.pages[id].url)
                    .is_none_or(|made| made.template != renderer.template_hash(&template_for(site, id)))
            })
            .collect()
    }

    /// The pages of `site` that [`BuildCache::finished`] has no HTML for: never made, or made
    /// from something that has changed since.
    fn stale_pages(&self, site: &Site) -> Vec<PageId> {
        let changed = lock(&self.changed).as_ref().map(changed_hashes);
        let pages = lock(&self.pages);
        (0..site.pages.len())
            .into_par_iter()
            .filter(|&id| {
                pages
                    .get(&site.pages[id].url)
                    .is_none_or(|made| any_in(changed.as_deref(), &made.reads))
            })
            .collect()
    }

    /// Keeps the strings of a build that succeeded: what is kept now was made with them.
    fn keep_strings(&self, strings: Arc<Strings>) {
        *lock(&self.strings) = Some(strings);
        *lock(&self.changed) = Some(BTreeSet::new());
    }

    /// Notes the strings of this build: which differ from the last successful build's.
    fn compare_strings(&self, strings: &Strings) {
        let changed = match &*lock(&self.strings) {
            Some(before) => strings.changed_since(before),
            None => Some(BTreeSet::new()),
        };
        *lock(&self.changed) = changed;
    }

    /// The inputs hash of the page written to output file `path` in this build, if it is a page.
    fn inputs_of(&self, path: &str) -> Option<u64> {
        lock(&self.inputs).get(path).copied()
    }

    /// The search entry of the page at `url` if its HTML is the one it was taken from.
    fn search_entry(&self, url: &str) -> Option<Option<crate::search::Entry>> {
        let h = self.inputs_of(&output::file_for_url(url))?;
        lock(&self.search)
            .get(url)
            .filter(|(was, _)| *was == h)
            .map(|(_, e)| e.clone())
    }

    fn keep_search_entry(&self, url: &str, entry: &Option<crate::search::Entry>) {
        if let Some(h) = self.inputs_of(&output::file_for_url(url)) {
            lock(&self.search).insert(url.to_owned(), (h, entry.clone()));
        }
    }

    /// The findings of the leak scan of output file `path` if its bytes are the ones scanned.
    fn scan_findings(&self, path: &str) -> Option<Vec<crate::scan::Finding>> {
        let h = self.inputs_of(path)?;
        lock(&self.scan)
            .get(path)
            .filter(|(was, _)| *was == h)
            .map(|(_, f)| f.clone())
    }

    fn keep_scan_findings(&self, path: &str, findings: &[crate::scan::Finding]) {
        if let Some(h) = self.inputs_of(path) {
            lock(&self.scan).insert(path.to_owned(), (h, findings.to_vec()));
        }
    }
}

/// Every page's rendered Markdown while pages render.
pub(crate) enum Bodies<'a> {
    /// Rendered before the pages and kept for the next build (`serve`): pages borrow it.
    Kept(&'a HashMap<PageId, Rendered>),
    /// Rendered as pages need it, in a build that keeps nothing for the next.
    Lazy(Lazy<'a>),
}

impl<'a> Bodies<'a> {
    /// What the link check reads of every page's rendered Markdown, its links and headings;
    /// Markdown that no page has shown is rendered now.
    fn checked(self) -> std::borrow::Cow<'a, HashMap<PageId, Rendered>> {
        match self {
            Bodies::Kept(rendered) => std::borrow::Cow::Borrowed(rendered),
            Bodies::Lazy(lazy) => {
                lazy.prepare(0..lazy.site.pages.len());
                std::borrow::Cow::Owned(lazy.into_checked())
            }
        }
    }

    /// The rendered Markdown page `id` shows ([`Site::body_page`]).
    fn of(&self, site: &Site, id: PageId) -> Option<std::borrow::Cow<'_, Rendered>> {
        let body = site.body_page(id)?;
        match self {
            Bodies::Kept(rendered) => rendered.get(&body).map(std::borrow::Cow::Borrowed),
            Bodies::Lazy(lazy) => lazy.take(body).map(std::borrow::Cow::Owned),
        }
    }
}

/// Markdown rendered by the first page to show it and let go by the last, so that its memory
/// serves what is made after it: every page's HTML is never held at once. Each source's text
/// goes once each of its pages has rendered it. What the link check reads of the rendered
/// Markdown, its links and headings, is kept ([`Lazy::into_checked`]).
pub(crate) struct Lazy<'a> {
    site: &'a Site,
    strings: &'a Strings,
    diagnostics: &'a Diagnostics,
    /// Per source: how many of its pages have yet to render its text, and the text.
    texts: Vec<std::sync::Mutex<(usize, Option<Arc<String>>)>>,
    /// Per page whose body pages show.
    slots: Vec<std::sync::Mutex<Slot>>,
}

/// The rendered Markdown of one page, as pages take it ([`Lazy`]).
#[derive(Default)]
struct Slot {
    /// How many pages have yet to show it.
    left: usize,
    /// Whether it has been rendered.
    rendered: bool,
    /// The rendered Markdown, until the last page to show it takes it.
    body: Option<Rendered>,
    /// Its links and headings, without its HTML.
    checked: Option<Rendered>,
}

impl<'a> Lazy<'a> {
    /// The Markdown of `site`'s pages, from `texts`, each source's text taken out of it.
    fn new(site: &'a Site, strings: &'a Strings, texts: Vec<String>, diagnostics: &'a Diagnostics) -> Lazy<'a> {
        let mut slots: Vec<Slot> = (0..site.pages.len()).map(|_| Slot::default()).collect();
        let mut texts: Vec<(usize, Option<Arc<String>>)> = texts.into_iter().map(|t| (0, Some(Arc::new(t)))).collect();
        for (id, page) in site.pages.iter().enumerate() {
            if let Some(body) = site.body_page(id) {
                slots[body].left += 1;
            }
            if let PageKind::Content { source, pager: 1 } = page.kind {
                texts[source].0 += 1;
            }
        }
        Lazy {
            site,
            strings,
            diagnostics,
            texts: texts.into_iter().map(std::sync::Mutex::new).collect(),
            slots: slots.into_iter().map(std::sync::Mutex::new).collect(),
        }
    }

    /// Renders the Markdown that the pages `ids` show, where no page has yet: a batch of
    /// pages renders all of it before any page, which keeps each kind of work together.
    fn prepare(&self, ids: std::ops::Range<PageId>) {
        ids.into_par_iter().for_each(|id| {
            if let Some(body) = self.site.body_page(id) {
                self.render_once(&mut lock(&self.slots[body]), body);
            }
        });
    }

    /// Renders the Markdown of page `body` into `slot` if no page has yet.
    fn render_once(&self, slot: &mut Slot, body: PageId) {
        if !slot.rendered {
            slot.rendered = true;
            slot.body = self.render(body);
            slot.checked = slot.body.as_mut().map(|r| Rendered {
                html: String::new(),
                headings: r.headings.clone(),
                links: std::mem::take(&mut r.links),
                unresolved: Vec::new(),
            });
        }
    }

    /// The rendered Markdown of page `body`, rendered if no page has yet, and taken by the
    /// last page to show it.
    fn take(&self, body: PageId) -> Option<Rendered> {
        let mut slot = lock(&self.slots[body]);
        self.render_once(&mut slot, body);
        slot.left = slot.left.saturating_sub(1);
        if slot.left == 0 {
            slot.body.take()
        } else {
            slot.body.clone()
        }
    }

    /// Renders the Markdown of page `id`, and lets its source's text go if no other page
    /// needs it.
    fn render(&self, id: PageId) -> Option<Rendered> {
        let PageKind::Content { source, .. } = self.site.pages[id].kind else {
            return None;
        };
        let text = lock(&self.texts[source]).1.clone()?;
        let rendered = markdown_with(self.site, self.strings, None, id, &text, self.diagnostics);
        let mut left = lock(&self.texts[source]);
        left.0 = left.0.saturating_sub(1);
        if left.0 == 0 {
            left.1 = None;
        }
        rendered
    }

    /// What the link check reads of every page's rendered Markdown: its links and headings.
    fn into_checked(self) -> HashMap<PageId, Rendered> {
        self.slots
            .into_iter()
            .enumerate()
            .filter_map(|(id, slot)| Some((id, slot.into_inner().unwrap_or_else(|e| e.into_inner()).checked?)))
            .collect()
    }
}

fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn hash_of(value: impl std::hash::Hash) -> u64 {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// How completely one language is translated.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// The language code.
    pub language: String,
    /// Pages that exist in this language.
    pub translated: usize,
    /// Pages of the site in any language.
    pub total: usize,
    /// Source files (in another language) of the pages missing in this one.
    pub missing_pages: Vec<PathBuf>,
    /// Interface strings missing in this language (English is shown instead).
    pub missing_strings: Vec<String>,
}

/// What a successful build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// HTML pages rendered, across all locales.
    pub pages: usize,
    /// Files written (or that would be written).
    pub files: usize,
    /// Published locales.
    pub locales: usize,
    /// Pages rendered anew; the others were taken as the previous build made them.
    pub rendered: usize,
    /// Problems that did not stop the build.
    pub warnings: Vec<Diagnostic>,
    /// Translation coverage per language.
    pub coverage: Vec<Coverage>,
    /// How long each stage took, in order.
    pub stages: Vec<(&'static str, std::time::Duration)>,
}

impl BuildReport {
    /// The stages on one line: `load 16, model 1, … ms`.
    pub fn stages_line(&self) -> String {
        let stages: Vec<String> = self
            .stages
            .iter()
            .map(|(stage, took)| format!("{stage} {:.0}", took.as_secs_f64() * 1000.0))
            .collect();
        format!("{} ms", stages.join(", "))
    }
}

/// Measures the stages of a build, for `--timings` and the benchmark.
struct Stopwatch {
    last: std::time::Instant,
    stages: Vec<(&'static str, std::time::Duration)>,
}

impl Stopwatch {
    fn new() -> Self {
        Stopwatch {
            last: std::time::Instant::now(),
            stages: Vec::new(),
        }
    }

    /// Ends stage `name`, which began where the previous one ended.
    fn lap(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        self.stages.push((name, now - self.last));
        self.last = now;
    }
}

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The sources have errors; all of them (and any warnings) are listed.
    #[error("the site has {} error(s)", .0.iter().filter(|d| d.severity == Severity::Error).count())]
    Invalid(Vec<Diagnostic>),
    /// Writing the output failed.
    #[error("cannot write the site to {path}: {source}")]
    Write {
        /// The output folder.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// Builds (or, without `out`, checks) the site described by `options`.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let root = options.root.as_path();
    let mut config = SiteConfig::load(root).map_err(BuildError::Invalid)?;
    if let Some(url) = &options.base_url {
        config.base_url = url.trim_end_matches('/').to_owned();
    }
    if let Some(out) = &options.out {
        output::check_out_dir(root, out).map_err(|m| {
            BuildError::Invalid(vec![
                Diagnostic::error(out, None, m).with_hint("choose another --out folder"),
            ])
        })?;
    }
    let diagnostics = Diagnostics::new();
    let mut watch = Stopwatch::new();
    if let Some(cache) = &options.cache {
        cache.take_rendered();
    }

    // Load, each kind of file on whichever core is free. Statistics are protected as soon as
    // they are read, before anything can render them.
    let statistics = || {
        let tables = crate::stats::load::load(root, &diagnostics);
        crate::stats::Statistics::publish(tables, config.stats_threshold, config.stats_round_to, &diagnostics)
    };
    let (((strings, plans), (help, stats)), (sources, theme)) = rayon::join(
        || {
            rayon::join(
                || {
                    rayon::join(
                        || Strings::load(root, &config, &diagnostics),
                        || plan::load(root, &config, &diagnostics),
                    )
                },
                || rayon::join(|| crate::help::load(root, config.as_of, &diagnostics), statistics),
            )
        },
        || {
            rayon::join(
                || content::load_pages(root, &config, options.drafts, &diagnostics),
                || Theme::load(root, &config.theme, markdown::highlight_css(), &diagnostics),
            )
        },
    );
    let strings = Arc::new(strings);
    let statics = static_files(root, &diagnostics);
    watch.lap("load");

    // Model.
    let mut site = Site::build(config, sources, plans, help, stats, &diagnostics);
    check_templates_named(&site, &theme, &diagnostics);
    watch.lap("model");
    // A build that keeps nothing for the next one puts each page into the new output as soon as
    // it is made, with its search entry and leak scan, and lets its HTML go: memory stays flat
    // however large the site. So does `check`, which puts it nowhere. The new output is begun
    // now, once the pages are known to be valid, so that its folders are made while Markdown
    // renders.
    let streams = options.cache.is_none() && !options.update_in_place;
    let mut staging = match &options.out {
        Some(out) if streams && !diagnostics.has_errors() => {
            Some(output::Staging::begin(out).map_err(|source| BuildError::Write {
                path: out.clone(),
                source,
            })?)
        }
        _ => None,
    };
    if let Some(staging) = &mut staging {
        staging.make_folders(site.pages.iter().map(|p| output::file_for_url(&p.url)).collect());
    }

    // Markdown. A build that keeps what it made for the next renders all of it now, so that
    // an edit renders again only what changed. Any other renders each page's Markdown with the
    // first page to show it ([`Lazy`]): every page's HTML is never held at once, and the
    // Markdown text, needed after rendering only to compare it with the next build's, goes
    // once its pages have it.
    let (rendered, markdown_reads) = match options.cache.as_deref() {
        Some(cache) => {
            let made = render_markdown(&site, &strings, cache, &diagnostics);
            watch.lap("markdown");
            made
        }
        None => Default::default(),
    };
    let texts: Option<Vec<String>> = options.cache.is_none().then(|| {
        site.sources
            .iter_mut()
            .map(|source| std::mem::take(&mut source.body))
            .collect()
    });
    let bodies = match texts {
        Some(texts) => Bodies::Lazy(Lazy::new(&site, &strings, texts, &diagnostics)),
        None => Bodies::Kept(&rendered),
    };
    let (renderer, frame_reads) =
        crate::reads::record(|| Renderer::new(&site, &theme, strings.clone(), options.live_reload, &diagnostics));
    let Some(renderer) = renderer.filter(|_| !diagnostics.has_errors()) else {
        // No page is made, but what is wrong in the Markdown is reported with the rest.
        check_links(&site, &bodies.checked(), &statics, &theme, &diagnostics);
        return Err(BuildError::Invalid(diagnostics.into_sorted()));
    };

    // Render.
    // With a cache, a page is taken from the previous build as it is when nothing but Markdown
    // bodies changed and its own body did not.
    // What is recorded here is stored in the cache only once the build has succeeded.
    let mut same_structure = false;
    let mut body_unchanged: Vec<bool> = vec![false; site.sources.len()];
    let mut made_from: Option<(u64, HashMap<PathBuf, u64>)> = None;
    let mut data = DataFiles::new();
    let mut fronts = 0;
    // Whether a string that the shared context or the shortcodes read has changed (below).
    let mut shared_strings_changed = false;
    if let Some(cache) = &options.cache {
        cache.compare_strings(&strings);
        let environment = environment_hash(root, &theme, &site, options);
        cache.invalidate_pages_unless(environment);
        // What the shared context and the shortcodes read is no page's own read: every page
        // and site-wide file starts from the context, and a shortcode's text is in its page
        // (and feed), so when one of those strings has changed nothing made before is kept.
        shared_strings_changed = cache.any_changed(&frame_reads) || cache.any_changed(&markdown_reads);
        if shared_strings_changed {
            lock(&cache.pages).clear();
        }
        data = data_files(root);
        fronts = fronts_hash(&site);
        let structure = structure_hash(fronts, environment, &data);
        same_structure = cache.structure.load(std::sync::atomic::Ordering::SeqCst) == structure;
        let before = lock(&cache.bodies);
        let bodies: HashMap<PathBuf, u64> = site
            .sources
            .iter()
            .map(|s| (s.file.clone(), hash_of(&s.body)))
            .collect();
        for (i, src) in site.sources.iter().enumerate() {
            body_unchanged[i] = before.get(&src.file) == bodies.get(&src.file);
        }
        made_from = Some((structure, bodies));
    }
    let unchanged = |id: PageId| {
        same_structure
            && match site.pages[id].kind {
                PageKind::Content { source, .. } => body_unchanged[source],
                PageKind::Untranslated | PageKind::Data => true,
            }
    };
    let streamed = Streamed::new(&site);
    let allowed = allowed_contacts(&site);
    let scanner = crate::scan::Scanner::new(&site.config.base_url, &allowed);
    let total = site.pages.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let render = |id: PageId| {
        let result = render_page(
            &site,
            &strings,
            &renderer,
            &bodies,
            options.cache.as_deref(),
            &unchanged,
            id,
        );
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if let Some(progress) = &options.progress {
            progress(n, total);
        }
        result.map_err(|d| diagnostics.push(d)).ok()
    };
    // The site-wide files (feeds, sitemap, open data) need no rendered page: unless the last
    // build's are still right, they are made beside the pages, on whichever core is free.
    let site_files_for = made_from
        .as_ref()
        .map(|(structure, _)| site_files_key(*structure, &renderer));
    let kept = options
        .cache
        .as_deref()
        .zip(site_files_for)
        .filter(|_| !shared_strings_changed)
        .and_then(|(cache, key)| cache.kept_site_files(key));
    let render_pages = || {
        if !streams {
            return (0..total)
                .into_par_iter()
                .filter_map(|id| render(id).map(|(file, _)| file))
                .collect::<Vec<OutputFile>>();
        }
        // In batches: each renders whole, then is indexed, scanned and put whole. Keeping each
        // kind of work together is faster than doing all of it page by page (about 3 % more
        // time than holding every page, instead of 10 %). The parts of the search index are
        // made by tasks of their own, which a core takes when it has no page to make.
        rayon::scope(|later| {
            (0..total)
                .step_by(STREAM_BATCH)
                .flat_map(|from| {
                    let ids = from..(from + STREAM_BATCH).min(total);
                    if let Bodies::Lazy(lazy) = &bodies {
                        lazy.prepare(ids.clone());
                    }
                    let batch: Vec<(PageId, (OutputFile, Fragments))> =
                        ids.into_par_iter().filter_map(|id| Some((id, render(id)?))).collect();
                    batch
                        .into_par_iter()
                        .map(|(id, (file, fragments))| {
                            streamed.put(id, file, &fragments, staging.as_ref(), &scanner, later)
                        })
                        .collect::<Vec<_>>()
                })
                .collect()
        })
    };
    let (pages, made) = rayon::join(render_pages, || {
        kept.is_none().then(|| {
            SiteFiles::make(
                site_files_for.unwrap_or_default(),
                &site,
                &strings,
                &renderer,
                &diagnostics,
            )
        })
    });
    watch.lap(match bodies {
        Bodies::Kept(_) => "pages and site-wide files",
        Bodies::Lazy(_) => "Markdown, pages and site-wide files",
    });
    let Streamed {
        index: _,
        parts: streamed_parts,
        findings: streamed_findings,
        failed: streamed_failure,
    } = streamed;
    // The links between pages, once every page's Markdown is rendered; what no page took
    // (pages that failed) goes now, not at the end of the build.
    check_links(&site, &bodies.checked(), &statics, &theme, &diagnostics);
    watch.lap("links");
    let mut files = pages;
    if streams {
        // The parts of the search index were made and put with the pages.
        files.extend(streamed_parts.into_inner().unwrap_or_else(|e| e.into_inner()));
    } else if !diagnostics.has_errors() {
        // Every page rendered, so `files[i]` is page `i`.
        let cache = options.cache.as_deref();
        let indexes = crate::search::indexes(
            &site,
            &files,
            &|url| cache.and_then(|c| c.search_entry(url)),
            &|url, entry| {
                if let Some(c) = cache {
                    c.keep_search_entry(url, entry);
                }
            },
            // A part is reused only if every entry was and the pages are the same.
            &|(locale, part)| {
                let (c, structure) = cache.zip(made_from.as_ref().map(|(h, _)| *h))?;
                lock(&c.search_indexes)
                    .get(&(locale, part.to_owned()))
                    .filter(|(h, _)| *h == structure)
                    .map(|(_, b)| b.clone())
            },
            &|(locale, part), bytes| {
                if let Some((c, (structure, _))) = cache.zip(made_from.as_ref()) {
                    lock(&c.search_indexes).insert((locale, part.to_owned()), (*structure, bytes.clone()));
                }
            },
        );
        files.extend(indexes);
    }
    // The first error putting a page or a part of the index into the new output.
    if let (Some(e), Some(out)) = (
        streamed_failure.into_inner().unwrap_or_else(|e| e.into_inner()),
        &options.out,
    ) {
        return Err(BuildError::Write {
            path: out.clone(),
            source: e,
        });
    }
    watch.lap("search index");
    files.extend(kept.into_iter().flatten());
    if let Some(made) = made {
        files.extend(made.files.iter().cloned());
        if let Some(cache) = options.cache.as_deref().filter(|_| site_files_for.is_some()) {
            if !diagnostics.has_errors() {
                *lock(&cache.site_files) = Some(made);
            }
        }
    }
    if diagnostics.has_errors() {
        return Err(BuildError::Invalid(diagnostics.into_sorted()));
    }
    files.push(OutputFile {
        path: "_headers".into(),
        body: Body::Bytes(output::headers_file().into_bytes().into()),
    });
    for asset in &theme.assets {
        files.push(OutputFile {
            path: asset.url.trim_start_matches('/').to_owned(),
            body: Body::Bytes(asset.bytes.clone().into()),
        });
    }
    files.extend(statics.iter().map(|(path, from)| OutputFile {
        path: path.clone(),
        body: Body::Copy(from.clone()),
    }));
    report_leaks(
        &site,
        &files,
        options.cache.as_deref(),
        streamed_findings.into_inner().unwrap_or_else(|e| e.into_inner()),
        &diagnostics,
    );
    watch.lap("leak scan");
    if diagnostics.has_errors() {
        return Err(BuildError::Invalid(diagnostics.into_sorted()));
    }

    // Write.
    if let Some(out) = &options.out {
        let written = if options.update_in_place {
            let cache = options.cache.as_deref();
            let before = cache
                .map(|c| std::mem::take(&mut *lock(&c.written)))
                .unwrap_or_default();
            let known = |path: &str| {
                cache
                    .and_then(|c| c.inputs_of(path))
                    .is_some_and(|h| before.get(path) == Some(&h))
            };
            let previous = cache.and_then(|c| lock(&c.files).take());
            let result = output::write_in_place(out, &files, &known, previous.as_ref());
            if let (Some(c), Ok(())) = (cache, &result) {
                *lock(&c.written) = lock(&c.inputs).clone();
                *lock(&c.files) = Some(files.iter().map(|f| f.path.clone()).collect());
            }
            result
        } else if let Some(staging) = staging {
            files
                .par_iter()
                .try_for_each(|f| staging.put(f))
                .and_then(|()| staging.publish())
        } else {
            output::write_atomically(out, &files)
        };
        written.map_err(|source| BuildError::Write {
            path: out.clone(),
            source,
        })?;
        watch.lap("write");
    }
    if let (Some(cache), Some((structure, bodies))) = (&options.cache, made_from) {
        cache.structure.store(structure, std::sync::atomic::Ordering::SeqCst);
        *lock(&cache.bodies) = bodies;
        cache.keep_strings(strings.clone());
    }
    let coverage = coverage(&site, &strings);
    let report = BuildReport {
        pages: total,
        files: files.len(),
        locales: site.config.locales.len(),
        rendered: options.cache.as_deref().map_or(total, BuildCache::take_rendered),
        warnings: diagnostics.into_sorted(),
        coverage,
        stages: watch.stages,
    };
    if let Some(cache) = options.cache.as_deref().filter(|_| options.update_in_place) {
        *lock(&cache.last) = Some(LastBuild {
            site,
            strings,
            renderer,
            rendered,
            statics,
            theme,
            files,
            report: report.clone(),
            fixed_reads: frame_reads.into_iter().chain(markdown_reads).collect(),
            data,
            fronts,
        });
    }
    Ok(report)
}

/// Every page's rendered Markdown, taken from `cache` where its text is unchanged, and the
/// interface strings its shortcodes read.
fn render_markdown(
    site: &Site,
    strings: &Strings,
    cache: &BuildCache,
    diagnostics: &Diagnostics,
) -> (HashMap<PageId, Rendered>, BTreeSet<Read>) {
    let mut targets: Vec<(&String, &Vec<PageId>)> =
        site.by_path.iter().map(|(p, &g)| (p, &site.groups[g].pages)).collect();
    targets.sort();
    let urls: Vec<(&String, Vec<&str>)> = targets
        .into_iter()
        .map(|(p, pages)| (p, pages.iter().map(|&id| site.pages[id].url.as_str()).collect()))
        .collect();
    cache.invalidate_unless(hash_of(urls));
    let read = std::sync::Mutex::new(BTreeSet::new());
    let rendered = (0..site.pages.len())
        .into_par_iter()
        .filter_map(|id| {
            let (r, reads) = crate::reads::record(|| markdown_of(site, strings, Some(cache), id, diagnostics));
            if !reads.is_empty() {
                lock(&read).extend(reads);
            }
            Some((id, r?))
        })
        .collect();
    (rendered, read.into_inner().unwrap_or_else(|e| e.into_inner()))
}

/// The rendered Markdown of page `id`, or `None` if the page shows none (data pages, later
/// listing pages). Links that name no page are reported.
fn markdown_of(
    site: &Site,
    strings: &Strings,
    cache: Option<&BuildCache>,
    id: PageId,
    diagnostics: &Diagnostics,
) -> Option<Rendered> {
    let text = &site.source_of(id)?.body;
    markdown_with(site, strings, cache, id, text, diagnostics)
}

/// [`markdown_of`] page `id`, whose source's Markdown is `text`.
fn markdown_with(
    site: &Site,
    strings: &Strings,
    cache: Option<&BuildCache>,
    id: PageId,
    text: &str,
    diagnostics: &Diagnostics,
) -> Option<Rendered> {
    let page = &site.pages[id];
    let PageKind::Content { source, pager: 1 } = page.kind else {
        return None;
    };
    let src = &site.sources[source];
    let locale = &site.config.locales[page.locale];
    let resolve = |target: &str| site.resolve_internal(target, page.locale);
    let body = expand_shortcodes(site, strings, page.locale, src, text, diagnostics);
    let render = || markdown::render(&body, locale.transliterate, &resolve);
    let mut r = match cache {
        Some(cache) => cache.get_or_render((src.file.clone(), page.locale), &body, render),
        None => render(),
    };
    for (target, line) in std::mem::take(&mut r.unresolved) {
        // Report once per source, not once per locale.
        if !locale.transliterate {
            diagnostics.push(
                Diagnostic::error(
                    &src.file,
                    Some(src.body_line + line - 1),
                    format!("the link {target} names no page"),
                )
                .with_hint("write @/ followed by the path of a file under content/, e.g. @/plans/_index.md"),
            );
        }
    }
    if locale.transliterate {
        // Plain links to Cyrillic Serbian pages lead Latin readers to the Latin copy.
        let lang = format!("/{}/", locale.language);
        let latin = format!("/{}/", locale.code);
        r.html = replace_all(&r.html, &format!("href=\"{lang}"), &format!("href=\"{latin}"));
        for link in &mut r.links {
            if let Some(rest) = link.href.strip_prefix(&lang) {
                link.href = format!("{latin}{rest}");
            }
        }
    }
    Some(r)
}

/// `text` with every `from` replaced by `to`, found with memchr's substring search (`str::replace`
/// was 1 % of a build for the Serbian Latin pages alone). `from` starts with an ASCII byte.
fn replace_all(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for at in memchr::memmem::find_iter(text.as_bytes(), from.as_bytes()) {
        out.push_str(&text[done..at]);
        out.push_str(to);
        done = at + from.len();
    }
    out.push_str(&text[done..]);
    out
}

/// `text`, the Markdown of `src`, with its statistics shortcodes replaced by the published
/// figures ([`crate::stats::shortcode`]); a shortcode that names no table or cell is an error.
fn expand_shortcodes(
    site: &Site,
    strings: &Strings,
    locale: usize,
    src: &content::SourcePage,
    text: &str,
    diagnostics: &Diagnostics,
) -> String {
    let locale = &site.config.locales[locale];
    let stats = &site.stats;
    let (body, errors) = crate::stats::shortcode::expand(text, |call| match call.name.as_str() {
        "stat_threshold" if call.args.is_empty() => Ok(strings.format_number(&locale.code, stats.threshold as f64, 0)),
        "stat_threshold" => Err("stat_threshold() takes no arguments".to_owned()),
        _ => crate::render::lookup_text(stats, strings, &locale.code, &call.args),
    });
    if !locale.transliterate {
        for (line, message) in errors {
            diagnostics.push(
                Diagnostic::error(&src.file, Some(src.body_line + line - 1), message).with_hint(
                    "write {{ stat(table=\"ID\", DIMENSION=\"VALUE\") }} with a table of content/statistics/; dimensions left out are totals",
                ),
            );
        }
    }
    body
}

/// Reports links in Markdown that lead to no page, file or anchor of the site.
fn check_links(
    site: &Site,
    rendered: &HashMap<PageId, Rendered>,
    statics: &[(String, PathBuf)],
    theme: &Theme,
    diagnostics: &Diagnostics,
) {
    let files: HashSet<String> = statics
        .iter()
        .map(|(p, _)| format!("/{p}"))
        .chain(theme.assets.iter().map(|a| a.url.clone()))
        .collect();
    rendered.par_iter().for_each(|(&id, r)| {
        let page = &site.pages[id];
        let src = site.source_of(id).expect("rendered pages have sources");
        if site.config.locales[page.locale].transliterate {
            return; // the same links were checked on the Cyrillic page
        }
        for link in &r.links {
            let (path, anchor) = link
                .href
                .split_once('#')
                .map_or((link.href.as_str(), None), |(p, a)| (p, Some(a)));
            let path = path.split('?').next().unwrap_or("");
            let target_url = if path.is_empty() {
                page.url.clone()
            } else {
                join_url(&page.url, path)
            };
            let with_slash = if target_url.ends_with('/') {
                target_url.clone()
            } else {
                format!("{target_url}/")
            };
            let target = site
                .by_url
                .get(&target_url)
                .or_else(|| site.by_url.get(&with_slash))
                .copied();
            let line = Some(src.body_line + link.line - 1);
            let problem = match target {
                None if files.contains(&target_url) || is_generated(site, &target_url) => None,
                None => Some(format!("the link {} leads to no page or file of the site", link.href)),
                Some(t) => anchor.filter(|a| !a.is_empty()).and_then(|a| {
                    let known = rendered
                        .get(&t)
                        .is_none_or(|tr| tr.headings.iter().any(|h| h.id == a) || THEME_ANCHORS.contains(&a));
                    (!known).then(|| format!("the link {} names an anchor #{a} that is not on that page", link.href))
                }),
            };
            if let Some(message) = problem {
                diagnostics.push(Diagnostic::error(&src.file, line, message).with_hint(
                    "link pages as @/path/file.md so the link follows the reader's language; anchors are heading ids",
                ));
            }
        }
    });
}

/// Scans the output for anything that would expose visitors ([`crate::scan`]); each finding is
/// an error naming the Markdown file the page comes from, where there is one.
fn report_leaks(
    site: &Site,
    files: &[OutputFile],
    cache: Option<&BuildCache>,
    earlier: Vec<crate::scan::Finding>,
    diagnostics: &Diagnostics,
) {
    let allowed = allowed_contacts(site);
    if let Some(cache) = cache {
        let rules = hash_of((&allowed, &site.config.base_url));
        if cache.scan_allowed.swap(rules, std::sync::atomic::Ordering::SeqCst) != rules {
            lock(&cache.scan).clear();
        }
    }
    let mut findings = earlier;
    findings.extend(crate::scan::scan(
        files,
        &site.config.base_url,
        &allowed,
        &|path| cache.and_then(|c| c.scan_findings(path)),
        &|path, found| {
            if let Some(c) = cache {
                c.keep_scan_findings(path, found);
            }
        },
    ));
    if findings.is_empty() {
        return;
    }
    let sources: HashMap<String, PathBuf> = site
        .pages
        .iter()
        .enumerate()
        .filter_map(|(id, p)| {
            site.source_of(id)
                .map(|src| (output::file_for_url(&p.url), src.file.clone()))
        })
        .collect();
    const HINT: &str = "pages may load nothing from other sites and carry no inline code; contacts belong in the hotline data or [help] allowed_contacts";
    // The same finding on many pages comes from what they share: one error says it once.
    let mut by_message: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for f in &findings {
        by_message.entry(&f.message).or_default().push(&f.file);
    }
    for (message, mut files) in by_message {
        if files.len() > SHARED_FINDING {
            files.sort_unstable();
            let examples = files[..SHARED_FINDING].join(", ");
            diagnostics.push(
                Diagnostic::error(
                    files[0],
                    None,
                    format!(
                        "{message}, on {} pages ({examples} and {} more)",
                        files.len(),
                        files.len() - SHARED_FINDING
                    ),
                )
                .with_hint(format!(
                    "the same on many pages comes from what they share: a template (templates/) or an interface string (i18n/); {HINT}"
                )),
            );
            continue;
        }
        for file in files {
            let (file, where_) = match sources.get(file) {
                Some(src) => (src.clone(), format!(" (on the page {file})")),
                None => (PathBuf::from(file), String::new()),
            };
            diagnostics.push(Diagnostic::error(file, None, format!("{message}{where_}")).with_hint(HINT));
        }
    }
}

/// How many pages may show the same leak-scan finding before it is reported once for all of
/// them, with this many of them named.
const SHARED_FINDING: usize = 3;

/// The e-mail addresses and phone numbers pages may show: the configured ones and the hotlines'.
fn allowed_contacts(site: &Site) -> Vec<String> {
    let mut allowed = site.config.allowed_contacts.clone();
    allowed.extend(site.help.iter().flat_map(|c| c.phones().map(str::to_owned)));
    allowed
}

/// How many pages a streamed build renders before it puts them into the new output.
const STREAM_BATCH: usize = 1024;

/// What pages put into the new output as they were made left behind: the parts of the search
/// index made from their entries, what the leak scan found in them, and the first error
/// writing them.
struct Streamed<'s> {
    index: crate::search::Gatherer<'s>,
    /// The parts of the search index made so far, without their bytes once put.
    parts: std::sync::Mutex<Vec<OutputFile>>,
    findings: std::sync::Mutex<Vec<crate::scan::Finding>>,
    failed: std::sync::Mutex<Option<std::io::Error>>,
}

impl<'s> Streamed<'s> {
    /// Ready for the pages of `site`.
    fn new(site: &'s Site) -> Streamed<'s> {
        Streamed {
            index: crate::search::Gatherer::new(site),
            parts: Default::default(),
            findings: Default::default(),
            failed: Default::default(),
        }
    }

    /// Takes the search entry of page `id` and scans it (each of `fragments`, copied into it as
    /// minified once, is scanned once for all pages), puts it into `staging` if the build writes
    /// one, and returns the page without its bytes. If it was the last page of its part of the
    /// index, the part is made and put by a task of `later`: a part is megabytes, and a batch
    /// waiting for it would keep the other cores idle.
    fn put<'a>(
        &'a self,
        id: PageId,
        file: OutputFile,
        fragments: &Fragments,
        staging: Option<&'a output::Staging>,
        scanner: &crate::scan::Scanner,
        later: &rayon::Scope<'a>,
    ) -> OutputFile {
        let part = self.index.add(id, &file);
        let fragments: Vec<(usize, &str)> = fragments.iter().map(|(at, f)| (*at, f.minified())).collect();
        let found = scanner.scan_with(&file, &fragments);
        if !found.is_empty() {
            lock(&self.findings).extend(found);
        }
        if let Some(part) = part {
            later.spawn(move |_| {
                let part = self.stage(part.file(), staging);
                lock(&self.parts).push(part);
            });
        }
        self.stage(file, staging)
    }

    /// Puts `file` into `staging` if the build writes one; returns it without its bytes.
    fn stage(&self, file: OutputFile, staging: Option<&output::Staging>) -> OutputFile {
        if let Err(e) = staging.map_or(Ok(()), |staging| staging.put(&file)) {
            lock(&self.failed).get_or_insert(e);
        }
        OutputFile {
            path: file.path,
            body: Body::Staged,
        }
    }
}

/// Files the build writes besides pages, which links may point at.
fn is_generated(site: &Site, url: &str) -> bool {
    use crate::opendata::{all_file, plan_file};
    let data = ["csv", "json"].iter().any(|ext| {
        url == all_file(ext)
            || site.plans.plans.iter().any(|p| url == plan_file(&p.id, ext))
            || site
                .stats
                .tables
                .iter()
                .any(|t| url == crate::opendata::statistic_file(&t.id, ext))
    });
    data || url == "/sitemap.xml" || url == "/robots.txt" || url.ends_with("/atom.xml") || url.ends_with("/404.html")
}

/// Resolves `path` relative to the page at `base` (a URL ending in `/`).
fn join_url(base: &str, path: &str) -> String {
    if path.starts_with('/') {
        return path.to_owned();
    }
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let trailing = if path.ends_with('/') { "/" } else { "" };
    format!("/{}{trailing}", parts.join("/"))
}

/// Reports `template` and `page_template` fields naming templates the theme does not have.
fn check_templates_named(site: &Site, theme: &Theme, diagnostics: &Diagnostics) {
    for src in &site.sources {
        for (field, value) in [
            ("template", &src.front.template),
            ("page_template", &src.front.page_template),
        ] {
            if let Some(name) = value {
                if !theme.templates.iter().any(|t| &t.name == name) {
                    diagnostics.push(
                        Diagnostic::error(
                            &src.file,
                            src.field_line(field),
                            format!("there is no template `{name}`"),
                        )
                        .with_hint("add it to templates/ at the site root, or remove the field to use the default"),
                    );
                }
            }
        }
    }
}

fn template_for(site: &Site, id: PageId) -> String {
    let data_template = site.groups[site.pages[id].group].data.map(|d| match d {
        DataPage::Plan(_) => "plan.html",
        DataPage::Goal(..) => "goal.html",
        DataPage::Activity(..) => "activity.html",
        DataPage::Institution(_) => "institution.html",
        DataPage::Browse(..) => "browse.html",
        DataPage::Institutions => "institutions.html",
        DataPage::Search => "search.html",
        DataPage::HelpIndex | DataPage::Help(_) => "help.html",
        DataPage::Statistics => "statistics.html",
        DataPage::Statistic(_) => "statistic.html",
        DataPage::Tags => "tags.html",
        DataPage::Tag(_) => "tag.html",
    });
    match site.pages[id].kind {
        PageKind::Untranslated => "untranslated.html".into(),
        PageKind::Data => data_template.unwrap_or("page.html").into(),
        PageKind::Content { source, .. }
            if data_template.is_some() && site.sources[source].front.template.is_none() =>
        {
            data_template.unwrap_or("page.html").into()
        }
        PageKind::Content { source, .. } => {
            let src = &site.sources[source];
            let inherited = site
                .parent
                .get(&source)
                .and_then(|p| site.sources[*p].front.page_template.clone());
            src.front
                .template
                .clone()
                .or(if src.is_section() { None } else { inherited })
                .unwrap_or_else(|| {
                    if src.is_section() && src.dir.is_empty() {
                        "index.html".into()
                    } else if src.is_section() {
                        "section.html".into()
                    } else {
                        "page.html".into()
                    }
                })
        }
    }
}

fn render_page(
    site: &Site,
    strings: &Strings,
    renderer: &Renderer,
    bodies: &Bodies,
    cache: Option<&BuildCache>,
    unchanged: &(dyn Fn(PageId) -> bool + Sync),
    id: PageId,
) -> Result<(OutputFile, Fragments), Diagnostic> {
    let page = &site.pages[id];
    let path = output::file_for_url(&page.url);
    let template = template_for(site, id);
    let template_hash = renderer.template_hash(&template);
    // Nothing this page is made from has changed: take it as it is.
    if let Some(made) = cache
        .filter(|_| unchanged(id))
        .and_then(|c| c.finished(&page.url))
        .filter(|m| m.template == template_hash)
    {
        lock(&cache.expect("checked").inputs).insert(path.clone(), made.made_from);
        return Ok((
            OutputFile {
                path,
                body: Body::Text(made.html),
            },
            Vec::new(),
        ));
    }
    let shown = || {
        site.source_of(id)
            .map_or_else(|| format!("the page {}", page.url), |s| s.file.display().to_string())
    };
    let mut fragments = Vec::new();
    let body = match cache {
        Some(cache) => {
            // What the page reads of the interface strings is noted, so that it is rendered again
            // when one of them changes.
            let (context, context_reads) =
                crate::reads::record(|| renderer.page_context(site, strings, id, bodies.of(site, id), true));
            let fingerprint = context.fingerprint();
            debug_assert!(fingerprint.is_some(), "a page context made to be fingerprinted");
            let render = || {
                let (html, mut reads) =
                    crate::reads::record(|| renderer.render_minified(&template, page.locale, &context, &shown()));
                reads.extend(context_reads.iter().cloned());
                html.map(|h| (h.html, reads))
            };
            // The templates and the environment are part of the key: the same context renders
            // differently with others, and search entries and scans are keyed by this too.
            let environment = cache.environment.load(std::sync::atomic::Ordering::SeqCst);
            let inputs = hash_of((template_hash, page.locale, fingerprint, environment));
            Body::Text(cache.page_or_render(&page.url, (inputs, template_hash), strings, render)?)
        }
        None => {
            let context = renderer.page_context(site, strings, id, bodies.of(site, id), false);
            let minified = renderer.render_minified(&template, page.locale, &context, &shown())?;
            fragments = minified.fragments;
            Body::Text(minified.html.into())
        }
    };
    Ok((OutputFile { path, body }, fragments))
}

/// Where in a page each fragment minified once was copied ([`crate::render::Minified`]).
type Fragments = Vec<(usize, Arc<crate::minify::Fragment>)>;

/// A hash of everything pages are made from except the Markdown bodies: what templates read
/// besides their context, every Markdown file's name and front matter, and every other file
/// under `content/` (`data`: plans, reports, registries, help, statistics). While it stays the
/// same, a page changes only if the body of its own Markdown does: no page shows another's body.
/// `fronts` is [`fronts_hash`] of the site.
fn structure_hash(fronts: u64, environment: u64, data: &DataFiles) -> u64 {
    hash_of((environment, fronts, data))
}

/// A hash of every Markdown file's name and front matter and of how many pages the site has:
/// the part of [`structure_hash`] that only a full build can change, kept for the fast paths.
fn fronts_hash(site: &Site) -> u64 {
    let fronts: Vec<(&Path, &str, &str)> = site
        .sources
        .iter()
        .map(|s| (s.file.as_path(), s.language.as_str(), s.front_text.as_str()))
        .collect();
    hash_of((fronts, site.pages.len()))
}

/// Every file under `content/` but Markdown, by its path below the site root, with a hash of
/// its bytes.
type DataFiles = BTreeMap<PathBuf, u64>;

/// The [`DataFiles`] of the site at `root`.
fn data_files(root: &Path) -> DataFiles {
    walkdir::WalkDir::new(root.join(content::CONTENT_DIR))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_none_or(|x| x != "md"))
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap_or(e.path()).to_path_buf();
            (rel, hash_of(std::fs::read(e.path()).unwrap_or_default()))
        })
        .collect()
}

/// A hash of what templates read besides their context, the interface strings (which pages
/// note as they read them) and the templates themselves (which each page is keyed by): the
/// theme's assets, the published statistics and the configuration.
fn environment_hash(root: &Path, theme: &Theme, site: &Site, options: &BuildOptions) -> u64 {
    let mut parts: Vec<Vec<u8>> = Vec::new();
    for a in &theme.assets {
        parts.push(a.url.clone().into_bytes());
    }
    parts.push(std::fs::read(root.join(crate::config::CONFIG_FILE)).unwrap_or_default());
    let stats = &site.stats;
    for (t, table) in stats.tables.iter().enumerate() {
        let cells: Vec<_> = table.all_coords().iter().map(|c| stats.shown(t, c)).collect();
        parts.push(format!("{table:?}{cells:?}").into_bytes());
    }
    hash_of((parts, &options.base_url, options.live_reload, options.drafts))
}

/// The templates [`special_files`] and [`progress_files`] render.
const SITE_TEMPLATES: [&str; 5] = ["root.html", "404.html", "atom.xml", "sitemap.xml", "robots.txt"];

/// What the site-wide files are kept by: the structure, and the templates they are made with.
fn site_files_key(structure: u64, renderer: &Renderer) -> u64 {
    hash_of((structure, SITE_TEMPLATES.map(|t| renderer.template_hash(t))))
}

/// A site-wide file rendered with `template` in `locale` (minified if it is HTML), or its error
/// put into `diagnostics`.
fn site_file(
    renderer: &Renderer,
    diagnostics: &Diagnostics,
    (path, template, locale): (String, &str, usize),
    ctx: &crate::render::Context,
    minify: bool,
) -> Option<OutputFile> {
    debug_assert!(
        SITE_TEMPLATES.contains(&template),
        "{template} is not in SITE_TEMPLATES"
    );
    let shown = format!("/{path}");
    let body = if minify {
        renderer.render_minified(template, locale, ctx, &shown).map(|m| m.html)
    } else {
        renderer.render(template, locale, ctx, &shown)
    };
    body.map(|text| OutputFile {
        path,
        body: Body::Text(text.into()),
    })
    .map_err(|d| diagnostics.push(d))
    .ok()
}

/// The root language chooser, 404 pages, feeds of pages, sitemap, robots.txt and the statistics
/// downloads: every site-wide file but those made from progress reports ([`progress_files`]).
fn special_files(site: &Site, strings: &Strings, renderer: &Renderer, diagnostics: &Diagnostics) -> Vec<OutputFile> {
    let mut files = Vec::new();
    let mut push = |path: String, template: &str, locale: usize, ctx: &crate::render::Context, minify: bool| {
        files.extend(site_file(renderer, diagnostics, (path, template, locale), ctx, minify));
    };
    let default = site
        .config
        .locales
        .iter()
        .position(|l| l.code == site.config.default_language)
        .unwrap_or(0);

    #[derive(Serialize)]
    struct Choice {
        code: String,
        tag: String,
        name: String,
        url: String,
        prompt: String,
        title: String,
    }
    let choices: Vec<Choice> = site
        .config
        .locales
        .iter()
        .map(|l| Choice {
            code: l.code.clone(),
            tag: l.tag.clone(),
            name: l.name.clone(),
            url: format!("/{}/", l.code),
            prompt: strings.get(&l.code, "choose-language", None).unwrap_or_default(),
            title: site.config.title_in(l),
        })
        .collect();
    let mut ctx = renderer.frame_context(default);
    ctx.insert("choices", &choices);
    push("index.html".into(), "root.html", default, &ctx, true);

    for (li, locale) in site.config.locales.iter().enumerate() {
        let title = strings.get(&locale.code, "not-found-title", None).unwrap_or_default();
        let ctx = renderer.notice_context(site, li, "404", title, format!("/{}/404.html", locale.code));
        push(format!("{}/404.html", locale.code), "404.html", li, &ctx, true);
        if li == default {
            push("404.html".into(), "404.html", li, &ctx, true);
        }
        if site.has_feed() {
            let entries: Vec<serde_json::Value> = site
                .feed_sources(&locale.language)
                .into_iter()
                .take(20)
                .map(|s| {
                    let src = &site.sources[s];
                    let url = &site.pages[site.source_page(s, li)].url;
                    let date = src.front.updated.or(src.front.date).expect("feed pages have a date");
                    serde_json::json!({
                        "title": locale.localize(&src.front.title),
                        "url": format!("{}{}", site.config.base_url, url),
                        "updated": format!("{date}T00:00:00Z"),
                        "summary": src.front.description.as_deref().map(|d| locale.localize(d)),
                    })
                })
                .collect();
            let title = strings
                .get(&locale.code, "feed-title", Some(&site_arg(site, locale)))
                .unwrap_or_default();
            let ctx = feed_context(
                renderer.frame_context(li),
                site,
                &entries,
                title,
                format!("/{}/atom.xml", locale.code),
            );
            push(format!("{}/atom.xml", locale.code), "atom.xml", li, &ctx, false);
        }
    }

    #[derive(Serialize)]
    struct SitemapEntry<'a> {
        loc: String,
        lastmod: Option<String>,
        alternates: &'a [(String, String)],
    }
    let base_url = site.config.base_url.as_str();
    // What a page links to as its translations is its group's: made once per group.
    let mut group_alternates: Vec<Option<Vec<(String, String)>>> = vec![None; site.groups.len()];
    let listed: Vec<(&crate::site::Page, Option<String>)> = site
        .pages
        .iter()
        .enumerate()
        .filter_map(|(id, page)| {
            let lastmod = match page.kind {
                PageKind::Content { source, pager: 1 } => {
                    let front = &site.sources[source].front;
                    front.updated.or(front.date).map(crate::render::iso_date)
                }
                PageKind::Data if !site.is_indexable(id) => return None,
                PageKind::Data => None,
                _ => return None,
            };
            group_alternates[page.group].get_or_insert_with(|| site.alternate_urls(page.group));
            Some((page, lastmod))
        })
        .collect();
    let entries: Vec<SitemapEntry> = listed
        .into_iter()
        .map(|(page, lastmod)| SitemapEntry {
            loc: [base_url, page.url.as_str()].concat(),
            lastmod,
            alternates: group_alternates[page.group].as_deref().unwrap_or_default(),
        })
        .collect();
    let mut ctx = renderer.frame_context(default);
    ctx.insert("entries", &entries);
    push("sitemap.xml".into(), "sitemap.xml", default, &ctx, false);
    push("robots.txt".into(), "robots.txt", default, &ctx, false);
    files.extend(open_data(
        crate::opendata::statistics_files(site),
        crate::stats::STATS_DIR,
        diagnostics,
    ));
    files
}

/// The open-data files `made`, or none with its error put into `diagnostics` against `dir`.
fn open_data(made: Result<Vec<OutputFile>, String>, dir: &str, diagnostics: &Diagnostics) -> Vec<OutputFile> {
    made.unwrap_or_else(|e| {
        diagnostics.push(Diagnostic::error(dir, None, format!("cannot write the open data: {e}")));
        Vec::new()
    })
}

/// The site-wide files made from plan data and progress reports: each locale's feed of reports
/// and the open data. Apart from [`special_files`] so that `serve` can make them again alone
/// after a report is edited.
fn progress_files(site: &Site, strings: &Strings, renderer: &Renderer, diagnostics: &Diagnostics) -> Vec<OutputFile> {
    let mut files = Vec::new();
    if !site.plans.plans.is_empty() {
        for (li, locale) in site.config.locales.iter().enumerate() {
            let entries = report_entries(site, strings, li);
            let title = strings
                .get(&locale.code, "reports-feed-title", Some(&site_arg(site, locale)))
                .unwrap_or_default();
            let url = reports_feed_url(&locale.code);
            let ctx = feed_context(renderer.frame_context(li), site, &entries, title, url.clone());
            let path = url.trim_start_matches('/').to_owned();
            files.extend(site_file(renderer, diagnostics, (path, "atom.xml", li), &ctx, false));
        }
    }
    files.extend(open_data(
        crate::opendata::plan_files(site),
        plan::PLANS_DIR,
        diagnostics,
    ));
    files
}

/// The URL of a locale's feed of progress reports.
pub fn reports_feed_url(locale: &str) -> String {
    format!("/{locale}/reports.xml")
}

fn site_arg(site: &Site, locale: &crate::config::Locale) -> fluent_bundle::FluentArgs<'static> {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("site", site.config.title_in(locale));
    args
}

/// The context of an Atom feed: its entries (newest first), title and address.
fn feed_context(
    mut ctx: crate::render::Context,
    site: &Site,
    entries: &[serde_json::Value],
    title: String,
    url: String,
) -> crate::render::Context {
    let updated = entries
        .first()
        .and_then(|e| e["updated"].as_str().map(str::to_owned))
        .unwrap_or_else(|| format!("{}T00:00:00Z", site.config.as_of));
    ctx.insert("entries", entries);
    ctx.insert("updated", &updated);
    ctx.insert("feed_title", &title);
    ctx.insert("feed_url", &url);
    ctx
}

/// The 50 newest progress reports, as feed entries linking their activity's page.
fn report_entries(site: &Site, strings: &Strings, locale: usize) -> Vec<serde_json::Value> {
    let l = &site.config.locales[locale];
    let mut reports: Vec<&plan::FiledReport> = site.plans.all_reports().iter().collect();
    reports.sort_by_key(|f| std::cmp::Reverse(plan::progress::report_date(&f.report)));
    reports
        .into_iter()
        .take(50)
        .filter_map(|f| {
            let date = plan::progress::report_date(&f.report)?;
            let url = site.activity_page(&f.plan, &f.report.activity, locale)?;
            let status = strings
                .get(&l.code, f.report.status.label_key(), None)
                .unwrap_or_default();
            let activity = strings.get(&l.code, "activity", None).unwrap_or_default();
            let summary = plan::text_in(&f.report.text, &l.language).map(|(t, lang)| {
                if lang == l.language {
                    l.localize(t)
                } else {
                    t.to_owned()
                }
            });
            Some(serde_json::json!({
                "title": format!("{activity} {} ({}): {status}", f.report.activity, f.plan),
                "url": format!("{}{}", site.config.base_url, site.pages[url].url),
                "updated": format!("{date}T00:00:00Z"),
                "summary": summary,
            }))
        })
        .collect()
}

/// Site files under `static/`, as (output path, source path).
fn static_files(root: &Path, diagnostics: &Diagnostics) -> Vec<(String, PathBuf)> {
    let dir = root.join(STATIC_DIR);
    if !dir.is_dir() {
        return Vec::new();
    }
    walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| match e {
            Ok(e) => Some(e),
            Err(err) => {
                diagnostics.push(Diagnostic::error(STATIC_DIR, None, format!("cannot read: {err}")));
                None
            }
        })
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(&dir)
                .unwrap_or(e.path())
                .to_string_lossy()
                .replace('\\', "/");
            (rel, e.into_path())
        })
        .collect()
}

fn coverage(site: &Site, strings: &Strings) -> Vec<Coverage> {
    site.config
        .languages
        .iter()
        .map(|lang| {
            // Markdown pages only: pages made from data exist in every language.
            let written: Vec<_> = site.groups.iter().filter(|g| !g.sources.is_empty()).collect();
            let missing_pages: Vec<PathBuf> = written
                .iter()
                .filter(|g| !g.sources.contains_key(&lang.code))
                .filter_map(|g| g.sources.values().next().map(|&s| site.sources[s].file.clone()))
                .collect();
            Coverage {
                language: lang.code.clone(),
                translated: written.len() - missing_pages.len(),
                total: written.len(),
                missing_pages,
                missing_strings: strings.missing(&lang.code),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_resolve_against_the_page() {
        assert_eq!(join_url("/en/plans/x/", "../y/"), "/en/plans/y/");
        assert_eq!(join_url("/en/plans/x/", "/en/about/"), "/en/about/");
        assert_eq!(join_url("/en/", "file.pdf"), "/en/file.pdf");
    }

    proptest::proptest! {
        /// Replacing reads like the standard library's `replace`, overlapping candidates too.
        #[test]
        fn replacing_reads_like_str_replace(text in "[ah=\"/ш]{0,24}", from in "[ah][a=\"/]{0,3}", to in "[bш]{0,3}") {
            proptest::prop_assert_eq!(replace_all(&text, &from, &to), text.replace(&from, &to));
        }
    }
}
