//! `putokaz import`: reads a plan document in one of the forms found in the sources and writes
//! plan TOML for a person to review.
//!
//! Each source form has its own module that turns the document's text into an
//! [`ImportedPlan`]. Nothing is dropped silently: every row the importer is unsure of becomes a
//! [`Doubt`] with its line, for the reviewer.

mod cells;
pub mod emit;
pub mod macedonia;
pub mod montenegro;
pub mod serbia;

use crate::plan::{Activity, Area, Goal, Measure};

/// The document forms `putokaz import` reads, each named for the plan it was written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Pipe tables broken at page breaks (Serbia's National Plan of Action 2009–2011).
    Serbia,
    /// Tab-separated tables with row-spanned objective and measure cells (Montenegro 2012–2013).
    Montenegro,
    /// Narrative chapters with an annex table (North Macedonia, trafficking in children 2009–2012).
    Macedonia,
}

impl Format {
    /// Reads a whole document of this form.
    pub fn parse(self, text: &str) -> ImportedPlan {
        match self {
            Format::Serbia => serbia::parse(text),
            Format::Montenegro => montenegro::parse(text),
            Format::Macedonia => macedonia::parse(text),
        }
    }
}

/// A plan as read from a document, before institution names are matched to the registry.
#[derive(Debug, Clone, Default)]
pub struct ImportedPlan {
    /// Areas in document order.
    pub areas: Vec<Area>,
    /// Goals in document order.
    pub goals: Vec<Goal>,
    /// Measures (specific goals, expected results) in document order.
    pub measures: Vec<Measure>,
    /// Activities in document order.
    pub activities: Vec<ImportedActivity>,
    /// Rows the importer is unsure of, for a person to check.
    pub doubts: Vec<Doubt>,
}

/// An activity with the institutions as the document names them.
#[derive(Debug, Clone, Default)]
pub struct ImportedActivity {
    /// The activity; its `responsible` and `partners` are filled in when names are matched.
    pub activity: Activity,
    /// Responsible institutions as written, one name per entry.
    pub responsible: Vec<String>,
    /// Partners as written, one name per entry.
    pub partners: Vec<String>,
}

/// A row the importer could read only with a guess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doubt {
    /// The 1-based line in the source document.
    pub line: usize,
    /// What looks wrong and what the importer did about it.
    pub message: String,
}
