//! Deadlines as the plans write them, and what they mean.
//!
//! STUB: being written (see the helper brief). Keeps the raw text only.

use chrono::NaiveDate;

/// A deadline: the text as written in the plan, and its structured meaning where it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// The text exactly as written in the document.
    pub raw: String,
}

impl Deadline {
    /// Parses a deadline as written in a plan whose period is `period` (first and last year).
    pub fn parse(raw: &str, period: (i32, i32)) -> Deadline {
        let _ = period;
        Deadline { raw: raw.to_owned() }
    }

    /// The last day by which the activity is due, where the deadline gives one.
    pub fn due(&self) -> Option<NaiveDate> {
        None
    }
}
