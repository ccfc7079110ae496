//! Anonymized statistics: tables of counts, protected before anything is rendered.
//!
//! `content/statistics/ID.toml` describes a table (title, measure, source, one or two
//! dimensions) and names its counts: an aggregated CSV (`data`, one row per cell) or record-level
//! CSV kept outside the published tree (`records`), which the build counts itself after refusing
//! any column that identifies people ([`load`]).
//!
//! [`Statistics::publish`] then applies disclosure control ([`disclosure`]) to every table of a
//! population together and keeps **only the published form** of each cell ([`Shown`]): the true
//! counts are dropped, so no page, chart, shortcode or download can show what was withheld.

pub mod disclosure;
pub mod load;
pub mod shortcode;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::plan::{Source, Text};
use disclosure::{Equation, Protection, Quantity};

/// Where statistics tables live, relative to the site root.
pub const STATS_DIR: &str = "content/statistics";

/// One value of a dimension (e.g. `female` of `sex`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimValue {
    /// Its id, as in the CSV.
    pub id: String,
    /// Its label per language (the id where none is given).
    pub label: Text,
}

/// A dimension of a table (e.g. year, sex, age group, form of exploitation).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dimension {
    /// Its id: the CSV column.
    pub id: String,
    /// Its label per language.
    pub label: Text,
    /// Whether counts add up across its values, so that the table has a total for it.
    pub total: bool,
    /// Its values, in the order shown.
    pub values: Vec<DimValue>,
}

/// A table as it is published: what it counts and where from, without its true counts.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// Its id (the file name), used in URLs and downloads.
    pub id: String,
    /// The TOML file, relative to the site root.
    pub file: PathBuf,
    /// Its title per language.
    pub title: Text,
    /// A longer description.
    pub description: Option<Text>,
    /// What is counted (e.g. "identified victims").
    pub measure: Text,
    /// Where the counts come from.
    pub source: Source,
    /// Notes, e.g. where the source contradicts itself.
    pub notes: Vec<Text>,
    /// Tables of one population count the same people and are protected together.
    pub population: String,
    /// Coordinates every cell shares (e.g. `year = 2017` for a table of one year).
    pub fixed: BTreeMap<String, String>,
    /// One or two dimensions.
    pub dimensions: Vec<Dimension>,
    /// Where the table is listed (lower first).
    pub order: i64,
}

/// A cell's coordinates: a value index per dimension, `None` for the total over it.
pub type Coords = Vec<Option<usize>>;

impl Table {
    /// Every cell of the table, margins included, rows before their totals.
    pub fn all_coords(&self) -> Vec<Coords> {
        let mut all: Vec<Coords> = vec![Vec::new()];
        for dim in &self.dimensions {
            let choices: Vec<Option<usize>> = (0..dim.values.len())
                .map(Some)
                .chain(dim.total.then_some(None))
                .collect();
            all = all
                .into_iter()
                .flat_map(|c| {
                    choices.iter().map(move |&v| {
                        let mut c = c.clone();
                        c.push(v);
                        c
                    })
                })
                .collect();
        }
        all
    }

    /// The coordinates named by (dimension id, value id) pairs; dimensions not named are totals.
    pub fn coords_of(&self, named: &[(&str, &str)]) -> Result<Coords, String> {
        for (dim, _) in named {
            if !self.dimensions.iter().any(|d| d.id == *dim) {
                return Err(format!("the table {} has no dimension `{dim}`", self.id));
            }
        }
        self.dimensions
            .iter()
            .map(|d| match named.iter().find(|(dim, _)| *dim == d.id) {
                Some((_, value)) => d.values.iter().position(|v| v.id == *value).map(Some).ok_or_else(|| {
                    let known: Vec<&str> = d.values.iter().map(|v| v.id.as_str()).collect();
                    format!("`{value}` is not a value of `{}` (known: {})", d.id, known.join(", "))
                }),
                None if d.total => Ok(None),
                None => Err(format!("name a value of `{}`: its values do not add up", d.id)),
            })
            .collect()
    }

    /// The cell's identity across the tables of its population: its fixed and named coordinates.
    fn key(&self, coords: &[Option<usize>]) -> BTreeMap<String, String> {
        let mut key = self.fixed.clone();
        for (dim, c) in self.dimensions.iter().zip(coords) {
            if let Some(v) = c {
                key.insert(dim.id.clone(), dim.values[*v].id.clone());
            }
        }
        key
    }
}

/// What the public sees of one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "shown", content = "count", rename_all = "kebab-case")]
pub enum Shown {
    /// The count (rounded where the site rounds).
    Count(u64),
    /// A count from 1 to k−1 (or a hidden zero): "fewer than k".
    Small,
    /// Withheld so that a small count cannot be worked out from it.
    Withheld,
    /// The source does not give it.
    Unavailable,
}

/// The count of every detailed cell (a value index per dimension); `None` where the source gives
/// none.
pub type Counts = HashMap<Vec<usize>, Option<u64>>;

