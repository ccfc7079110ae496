//! Open data: every plan as JSON and CSV (one row per activity), every activity of every plan in
//! one file of each format, and every statistics table as published (withheld counts stay
//! withheld: the files are made from [`crate::stats::Statistics`], which holds nothing else).
//!
//! The columns are fixed and documented in [`COLUMNS`]; the portal's data page lists them. CSV
//! files are UTF-8 with a byte-order mark, so that spreadsheet programs read Cyrillic correctly.

use serde::Serialize;

use crate::output::{Body, OutputFile};
use crate::plan::{DeadlineKind, Plan, progress::report_date};
use crate::site::{Site, activity_path};

/// The CSV and JSON columns, with what each holds. Their order and names do not change.
pub const COLUMNS: &[(&str, &str)] = &[
    ("plan", "Plan id, as in the portal's URLs"),
    ("country", "ISO 3166 code of the country, lowercase"),
    ("activity", "Activity id as in the plan document"),
    ("area", "Area id (empty where the plan has no areas)"),
    ("goal", "Goal id"),
    (
        "measure",
        "Measure, specific goal or expected result id (empty where the plan has none)",
    ),
    (
        "text_en",
        "What is to be done, in English (the source documents' language)",
    ),
    ("text_sr", "The same in Serbian, where translated"),
    ("text_cnr", "The same in Montenegrin, where translated"),
    ("text_mk", "The same in Macedonian, where translated"),
    ("responsible", "Responsible institutions: registry ids separated by `;`"),
    (
        "responsible_en",
        "Responsible institutions: English names separated by `;`",
    ),
    ("partners", "Partner institutions: registry ids separated by `;`"),
    ("deadline", "The deadline exactly as written in the plan"),
    (
        "deadline_kind",
        "How the portal reads it: year, years, quarter, mid-year, end-of-year, event, continuous, recurring, conditional, none or unparsed",
    ),
    (
        "due",
        "The last day it is due (YYYY-MM-DD), where the deadline gives one",
    ),
    ("resources_en", "Required resources or funding, as written"),
    ("indicators_en", "Indicators of success, separated by ` | `"),
    (
        "status",
        "Latest reported status: no-report, not-started, limited, substantial, complete or cancelled",
    ),
    (
        "status_date",
        "Date of the latest report (YYYY-MM-DD), empty without one",
    ),
    (
        "percent",
        "Completion in percent given by the latest report, where it gives one",
    ),
    ("reports", "Number of progress reports on the activity"),
    ("url", "The activity's page (English)"),
    ("source_document", "The document the activity comes from"),
    (
        "source_line",
        "The line of the activity in the portal's copy of the document",
    ),
];

/// The URL path of a plan's file: `/data/plans/rs-2009-2011.csv`.
pub fn plan_file(plan: &str, extension: &str) -> String {
    format!("/data/plans/{plan}.{extension}")
}

/// The URL path of the file with every activity of every plan.
pub fn all_file(extension: &str) -> String {
    format!("/data/activities.{extension}")
}

/// One activity as a row. Field order is [`COLUMNS`]' order.
#[derive(Serialize)]
struct Row {
    plan: String,
    country: String,
    activity: String,
    area: String,
    goal: String,
    measure: String,
    text_en: String,
    text_sr: String,
    text_cnr: String,
    text_mk: String,
    responsible: String,
    responsible_en: String,
    partners: String,
    deadline: String,
    deadline_kind: &'static str,
    due: String,
    resources_en: String,
    indicators_en: String,
    status: &'static str,
    status_date: String,
    percent: Option<f64>,
    reports: usize,
    url: String,
    source_document: String,
    source_line: Option<usize>,
}

#[derive(Serialize)]
struct PlanFile<'a> {
    id: &'a str,
    meta: &'a crate::plan::PlanMeta,
    areas: Vec<&'a crate::plan::Area>,
    goals: Vec<&'a crate::plan::Goal>,
    measures: Vec<&'a crate::plan::Measure>,
    activities: &'a [Row],
}

