//! Deadlines as the plans write them, and what they mean.
//!
//! The documents write deadlines in many ways: `2009`, `2010– 2011`, `IV Quarter of 2012`,
//! `By mid-2010`, `Do kraja 2013. godine`, `Continually during 2011`, `Twice a year, even more if
//! needed`, `As needed`, `The first meeting of the Republic Team … – 2009`. [`Deadline::parse`]
//! keeps the text exactly as written and adds its meaning, a [`DeadlineKind`]; from that follow the
//! due date ([`Deadline::due`]) and, relative to a day, the state ([`Deadline::state`]).
//!
//! Matching is hand-written, one function per phrasing family, on a normalised key: markup
//! remnants removed, whitespace collapsed, trailing dots dropped, lower case, every kind of dash
//! made `-` with no spaces around it. The families are tried from the most to the least specific,
//! so that a plain year is never read as an event and `After … in continuity` stays conditional.

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};

/// A deadline: the text as written in the plan, and its structured meaning where it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// The text exactly as written in the document.
    pub raw: String,
    /// What the text means.
    pub kind: DeadlineKind,
}

/// What a deadline means. Years are calendar years as written; `None` for the years of continuous
/// or recurring work means the plan's whole period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeadlineKind {
    /// Within one year (`2009`, `2013.`, `During 2010`): due on its last day.
    Year(i32),
    /// Within a range of years (`2009–2011`, `2010– 2011`): due on the last day of `to`.
    Years {
        /// The first year.
        from: i32,
        /// The last year.
        to: i32,
    },
    /// Within a quarter (`IV Quarter of 2012`, `III quarter 2013`): due on the quarter's last day.
    Quarter {
        /// The year.
        year: i32,
        /// The quarter, 1 to 4.
        quarter: u8,
    },
    /// By the middle of a year (`By mid-2010`): due on 30 June.
    MidYear(i32),
    /// By the end of a year, said explicitly (`End of 2010`, `By the end of 2009`, `Until the end
    /// of 2012`, `Do kraja 2013. godine`): due on 31 December.
    EndOfYear(i32),
    /// At an event in a year (`The first meeting of the Republic Team … – 2009`, `During October -
    /// the “Month of Combating Trafficking in Human Beings”, 2010`): due on the year's last day.
    Event {
        /// The event, as written (case kept, separators before the year removed).
        event: String,
        /// The year.
        year: i32,
    },
    /// Continuous work (`Continually 2009–2011`, `Continually during 2011`, `continuously`,
    /// `2013- continuously`, `Continuously until the end of 2012`, `From the beginning of
    /// implementation of the Law in continuity`): no due date.
    Continuous {
        /// The first and last year, where the text gives them; `None` is the plan's period. A range
        /// open at one end (`2013- continuously`, `until 2012`) is closed with the plan's period.
        years: Option<(i32, i32)>,
    },
    /// Work repeated a number of times a year (`once a year`, `annually`, `Twice a year, even more
    /// if needed`, `semiannual`, `Quarterly during 2009–2011`, `Every six months during 2009-2011`).
    Recurring {
        /// How many times a year: 1 (annually), 2 (twice a year, every six months), 4 (quarterly)…
        per_year: u8,
        /// The first and last year, where the text gives them; `None` is the plan's period.
        years: Option<(i32, i32)>,
    },
    /// When a condition arises (`As needed`, `After development of the Rules …`, `Right before and
    /// during tourist season`): no date.
    Conditional {
        /// The condition, as written (case kept, markup and extra whitespace removed).
        condition: String,
    },
    /// Text that is not a recognised deadline (e.g. another column's text shifted into this one);
    /// shown as written, and `putokaz check` warns about it.
    Unparsed,
}

/// Where an activity stands relative to its deadline on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineState {
    /// The due date is still ahead (or the continuous or recurring work has not begun yet).
    Upcoming,
    /// The due date has passed. (The portal says "overdue" only if there is no completion report.)
    Overdue,
    /// Continuous or recurring work whose years include the day.
    Ongoing,
    /// Continuous or recurring work whose last year is over.
    Ended,
    /// The deadline is conditional or not understood: there is no date to compare with.
    NoDate,
}

impl Deadline {
    /// Parses a deadline as written in a plan whose period is `period` (first and last year). Never
    /// fails: text that is not understood becomes [`DeadlineKind::Unparsed`].
    pub fn parse(raw: &str, period: (i32, i32)) -> Deadline {
        let tidy = tidy(raw);
        let key = key(&tidy);
        let kind = years(&key)
            .or_else(|| quarter(&key))
            .or_else(|| mid_or_end_of_year(&key))
            .or_else(|| conditional(&key, &tidy))
            .or_else(|| continuous(&key, period))
            .or_else(|| recurring(&key, period))
            .or_else(|| event(&tidy))
            .unwrap_or(DeadlineKind::Unparsed);
        Deadline {
            raw: raw.to_owned(),
            kind,
        }
    }

    /// The deadline an expected result opens with, where it opens with one: for `By the end of
    /// 2010, an analysis is conducted …` the deadline `By the end of 2010`. Only dates, ranges,
    /// continuous and recurring phrasings count; `raw` is the opening text exactly as written.
    pub fn leading(text: &str, period: (i32, i32)) -> Option<Deadline> {
        let text = text.trim_start();
        let deadline = Deadline::parse(&text[..end_of_first_years(text)?], period);
        match deadline.kind {
            DeadlineKind::Event { .. } | DeadlineKind::Conditional { .. } | DeadlineKind::Unparsed => None,
            _ => Some(deadline),
        }
    }

