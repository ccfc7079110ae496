//! Template views of plan data: plans, goals, activities and institutions in one locale.
//!
//! Text in the reader's language is shown as it is (transliterated for Serbian Latin); text that
//! exists only in another language is shown in that language with its `lang` tag and marked as a
//! fallback, so a template can say so. Site-wide figures come from [`crate::plan::PlanData`],
//! computed from the loaded data; nothing here reads files.

use super::Context;
use serde::Serialize;

use super::{DateView, LinkView};
use crate::config::Locale;
use crate::i18n::Strings;
use crate::plan::{DeadlineKind, DeadlineState, Plan, PlanActivity, Rollup, Source, Status, Text, text_in};
use crate::site::{Browse, DataPage, Site, plan_path, url_id};

/// Text in one language, with the language it is really in.
#[derive(Serialize, Default, Clone)]
pub struct TextView {
    pub(super) text: String,
    /// BCP 47 tag of the language of `text`.
    lang: String,
    /// Whether `text` is in another language than the page's.
    fallback: bool,
}

impl TextView {
    /// Text that is in the page's language (tag `tag`).
    pub(super) fn plain(text: String, tag: &str) -> TextView {
        TextView {
            text,
            lang: tag.to_owned(),
            fallback: false,
        }
    }
}

#[derive(Serialize)]
struct StatusView {
    key: &'static str,
    label: String,
}

#[derive(Serialize)]
struct CountView {
    key: &'static str,
    label: String,
    count: usize,
}

#[derive(Serialize)]
struct RollupView {
    total: usize,
    reported: usize,
    /// Completion in whole percent, where anything was reported.
    completion: Option<u32>,
    counts: Vec<CountView>,
    summary: String,
}

#[derive(Serialize)]
struct ActivityRow {
    id: String,
    url: String,
    text: TextView,
    status: StatusView,
    deadline: String,
}

#[derive(Serialize)]
struct GoalRow {
    id: String,
    url: String,
    title: TextView,
    rollup: RollupView,
}

#[derive(Serialize)]
struct AreaView {
    id: String,
    title: TextView,
    rollup: RollupView,
    goals: Vec<GoalRow>,
}

#[derive(Serialize)]
struct MeasureView {
    id: String,
    title: TextView,
    rollup: RollupView,
    activities: Vec<ActivityRow>,
}

#[derive(Serialize)]
pub(super) struct SourceView {
    document: String,
    page: Option<String>,
    url: Option<String>,
}

#[derive(Serialize)]
struct DonorView {
    name: TextView,
    amount: String,
}

#[derive(Serialize)]
struct BudgetView {
    currency: String,
    total: String,
    donors: Vec<DonorView>,
}

#[derive(Serialize)]
struct PlanView {
    /// Activities by the year they are due, as an SVG chart and as the same numbers for a table.
    deadline_chart: String,
    deadline_bars: Vec<super::chart::Bar>,
    /// Activities by status, likewise.
    status_chart: String,
    status_bars: Vec<super::chart::Bar>,
    id: String,
    url: String,
    json: String,
    csv: String,
    title: TextView,
    period: String,
    adopted_by: TextView,
    adopted_on: Option<DateView>,
    source: SourceView,
    budget: Option<BudgetView>,
    partners: Vec<LinkView>,
    rollup: RollupView,
    areas: Vec<AreaView>,
    goals_without_area: Vec<GoalRow>,
    measures_without_goal: Vec<MeasureView>,
}

#[derive(Serialize)]
struct GoalView {
    id: String,
    title: TextView,
    area: Option<TextView>,
    rollup: RollupView,
    measures: Vec<MeasureView>,
    activities: Vec<ActivityRow>,
}

#[derive(Serialize)]
struct DeadlineView {
    raw: String,
    understood: String,
    state: StatusLike,
    due: Option<DateView>,
}

#[derive(Serialize)]
struct StatusLike {
    key: &'static str,
    label: String,
}

#[derive(Serialize)]
struct ReportView {
    date: Option<DateView>,
    status: StatusView,
    percent: Option<f64>,
    text: Option<TextView>,
    source: Option<SourceView>,
}

#[derive(Serialize)]
struct ActivityView {
    id: String,
    text: TextView,
    measure: Option<TextView>,
    measure_id: Option<String>,
    responsible: Vec<LinkView>,
    partners: Vec<LinkView>,
    deadline: DeadlineView,
    resources: Option<TextView>,
    indicators: Vec<TextView>,
    status: StatusView,
    reports: Vec<ReportView>,
    note: Option<String>,
    source: SourceView,
    source_line: Option<usize>,
}

#[derive(Serialize)]
struct InstitutionPlanView {
    plan: LinkView,
    /// The id of the plan's section on the page, which the plan's list by institution links.
    anchor: String,
    activities: Vec<ActivityRow>,
}

#[derive(Serialize)]
struct InstitutionView {
    name: TextView,
    aliases: Vec<String>,
    rollup: RollupView,
    /// "N completed, M of them by their deadline", counting the activities it is responsible for.
    timeliness: String,
    plans: Vec<InstitutionPlanView>,
}

#[derive(Serialize)]
struct BrowseGroup {
    title: String,
    /// Set where the title is a status, for its badge.
    status: Option<&'static str>,
    rows: Vec<ActivityRow>,
}

/// The list of a plan's activities by responsible institution: a row per institution.
#[derive(Serialize)]
struct Scorecard {
    /// The statuses that occur in the plan, in scale order: the table's columns.
    statuses: Vec<StatusView>,
    rows: Vec<ScorecardRow>,
}