/// A table's counts as the source gives them, before disclosure control; only [`load`] makes
/// them and only [`Statistics::publish`] reads them.
#[derive(Debug, Clone)]
pub struct RawTable {
    /// The description.
    pub table: Table,
    /// Whether zeros are published (otherwise they are withheld like small counts).
    pub show_zero: bool,
    /// The count of every detailed cell (no totals); `None` where the source gives none.
    pub counts: Counts,
}

impl RawTable {
    /// The true count of a cell, margins summed; `None` if any part is not available.
    fn count(&self, coords: &[Option<usize>]) -> Option<u64> {
        self.counts
            .iter()
            .filter(|(cell, _)| cell.iter().zip(coords).all(|(v, c)| c.is_none_or(|c| c == *v)))
            .try_fold(0, |sum, (_, v)| v.map(|v| sum + v))
    }
}

/// The published statistics of the site.
#[derive(Debug, Default)]
pub struct Statistics {
    /// The tables, in the order listed.
    pub tables: Vec<Table>,
    /// The threshold k: counts from 1 to k−1 are withheld.
    pub threshold: u64,
    /// The base published counts are rounded to, if any.
    pub round_to: Option<u64>,
    shown: Vec<HashMap<Coords, Shown>>,
}

impl Statistics {
    /// Protects every population's tables together and keeps only what may be published.
    /// Tables of one population that disagree about a shared count are errors.
    pub fn publish(
        mut raw: Vec<RawTable>,
        threshold: u64,
        round_to: Option<u64>,
        diagnostics: &Diagnostics,
    ) -> Statistics {
        raw.sort_by(|a, b| (a.table.order, &a.table.id).cmp(&(b.table.order, &b.table.id)));
        let mut shown: Vec<HashMap<Coords, Shown>> = vec![HashMap::new(); raw.len()];
        let mut populations: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, t) in raw.iter().enumerate() {
            populations.entry(&t.table.population).or_default().push(i);
        }
        // Populations share no counts: each is protected on its own, all at once.
        let populations: Vec<&Vec<usize>> = populations.values().collect();
        let protected: Vec<Vec<(usize, HashMap<Coords, Shown>)>> = populations
            .into_par_iter()
            .map(|members| protect_population(&raw, members, threshold, round_to, diagnostics))
            .collect();
        for (t, cells) in protected.into_iter().flatten() {
            shown[t] = cells;
        }
        Statistics {
            tables: raw.into_iter().map(|r| r.table).collect(),
            threshold,
            round_to,
            shown,
        }
    }

    /// What is published for a cell of table `table`.
    pub fn shown(&self, table: usize, coords: &[Option<usize>]) -> Shown {
        self.shown[table].get(coords).copied().unwrap_or(Shown::Unavailable)
    }

    /// The table with id `id`.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.tables.iter().position(|t| t.id == id)
    }

    /// What is published for the cell named by (dimension, value) pairs of table `id`.
    pub fn lookup(&self, id: &str, named: &[(&str, &str)]) -> Result<Shown, String> {
        let t = self.find(id).ok_or_else(|| {
            let known: Vec<&str> = self.tables.iter().map(|t| t.id.as_str()).collect();
            if known.is_empty() {
                format!("there is no statistics table `{id}`: content/statistics/ has none")
            } else {
                format!("there is no statistics table `{id}` (known: {})", known.join(", "))
            }
        })?;
        Ok(self.shown(t, &self.tables[t].coords_of(named)?))
    }
}

/// What is published of each table of one population (`members`, indexes into `raw`): its
/// counts and margins protected together.
fn protect_population(
    raw: &[RawTable],
    members: &[usize],
    threshold: u64,
    round_to: Option<u64>,
    diagnostics: &Diagnostics,
) -> Vec<(usize, HashMap<Coords, Shown>)> {
    let mut quantities: Vec<Quantity> = Vec::new();
    let mut keys: HashMap<BTreeMap<String, String>, (usize, usize)> = HashMap::new();
    let mut index: Vec<HashMap<Coords, usize>> = vec![HashMap::new(); raw.len()];
    for &t in members {
        let table = &raw[t];
        for coords in table.table.all_coords() {
            let key = table.table.key(&coords);
            let value = table.count(&coords);
            let q = match keys.get(&key) {
                Some(&(q, other)) => {
                    if quantities[q].value != value {
                        diagnostics.push(conflict(
                            &raw[other].table,
                            &table.table,
                            &key,
                            quantities[q].value,
                            value,
                        ));
                    }
                    quantities[q].hide_zero |= !table.show_zero;
                    q
                }
                None => {
                    quantities.push(Quantity {
                        value,
                        hide_zero: !table.show_zero,
                        detail: key.len(),
                    });
                    keys.insert(key, (quantities.len() - 1, t));
                    quantities.len() - 1
                }
            };
            index[t].insert(coords, q);
        }
    }
    let mut equations: BTreeSet<Equation> = BTreeSet::new();
    for &t in members {
        let table = &raw[t].table;
        for (coords, &q) in &index[t] {
            for (d, dim) in table.dimensions.iter().enumerate() {
                if coords[d].is_none() {
                    let parts = (0..dim.values.len())
                        .map(|v| {
                            let mut c = coords.clone();
                            c[d] = Some(v);
                            index[t][&c]
                        })
                        .collect();
                    equations.insert(Equation { total: q, parts });
                }
            }
        }
    }
    let equations: Vec<Equation> = equations.into_iter().collect();
    let status = disclosure::protect(&quantities, &equations, threshold);
    members
        .iter()
        .map(|&t| {
            let cells = std::mem::take(&mut index[t])
                .into_iter()
                .map(|(coords, q)| {
                    let cell = match status[q] {
                        Protection::Published => Shown::Count(round(quantities[q].value.unwrap_or(0), round_to)),
                        Protection::Primary => Shown::Small,
                        Protection::Complementary => Shown::Withheld,
                        Protection::Unavailable => Shown::Unavailable,
                    };
                    (coords, cell)
                })
                .collect();
            (t, cells)
        })
        .collect()
}

