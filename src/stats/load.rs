//! Reading statistics tables: `content/statistics/ID.toml` and its counts.
//!
//! Counts come either aggregated (`data = "ID.csv"`: a column per dimension and `count`, one
//! row per cell, `NA` where the source gives none) or as records (`records = "…"`: one row per
//! person, counted here). Record files are refused when a column identifies people — names,
//! birth dates, addresses, phone numbers, e-mail, personal or document numbers, exact dates or
//! ages — so such data must be dropped or coarsened (date → year, age → age group) first.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Counts, DimValue, Dimension, RawTable, STATS_DIR, Table};
use crate::diagnostics::{Diagnostic, Diagnostics, line_of, read_text, toml_files};
use crate::plan::{Source, Text};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    title: Text,
    #[serde(default)]
    description: Option<Text>,
    measure: Text,
    #[serde(default)]
    source: Option<Source>,
    #[serde(default)]
    notes: Vec<Text>,
    #[serde(default)]
    population: Option<String>,
    #[serde(default)]
    data: Option<String>,
    #[serde(default)]
    records: Option<String>,
    #[serde(default = "yes")]
    show_zero: bool,
    #[serde(default)]
    order: i64,
    #[serde(default)]
    fixed: BTreeMap<String, String>,
    #[serde(default)]
    dimension: Vec<RawDimension>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDimension {
    id: String,
    label: Text,
    #[serde(default = "yes")]
    total: bool,
    values: Vec<RawValue>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawValue {
    Id(String),
    Labelled { id: String, label: Text },
}

fn yes() -> bool {
    true
}

/// Loads every table under [`STATS_DIR`]; problems are reported, and a table with any is left out.
pub fn load(root: &Path, diagnostics: &Diagnostics) -> Vec<RawTable> {
    toml_files(&root.join(STATS_DIR))
        .iter()
        .filter_map(|path| {
            let shown = path.strip_prefix(root).unwrap_or(path).to_path_buf();
            load_table(root, path, &shown)
                .map_err(|e| e.into_iter().for_each(|d| diagnostics.push(d)))
                .ok()
        })
        .collect()
}

fn load_table(root: &Path, path: &Path, shown: &Path) -> Result<RawTable, Vec<Diagnostic>> {
    let text = read_text(path, shown).map_err(|d| vec![d])?;
    let raw: RawFile = toml::from_str(&text).map_err(|e| {
        vec![Diagnostic::error(
            shown,
            e.span().map(|s| line_of(&text, s.start)),
            e.message().trim().to_owned(),
        )]
    })?;
    let id = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
    let error = |message: String| Diagnostic::error(shown, None, message);
    let mut errors = Vec::new();
    if raw.source.is_none() {
        errors.push(error(format!("the table {id} has no source")).with_hint(
            "add [source] with `document` (and `page` or `url`): statistics are published only with where they come from",
        ));
    }
    if raw.dimension.is_empty() || raw.dimension.len() > 2 {
        errors.push(error(format!(
            "the table {id} has {} dimensions; a table has one or two",
            raw.dimension.len()
        )));
    }
    let dimensions: Vec<Dimension> = raw
        .dimension
        .into_iter()
        .map(|d| Dimension {
            values: d
                .values
                .into_iter()
                .map(|v| match v {
                    RawValue::Id(id) => DimValue {
                        label: Text::from([("en".to_owned(), id.clone())]),
                        id,
                    },
                    RawValue::Labelled { id, label } => DimValue { id, label },
                })
                .collect(),
            id: d.id,
            label: d.label,
            total: d.total,
        })
        .collect();
    for d in &dimensions {
        if let Some(what) = identifying(&d.id) {
            errors.push(error(format!(
                "the dimension `{}` holds {what}, which identifies people",
                d.id
            )));
        }
    }
    let counts = match (&raw.data, &raw.records) {
        (Some(_), Some(_)) => Err(vec![error("give either `data` or `records`, not both".into())]),
        (Some(data), None) => aggregated(&path.with_file_name(data), &shown.with_file_name(data), &dimensions),
        (None, Some(records)) => {
            let file = path.parent().unwrap_or(root).join(records);
            let shown_records = lexical(&shown.parent().unwrap_or(Path::new("")).join(records));
            if file.starts_with(root.join(crate::pipeline::STATIC_DIR)) {
                Err(vec![error(format!(
                    "the records {records} are inside static/, which is published"
                ))])
            } else {
                count_records(&file, &shown_records, &dimensions)
            }
        }
        (None, None) => {
            let data = format!("{id}.csv");
            aggregated(&path.with_file_name(&data), &shown.with_file_name(&data), &dimensions)
        }
    };
    let counts = counts.map_err(|e| errors.extend(e)).unwrap_or_default();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(RawTable {
        table: Table {
            population: raw.population.unwrap_or_else(|| id.clone()),
            id,
            file: shown.to_path_buf(),
            title: raw.title,
            description: raw.description,
            measure: raw.measure,
            source: raw.source.expect("checked above"),
            notes: raw.notes,
            fixed: raw.fixed,
            dimensions,
            order: raw.order,
        },
        show_zero: raw.show_zero,
        counts,
    })
}

/// Reads an aggregated table: a column per dimension and `count`.
fn aggregated(path: &Path, shown: &Path, dims: &[Dimension]) -> Result<Counts, Vec<Diagnostic>> {
    let (columns, rows) = read_csv(path, shown)?;
    let mut errors = Vec::new();
    let count_col = columns.iter().position(|c| c == "count");
    if count_col.is_none() {
        errors.push(Diagnostic::error(shown, Some(1), "the CSV has no `count` column"));
    }
    refuse_identifying(&columns, shown, &mut errors);
    for c in &columns {
        if c != "count" && !dims.iter().any(|d| &d.id == c) {
            errors.push(Diagnostic::error(
                shown,
                Some(1),
                format!("the column `{c}` is not a dimension of the table"),
            ));
        }
    }
    let positions = dim_columns(&columns, dims, shown, &mut errors);
    let (Some(count_col), Some(positions)) = (count_col, positions) else {
        return Err(errors);
    };
    let mut counts = HashMap::new();
    for (line, row) in rows {
        let Some(cell) = cell_of(&row, &positions, dims, shown, line, &mut errors) else {
            continue;
        };
        let raw = row.get(count_col).map(|s| s.trim()).unwrap_or("");
        let value = match raw {
            "NA" => None,
            n => match n.parse::<u64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errors.push(Diagnostic::error(
                        shown,
                        Some(line),
                        format!("the count `{n}` is not a whole number (write NA where the source gives none)"),
                    ));
                    continue;
                }
            },
        };
        if counts.insert(cell, value).is_some() {
            errors.push(Diagnostic::error(shown, Some(line), "this cell is given twice"));
        }
    }
    let expected: usize = dims.iter().map(|d| d.values.len()).product();
    if errors.is_empty() && counts.len() != expected {
        let missing: Vec<String> = every_cell(dims)
            .filter(|c| !counts.contains_key(c))
            .take(5)
            .map(|c| describe(dims, &c))
            .collect();
        errors.push(
            Diagnostic::error(shown, None, format!("cells without a row: {}", missing.join("; ")))
                .with_hint("give every combination a row; write 0 for none and NA where the source gives no figure"),
        );
    }
    if errors.is_empty() { Ok(counts) } else { Err(errors) }
}