    /// The last day by which the activity is due, where the deadline gives one: the last day of
    /// the year, range, quarter or half year. Continuous, recurring, conditional and unparsed
    /// deadlines have none.
    pub fn due(&self) -> Option<NaiveDate> {
        match self.kind {
            DeadlineKind::Year(year)
            | DeadlineKind::EndOfYear(year)
            | DeadlineKind::Years { to: year, .. }
            | DeadlineKind::Event { year, .. } => NaiveDate::from_ymd_opt(year, 12, 31),
            DeadlineKind::MidYear(year) => NaiveDate::from_ymd_opt(year, 6, 30),
            DeadlineKind::Quarter { year, quarter } => {
                let (month, day) = match quarter {
                    1 => (3, 31),
                    2 => (6, 30),
                    3 => (9, 30),
                    4 => (12, 31),
                    _ => return None,
                };
                NaiveDate::from_ymd_opt(year, month, day)
            }
            DeadlineKind::Continuous { .. }
            | DeadlineKind::Recurring { .. }
            | DeadlineKind::Conditional { .. }
            | DeadlineKind::Unparsed => None,
        }
    }

    /// Where the activity stands on `as_of` in a plan whose period is `period`: a dated deadline
    /// is [`Upcoming`](DeadlineState::Upcoming) up to and including its due day and
    /// [`Overdue`](DeadlineState::Overdue) after it; continuous and recurring work is `Upcoming`
    /// before its first year, [`Ongoing`](DeadlineState::Ongoing) during its years (the plan's
    /// when none are written) and [`Ended`](DeadlineState::Ended) after them; the rest has
    /// [`NoDate`](DeadlineState::NoDate).
    pub fn state(&self, as_of: NaiveDate, period: (i32, i32)) -> DeadlineState {
        match self.kind {
            DeadlineKind::Continuous { years } | DeadlineKind::Recurring { years, .. } => {
                let (first, last) = years.unwrap_or(period);
                if as_of.year() < first {
                    DeadlineState::Upcoming
                } else if as_of.year() > last {
                    DeadlineState::Ended
                } else {
                    DeadlineState::Ongoing
                }
            }
            _ => match self.due() {
                Some(due) if as_of > due => DeadlineState::Overdue,
                Some(_) => DeadlineState::Upcoming,
                None => DeadlineState::NoDate,
            },
        }
    }
}

/// The years a deadline may name; four-digit numbers outside it are not years.
const PLAUSIBLE_YEARS: RangeInclusive<i32> = 1900..=2100;

/// Words that mean "all the time", in English and Montenegrin.
const CONTINUOUSLY: &[&str] = &[
    "continually",
    "continuously",
    "continuous",
    "continual",
    "in continuity",
    "constantly",
    "permanently",
    "ongoing",
    "kontinuirano",
];

/// Frequencies and how many times a year they mean.
const FREQUENCIES: &[(&str, u8)] = &[
    ("once a year", 1),
    ("once per year", 1),
    ("annually", 1),
    ("yearly", 1),
    ("every year", 1),
    ("twice a year", 2),
    ("twice per year", 2),
    ("semiannual", 2),
    ("semiannually", 2),
    ("semi-annual", 2),
    ("semi-annually", 2),
    ("half-yearly", 2),
    ("every six months", 2),
    ("every 6 months", 2),
    ("three times a year", 3),
    ("quarterly", 4),
    ("four times a year", 4),
    ("every three months", 4),
    ("every 3 months", 4),
    ("monthly", 12),
    ("every month", 12),
];

/// Openings of conditional deadlines, in English and Montenegrin.
const CONDITIONS: &[&str] = &[
    "as needed",
    "as necessary",
    "as required",
    "if needed",
    "if necessary",
    "when needed",
    "when necessary",
    "where needed",
    "after",
    "upon",
    "following",
    "right before",
    "before and during",
    "prior to",
    "depending on",
    "in case of",
    "po potrebi",
];

// ---- normalisation ----

/// The text with markup remnants (`<p>`, `</p>`, `<br>`, `<br />`, `<i>`) removed, runs of
/// whitespace made one space, and trailing dots, commas and semicolons dropped. Case and dashes are
/// kept, so pieces of it (an event, a condition) can be shown.
fn tidy(raw: &str) -> String {
    let text = without_tags(raw);
    let words: Vec<&str> = text.split_whitespace().collect();
    words.join(" ").trim_end_matches(['.', ',', ';', ' ']).to_owned()
}

/// `text` with every short HTML tag replaced by a space.
fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let inside = &rest[open + 1..];
        match inside.find('>') {
            Some(close) if is_tag(&inside[..close]) => {
                out.push(' ');
                rest = &inside[close + 1..];
            }
            _ => {
                out.push('<');
                rest = inside;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether `inside` (what is between `<` and `>`) is a tag without attributes: `p`, `/p`, `br /`.
fn is_tag(inside: &str) -> bool {
    let name = inside.trim_start_matches('/').trim_end_matches(['/', ' ']);
    !name.is_empty() && name.len() <= 10 && name.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The matching key of tidied text: lower case, every dash kind made `-` with the spaces around it
/// removed (`2010– 2011` → `2010-2011`, `2013- continuously` → `2013-continuously`).
fn key(tidy: &str) -> String {
    let mut out = String::with_capacity(tidy.len());
    let mut after_dash = false;
    for c in tidy.chars().flat_map(char::to_lowercase) {
        if is_dash(c) {
            out.truncate(out.trim_end_matches(' ').len());
            out.push('-');
            after_dash = true;
        } else if !(after_dash && c == ' ') {
            out.push(c);
            after_dash = false;
        }
    }
    out
}

/// Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus sign.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}'
    )
}

// ---- small matchers ----

/// `s` after the opening words `words`, if `s` opens with them as whole words.
fn after<'a>(s: &'a str, words: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(words)?;
    match rest.chars().next() {
        Some(c) if c.is_alphanumeric() => None,
        _ => Some(rest),
    }
}

