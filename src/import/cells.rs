//! Helpers the importers share: table cells, ids, institution names and numbering checks.

use std::collections::{HashMap, HashSet};

use super::{Doubt, ImportedActivity};
use crate::plan::Text;

/// A doubt on a line.
pub(super) fn doubt(line: usize, message: impl Into<String>) -> Doubt {
    Doubt {
        line,
        message: message.into(),
    }
}

/// English text.
pub(super) fn en(text: &str) -> Text {
    text_in("en", text)
}

/// Text in one language; empty text gives an empty map.
pub(super) fn text_in(language: &str, text: &str) -> Text {
    let mut map = Text::new();
    if !text.is_empty() {
        map.insert(language.to_owned(), text.to_owned());
    }
    map
}

/// The start of a long text, for messages.
pub(super) fn excerpt(text: &str) -> String {
    const LENGTH: usize = 70;
    match text.char_indices().nth(LENGTH) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// A heading in capitals, such as `PREVENTION` (no digits, no tabs, not ending with a colon).
pub(super) fn is_heading(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    line.starts_with(|c: char| c.is_uppercase())
        && letters >= 3
        && !line.ends_with(':')
        && !line
            .chars()
            .any(|c| c.is_lowercase() || c.is_ascii_digit() || c == '\t' || c == '*')
}

/// A heading in capitals as a sentence: `ASSISTANCE, PROTECTION` → `Assistance, protection`.
pub(super) fn sentence_case(heading: &str) -> String {
    capitalise(&heading.to_lowercase())
}

/// The text with its first letter in upper case.
pub(super) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A listed item without its closing punctuation (`;`, `.`, `, and`; the dot of `etc.` stays).
pub(super) fn list_item(text: &str) -> String {
    let text = text.trim_end_matches(|c: char| c == ';' || c == '.' || c == ',' || c.is_whitespace());
    let text = text.strip_suffix(", and").unwrap_or(text);
    let text = text.trim_end_matches([';', ',', '.']).trim_end();
    if text.ends_with("etc") {
        format!("{text}.")
    } else {
        text.to_owned()
    }
}

/// The cells of a pipe-table row, trimmed (not yet cleaned of markup).
pub(super) fn split_row(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = line.strip_suffix('|').unwrap_or(line);
    line.split('|').map(|cell| cell.trim().to_owned()).collect()
}

/// A separator cell such as `---` or `:--`.
pub(super) fn is_rule(cell: &str) -> bool {
    !cell.is_empty() && cell.chars().all(|c| c == '-' || c == ':')
}

/// The row's cells cleaned of markup, exactly `width` of them: missing cells are added empty and
/// extra cells joined into the last one, each with a doubt.
pub(super) fn fit_columns(line: usize, cells: Vec<String>, width: usize, doubts: &mut Vec<Doubt>) -> Vec<String> {
    let mut cells: Vec<String> = cells.iter().map(|cell| clean_cell(cell)).collect();
    if cells.len() < width {
        doubts.push(doubt(
            line,
            format!(
                "row has {} cells, not {width}: the missing ones are left empty",
                cells.len()
            ),
        ));
        cells.resize(width, String::new());
    } else if cells.len() > width {
        doubts.push(doubt(
            line,
            format!(
                "row has {} cells, not {width}: the extra ones are joined to the last",
                cells.len()
            ),
        ));
        let extra = cells.split_off(width);
        let last = &mut cells[width - 1];
        *last = std::iter::once(last.as_str())
            .chain(extra.iter().map(String::as_str))
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
    }
    cells
}

/// A cell without markup: `<p>` blocks become lines, other tags (`<i>`, `</i>`) are removed and
/// whitespace is collapsed within each line.
pub(super) fn clean_cell(cell: &str) -> String {
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut rest = cell;
    while let Some(start) = rest.find('<') {
        current.push_str(&rest[..start]);
        let from = &rest[start..];
        match from.find('>').map(|end| (&from[1..end], end)) {
            Some((tag, end)) if is_tag(tag) => {
                if tag.trim_start_matches('/').eq_ignore_ascii_case("p") {
                    blocks.push(std::mem::take(&mut current));
                }
                rest = &from[end + 1..];
            }
            _ => {
                current.push('<');
                rest = &from[1..];
            }
        }
    }
    current.push_str(rest);
    blocks.push(current);
    blocks
        .iter()
        .map(|block| block.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|block| !block.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The name of an HTML tag as the documents use them: `p`, `/p`, `i`, `/i`.
fn is_tag(tag: &str) -> bool {
    let name = tag.strip_prefix('/').unwrap_or(tag);
    (1..=6).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphabetic())
}

/// A cleaned cell on one line.
pub(super) fn one_line(cell: &str) -> String {
    cell.lines().collect::<Vec<_>>().join(" ")
}

/// The id at the start of a cell and the text after it: `1.1.3. Text`, `8.2.1 Text`,
/// `1.1.1.Text`, `7.2.3.. Text`, `11. Text`. The id has at least `min_parts` numbers; an id of
/// one number must end with a dot, so that a year is not read as an id.
pub(super) fn leading_id(text: &str, min_parts: usize) -> Option<(String, &str)> {
    let bytes = text.as_bytes();
    let (mut at, mut parts, mut end, mut dotted) = (0, 0, 0, false);
    loop {
        let start = at;
        while bytes.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        if at == start {
            break;
        }
        parts += 1;
        end = at;
        dotted = bytes.get(at) == Some(&b'.');
        if !dotted {
            break;
        }
        at += 1;
    }
    while bytes.get(at) == Some(&b'.') {
        at += 1;
    }
    let rest = &text[at..];
    let follows_well = rest
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || c.is_alphabetic());
    let enough = parts >= min_parts.max(1) && (parts > 1 || dotted);
    (enough && follows_well).then(|| (text[..end].to_owned(), rest.trim_start()))
}

/// An id without its last number: `1.1` for `1.1.3`.
pub(super) fn parent_id(id: &str) -> &str {
    id.rsplit_once('.').map_or("", |(parent, _)| parent)
}

/// A cell continued after a page break: joined with a space, or without one where a word was
/// broken with a hyphen (`consequen-` + `ces`).
pub(super) fn join_continuation(cell: &str, more: &str) -> String {
    if more.is_empty() {
        return cell.to_owned();
    }
    if cell.is_empty() {
        return more.to_owned();
    }
    match cell.strip_suffix('-') {
        Some(stem) if stem.ends_with(char::is_alphabetic) && more.starts_with(char::is_lowercase) => {
            format!("{stem}{more}")
        }
        _ => format!("{cell} {more}"),
    }
}

/// Institution names read from a cell.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Names {
    /// Responsible institutions, in the order written.
    pub responsible: Vec<String>,
    /// Institutions named after `in cooperation with` and the like.
    pub partners: Vec<String>,
}

