//! Progress: reports with evidence, the status scale, and roll-ups.
//!
//! The scale follows the Open Government Partnership's independent reviews: an activity without
//! a report is `no-report` (the portal says so), and every report names its source. Roll-ups
//! give counts by status and a completion figure for measures, goals, areas, plans and
//! institutions.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Source, Text};

/// How far an activity has got, on the OGP-style scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// No report with a source has been published (the default).
    #[default]
    NoReport,
    /// Reported as not started.
    NotStarted,
    /// Limited progress.
    Limited,
    /// Substantial progress.
    Substantial,
    /// Completed.
    Complete,
    /// Cancelled or dropped.
    Cancelled,
}

impl Status {
    /// Every status, in scale order.
    pub const ALL: [Status; 6] = [
        Status::NoReport,
        Status::NotStarted,
        Status::Limited,
        Status::Substantial,
        Status::Complete,
        Status::Cancelled,
    ];

    /// The status as written in data files and used in CSS classes and i18n keys.
    pub fn key(self) -> &'static str {
        match self {
            Status::NoReport => "no-report",
            Status::NotStarted => "not-started",
            Status::Limited => "limited",
            Status::Substantial => "substantial",
            Status::Complete => "complete",
            Status::Cancelled => "cancelled",
        }
    }

    /// The id of the interface string that names the status (`status-` and its key).
    pub fn label_key(self) -> &'static str {
        match self {
            Status::NoReport => "status-no-report",
            Status::NotStarted => "status-not-started",
            Status::Limited => "status-limited",
            Status::Substantial => "status-substantial",
            Status::Complete => "status-complete",
            Status::Cancelled => "status-cancelled",
        }
    }

    /// The share of the work the status stands for, when a report gives no percentage.
    ///
    /// `None` for statuses that say nothing about completion (no report, cancelled): they are
    /// counted but left out of completion averages. Limited and substantial take the middle of
    /// the lower and upper half of the scale.
    pub fn completion(self) -> Option<f64> {
        match self {
            Status::NotStarted => Some(0.0),
            Status::Limited => Some(0.25),
            Status::Substantial => Some(0.75),
            Status::Complete => Some(1.0),
            Status::NoReport | Status::Cancelled => None,
        }
    }
}

/// One progress report on one activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The activity's id in the plan.
    pub activity: String,
    /// The date of the report (or of the state it describes).
    pub date: toml::value::Datetime,
    /// The status it reports.
    pub status: Status,
    /// Completion in percent, where the report gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<f64>,
    /// What the report says.
    #[serde(default)]
    pub text: Text,
    /// Where it comes from: required.
    pub source: Option<Source>,
}

/// Counts by status and a completion figure over a set of activities.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Rollup {
    /// Activities per status.
    pub counts: BTreeMap<Status, usize>,
    /// All activities counted.
    pub total: usize,
    /// Weighted average completion (0–1) of the activities whose status says something about
    /// completion; `None` when none does.
    pub completion: Option<f64>,
}

impl Rollup {
    /// Rolls up `(status, percent, weight)` of each activity.
    pub fn of(items: impl IntoIterator<Item = (Status, Option<f64>, f64)>) -> Rollup {
        let mut rollup = Rollup::default();
        let (mut done, mut weights) = (0.0, 0.0);
        for (status, percent, weight) in items {
            *rollup.counts.entry(status).or_default() += 1;
            rollup.total += 1;
            let share = match status {
                Status::NoReport | Status::Cancelled => None,
                _ => percent.map(|p| p / 100.0).or(status.completion()),
            };
            if let Some(share) = share {
                done += share * weight;
                weights += weight;
            }
        }
        rollup.completion = (weights > 0.0).then(|| done / weights);
        rollup
    }

    /// Activities with a report.
    pub fn reported(&self) -> usize {
        self.total - self.counts.get(&Status::NoReport).copied().unwrap_or(0)
    }
}

/// A report's date as a calendar date, if it is one.
pub fn report_date(report: &Report) -> Option<NaiveDate> {
    let d = report.date.date?;
    NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_is_named_by_the_string_after_its_key() {
        for status in Status::ALL {
            assert_eq!(status.label_key(), format!("status-{}", status.key()));
        }
    }

    #[test]
    fn rollup_counts_every_status_and_weights_completion() {
        let r = Rollup::of([
            (Status::NoReport, None, 1.0),
            (Status::Complete, None, 1.0),
            (Status::Limited, None, 1.0),
            (Status::Substantial, Some(60.0), 2.0),
            (Status::Cancelled, None, 1.0),
        ]);
        assert_eq!(r.total, 5);
        assert_eq!(r.reported(), 4);
        assert_eq!(r.counts[&Status::NoReport], 1);
        // (1.0 + 0.25 + 0.6 * 2) / (1 + 1 + 2)
        assert!((r.completion.unwrap() - 2.45 / 4.0).abs() < 1e-9, "{r:?}");
    }

    #[test]
    fn nothing_reported_means_no_completion_figure() {
        let r = Rollup::of([(Status::NoReport, None, 1.0), (Status::NoReport, None, 1.0)]);
        assert_eq!(r.completion, None);
        assert_eq!(r.reported(), 0);
    }

    #[test]
    fn statuses_read_as_written_in_data_files() {
        #[derive(Deserialize)]
        struct S {
            s: Vec<Status>,
        }
        let parsed: S =
            toml::from_str(r#"s = ["no-report", "not-started", "limited", "substantial", "complete", "cancelled"]"#)
                .unwrap();
        assert_eq!(parsed.s, Status::ALL);
        assert!(toml::from_str::<S>(r#"s = ["done"]"#).is_err());
    }
}
