//! The North Macedonian Action Plan to combat trafficking in children 2009–2012.
//!
//! The plan is written twice: as narrative chapters (`CHAPTER N:` → `GOAL:` → `EXPECTED
//! RESULTS:` → `ACTIVITIES:` → `STAKEHOLDER(S) AND PARTNERS:` → `FINANCIAL IMPLICATIONS:` →
//! `DEADLINE:` or `TIMELINE:`) and as the annex's pipe table (goal | expected results |
//! activities | indicators | responsible institutions | financial implications), which numbers
//! everything. The annex is the source of goals, expected results (the measures) and
//! activities; the narrative gives each chapter's deadline and its counts, which the annex is
//! checked against. The plan has no areas.
//!
//! In the annex several activities share one cell, separated only by their ids or `<p>`
//! blocks; goal, institution and financing cells span rows (an empty cell repeats the one
//! above). An activity's deadline is its expected result's own (`By the end of 2010`) where the
//! result starts with one, and its chapter's otherwise. `Mol`, an OCR error for `MoI` (Ministry
//! of Interior), is corrected, with a note on each activity concerned.

use std::collections::HashMap;

use super::cells::{
    check_numbering, clean_cell, doubt, en, excerpt, fit_columns, is_rule, leading_id, list_item, one_line, parent_id,
    split_names, split_row,
};
use super::{Doubt, ImportedActivity, ImportedPlan};
use crate::plan::{Activity, Goal, Measure, Text};

/// Reads the plan from the whole document.
pub fn parse(text: &str) -> ImportedPlan {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let annex = lines
        .iter()
        .position(|line| line.starts_with("Annex"))
        .unwrap_or(lines.len());
    let mut reader = Annex::new(read_chapters(&lines[..annex]));
    for (index, line) in lines.iter().enumerate().skip(annex) {
        reader.line(index + 1, line);
    }
    reader.finish()
}

/// The columns of the annex table.
const COLUMNS: usize = 6;
const GOAL: usize = 0;
const RESULT: usize = 1;
const ACTIVITIES: usize = 2;
const INDICATORS: usize = 3;
const RESPONSIBLE: usize = 4;
const FINANCIAL: usize = 5;

/// The note on activities whose data had `Mol` corrected.
const MOL_NOTE: &str = "“Mol” in the document is an OCR error for “MoI” (Ministry of Interior); corrected here.";

/// What a narrative chapter adds to the annex: its deadline, and the number of expected results
/// and activities it lists.
#[derive(Debug, Default)]
struct Chapter {
    line: usize,
    deadline: Option<String>,
    results: usize,
    activities: usize,
}

/// The list a narrative line belongs to.
#[derive(Clone, Copy, PartialEq)]
enum List {
    Results,
    Activities,
}

/// The narrative chapters by number.
fn read_chapters(lines: &[&str]) -> HashMap<String, Chapter> {
    let mut chapters: HashMap<String, Chapter> = HashMap::new();
    let mut current: Option<String> = None;
    let mut list: Option<List> = None;
    for (index, line) in lines.iter().enumerate() {
        if let Some(number) = chapter_number(line) {
            chapters.insert(
                number.clone(),
                Chapter {
                    line: index + 1,
                    ..Chapter::default()
                },
            );
            current = Some(number);
            list = None;
            continue;
        }
        let Some(chapter) = current.as_ref().and_then(|number| chapters.get_mut(number)) else {
            continue;
        };
        if let Some(deadline) = line
            .strip_prefix("DEADLINE:")
            .or_else(|| line.strip_prefix("TIMELINE:"))
        {
            chapter.deadline = Some(deadline.trim().to_owned());
            list = None;
        } else if *line == "EXPECTED RESULTS:" {
            list = Some(List::Results);
        } else if *line == "ACTIVITIES:" {
            list = Some(List::Activities);
        } else if line.starts_with("- ") {
            match list {
                Some(List::Results) => chapter.results += 1,
                Some(List::Activities) => chapter.activities += 1,
                None => {}
            }
        } else if !line.is_empty() {
            list = None;
        }
    }
    chapters
}

/// The number of a `CHAPTER N: TITLE` line or cell.
fn chapter_number(text: &str) -> Option<String> {
    let (number, _) = text.strip_prefix("CHAPTER ")?.split_once(':')?;
    (!number.is_empty() && number.chars().all(|c| c.is_ascii_digit())).then(|| number.to_owned())
}