/// Phrases after which a cell names partners rather than responsible institutions.
const PARTNER_MARKERS: [&str; 4] = [
    "in cooperation with",
    "in coordination with",
    "in partnership with",
    "in collaboration with",
];

/// Names that contain commas, kept whole.
pub(super) const NAMES_WITH_COMMAS: [&str; 1] = [
    "Commission for Harmonizing Actions and Improving Cooperation in the Field of \
     Justice and Internal Affairs regarding the Issues of Public Interest, Particularly related to Combating \
     Corruption, Organized Crime, Terrorism, Drugs, Human Trafficking, Property Confiscation, Money Laundering and \
     Other Related Issues",
];

/// How the name after an ` and ` starts when the ` and ` separates two institutions rather than
/// being part of one name (`Ministry of Labour and Social Policy`).
const NAME_STARTS: [&str; 21] = [
    "Ministry",
    "Council",
    "Coordinator",
    "Advisory Body",
    "Agency",
    "Government",
    "Head of",
    "Heads of",
    "Group for",
    "Assistance and Protection Group",
    "Prevention and Education Group",
    "Justice and Police Group",
    "Judiciary and Police Group",
    "Republic ",
    "National ",
    "Police Directorate",
    "Office",
    "State ",
    "Supreme ",
    "Commissariat",
    "relevant ",
];

/// Splits a cell of institutions into names: at `<p>` blocks, commas, semicolons and ` and `
/// before another institution. What follows `in cooperation with` (or `in coordination with`,
/// `in partnership with`, `in collaboration with`) are partners. Names are kept as written,
/// trimmed of punctuation and of a leading `the`; repeated names are kept once.
pub(super) fn split_names(cell: &str) -> Names {
    let lower = cell.to_ascii_lowercase();
    let marker = PARTNER_MARKERS
        .iter()
        .filter_map(|m| lower.find(m).map(|at| (at, m.len())))
        .min();
    let (own, partners) = match marker {
        Some((at, length)) => (&cell[..at], &cell[at + length..]),
        None => (cell, ""),
    };
    Names {
        responsible: names(own),
        partners: names(partners),
    }
}

fn names(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some((at, name)) = NAMES_WITH_COMMAS
        .iter()
        .filter_map(|n| rest.find(n).map(|at| (at, *n)))
        .min()
    {
        pieces.extend(split_plain(&rest[..at]));
        pieces.push(name.to_owned());
        rest = &rest[at + name.len()..];
    }
    pieces.extend(split_plain(rest));
    let mut seen = HashSet::new();
    pieces.into_iter().filter(|name| seen.insert(name.clone())).collect()
}

