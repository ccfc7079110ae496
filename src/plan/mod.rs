//! Action plans as data: plan → area → goal → measure (optional) → activity, with institutions,
//! deadlines and progress reports.
//!
//! Each plan lives in `content/plans/PLAN-ID/plan.toml`; institutions in
//! `content/institutions/COUNTRY.toml`; progress reports in `content/plans/PLAN-ID/reports/*.toml`,
//! so a coordinator adds a report without touching the plan. Every text field may carry all
//! four languages; the documents' English is the source and the fallback.

pub mod deadline;
mod load;
pub mod progress;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use deadline::{Deadline, DeadlineKind, DeadlineState};
pub use load::{FiledReport, INSTITUTIONS_DIR, PLANS_DIR, PlanData, load, load_reports};
pub use progress::{Report, Rollup, Status};

/// Text in several languages, by language code. English (`en`) is the source documents' language.
pub type Text = BTreeMap<String, String>;

/// Where a fact comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The document's title.
    pub document: String,
    /// Page, section or line in the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// A public address of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An area of a plan (e.g. "Prevention").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Its id within the plan.
    pub id: String,
    /// Its title.
    pub title: Text,
}

/// A goal (strategic goal, objective) of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Its id within the plan, as in the document.
    pub id: String,
    /// The area it belongs to, where the plan has areas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// Its title.
    pub title: Text,
}

/// A measure, specific goal or expected result: the level between goal and activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Its id within the plan, as in the document.
    pub id: String,
    /// The goal it belongs to (none in programmes whose outcomes serve the whole plan).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// Its title.
    pub title: Text,
}

/// One activity: what was promised, by whom, by when, with what, and how success is measured.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// Its id as in the document, e.g. `1.1.3`.
    pub id: String,
    /// The goal it serves.
    pub goal: String,
    /// The measure it belongs to, where the plan has that level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// What is to be done.
    pub text: Text,
    /// Responsible institutions: ids in the institution registry.
    #[serde(default)]
    pub responsible: Vec<String>,
    /// Partner institutions: ids in the institution registry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// The deadline as written in the document (parsed by [`Deadline::parse`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub deadline: String,
    /// Required resources or funding, as written.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub resources: Text,
    /// Indicators of success.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Text>,
    /// The line of the source document the activity starts on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_line: Option<usize>,
    /// A reviewer's note on the data (e.g. an OCR error fixed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Weight in roll-ups (1 unless given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
}

/// An institution that plans name as responsible or partner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Institution {
    /// A stable id, e.g. `rs-moi`.
    pub id: String,
    /// Its name in each language.
    pub name: Text,
    /// Other spellings the documents use, for the importer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// How much a plan's activities cost and who pays (programmes state this; plans mostly do not).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// ISO 4217 currency code, e.g. `USD`.
    pub currency: String,
    /// The total as stated in the document.
    pub total: f64,
    /// Contributions as stated.
    #[serde(default)]
    pub donors: Vec<Donor>,
}

/// One contribution to a budget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Donor {
    /// Who gives it.
    pub name: Text,
    /// How much.
    pub amount: f64,
}

/// Everything `plan.toml` says about the plan itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanMeta {
    /// ISO 3166 code of the country, lowercase: `rs`, `me`, `mk`.
    pub country: String,
    /// The plan's title.
    pub title: Text,
    /// First and last year the plan covers.
    pub period: [i32; 2],
    /// Who adopted or issued it.
    pub adopted_by: Text,
    /// When it was adopted, where the document says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted_on: Option<toml::value::Datetime>,
    /// The document the data comes from.
    pub source: Source,
    /// Funding, where the document states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Budget>,
    /// Partner institutions of the whole plan (registry ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
}

/// One plan: its metadata and its tree, each entry with the line it stands on in `plan.toml`.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The plan's id: its folder name, e.g. `rs-2009-2011`.
    pub id: String,
    /// `content/plans/ID/plan.toml`.
    pub file: std::path::PathBuf,
    /// The plan's own fields.
    pub meta: PlanMeta,
    /// Areas, with their lines.
    pub areas: Vec<(Area, usize)>,
    /// Goals, with their lines.
    pub goals: Vec<(Goal, usize)>,
    /// Measures, with their lines.
    pub measures: Vec<(Measure, usize)>,
    /// Activities with their parsed deadlines and lines.
    pub activities: Vec<PlanActivity>,
}

/// An activity as loaded: the data, its parsed deadline and its line in `plan.toml`.
#[derive(Debug, Clone)]
pub struct PlanActivity {
    /// The activity as written.
    pub activity: Activity,
    /// Its deadline, parsed.
    pub deadline: Deadline,
    /// The line of its `[[activity]]` header.
    pub line: usize,
}

impl Plan {
    /// The period as a pair of years.
    pub fn period(&self) -> (i32, i32) {
        (self.meta.period[0], self.meta.period[1])
    }
}

/// `text` in `language`, else in English, else in any language; `None` if it has none.
///
/// The second value is the language the text is in, so a page can mark a fallback visibly
/// (a `lang` attribute and a note).
pub fn text_in<'a>(text: &'a Text, language: &str) -> Option<(&'a str, &'a str)> {
    text.get_key_value(language)
        .or_else(|| text.get_key_value("en"))
        .or_else(|| text.iter().next())
        .map(|(lang, value)| (value.as_str(), lang.as_str()))
}
