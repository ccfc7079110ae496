//! The Montenegrin Action Plan 2012–2013 for the Strategy for Combating Trafficking in Human
//! Beings.
//!
//! The plan is sections in capitals (the areas) → the objectives the section lists → a
//! tab-separated table per section: objective | measure | activity | implementers | timeframe |
//! indicators | funds | partners. Objective and measure cells are filled only on their first
//! row; rows that start with tabs and hold no activity id continue the cells above (a word broken
//! as `consequen-` / `ces` is joined). Objectives, measures and activities are numbered anew in
//! every section, so their ids are made unique by prefixing the section's number: activity
//! `1.1.1` of the second section is `2-1.1.1`.
//!
//! Some rows have their columns shifted; where the shift is clear (a timeframe under
//! Indicators, funds under Indicators or repeated in Partners) the cells are moved back, always
//! with a doubt. Cells written wholly in Montenegrin stay as written, under the language `cnr`.

use std::collections::HashSet;

use super::cells::{
    check_numbering, clean_cell, doubt, en, excerpt, fit_columns, is_heading, join_continuation, leading_id, list_item,
    one_line, parent_id, sentence_case, split_names, text_in,
};
use super::{ImportedActivity, ImportedPlan};
use crate::plan::{Activity, Area, Goal, Measure, Text};

/// Reads the plan from the whole document.
pub fn parse(text: &str) -> ImportedPlan {
    let mut parser = Parser::default();
    for (index, line) in text.lines().enumerate() {
        parser.line(index + 1, line.trim_end_matches([' ', '\r']));
    }
    parser.finish()
}

/// The columns of a section's table.
const COLUMNS: usize = 8;
const OBJECTIVE: usize = 0;
const MEASURE: usize = 1;
const ACTIVITY: usize = 2;
const IMPLEMENTERS: usize = 3;
const TIMEFRAME: usize = 4;
const INDICATORS: usize = 5;
const FUNDS: usize = 6;
const PARTNERS: usize = 7;
/// Column names for messages.
const COLUMN_NAMES: [&str; COLUMNS] = [
    "Objective",
    "Measure",
    "Activity",
    "Implementers",
    "Timeframe",
    "Indicators",
    "Funds",
    "Partners",
];

/// An activity row with the cells of its continuation rows joined in.
struct RawActivity {
    line: usize,
    id: String,
    goal: String,
    measure: String,
    cells: Vec<String>,
}

/// A section whose table has started: its area and how many objectives its heading listed.
struct Section {
    heading_line: usize,
    area: String,
    listed: usize,
}

/// Reads the document line by line into the plan.
#[derive(Default)]
struct Parser {
    plan: ImportedPlan,
    /// A capitalised heading not yet followed by a table, with its line.
    heading: Option<(usize, String)>,
    /// How many objectives are listed under that heading.
    listed: usize,
    section: Option<Section>,
    goal: Option<String>,
    measure: Option<String>,
    rows: Vec<RawActivity>,
}

impl Parser {
    fn doubt(&mut self, line: usize, message: impl Into<String>) {
        self.plan.doubts.push(doubt(line, message));
    }

    /// Reads one line; its tabs are kept, as leading and trailing tabs are empty cells.
    fn line(&mut self, n: usize, line: &str) {
        let trimmed = line.trim();
        if trimmed.is_empty() || is_rule_row(trimmed) {
            return;
        }
        if is_table_header(trimmed) {
            self.table_header(n);
        } else if is_heading(trimmed) {
            self.close_section();
            self.heading = Some((n, trimmed.to_owned()));
            self.listed = 0;
        } else if self.section.is_some() {
            if line.contains('\t') {
                self.table_row(n, line);
            } else {
                self.doubt(n, format!("text not placed in the plan: “{}”", excerpt(trimmed)));
            }
        } else if self.heading.is_some() && is_listed_objective(trimmed) {
            self.listed += 1;
        }
        // Otherwise: the title page, the contents, the introduction, objective lists' headings.
    }

