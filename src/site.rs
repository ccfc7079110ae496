//! The Site: every page to publish in every locale, with its URL and its translations.
//!
//! Built once from the loaded sources, before anything is rendered. It knows each page's URL,
//! which pages translate each other, which section lists which pages, and which translations
//! are missing (those URLs get an honest "not yet translated" page, never a 404).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::config::SiteConfig;
use crate::content::{SortBy, SourcePage};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::help::CountryHelp;
use crate::plan::PlanData;
use crate::stats::Statistics;

/// Index of a page in [`Site::pages`].
pub type PageId = usize;

/// What an output page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageKind {
    /// A Markdown page or section (index into [`Site::sources`]); `pager` is its listing page number.
    Content {
        /// The source file shown.
        source: usize,
        /// For paginated sections: which listing page (1-based) this is.
        pager: usize,
    },
    /// A translation that does not exist yet: a notice linking the versions that do.
    Untranslated,
    /// A page made from plan data (its group's [`TranslationGroup::data`] says which), in a
    /// language that has no curated Markdown for it: data pages exist in every language.
    Data,
}

/// Which plan data a group of pages shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataPage {
    /// A plan (index into `PlanData::plans`).
    Plan(usize),
    /// A goal: (plan, index into the plan's goals).
    Goal(usize, usize),
    /// An activity: (plan, index into the plan's activities).
    Activity(usize, usize),
    /// An institution (index into `PlanData::institutions`).
    Institution(usize),
    /// A plan's activities listed by one criterion.
    Browse(usize, Browse),
    /// The list of all institutions.
    Institutions,
    /// The search page.
    Search,
    /// Where to get help: all countries.
    HelpIndex,
    /// Where to get help in one country (index into `Site::help`).
    Help(usize),
    /// The list of statistics tables.
    Statistics,
    /// One statistics table (index into `Statistics::tables`).
    Statistic(usize),
    /// The list of tags.
    Tags,
    /// The pages with one tag (index into [`Site::tags`]).
    Tag(usize),
}

/// The ways a plan's activities can be listed, each a page that works without JavaScript.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Browse {
    /// Grouped by current status.
    Status,
    /// Grouped by the year they are due (continuous, recurring and undated last).
    Deadline,
    /// Grouped by responsible institution.
    Institution,
}

impl Browse {
    /// Every way of browsing.
    pub const ALL: [Browse; 3] = [Browse::Status, Browse::Deadline, Browse::Institution];

    /// The last part of its URL, also its i18n key suffix.
    pub fn slug(self) -> &'static str {
        match self {
            Browse::Status => "by-status",
            Browse::Deadline => "by-deadline",
            Browse::Institution => "by-institution",
        }
    }
}

/// One HTML page of the output.
#[derive(Debug, Clone)]
pub struct Page {
    /// What the page shows.
    pub kind: PageKind,
    /// Index into the config's locales.
    pub locale: usize,
    /// The translation group it belongs to.
    pub group: usize,
    /// Its path, starting and ending with `/`, e.g. `/en/about/`.
    pub url: String,
}

/// Pages that are translations of one another, by language.
#[derive(Debug, Clone)]
pub struct TranslationGroup {
    /// The key linking them: `translation_key`, or the path without language suffix.
    pub key: String,
    /// The source of each language that has one, by language code.
    pub sources: BTreeMap<String, usize>,
    /// The page of this group in each locale, by locale index (real or untranslated notice).
    pub pages: Vec<PageId>,
    /// The plan data the pages show, if any; such pages exist in every language.
    pub data: Option<DataPage>,
}

