//! Reading and validating plan data: plans, the institution registry and progress reports.
//!
//! Every problem is reported with its file and line: unknown institutions, duplicate ids,
//! references to missing goals or measures, reports on unknown activities, reports dated after
//! the as-of date, reports without a source.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Deserialize;

use super::DeadlineKind;
use super::progress::report_date;
use super::{
    Activity, Area, Deadline, Goal, Institution, Measure, Plan, PlanActivity, PlanMeta, Report, Rollup, Status,
};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, LineIndex, line_of, read_text, toml_files};
use crate::reads::Read;

/// Where plans live, relative to the site root: one folder per plan with a `plan.toml`.
pub const PLANS_DIR: &str = "content/plans";
/// Where the institution registry lives: one `COUNTRY.toml` per country.
pub const INSTITUTIONS_DIR: &str = "content/institutions";

/// All plan data of a site, validated.
#[derive(Debug, Clone, Default)]
pub struct PlanData {
    /// Plans, sorted by id.
    pub plans: Vec<Plan>,
    /// Institutions of every country.
    pub institutions: Vec<Institution>,
    /// Progress reports, sorted by plan, activity and date ([`PlanData::reports_on`] relies on it).
    /// Read through [`PlanData::reports_on`] and [`PlanData::all_reports`], which note the read.
    reports: Vec<FiledReport>,
    /// Per institution id, the activities that name it ([`PlanData::naming`]), made on first use
    /// (plans do not change once loaded; reports may).
    named_on: std::sync::OnceLock<HashMap<String, Vec<(usize, usize)>>>,
    /// Per institution id, where it is in `institutions` ([`PlanData::institution`]), made on
    /// first use.
    institution_at: std::sync::OnceLock<HashMap<String, usize>>,
}

/// A progress report with where it stands.
#[derive(Debug, Clone)]
pub struct FiledReport {
    /// The plan it reports on.
    pub plan: String,
    /// The report.
    pub report: Report,
    /// Its file, relative to the site root.
    pub file: PathBuf,
    /// The line of its `[[report]]` table.
    pub line: usize,
}

impl PlanData {
    /// The institution with registry id `id` (the first, where an id is defined twice), found
    /// in a map made on first use: pages look up every institution they name.
    pub fn institution(&self, id: &str) -> Option<&Institution> {
        let at = self.institution_at.get_or_init(|| {
            let mut at = HashMap::new();
            for (i, inst) in self.institutions.iter().enumerate() {
                at.entry(inst.id.clone()).or_insert(i);
            }
            at
        });
        at.get(id).map(|&i| &self.institutions[i])
    }