#[derive(Serialize)]
struct ScorecardRow {
    name: TextView,
    /// The institution's page, at the section on this plan.
    url: String,
    /// How many activities of the plan it is responsible for.
    activities: usize,
    /// How many of them have each status of [`Scorecard::statuses`].
    counts: Vec<usize>,
}

#[derive(Serialize)]
struct BrowseLink {
    slug: &'static str,
    title: String,
    url: String,
    current: bool,
}

#[derive(Serialize)]
struct InstitutionRow {
    name: TextView,
    url: String,
    activities: usize,
}

#[derive(Serialize)]
struct CountryView {
    code: String,
    name: String,
    institutions: Vec<InstitutionRow>,
}

/// The template of the page that documents the open data; pages using it get the columns and
/// the files to download in their context.
pub const OPEN_DATA_TEMPLATE: &str = "data.html";

#[derive(Serialize)]
struct ColumnView {
    name: &'static str,
    description: String,
}

#[derive(Serialize)]
struct DownloadView {
    title: TextView,
    csv: String,
    json: String,
}

/// Inserts the open-data columns (described in the locale) and every file to download.
pub fn insert_open_data(ctx: &mut Context, site: &Site, strings: &Strings, locale: usize) {
    let view = Views {
        site,
        strings,
        locale: &site.config.locales[locale],
        index: locale,
    };
    let columns: Vec<ColumnView> = crate::opendata::COLUMNS
        .iter()
        .map(|(name, _)| ColumnView {
            name,
            description: view.t(&format!("column-{}", name.replace('_', "-"))),
        })
        .collect();
    let mut downloads = vec![DownloadView {
        title: TextView::plain(view.t("download-all"), &view.locale.tag),
        csv: crate::opendata::all_file("csv"),
        json: crate::opendata::all_file("json"),
    }];
    downloads.extend(site.plans.plans.iter().map(|plan| DownloadView {
        title: view.text(&plan.meta.title),
        csv: crate::opendata::plan_file(&plan.id, "csv"),
        json: crate::opendata::plan_file(&plan.id, "json"),
    }));
    let statistics: Vec<DownloadView> = site
        .stats
        .tables
        .iter()
        .map(|table| DownloadView {
            title: view.text(&table.title),
            csv: crate::opendata::statistic_file(&table.id, "csv"),
            json: crate::opendata::statistic_file(&table.id, "json"),
        })
        .collect();
    ctx.insert("columns", &columns);
    ctx.insert("downloads", &downloads);
    ctx.insert("statistics_downloads", &statistics);
    ctx.insert("statistics_threshold", &site.stats.threshold);
}

#[derive(Serialize)]
struct HotlineView {
    organisation: TextView,
    offers: TextView,
    phone: Option<String>,
    short_number: Option<String>,
    hours: Option<TextView>,
    languages: Vec<String>,
    cost: Option<TextView>,
    who_may_call: Option<TextView>,
    where_to_find: Option<TextView>,
    website: Option<String>,
    source: SourceView,
    verified: Option<DateView>,
    stale: bool,
}

#[derive(Serialize)]
struct HelpCountryView {
    code: String,
    name: String,
    url: String,
    entries: Vec<HotlineView>,
}

/// One plan in a list of plans: the home page and the plans section show these.
#[derive(Serialize)]
pub struct PlanSummary {
    id: String,
    url: String,
    title: TextView,
    period: String,
    rollup: RollupView,
    json: String,
    csv: String,
}

/// A tag in the list of tags.
#[derive(Serialize)]
struct TagView {
    name: String,
    url: String,
    count: usize,
}

/// A tag's page in a locale whose language has the tag.
#[derive(Serialize)]
struct TagElsewhereView {
    /// The tag as that language writes it.
    name: String,
    /// The locale's BCP 47 tag.
    lang: String,
    /// The locale's name.
    language: String,
    url: String,
}

/// Every plan, for lists, in `locale`.
pub fn plan_summaries(site: &Site, strings: &Strings, locale: usize) -> Vec<PlanSummary> {
    let view = Views {
        site,
        strings,
        locale: &site.config.locales[locale],
        index: locale,
    };
    site.plans
        .plans
        .iter()
        .map(|plan| {
            let [first, last] = plan.meta.period;
            PlanSummary {
                id: plan.id.clone(),
                url: view.url(&plan_path(&plan.id)),
                title: view.text(&plan.meta.title),
                period: format!("{first}–{last}"),
                rollup: view.rollup(&site.plans.rollup(plan, |_| true)),
                json: crate::opendata::plan_file(&plan.id, "json"),
                csv: crate::opendata::plan_file(&plan.id, "csv"),
            }
        })
        .collect()
}

/// What a data page puts into its template context, and its title and breadcrumbs.
pub struct DataContext {
    /// The page title (the only `h1`).
    pub title: String,
    /// A one-sentence description for search results and link previews.
    pub description: String,
    /// Links from the home page down to the page's parent.
    pub breadcrumbs: Vec<LinkView>,
    /// The date of the newest progress report the page shows, if any.
    pub updated: Option<chrono::NaiveDate>,
}

