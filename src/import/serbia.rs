//! The Serbian National Plan of Action to Combat Trafficking in Human Beings 2009–2011 (OSCE
//! unofficial translation).
//!
//! The plan is capitalised area headings → `Strategic goal: N. … by means of:` with its specific
//! goals listed below it (`N.M. …`, the measure level) → one pipe table per specific goal with
//! the columns activity | performer | deadline | resources | indicators. Tables break at page
//! breaks: an empty header row and a separator restart the table, and the rows after the break
//! whose first cell holds no id continue the cells of the row above. The fifth area (monitoring
//! and evaluation) has no heading: it is only the paragraph of goal 11, whose activities are
//! numbered `11.N` and have no specific goal. Everything before the first strategic goal (the
//! Government's conclusion with its signatories, the introduction) is not part of the plan.
//!
//! The cell and name helpers at the end of this file are shared with the other importers.

use super::cells::{
    capitalise, check_numbering, doubt, en, excerpt, fit_columns, is_heading, is_rule, join_continuation, leading_id,
    list_item, one_line, parent_id, sentence_case, split_names, split_row,
};
use super::{ImportedActivity, ImportedPlan};
use crate::plan::{Activity, Area, Goal, Measure, Text};

/// Reads the plan from the whole document.
pub fn parse(text: &str) -> ImportedPlan {
    let mut parser = Parser::new(introduction_areas(text));
    for (index, line) in text.lines().enumerate() {
        parser.line(index + 1, line.trim());
    }
    parser.finish()
}

/// The columns of an activity table.
const COLUMNS: usize = 5;
const TEXT: usize = 0;
const PERFORMER: usize = 1;
const DEADLINE: usize = 2;
const RESOURCES: usize = 3;
const INDICATORS: usize = 4;

/// The first cell of a table's header row, followed by the specific goal's id.
const TABLE_HEADER: &str = "Activities for reaching a specific goal:";

/// An activity row with the cells of its continuation rows joined in.
struct RawActivity {
    line: usize,
    id: String,
    goal: String,
    measure: Option<String>,
    cells: Vec<String>,
}

/// The area titles the introduction lists (`… divided into five areas: a; b; …`), with its line.
struct IntroductionAreas {
    line: usize,
    titles: Vec<String>,
}

/// Reads the document line by line into the plan.
struct Parser {
    plan: ImportedPlan,
    introduction: Option<IntroductionAreas>,
    /// A capitalised heading not yet turned into an area.
    heading: Option<String>,
    goal: Option<String>,
    /// While the specific goals of the current goal are listed: how many so far.
    listing: Option<usize>,
    /// The specific goal of the current table (none for goal 11's table).
    measure: Option<String>,
    rows: Vec<RawActivity>,
    /// Whether a row may continue the last activity (false after a new table header or goal).
    continuable: bool,
    /// Whether a page break (blank line or empty header row) came since the last table row.
    after_break: bool,
}

impl Parser {
    fn new(introduction: Option<IntroductionAreas>) -> Self {
        Parser {
            plan: ImportedPlan::default(),
            introduction,
            heading: None,
            goal: None,
            listing: None,
            measure: None,
            rows: Vec::new(),
            continuable: false,
            after_break: false,
        }
    }

    fn doubt(&mut self, line: usize, message: impl Into<String>) {
        self.plan.doubts.push(doubt(line, message));
    }

    /// Reads one trimmed line.
    fn line(&mut self, n: usize, line: &str) {
        if line.is_empty() {
            self.after_break = true;
        } else if line.starts_with('|') {
            self.table_row(n, line);
        } else if let Some(rest) = line.strip_prefix("Strategic goal:") {
            self.strategic_goal(n, rest.trim());
        } else if is_heading(line) {
            self.heading = Some(line.to_owned());
        } else if let Some(goal) = self.goal.clone() {
            self.body_text(n, &goal, line);
        }
        // Before the first goal: the Government's conclusion and the introduction.
    }

    /// A line of text after the first goal: a goal written as a bare paragraph, a specific goal
    /// being listed, or text the importer cannot place.
    fn body_text(&mut self, n: usize, goal: &str, line: &str) {
        if let Some((id, paragraph)) = leading_id(line, 1).filter(|(id, _)| is_next_goal(id, goal)) {
            self.paragraph_goal(n, id, paragraph);
        } else if let Some(count) = self.listing {
            self.listing = Some(count + 1);
            self.specific_goal(n, goal, count + 1, line);
        } else {
            self.doubt(n, format!("text not placed in the plan: “{}”", excerpt(line)));
        }
    }