/// `s` after the first of `openings` it opens with (so list longer openings first).
fn after_any<'a>(s: &'a str, openings: &[&str]) -> Option<&'a str> {
    openings.iter().find_map(|words| after(s, words))
}

/// `s` after one of `openings` and the spaces following it, or `s` itself.
fn skip_any<'a>(s: &'a str, openings: &[&str]) -> &'a str {
    after_any(s, openings).map_or(s, str::trim_start)
}

/// A year at the start of `s` (exactly four digits, in [`PLAUSIBLE_YEARS`], a dot after it
/// skipped as in `2013. godine`) and the rest of `s`.
fn leading_year(s: &str) -> Option<(i32, &str)> {
    if s.bytes().take_while(u8::is_ascii_digit).count() != 4 {
        return None;
    }
    let year: i32 = s[..4].parse().ok()?;
    let rest = &s[4..];
    PLAUSIBLE_YEARS
        .contains(&year)
        .then(|| (year, rest.strip_prefix('.').unwrap_or(rest)))
}

/// `s` as a year and nothing else.
fn year(s: &str) -> Option<i32> {
    match leading_year(s)? {
        (year, "") => Some(year),
        _ => None,
    }
}

/// `s` as a year (`2011` → 2011 to 2011) or a range of years (`2009-2011`, `2009 to 2011`).
fn year_range(s: &str) -> Option<(i32, i32)> {
    let (from, rest) = leading_year(s)?;
    if rest.is_empty() {
        return Some((from, from));
    }
    let rest = rest.strip_prefix('-').or_else(|| after(rest.trim_start(), "to"))?;
    let to = year(rest.trim_start())?;
    (from <= to).then_some((from, to))
}

/// The years after a continuous or recurring phrasing: `Some(None)` when it names none (nothing,
/// or qualifying words such as `, even more if needed`), `Some(Some(range))` for `2009-2011`,
/// `during 2011` or `until the end of 2012` (open ends closed with the plan's period), and `None`
/// when it names years in a way not understood.
fn span(rest: &str, period: (i32, i32)) -> Option<Option<(i32, i32)>> {
    let rest = rest.trim_start_matches([' ', ',', '-']);
    if !rest.bytes().any(|b| b.is_ascii_digit()) {
        return Some(None);
    }
    if let Some(until) = after_any(rest, &["until", "till", "to"]) {
        let last = year(skip_any(until.trim_start(), &["the end of", "end of"]))?;
        return Some(Some((period.0.min(last), last)));
    }
    year_range(skip_any(rest, &["during", "in", "throughout"])).map(Some)
}

// ---- phrasing families, most specific first ----

/// `2009`, `2013.`, `During 2010`, `in the course of 2009`; `2009–2011`, `2010– 2011`.
fn years(key: &str) -> Option<DeadlineKind> {
    let (from, to) = year_range(skip_any(key, &["during", "in the course of", "in", "within"]))?;
    Some(if from == to {
        DeadlineKind::Year(from)
    } else {
        DeadlineKind::Years { from, to }
    })
}

/// `IV Quarter of 2012`, `I Quarter of 2013.`, `III quarter 2013`, `by the 4th quarter of 2012`.
fn quarter(key: &str) -> Option<DeadlineKind> {
    const OPENINGS: &[&str] = &["by", "until", "in", "during", "the end of", "end of", "the"];
    let mut s = key;
    while let Some(rest) = after_any(s, OPENINGS) {
        s = rest.trim_start();
    }
    let (ordinal, rest) = s.split_once(' ')?;
    let quarter = match ordinal.trim_end_matches('.') {
        "i" | "1" | "1st" | "first" => 1,
        "ii" | "2" | "2nd" | "second" => 2,
        "iii" | "3" | "3rd" | "third" => 3,
        "iv" | "4" | "4th" | "fourth" => 4,
        _ => return None,
    };
    let rest = after(rest, "quarter")?.trim_start();
    let year = year(skip_any(rest, &["of"]))?;
    Some(DeadlineKind::Quarter { year, quarter })
}

/// `By mid-2010`, `by the middle of 2011`; `End of 2010`, `By the end of 2009`, `Until end of
/// 2012`, `until 2012`, and the Montenegrin `Do kraja 2013. godine`.
fn mid_or_end_of_year(key: &str) -> Option<DeadlineKind> {
    let s = skip_any(key, &["by", "until", "till", "not later than", "no later than"]);
    if s.len() < key.len() {
        if let Some(year) = year(s) {
            return Some(DeadlineKind::EndOfYear(year));
        }
    }
    if let Some(rest) = after_any(s, &["the end of", "end of", "end"]) {
        return year(rest.trim_start_matches([' ', '-'])).map(DeadlineKind::EndOfYear);
    }
    if let Some(rest) = after_any(s, &["the middle of", "middle of", "mid"]) {
        return year(rest.trim_start_matches([' ', '-'])).map(DeadlineKind::MidYear);
    }
    let (year, rest) = leading_year(after(s, "do kraja")?.trim_start())?;
    matches!(rest.trim(), "" | "godine").then_some(DeadlineKind::EndOfYear(year))
}