/// Everything to publish, resolved and linked.
#[derive(Debug)]
pub struct Site {
    /// The configuration.
    pub config: SiteConfig,
    /// The Markdown sources.
    pub sources: Vec<SourcePage>,
    /// The action plans, institutions and progress reports.
    pub plans: PlanData,
    /// Where to get help, per country.
    pub help: Vec<CountryHelp>,
    /// The published (protected) statistics.
    pub stats: Arc<Statistics>,
    /// Every output page.
    pub pages: Vec<Page>,
    /// Translation groups.
    pub groups: Vec<TranslationGroup>,
    /// Page ids by URL.
    pub by_url: HashMap<String, PageId>,
    /// Group index by neutral source path (`plans/_index`), for `@/` links.
    pub by_path: HashMap<String, usize>,
    /// The translation group of each source, by its index in `sources`.
    pub source_groups: Vec<usize>,
    /// For each section source: its child sources in order (pages and subsections).
    pub children: HashMap<usize, Vec<usize>>,
    /// For each source: its parent section source, if any.
    pub parent: HashMap<usize, usize>,
    /// Groups of data pages, by key (their URL path).
    pub data_groups: HashMap<String, usize>,
    /// The group of each activity's page, by plan id and activity id: activity tables link
    /// every row, and this finds it without making the page's path.
    pub activity_groups: FxHashMap<String, FxHashMap<String, usize>>,
    /// Every tag of the Markdown pages, by URL slug.
    pub tags: Vec<Tag>,
    /// The group of each tag's page, by the tag as a page (not a section) writes it: made
    /// once, so that a page's tags are linked without making their slugs again ([`Site::tag_group`]).
    pub tag_groups: FxHashMap<String, usize>,
    /// Per folder below `content/`, per language: the groups of the folder's pages (not
    /// sections) missing in that language, in group order ([`Site::untranslated`]). Made once:
    /// each page of a paginated listing names them.
    untranslated: HashMap<String, HashMap<String, Vec<usize>>>,
}

/// A tag (a topic in front matter's `tags`) and the pages carrying it. The same words in
/// different languages (`prevencija` in Serbian and Montenegrin) are one tag, shown in each
/// language with that language's pages.
#[derive(Debug, Clone)]
pub struct Tag {
    /// The last part of its pages' URLs.
    pub slug: String,
    /// Per language: the tag as written there first, and the sources carrying it, in the
    /// order pages are listed (newest first, then by title).
    pub languages: BTreeMap<String, (String, Vec<usize>)>,
}

impl Site {
    /// Links the loaded sources into a site, reporting duplicate URLs and translations.
    pub fn build(
        config: SiteConfig,
        sources: Vec<SourcePage>,
        plans: PlanData,
        help: Vec<CountryHelp>,
        stats: Statistics,
        diagnostics: &Diagnostics,
    ) -> Site {
        let mut site = Site {
            config,
            sources,
            plans,
            help,
            stats: Arc::new(stats),
            pages: Vec::new(),
            groups: Vec::new(),
            by_url: HashMap::new(),
            by_path: HashMap::new(),
            source_groups: Vec::new(),
            children: HashMap::new(),
            parent: HashMap::new(),
            data_groups: HashMap::new(),
            activity_groups: FxHashMap::default(),
            tags: Vec::new(),
            tag_groups: FxHashMap::default(),
            untranslated: HashMap::new(),
        };
        let tag_slugs = site.collect_tags();
        site.group_translations(diagnostics);
        for (g, group) in site.groups.iter().enumerate() {
            let Some(src) = group.sources.values().next().map(|&s| &site.sources[s]) else {
                continue;
            };
            if src.is_section() {
                continue;
            }
            for language in &site.config.languages {
                if !group.sources.contains_key(&language.code) {
                    let folder = site.untranslated.entry(src.dir.clone()).or_default();
                    folder.entry(language.code.clone()).or_default().push(g);
                }
            }
        }
        site.add_data_groups();
        site.tag_groups = tag_slugs
            .into_iter()
            .filter_map(|(tag, slug)| Some((tag, *site.data_groups.get(&tag_path(&slug))?)))
            .collect();
        site.link_sections();
        site.assign_urls(diagnostics);
        site
    }