    fn strategic_goal(&mut self, n: usize, rest: &str) {
        let Some((id, title)) = leading_id(rest, 1) else {
            self.doubt(
                n,
                format!("strategic goal without a number, not imported: “{}”", excerpt(rest)),
            );
            return;
        };
        if let Some(heading) = self.heading.take() {
            self.push_area(sentence_case(&heading));
        } else if self.plan.areas.is_empty() {
            self.doubt(n, format!("goal {id} comes before any area heading"));
        }
        self.listing = title.ends_with(':').then_some(0);
        self.push_goal(n, id, goal_title(title));
    }

    /// Goal 11: a numbered paragraph with neither a `Strategic goal:` line nor an area heading.
    fn paragraph_goal(&mut self, n: usize, id: String, paragraph: &str) {
        let title = first_sentence(paragraph);
        if let Some(heading) = self.heading.take() {
            self.push_area(sentence_case(&heading));
        } else {
            let index = self.plan.areas.len();
            let named = self
                .introduction
                .as_ref()
                .and_then(|intro| Some((intro.line, intro.titles.get(index)?)));
            let message = match named {
                Some((line, name)) => {
                    self.push_area(name.clone());
                    format!(
                        "goal {id} has no area heading: area {} is titled from the introduction (line {line})",
                        index + 1
                    )
                }
                None => {
                    self.push_area(title.clone());
                    format!(
                        "goal {id} has no area heading: area {} is titled after the goal",
                        index + 1
                    )
                }
            };
            self.doubt(n, message);
        }
        self.doubt(
            n,
            format!(
                "goal {id} is a paragraph without a “Strategic goal:” line: its first sentence is the title, \
                 the rest of the paragraph is not imported"
            ),
        );
        self.listing = None;
        self.push_goal(n, id, title);
    }

    /// A specific goal listed under its goal; goals 7 and 10 list them without numbers.
    fn specific_goal(&mut self, n: usize, goal: &str, position: usize, line: &str) {
        let item = line.strip_prefix("- ").unwrap_or(line);
        let (id, title) = match leading_id(item, 2) {
            Some((id, title)) => {
                if parent_id(&id) != goal {
                    self.doubt(n, format!("specific goal {id} is listed under goal {goal}"));
                }
                (id, title)
            }
            None => {
                let id = format!("{goal}.{position}");
                self.doubt(
                    n,
                    format!("specific goal without a number in the document: given id {id}"),
                );
                (id, item)
            }
        };
        self.push_measure(n, id, goal, en(&list_item(title)));
    }

    fn table_row(&mut self, n: usize, line: &str) {
        self.listing = None;
        let cells = split_row(line);
        if cells.iter().all(|cell| is_rule(cell)) {
            return;
        }
        if cells.iter().all(|cell| cell.is_empty()) {
            self.after_break = true;
            return;
        }
        if let Some(rest) = cells[0].strip_prefix(TABLE_HEADER) {
            self.table_header(n, rest.trim());
        } else {
            let cells = fit_columns(n, cells, COLUMNS, &mut self.plan.doubts);
            match leading_id(&cells[TEXT], 2) {
                Some((id, text)) => {
                    let text = text.to_owned();
                    self.activity_row(n, id, text, cells);
                }
                None => self.continuation_row(n, &cells),
            }
        }
        self.after_break = false;
    }

    fn table_header(&mut self, n: usize, id_text: &str) {
        self.continuable = false;
        self.measure = None;
        let Some(goal) = self.goal.clone() else {
            self.doubt(n, "activity table before any goal: its rows are not imported");
            return;
        };
        if id_text.is_empty() {
            return;
        }
        let Some((id, _)) = leading_id(id_text, 2) else {
            self.doubt(
                n,
                format!("table header names no specific goal (“{id_text}”): rows read under goal {goal}"),
            );
            return;
        };
        if !self.plan.measures.iter().any(|m| m.id == id) {
            self.doubt(
                n,
                format!("table of specific goal {id}, which goal {goal} does not list: added without a title"),
            );
            self.push_measure(n, id.clone(), &goal, Text::new());
        }
        self.measure = Some(id);
    }