fn split_plain(text: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    for block in text.split('\n') {
        let mut adjectives: Option<String> = None;
        for piece in block.split([',', ';']) {
            let adjective = is_adjective(piece);
            let piece = match adjectives.take() {
                Some(before) => format!("{before},{piece}"),
                None => piece.to_owned(),
            };
            if adjective {
                adjectives = Some(piece);
            } else {
                pieces.push(piece);
            }
        }
        pieces.extend(adjectives);
    }
    pieces
        .iter()
        .flat_map(|piece| split_at_and(piece))
        .filter_map(clean_name)
        .collect()
}

/// A piece of a list of adjectives before their noun: the `non-governmental` and `international`
/// of `non-governmental, international, and other organizations`.
fn is_adjective(piece: &str) -> bool {
    let word = piece.trim();
    !word.contains(' ') && word.ends_with("al") && word.starts_with(char::is_lowercase)
}

fn split_at_and(piece: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, and) in piece.match_indices(" and ") {
        let right = &piece[at + and.len()..];
        let right = right.strip_prefix("the ").unwrap_or(right);
        if NAME_STARTS.iter().any(|name| right.starts_with(name)) {
            parts.push(&piece[start..at]);
            start = at + and.len();
        }
    }
    parts.push(&piece[start..]);
    parts
}

fn clean_name(piece: &str) -> Option<String> {
    let name = piece.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | '–' | '-'));
    let name = name.strip_prefix("and ").unwrap_or(name);
    let name = name.strip_prefix("the ").unwrap_or(name).trim();
    (!name.is_empty() && !matches!(name, "the" | "and" | "with")).then(|| name.to_owned())
}

/// Doubts for activity ids that appear twice and for gaps in numbering (`1.1.1`, `1.1.3`).
pub(super) fn check_numbering(activities: &[ImportedActivity], doubts: &mut Vec<Doubt>) {
    let mut seen = HashSet::new();
    let mut last: HashMap<&str, u32> = HashMap::new();
    for imported in activities {
        let id = imported.activity.id.as_str();
        let line = imported.activity.source_line.unwrap_or(0);
        if !seen.insert(id) {
            doubts.push(doubt(line, format!("activity id {id} appears twice")));
            continue;
        }
        let Some((parent, number)) = id.rsplit_once('.').and_then(|(p, n)| Some((p, n.parse::<u32>().ok()?))) else {
            continue;
        };
        match last.insert(parent, number) {
            Some(previous) if number != previous + 1 => doubts.push(doubt(
                line,
                format!("activity {id} follows {parent}.{previous}: numbering is not continuous"),
            )),
            None if number != 1 => doubts.push(doubt(line, format!("numbering under {parent} starts at {id}"))),
            _ => {}
        }
    }
}

/// Helpers the importers' tests share.
#[cfg(test)]
pub(super) mod testing {
    use crate::import::{ImportedActivity, ImportedPlan};
    use crate::plan::Text;

    /// The activity `id` of `plan`; panics naming it when it is missing.
    pub fn activity<'a>(plan: &'a ImportedPlan, id: &str) -> &'a ImportedActivity {
        plan.activities
            .iter()
            .find(|a| a.activity.id == id)
            .unwrap_or_else(|| panic!("no activity {id}"))
    }

    /// The English of `text`, or "".
    pub fn english(text: &Text) -> &str {
        text.get("en").map_or("", String::as_str)
    }

    /// `parse` reads `document` cut at `tenths` of its length (on a character boundary).
    pub fn cut(parse: fn(&str) -> ImportedPlan, document: &str, tenths: usize) -> ImportedPlan {
        let mut at = document.len() * tenths / 10;
        while !document.is_char_boundary(at) {
            at += 1;
        }
        parse(&document[..at])
    }

    /// Asserts that `parse` reads nothing from empty input and reads `document` with Windows
    /// line endings exactly as with Unix ones.
    pub fn assert_reads_empty_and_crlf(parse: fn(&str) -> ImportedPlan, document: &str) {
        assert!(parse("").activities.is_empty());
        let crlf = parse(&document.replace('\n', "\r\n"));
        let plain = parse(document);
        assert_eq!(crlf.doubts, plain.doubts);
        assert_eq!(
            crlf.activities.iter().map(|a| &a.activity).collect::<Vec<_>>(),
            plain.activities.iter().map(|a| &a.activity).collect::<Vec<_>>()
        );
    }

    /// Whether `plan` has a doubt on `line` whose message contains `words`.
    pub fn has_doubt(plan: &ImportedPlan, line: usize, words: &str) -> bool {
        plan.doubts.iter().any(|d| d.line == line && d.message.contains(words))
    }
}