    fn table_header(&mut self, n: usize) {
        match self.heading.take() {
            Some((heading_line, title)) => {
                self.close_section();
                let area = (self.plan.areas.len() + 1).to_string();
                self.plan.areas.push(Area {
                    id: area.clone(),
                    title: en(&sentence_case(&title)),
                });
                self.section = Some(Section {
                    heading_line,
                    area,
                    listed: self.listed,
                });
                self.goal = None;
                self.measure = None;
            }
            None if self.section.is_none() => {
                self.doubt(n, "table before any section heading: its rows are not imported")
            }
            None => {}
        }
    }

    /// Compares the objectives a section lists with those its table has.
    fn close_section(&mut self) {
        let Some(section) = self.section.take() else { return };
        let in_table = self
            .plan
            .goals
            .iter()
            .filter(|g| g.area.as_deref() == Some(section.area.as_str()))
            .count();
        if in_table != section.listed {
            self.doubt(
                section.heading_line,
                format!(
                    "the section lists {} objectives above its table, the table has {in_table}: objectives are taken \
                     from the table",
                    section.listed
                ),
            );
        }
    }

    fn table_row(&mut self, n: usize, line: &str) {
        let Some(area) = self.section.as_ref().map(|s| s.area.clone()) else {
            return;
        };
        let cells = fit_columns(
            n,
            line.split('\t').map(str::to_owned).collect(),
            COLUMNS,
            &mut self.plan.doubts,
        );
        if cells.iter().all(String::is_empty) {
            return;
        }
        if !cells[OBJECTIVE].is_empty() {
            self.objective_cell(n, &area, &cells[OBJECTIVE]);
        }
        let new_measure = !cells[MEASURE].is_empty() && self.measure_cell(n, &area, &cells[MEASURE]);
        match leading_id(&cells[ACTIVITY], 2) {
            Some((id, text)) => {
                let text = text.to_owned();
                self.activity_row(n, &area, id, text, cells);
            }
            None if new_measure => self.doubt(
                n,
                format!(
                    "measure row without an activity id: “{}” not imported",
                    excerpt(&cells[ACTIVITY])
                ),
            ),
            None => self.continuation_row(n, &cells),
        }
    }

    /// An objective's first row, or the continuation of its title.
    fn objective_cell(&mut self, n: usize, area: &str, cell: &str) {
        match leading_id(cell, 1).filter(|(id, _)| !id.contains('.')) {
            Some((number, title)) => {
                let id = format!("{area}-{number}");
                if self.plan.goals.iter().any(|g| g.id == id) {
                    self.doubt(n, format!("objective {number} appears twice in the section"));
                }
                self.plan.goals.push(Goal {
                    id: id.clone(),
                    area: Some(area.to_owned()),
                    title: en(&list_item(title)),
                });
                self.goal = Some(id);
                self.measure = None;
            }
            None => match self.plan.goals.last_mut().and_then(|g| g.title.get_mut("en")) {
                Some(title) => *title = join_continuation(title, cell),
                None => self.doubt(
                    n,
                    format!("objective without a number: “{}” not imported", excerpt(cell)),
                ),
            },
        }
    }

    /// A measure's first row (true), or the continuation of its title (false).
    fn measure_cell(&mut self, n: usize, area: &str, cell: &str) -> bool {
        let Some((number, title)) = leading_id(cell, 2) else {
            match self.plan.measures.last_mut().and_then(|m| m.title.get_mut("en")) {
                Some(title) => *title = join_continuation(title, cell),
                None => self.doubt(n, format!("measure without a number: “{}” not imported", excerpt(cell))),
            }
            return false;
        };
        let Some(goal) = self.goal.clone() else {
            self.doubt(n, format!("measure {number} before any objective: not imported"));
            return true;
        };
        if parent_id(&number) != local(&goal) {
            self.doubt(
                n,
                format!("measure {number} is under objective {}: kept there", local(&goal)),
            );
        }
        let id = format!("{area}-{number}");
        if self.plan.measures.iter().any(|m| m.id == id) {
            self.doubt(n, format!("measure {number} appears twice in the section"));
        }
        self.plan.measures.push(Measure {
            id: id.clone(),
            goal: Some(goal),
            title: en(&list_item(title)),
        });
        self.measure = Some(id);
        true
    }

