//! Where to get help: hotline and support entries per country, each from a named source with
//! the date it was last verified.
//!
//! `content/help/COUNTRY.toml` holds one country's entries. A phone number is published only with
//! its source and in international (E.164) form; an entry whose source gives no number names the
//! organisation and where to find it instead. Entries verified more than six months before the
//! site's as-of date are flagged by `check`, so nobody relies on a stale number unawares.

use std::path::{Path, PathBuf};

use chrono::{Months, NaiveDate};
use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics, LineIndex, line_of, read_text, toml_files};
use crate::plan::{Source, Text};

/// Where help data lives, relative to the site root.
pub const HELP_DIR: &str = "content/help";

/// How old a verification may be, relative to the as-of date, before `check` warns.
pub const FRESH_MONTHS: u32 = 6;

/// One place to turn to.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hotline {
    /// A stable id within the country.
    pub id: String,
    /// The organisation or service, per language.
    pub organisation: Text,
    /// What it offers.
    pub offers: Text,
    /// The phone number in E.164 form (`+381…`), only where the source gives it.
    #[serde(default)]
    pub phone: Option<String>,
    /// A national short number (e.g. `192` for the police), only where the source gives it.
    #[serde(default)]
    pub short_number: Option<String>,
    /// Opening hours.
    #[serde(default)]
    pub hours: Option<Text>,
    /// Languages spoken (language codes).
    #[serde(default)]
    pub languages: Vec<String>,
    /// What a call costs.
    #[serde(default)]
    pub cost: Option<Text>,
    /// Who may call.
    #[serde(default)]
    pub who_may_call: Option<Text>,
    /// Where to find the organisation when the source gives no number.
    #[serde(default)]
    pub where_to_find: Option<Text>,
    /// The organisation's website, as the source gives it.
    #[serde(default)]
    pub website: Option<String>,
    /// Where these facts come from.
    pub source: Source,
    /// The date the facts were last verified against the source.
    pub verified: toml::value::Datetime,
}

/// One country's help entries.
#[derive(Debug, Clone)]
pub struct CountryHelp {
    /// ISO 3166 code, lowercase (the file name).
    pub country: String,
    /// The file, relative to the site root.
    pub file: PathBuf,
    /// Its entries with their lines.
    pub entries: Vec<(Hotline, usize)>,
}

impl CountryHelp {
    /// Every phone and short number of the entries, for the leak scan's allow-list.
    pub fn phones(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .flat_map(|(h, _)| h.phone.as_deref().into_iter().chain(h.short_number.as_deref()))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HelpFile {
    #[serde(default)]
    entry: Vec<toml::Spanned<Hotline>>,
}

/// The date an entry was verified, if it is a calendar date.
pub fn verified_on(h: &Hotline) -> Option<NaiveDate> {
    let d = h.verified.date?;
    NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
}

/// Loads and checks every country's help entries.
pub fn load(root: &Path, as_of: NaiveDate, diagnostics: &Diagnostics) -> Vec<CountryHelp> {
    let files = toml_files(&root.join(HELP_DIR));
    let mut countries = Vec::new();
    for path in files {
        let shown = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        let Ok(text) = read_text(&path, &shown).map_err(|d| diagnostics.push(d)) else {
            continue;
        };
        let parsed: HelpFile = match toml::from_str(&text) {
            Ok(p) => p,
            Err(e) => {
                diagnostics.push(Diagnostic::error(
                    &shown,
                    e.span().map(|s| line_of(&text, s.start)),
                    e.message().trim().to_owned(),
                ));
                continue;
            }
        };
        let lines = LineIndex::new(&text);
        let entries: Vec<(Hotline, usize)> = parsed
            .entry
            .into_iter()
            .map(|s| {
                let line = lines.line(s.span().start);
                (s.into_inner(), line)
            })
            .collect();
        for (h, line) in &entries {
            check_entry(h, &shown, *line, as_of, diagnostics);
        }
        let country = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        countries.push(CountryHelp {
            country,
            file: shown,
            entries,
        });
    }
    countries
}

fn check_entry(h: &Hotline, file: &Path, line: usize, as_of: NaiveDate, diagnostics: &Diagnostics) {
    let error = |m: String| Diagnostic::error(file, Some(line), m);
    let sourced = !h.source.document.trim().is_empty() || h.source.url.is_some();
    if !sourced {
        diagnostics.push(
            error(format!(
                "`{}` has no source{}",
                h.id,
                if h.phone.is_some() || h.short_number.is_some() {
                    ": a phone number is never published without one"
                } else {
                    ""
                }
            ))
            .with_hint("add source = { document = \"…\", page = \"…\" } naming where the facts come from"),
        );
    }
    if let Some(phone) = &h.phone {
        let digits = phone.strip_prefix('+').unwrap_or("");
        if !(8..=15).contains(&digits.len()) || !digits.chars().all(|c| c.is_ascii_digit()) {
            diagnostics.push(
                error(format!("phone `{phone}` of `{}` is not in E.164 form", h.id))
                    .with_hint("write it as + then country code and number, without spaces, e.g. +38111…"),
            );
        }
    }
    if let Some(number) = &h.short_number {
        if !(3..=4).contains(&number.len()) || !number.chars().all(|c| c.is_ascii_digit()) {
            diagnostics.push(
                error(format!("short number `{number}` of `{}` is not 3 or 4 digits", h.id))
                    .with_hint("short numbers are national emergency numbers such as 112 or 192; write other numbers in `phone` in E.164 form"),
            );
        }
    }
    if h.phone.is_none() && h.short_number.is_none() && h.where_to_find.is_none() && h.website.is_none() {
        diagnostics.push(error(format!(
            "`{}` has no phone number, website or `where_to_find`: a reader could not reach it",
            h.id
        )));
    }
    match verified_on(h) {
        None => diagnostics.push(error(format!("`verified` of `{}` is not a date", h.id))),
        Some(date) if date.checked_add_months(Months::new(FRESH_MONTHS)).is_some_and(|d| d < as_of) => diagnostics.push(
            Diagnostic::warning(file, Some(line), format!("`{}` was last verified on {date}, more than {FRESH_MONTHS} months before the as-of date {as_of}", h.id))
                .with_hint("check the facts against a current source and update `verified` and `source`"),
        ),
        Some(_) => {}
    }
}