fn rows(site: &Site, plan: &Plan) -> Vec<Row> {
    let text = |t: &crate::plan::Text, lang: &str| t.get(lang).cloned().unwrap_or_default();
    plan.activities
        .iter()
        .map(|a| {
            let act = &a.activity;
            let latest = site.plans.reports_on(&plan.id, &act.id).last();
            let area = plan
                .goals
                .iter()
                .find(|(g, _)| g.id == act.goal)
                .and_then(|(g, _)| g.area.clone());
            let names = |ids: &[String]| -> String {
                ids.iter()
                    .map(|id| {
                        site.plans
                            .institution(id)
                            .and_then(|i| i.name.get("en").cloned())
                            .unwrap_or_else(|| id.clone())
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            Row {
                plan: plan.id.clone(),
                country: plan.meta.country.clone(),
                activity: act.id.clone(),
                area: area.unwrap_or_default(),
                goal: act.goal.clone(),
                measure: act.measure.clone().unwrap_or_default(),
                text_en: text(&act.text, "en"),
                text_sr: text(&act.text, "sr"),
                text_cnr: text(&act.text, "cnr"),
                text_mk: text(&act.text, "mk"),
                responsible: act.responsible.join("; "),
                responsible_en: names(&act.responsible),
                partners: act.partners.join("; "),
                deadline: act.deadline.clone(),
                deadline_kind: deadline_kind(&a.deadline.kind, &act.deadline),
                due: a.deadline.due().map(|d| d.to_string()).unwrap_or_default(),
                resources_en: text(&act.resources, "en"),
                indicators_en: act
                    .indicators
                    .iter()
                    .map(|i| text(i, "en"))
                    .collect::<Vec<_>>()
                    .join(" | "),
                status: latest.map_or("no-report", |r| r.status.key()),
                status_date: latest.and_then(report_date).map(|d| d.to_string()).unwrap_or_default(),
                percent: latest.and_then(|r| r.percent),
                reports: site.plans.reports_on(&plan.id, &act.id).count(),
                url: format!("{}/en/{}/", site.config.base_url, activity_path(&plan.id, &act.id)),
                source_document: plan.meta.source.document.clone(),
                source_line: act.source_line,
            }
        })
        .collect()
}

fn deadline_kind(kind: &DeadlineKind, raw: &str) -> &'static str {
    match kind {
        DeadlineKind::Year(_) => "year",
        DeadlineKind::Years { .. } => "years",
        DeadlineKind::Quarter { .. } => "quarter",
        DeadlineKind::MidYear(_) => "mid-year",
        DeadlineKind::EndOfYear(_) => "end-of-year",
        DeadlineKind::Event { .. } => "event",
        DeadlineKind::Continuous { .. } => "continuous",
        DeadlineKind::Recurring { .. } => "recurring",
        DeadlineKind::Conditional { .. } => "conditional",
        DeadlineKind::Unparsed if raw.trim().is_empty() => "none",
        DeadlineKind::Unparsed => "unparsed",
    }
}

fn csv_bytes(rows: &[Row]) -> Result<Vec<u8>, String> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in rows {
        writer.serialize(row).map_err(|e| e.to_string())?;
    }
    if rows.is_empty() {
        writer
            .write_record(COLUMNS.iter().map(|(name, _)| *name))
            .map_err(|e| e.to_string())?;
    }
    writer.into_inner().map_err(|e| e.to_string())
}

/// The open-data files of the plans: each plan, and every activity of every plan in one file,
/// as CSV and JSON. (Made again after an edit to a progress report; the statistics files are
/// not: [`statistics_files`].)
pub fn plan_files(site: &Site) -> Result<Vec<OutputFile>, String> {
    let mut files = Vec::with_capacity(2 * site.plans.plans.len() + 2);
    let mut all = Vec::new();
    for plan in &site.plans.plans {
        let rows = rows(site, plan);
        files.push(OutputFile {
            path: plan_file(&plan.id, "csv")[1..].to_owned(),
            body: Body::Bytes(csv_bytes(&rows)?.into()),
        });
        let json = PlanFile {
            id: &plan.id,
            meta: &plan.meta,
            areas: plan.areas.iter().map(|(a, _)| a).collect(),
            goals: plan.goals.iter().map(|(g, _)| g).collect(),
            measures: plan.measures.iter().map(|(m, _)| m).collect(),
            activities: &rows,
        };
        files.push(OutputFile {
            path: plan_file(&plan.id, "json")[1..].to_owned(),
            body: Body::Bytes(json_bytes(&json)?.into()),
        });
        all.extend(rows);
    }
    files.push(OutputFile {
        path: all_file("csv")[1..].to_owned(),
        body: Body::Bytes(csv_bytes(&all)?.into()),
    });
    files.push(OutputFile {
        path: all_file("json")[1..].to_owned(),
        body: Body::Bytes(json_bytes(&all)?.into()),
    });
    Ok(files)
}

/// `value` as indented JSON.
fn json_bytes<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, String> {
    serde_json::to_vec_pretty(value).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_the_row_fields_in_order() {
        let row = Row {
            plan: String::new(),
            country: String::new(),
            activity: String::new(),
            area: String::new(),
            goal: String::new(),
            measure: String::new(),
            text_en: String::new(),
            text_sr: String::new(),
            text_cnr: String::new(),
            text_mk: String::new(),
            responsible: String::new(),
            responsible_en: String::new(),
            partners: String::new(),
            deadline: String::new(),
            deadline_kind: "none",
            due: String::new(),
            resources_en: String::new(),
            indicators_en: String::new(),
            status: "no-report",
            status_date: String::new(),
            percent: None,
            reports: 0,
            url: String::new(),
            source_document: String::new(),
            source_line: None,
        };
        let value = serde_json::to_value(&row).unwrap();
        let keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
        let mut documented: Vec<&str> = COLUMNS.iter().map(|(n, _)| *n).collect();
        documented.sort();
        let mut keys_sorted = keys.clone();
        keys_sorted.sort();
        assert_eq!(keys_sorted, documented);
        let header = String::from_utf8(csv_bytes(&[row]).unwrap()).unwrap();
        let first_line = header.trim_start_matches('\u{feff}').lines().next().unwrap().to_owned();
        assert_eq!(
            first_line,
            COLUMNS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(",")
        );
    }
}

/// The URL of a statistics table's download.
pub fn statistic_file(table: &str, ext: &str) -> String {
    format!("/data/statistics/{}.{ext}", crate::site::url_id(table))
}

/// One published cell in the downloads: its coordinates (`None` for a total), what is shown and
/// the count where it is published.
#[derive(Serialize)]
struct StatCell {
    #[serde(flatten)]
    coords: std::collections::BTreeMap<String, Option<String>>,
    shown: &'static str,
    count: Option<u64>,
}

#[derive(Serialize)]
struct StatFile<'a> {
    table: &'a crate::stats::Table,
    /// Counts from 1 to threshold − 1 are withheld.
    threshold: u64,
    round_to: Option<u64>,
    cells: Vec<StatCell>,
}