    fn activity_row(&mut self, n: usize, id: String, text: String, mut cells: Vec<String>) {
        let Some(goal) = self.goal.clone() else {
            self.doubt(n, format!("activity {id} comes before any goal: not imported"));
            return;
        };
        let parent = self.measure.clone().unwrap_or_else(|| goal.clone());
        if parent_id(&id) != parent {
            self.doubt(n, format!("activity {id} is in the table of {parent}"));
        }
        cells[TEXT] = text;
        self.rows.push(RawActivity {
            line: n,
            id,
            goal,
            measure: self.measure.clone(),
            cells,
        });
        self.continuable = true;
    }

    /// A row whose first cell holds no id: its cells continue the cells of the row above.
    fn continuation_row(&mut self, n: usize, cells: &[String]) {
        let after_break = self.after_break;
        let last = self.rows.last_mut().filter(|_| self.continuable);
        let Some(last) = last else {
            let text = cells
                .iter()
                .filter(|c| !c.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" | ");
            self.doubt(
                n,
                format!(
                    "row without an activity id and no activity to continue: “{}”",
                    excerpt(&text)
                ),
            );
            return;
        };
        for (cell, more) in last.cells.iter_mut().zip(cells) {
            *cell = join_continuation(cell, more);
        }
        if !after_break {
            let id = last.id.clone();
            self.doubt(
                n,
                format!("row without an id and without a page break before it: joined to activity {id}"),
            );
        }
    }

    fn push_area(&mut self, title: String) {
        let id = (self.plan.areas.len() + 1).to_string();
        self.plan.areas.push(Area { id, title: en(&title) });
    }

    fn push_goal(&mut self, n: usize, id: String, title: String) {
        if self.plan.goals.iter().any(|g| g.id == id) {
            self.doubt(n, format!("goal {id} appears twice"));
        }
        self.plan.goals.push(Goal {
            id: id.clone(),
            area: self.plan.areas.last().map(|a| a.id.clone()),
            title: en(&title),
        });
        self.goal = Some(id);
        self.measure = None;
        self.continuable = false;
    }

    fn push_measure(&mut self, n: usize, id: String, goal: &str, title: Text) {
        if self.plan.measures.iter().any(|m| m.id == id) {
            self.doubt(n, format!("specific goal {id} appears twice"));
        }
        self.plan.measures.push(Measure {
            id,
            goal: Some(goal.to_owned()),
            title,
        });
    }

    fn finish(mut self) -> ImportedPlan {
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
        let names = split_names(&raw.cells[PERFORMER]);
        for name in names
            .responsible
            .iter()
            .chain(&names.partners)
            .filter(|name| looks_garbled(name))
        {
            self.plan.doubts.push(doubt(
                raw.line,
                format!(
                    "activity {}: performer “{name}” looks garbled by a page break; kept as written",
                    raw.id
                ),
            ));
        }
        if let Some(words) = raw.cells.iter().find_map(|cell| missing_word(cell)) {
            self.plan.doubts.push(doubt(
                raw.line,
                format!(
                    "activity {}: “{words}” — a word seems lost at a page break; kept as written",
                    raw.id
                ),
            ));
        }
        ImportedActivity {
            activity: Activity {
                id: raw.id,
                goal: raw.goal,
                measure: raw.measure,
                text: en(&one_line(&raw.cells[TEXT])),
                deadline: one_line(&raw.cells[DEADLINE]),
                resources: en(&one_line(&raw.cells[RESOURCES])),
                indicators: raw.cells[INDICATORS].lines().map(en).collect(),
                source_line: Some(raw.line),
                ..Activity::default()
            },
            responsible: names.responsible,
            partners: names.partners,
        }
    }
}

/// The area titles listed in the introduction: `… were divided into five areas: a; b; c.`
fn introduction_areas(text: &str) -> Option<IntroductionAreas> {
    text.lines().enumerate().find_map(|(index, line)| {
        let (_, list) = line.split_once("areas:")?;
        let titles = first_sentence(list.trim())
            .split(';')
            .map(|title| capitalise(title.trim().trim_end_matches('.')))
            .filter(|title| !title.is_empty())
            .collect();
        Some(IntroductionAreas {
            line: index + 1,
            titles,
        })
    })
}