/// A cell that spans rows, and whether `Mol` was corrected in it.
struct Span {
    text: String,
    corrected: bool,
}

/// One activity of a row, with whether `Mol` was corrected in its text.
struct RowActivity {
    id: String,
    text: Text,
    corrected: bool,
}

/// An annex row: an expected result and its activities.
struct Row {
    line: usize,
    goal: String,
    measure: String,
    /// The expected result's own deadline, where its text starts with one.
    deadline: Option<String>,
    activities: Vec<RowActivity>,
    indicators: Vec<Text>,
    indicators_corrected: bool,
    responsible: usize,
    financial: usize,
}

/// Reads the annex table line by line into the plan, with the narrative chapters at hand.
struct Annex {
    plan: ImportedPlan,
    chapters: HashMap<String, Chapter>,
    chapter: Option<String>,
    goal: Option<String>,
    rows: Vec<Row>,
    responsible: Vec<Span>,
    financial: Vec<Span>,
    /// Whether a page break (blank line or empty header row) came since the last data row.
    after_break: bool,
}

impl Annex {
    fn new(chapters: HashMap<String, Chapter>) -> Self {
        Annex {
            plan: ImportedPlan::default(),
            chapters,
            chapter: None,
            goal: None,
            rows: Vec::new(),
            responsible: Vec::new(),
            financial: Vec::new(),
            after_break: false,
        }
    }

    fn doubt(&mut self, line: usize, message: impl Into<String>) {
        self.plan.doubts.push(doubt(line, message));
    }

    /// Reads one trimmed line of the annex.
    fn line(&mut self, n: usize, line: &str) {
        if line.is_empty() {
            self.after_break = true;
        } else if line.starts_with('|') {
            self.table_row(n, split_row(line));
        } else if let Some(number) = chapter_number(line) {
            self.chapter = Some(number);
        } else if !line.starts_with("Annex") {
            self.doubt(n, format!("text not placed in the plan: “{}”", excerpt(line)));
        }
    }

    fn table_row(&mut self, n: usize, cells: Vec<String>) {
        if cells.iter().all(|cell| is_rule(cell)) {
            return;
        }
        if cells.iter().all(String::is_empty) {
            self.after_break = true;
            return;
        }
        if let Some(number) = chapter_number(&cells[0]) {
            self.chapter = Some(number);
            return;
        }
        if cells[0] == "Goal" {
            return;
        }
        let cells = self.without_goal_column(n, cells);
        let cells = fit_columns(n, cells, COLUMNS, &mut self.plan.doubts);
        self.data_row(n, cells);
        self.after_break = false;
    }

    /// A row of five cells that starts with an expected result lacks the goal column (a page
    /// break lost it): an empty goal cell is put in front.
    fn without_goal_column(&mut self, n: usize, mut cells: Vec<String>) -> Vec<String> {
        if cells.len() == COLUMNS - 1 && leading_id(&clean_cell(&cells[0]), 2).is_some() {
            self.doubt(
                n,
                "row of 5 cells starting with an expected result: the goal column is missing, read as the goal above",
            );
            cells.insert(GOAL, String::new());
        }
        cells
    }

    fn data_row(&mut self, n: usize, raw: Vec<String>) {
        let (cells, corrected): (Vec<String>, Vec<bool>) = raw.iter().map(|cell| correct_mol(cell)).unzip();
        let new_goal = !cells[GOAL].is_empty();
        if new_goal {
            self.goal_cell(n, &cells[GOAL]);
        }
        let Some(goal) = self.goal.clone() else {
            self.doubt(n, "row before any goal: not imported");
            return;
        };
        let Some((measure, title)) = leading_id(&cells[RESULT], 2) else {
            let text = one_line(&cells[RESULT..].join(" | "));
            self.doubt(
                n,
                format!("row without an expected result id: “{}” not imported", excerpt(&text)),
            );
            return;
        };
        if parent_id(&measure) != goal {
            self.doubt(n, format!("expected result {measure} is under goal {goal}"));
        }
        let title = list_item(&one_line(title));
        let deadline = result_deadline(&title);
        let title = self.localised(n, "Expected results", &title);
        self.plan.measures.push(Measure {
            id: measure.clone(),
            goal: Some(goal.clone()),
            title,
        });
        let activities = self.activities(n, &measure, &raw[ACTIVITIES]);
        let indicators = cells[INDICATORS]
            .lines()
            .map(|block| self.localised(n, "Indicators", block))
            .collect();
        let responsible = self.span(
            n,
            "Responsible institutions",
            SpanColumn::Responsible,
            &cells[RESPONSIBLE],
            corrected[RESPONSIBLE],
            new_goal,
        );
        let financial = self.span(
            n,
            "Financial implications",
            SpanColumn::Financial,
            &cells[FINANCIAL],
            corrected[FINANCIAL],
            new_goal,
        );
        self.rows.push(Row {
            line: n,
            goal,
            measure,
            deadline,
            activities,
            indicators,
            indicators_corrected: corrected[INDICATORS],
            responsible,
            financial,
        });
    }