/// Every statistics table as CSV (a column per dimension, `shown`, `count`) and JSON.
pub fn statistics_files(site: &Site) -> Result<Vec<OutputFile>, String> {
    use crate::stats::Shown;
    let stats = &site.stats;
    let mut files = Vec::new();
    for (t, table) in stats.tables.iter().enumerate() {
        let cells: Vec<StatCell> = table
            .all_coords()
            .into_iter()
            .map(|coords| {
                let shown = stats.shown(t, &coords);
                StatCell {
                    coords: table
                        .dimensions
                        .iter()
                        .zip(&coords)
                        .map(|(d, c)| (d.id.clone(), c.map(|v| d.values[v].id.clone())))
                        .collect(),
                    shown: match shown {
                        Shown::Count(_) => "count",
                        Shown::Small => "fewer-than-threshold",
                        Shown::Withheld => "withheld",
                        Shown::Unavailable => "not-available",
                    },
                    count: match shown {
                        Shown::Count(n) => Some(n),
                        _ => None,
                    },
                }
            })
            .collect();
        let mut csv = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
        let header: Vec<&str> = table
            .dimensions
            .iter()
            .map(|d| d.id.as_str())
            .chain(["shown", "count"])
            .collect();
        csv.write_record(&header).map_err(|e| e.to_string())?;
        for cell in &cells {
            let mut record: Vec<String> = table
                .dimensions
                .iter()
                .map(|d| cell.coords[&d.id].clone().unwrap_or_else(|| "total".to_owned()))
                .collect();
            record.push(cell.shown.to_owned());
            record.push(cell.count.map(|n| n.to_string()).unwrap_or_default());
            csv.write_record(&record).map_err(|e| e.to_string())?;
        }
        let bytes = csv.into_inner().map_err(|e| e.to_string())?;
        files.push(OutputFile {
            path: statistic_file(&table.id, "csv")[1..].to_owned(),
            body: Body::Bytes(bytes.into()),
        });
        let json = StatFile {
            table,
            threshold: stats.threshold,
            round_to: stats.round_to,
            cells,
        };
        files.push(OutputFile {
            path: statistic_file(&table.id, "json")[1..].to_owned(),
            body: Body::Bytes(json_bytes(&json)?.into()),
        });
    }
    Ok(files)
}
