//! Template views of the published statistics: tables, charts and their downloads.
//!
//! Everything here reads [`crate::stats::Statistics`], which holds only the published form of
//! each cell, so a view cannot show a withheld count; percentages are computed from published
//! counts only.

use fluent_bundle::FluentArgs;
use serde::Serialize;

use super::LinkView;
use super::chart::{Bar, bar_chart};
use super::data::{SourceView, TextView, Views};
use crate::i18n::Strings;
use crate::stats::{Coords, Shown, Statistics, Table};

/// One cell as a table shows it.
#[derive(Serialize)]
struct CellView {
    text: String,
    /// `count`, `small`, `withheld` or `unavailable`, for styling.
    class: &'static str,
}

/// A row of a table: its label, whether it is the total row, and its cells.
#[derive(Serialize)]
struct RowView {
    label: TextView,
    total: bool,
    cells: Vec<CellView>,
}

/// A statistics table ready for a template.
#[derive(Serialize)]
pub(super) struct TableView {
    id: String,
    url: String,
    title: TextView,
    description: Option<TextView>,
    measure: TextView,
    source: SourceView,
    notes: Vec<TextView>,
    /// The label of the column of row labels.
    corner: TextView,
    columns: Vec<TextView>,
    rows: Vec<RowView>,
    chart: String,
    csv: String,
    json: String,
    /// Whether any cell is withheld, so the page explains why.
    protected: bool,
}

/// The text a published cell is shown as in locale `locale` ("fewer than 11" for a small count).
pub fn shown_text(strings: &Strings, locale: &str, threshold: u64, shown: Shown) -> String {
    let t = |key: &str, args: Option<&FluentArgs>| strings.get(locale, key, args).unwrap_or_default();
    match shown {
        Shown::Count(n) => strings.format_number(locale, n as f64, 0),
        Shown::Small => {
            let mut args = FluentArgs::new();
            args.set("k", threshold);
            t("stat-small", Some(&args))
        }
        Shown::Withheld => t("stat-withheld", None),
        Shown::Unavailable => t("stat-unavailable", None),
    }
}

/// The published form of a cell named by a shortcode or template call: `table` names the table
/// and every other argument a dimension's value; dimensions left out are totals.
pub fn lookup_text(
    stats: &Statistics,
    strings: &Strings,
    locale: &str,
    args: &[(String, String)],
) -> Result<String, String> {
    let table = args
        .iter()
        .find(|(k, _)| k == "table")
        .map(|(_, v)| v.as_str())
        .ok_or("name the table: stat(table=\"…\", …)")?;
    let named: Vec<(&str, &str)> = args
        .iter()
        .filter(|(k, _)| k != "table")
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let shown = stats.lookup(table, &named)?;
    Ok(shown_text(strings, locale, stats.threshold, shown))
}

/// `stat(table="…", year="2017")` in templates: the published form of that cell.
pub(super) fn stat(
    stats: &Statistics,
    strings: &Strings,
    locale: &str,
    kwargs: &minijinja::value::Kwargs,
) -> Result<String, minijinja::Error> {
    let mut pairs = Vec::new();
    for name in kwargs.args() {
        let value: minijinja::Value = kwargs.get(name)?;
        let text = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
        pairs.push((name.to_owned(), text));
    }
    pairs.sort();
    lookup_text(stats, strings, locale, &pairs).map_err(|e| super::template_error(format!("stat(): {e}")))
}