    fn group_translations(&mut self, diagnostics: &Diagnostics) {
        let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
        for (i, src) in self.sources.iter().enumerate() {
            let key = src.front.translation_key.clone().unwrap_or_else(|| src.neutral_path());
            let group = *by_key.entry(key.clone()).or_insert_with(|| {
                self.groups.push(TranslationGroup {
                    key,
                    sources: BTreeMap::new(),
                    pages: Vec::new(),
                    data: None,
                });
                self.groups.len() - 1
            });
            self.source_groups.push(group);
            if let Some(&other) = self.groups[group].sources.get(&src.language) {
                diagnostics.push(
                    Diagnostic::error(
                        &src.file,
                        src.field_line("translation_key"),
                        format!(
                            "two pages in language `{}` are translations of the same page: this one and {}",
                            src.language,
                            self.sources[other].file.display()
                        ),
                    )
                    .with_hint("give one of them a different translation_key"),
                );
                continue;
            }
            self.groups[group].sources.insert(src.language.clone(), i);
            self.by_path.insert(src.neutral_path(), group);
        }
    }

    /// Gathers the tags of every page (not of sections), grouped by slug; returns each tag as
    /// written with its slug.
    fn collect_tags(&mut self) -> FxHashMap<String, String> {
        let mut by_slug: BTreeMap<String, BTreeMap<String, (String, Vec<usize>)>> = BTreeMap::new();
        let mut slugs: FxHashMap<String, String> = FxHashMap::default();
        for (i, src) in self.sources.iter().enumerate().filter(|(_, s)| !s.is_section()) {
            for tag in &src.front.tags {
                let slug = match slugs.get(tag) {
                    Some(slug) => slug.clone(),
                    None => {
                        let Some(slug) = crate::i18n::slug::words(tag) else {
                            continue;
                        };
                        slugs.insert(tag.clone(), slug.clone());
                        slug
                    }
                };
                let (_, pages) = by_slug
                    .entry(slug)
                    .or_default()
                    .entry(src.language.clone())
                    .or_insert_with(|| (tag.clone(), Vec::new()));
                // A tag written twice on one page lists it once (its sources come in order).
                if pages.last() != Some(&i) {
                    pages.push(i);
                }
            }
        }
        let sources = &self.sources;
        self.tags = by_slug
            .into_iter()
            .map(|(slug, mut languages)| {
                for (_, pages) in languages.values_mut() {
                    pages.sort_by(|&a, &b| {
                        let (a, b) = (&sources[a].front, &sources[b].front);
                        b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title))
                    });
                }
                Tag { slug, languages }
            })
            .collect();
        slugs
    }

    /// Adds a group for every page made from plan data. A plan's page joins the group of the
    /// curated Markdown at `content/plans/PLAN-ID.LANG.md`, where there is one.
    fn add_data_groups(&mut self) {
        let mut pages: Vec<(String, DataPage)> = Vec::new();
        for (p, plan) in self.plans.plans.iter().enumerate() {
            pages.push((plan_path(&plan.id), DataPage::Plan(p)));
            for (g, (goal, _)) in plan.goals.iter().enumerate() {
                pages.push((
                    format!("{}/goals/{}", plan_path(&plan.id), url_id(&goal.id)),
                    DataPage::Goal(p, g),
                ));
            }
            for (a, activity) in plan.activities.iter().enumerate() {
                pages.push((activity_path(&plan.id, &activity.activity.id), DataPage::Activity(p, a)));
            }
            if !plan.activities.is_empty() {
                for browse in Browse::ALL {
                    pages.push((
                        format!("{}/{}", plan_path(&plan.id), browse.slug()),
                        DataPage::Browse(p, browse),
                    ));
                }
            }
        }
        if !self.plans.institutions.is_empty() {
            pages.push(("institutions".to_owned(), DataPage::Institutions));
        }
        pages.push(("search".to_owned(), DataPage::Search));
        if !self.help.is_empty() {
            pages.push(("help".to_owned(), DataPage::HelpIndex));
            for (i, country) in self.help.iter().enumerate() {
                pages.push((format!("help/{}", url_id(&country.country)), DataPage::Help(i)));
            }
        }
        if !self.stats.tables.is_empty() {
            pages.push((STATISTICS_PATH.to_owned(), DataPage::Statistics));
            for (i, table) in self.stats.tables.iter().enumerate() {
                pages.push((statistic_path(&table.id), DataPage::Statistic(i)));
            }
        }
        for (i, inst) in self.plans.institutions.iter().enumerate() {
            pages.push((format!("institutions/{}", url_id(&inst.id)), DataPage::Institution(i)));
        }
        if !self.tags.is_empty() {
            pages.push((TAGS_PATH.to_owned(), DataPage::Tags));
            for (i, tag) in self.tags.iter().enumerate() {
                pages.push((tag_path(&tag.slug), DataPage::Tag(i)));
            }
        }
        let mut by_key: HashMap<String, usize> = self
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.key.clone(), i))
            .collect();
        for (key, data) in pages {
            // A data page at a section's path joins the group of the section's curated
            // `_index` Markdown, where there is one.
            let index = format!("{key}/{}", crate::content::SECTION_STEM);
            let join = if by_key.contains_key(&index) {
                index
            } else {
                key.clone()
            };
            let group = *by_key.entry(join).or_insert_with(|| {
                self.groups.push(TranslationGroup {
                    key: key.clone(),
                    sources: BTreeMap::new(),
                    pages: Vec::new(),
                    data: None,
                });
                self.groups.len() - 1
            });
            self.groups[group].data = Some(data);
            self.data_groups.insert(key, group);
            if let DataPage::Activity(p, a) = data {
                let plan = &self.plans.plans[p];
                self.activity_groups
                    .entry(plan.id.clone())
                    .or_default()
                    .insert(plan.activities[a].activity.id.clone(), group);
            }
        }
    }

    fn link_sections(&mut self) {
        let section_of: HashMap<(&str, &str), usize> = self
            .sources
            .iter()
            .enumerate()
            .filter(|(_, s)| s.is_section())
            .map(|(i, s)| ((s.dir.as_str(), s.language.as_str()), i))
            .collect();
        for (i, src) in self.sources.iter().enumerate() {
            // A page belongs to its folder's section; a section to its parent folder's.
            let mut dir = if src.is_section() {
                parent_dir(&src.dir)
            } else {
                Some(src.dir.as_str())
            };
            while let Some(d) = dir {
                if let Some(&section) = section_of.get(&(d, src.language.as_str())) {
                    if section != i {
                        self.parent.insert(i, section);
                        self.children.entry(section).or_default().push(i);
                    }
                    break;
                }
                dir = parent_dir(d);
            }
        }
        let sources = &self.sources;
        for (section, kids) in self.children.iter_mut() {
            let by = sources[*section].front.sort_by;
            kids.sort_by(|&a, &b| {
                let (a, b) = (&sources[a].front, &sources[b].front);
                match by {
                    SortBy::Weight => {
                        (a.weight.unwrap_or(i64::MAX), &a.title).cmp(&(b.weight.unwrap_or(i64::MAX), &b.title))
                    }
                    SortBy::Date => b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)),
                    SortBy::Title => a.title.cmp(&b.title),
                }
            });
        }
    }

    fn assign_urls(&mut self, diagnostics: &Diagnostics) {
        let locales = self.config.locales.clone();
        for g in 0..self.groups.len() {
            // Where a translation is missing, its notice page takes the path of the default
            // language's version (or the first there is), so the URL only ever gains content.
            let canonical = {
                let group = &self.groups[g];
                let src = group
                    .sources
                    .get(&self.config.default_language)
                    .or_else(|| self.config.languages.iter().find_map(|l| group.sources.get(&l.code)))
                    .copied();
                // Data pages without Markdown take their key as their path.
                src.map_or_else(|| group.key.clone(), |s| self.path_of(s))
            };
            for (li, locale) in locales.iter().enumerate() {
                let group = &self.groups[g];
                let (kind, path) = match group.sources.get(&locale.language) {
                    Some(&src) => (PageKind::Content { source: src, pager: 1 }, self.path_of(src)),
                    None if group.data.is_some() => (PageKind::Data, canonical.clone()),
                    None => (PageKind::Untranslated, canonical.clone()),
                };
                let url = if path.is_empty() {
                    format!("/{}/", locale.code)
                } else {
                    format!("/{}/{}/", locale.code, path)
                };
                let id = self.add_page(
                    Page {
                        kind: kind.clone(),
                        locale: li,
                        group: g,
                        url: url.clone(),
                    },
                    diagnostics,
                );
                self.groups[g].pages.push(id);
                if let PageKind::Content { source, .. } = kind {
                    let listing = self.listing_pages(source);
                    for n in 2..=listing {
                        let page = Page {
                            kind: PageKind::Content { source, pager: n },
                            locale: li,
                            group: g,
                            url: format!("{url}page/{n}/"),
                        };
                        self.add_page(page, diagnostics);
                    }
                }
            }
        }
    }

    fn add_page(&mut self, page: Page, diagnostics: &Diagnostics) -> PageId {
        let id = self.pages.len();
        if let Some(&other) = self.by_url.get(&page.url) {
            let name = |p: &Page| match p.kind {
                PageKind::Content { source, .. } => self.sources[source].file.display().to_string(),
                PageKind::Untranslated => format!("the missing translation of {}", self.groups[p.group].key),
                PageKind::Data => format!("the plan data page {}", self.groups[p.group].key),
            };
            let (file, line) = match page.kind {
                PageKind::Content { source, .. } => (
                    self.sources[source].file.clone(),
                    self.sources[source].field_line("slug"),
                ),
                PageKind::Untranslated | PageKind::Data => ("content".into(), None),
            };
            diagnostics.push(
                Diagnostic::error(
                    file,
                    line,
                    format!(
                        "the URL {} is taken twice: by {} and by {}",
                        page.url,
                        name(&self.pages[other]),
                        name(&page)
                    ),
                )
                .with_hint("change the file name or the `slug` of one of them"),
            );
        } else {
            self.by_url.insert(page.url.clone(), id);
        }
        self.pages.push(page);
        id
    }

    /// The language-neutral URL path of a source, without locale prefix and slashes.
    fn path_of(&self, source: usize) -> String {
        let src = &self.sources[source];
        let last = if src.is_section() {
            None
        } else {
            Some(src.front.slug.clone().unwrap_or_else(|| src.stem.clone()))
        };
        let mut parts: Vec<String> = Vec::new();
        // Sections take their folder path; a parent section's slug does not move its children.
        parts.extend(src.dir.split('/').filter(|p| !p.is_empty()).map(str::to_owned));
        parts.extend(last);
        parts.join("/")
    }

    /// How many listing pages a source has (1 unless it is a paginated section).
    pub fn listing_pages(&self, source: usize) -> usize {
        let src = &self.sources[source];
        match (src.is_section(), src.front.paginate_by) {
            (true, Some(per)) => {
                let n = self.children.get(&source).map_or(0, Vec::len);
                n.div_ceil(per).max(1)
            }
            _ => 1,
        }
    }

    /// The URL of `group`'s page in locale `locale`.
    pub fn group_url(&self, group: usize, locale: usize) -> &str {
        &self.pages[self.groups[group].pages[locale]].url
    }

    /// The translations of group `group`: for each locale it exists in, the locale's language
    /// tag and the page's absolute URL (what a page's `hreflang` links and the sitemap name).
    pub fn alternate_urls(&self, group: usize) -> Vec<(String, String)> {
        self.config
            .locales
            .iter()
            .enumerate()
            .filter(|(_, l)| self.exists_in(group, &l.language))
            .map(|(li, l)| {
                (
                    l.tag.clone(),
                    [self.config.base_url.as_str(), self.group_url(group, li)].concat(),
                )
            })
            .collect()
    }

    /// The page of `source` in locale `locale` (its first listing page).
    pub fn source_page(&self, source: usize, locale: usize) -> PageId {
        self.groups[self.source_groups[source]].pages[locale]
    }

    /// The page whose rendered Markdown page `page` shows: the first page of its source in its
    /// locale (a section's later pages show the first one's), if it is a content page.
    pub fn body_page(&self, page: PageId) -> Option<PageId> {
        match self.pages[page].kind {
            PageKind::Content { source, .. } => Some(self.source_page(source, self.pages[page].locale)),
            PageKind::Untranslated | PageKind::Data => None,
        }
    }

    /// The source a content page shows, if it is one.
    pub fn source_of(&self, page: PageId) -> Option<&SourcePage> {
        match self.pages[page].kind {
            PageKind::Content { source, .. } => Some(&self.sources[source]),
            PageKind::Untranslated | PageKind::Data => None,
        }
    }

    /// The tag `tag` in `language`: as written there, and the sources carrying it.
    pub fn tag_in(&self, tag: usize, language: &str) -> Option<&(String, Vec<usize>)> {
        self.tags[tag].languages.get(language)
    }

    /// Whether `group` has a real page (not a notice) in `language`: its Markdown is written
    /// there, or it shows data, which every language has; a tag's page only where pages carry
    /// the tag.
    pub fn exists_in(&self, group: usize, language: &str) -> bool {
        let g = &self.groups[group];
        match g.data {
            Some(DataPage::Tag(t)) => self.tag_in(t, language).is_some(),
            Some(_) => true,
            None => g.sources.contains_key(language),
        }
    }

    /// Whether a data page is for search engines and the sitemap: not the search page, and not
    /// a tag's page in a language where no page carries the tag.
    pub fn is_indexable(&self, page: PageId) -> bool {
        let page = &self.pages[page];
        let language = &self.config.locales[page.locale].language;
        self.groups[page.group].data != Some(DataPage::Search) && self.exists_in(page.group, language)
    }

    /// The group of the page of tag `tag` (as front matter writes it), if there is one.
    pub fn tag_group(&self, tag: &str) -> Option<usize> {
        match self.tag_groups.get(tag) {
            Some(&group) => Some(group),
            // A section's tag that no page writes so.
            None => {
                let slug = crate::i18n::slug::words(tag)?;
                self.data_groups.get(&tag_path(&slug)).copied()
            }
        }
    }

    /// The groups of the pages (not sections) in folder `dir` below `content/` that are
    /// missing in `language`, in group order.
    pub fn untranslated(&self, dir: &str, language: &str) -> &[usize] {
        self.untranslated
            .get(dir)
            .and_then(|by_language| by_language.get(language))
            .map_or(&[], Vec::as_slice)
    }

    /// The page of a data page in a locale.
    pub fn data_page(&self, key: &str, locale: usize) -> Option<PageId> {
        let group = *self.data_groups.get(key)?;
        self.groups[group].pages.get(locale).copied()
    }

    /// The page of activity `activity` of plan `plan` in a locale: the data page at
    /// [`activity_path`].
    pub fn activity_page(&self, plan: &str, activity: &str, locale: usize) -> Option<PageId> {
        let group = *self.activity_groups.get(plan)?.get(activity)?;
        self.groups[group].pages.get(locale).copied()
    }

    /// Resolves an `@/path/name.md` or `@/path/name.LANG.md` link from a page in `locale` to a URL.
    pub fn resolve_internal(&self, target: &str, locale: usize) -> Option<String> {
        let path = target.strip_prefix("@/")?.strip_suffix(".md")?;
        if let Some(&group) = self.by_path.get(path) {
            return Some(self.group_url(group, locale).to_owned());
        }
        // An explicit language: `about.en.md` links to the English version wherever it is used.
        let (base, lang) = path.rsplit_once('.')?;
        let group = *self.by_path.get(base)?;
        let li = self.config.locales.iter().position(|l| l.code == lang)?;
        Some(self.group_url(group, li).to_owned())
    }

    /// Whether any section publishes its pages in an Atom feed.
    pub fn has_feed(&self) -> bool {
        self.sources.iter().any(|s| s.is_section() && s.front.feed)
    }

    /// The pages of `language` that go into its feed (dated children of `feed` sections), newest first.
    pub fn feed_sources(&self, language: &str) -> Vec<usize> {
        let mut items: Vec<usize> = self
            .children
            .iter()
            .filter(|(section, _)| self.sources[**section].front.feed && self.sources[**section].language == language)
            .flat_map(|(_, kids)| kids.iter().copied())
            .filter(|&k| !self.sources[k].is_section() && self.sources[k].front.date.is_some())
            .collect();
        items.sort_by(|&a, &b| {
            self.sources[b]
                .front
                .date
                .cmp(&self.sources[a].front.date)
                .then(a.cmp(&b))
        });
        items
    }

    /// The source of the top section (`content/_index.LANG.md`) in a language, if any.
    pub fn home_source(&self, language: &str) -> Option<usize> {
        self.groups
            .iter()
            .find(|g| g.key == crate::content::SECTION_STEM)
            .and_then(|g| g.sources.get(language).copied())
    }
}