/// Inserts the views of `data` into `ctx` for `locale`.
pub fn insert(ctx: &mut Context, site: &Site, strings: &Strings, data: DataPage, locale: usize) -> DataContext {
    let view = Views {
        site,
        strings,
        locale: &site.config.locales[locale],
        index: locale,
    };
    match data {
        DataPage::Plan(p) => {
            let plan = &site.plans.plans[p];
            let v = view.plan(plan);
            let title = v.title.text.clone();
            let description = format!("{} ({}): {}", title, v.period, v.rollup.summary);
            ctx.insert("plan", &v);
            if !plan.activities.is_empty() {
                ctx.insert("browse", &view.browse_links(plan, None));
            }
            DataContext {
                title,
                description,
                breadcrumbs: view.plans_crumbs(),
                updated: view.newest_report(plan),
            }
        }
        DataPage::Goal(p, g) => {
            let plan = &site.plans.plans[p];
            let (goal, _) = &plan.goals[g];
            let v = view.goal(plan, &goal.id);
            let title = format!("{} {}: {}", view.t("goal"), goal.id, v.title.text);
            let description = v.rollup.summary.clone();
            ctx.insert("goal", &v);
            ctx.insert("plan", &view.plan_link(plan));
            let mut crumbs = view.plans_crumbs();
            crumbs.push(view.plan_link(plan));
            DataContext {
                title,
                description,
                breadcrumbs: crumbs,
                updated: None,
            }
        }
        DataPage::Activity(p, a) => {
            let plan = &site.plans.plans[p];
            let activity = &plan.activities[a];
            let v = view.activity(plan, activity);
            let title = format!("{} {}", view.t("activity"), activity.activity.id);
            let description = v.text.text.chars().take(200).collect();
            ctx.insert("activity", &v);
            ctx.insert("plan", &view.plan_link(plan));
            let goal = view.goal_link(plan, &activity.activity.goal);
            ctx.insert("goal", &goal);
            let mut crumbs = view.plans_crumbs();
            crumbs.push(view.plan_link(plan));
            crumbs.extend(goal);
            let id = &activity.activity.id;
            DataContext {
                title,
                description,
                breadcrumbs: crumbs,
                updated: site
                    .plans
                    .reports_on(&plan.id, id)
                    .filter_map(crate::plan::progress::report_date)
                    .max(),
            }
        }
        DataPage::Browse(p, browse) => {
            let plan = &site.plans.plans[p];
            match browse {
                Browse::Status => ctx.insert("groups", &view.by_status(plan)),
                Browse::Deadline => ctx.insert("groups", &view.by_deadline(plan)),
                Browse::Institution => ctx.insert("scorecard", &view.scorecard(plan)),
            }
            let title = format!(
                "{}: {}",
                view.text(&plan.meta.title).text,
                view.t(&format!("browse-{}", browse.slug()))
            );
            ctx.insert("plan", &view.plan_link(plan));
            ctx.insert("browse", &view.browse_links(plan, Some(browse)));
            let mut crumbs = view.plans_crumbs();
            crumbs.push(view.plan_link(plan));
            DataContext {
                title,
                description: view.t(&format!("browse-{}", browse.slug())),
                breadcrumbs: crumbs,
                updated: None,
            }
        }
        DataPage::Search => {
            let title = view.t("search-title");
            ctx.insert("search_indexes", &crate::search::index_urls(site, locale));
            ctx.insert("browse_all", &view.all_browse_links());
            DataContext {
                description: view.t("search-description"),
                title,
                breadcrumbs: Vec::new(),
                updated: None,
            }
        }
        DataPage::HelpIndex => {
            let title = view.t("help-title");
            ctx.insert("countries", &view.help_countries(None));
            DataContext {
                description: view.t("help-description"),
                title,
                breadcrumbs: Vec::new(),
                updated: None,
            }
        }
        DataPage::Help(i) => {
            let country = &site.help[i];
            let name = view.t(&format!("country-{}", country.country));
            let title = view.t_args("help-country-title", &[("country", name.into())]);
            ctx.insert("countries", &view.help_countries(Some(i)));
            let crumbs = view.help_crumbs();
            DataContext {
                description: view.t("help-description"),
                title,
                breadcrumbs: crumbs,
                updated: None,
            }
        }
        DataPage::Statistics => {
            ctx.insert("tables", &view.stat_tables());
            ctx.insert(
                "methodology_url",
                &site.resolve_internal("@/statistics/methodology.md", locale),
            );
            DataContext {
                title: view.statistics_title(),
                description: view.t("statistics-description"),
                breadcrumbs: Vec::new(),
                updated: None,
            }
        }
        DataPage::Statistic(t) => {
            let table = view.stat_table(t);
            let description = site.stats.tables[t]
                .description
                .as_ref()
                .map_or_else(|| view.text(&site.stats.tables[t].measure).text, |d| view.text(d).text);
            let title = view.text(&site.stats.tables[t].title).text;
            ctx.insert("table", &table);
            ctx.insert(
                "methodology_url",
                &site.resolve_internal("@/statistics/methodology.md", locale),
            );
            DataContext {
                title,
                description,
                breadcrumbs: view.statistics_crumbs(),
                updated: None,
            }
        }
        DataPage::Tags => {
            ctx.insert("tags", &view.tags());
            DataContext {
                title: view.t("tags-title"),
                description: view.t("tags-description"),
                breadcrumbs: Vec::new(),
                updated: None,
            }
        }
        DataPage::Tag(t) => {
            let (name, pages, elsewhere) = view.tag(t);
            ctx.insert("tag_pages", &pages);
            ctx.insert("elsewhere", &elsewhere);
            let tag = || vec![("tag", name.clone().into())];
            DataContext {
                title: view.t_args("tag-title", &tag()),
                description: view.t_args("tag-description", &tag()),
                breadcrumbs: vec![LinkView {
                    title: view.t("tags-title"),
                    url: view.url(crate::site::TAGS_PATH),
                    current: false,
                }],
                updated: None,
            }
        }
        DataPage::Institutions => {
            ctx.insert("countries", &view.institutions());
            let title = view.t("institutions-title");
            DataContext {
                description: title.clone(),
                title,
                breadcrumbs: Vec::new(),
                updated: None,
            }
        }
        DataPage::Institution(i) => {
            let v = view.institution(i);
            let title = v.name.text.clone();
            let description = v.rollup.summary.clone();
            ctx.insert("institution", &v);
            DataContext {
                title,
                description,
                breadcrumbs: Vec::new(),
                updated: None,
            }
        }
    }
}