/// `As needed`, `After development of the Rules …`, `Right before and during tourist season`.
fn conditional(key: &str, tidy: &str) -> Option<DeadlineKind> {
    after_any(key, CONDITIONS).map(|_| DeadlineKind::Conditional {
        condition: tidy.to_owned(),
    })
}

/// `Continually 2009–2011`, `Continually during 2011`, `continuously`, `Continuously until the end
/// of 2012`, `Continuously in accordance with the annual plan …`; `2013- continuously`, `2009 and
/// beyond, regular updates …`; `From the beginning of implementation of the Law in continuity`.
fn continuous(key: &str, period: (i32, i32)) -> Option<DeadlineKind> {
    if let Some(rest) = after_any(key, CONTINUOUSLY) {
        return span(rest, period).map(|years| DeadlineKind::Continuous { years });
    }
    let from = after(key, "from").map(str::trim_start);
    if let Some((first, rest)) = leading_year(from.unwrap_or(key)) {
        let rest = rest.trim_start_matches([' ', '-']);
        let qualifier = after_any(rest, CONTINUOUSLY)
            .or_else(|| after_any(rest, &["and beyond", "and onwards", "onwards", "onward"]))?;
        return (!qualifier.bytes().any(|b| b.is_ascii_digit())).then_some(DeadlineKind::Continuous {
            years: Some((first, first.max(period.1))),
        });
    }
    let open_start = from.is_some() && !key.bytes().any(|b| b.is_ascii_digit());
    let continues = CONTINUOUSLY
        .iter()
        .any(|words| key.strip_suffix(words).is_some_and(|head| head.ends_with(' ')));
    (open_start && continues).then_some(DeadlineKind::Continuous { years: None })
}

/// `once a year`, `annually`, `Twice a year, even more if needed`, `semiannual`, `Quarterly`,
/// `Quarterly during 2009–2011`, `Every six months during 2009-2011`, `at least twice a year`.
fn recurring(key: &str, period: (i32, i32)) -> Option<DeadlineKind> {
    let s = skip_any(key, &["at least"]);
    let (per_year, rest) = FREQUENCIES
        .iter()
        .find_map(|&(words, per_year)| after(s, words).map(|rest| (per_year, rest)))?;
    let years = span(rest, period)?;
    Some(DeadlineKind::Recurring { per_year, years })
}

/// `The first meeting of the Republic Team … – 2009`, `During October - the “Month of …”, 2010`,
/// `At the meetings of Justice and Police Group, during 2009`, `Designing a training program in
/// the course of 2009`: words without digits, then a year. Works on the tidied text to keep case.
fn event(tidy: &str) -> Option<DeadlineKind> {
    let cut = tidy.len().checked_sub(4)?;
    let year = year(tidy.get(cut..)?)?;
    let before = &tidy[..cut];
    if before.ends_with(char::is_alphanumeric) {
        return None;
    }
    let before = before.trim_end_matches(is_separator);
    let before = ["in the course of", "during", "in"]
        .iter()
        .find_map(|words| without_last_words(before, words))
        .unwrap_or(before)
        .trim_end_matches(is_separator);
    let words_only = before.chars().any(char::is_alphabetic) && !before.chars().any(|c| c.is_ascii_digit());
    let last_word = before.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
    let part_of_a_date = DATE_WORDS.contains(&last_word.as_str());
    (words_only && !part_of_a_date).then(|| DeadlineKind::Event {
        event: before.to_owned(),
        year,
    })
}

/// Last words before a year that make the year part of a (malformed) date, not an event's year:
/// `V Quarter of 2012`, `By the end of 2012`.
const DATE_WORDS: &[&str] = &[
    "of", "by", "until", "till", "to", "from", "since", "before", "after", "end", "mid", "quarter", "year",
];

/// What may stand between an event and its year: spaces, dashes, commas, semicolons, colons.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || is_dash(c) || matches!(c, ',' | ';' | ':')
}

/// `s` without the closing words `words` (any case), if it ends with them as whole words.
fn without_last_words<'a>(s: &'a str, words: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(words.len())?;
    let (head, tail) = (s.get(..cut)?, s.get(cut..)?);
    (tail.eq_ignore_ascii_case(words) && (head.is_empty() || head.ends_with(' '))).then_some(head)
}