/// Counts records (one row per person) by the table's dimensions.
fn count_records(path: &Path, shown: &Path, dims: &[Dimension]) -> Result<Counts, Vec<Diagnostic>> {
    let (columns, rows) = read_csv(path, shown)?;
    let mut errors = Vec::new();
    refuse_identifying(&columns, shown, &mut errors);
    let positions = dim_columns(&columns, dims, shown, &mut errors);
    for (line, row) in &rows {
        for (value, column) in row.iter().zip(&columns) {
            if is_exact_date(value.trim()) {
                errors.push(
                    Diagnostic::error(
                        shown,
                        Some(*line),
                        format!(
                            "the column `{column}` holds an exact date ({}), which identifies people",
                            value.trim()
                        ),
                    )
                    .with_hint("coarsen dates to the year (or drop the column) before the build reads the records"),
                );
            }
        }
    }
    let Some(positions) = positions.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    let mut counts: Counts = every_cell(dims).map(|c| (c, Some(0))).collect();
    for (line, row) in rows {
        if let Some(cell) = cell_of(&row, &positions, dims, shown, line, &mut errors) {
            if let Some(Some(n)) = counts.get_mut(&cell) {
                *n += 1;
            }
        }
    }
    if errors.is_empty() { Ok(counts) } else { Err(errors) }
}

/// `path` with `..` resolved against the components before it, for messages.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

type Rows = Vec<(usize, Vec<String>)>;

/// Reads a CSV with a header: its columns and its rows with their lines.
fn read_csv(path: &Path, shown: &Path) -> Result<(Vec<String>, Rows), Vec<Diagnostic>> {
    let text = read_text(path, shown).map_err(|d| vec![d])?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let columns: Vec<String> = reader
        .headers()
        .map_err(|e| {
            vec![Diagnostic::error(
                shown,
                Some(1),
                format!("the header cannot be read: {e}"),
            )]
        })?
        .iter()
        .map(|c| c.trim().to_owned())
        .collect();
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line() as usize);
                rows.push((line, r.iter().map(str::to_owned).collect()));
            }
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                errors.push(Diagnostic::error(shown, line, format!("this row cannot be read: {e}")));
            }
        }
    }
    if errors.is_empty() {
        Ok((columns, rows))
    } else {
        Err(errors)
    }
}

fn refuse_identifying(columns: &[String], shown: &Path, errors: &mut Vec<Diagnostic>) {
    for c in columns {
        if let Some(what) = identifying(c) {
            errors.push(
                Diagnostic::error(
                    shown,
                    Some(1),
                    format!("the column `{c}` holds {what}, which identifies people"),
                )
                .with_hint(
                    "drop the column, or coarsen it (date → year, age → age group), before the build reads the file",
                ),
            );
        }
    }
}

