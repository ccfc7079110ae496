//! Action plans as data: plan → area → goal → measure (optional) → activity, with institutions,
//! deadlines and progress reports.
//!
//! Each plan lives in `content/plans/PLAN-ID/plan.toml`; institutions in
//! `content/institutions/COUNTRY.toml`; progress reports in `content/plans/PLAN-ID/reports/*.toml`,
//! so a coordinator adds a report without touching the plan. Every text field may carry all
//! four languages; the documents' English is the source and the fallback.

pub mod deadline;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use deadline::Deadline;

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
    /// The goal it belongs to.
    pub goal: String,
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