    fn goal_cell(&mut self, n: usize, cell: &str) {
        let Some((number, title)) = leading_id(cell, 1).filter(|(id, _)| !id.contains('.')) else {
            self.doubt(
                n,
                format!(
                    "goal without a number: “{}”; its rows are read under the goal above",
                    excerpt(cell)
                ),
            );
            return;
        };
        if let Some(chapter) = self.chapter.as_ref().filter(|chapter| **chapter != number) {
            let message = format!("goal {number} is in the table of chapter {chapter}");
            self.doubt(n, message);
        }
        if self.plan.goals.iter().any(|g| g.id == number) {
            self.doubt(n, format!("goal {number} appears twice"));
        }
        let title = self.localised(n, "Goal", &list_item(&one_line(title)));
        self.plan.goals.push(Goal {
            id: number.clone(),
            area: None,
            title,
        });
        self.goal = Some(number);
    }

    /// The activities of one cell (as written), split at their ids.
    fn activities(&mut self, n: usize, measure: &str, cell: &str) -> Vec<RowActivity> {
        let (before, split) = split_activities(cell);
        if !before.is_empty() {
            self.doubt(
                n,
                format!("activity text without an id, not imported: “{}”", excerpt(&before)),
            );
        }
        if split.is_empty() {
            self.doubt(n, format!("expected result {measure} has no activities"));
        }
        split
            .into_iter()
            .map(|(id, text)| {
                if parent_id(&id) != measure {
                    self.doubt(n, format!("activity {id} is under expected result {measure}"));
                }
                let (text, corrected) = correct_mol(&text);
                RowActivity {
                    text: self.localised(n, "Activities", &text),
                    id,
                    corrected,
                }
            })
            .collect()
    }

    /// The index of the spanning cell a row uses: a new one, the one above (empty cell), or the
    /// one above continued after a page break (a cell starting in lower case).
    fn span(&mut self, n: usize, name: &str, column: SpanColumn, cell: &str, corrected: bool, new_goal: bool) -> usize {
        let continues = self.after_break && !new_goal && cell.starts_with(char::is_lowercase);
        let spans = match column {
            SpanColumn::Responsible => &mut self.responsible,
            SpanColumn::Financial => &mut self.financial,
        };
        let message = match spans.last_mut() {
            Some(_) if cell.is_empty() && !new_goal => return spans.len() - 1,
            Some(last) if continues => {
                last.text = format!("{} {}", last.text, one_line(cell));
                last.corrected |= corrected;
                Some(format!(
                    "{name}: “{cell}” continues the cell above after a page break; joined"
                ))
            }
            _ => {
                spans.push(Span {
                    text: one_line(cell),
                    corrected,
                });
                cell.is_empty().then(|| format!("{name}: empty at the start of a goal"))
            }
        };
        let index = spans.len() - 1;
        if let Some(message) = message {
            self.doubt(n, message);
        }
        index
    }

    /// Text as written, with Macedonian Cyrillic words put under `mk` (with a doubt).
    fn localised(&mut self, n: usize, column: &str, text: &str) -> Text {
        let (mut localised, cyrillic) = split_scripts(text);
        if let Some(cyrillic) = cyrillic {
            self.doubt(
                n,
                format!("{column}: Macedonian text “{cyrillic}” inside the English; put under `mk`"),
            );
            localised.insert("mk".to_owned(), cyrillic);
        }
        localised
    }

    fn finish(mut self) -> ImportedPlan {
        let rows = std::mem::take(&mut self.rows);
        self.check_against_chapters(&rows);
        self.check_deadlines(&rows);
        for row in rows {
            self.push_activities(row);
        }
        check_numbering(&self.plan.activities, &mut self.plan.doubts);
        self.plan.doubts.sort_by_key(|d| d.line);
        self.plan
    }