/// The byte length of `text` up to the end of its first year, or of the range it opens
/// (`By the end of 2010, …` → `By the end of 2010`; `2009 – 2011: …` → `2009 – 2011`).
fn end_of_first_years(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let is_digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let start =
        (0..bytes.len()).find(|&i| (i == 0 || !is_digit(i - 1)) && (i..i + 4).all(is_digit) && !is_digit(i + 4))?;
    let end = start + 4;
    let after_dash = text[end..].trim_start().strip_prefix(is_dash).map(str::trim_start);
    Some(match after_dash.and_then(leading_year) {
        Some(_) => text.len() - after_dash.map_or(0, str::len) + 4,
        None => end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const RS: (i32, i32) = (2009, 2011);
    const ME: (i32, i32) = (2012, 2013);
    const MK: (i32, i32) = (2009, 2012);

    fn kind(raw: &str, period: (i32, i32)) -> DeadlineKind {
        Deadline::parse(raw, period).kind
    }

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("a valid test date")
    }

    fn due(raw: &str, period: (i32, i32)) -> Option<NaiveDate> {
        Deadline::parse(raw, period).due()
    }

    fn source(name: &str) -> String {
        let path = format!("{}/sources/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// Whether a cell opens with an activity id such as `1.1.3.`, `2.1.`, `1.1.1.Harmonizing`.
    fn opens_with_activity_id(cell: &str) -> bool {
        let mut parts = cell.trim().trim_start_matches("<p>").splitn(3, '.');
        let first = parts.next().unwrap_or("");
        let second = parts.next().unwrap_or("");
        !first.is_empty()
            && first.bytes().all(|b| b.is_ascii_digit())
            && second.starts_with(|c: char| c.is_ascii_digit())
    }

    /// How many deadlines of each kind, by the kind's name.
    fn tally(kinds: &[DeadlineKind]) -> Vec<(&'static str, usize)> {
        let name = |kind: &DeadlineKind| match kind {
            DeadlineKind::Year(_) => "Year",
            DeadlineKind::Years { .. } => "Years",
            DeadlineKind::Quarter { .. } => "Quarter",
            DeadlineKind::MidYear(_) => "MidYear",
            DeadlineKind::EndOfYear(_) => "EndOfYear",
            DeadlineKind::Event { .. } => "Event",
            DeadlineKind::Continuous { .. } => "Continuous",
            DeadlineKind::Recurring { .. } => "Recurring",
            DeadlineKind::Conditional { .. } => "Conditional",
            DeadlineKind::Unparsed => "Unparsed",
        };
        let mut counts: std::collections::BTreeMap<&'static str, usize> = Default::default();
        for kind in kinds {
            *counts.entry(name(kind)).or_default() += 1;
        }
        counts.into_iter().collect()
    }

    #[test]
    fn single_years() {
        assert_eq!(kind("2009", RS), DeadlineKind::Year(2009));
        assert_eq!(kind("2013.", ME), DeadlineKind::Year(2013));
        assert_eq!(kind("<p>2011</p>", RS), DeadlineKind::Year(2011));
        assert_eq!(kind("  2010 \n", RS), DeadlineKind::Year(2010));
        assert_eq!(kind("During 2010", RS), DeadlineKind::Year(2010));
        assert_eq!(kind("in the course of 2009", RS), DeadlineKind::Year(2009));
        assert_eq!(due("2013.", ME), Some(date(2013, 12, 31)));
        assert_eq!(due("2009", RS), Some(date(2009, 12, 31)));
    }

    #[test]
    fn year_ranges() {
        let range = DeadlineKind::Years { from: 2009, to: 2011 };
        for raw in [
            "2009–2011",
            "2009-2011",
            "2009 - 2011",
            "2009—2011",
            "<p>2009–2011</p>",
            "2009 to 2011",
        ] {
            assert_eq!(kind(raw, RS), range, "{raw}");
        }
        assert_eq!(
            kind("<p>2010– 2011</p>", RS),
            DeadlineKind::Years { from: 2010, to: 2011 }
        );
        assert_eq!(kind("2009–2010", RS), DeadlineKind::Years { from: 2009, to: 2010 });
        assert_eq!(due("2010– 2011", RS), Some(date(2011, 12, 31)));
        assert_eq!(due("2009–2010", RS), Some(date(2010, 12, 31)));
        assert_eq!(kind("2011–2009", RS), DeadlineKind::Unparsed);
    }

    #[test]
    fn quarters() {
        let cases = [
            ("IV Quarter of 2012", 2012, 4, date(2012, 12, 31)),
            ("I Quarter of 2013.", 2013, 1, date(2013, 3, 31)),
            ("III quarter 2013", 2013, 3, date(2013, 9, 30)),
            ("<p>II Quarter of 2013</p>", 2013, 2, date(2013, 6, 30)),
            ("III Quarter of 2012", 2012, 3, date(2012, 9, 30)),
            ("by the 4th quarter of 2012", 2012, 4, date(2012, 12, 31)),
            ("In the second quarter of 2013", 2013, 2, date(2013, 6, 30)),
        ];
        for (raw, year, quarter, last_day) in cases {
            assert_eq!(kind(raw, ME), DeadlineKind::Quarter { year, quarter }, "{raw}");
            assert_eq!(due(raw, ME), Some(last_day), "{raw}");
        }
        assert_eq!(kind("V Quarter of 2012", ME), DeadlineKind::Unparsed);
        assert_eq!(kind("IV Quarter", ME), DeadlineKind::Unparsed);
    }

    #[test]
    fn middle_and_end_of_year() {
        assert_eq!(kind("By mid-2010", RS), DeadlineKind::MidYear(2010));
        assert_eq!(kind("by the middle of 2011", RS), DeadlineKind::MidYear(2011));
        assert_eq!(due("By mid-2010", RS), Some(date(2010, 6, 30)));
        let ends = [
            ("End of 2010", 2010),
            ("End of 2009", 2009),
            ("By the end of 2009", 2009),
            ("Do kraja 2013. godine", 2013),
            ("do kraja 2013", 2013),
            ("Until the end of 2012.", 2012),
            ("Until end of 2012", 2012),
            ("until 2012", 2012),
            ("by end–2010", 2010),
        ];
        for (raw, year) in ends {
            assert_eq!(kind(raw, MK), DeadlineKind::EndOfYear(year), "{raw}");
            assert_eq!(due(raw, MK), Some(date(year, 12, 31)), "{raw}");
        }
        assert_eq!(kind("By the end of the year", RS), DeadlineKind::Unparsed);
        assert_eq!(kind("Do kraja 2013. marta", ME), DeadlineKind::Unparsed);
    }

    #[test]
    fn events_keep_their_description() {
        let cases = [
            (
                "The first meeting of the Republic Team for Combating Trafficking in Human Beings - 2009",
                "The first meeting of the Republic Team for Combating Trafficking in Human Beings",
                2009,
            ),
            (
                "The first meeting of the for Combating Trafficking in Human Beings – 2009",
                "The first meeting of the for Combating Trafficking in Human Beings",
                2009,
            ),
            (
                "During October - the “Month of Combating Trafficking in Human Beings”, 2010",
                "During October - the “Month of Combating Trafficking in Human Beings”",
                2010,
            ),
            (
                "At the meetings of Justice and Police Group, during 2009",
                "At the meetings of Justice and Police Group",
                2009,
            ),
            (
                "Designing a training program in the course of 2009",
                "Designing a training program",
                2009,
            ),
            ("Adoption of the Law  in <br> 2011.", "Adoption of the Law", 2011),
        ];
        for (raw, event, year) in cases {
            let expected = DeadlineKind::Event {
                event: event.to_owned(),
                year,
            };
            assert_eq!(kind(raw, RS), expected, "{raw}");
            assert_eq!(due(raw, RS), Some(date(year, 12, 31)), "{raw}");
        }
        // Digits in the words or before the year: not an event.
        assert_eq!(kind("Meeting 3 – 2009", RS), DeadlineKind::Unparsed);
        assert_eq!(kind("from 2009 to", RS), DeadlineKind::Unparsed);
        assert_eq!(kind("Report 12009", RS), DeadlineKind::Unparsed);
        // Words that make the year part of a date: a malformed date, not an event.
        assert_eq!(kind("In the V quarter 2012", RS), DeadlineKind::Unparsed);
        assert_eq!(kind("By the very end of 2012", RS), DeadlineKind::Unparsed);
    }

    #[test]
    fn continuous_work() {
        let cases = [
            ("Continually 2009–2011", RS, Some((2009, 2011))),
            ("Continually during 2011", RS, Some((2011, 2011))),
            ("Continually during 2009", RS, Some((2009, 2009))),
            ("Continually during 2009–2011", RS, Some((2009, 2011))),
            ("continuously", ME, None),
            ("<p>Continuously</p>", ME, None),
            ("2013- continuously", ME, Some((2013, 2013))),
            ("2012 – continually", ME, Some((2012, 2013))),
            ("Continuously until the end of 2012.", MK, Some((2009, 2012))),
            ("Continuously until 2012.", MK, Some((2009, 2012))),
            ("Continuous until the end of 2012.", MK, Some((2009, 2012))),
            (
                "From the beginning of implementation of the Law in continuity",
                ME,
                None,
            ),
            (
                "Continuously in accordance with the annual plan and work programme for the Work Group",
                ME,
                None,
            ),
            (
                "2009 and beyond, regular updates and translations",
                RS,
                Some((2009, 2011)),
            ),
            ("kontinuirano", ME, None),
        ];
        for (raw, period, years) in cases {
            assert_eq!(kind(raw, period), DeadlineKind::Continuous { years }, "{raw}");
            assert_eq!(due(raw, period), None, "{raw}");
        }
        assert_eq!(kind("Continually 2011–2009", RS), DeadlineKind::Unparsed);
        assert_eq!(kind("2013- continuously 2014", ME), DeadlineKind::Unparsed);
    }

    #[test]
    fn recurring_work() {
        let cases = [
            ("once a year", 1, None),
            ("Once a year", 1, None),
            ("annually", 1, None),
            ("<p>annually</p>", 1, None),
            ("twice a year", 2, None),
            ("Twice a year, even more if needed", 2, None),
            ("semiannual", 2, None),
            ("Semiannual", 2, None),
            ("semi-annually", 2, None),
            ("Quarterly", 4, None),
            ("Quarterly during 2009–2011", 4, Some((2009, 2011))),
            ("Every six months during 2009-2011", 2, Some((2009, 2011))),
            ("at least twice a year", 2, None),
            ("monthly until the end of 2010", 12, Some((2009, 2010))),
        ];
        for (raw, per_year, years) in cases {
            assert_eq!(kind(raw, RS), DeadlineKind::Recurring { per_year, years }, "{raw}");
            assert_eq!(due(raw, RS), None, "{raw}");
        }
        assert_eq!(kind("annual", RS), DeadlineKind::Unparsed);
        assert_eq!(kind("Quarterly during 20099", RS), DeadlineKind::Unparsed);
    }

    #[test]
    fn conditions_keep_their_text() {
        let cases = [
            ("As needed", "As needed"),
            ("<p>As  needed.</p>", "As needed"),
            (
                "After development of the Rules of Processing and Protection of personal Data in continuity",
                "After development of the Rules of Processing and Protection of personal Data in continuity",
            ),
            (
                "Right before and during tourist season",
                "Right before and during tourist season",
            ),
            ("if necessary", "if necessary"),
        ];
        for (raw, condition) in cases {
            let expected = DeadlineKind::Conditional {
                condition: condition.to_owned(),
            };
            assert_eq!(kind(raw, ME), expected, "{raw}");
            assert_eq!(due(raw, ME), None, "{raw}");
        }
    }

    #[test]
    fn raw_text_is_kept_unchanged() {
        let raw = "  <p>2010– 2011</p> ";
        let deadline = Deadline::parse(raw, RS);
        assert_eq!(deadline.raw, raw);
        assert_eq!(deadline.kind, DeadlineKind::Years { from: 2010, to: 2011 });
    }

    #[test]
    fn odd_input_is_unparsed_without_panicking() {
        let long = "x".repeat(100_000);
        let odd = [
            "",
            " ",
            "-",
            "– — ‑ -",
            ".",
            "<p></p>",
            "<",
            "<<>>",
            "99999999999",
            "0000",
            "1899",
            "2101",
            "12345",
            "2009-",
            "-2009",
            "2009-2011-2013",
            "IV Quarter of 99999999999",
            "Quarter of 2012",
            "mid-",
            "end of",
            "from",
            "Continually during 99999999999",
            "once a year 2009 2010",
            "İ2009",
            "ǅǅǅ 2009ǅ",
            "“”2009",
            "Nongovernmental organization, Red Cross",
            long.as_str(),
        ];
        for raw in odd {
            let deadline = Deadline::parse(raw, RS);
            assert_eq!(deadline.kind, DeadlineKind::Unparsed, "{raw:?}");
            assert_eq!(deadline.raw, raw);
            assert_eq!(deadline.due(), None);
            assert_eq!(deadline.state(date(2010, 1, 1), RS), DeadlineState::NoDate);
        }
        for raw in [
            "",
            "-",
            "99999999999",
            "İ2009",
            "ǅǅǅ 2009ǅ",
            "“”2009",
            "-2009",
            long.as_str(),
        ] {
            assert_eq!(Deadline::leading(raw, RS), None, "{raw:?}");
        }
        let opening = Deadline::leading("2009-2011-2013", RS).map(|deadline| deadline.raw);
        assert_eq!(opening.as_deref(), Some("2009-2011"));
        // Hand-made kinds out of range have no due date either.
        let bad_quarter = Deadline {
            raw: String::new(),
            kind: DeadlineKind::Quarter { year: 2012, quarter: 9 },
        };
        assert_eq!(bad_quarter.due(), None);
        let bad_year = Deadline {
            raw: String::new(),
            kind: DeadlineKind::Year(i32::MAX),
        };
        assert_eq!(bad_year.due(), None);
        assert_eq!(bad_year.state(date(2010, 1, 1), RS), DeadlineState::NoDate);
    }

    #[test]
    fn states_relative_to_a_day() {
        let state = |raw: &str, as_of: NaiveDate| Deadline::parse(raw, RS).state(as_of, RS);
        // Dated: upcoming up to and including the due day, overdue after it.
        assert_eq!(state("By mid-2010", date(2010, 6, 30)), DeadlineState::Upcoming);
        assert_eq!(state("By mid-2010", date(2010, 7, 1)), DeadlineState::Overdue);
        assert_eq!(state("2009–2011", date(2010, 5, 1)), DeadlineState::Upcoming);
        assert_eq!(state("2009–2011", date(2012, 1, 1)), DeadlineState::Overdue);
        assert_eq!(state("I Quarter of 2010", date(2010, 4, 1)), DeadlineState::Overdue);
        assert_eq!(
            state("The second meeting of the Republic Team – 2009", date(2009, 12, 31)),
            DeadlineState::Upcoming
        );
        // Continuous and recurring: within their years, or the plan's.
        assert_eq!(
            state("Continually during 2011", date(2010, 12, 31)),
            DeadlineState::Upcoming
        );
        assert_eq!(
            state("Continually during 2011", date(2011, 3, 1)),
            DeadlineState::Ongoing
        );
        assert_eq!(state("Continually during 2011", date(2012, 1, 1)), DeadlineState::Ended);
        assert_eq!(state("continuously", date(2011, 12, 31)), DeadlineState::Ongoing);
        assert_eq!(state("continuously", date(2012, 1, 1)), DeadlineState::Ended);
        assert_eq!(state("once a year", date(2008, 12, 31)), DeadlineState::Upcoming);
        assert_eq!(state("once a year", date(2009, 1, 1)), DeadlineState::Ongoing);
        assert_eq!(
            state("Quarterly during 2009–2010", date(2011, 1, 1)),
            DeadlineState::Ended
        );
        // No date to compare with.
        assert_eq!(state("As needed", date(2010, 1, 1)), DeadlineState::NoDate);
        assert_eq!(state("Red Cross", date(2010, 1, 1)), DeadlineState::NoDate);
    }

    #[test]
    fn leading_deadlines_of_expected_results() {
        let leading = |text: &str| Deadline::leading(text, MK);
        let by_2010 = leading("By the end of 2010, three reports on trafficking in children are published.")
            .expect("a leading deadline");
        assert_eq!(by_2010.raw, "By the end of 2010");
        assert_eq!(by_2010.kind, DeadlineKind::EndOfYear(2010));
        let no_comma =
            leading("By the end of 2012 at least 6 day care centres are opened.").expect("a leading deadline");
        assert_eq!(no_comma.raw, "By the end of 2012");
        let range = leading("  2009 – 2011: trainings held").expect("a leading deadline");
        assert_eq!(range.raw, "2009 – 2011");
        assert_eq!(range.kind, DeadlineKind::Years { from: 2009, to: 2011 });
        assert_eq!(leading("Three reports are published by the end of 2010."), None);
        assert_eq!(leading("A national system for repatriation is established."), None);
        assert_eq!(leading("After 2010, reports"), None);
    }

    /// Every deadline cell of the Serbian plan (third column of the activity rows).
    #[test]
    fn every_serbian_deadline_is_understood() {
        let text = source("rs-npa-2009-2011.txt");
        let mut kinds = Vec::new();
        let mut unparsed = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let cells: Vec<&str> = line.split('|').collect();
            if !line.starts_with('|') || cells.len() < 4 || !opens_with_activity_id(cells[1]) {
                continue;
            }
            let deadline = Deadline::parse(cells[3].trim(), RS);
            if deadline.kind == DeadlineKind::Unparsed {
                unparsed.push((index + 1, deadline.raw.clone()));
            }
            kinds.push(deadline.kind);
        }
        assert_eq!(unparsed, Vec::<(usize, String)>::new());
        assert_eq!(
            tally(&kinds),
            [
                ("Continuous", 14),
                ("EndOfYear", 5),
                ("Event", 7),
                ("MidYear", 1),
                ("Recurring", 2),
                ("Year", 45),
                ("Years", 49),
            ]
        );
    }

    /// Every timeframe cell of the Montenegrin plan (fifth column of the activity rows).
    #[test]
    fn every_montenegrin_deadline_but_the_shifted_cells_is_understood() {
        let text = source("me-ap-2012-2013.txt");
        let mut kinds = Vec::new();
        let mut unparsed = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let cells: Vec<&str> = line.split('\t').collect();
            if cells.len() < 5 || !opens_with_activity_id(cells[2]) {
                continue;
            }
            let deadline = Deadline::parse(cells[4].trim(), ME);
            if deadline.kind == DeadlineKind::Unparsed {
                unparsed.push((index + 1, deadline.raw.clone()));
            }
            kinds.push(deadline.kind);
        }
        let shifted = [
            // L169, activity 2.4.1: the partners are in the Timeframe column (the date is under
            // Indicators).
            (
                169,
                "Nongovernmental organization, Red Cross, Employers' federation of Montenegro",
            ),
            // L224, activity 1.2.2: the indicator is in the Timeframe column (the year under Funds).
            (
                224,
                "Composed and conducted training program contact persons for conducting training \
                 programs on how to implement commitments and obligations within the institutions \
                 that are signatories to the Agreement",
            ),
        ];
        let shifted: Vec<(usize, String)> = shifted.iter().map(|&(line, raw)| (line, raw.to_owned())).collect();
        assert_eq!(unparsed, shifted);
        assert_eq!(
            tally(&kinds),
            [
                ("Conditional", 6),
                ("Continuous", 35),
                ("EndOfYear", 1),
                ("Quarter", 20),
                ("Recurring", 18),
                ("Unparsed", 2),
                ("Year", 5),
            ]
        );
    }

    /// The Macedonian plan has no deadline column: its chapters end with `DEADLINE:` or
    /// `TIMELINE:` lines, and expected results open with their deadline.
    #[test]
    fn macedonian_narrative_deadlines_are_understood() {
        let text = source("mk-ap-children-2009-2012.txt");
        let narrative: Vec<(usize, DeadlineKind)> = text
            .lines()
            .enumerate()
            .filter_map(|(index, line)| {
                let rest = line
                    .strip_prefix("DEADLINE:")
                    .or_else(|| line.strip_prefix("TIMELINE:"))?;
                Some((index + 1, kind(rest.trim(), MK)))
            })
            .collect();
        let until_2012 = DeadlineKind::Continuous {
            years: Some((2009, 2012)),
        };
        assert_eq!(
            narrative,
            [
                (105, DeadlineKind::EndOfYear(2012)),
                (132, until_2012.clone()),
                (163, until_2012.clone()),
                (191, until_2012.clone()),
                (218, until_2012.clone()),
                (244, until_2012.clone()),
                (269, until_2012),
            ]
        );

        let mut in_results = false;
        let mut results = 0;
        let mut leading = Vec::new();
        for (index, line) in text.lines().enumerate() {
            if line.starts_with("EXPECTED RESULTS:") || line.starts_with("ACTIVITIES:") {
                in_results = line.starts_with("EXPECTED");
            } else if let Some(result) = line.strip_prefix("- ").filter(|_| in_results) {
                results += 1;
                if let Some(deadline) = Deadline::leading(result, MK) {
                    leading.push((index + 1, deadline.raw, deadline.kind));
                }
            }
        }
        assert_eq!(results, 22);
        let end = |line: usize, raw: &str, year: i32| (line, raw.to_owned(), DeadlineKind::EndOfYear(year));
        assert_eq!(
            leading,
            [
                end(61, "by the end of 2010", 2010),
                end(63, "By the end of 2010", 2010),
                end(113, "By the end of 2010", 2010),
                end(114, "By the end of 2010", 2010),
                end(115, "By the end of 2010", 2010),
                end(141, "By the end of 2012", 2012),
                end(142, "By the end of 2012", 2012),
                end(143, "Until end of 2012", 2012),
                end(173, "By the end of 2012", 2012),
                end(199, "By the end of 2012", 2012),
                end(201, "By the end of 2012", 2012),
                end(226, "By the end of 2012", 2012),
            ]
        );
    }
}