/// Whether `id` is the number of the goal after `goal`.
fn is_next_goal(id: &str, goal: &str) -> bool {
    matches!((id.parse::<u32>(), goal.parse::<u32>()), (Ok(next), Ok(current)) if next == current + 1)
}

/// A goal's title without its closing `by means of:` or `including the following:`.
fn goal_title(title: &str) -> String {
    let title = title.trim_end_matches(':').trim_end();
    let title = ["by means of", "including the following"]
        .iter()
        .find_map(|tail| title.strip_suffix(tail))
        .unwrap_or(title);
    title.trim_end().to_owned()
}

/// The first sentence of a paragraph.
fn first_sentence(paragraph: &str) -> String {
    paragraph
        .match_indices(". ")
        .find(|(at, _)| paragraph[at + 2..].starts_with(|c: char| c.is_uppercase()))
        .map_or(paragraph, |(at, _)| &paragraph[..=at])
        .to_owned()
}

/// A performer name in which "Ministry" appears twice, as page breaks left some.
fn looks_garbled(name: &str) -> bool {
    name.matches("Ministry").count() > 1
}

/// Words that show a word was lost, as `the for` in “The first meeting of the for Combating …”.
fn missing_word(cell: &str) -> Option<String> {
    let words: Vec<&str> = cell.split_whitespace().collect();
    words.windows(2).find_map(|pair| {
        let lost = matches!(pair[0].to_lowercase().as_str(), "the" | "a" | "an")
            && matches!(pair[1], "for" | "of" | "in" | "to" | "and" | "with" | "the");
        lost.then(|| pair.join(" "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::cells::NAMES_WITH_COMMAS;
    use crate::import::cells::testing::{activity, assert_reads_empty_and_crlf, cut, english, has_doubt};

    const DOCUMENT: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/sources/rs-npa-2009-2011.txt"));

    /// The ids at the start of the first cell of table rows, found without the parser.
    fn ids_in_document() -> Vec<String> {
        DOCUMENT
            .lines()
            .filter_map(|line| line.strip_prefix("| "))
            .filter_map(|row| {
                let first = row.split('|').next()?.trim().trim_start_matches("<p>");
                let id: String = first.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
                (id.starts_with(|c: char| c.is_ascii_digit()) && id.contains('.'))
                    .then(|| id.trim_end_matches('.').to_owned())
            })
            .collect()
    }

    #[test]
    fn counts_match_the_document() {
        let plan = parse(DOCUMENT);
        assert_eq!(plan.areas.len(), 5);
        assert_eq!(plan.goals.len(), 11);
        assert_eq!(plan.measures.len(), 33);
        assert_eq!(plan.activities.len(), 123);
        let per_goal: Vec<usize> = plan
            .goals
            .iter()
            .map(|g| plan.activities.iter().filter(|a| a.activity.goal == g.id).count())
            .collect();
        assert_eq!(per_goal, [24, 7, 7, 5, 22, 8, 6, 11, 15, 14, 4]);
        let areas: Vec<_> = plan.goals.iter().map(|g| g.area.as_deref().unwrap_or("")).collect();
        assert_eq!(areas, ["1", "1", "1", "1", "2", "2", "3", "3", "3", "4", "5"]);
    }

    #[test]
    fn activity_ids_are_those_of_the_document() {
        let plan = parse(DOCUMENT);
        let ids: Vec<_> = plan.activities.iter().map(|a| a.activity.id.clone()).collect();
        assert_eq!(ids, ids_in_document());
        assert!(ids.contains(&"8.2.1".to_owned()));
    }

    #[test]
    fn areas_goals_and_specific_goals_have_their_titles() {
        let plan = parse(DOCUMENT);
        assert_eq!(
            english(&plan.areas[2].title),
            "Assistance, protection, and re-integration of victims"
        );
        assert_eq!(
            english(&plan.areas[4].title),
            "Monitoring the implementation of mechanism for combating trafficking in human beings and evaluation of \
             results"
        );
        assert_eq!(
            english(&plan.goals[5].title),
            "Reducing risk factors and susceptibility"
        );
        assert!(english(&plan.goals[10].title).starts_with("In order to establish a successful National Mechanism"));
        let m94 = plan.measures.iter().find(|m| m.id == "9.4").map(|m| english(&m.title));
        assert_eq!(m94, Some("Providing adequate housing for victims of human trafficking"));
        let m72 = plan.measures.iter().find(|m| m.id == "7.2").map(|m| english(&m.title));
        assert_eq!(
            m72,
            Some(
                "Achieving adequate identification of victims and facilitated self-identification of trafficked persons"
            )
        );
        let goal11: Vec<_> = plan.activities.iter().filter(|a| a.activity.goal == "11").collect();
        assert!(goal11.iter().all(|a| a.activity.measure.is_none()));
    }

    #[test]
    fn a_row_continued_across_a_page_break_is_joined() {
        let plan = parse(DOCUMENT);
        let a = activity(&plan, "1.2.2");
        assert_eq!(
            english(&a.activity.text),
            "Drafting a plan of priority activities to be financed from the budget of the Republic of Serbia"
        );
        assert_eq!(
            a.responsible,
            [
                "Council for Combating Trafficking in Human Beings",
                "Ministry of Interior",
                "Ministry of Finance",
                "Coordinator for Combating Trafficking in Human Beings",
                "Advisory Body of the Republic Team for Combating Trafficking in Human Beings",
            ]
        );
        assert_eq!(a.activity.deadline, "2009");
        assert_eq!(english(&a.activity.resources), "Additional resources are not required");
        assert_eq!(a.activity.indicators.len(), 1);
        assert_eq!(
            english(&a.activity.indicators[0]),
            "Drafted plan of priority activities to be financed from the budget of the Republic of Serbia"
        );
        assert_eq!(a.activity.source_line, Some(90));
    }

    #[test]
    fn a_continuation_in_the_header_position_is_joined() {
        let plan = parse(DOCUMENT);
        let a = activity(&plan, "3.1.2");
        assert_eq!(
            a.responsible,
            [
                "Coordinator for Combating Trafficking in Human Beings",
                "Heads of Groups of the Republic Team for Combating Trafficking in Human Beings",
            ]
        );
        let a = activity(&plan, "10.2.1");
        assert_eq!(
            a.responsible,
            [
                "Republic Public Prosecutor",
                "Coordinator for Combating Trafficking in Human Beings",
                "Justice and Police Group"
            ]
        );
        assert_eq!(
            english(&a.activity.resources),
            "Resources to be provided from the budget of the Republic of Serbia and donations"
        );
    }

    #[test]
    fn cells_in_paragraph_markup_are_read() {
        let plan = parse(DOCUMENT);
        let a = activity(&plan, "4.1.1");
        assert_eq!(
            english(&a.activity.text),
            "Working meeting dedicated to development and standardization of indicators in the field of human trafficking"
        );
        assert_eq!(
            a.responsible[..3],
            [
                "Ministry of Justice",
                "Ministry of Interior",
                "Justice and Police Group"
            ]
        );
        assert_eq!(
            a.partners,
            ["Republic Statistical Institute and international research institutes"]
        );
        assert_eq!(
            english(&a.activity.resources),
            "Resources to be provided from the budget of the Republic of Serbia"
        );
        let a = activity(&plan, "9.1.5");
        assert_eq!(
            english(&a.activity.text),
            "Securing funds for providing victims with regular psycho-social, legal and other types of assistance"
        );
        assert_eq!(a.activity.deadline, "2009–2011");
        assert_eq!(
            english(&a.activity.indicators[0]),
            "Funds obtained Total funds Number of organizations and institutions that received funds Number of beneficiaries"
        );
        assert_eq!(a.partners, ["service providers"]);
    }

    #[test]
    fn performers_are_split_into_institutions_and_partners() {
        let plan = parse(DOCUMENT);
        let a = activity(&plan, "1.1.1");
        assert_eq!(
            a.responsible,
            [
                "Coordinator for Combating Trafficking in Human Beings",
                "Advisory Body of the Republic Team for Combating Trafficking in Human Beings",
            ]
        );
        let a = activity(&plan, "8.2.6");
        assert_eq!(a.partners, ["non-governmental, international, and other organizations"]);
        let a = activity(&plan, "6.1.3");
        assert_eq!(
            a.partners,
            [
                "Ministry of Telecommunications and Information Society",
                "relevant non-governmental organizations"
            ]
        );
        let a = activity(&plan, "10.1.3");
        assert_eq!(a.partners, [NAMES_WITH_COMMAS[0]]);
        assert_eq!(a.responsible.len(), 5);
        let a = activity(&plan, "7.2.1");
        assert_eq!(
            a.responsible,
            [
                "Ministry of Interior",
                "Coordinator for Combating Trafficking in Human Beings",
                "Assistance and Protection Group",
                "Republic Team for Combating Trafficking in Human Beings",
                "Prevention and Education Group",
            ]
        );
    }

    #[test]
    fn the_last_line_is_read() {
        let plan = parse(DOCUMENT);
        let a = plan.activities.last().map(|a| &a.activity);
        assert_eq!(a.map(|a| a.id.as_str()), Some("11.4"));
        assert_eq!(a.and_then(|a| a.source_line), Some(503));
        let a = activity(&plan, "11.3");
        assert!(english(&a.activity.indicators[0]).ends_with("Thematic comprehensiveness Methodological quality Sources of information (level of participation and reliability) Use of results"));
    }

    #[test]
    fn doubts_name_their_lines() {
        let plan = parse(DOCUMENT);
        assert!(has_doubt(&plan, 290, "“Ministry of Ministry of Justice of Health”"));
        assert!(has_doubt(&plan, 279, "“Ministry of Health Ministry”"));
        for (line, id) in [
            (317, "7.1"),
            (319, "7.2"),
            (437, "10.1"),
            (438, "10.2"),
            (439, "10.3"),
            (440, "10.4"),
        ] {
            assert!(has_doubt(&plan, line, &format!("given id {id}")), "line {line}");
        }
        assert!(has_doubt(&plan, 488, "titled from the introduction (line 48)"));
        assert!(has_doubt(&plan, 488, "goal 11 is a paragraph"));
        assert!(has_doubt(&plan, 490, "not placed"));
        assert!(has_doubt(&plan, 492, "not placed"));
        assert!(has_doubt(&plan, 74, "“the for”"));
        assert_eq!(plan.doubts.len(), 13, "{:#?}", plan.doubts);
    }

    #[test]
    fn odd_input_does_not_panic() {
        assert_reads_empty_and_crlf(parse, DOCUMENT);
        assert_eq!(parse(&DOCUMENT.replace('\n', "\r\n")).activities.len(), 123);
        let truncated = cut(parse, DOCUMENT, 5);
        assert!(!truncated.activities.is_empty() && truncated.activities.len() < 123);
        parse("| 1.1.1. x |\n| | y |\n| | | | | |\nStrategic goal: x\n11. y");
    }

    #[test]
    fn numbering_gaps_and_repeats_are_doubts() {
        let make = |id: &str, line| ImportedActivity {
            activity: Activity {
                id: id.to_owned(),
                source_line: Some(line),
                ..Activity::default()
            },
            ..ImportedActivity::default()
        };
        let activities = [make("1.1.1", 1), make("1.1.3", 2), make("1.1.3", 3), make("1.2.2", 4)];
        let mut doubts = Vec::new();
        check_numbering(&activities, &mut doubts);
        let lines: Vec<_> = doubts.iter().map(|d| d.line).collect();
        assert_eq!(lines, [2, 3, 4]);
    }

    #[test]
    fn ids_are_read_in_their_variants() {
        assert_eq!(leading_id("1.1.3. Text", 2), Some(("1.1.3".to_owned(), "Text")));
        assert_eq!(leading_id("8.2.1 Text", 2), Some(("8.2.1".to_owned(), "Text")));
        assert_eq!(
            leading_id("1.1.1.Harmonizing", 2),
            Some(("1.1.1".to_owned(), "Harmonizing"))
        );
        assert_eq!(leading_id("7.2.3.. Further", 2), Some(("7.2.3".to_owned(), "Further")));
        assert_eq!(leading_id("11. In order", 1), Some(("11".to_owned(), "In order")));
        assert_eq!(leading_id("2009–2011", 1), None);
        assert_eq!(leading_id("2009 and beyond", 1), None);
        assert_eq!(leading_id("Text", 1), None);
    }
}