    fn push_activities(&mut self, row: Row) {
        let chapter_deadline = self.chapters.get(&row.goal).and_then(|c| c.deadline.clone());
        let deadline = row.deadline.clone().or(chapter_deadline).unwrap_or_default();
        let (responsible, financial) = (&self.responsible[row.responsible], &self.financial[row.financial]);
        let names = split_names(&responsible.text);
        let shared = row.indicators_corrected || responsible.corrected || financial.corrected;
        let resources = en(&financial.text);
        let paired = row.activities.len() > 1 && row.indicators.len() == row.activities.len();
        for (index, activity) in row.activities.into_iter().enumerate() {
            let indicators = if paired {
                vec![row.indicators[index].clone()]
            } else {
                row.indicators.clone()
            };
            self.plan.activities.push(ImportedActivity {
                activity: Activity {
                    id: activity.id,
                    goal: row.goal.clone(),
                    measure: Some(row.measure.clone()),
                    text: activity.text,
                    deadline: deadline.clone(),
                    resources: resources.clone(),
                    indicators,
                    source_line: Some(row.line),
                    note: (shared || activity.corrected).then(|| MOL_NOTE.to_owned()),
                    ..Activity::default()
                },
                responsible: names.responsible.clone(),
                partners: names.partners.clone(),
            });
        }
    }

    /// Doubts where the annex has other numbers of expected results or activities than the
    /// narrative chapter of the same goal.
    fn check_against_chapters(&mut self, rows: &[Row]) {
        let mut doubts: Vec<Doubt> = Vec::new();
        for goal in &self.plan.goals {
            let Some(chapter) = self.chapters.get(&goal.id) else {
                let line = rows.iter().find(|r| r.goal == goal.id).map_or(0, |r| r.line);
                doubts.push(doubt(line, format!("goal {} has no narrative chapter", goal.id)));
                continue;
            };
            let of_goal = rows.iter().filter(|r| r.goal == goal.id);
            let results = of_goal.clone().count();
            let activities: usize = of_goal.map(|r| r.activities.len()).sum();
            if (results, activities) != (chapter.results, chapter.activities) {
                doubts.push(doubt(
                    chapter.line,
                    format!(
                        "chapter {} lists {} expected results and {} activities, the annex has {results} and \
                         {activities}",
                        goal.id, chapter.results, chapter.activities
                    ),
                ));
            }
        }
        self.plan.doubts.extend(doubts);
    }

    /// Doubts for rows whose activities get no deadline.
    fn check_deadlines(&mut self, rows: &[Row]) {
        for row in rows {
            let chapter = self.chapters.get(&row.goal).and_then(|c| c.deadline.as_ref());
            if row.deadline.is_none() && chapter.is_none() {
                let message = format!("expected result {}: no deadline in it or in its chapter", row.measure);
                self.doubt(row.line, message);
            }
        }
    }
}

/// Which spanning column a cell is in.
#[derive(Clone, Copy)]
enum SpanColumn {
    Responsible,
    Financial,
}

/// Splits an activities cell at its ids (`1.2.1.`, `2.2.3`, `7.2.3..`): the text before the
/// first id, and each id with its text.
fn split_activities(cell: &str) -> (String, Vec<(String, String)>) {
    let mut before = String::new();
    let mut activities: Vec<(String, String)> = Vec::new();
    for word in one_line(cell).split_whitespace() {
        match leading_id(word, 3).filter(|(id, _)| id.split('.').count() == 3) {
            Some((id, rest)) => activities.push((id, rest.to_owned())),
            None => {
                let text = activities.last_mut().map_or(&mut before, |(_, text)| text);
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(word);
            }
        }
    }
    (before, activities)
}

/// The period of the plan, for reading deadlines.
const PERIOD: (i32, i32) = (2009, 2012);

/// The deadline an expected result starts with: `By the end of 2010`, `Until end of 2012`.
fn result_deadline(title: &str) -> Option<String> {
    crate::plan::Deadline::leading(title, PERIOD).map(|d| d.raw)
}

/// The text with every word `Mol` made `MoI`, and whether there was one.
fn correct_mol(text: &str) -> (String, bool) {
    let mut corrected = String::with_capacity(text.len());
    let mut found = false;
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        let (word, tail) = rest.split_at(end);
        if word == "Mol" {
            corrected.push_str("MoI");
            found = true;
        } else {
            corrected.push_str(word);
        }
        let separator = tail.chars().next().map_or(0, char::len_utf8);
        corrected.push_str(&tail[..separator]);
        rest = &tail[separator..];
    }
    (corrected, found)
}