/// What a column of this name would hold, if it identifies people.
fn identifying(column: &str) -> Option<&'static str> {
    let c: String = column.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect();
    const KINDS: &[(&[&str], &str)] = &[
        (
            &[
                "dateofbirth",
                "birthdate",
                "birthday",
                "dob",
                "born",
                "datumrodjenja",
                "datumrođenja",
            ],
            "birth dates",
        ),
        (
            &[
                "name",
                "firstname",
                "lastname",
                "surname",
                "fullname",
                "ime",
                "prezime",
                "imeiprezime",
            ],
            "names",
        ),
        (&["address", "street", "adresa", "ulica", "residence"], "addresses"),
        (
            &["phone", "telephone", "mobile", "tel", "telefon", "mobilni"],
            "phone numbers",
        ),
        (&["email", "mail", "emailaddress"], "e-mail addresses"),
        (
            &[
                "personalnumber",
                "jmbg",
                "embg",
                "passport",
                "passportnumber",
                "idnumber",
                "nationalid",
                "ssn",
                "idcard",
            ],
            "personal or document numbers",
        ),
        (&["age", "years", "godine", "starost", "ageyears"], "exact ages"),
    ];
    if let Some((_, what)) = KINDS.iter().find(|(names, _)| names.contains(&c.as_str())) {
        return Some(what);
    }
    (c.contains("date") || c.contains("datum")).then_some("exact dates")
}

/// Whether `s` is a calendar date (2017-03-05, 5.3.2017, 05/03/2017).
fn is_exact_date(s: &str) -> bool {
    let s = s.trim_end_matches('.');
    ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%m/%d/%Y", "%d. %m. %Y"]
        .iter()
        .any(|f| chrono::NaiveDate::parse_from_str(s, f).is_ok())
}

/// Where each dimension's column is; `None` (with errors) if any is missing.
fn dim_columns(
    columns: &[String],
    dims: &[Dimension],
    shown: &Path,
    errors: &mut Vec<Diagnostic>,
) -> Option<Vec<usize>> {
    let positions: Vec<Option<usize>> = dims.iter().map(|d| columns.iter().position(|c| *c == d.id)).collect();
    for (d, p) in dims.iter().zip(&positions) {
        if p.is_none() {
            errors.push(Diagnostic::error(
                shown,
                Some(1),
                format!("the CSV has no column `{}` for that dimension", d.id),
            ));
        }
    }
    positions.into_iter().collect()
}

/// The cell a row belongs to, reporting values that are not in the dimension's list.
fn cell_of(
    row: &[String],
    positions: &[usize],
    dims: &[Dimension],
    shown: &Path,
    line: usize,
    errors: &mut Vec<Diagnostic>,
) -> Option<Vec<usize>> {
    let mut cell = Vec::new();
    for (d, &p) in dims.iter().zip(positions) {
        let value = row.get(p).map(|s| s.trim()).unwrap_or("");
        match d.values.iter().position(|v| v.id == value) {
            Some(i) => cell.push(i),
            None => {
                let known: Vec<&str> = d.values.iter().map(|v| v.id.as_str()).collect();
                errors.push(Diagnostic::error(
                    shown,
                    Some(line),
                    format!("`{value}` is not a value of `{}` (known: {})", d.id, known.join(", ")),
                ));
                return None;
            }
        }
    }
    Some(cell)
}

fn every_cell(dims: &[Dimension]) -> impl Iterator<Item = Vec<usize>> + '_ {
    let total: usize = dims.iter().map(|d| d.values.len()).product();
    (0..total).map(move |mut n| {
        let mut cell = vec![0; dims.len()];
        for (i, d) in dims.iter().enumerate().rev() {
            cell[i] = n % d.values.len();
            n /= d.values.len();
        }
        cell
    })
}

fn describe(dims: &[Dimension], cell: &[usize]) -> String {
    dims.iter()
        .zip(cell)
        .map(|(d, &v)| format!("{} = {}", d.id, d.values[v].id))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifying_columns_are_named() {
        assert_eq!(identifying("Date of birth"), Some("birth dates"));
        assert_eq!(identifying("JMBG"), Some("personal or document numbers"));
        assert_eq!(identifying("referral_date"), Some("exact dates"));
        assert_eq!(identifying("E-mail"), Some("e-mail addresses"));
        assert_eq!(identifying("age"), Some("exact ages"));
        assert_eq!(identifying("age_group"), None);
        assert_eq!(identifying("year"), None);
        assert_eq!(identifying("citizenship"), None);
    }

    #[test]
    fn exact_dates_are_recognised() {
        assert!(is_exact_date("2017-03-05"));
        assert!(is_exact_date("5.3.2017."));
        assert!(!is_exact_date("2017"));
        assert!(!is_exact_date("female"));
    }
}