    fn activity_row(&mut self, n: usize, area: &str, number: String, text: String, mut cells: Vec<String>) {
        let (Some(goal), Some(measure)) = (self.goal.clone(), self.measure.clone()) else {
            self.doubt(n, format!("activity {number} before any measure: not imported"));
            return;
        };
        if parent_id(&number) != local(&measure) {
            self.doubt(
                n,
                format!(
                    "activity numbered {number} under measure {}: id kept as written",
                    local(&measure)
                ),
            );
        }
        cells[ACTIVITY] = text;
        self.rows.push(RawActivity {
            line: n,
            id: format!("{area}-{number}"),
            goal,
            measure,
            cells,
        });
    }

    /// A row without an activity id: its cells continue those of the activity above.
    fn continuation_row(&mut self, n: usize, cells: &[String]) {
        let Some(last) = self.rows.last_mut() else {
            let text = cells[ACTIVITY..]
                .iter()
                .filter(|c| !c.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" | ");
            if !text.is_empty() {
                self.doubt(
                    n,
                    format!("row without an activity to continue: “{}” not imported", excerpt(&text)),
                );
            }
            return;
        };
        let mut dropped = Vec::new();
        for (column, (cell, more)) in last.cells.iter_mut().zip(cells).enumerate().skip(ACTIVITY) {
            let more = match repeated_ending(cell, more) {
                Some(rest) => {
                    let fragment = more.split_whitespace().next().unwrap_or_default();
                    dropped.push(format!(
                        "{}: “{fragment}” repeats the end of the word above; left out",
                        COLUMN_NAMES[column]
                    ));
                    rest
                }
                None => more.as_str(),
            };
            *cell = join_continuation(cell, more);
        }
        for message in dropped {
            self.doubt(n, message);
        }
    }

    fn finish(mut self) -> ImportedPlan {
        self.close_section();
        let rows = std::mem::take(&mut self.rows);
        for raw in rows {
            let activity = self.activity(raw);
            self.plan.activities.push(activity);
        }
        check_numbering(&self.plan.activities, &mut self.plan.doubts);
        self.plan.doubts.sort_by_key(|d| d.line);
        self.plan
    }

    fn activity(&mut self, raw: RawActivity) -> ImportedActivity {
        let RawActivity {
            line,
            id,
            goal,
            measure,
            mut cells,
        } = raw;
        for message in repair_columns(&mut cells) {
            self.doubt(line, format!("activity {id}: {message}"));
        }
        let montenegrin: Vec<&str> = (ACTIVITY..COLUMNS)
            .filter(|&c| is_montenegrin(&cells[c]))
            .map(|c| COLUMN_NAMES[c])
            .collect();
        if !montenegrin.is_empty() {
            self.doubt(
                line,
                format!(
                    "activity {id}: {} written in Montenegrin; kept as written (texts under `cnr`)",
                    montenegrin.join(", ")
                ),
            );
        }
        let implementers = split_names(&cells[IMPLEMENTERS]);
        let named_partners = split_names(&cells[PARTNERS]);
        let mut seen = HashSet::new();
        let partners = implementers
            .partners
            .into_iter()
            .chain(named_partners.responsible)
            .chain(named_partners.partners)
            .filter(|name| seen.insert(name.clone()))
            .collect();
        ImportedActivity {
            activity: Activity {
                id,
                goal,
                measure: Some(measure),
                text: localised(&one_line(&cells[ACTIVITY])),
                deadline: one_line(&cells[TIMEFRAME]),
                resources: localised(&one_line(&cells[FUNDS])),
                indicators: cells[INDICATORS].lines().map(localised).collect(),
                source_line: Some(line),
                ..Activity::default()
            },
            responsible: implementers.responsible,
            partners,
        }
    }
}