/// English text with the words in Cyrillic script taken out: the English, and the Cyrillic.
fn split_scripts(text: &str) -> (Text, Option<String>) {
    let is_cyrillic = |word: &&str| word.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    let (cyrillic, latin): (Vec<&str>, Vec<&str>) = text.split_whitespace().partition(is_cyrillic);
    if cyrillic.is_empty() {
        return (en(text), None);
    }
    (en(&latin.join(" ")), Some(cyrillic.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::cells::testing::{activity, assert_reads_empty_and_crlf, cut, english, has_doubt};

    const DOCUMENT: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sources/mk-ap-children-2009-2012.txt"
    ));

    /// The ids in the annex's activities cells, found without the parser: in each table row, the
    /// ids of three numbers in the first cell that has any (indicators, further right, may have
    /// ids too).
    fn ids_in_document() -> Vec<String> {
        let activity_id = |word: &str| {
            let id = word.trim_start_matches("<p>").trim_end_matches('.');
            let numbers: Vec<&str> = id.split('.').collect();
            let numeric = numbers
                .iter()
                .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            (numbers.len() == 3 && numeric).then(|| id.to_owned())
        };
        DOCUMENT
            .lines()
            .filter(|line| line.starts_with('|'))
            .flat_map(|line| {
                line.split('|')
                    .map(|cell| cell.split_whitespace().filter_map(activity_id).collect::<Vec<_>>())
                    .find(|ids| !ids.is_empty())
                    .unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn counts_match_the_document() {
        let plan = parse(DOCUMENT);
        assert!(plan.areas.is_empty());
        assert_eq!(plan.goals.len(), 7);
        assert_eq!(plan.measures.len(), 22);
        assert_eq!(plan.activities.len(), 52);
        let per_goal: Vec<usize> = plan
            .goals
            .iter()
            .map(|g| plan.activities.iter().filter(|a| a.activity.goal == g.id).count())
            .collect();
        assert_eq!(per_goal, [5, 8, 10, 7, 8, 7, 7]);
        assert!(plan.goals.iter().all(|g| g.area.is_none()));
    }

    #[test]
    fn activity_ids_are_those_of_the_document() {
        let plan = parse(DOCUMENT);
        let ids: Vec<_> = plan.activities.iter().map(|a| a.activity.id.clone()).collect();
        assert_eq!(ids, ids_in_document());
    }

    #[test]
    fn activities_sharing_a_cell_are_split() {
        let plan = parse(DOCUMENT);
        let a = activity(&plan, "1.2.3");
        assert_eq!(
            english(&a.activity.text),
            "Submitting the draft laws to the Government and the Parliament for review and adoption"
        );
        assert_eq!(a.activity.measure.as_deref(), Some("1.2"));
        assert_eq!(a.activity.deadline, "By the end of 2010");
        assert_eq!(a.responsible, ["MoJ", "MLSP"]);
        assert_eq!(
            a.partners,
            [
                "other relevant ministries",
                "domestic non-governmental and international organizations"
            ]
        );
        assert_eq!(
            english(&a.activity.resources),
            "MoJ with the support from international donors"
        );
        let a = activity(&plan, "7.2.3");
        assert_eq!(
            english(&a.activity.text),
            "Further implementation of the TRM by expanding the cooperation with countries outside the SEE region."
        );
        assert_eq!(a.activity.deadline, "Continuous until 2012.");
        assert_eq!(a.activity.source_line, Some(350));
        assert_eq!(
            a.responsible,
            [
                "National Commission",
                "Subgroup",
                "responsible ministries and international organizations"
            ]
        );
        let a = activity(&plan, "5.3.4");
        assert_eq!(english(&a.activity.text), "Training of foster families.");
        assert_eq!(a.activity.deadline, "By the end of 2012");
    }

    #[test]
    fn paragraph_blocks_pair_activities_with_indicators() {
        let plan = parse(DOCUMENT);
        let a = activity(&plan, "3.5.3");
        assert_eq!(
            english(&a.activity.text),
            "Organizing three media campaigns for raising awareness at national and local level."
        );
        assert_eq!(a.activity.indicators, [en("Number of media campaigns")]);
        assert_eq!(a.activity.deadline, "Continuously until 2012.");
        assert_eq!(
            a.responsible,
            [
                "MLSP",
                "MoI",
                "MoE",
                "ULS",
                "NGOs with relevant institutions and international organizations"
            ]
        );
        let a = activity(&plan, "3.4.1");
        assert_eq!(a.activity.deadline, "Until end of 2012");
        assert_eq!(
            a.activity.indicators,
            [en("Number of journalists that participate at the trainings")]
        );
        let a = activity(&plan, "1.2.1");
        assert_eq!(
            a.activity.indicators,
            [en(
                "% from the proposed draft amendments are adopted by the Government and the Parliament. CoE Convention is ratified."
            )]
        );
    }

    #[test]
    fn spanning_cells_continue_across_a_page_break() {
        let plan = parse(DOCUMENT);
        let expected = "Responsible ministries, NGO, academic institutions with possible support from international \
                        organizations and the private sector";
        for id in ["2.1.1", "2.2.3", "2.3.2"] {
            assert_eq!(english(&activity(&plan, id).activity.resources), expected, "{id}");
        }
    }

    #[test]
    fn mol_is_corrected_and_noted() {
        let plan = parse(DOCUMENT);
        let a = activity(&plan, "2.1.3");
        assert_eq!(
            english(&a.activity.text),
            "Organizing specialized trainings for representatives of MLSP and MoI on collection, processing and use of \
             the data on trafficking in children."
        );
        assert_eq!(a.responsible[0], "MoI");
        assert_eq!(a.activity.note.as_deref(), Some(MOL_NOTE));
        let noted = plan.activities.iter().filter(|a| a.activity.note.is_some()).count();
        assert_eq!(noted, 8);
        assert!(activity(&plan, "1.1.1").activity.note.is_none());
        let m21 = plan.measures.iter().find(|m| m.id == "2.1").map(|m| english(&m.title));
        assert!(m21.is_some_and(|t| t.contains("within MoI and MLSP")));
    }

    #[test]
    fn cyrillic_goes_under_mk() {
        let plan = parse(DOCUMENT);
        let a = activity(&plan, "2.1.2");
        let indicator = &a.activity.indicators[0];
        assert_eq!(
            indicator.get("mk").map(String::as_str),
            Some("Извршено пилот тестирање за валидација на изготвените инструменти")
        );
        assert_eq!(
            english(indicator),
            "Special methods for collection of data related to children are developed Testing Number of trained persons"
        );
    }

    #[test]
    fn doubts_name_their_lines() {
        let plan = parse(DOCUMENT);
        assert!(has_doubt(&plan, 294, "Macedonian text “Извршено"));
        assert!(has_doubt(&plan, 298, "“private sector” continues the cell above"));
        assert!(has_doubt(&plan, 311, "goal column is missing"));
        assert!(has_doubt(&plan, 312, "goal column is missing"));
        assert_eq!(plan.doubts.len(), 4, "{:#?}", plan.doubts);
    }

    #[test]
    fn odd_input_does_not_panic() {
        assert_reads_empty_and_crlf(parse, DOCUMENT);
        assert!(
            cut(parse, DOCUMENT, 5).activities.is_empty(),
            "the first half has no annex"
        );
        let cut_in_annex = cut(parse, DOCUMENT, 8).activities.len();
        assert!(cut_in_annex > 0 && cut_in_annex < 52);
        parse("Annex\n| 1.x | 1.1 |\n| | | | | |\n| 9. g | x | | | | |\n| 1. g | 1.1. r | a 1.1.1. b |");
    }

    #[test]
    fn helpers_read_their_variants() {
        assert_eq!(
            result_deadline("By the end of 2012 at least 6 day care centres"),
            Some("By the end of 2012".to_owned())
        );
        assert_eq!(
            result_deadline("Until end of 2012, journalists"),
            Some("Until end of 2012".to_owned())
        );
        assert_eq!(result_deadline("Established mechanisms"), None);
        assert_eq!(
            correct_mol("Mol, MLSP and Mole (Mol)"),
            ("MoI, MLSP and Mole (MoI)".to_owned(), true)
        );
        let (before, split) = split_activities("x 7.2.3.. Further 7.2.4. Organizing");
        assert_eq!(before, "x");
        assert_eq!(
            split,
            [
                ("7.2.3".to_owned(), "Further".to_owned()),
                ("7.2.4".to_owned(), "Organizing".to_owned())
            ]
        );
    }
}