/// The views of one locale: everything a data page needs to speak the reader's language.
pub(super) struct Views<'a> {
    pub(super) site: &'a Site,
    pub(super) strings: &'a Strings,
    pub(super) locale: &'a Locale,
    pub(super) index: usize,
}

impl Views<'_> {
    pub(super) fn t(&self, key: &str) -> String {
        self.strings.get(&self.locale.code, key, None).unwrap_or_default()
    }

    pub(super) fn t_args(&self, key: &str, args: &[(&str, fluent_bundle::FluentValue)]) -> String {
        let mut fargs = fluent_bundle::FluentArgs::new();
        for (name, value) in args {
            fargs.set(*name, value.clone());
        }
        self.strings
            .get(&self.locale.code, key, Some(&fargs))
            .unwrap_or_default()
    }

    pub(super) fn text(&self, text: &Text) -> TextView {
        let Some((value, lang)) = text_in(text, &self.locale.language) else {
            return TextView::default();
        };
        if lang == self.locale.language {
            TextView::plain(self.locale.localize(value), &self.locale.tag)
        } else {
            let tag = self
                .site
                .config
                .locales
                .iter()
                .find(|l| l.language == lang)
                .map_or(lang, |l| l.tag.as_str());
            TextView {
                text: value.to_owned(),
                lang: tag.to_owned(),
                fallback: true,
            }
        }
    }

    /// The URL of the data page at `key` in this locale; empty if there is none.
    pub(super) fn url(&self, key: &str) -> String {
        self.page_url(self.site.data_page(key, self.index))
    }

    /// The URL of `page`; empty for none.
    fn page_url(&self, page: Option<crate::site::PageId>) -> String {
        page.map(|id| self.site.pages[id].url.clone()).unwrap_or_default()
    }

    fn status(&self, status: Status) -> StatusView {
        StatusView {
            key: status.key(),
            label: self.t(status.label_key()),
        }
    }

    fn rollup(&self, r: &Rollup) -> RollupView {
        let counts = Status::ALL
            .iter()
            .filter_map(|s| {
                let count = r.counts.get(s).copied().unwrap_or(0);
                (count > 0).then(|| CountView {
                    key: s.key(),
                    label: self.t(s.label_key()),
                    count,
                })
            })
            .collect();
        let summary = self.t_args(
            "rollup-summary",
            &[
                ("reported", (r.reported() as f64).into()),
                ("count", (r.total as f64).into()),
            ],
        );
        RollupView {
            total: r.total,
            reported: r.reported(),
            completion: r.completion.map(|c| (c * 100.0).round() as u32),
            counts,
            summary,
        }
    }

    pub(super) fn source(&self, source: &Source) -> SourceView {
        SourceView {
            document: source.document.clone(),
            page: source.page.clone(),
            url: source.url.clone(),
        }
    }

    fn plans_crumbs(&self) -> Vec<LinkView> {
        let section = self.site.by_path.get("plans/_index").map(|&g| &self.site.groups[g]);
        section
            .and_then(|g| {
                let page = &self.site.pages[*g.pages.get(self.index)?];
                let source = *g
                    .sources
                    .get(&self.locale.language)
                    .or_else(|| g.sources.values().next())?;
                Some(vec![LinkView {
                    title: self.locale.localize(&self.site.sources[source].front.title),
                    url: page.url.clone(),
                    current: false,
                }])
            })
            .unwrap_or_default()
    }

    /// The date of the newest report on the activities of `plan`.
    fn newest_report(&self, plan: &Plan) -> Option<chrono::NaiveDate> {
        plan.activities
            .iter()
            .flat_map(|a| self.site.plans.reports_on(&plan.id, &a.activity.id))
            .filter_map(crate::plan::progress::report_date)
            .max()
    }

    /// The tags of the pages in this language, by name, with their number of pages.
    fn tags(&self) -> Vec<TagView> {
        let mut tags: Vec<TagView> = (0..self.site.tags.len())
            .filter_map(|t| {
                let (name, pages) = self.site.tag_in(t, &self.locale.language)?;
                Some(TagView {
                    name: self.locale.localize(name),
                    url: self.url(&crate::site::tag_path(&self.site.tags[t].slug)),
                    count: pages.len(),
                })
            })
            .collect();
        tags.sort_by_cached_key(|t| crate::search::fold(&t.name));
        tags
    }

    /// Tag `t` as this language writes it (or as the first language with it does), its pages
    /// in this language, and links to its page in the languages that have it where this one
    /// does not.
    fn tag(&self, t: usize) -> (String, Vec<super::ListItemView>, Vec<TagElsewhereView>) {
        let tag = &self.site.tags[t];
        if let Some((name, sources)) = self.site.tag_in(t, &self.locale.language) {
            let pages = sources
                .iter()
                .map(|&s| super::list_item(self.site, self.strings, s, self.index))
                .collect();
            return (self.locale.localize(name), pages, Vec::new());
        }
        let group = self.site.data_groups[&crate::site::tag_path(&tag.slug)];
        let elsewhere: Vec<TagElsewhereView> = self
            .site
            .config
            .locales
            .iter()
            .enumerate()
            .filter_map(|(li, l)| {
                let (name, _) = tag.languages.get(&l.language)?;
                Some(TagElsewhereView {
                    name: l.localize(name),
                    lang: l.tag.clone(),
                    language: l.name.clone(),
                    url: self.site.group_url(group, li).to_owned(),
                })
            })
            .collect();
        let name = tag
            .languages
            .values()
            .next()
            .map(|(n, _)| n.clone())
            .unwrap_or_default();
        (name, Vec::new(), elsewhere)
    }

    fn plan_link(&self, plan: &Plan) -> LinkView {
        LinkView {
            title: self.text(&plan.meta.title).text,
            url: self.url(&plan_path(&plan.id)),
            current: false,
        }
    }

    fn goal_link(&self, plan: &Plan, goal: &str) -> Option<LinkView> {
        let (g, _) = plan.goals.iter().find(|(g, _)| g.id == goal)?;
        Some(LinkView {
            title: format!("{} {}: {}", self.t("goal"), g.id, self.text(&g.title).text),
            url: self.url(&format!("{}/goals/{}", plan_path(&plan.id), url_id(&g.id))),
            current: false,
        })
    }

    fn institution_links(&self, ids: &[String]) -> Vec<LinkView> {
        ids.iter()
            .filter_map(|id| {
                let inst = self.site.plans.institution(id)?;
                Some(LinkView {
                    title: self.text(&inst.name).text,
                    url: self.url(&format!("institutions/{}", url_id(&inst.id))),
                    current: false,
                })
            })
            .collect()
    }

    fn activity_row(&self, plan: &Plan, a: &PlanActivity) -> ActivityRow {
        ActivityRow {
            id: a.activity.id.clone(),
            url: self.page_url(self.site.activity_page(&plan.id, &a.activity.id, self.index)),
            text: self.text(&a.activity.text),
            status: self.status(self.site.plans.status(&plan.id, &a.activity.id).0),
            deadline: a.activity.deadline.clone(),
        }
    }

    fn goal_row(&self, plan: &Plan, goal: &crate::plan::Goal) -> GoalRow {
        GoalRow {
            id: goal.id.clone(),
            url: self.url(&format!("{}/goals/{}", plan_path(&plan.id), url_id(&goal.id))),
            title: self.text(&goal.title),
            rollup: self.rollup(&self.site.plans.rollup(plan, |a| a.goal == goal.id)),
        }
    }

    fn measure(&self, plan: &Plan, measure: &crate::plan::Measure) -> MeasureView {
        MeasureView {
            id: measure.id.clone(),
            title: self.text(&measure.title),
            rollup: self.rollup(
                &self
                    .site
                    .plans
                    .rollup(plan, |a| a.measure.as_deref() == Some(measure.id.as_str())),
            ),
            activities: plan
                .activities
                .iter()
                .filter(|a| a.activity.measure.as_deref() == Some(measure.id.as_str()))
                .map(|a| self.activity_row(plan, a))
                .collect(),
        }
    }

    fn plan(&self, plan: &Plan) -> PlanView {
        let [first, last] = plan.meta.period;
        let money = |n: f64| self.strings.format_number(&self.locale.code, n, 0);
        let deadline_bars = self.deadline_bars(plan);
        let status_bars: Vec<super::chart::Bar> = Status::ALL
            .iter()
            .map(|s| super::chart::Bar {
                label: self.t(s.label_key()),
                value: plan
                    .activities
                    .iter()
                    .filter(|a| self.site.plans.status(&plan.id, &a.activity.id).0 == *s)
                    .count(),
                class: format!("status-{}", s.key()),
                text: None,
            })
            .collect();
        let as_of = self
            .strings
            .format_date(&self.locale.code, self.site.config.as_of)
            .to_string();
        let chart_desc = |bars: &[super::chart::Bar]| {
            bars.iter()
                .map(|b| format!("{}: {}", b.label, b.value))
                .collect::<Vec<_>>()
                .join("; ")
        };
        PlanView {
            deadline_chart: super::chart::bar_chart(
                &format!("deadlines-{}", plan.id),
                &self.t_args("chart-deadlines", &[("date", as_of.clone().into())]),
                &chart_desc(&deadline_bars),
                &deadline_bars,
            ),
            status_chart: super::chart::bar_chart(
                &format!("statuses-{}", plan.id),
                &self.t("chart-statuses"),
                &chart_desc(&status_bars),
                &status_bars,
            ),
            deadline_bars,
            status_bars,
            id: plan.id.clone(),
            url: self.url(&plan_path(&plan.id)),
            json: crate::opendata::plan_file(&plan.id, "json"),
            csv: crate::opendata::plan_file(&plan.id, "csv"),
            title: self.text(&plan.meta.title),
            period: format!("{first}–{last}"),
            adopted_by: self.text(&plan.meta.adopted_by),
            adopted_on: plan.meta.adopted_on.as_ref().and_then(|d| {
                let d = d.date?;
                let date = chrono::NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())?;
                Some(DateView::new(self.strings, &self.locale.code, date))
            }),
            source: self.source(&plan.meta.source),
            budget: plan.meta.budget.as_ref().map(|b| BudgetView {
                currency: b.currency.clone(),
                total: money(b.total),
                donors: b
                    .donors
                    .iter()
                    .map(|d| DonorView {
                        name: self.text(&d.name),
                        amount: money(d.amount),
                    })
                    .collect(),
            }),
            partners: self.institution_links(&plan.meta.partners),
            rollup: self.rollup(&self.site.plans.rollup(plan, |_| true)),
            areas: plan
                .areas
                .iter()
                .map(|(area, _)| AreaView {
                    id: area.id.clone(),
                    title: self.text(&area.title),
                    rollup: self.rollup(&self.site.plans.rollup_area(plan, &area.id)),
                    goals: plan
                        .goals
                        .iter()
                        .filter(|(g, _)| g.area.as_deref() == Some(area.id.as_str()))
                        .map(|(g, _)| self.goal_row(plan, g))
                        .collect(),
                })
                .collect(),
            goals_without_area: plan
                .goals
                .iter()
                .filter(|(g, _)| {
                    g.area
                        .as_ref()
                        .is_none_or(|a| !plan.areas.iter().any(|(x, _)| &x.id == a))
                })
                .map(|(g, _)| self.goal_row(plan, g))
                .collect(),
            measures_without_goal: plan
                .measures
                .iter()
                .filter(|(m, _)| m.goal.is_none())
                .map(|(m, _)| self.measure(plan, m))
                .collect(),
        }
    }

    /// Activities per year they are due, with a bar for those without a due date; years before
    /// the as-of date are marked as passed.
    fn deadline_bars(&self, plan: &Plan) -> Vec<super::chart::Bar> {
        let mut years: std::collections::BTreeMap<i32, usize> = Default::default();
        let mut undated = 0;
        for a in &plan.activities {
            match a.deadline.due() {
                Some(d) => *years.entry(chrono::Datelike::year(&d)).or_default() += 1,
                None => undated += 1,
            }
        }
        let as_of = self.site.config.as_of;
        let mut bars: Vec<super::chart::Bar> = years
            .into_iter()
            .map(|(year, value)| {
                let passed = chrono::NaiveDate::from_ymd_opt(year, 12, 31).is_some_and(|end| end < as_of);
                let y = fluent_bundle::FluentValue::from(year.to_string());
                super::chart::Bar {
                    label: self.t_args("browse-due-in", &[("year", y)]),
                    value,
                    class: if passed {
                        "deadline-passed".into()
                    } else {
                        "deadline-upcoming".into()
                    },
                    text: None,
                }
            })
            .collect();
        if undated > 0 {
            bars.push(super::chart::Bar {
                label: self.t("chart-undated"),
                value: undated,
                class: "deadline-none".into(),
                text: None,
            });
        }
        bars
    }

    fn goal(&self, plan: &Plan, goal_id: &str) -> GoalView {
        let (goal, _) = plan
            .goals
            .iter()
            .find(|(g, _)| g.id == goal_id)
            .expect("the page's goal exists");
        GoalView {
            id: goal.id.clone(),
            title: self.text(&goal.title),
            area: goal
                .area
                .as_ref()
                .and_then(|a| plan.areas.iter().find(|(x, _)| &x.id == a))
                .map(|(a, _)| self.text(&a.title)),
            rollup: self.rollup(&self.site.plans.rollup(plan, |a| a.goal == goal.id)),
            measures: plan
                .measures
                .iter()
                .filter(|(m, _)| m.goal.as_deref() == Some(goal.id.as_str()))
                .map(|(m, _)| self.measure(plan, m))
                .collect(),
            activities: plan
                .activities
                .iter()
                .filter(|a| a.activity.goal == goal.id && a.activity.measure.is_none())
                .map(|a| self.activity_row(plan, a))
                .collect(),
        }
    }

    fn deadline(&self, plan: &Plan, a: &PlanActivity) -> DeadlineView {
        let d = &a.deadline;
        let (first, last) = plan.period();
        let span = |years: Option<(i32, i32)>| years.unwrap_or((first, last));
        let n = |v: i32| fluent_bundle::FluentValue::from(v.to_string());
        let understood = match &d.kind {
            DeadlineKind::Year(y) => self.t_args("deadline-year", &[("year", n(*y))]),
            DeadlineKind::Years { from, to } => self.t_args("deadline-years", &[("from", n(*from)), ("to", n(*to))]),
            DeadlineKind::Quarter { year, quarter } => self.t_args(
                "deadline-quarter",
                &[("year", n(*year)), ("quarter", n(i32::from(*quarter)))],
            ),
            DeadlineKind::MidYear(y) => self.t_args("deadline-mid-year", &[("year", n(*y))]),
            DeadlineKind::EndOfYear(y) => self.t_args("deadline-end-of-year", &[("year", n(*y))]),
            DeadlineKind::Event { year, .. } => self.t_args("deadline-event", &[("year", n(*year))]),
            DeadlineKind::Continuous { years } => {
                let (from, to) = span(*years);
                self.t_args("deadline-continuous", &[("from", n(from)), ("to", n(to))])
            }
            DeadlineKind::Recurring { per_year, years } => {
                let (from, to) = span(*years);
                self.t_args(
                    "deadline-recurring",
                    &[("count", f64::from(*per_year).into()), ("from", n(from)), ("to", n(to))],
                )
            }
            DeadlineKind::Conditional { .. } => self.t("deadline-conditional"),
            DeadlineKind::Unparsed if d.raw.trim().is_empty() => self.t("deadline-none"),
            DeadlineKind::Unparsed => self.t("deadline-unparsed"),
        };
        let state = d.state(self.site.config.as_of, plan.period());
        let key = match state {
            DeadlineState::Upcoming => "upcoming",
            DeadlineState::Overdue => "passed",
            DeadlineState::Ongoing => "ongoing",
            DeadlineState::Ended => "ended",
            DeadlineState::NoDate => "no-date",
        };
        DeadlineView {
            raw: d.raw.clone(),
            understood,
            state: StatusLike {
                key,
                label: self.t(&format!("deadline-state-{key}")),
            },
            due: d.due().map(|date| DateView::new(self.strings, &self.locale.code, date)),
        }
    }

    fn activity(&self, plan: &Plan, a: &PlanActivity) -> ActivityView {
        let act = &a.activity;
        let measure = act
            .measure
            .as_ref()
            .and_then(|m| plan.measures.iter().find(|(x, _)| &x.id == m));
        ActivityView {
            id: act.id.clone(),
            text: self.text(&act.text),
            measure: measure.map(|(m, _)| self.text(&m.title)),
            measure_id: act.measure.clone(),
            responsible: self.institution_links(&act.responsible),
            partners: self.institution_links(&act.partners),
            deadline: self.deadline(plan, a),
            resources: (!act.resources.is_empty()).then(|| self.text(&act.resources)),
            indicators: act.indicators.iter().map(|i| self.text(i)).collect(),
            status: self.status(self.site.plans.status(&plan.id, &act.id).0),
            reports: self
                .site
                .plans
                .reports_on(&plan.id, &act.id)
                .map(|r| ReportView {
                    date: crate::plan::progress::report_date(r)
                        .map(|d| DateView::new(self.strings, &self.locale.code, d)),
                    status: self.status(r.status),
                    percent: r.percent,
                    text: (!r.text.is_empty()).then(|| self.text(&r.text)),
                    source: r.source.as_ref().map(|s| self.source(s)),
                })
                .collect(),
            note: act.note.clone(),
            source: self.source(&plan.meta.source),
            source_line: act.source_line,
        }
    }

    /// For each plan: its title, page and lists, for the search page's no-JavaScript fallback.
    fn all_browse_links(&self) -> Vec<(LinkView, Vec<BrowseLink>)> {
        self.site
            .plans
            .plans
            .iter()
            .filter(|p| !p.activities.is_empty())
            .map(|p| (self.plan_link(p), self.browse_links(p, None)))
            .collect()
    }

    fn browse_links(&self, plan: &Plan, current: Option<Browse>) -> Vec<BrowseLink> {
        Browse::ALL
            .iter()
            .map(|&b| BrowseLink {
                slug: b.slug(),
                title: self.t(&format!("browse-{}", b.slug())),
                url: self.url(&format!("{}/{}", plan_path(&plan.id), b.slug())),
                current: current == Some(b),
            })
            .collect()
    }

    /// The activities of `plan` grouped by status, in scale order.
    fn by_status(&self, plan: &Plan) -> Vec<BrowseGroup> {
        let mut groups: Vec<BrowseGroup> = Status::ALL
            .iter()
            .map(|&status| BrowseGroup {
                title: self.t(status.label_key()),
                status: Some(status.key()),
                rows: Vec::new(),
            })
            .collect();
        for a in &plan.activities {
            let row = self.activity_row(plan, a);
            if let Some(group) = groups.iter_mut().find(|g| g.status == Some(row.status.key)) {
                group.rows.push(row);
            }
        }
        groups.retain(|g| !g.rows.is_empty());
        groups
    }

    /// The activities of `plan` grouped by the year they are due, undated ones last.
    fn by_deadline(&self, plan: &Plan) -> Vec<BrowseGroup> {
        let mut years: std::collections::BTreeMap<Option<i32>, Vec<ActivityRow>> = Default::default();
        for a in &plan.activities {
            years
                .entry(a.deadline.due().map(|d| chrono::Datelike::year(&d)))
                .or_default()
                .push(self.activity_row(plan, a));
        }
        let mut groups: Vec<BrowseGroup> = years
            .into_iter()
            .map(|(year, rows)| BrowseGroup {
                title: year.map_or_else(
                    || self.t("browse-no-due-date"),
                    |y| {
                        self.t_args(
                            "browse-due-in",
                            &[("year", fluent_bundle::FluentValue::from(y.to_string()))],
                        )
                    },
                ),
                status: None,
                rows,
            })
            .collect();
        // Undated activities (the `None` key sorts first) go last.
        if groups
            .first()
            .is_some_and(|_| plan.activities.iter().any(|a| a.deadline.due().is_none()))
        {
            let undated = groups.remove(0);
            groups.push(undated);
        }
        groups
    }

    /// Every institution responsible for activities of `plan`, most activities first, with
    /// their count by status. The activities themselves are on the institutions' pages.
    fn scorecard(&self, plan: &Plan) -> Scorecard {
        let statuses: Vec<Status> = plan
            .activities
            .iter()
            .map(|a| self.site.plans.status(&plan.id, &a.activity.id).0)
            .collect();
        let columns: Vec<Status> = Status::ALL.into_iter().filter(|s| statuses.contains(s)).collect();
        let mut rows: Vec<ScorecardRow> = self
            .site
            .plans
            .institutions
            .iter()
            .filter_map(|inst| {
                let theirs: Vec<Status> = plan
                    .activities
                    .iter()
                    .zip(&statuses)
                    .filter(|(a, _)| a.activity.responsible.contains(&inst.id))
                    .map(|(_, &s)| s)
                    .collect();
                (!theirs.is_empty()).then(|| ScorecardRow {
                    name: self.text(&inst.name),
                    url: format!(
                        "{}#{}",
                        self.url(&format!("institutions/{}", url_id(&inst.id))),
                        plan_anchor(plan)
                    ),
                    activities: theirs.len(),
                    counts: columns
                        .iter()
                        .map(|c| theirs.iter().filter(|s| *s == c).count())
                        .collect(),
                })
            })
            .collect();
        rows.sort_by(|a, b| {
            b.activities
                .cmp(&a.activities)
                .then_with(|| a.name.text.cmp(&b.name.text))
        });
        Scorecard {
            statuses: columns.into_iter().map(|s| self.status(s)).collect(),
            rows,
        }
    }

    fn help_crumbs(&self) -> Vec<LinkView> {
        vec![LinkView {
            title: self.t("help-title"),
            url: self.url("help"),
            current: false,
        }]
    }

    /// The help entries of every country, or of one.
    fn help_countries(&self, only: Option<usize>) -> Vec<HelpCountryView> {
        let as_of = self.site.config.as_of;
        self.site
            .help
            .iter()
            .enumerate()
            .filter(|(i, _)| only.is_none_or(|o| o == *i))
            .map(|(_, c)| HelpCountryView {
                code: c.country.clone(),
                name: self.t(&format!("country-{}", c.country)),
                url: self.url(&format!("help/{}", url_id(&c.country))),
                entries: c
                    .entries
                    .iter()
                    .map(|(h, _)| {
                        let verified = crate::help::verified_on(h);
                        HotlineView {
                            organisation: self.text(&h.organisation),
                            offers: self.text(&h.offers),
                            phone: h.phone.clone(),
                            short_number: h.short_number.clone(),
                            hours: h.hours.as_ref().map(|t| self.text(t)),
                            languages: h.languages.clone(),
                            cost: h.cost.as_ref().map(|t| self.text(t)),
                            who_may_call: h.who_may_call.as_ref().map(|t| self.text(t)),
                            where_to_find: h.where_to_find.as_ref().map(|t| self.text(t)),
                            website: h.website.clone(),
                            source: self.source(&h.source),
                            stale: verified.is_some_and(|d| {
                                d.checked_add_months(chrono::Months::new(crate::help::FRESH_MONTHS))
                                    .is_some_and(|x| x < as_of)
                            }),
                            verified: verified.map(|d| DateView::new(self.strings, &self.locale.code, d)),
                        }
                    })
                    .collect(),
            })
            .collect()
    }

    fn institutions(&self) -> Vec<CountryView> {
        let mut countries: Vec<CountryView> = Vec::new();
        for inst in &self.site.plans.institutions {
            let code = inst.id.split('-').next().unwrap_or_default().to_owned();
            let activities = self
                .site
                .plans
                .plans
                .iter()
                .flat_map(|p| &p.activities)
                .filter(|a| a.activity.responsible.contains(&inst.id) || a.activity.partners.contains(&inst.id))
                .count();
            let row = InstitutionRow {
                name: self.text(&inst.name),
                url: self.url(&format!("institutions/{}", url_id(&inst.id))),
                activities,
            };
            match countries.iter_mut().find(|c| c.code == code) {
                Some(c) => c.institutions.push(row),
                None => countries.push(CountryView {
                    name: self.t(&format!("country-{code}")),
                    code,
                    institutions: vec![row],
                }),
            }
        }
        for c in &mut countries {
            c.institutions.sort_by(|a, b| a.name.text.cmp(&b.name.text));
        }
        countries
    }

    fn institution(&self, index: usize) -> InstitutionView {
        let inst = &self.site.plans.institutions[index];
        // The activities come plan by plan: a section for each plan.
        let named: Vec<(&Plan, &PlanActivity)> = self.site.plans.naming(&inst.id).collect();
        let plans = named
            .chunk_by(|(a, _), (b, _)| std::ptr::eq(*a, *b))
            .map(|section| {
                let plan = section[0].0;
                InstitutionPlanView {
                    plan: self.plan_link(plan),
                    anchor: plan_anchor(plan),
                    activities: section.iter().map(|(plan, a)| self.activity_row(plan, a)).collect(),
                }
            })
            .collect();
        let (completed, on_time) = self.site.plans.timeliness(&inst.id);
        InstitutionView {
            name: self.text(&inst.name),
            aliases: inst.aliases.clone(),
            rollup: self.rollup(&self.site.plans.rollup_institution(&inst.id)),
            timeliness: self.t_args(
                "institution-timeliness",
                &[
                    ("completed", (completed as f64).into()),
                    ("on_time", (on_time as f64).into()),
                ],
            ),
            plans,
        }
    }
}

/// The id of a plan's section on an institution's page.
fn plan_anchor(plan: &Plan) -> String {
    format!("plan-{}", url_id(&plan.id))
}