fn parent_dir(dir: &str) -> Option<&str> {
    if dir.is_empty() {
        None
    } else {
        Some(dir.rsplit_once('/').map_or("", |(p, _)| p))
    }
}

/// The path of the statistics pages.
pub const STATISTICS_PATH: &str = "statistics";

/// The path of the list of tags (without language).
pub const TAGS_PATH: &str = "tags";

/// The path of a tag's page (without language).
pub fn tag_path(slug: &str) -> String {
    format!("{TAGS_PATH}/{slug}")
}

/// The path of a statistics table's page (without language).
pub fn statistic_path(table: &str) -> String {
    format!("{STATISTICS_PATH}/{}", url_id(table))
}

/// The URL path (and group key) of a plan's page.
pub fn plan_path(plan: &str) -> String {
    format!("plans/{}", url_id(plan))
}

/// The URL path of an activity's page: `plans/rs-2009-2011/activities/1-1-3`.
pub fn activity_path(plan: &str, activity: &str) -> String {
    format!("{}/activities/{}", plan_path(plan), url_id(activity))
}

/// An id as it appears in a URL: dots become hyphens (`1.1.3` → `1-1-3`), other characters
/// outside letters, digits and hyphens are dropped.
pub fn url_id(id: &str) -> String {
    // What is kept is ASCII, so the bytes can be read one by one: those of other characters
    // are all above 0x7F and dropped with them.
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        match b {
            b'.' => out.push('-'),
            b if b.is_ascii_alphanumeric() || b == b'-' => out.push(char::from(b.to_ascii_lowercase())),
            _ => {}
        }
    }
    match out.trim_matches('-') {
        trimmed if trimmed.len() == out.len() => out,
        trimmed => trimmed.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn url_ids_keep_ascii_letters_digits_and_hyphens(id in "[a-zA-Z0-9.\\-_ /ЖжčĆ€]{0,16}") {
            // Character by character, as the documentation says.
            let plain: String = id
                .chars()
                .filter_map(|c| match c {
                    '.' => Some('-'),
                    c if c.is_ascii_alphanumeric() || c == '-' => Some(c.to_ascii_lowercase()),
                    _ => None,
                })
                .collect();
            proptest::prop_assert_eq!(super::url_id(&id), plain.trim_matches('-'));
        }
    }
}