/// An id without the section's prefix: `1.1.1` for `2-1.1.1`.
fn local(id: &str) -> &str {
    id.split_once('-').map_or(id, |(_, local)| local)
}

/// A row of dashes, one cell per column (`--⇥--⇥…`).
fn is_rule_row(line: &str) -> bool {
    line.split('\t')
        .all(|cell| !cell.is_empty() && cell.chars().all(|c| c == '-'))
}

/// `Strategic objective⇥Measure⇥Activity⇥…` or `Objective⇥Measure⇥Activity⇥…`.
fn is_table_header(line: &str) -> bool {
    let mut cells = line.split('\t');
    let first = cells.next().unwrap_or_default().to_lowercase();
    first.ends_with("objective") && cells.next() == Some("Measure")
}

/// A numbered objective listed under a section heading: `1. To …`, `- 1. To …`, `<i>1.To …</i>`.
fn is_listed_objective(line: &str) -> bool {
    let line = clean_cell(line);
    let line = line.strip_prefix("- ").unwrap_or(&line);
    leading_id(line, 1).is_some_and(|(id, _)| !id.contains('.'))
}

/// Where a continuation repeats the end of the word above (`consequences` / `ces of …`): the
/// continuation without the repeated piece.
fn repeated_ending<'a>(cell: &str, more: &'a str) -> Option<&'a str> {
    let last = cell.split_whitespace().last()?;
    let (first, rest) = more.split_once(' ').unwrap_or((more, ""));
    let repeats = first.chars().count() >= 3
        && last.chars().count() >= first.chars().count() + 3
        && first.chars().all(char::is_lowercase)
        && last.ends_with(first);
    repeats.then_some(rest)
}

/// Moves cells back where a row's columns are clearly shifted; says what it did.
fn repair_columns(cells: &mut [String]) -> Vec<String> {
    let mut repairs = Vec::new();
    if !looks_like_timeframe(&cells[TIMEFRAME]) && looks_like_timeframe(&cells[INDICATORS]) {
        if looks_like_funds(&cells[PARTNERS]) && !looks_like_funds(&cells[FUNDS]) {
            repairs.push(format!(
                "partners (“{}”) written under Timeframe and the other cells one column to the right: moved back",
                cells[TIMEFRAME]
            ));
            cells[TIMEFRAME..=PARTNERS].rotate_left(1);
        } else {
            repairs.push(format!(
                "timeframe (“{}”) written under Indicators and the indicator under Timeframe: swapped back",
                cells[INDICATORS]
            ));
            cells.swap(TIMEFRAME, INDICATORS);
        }
    }
    if cells[FUNDS].is_empty() && looks_like_funds(&cells[INDICATORS]) {
        repairs.push(format!(
            "funds (“{}”) written under Indicators: moved to Funds, no indicator left",
            cells[INDICATORS]
        ));
        cells.swap(FUNDS, INDICATORS);
    }
    let funds = cells[FUNDS].clone();
    if let Some(rest) = cells[PARTNERS]
        .strip_prefix(funds.as_str())
        .filter(|_| looks_like_funds(&funds))
    {
        let rest = rest.trim_start_matches([',', ';', ' ']).to_owned();
        repairs.push(format!(
            "the funds (“{funds}”) repeated at the start of Partners: removed there"
        ));
        cells[PARTNERS] = rest;
    }
    repairs
}

/// A timeframe as this plan writes them: short, with a year, a quarter, or a recurrence.
fn looks_like_timeframe(text: &str) -> bool {
    let lower = text.to_lowercase();
    let has_year = lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|digits| digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")));
    let has_word = ["quarter", "continu", "annual", "a year", "as needed"]
        .iter()
        .any(|word| lower.contains(word));
    lower.split_whitespace().count() <= 8 && (has_year || has_word)
}

/// Funds as this plan writes them: `Regular funds`, `No additional funds required`, `donations`.
fn looks_like_funds(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    ["regular funds", "no additional funds", "additional funds", "donations"]
        .iter()
        .any(|f| lower.starts_with(f))
}