/// Rounds `n` to the nearest multiple of `base` (halves up); zero stays zero.
fn round(n: u64, base: Option<u64>) -> u64 {
    match base {
        Some(b) if b > 1 => (n + b / 2) / b * b,
        _ => n,
    }
}

fn conflict(
    first: &Table,
    second: &Table,
    key: &BTreeMap<String, String>,
    a: Option<u64>,
    b: Option<u64>,
) -> Diagnostic {
    let cell: Vec<String> = key.iter().map(|(k, v)| format!("{k} = {v}")).collect();
    let shown = |v: Option<u64>| v.map_or("not available".to_owned(), |v| v.to_string());
    Diagnostic::error(
        &second.file,
        None,
        format!(
            "the tables {} and {} count the same people ({}) but give {} and {}",
            first.id,
            second.id,
            if cell.is_empty() { "in total".to_owned() } else { cell.join(", ") },
            shown(a),
            shown(b)
        ),
    )
    .with_hint("tables with the same `population` must agree on every total they share; give one of them another population if they count different people")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dim(id: &str, values: &[&str], total: bool) -> Dimension {
        Dimension {
            id: id.into(),
            label: Text::new(),
            total,
            values: values
                .iter()
                .map(|v| DimValue {
                    id: (*v).into(),
                    label: Text::new(),
                })
                .collect(),
        }
    }

    fn raw(id: &str, population: &str, dims: Vec<Dimension>, counts: &[(&[usize], u64)]) -> RawTable {
        RawTable {
            table: Table {
                id: id.into(),
                file: format!("{id}.toml").into(),
                title: Text::new(),
                description: None,
                measure: Text::new(),
                source: Source {
                    document: "test".into(),
                    page: None,
                    url: None,
                },
                notes: Vec::new(),
                population: population.into(),
                fixed: BTreeMap::new(),
                dimensions: dims,
                order: 0,
            },
            show_zero: true,
            counts: counts.iter().map(|(c, v)| (c.to_vec(), Some(*v))).collect(),
        }
    }

    #[test]
    fn tables_of_one_population_are_protected_together() {
        // By sex: nothing small in the second table alone, but its year totals are shared.
        let by_sex = raw(
            "sex",
            "p",
            vec![dim("year", &["2015", "2016"], true), dim("sex", &["f", "m"], true)],
            &[(&[0, 0], 32), (&[0, 1], 8), (&[1, 0], 47), (&[1, 1], 12)],
        );
        let by_age = raw(
            "age",
            "p",
            vec![
                dim("year", &["2015", "2016"], true),
                dim("age", &["child", "adult"], true),
            ],
            &[(&[0, 0], 24), (&[0, 1], 16), (&[1, 0], 21), (&[1, 1], 38)],
        );
        let d = Diagnostics::new();
        let stats = Statistics::publish(vec![by_sex, by_age], 11, None, &d);
        assert!(!d.has_errors());
        let sex = stats.find("sex").unwrap();
        assert_eq!(stats.shown(sex, &[Some(0), Some(1)]), Shown::Small);
        assert_eq!(stats.shown(sex, &[Some(0), Some(0)]), Shown::Withheld);
        assert_eq!(stats.lookup("age", &[("year", "2015")]).unwrap(), Shown::Count(40));
        assert!(
            stats
                .lookup("age", &[("year", "2014")])
                .unwrap_err()
                .contains("known: 2015, 2016")
        );
    }

    #[test]
    fn tables_that_disagree_are_an_error() {
        let a = raw("a", "p", vec![dim("year", &["2015"], true)], &[(&[0], 40)]);
        let b = raw("b", "p", vec![dim("year", &["2015"], true)], &[(&[0], 41)]);
        let d = Diagnostics::new();
        Statistics::publish(vec![a, b], 11, None, &d);
        let errors = d.into_sorted();
        assert!(
            errors
                .iter()
                .any(|e| e.message.contains("year = 2015") && e.message.contains("40 and 41")),
            "{errors:?}"
        );
    }

    #[test]
    fn rounding_applies_to_published_counts_only() {
        assert_eq!(round(12, Some(5)), 10);
        assert_eq!(round(13, Some(5)), 15);
        assert_eq!(round(0, Some(5)), 0);
        assert_eq!(round(13, None), 13);
    }
}