impl Views<'_> {
    /// The text a published cell is shown as.
    pub(super) fn shown(&self, shown: Shown) -> String {
        shown_text(self.strings, &self.locale.code, self.site.stats.threshold, shown)
    }

    fn cell(&self, shown: Shown) -> CellView {
        CellView {
            text: self.shown(shown),
            class: match shown {
                Shown::Count(_) => "count",
                Shown::Small => "small",
                Shown::Withheld => "withheld",
                Shown::Unavailable => "unavailable",
            },
        }
    }

    /// Every table, for the statistics page.
    pub(super) fn stat_tables(&self) -> Vec<TableView> {
        (0..self.site.stats.tables.len()).map(|t| self.stat_table(t)).collect()
    }

    /// One table with its chart and downloads.
    pub(super) fn stat_table(&self, t: usize) -> TableView {
        let stats = &self.site.stats;
        let table = &stats.tables[t];
        let label = |d: usize, v: Option<usize>| match v {
            Some(v) => self.text(&table.dimensions[d].values[v].label),
            None => self.plain(self.t("stat-total")),
        };
        let choices = |d: usize| -> Vec<Option<usize>> {
            let dim = &table.dimensions[d];
            (0..dim.values.len())
                .map(Some)
                .chain(dim.total.then_some(None))
                .collect()
        };
        let (columns, rows) = if table.dimensions.len() == 1 {
            let total = table.dimensions[0].total.then(|| stats.shown(t, &[None]));
            let mut columns = vec![self.plain(self.t("stat-count"))];
            if total.is_some() {
                columns.push(self.plain(self.t("stat-share")));
            }
            let rows = choices(0)
                .into_iter()
                .map(|v| {
                    let shown = stats.shown(t, &[v]);
                    let mut cells = vec![self.cell(shown)];
                    if let Some(total) = total {
                        cells.push(CellView {
                            text: self.share(shown, total),
                            class: "share",
                        });
                    }
                    RowView {
                        label: label(0, v),
                        total: v.is_none(),
                        cells,
                    }
                })
                .collect();
            (columns, rows)
        } else {
            let columns = choices(1).into_iter().map(|c| label(1, c)).collect();
            let rows = choices(0)
                .into_iter()
                .map(|r| RowView {
                    label: label(0, r),
                    total: r.is_none(),
                    cells: choices(1)
                        .into_iter()
                        .map(|c| self.cell(stats.shown(t, &[r, c])))
                        .collect(),
                })
                .collect();
            (columns, rows)
        };
        let protected = table
            .all_coords()
            .iter()
            .any(|c| matches!(stats.shown(t, c), Shown::Small | Shown::Withheld));
        TableView {
            id: table.id.clone(),
            url: self.url(&crate::site::statistic_path(&table.id)),
            title: self.text(&table.title),
            description: table.description.as_ref().map(|d| self.text(d)),
            measure: self.text(&table.measure),
            source: self.source(&table.source),
            notes: table.notes.iter().map(|n| self.text(n)).collect(),
            corner: self.text(&table.dimensions[0].label),
            columns,
            rows,
            chart: self.stat_chart(t, table),
            csv: crate::opendata::statistic_file(&table.id, "csv"),
            json: crate::opendata::statistic_file(&table.id, "json"),
            protected,
        }
    }

    /// A bar per detailed cell; withheld cells get no bar, only their text.
    fn stat_chart(&self, t: usize, table: &Table) -> String {
        let stats = &self.site.stats;
        let cells: Vec<Coords> = table
            .all_coords()
            .into_iter()
            .filter(|c| c.iter().all(Option::is_some))
            .collect();
        let bars: Vec<Bar> = cells
            .iter()
            .map(|c| {
                let label = c
                    .iter()
                    .enumerate()
                    .map(|(d, v)| self.text(&table.dimensions[d].values[v.unwrap_or(0)].label).text)
                    .collect::<Vec<_>>()
                    .join(" · ");
                let shown = stats.shown(t, c);
                let (value, text, class) = match shown {
                    Shown::Count(n) => (n as usize, None, "stat-count"),
                    other => (0, Some(self.shown(other)), "stat-withheld"),
                };
                Bar {
                    label,
                    value,
                    class: class.into(),
                    text,
                }
            })
            .collect();
        let description = bars
            .iter()
            .map(|b| format!("{}: {}", b.label, b.text.clone().unwrap_or_else(|| b.value.to_string())))
            .collect::<Vec<_>>()
            .join("; ");
        bar_chart(
            &format!("stat-{}", table.id),
            &self.text(&table.title).text,
            &description,
            &bars,
        )
    }

    /// `part` as a percentage of `total`, where both are published.
    fn share(&self, part: Shown, total: Shown) -> String {
        match (part, total) {
            (Shown::Count(p), Shown::Count(t)) if t > 0 => {
                format!(
                    "{} %",
                    self.strings
                        .format_number(&self.locale.code, p as f64 * 100.0 / t as f64, 0)
                )
            }
            _ => "–".to_owned(),
        }
    }

    fn plain(&self, text: String) -> TextView {
        TextView::plain(text, &self.locale.tag)
    }

    /// The breadcrumbs of a table's page: the statistics page.
    pub(super) fn statistics_crumbs(&self) -> Vec<LinkView> {
        vec![LinkView {
            title: self.statistics_title(),
            url: self.url(crate::site::STATISTICS_PATH),
            current: false,
        }]
    }

    /// The statistics page's title: its curated page's, or the interface's.
    pub(super) fn statistics_title(&self) -> String {
        let site = self.site;
        site.data_groups
            .get(crate::site::STATISTICS_PATH)
            .and_then(|&g| site.groups[g].sources.get(&self.locale.language))
            .map(|&s| self.locale.localize(&site.sources[s].front.title))
            .unwrap_or_else(|| self.t("statistics-title"))
    }
}