/// Montenegrin words the plan's Montenegrin cells use (with č, ć, š, ž, đ any word counts).
const MONTENEGRIN_WORDS: [&str; 25] = [
    "i",
    "u",
    "za",
    "od",
    "do",
    "na",
    "sa",
    "protiv",
    "kraja",
    "godine",
    "ministarstvo",
    "kancelarija",
    "uprava",
    "policije",
    "zakon",
    "donijet",
    "sredstva",
    "redovna",
    "donacije",
    "nevladine",
    "organizacije",
    "krst",
    "sprovedeno",
    "usvojen",
    "pravde",
];

/// English words that show a cell is English.
const ENGLISH_WORDS: [&str; 16] = [
    "the", "of", "and", "in", "on", "for", "to", "with", "by", "a", "an", "at", "from", "ministry", "office", "funds",
];

/// Whether a cell is written in Montenegrin: it has Montenegrin words and no English ones.
fn is_montenegrin(text: &str) -> bool {
    let mut montenegrin = false;
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        let word = word.to_lowercase();
        if ENGLISH_WORDS.contains(&word.as_str()) {
            return false;
        }
        montenegrin |= MONTENEGRIN_WORDS.contains(&word.as_str()) || word.contains(['č', 'ć', 'š', 'ž', 'đ']);
    }
    montenegrin
}