    /// The reports on one activity, oldest first (a binary search: reports are kept sorted).
    /// Noted as a [`Read::Reports`].
    pub fn reports_on<'a>(&'a self, plan: &'a str, activity: &'a str) -> impl Iterator<Item = &'a Report> + 'a {
        crate::reads::note_reports(plan, activity);
        let start = self
            .reports
            .partition_point(|f| (f.plan.as_str(), f.report.activity.as_str()) < (plan, activity));
        self.reports[start..]
            .iter()
            .take_while(move |f| f.plan == plan && f.report.activity == activity)
            .map(|f| &f.report)
    }

    /// Every progress report, sorted by plan, activity and date. Noted as [`Read::AllReports`].
    pub fn all_reports(&self) -> &[FiledReport] {
        crate::reads::note_all_reports();
        &self.reports
    }

    /// What replacing the reports on `plan` with `reports` would change: the activities whose
    /// reports would differ (in what pages can show: the reports, in order), and
    /// [`Read::AllReports`] if any would.
    pub fn changed_reports(&self, plan: &str, reports: &[FiledReport]) -> BTreeSet<Read> {
        let on = |list: &[FiledReport]| -> BTreeMap<String, Vec<Report>> {
            let mut list: Vec<&FiledReport> = list.iter().filter(|f| f.plan == plan).collect();
            list.sort_by(|a, b| kept_order(a, b));
            let mut by_activity: BTreeMap<String, Vec<Report>> = BTreeMap::new();
            for f in list {
                by_activity
                    .entry(f.report.activity.clone())
                    .or_default()
                    .push(f.report.clone());
            }
            by_activity
        };
        let (before, after) = (on(&self.reports), on(reports));
        let mut changed: BTreeSet<Read> = before
            .keys()
            .chain(after.keys())
            .filter(|a| before.get(*a) != after.get(*a))
            .map(|a| Read::reports(plan, a))
            .collect();
        if !changed.is_empty() {
            changed.insert(Read::AllReports);
        }
        changed
    }

    /// Replaces the reports on `plan` with `reports`, as [`load_reports`] read them again.
    pub fn replace_reports(&mut self, plan: &str, reports: Vec<FiledReport>) {
        self.reports.retain(|f| f.plan != plan);
        self.reports.extend(reports);
        sort_reports(&mut self.reports);
    }

    /// The activities that name institution `id` as responsible or as a partner, with their
    /// plans, in the order of plans and of their activities. Found in a map made once from every
    /// plan, not by going through the plans for each institution's page.
    pub fn naming<'a>(&'a self, id: &str) -> impl Iterator<Item = (&'a Plan, &'a PlanActivity)> + 'a {
        let named_on = self.named_on.get_or_init(|| {
            let mut named_on: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
            for (p, plan) in self.plans.iter().enumerate() {
                for (a, activity) in plan.activities.iter().enumerate() {
                    let names: BTreeSet<&String> = activity
                        .activity
                        .responsible
                        .iter()
                        .chain(&activity.activity.partners)
                        .collect();
                    for name in names {
                        named_on.entry(name.clone()).or_default().push((p, a));
                    }
                }
            }
            named_on
        });
        named_on
            .get(id)
            .into_iter()
            .flatten()
            .map(|&(p, a)| (&self.plans[p], &self.plans[p].activities[a]))
    }

    /// The current status of an activity: that of its latest report, or `no-report`.
    pub fn status(&self, plan: &str, activity: &str) -> (Status, Option<f64>) {
        self.reports_on(plan, activity)
            .last()
            .map_or((Status::NoReport, None), |r| (r.status, r.percent))
    }

    /// Rolls up the activities of one area of `plan` (through their goals).
    pub fn rollup_area(&self, plan: &Plan, area: &str) -> Rollup {
        let goals: HashSet<&str> = plan
            .goals
            .iter()
            .filter(|(g, _)| g.area.as_deref() == Some(area))
            .map(|(g, _)| g.id.as_str())
            .collect();
        self.rollup(plan, |a| goals.contains(a.goal.as_str()))
    }

    /// Of the activities institution `id` is responsible for: how many are complete, and how many
    /// of those were first reported complete no later than their due date.
    pub fn timeliness(&self, id: &str) -> (usize, usize) {
        let (mut completed, mut on_time) = (0, 0);
        for (plan, a) in self
            .naming(id)
            .filter(|(_, a)| a.activity.responsible.iter().any(|r| r == id))
        {
            if self.status(&plan.id, &a.activity.id).0 != Status::Complete {
                continue;
            }
            completed += 1;
            let done = self
                .reports_on(&plan.id, &a.activity.id)
                .find(|r| r.status == Status::Complete);
            let done_on = done.and_then(report_date);
            if matches!((done_on, a.deadline.due()), (Some(d), Some(due)) if d <= due) {
                on_time += 1;
            }
        }
        (completed, on_time)
    }

    /// Rolls up every activity, in every plan, for which institution `id` is responsible.
    pub fn rollup_institution(&self, id: &str) -> Rollup {
        Rollup::of(
            self.naming(id)
                .filter(|(_, a)| a.activity.responsible.iter().any(|r| r == id))
                .map(|(plan, a)| {
                    let (status, percent) = self.status(&plan.id, &a.activity.id);
                    (status, percent, a.activity.weight.unwrap_or(1.0))
                }),
        )
    }

    /// Rolls up the activities of `plan` that `keep` selects.
    pub fn rollup(&self, plan: &Plan, keep: impl Fn(&Activity) -> bool) -> Rollup {
        Rollup::of(plan.activities.iter().filter(|a| keep(&a.activity)).map(|a| {
            let (status, percent) = self.status(&plan.id, &a.activity.id);
            (status, percent, a.activity.weight.unwrap_or(1.0))
        }))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    plan: PlanMeta,
    #[serde(default)]
    area: Vec<toml::Spanned<Area>>,
    #[serde(default)]
    goal: Vec<toml::Spanned<Goal>>,
    #[serde(default)]
    measure: Vec<toml::Spanned<Measure>>,
    #[serde(default)]
    activity: Vec<toml::Spanned<Activity>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegistryFile {
    #[serde(default)]
    institution: Vec<toml::Spanned<Institution>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportFile {
    #[serde(default)]
    report: Vec<toml::Spanned<Report>>,
}

/// Loads and validates all plan data under `root`.
pub fn load(root: &Path, config: &SiteConfig, diagnostics: &Diagnostics) -> PlanData {
    let registry: Vec<(Institution, PathBuf, usize)> = toml_files(&root.join(INSTITUTIONS_DIR))
        .par_iter()
        .flat_map(|f| read_registry(root, f, diagnostics))
        .collect();
    let plan_dirs: Vec<PathBuf> = match std::fs::read_dir(root.join(PLANS_DIR)) {
        Ok(entries) => {
            let mut dirs: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.join("plan.toml").is_file())
                .collect();
            dirs.sort();
            dirs
        }
        Err(_) => Vec::new(),
    };
    let loaded: Vec<(Plan, Vec<FiledReport>)> = plan_dirs
        .par_iter()
        .filter_map(|dir| read_plan(root, dir, diagnostics))
        .collect();

    let mut data = PlanData::default();
    let mut seen = HashMap::new();
    for (inst, file, line) in registry {
        if let Some(first) = seen.insert(inst.id.clone(), (file.clone(), line)) {
            diagnostics.push(Diagnostic::error(
                &file,
                Some(line),
                format!(
                    "institution `{}` is defined twice (first at {}:{})",
                    inst.id,
                    first.0.display(),
                    first.1
                ),
            ));
        }
        data.institutions.push(inst);
    }
    for (plan, reports) in loaded {
        validate_plan(&plan, &seen, diagnostics);
        for filed in reports {
            validate_report(&plan, &filed, config.as_of, diagnostics);
            data.reports.push(filed);
        }
        data.plans.push(plan);
    }
    sort_reports(&mut data.reports);
    data
}

/// Sorts reports into the order [`PlanData`] keeps them in.
fn sort_reports(reports: &mut [FiledReport]) {
    reports.sort_by(kept_order);
}

/// The order [`PlanData`] keeps reports in: by plan, activity, date, line and file.
fn kept_order(a: &FiledReport, b: &FiledReport) -> std::cmp::Ordering {
    fn key(f: &FiledReport) -> (&str, &str, Option<NaiveDate>, usize) {
        (&f.plan, &f.report.activity, report_date(&f.report), f.line)
    }
    key(a).cmp(&key(b)).then_with(|| a.file.cmp(&b.file))
}

/// Reads and validates the progress reports on `plan` (in its folder's `reports/`) again, for
/// [`PlanData::replace_reports`].
pub fn load_reports(root: &Path, plan: &Plan, config: &SiteConfig, diagnostics: &Diagnostics) -> Vec<FiledReport> {
    let reports = read_reports(root, &root.join(PLANS_DIR).join(&plan.id), &plan.id, diagnostics);
    for filed in &reports {
        validate_report(plan, filed, config.as_of, diagnostics);
    }
    reports
}

/// Reads a TOML file into `T`, reporting syntax and shape errors with their line.
fn read_toml<T: serde::de::DeserializeOwned>(
    root: &Path,
    path: &Path,
    diagnostics: &Diagnostics,
) -> Option<(T, String, PathBuf)> {
    let shown = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let text = read_text(path, &shown).map_err(|d| diagnostics.push(d)).ok()?;
    match toml::from_str::<T>(&text) {
        Ok(value) => Some((value, text, shown)),
        Err(e) => {
            let line = e.span().map(|s| line_of(&text, s.start));
            diagnostics.push(Diagnostic::error(&shown, line, e.message().trim().to_owned()));
            None
        }
    }
}

fn read_registry(root: &Path, path: &Path, diagnostics: &Diagnostics) -> Vec<(Institution, PathBuf, usize)> {
    let Some((file, text, shown)) = read_toml::<RegistryFile>(root, path, diagnostics) else {
        return Vec::new();
    };
    with_lines(file.institution, &LineIndex::new(&text))
        .into_iter()
        .map(|(inst, line)| (inst, shown.clone(), line))
        .collect()
}

/// Each entry with the line its table starts on.
fn with_lines<T>(items: Vec<toml::Spanned<T>>, lines: &LineIndex) -> Vec<(T, usize)> {
    items
        .into_iter()
        .map(|s| {
            let line = lines.line(s.span().start);
            (s.into_inner(), line)
        })
        .collect()
}

fn read_plan(root: &Path, dir: &Path, diagnostics: &Diagnostics) -> Option<(Plan, Vec<FiledReport>)> {
    let (file, text, shown) = read_toml::<PlanFile>(root, &dir.join("plan.toml"), diagnostics)?;
    let id = dir.file_name()?.to_string_lossy().into_owned();
    let period = (file.plan.period[0], file.plan.period[1]);
    let lines = LineIndex::new(&text);
    let plan = Plan {
        id,
        file: shown,
        areas: with_lines(file.area, &lines),
        goals: with_lines(file.goal, &lines),
        measures: with_lines(file.measure, &lines),
        activities: with_lines(file.activity, &lines)
            .into_iter()
            .map(|(activity, line)| PlanActivity {
                deadline: Deadline::parse(&activity.deadline, period),
                activity,
                line,
            })
            .collect(),
        meta: file.plan,
    };
    let reports = read_reports(root, dir, &plan.id, diagnostics);
    Some((plan, reports))
}

/// The reports in the `reports/` folder of plan folder `dir`.
fn read_reports(root: &Path, dir: &Path, plan: &str, diagnostics: &Diagnostics) -> Vec<FiledReport> {
    let mut reports = Vec::new();
    for path in toml_files(&dir.join("reports")) {
        if let Some((file, text, shown)) = read_toml::<ReportFile>(root, &path, diagnostics) {
            reports.extend(
                with_lines(file.report, &LineIndex::new(&text))
                    .into_iter()
                    .map(|(report, line)| FiledReport {
                        plan: plan.to_owned(),
                        report,
                        file: shown.clone(),
                        line,
                    }),
            );
        }
    }
    reports
}

fn validate_plan(plan: &Plan, institutions: &HashMap<String, (PathBuf, usize)>, diagnostics: &Diagnostics) {
    let error = |line: usize, message: String| Diagnostic::error(&plan.file, Some(line), message);
    let unique = |kind: &str, items: Vec<(&str, usize)>| -> HashSet<String> {
        let mut seen = HashMap::new();
        for (id, line) in items {
            if let Some(first) = seen.insert(id.to_owned(), line) {
                diagnostics.push(error(
                    line,
                    format!("{kind} `{id}` appears twice (first on line {first})"),
                ));
            }
        }
        seen.into_keys().collect()
    };
    let areas = unique("area", plan.areas.iter().map(|(a, l)| (a.id.as_str(), *l)).collect());
    let goals = unique("goal", plan.goals.iter().map(|(g, l)| (g.id.as_str(), *l)).collect());
    let measures = unique(
        "measure",
        plan.measures.iter().map(|(m, l)| (m.id.as_str(), *l)).collect(),
    );
    unique(
        "activity",
        plan.activities
            .iter()
            .map(|a| (a.activity.id.as_str(), a.line))
            .collect(),
    );
    let [first, last] = plan.meta.period;
    if first > last {
        diagnostics.push(Diagnostic::error(
            &plan.file,
            None,
            format!("period {first}–{last} ends before it starts"),
        ));
    }
    for (goal, line) in &plan.goals {
        if let Some(area) = goal.area.as_ref().filter(|a| !areas.contains(*a)) {
            diagnostics.push(error(
                *line,
                format!("goal `{}` names area `{area}`, which the plan does not have", goal.id),
            ));
        }
    }
    let goal_of_measure: HashMap<&str, Option<&str>> = plan
        .measures
        .iter()
        .map(|(m, _)| (m.id.as_str(), m.goal.as_deref()))
        .collect();
    for (measure, line) in &plan.measures {
        if let Some(goal) = measure.goal.as_ref().filter(|g| !goals.contains(*g)) {
            diagnostics.push(error(
                *line,
                format!(
                    "measure `{}` names goal `{goal}`, which the plan does not have",
                    measure.id
                ),
            ));
        }
    }
    for id in plan.meta.partners.iter().filter(|id| !institutions.contains_key(*id)) {
        diagnostics.push(
            Diagnostic::error(
                &plan.file,
                None,
                format!("the plan names partner `{id}`, which is not in the registry"),
            )
            .with_hint(format!(
                "add it to {INSTITUTIONS_DIR}/{}.toml, or correct the id",
                plan.meta.country
            )),
        );
    }
    for a in &plan.activities {
        let act = &a.activity;
        if !goals.contains(&act.goal) {
            diagnostics.push(error(
                a.line,
                format!(
                    "activity `{}` names goal `{}`, which the plan does not have",
                    act.id, act.goal
                ),
            ));
        }
        if let Some(m) = &act.measure {
            if !measures.contains(m) {
                diagnostics.push(error(
                    a.line,
                    format!(
                        "activity `{}` names measure `{m}`, which the plan does not have",
                        act.id
                    ),
                ));
            } else if let Some(Some(g)) = goal_of_measure.get(m.as_str()) {
                if *g != act.goal {
                    diagnostics.push(error(
                        a.line,
                        format!(
                            "activity `{}` is under goal `{}` but its measure `{m}` is under goal `{g}`",
                            act.id, act.goal
                        ),
                    ));
                }
            }
        }
        for id in act.responsible.iter().chain(&act.partners) {
            if !institutions.contains_key(id) {
                diagnostics.push(
                    error(
                        a.line,
                        format!(
                            "activity `{}` names institution `{id}`, which is not in the registry",
                            act.id
                        ),
                    )
                    .with_hint(format!(
                        "add it to {INSTITUTIONS_DIR}/{}.toml, or correct the id",
                        plan.meta.country
                    )),
                );
            }
        }
        if !act.deadline.trim().is_empty() && a.deadline.kind == DeadlineKind::Unparsed {
            diagnostics.push(
                Diagnostic::warning(
                    &plan.file,
                    Some(a.line),
                    format!(
                        "the deadline of activity `{}` is not understood: {:?}",
                        act.id, act.deadline
                    ),
                )
                .with_hint("it is shown as written; if a column was shifted in the source, move the text to its field"),
            );
        }
        if act.text.is_empty() {
            diagnostics.push(error(a.line, format!("activity `{}` has no text", act.id)));
        }
    }
}

fn validate_report(plan: &Plan, filed: &FiledReport, as_of: NaiveDate, diagnostics: &Diagnostics) {
    let report = &filed.report;
    let error = |message: String| Diagnostic::error(&filed.file, Some(filed.line), message);
    if !plan.activities.iter().any(|a| a.activity.id == report.activity) {
        diagnostics.push(error(format!(
            "the report is on activity `{}`, which plan `{}` does not have",
            report.activity, plan.id
        )));
    }
    match report_date(report) {
        None => diagnostics.push(error(format!(
            "the report date `{}` is not a calendar date",
            report.date
        ))),
        Some(date) if date > as_of => diagnostics.push(
            error(format!(
                "the report is dated {date}, after the site's as-of date {as_of}"
            ))
            .with_hint("correct the date, or move `as_of` in putokaz.toml forward"),
        ),
        Some(_) => {}
    }
    let sourced = report
        .source
        .as_ref()
        .is_some_and(|s| !s.document.trim().is_empty() || s.url.is_some());
    if !sourced {
        diagnostics.push(
            error(format!("the report on `{}` has no source", report.activity)).with_hint(
                "add source = { document = \"…\", page = \"…\" } or source = { document = \"…\", url = \"https://…\" }",
            ),
        );
    }
    if let Some(p) = report.percent.filter(|p| !(0.0..=100.0).contains(p)) {
        diagnostics.push(error(format!("percent {p} is not between 0 and 100")));
    }
}