/// Text under `cnr` where the cell is Montenegrin, under `en` otherwise.
fn localised(text: &str) -> Text {
    if is_montenegrin(text) {
        text_in("cnr", text)
    } else {
        en(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::cells::testing::{activity, assert_reads_empty_and_crlf, cut, english, has_doubt};

    const DOCUMENT: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/sources/me-ap-2012-2013.txt"));

    /// The ids at the start of the activity column (the third), found without the parser.
    fn ids_in_document() -> Vec<String> {
        DOCUMENT
            .lines()
            .filter_map(|line| line.split('\t').nth(2))
            .filter_map(|cell| {
                let cell = cell.trim().trim_start_matches("<p>");
                let id: String = cell.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
                (id.starts_with(|c: char| c.is_ascii_digit()) && id.contains('.'))
                    .then(|| id.trim_end_matches('.').to_owned())
            })
            .collect()
    }

    #[test]
    fn counts_match_the_document() {
        let plan = parse(DOCUMENT);
        assert_eq!(plan.areas.len(), 8);
        assert_eq!(plan.measures.len(), 37);
        assert_eq!(plan.activities.len(), 87);
        let count = |area: &str, ids: Vec<&str>| ids.iter().filter(|id| id.starts_with(&format!("{area}-"))).count();
        let activities: Vec<&str> = plan.activities.iter().map(|a| a.activity.id.as_str()).collect();
        let measures: Vec<&str> = plan.measures.iter().map(|m| m.id.as_str()).collect();
        let goals: Vec<&str> = plan.goals.iter().map(|g| g.id.as_str()).collect();
        let per_area = |ids: &Vec<&str>| plan.areas.iter().map(|a| count(&a.id, ids.clone())).collect::<Vec<_>>();
        assert_eq!(per_area(&activities), [9, 18, 12, 15, 3, 10, 14, 6]);
        assert_eq!(per_area(&measures), [2, 9, 5, 9, 1, 3, 4, 4]);
        assert_eq!(per_area(&goals), [1, 1, 2, 2, 1, 1, 1, 2]);
        let titles: Vec<_> = plan.areas.iter().map(|a| english(&a.title)).collect();
        assert_eq!(titles[2], "Identification of victims of trafficking in human beings");
        assert_eq!(titles[7], "Partnership");
    }

    #[test]
    fn activity_ids_are_those_of_the_document() {
        let plan = parse(DOCUMENT);
        let ids: Vec<_> = plan
            .activities
            .iter()
            .map(|a| local(&a.activity.id).to_owned())
            .collect();
        assert_eq!(ids, ids_in_document());
        let unique: HashSet<_> = plan.activities.iter().map(|a| a.activity.id.as_str()).collect();
        assert_eq!(unique.len(), 87);
    }

    #[test]
    fn shifted_columns_are_moved_back() {
        let plan = parse(DOCUMENT);
        let a = activity(&plan, "4-2.4.1");
        assert_eq!(
            a.responsible,
            [
                "Ministry of Labor and Social Welfare",
                "Employment Agency",
                "MI-Office for Fight Against Trafficking in Human Beings"
            ]
        );
        assert_eq!(a.activity.deadline, "II Quarter of 2013");
        assert_eq!(
            a.activity.indicators,
            [en("Developed and signed Memorandum on Cooperation")]
        );
        assert_eq!(english(&a.activity.resources), "Regular funds");
        assert_eq!(
            a.partners,
            [
                "Nongovernmental organization",
                "Red Cross",
                "Employers' federation of Montenegro"
            ]
        );
        let a = activity(&plan, "7-1.2.2");
        assert_eq!(a.activity.deadline, "2013");
        assert!(english(&a.activity.indicators[0]).starts_with("Composed and conducted training program"));
        let a = activity(&plan, "6-2.2.1");
        assert_eq!(english(&a.activity.resources), "No additional funds required");
        assert!(a.activity.indicators.is_empty());
        let a = activity(&plan, "4-2.1.4");
        assert_eq!(a.partners, ["Nongovernmental organizations", "Red Cross"]);
        assert_eq!(english(&a.activity.resources), "Regular funds");
    }

    #[test]
    fn continued_rows_and_broken_words_are_joined() {
        let plan = parse(DOCUMENT);
        let a = activity(&plan, "4-2.5.1");
        assert_eq!(
            english(&a.activity.text),
            "Providing judicial authorities with adequate audio and visual technical means (in order to mitigate \
             consequences of secondary victimization of victims of trafficking in human beings/children),"
        );
        let a = activity(&plan, "3-1.2.2");
        assert!(english(&a.activity.text).starts_with(
            "To ensure availability of information on the possible dangers and consequences of trafficking in human \
             beings/ children, as well as"
        ));
        let a = activity(&plan, "2-1.1.2");
        assert!(english(&a.activity.text).ends_with("in human beings (prevention, education, identification, security protection, criminal prosecution, national and international cooperation and partnership), in relation to all forms of trafficking in human beings"));
        assert!(english(&a.activity.indicators[0]).ends_with("number of students from the academy who within their specialist and primary education undergone training on trafficking in human beings"));
        let a = activity(&plan, "3-1.1.2");
        assert_eq!(
            a.responsible,
            [
                "Ministry of interior – Office for Fight against Trafficking in Human Beings",
                "Police Directorate",
                "Ministry of Labor and Social Welfare"
            ]
        );
        let measure = plan
            .measures
            .iter()
            .find(|m| m.id == "2-1.5")
            .map(|m| english(&m.title));
        assert_eq!(
            measure,
            Some(
                "To increase the level of sensibility and participation of media in raising awareness level of the \
                 public on the phenomenon of trafficking in human beings/ children and protection of their data"
            )
        );
        let a = activity(&plan, "2-1.5.1");
        assert_eq!(
            a.partners,
            [
                "Ministry of Interior – Office for Fight against Trafficking in Human Beings",
                "IO"
            ]
        );
    }

    #[test]
    fn montenegrin_cells_stay_as_written() {
        let plan = parse(DOCUMENT);
        let a = activity(&plan, "4-2.6.1");
        assert_eq!(a.responsible, ["Ministarstvo pravde i ljudskih prava"]);
        assert_eq!(a.activity.deadline, "Do kraja 2013. godine");
        assert_eq!(a.activity.indicators, [text_in("cnr", "donijet zakon")]);
        assert_eq!(a.activity.resources, text_in("cnr", "redovna sredstva, donacije"));
        assert!(english(&a.activity.text).starts_with("Adoption of a law regulating the right to compensation"));
        let a = activity(&plan, "1-1.1.6");
        assert_eq!(
            a.activity.indicators,
            [text_in("cnr", "Sprovedeno istraživanje; Izvještaj usvojen u Skupštini")]
        );
        assert_eq!(a.activity.deadline, "IV Quarter of 2012");
        assert_eq!(
            a.partners,
            ["Crveni krst Crne Gore", "UNICEF", "nevladine organizacije"]
        );
    }

    #[test]
    fn glued_ids_markup_and_the_last_line_are_read() {
        let plan = parse(DOCUMENT);
        let a = activity(&plan, "5-1.1.1");
        assert!(english(&a.activity.text).starts_with("Harmonizing, in accordance with the new legal regulations"));
        let a = activity(&plan, "6-2.1");
        assert_eq!(a.activity.measure.as_deref(), Some("6-1.1"));
        let last = plan.activities.last().map(|a| &a.activity);
        assert_eq!(last.map(|a| a.id.as_str()), Some("8-2.3.1"));
        assert_eq!(last.and_then(|a| a.source_line), Some(250));
        let a = activity(&plan, "8-2.3.1");
        assert_eq!(a.activity.deadline, "II Quarter of 2013");
        assert_eq!(a.activity.indicators, [en("Signed agreement")]);
        let goal = plan.goals.iter().find(|g| g.id == "3-2").map(|g| english(&g.title));
        assert_eq!(
            goal,
            Some(
                "To establish a multidisciplinary approach in identification of victims of trafficking in human beings"
            )
        );
        let a = activity(&plan, "1-1.1.8");
        assert_eq!(
            a.partners,
            [
                "all implementing institutions in implementation of the national strategy",
                "IO UNICEF",
                "IO OSCE",
                "IO IOM",
                "NGOs",
                "Red Cross Montenegro"
            ]
        );
        assert_eq!(
            a.responsible,
            [
                "Ministry of Interior-Office for Fight against Trafficking in Human Beings",
                "Police Directorate"
            ]
        );
    }

    #[test]
    fn doubts_name_their_lines() {
        let plan = parse(DOCUMENT);
        assert!(has_doubt(&plan, 83, "measure 2.1 is under objective 1"));
        assert!(has_doubt(&plan, 197, "activity numbered 2.1 under measure 1.1"));
        assert!(has_doubt(&plan, 199, "measure 2.1 is under objective 1"));
        assert!(has_doubt(&plan, 201, "measure 2.2 is under objective 1"));
        assert!(has_doubt(
            &plan,
            201,
            "funds (“No additional funds required”) written under Indicators"
        ));
        assert!(has_doubt(&plan, 169, "partners (“Nongovernmental organization"));
        assert!(has_doubt(&plan, 224, "timeframe (“2013”) written under Indicators"));
        assert!(has_doubt(&plan, 160, "repeated at the start of Partners"));
        assert!(has_doubt(
            &plan,
            79,
            "Implementers, Indicators, Partners written in Montenegrin"
        ));
        assert!(has_doubt(
            &plan,
            173,
            "Implementers, Timeframe, Indicators, Funds written in Montenegrin"
        ));
        assert!(has_doubt(&plan, 135, "“ces” repeats the end of the word above"));
        assert!(has_doubt(
            &plan,
            234,
            "lists 3 objectives above its table, the table has 2"
        ));
        assert_eq!(plan.doubts.len(), 12, "{:#?}", plan.doubts);
    }

    #[test]
    fn odd_input_does_not_panic() {
        assert_reads_empty_and_crlf(parse, DOCUMENT);
        let truncated = cut(parse, DOCUMENT, 5);
        assert!(!truncated.activities.is_empty() && truncated.activities.len() < 87);
        parse("PREVENTION\nObjective\tMeasure\n\t\tx\n\t1.1. m\tnone\n1.1.1. x\t\t1.1.1.\nEDUCATION\n\t\t1.1.1 y");
    }
}
