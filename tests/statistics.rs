//! Statistics: disclosure control that nothing published can undo, refusal of data that
//! identifies people, the pages and downloads, and the real figures against their document.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use common::{Site, stderr, texts};
use microlp::{ComparisonOp, OptimizationDirection, Problem, Variable};
use proptest::prelude::*;
use putokaz::diagnostics::Diagnostics;
use putokaz::plan::{Source, Text};
use putokaz::stats::{DimValue, Dimension, RawTable, Shown, Statistics, Table};

const K: u64 = 11;

fn dim(id: &str, n: usize) -> Dimension {
    Dimension {
        id: id.into(),
        label: Text::new(),
        total: true,
        values: (0..n)
            .map(|i| DimValue {
                id: format!("{id}{i}"),
                label: Text::new(),
            })
            .collect(),
    }
}

fn raw_table(id: &str, dims: Vec<Dimension>, counts: &[Vec<u64>], show_zero: bool) -> RawTable {
    let mut cells = HashMap::new();
    for (r, row) in counts.iter().enumerate() {
        for (c, &v) in row.iter().enumerate() {
            let key = if dims.len() == 1 { vec![c] } else { vec![r, c] };
            cells.insert(key, Some(v));
        }
    }
    RawTable {
        table: Table {
            id: id.into(),
            file: format!("content/statistics/{id}.toml").into(),
            title: Text::new(),
            description: None,
            measure: Text::new(),
            source: Source {
                document: "generated".into(),
                page: None,
                url: None,
            },
            notes: Vec::new(),
            population: "people".into(),
            fixed: BTreeMap::new(),
            dimensions: dims,
            order: 0,
        },
        show_zero,
        counts: cells,
    }
}

/// A cell's coordinates within a table.
type Cell = (Option<usize>, Option<usize>);

/// A cell of a table: (table, row or `None` for the total, column or `None`).
type At = (usize, Option<usize>, Option<usize>);

/// What an attacker sees: the published cells of two tables over the same people (rows × a and
/// rows × b), each with its margins. The attacker knows the tables count the same people, so
/// their row totals and grand totals are the same numbers.
struct Published {
    /// Per table: (row or None, column or None) → shown.
    cells: Vec<HashMap<Cell, Shown>>,
    rows: usize,
    cols: Vec<usize>,
    hide_zero: bool,
}

/// The smallest and largest value each withheld cell can take given everything published,
/// worked out from the published cells alone.
fn attack(p: &Published) -> Vec<(At, i64, i64)> {
    let mut results = Vec::new();
    let unknowns: Vec<At> = p
        .cells
        .iter()
        .enumerate()
        .flat_map(|(t, cells)| {
            cells
                .iter()
                .filter(|(_, s)| matches!(s, Shown::Small | Shown::Withheld))
                .map(move |(&(r, c), _)| (t, r, c))
        })
        .collect();
    for &target in &unknowns {
        let mut range = [0i64; 2];
        for (i, direction) in [OptimizationDirection::Minimize, OptimizationDirection::Maximize]
            .into_iter()
            .enumerate()
        {
            let mut problem = Problem::new(direction);
            let mut vars: HashMap<At, Variable> = HashMap::new();
            for &u in &unknowns {
                let bounds = match p.cells[u.0][&(u.1, u.2)] {
                    Shown::Small => (if p.hide_zero { 0 } else { 1 }, K as i32 - 1),
                    _ => (K as i32, 1_000_000),
                };
                vars.insert(u, problem.add_integer_var(if u == target { 1.0 } else { 0.0 }, bounds));
            }
            // A term is a variable or a known number.
            let term = |t: usize, r: Option<usize>, c: Option<usize>| match p.cells[t][&(r, c)] {
                Shown::Count(n) => Err(n as f64),
                _ => Ok(vars[&(t, r, c)]),
            };
            let mut relate = |parts: Vec<At>, total: At| {
                let mut terms = Vec::new();
                let mut rhs = 0.0;
                for (coefficient, (t, r, c)) in parts.into_iter().map(|x| (1.0, x)).chain([(-1.0, total)]) {
                    match term(t, r, c) {
                        Ok(v) => terms.push((v, coefficient)),
                        Err(n) => rhs -= coefficient * n,
                    }
                }
                if !terms.is_empty() {
                    problem.add_constraint(&terms, ComparisonOp::Eq, rhs);
                }
            };
            for (t, &cols) in p.cols.iter().enumerate() {
                let rows: Vec<Option<usize>> = (0..p.rows).map(Some).chain([None]).collect();
                let columns: Vec<Option<usize>> = (0..cols).map(Some).chain([None]).collect();
                for &r in &rows {
                    relate((0..cols).map(|c| (t, r, Some(c))).collect(), (t, r, None));
                }
                for &c in &columns {
                    relate((0..p.rows).map(|r| (t, Some(r), c)).collect(), (t, None, c));
                }
                if t > 0 {
                    // Shared margins: the other table's row totals are the same people.
                    for &r in &rows {
                        relate(vec![(t, r, None)], (0, r, None));
                    }
                }
            }
            let solution = problem
                .solve()
                .expect("the true table is a solution")
                .into_solution()
                .unwrap();
            range[i] = solution.objective().round() as i64;
        }
        results.push((target, range[0], range[1]));
    }
    results
}

fn table_strategy() -> impl Strategy<Value = (Vec<Vec<u64>>, Vec<Vec<u64>>, bool)> {
    (2usize..=4, 2usize..=4, 2usize..=3, any::<bool>()).prop_flat_map(|(rows, a, b, hide_zero)| {
        // Counts are mostly small, so that many cells must be withheld.
        let count = prop_oneof![3 => 0u64..12, 2 => 0u64..60];
        (
            proptest::collection::vec(proptest::collection::vec(count.clone(), a), rows),
            proptest::collection::vec(proptest::collection::vec(count, b), rows),
            Just(hide_zero),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Two random tables over the same people (rows × a, and rows × b whose rows add up to the
    /// same totals): after protection, no withheld cell can be pinned down from the published
    /// cells, margins and the other table; published counts are true and none is small.
    #[test]
    fn no_withheld_count_can_be_recovered((a, b, hide_zero) in table_strategy()) {
        // Make the second table count the same people per row as the first.
        let mut b = b;
        for (row_a, row_b) in a.iter().zip(b.iter_mut()) {
            let want: u64 = row_a.iter().sum();
            let have: u64 = row_b.iter().sum();
            let last = row_b.len() - 1;
            if have <= want {
                row_b[last] += want - have;
            } else {
                // Take the excess off the cells from the end.
                let mut excess = have - want;
                for cell in row_b.iter_mut().rev() {
                    let cut = excess.min(*cell);
                    *cell -= cut;
                    excess -= cut;
                }
            }
        }
        let rows = a.len();
        let d = Diagnostics::new();
        let tables = vec![
            raw_table("a", vec![dim("r", rows), dim("a", a[0].len())], &a, !hide_zero),
            raw_table("b", vec![dim("r", rows), dim("b", b[0].len())], &b, !hide_zero),
        ];
        let stats = Statistics::publish(tables, K, None, &d);
        prop_assert!(!d.has_errors());
        let truth = [&a, &b];
        let mut published = Published { cells: Vec::new(), rows, cols: vec![a[0].len(), b[0].len()], hide_zero };
        for (t, counts) in truth.iter().enumerate() {
            let index = stats.find(if t == 0 { "a" } else { "b" }).unwrap();
            let mut cells = HashMap::new();
            for r in (0..rows).map(Some).chain([None]) {
                for c in (0..counts[0].len()).map(Some).chain([None]) {
                    let shown = stats.shown(index, &[r, c]);
                    let true_value: u64 = (0..rows)
                        .filter(|&i| r.is_none_or(|r| r == i))
                        .flat_map(|i| (0..counts[0].len()).filter(move |&j| c.is_none_or(|c| c == j)).map(move |j| (i, j)))
                        .map(|(i, j)| counts[i][j])
                        .sum();
                    match shown {
                        Shown::Count(n) => {
                            prop_assert_eq!(n, true_value, "a published count is the true count");
                            prop_assert!(!(1..K).contains(&n), "a small count {} was published", n);
                            prop_assert!(!(hide_zero && n == 0), "a hidden zero was published");
                        }
                        Shown::Small => prop_assert!(true_value < K),
                        Shown::Withheld => prop_assert!(true_value >= K),
                        Shown::Unavailable => prop_assert!(false, "every count is available"),
                    }
                    cells.insert((r, c), shown);
                }
            }
            published.cells.push(cells);
        }
        for ((t, r, c), low, high) in attack(&published) {
            prop_assert!(low < high, "table {} cell ({:?}, {:?}) is pinned to {}", t, r, c, low);
        }
    }
}

const STATS_CONFIG_EXTRA: &str = "\n[statistics]\nthreshold = 5\n";

fn table_toml(extra: &str) -> String {
    format!(
        r#"title = {{ en = "Victims by sex", sr = "Жртве по полу" }}
measure = {{ en = "Identified victims", sr = "Идентификоване жртве" }}
{extra}
[[dimension]]
id = "year"
label = {{ en = "Year", sr = "Година" }}
values = ["2015", "2016"]

[[dimension]]
id = "sex"
label = {{ en = "Sex", sr = "Пол" }}
values = [{{ id = "female", label = {{ en = "Female", sr = "Женски" }} }}, {{ id = "male", label = {{ en = "Male", sr = "Мушки" }} }}]
"#
    )
}

const SOURCE: &str = "[source]\ndocument = \"A report\"\npage = \"p. 3\"\n";

fn stats_site() -> Site {
    let site = Site::with_config(&format!("{}{STATS_CONFIG_EXTRA}", common::CONFIG));
    site.write("content/statistics/by-sex.toml", &format!("{}{SOURCE}", table_toml("")));
    site.write(
        "content/statistics/by-sex.csv",
        "year,sex,count\n2015,female,30\n2015,male,3\n2016,female,25\n2016,male,12\n",
    );
    site.page("_index.en.md", "Home", "Welcome.");
    site.page(
        "about.en.md",
        "About",
        "In 2015 there were {{ stat(table=\"by-sex\", year=\"2015\") }} victims, {{ stat(table=\"by-sex\", year=\"2015\", sex=\"male\") }} of them men; k is {{ stat_threshold() }}.",
    );
    site
}

#[test]
fn pages_charts_downloads_and_quotes_show_only_published_counts() {
    let site = stats_site();
    site.build();
    // The table page: small count shown as "fewer than 5", its complement withheld, margins kept.
    let doc = site.html("/en/statistics/by-sex/");
    let cells = texts(&doc, ".stat-table td");
    assert_eq!(
        cells,
        [
            "withheld",
            "fewer than 5",
            "33",
            "withheld",
            "withheld",
            "37",
            "55",
            "15",
            "70"
        ],
        "rows 2015, 2016 and total; columns female, male, total"
    );
    assert!(!texts(&doc, ".stat-table td").iter().any(|c| c == "30" || c == "3"));
    // The chart carries the same published forms and no bar for withheld cells.
    let svg: Vec<String> = texts(&doc, "svg.chart text.chart-value");
    assert_eq!(svg, ["withheld", "fewer than 5", "withheld", "withheld"]);
    assert_eq!(texts(&doc, "svg.chart title"), ["Victims by sex"]);
    // Serbian has the table too, with the Serbian wording.
    let sr = site.html("/sr/statistics/by-sex/");
    assert!(texts(&sr, ".stat-table td").contains(&"мање од 5".to_owned()));
    assert!(site.html("/sr-latn/statistics/by-sex/").html().contains("manje od 5"));
    // Downloads.
    let csv = site.read("data/statistics/by-sex.csv");
    assert!(csv.contains("2015,male,fewer-than-threshold,\n"), "{csv}");
    assert!(csv.contains("2015,female,withheld,\n"), "{csv}");
    assert!(csv.contains("total,total,count,70\n"), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&site.read("data/statistics/by-sex.json")).unwrap();
    assert_eq!(json["threshold"], 5);
    let counts: Vec<u64> = json["cells"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["count"].as_u64())
        .collect();
    assert!(!counts.contains(&30) && !counts.contains(&3), "{counts:?}");
    // Text quoting a cell prints its published form.
    let about = site.html("/en/about/");
    let text = texts(&about, ".prose p").join(" ");
    assert!(
        text.contains("In 2015 there were 33 victims, fewer than 5 of them men; k is 5."),
        "{text}"
    );
    // The statistics page lists the table in every language.
    for lang in ["en", "sr", "sr-latn"] {
        let list = site.html(&format!("/{lang}/statistics/"));
        assert_eq!(
            common::attrs(&list, ".stat-list h2 a", "href"),
            [format!("/{lang}/statistics/by-sex/")]
        );
    }
}

#[test]
fn rounding_applies_to_published_counts() {
    let site = Site::with_config(&format!(
        "{}\n[statistics]\nthreshold = 5\nround_to = 5\n",
        common::CONFIG
    ));
    site.write("content/statistics/by-sex.toml", &format!("{}{SOURCE}", table_toml("")));
    site.write(
        "content/statistics/by-sex.csv",
        "year,sex,count\n2015,female,32\n2015,male,28\n2016,female,26\n2016,male,12\n",
    );
    site.build();
    let cells = texts(&site.html("/en/statistics/by-sex/"), ".stat-table td");
    assert_eq!(cells, ["30", "30", "60", "25", "10", "40", "60", "40", "100"]);
}

#[test]
fn record_level_data_is_counted_and_identifying_columns_are_refused() {
    let site = Site::with_config(&format!("{}{STATS_CONFIG_EXTRA}", common::CONFIG));
    site.write(
        "content/statistics/by-sex.toml",
        &format!("{}{SOURCE}", table_toml("records = \"../../private/victims.csv\"")),
    );
    let mut records = String::from("year,sex,region\n");
    for (year, sex, n) in [
        ("2015", "female", 7),
        ("2015", "male", 6),
        ("2016", "female", 9),
        ("2016", "male", 8),
    ] {
        for _ in 0..n {
            records.push_str(&format!("{year},{sex},north\n"));
        }
    }
    site.write("private/victims.csv", &records);
    site.build();
    let cells = texts(&site.html("/en/statistics/by-sex/"), ".stat-table td");
    assert_eq!(cells, ["7", "6", "13", "9", "8", "17", "16", "14", "30"]);
    assert!(!site.out().join("private").exists());

    // A name column stops the build, naming the column; so does an exact date in any column.
    site.write("private/victims.csv", "year,sex,Full name\n2015,female,A\n");
    let out = site.run(&["build"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("error: private/victims.csv:1: the column `Full name` holds names, which identifies people"),
        "{err}"
    );
    site.write("private/victims.csv", "year,sex,referred\n2015,female,2015-03-04\n");
    let err = stderr(&site.run(&["build"]));
    assert!(
        err.contains("error: private/victims.csv:2: the column `referred` holds an exact date (2015-03-04)"),
        "{err}"
    );
    // The earlier good output is still there.
    assert!(site.out().join("en/statistics/by-sex/index.html").is_file());
}

#[test]
fn bad_tables_are_reported_with_file_and_line() {
    let site = Site::with_config(&format!("{}{STATS_CONFIG_EXTRA}", common::CONFIG));
    site.page("_index.en.md", "Home", "Quoting {{ stat(table=\"nope\") }} here.");
    // No source.
    site.write("content/statistics/unsourced.toml", &table_toml(""));
    site.write(
        "content/statistics/unsourced.csv",
        "year,sex,count\n2015,female,1\n2015,male,1\n2016,female,1\n2016,male,1\n",
    );
    // Unknown value, bad count, missing cell.
    site.write("content/statistics/broken.toml", &format!("{}{SOURCE}", table_toml("")));
    site.write(
        "content/statistics/broken.csv",
        "year,sex,count\n2014,female,1\n2015,male,many\n2016,female,4\n",
    );
    let out = site.run(&["build"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    for expected in [
        "error: content/statistics/unsourced.toml: the table unsourced has no source",
        "error: content/statistics/broken.csv:2: `2014` is not a value of `year` (known: 2015, 2016)",
        "error: content/statistics/broken.csv:3: the count `many` is not a whole number",
        "error: content/_index.en.md:5: there is no statistics table `nope`",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    // A threshold below 3 is refused.
    let low = Site::with_config(&format!("{}\n[statistics]\nthreshold = 2\n", common::CONFIG));
    let err = stderr(&low.run(&["build"]));
    assert!(err.contains("threshold = 2 is too low"), "{err}");
}

#[test]
fn tables_of_one_population_must_agree() {
    let site = Site::with_config(&format!("{}{STATS_CONFIG_EXTRA}", common::CONFIG));
    let population = "population = \"victims\"\n";
    site.write(
        "content/statistics/a.toml",
        &format!("{}{SOURCE}", table_toml(population)),
    );
    site.write(
        "content/statistics/a.csv",
        "year,sex,count\n2015,female,30\n2015,male,10\n2016,female,25\n2016,male,12\n",
    );
    site.write(
        "content/statistics/b.toml",
        &format!("{}{SOURCE}", table_toml(population)),
    );
    site.write(
        "content/statistics/b.csv",
        "year,sex,count\n2015,female,30\n2015,male,11\n2016,female,25\n2016,male,12\n",
    );
    let err = stderr(&site.run(&["build"]));
    assert!(
        err.contains("the tables a and b count the same people (sex = male, year = 2015) but give 10 and 11"),
        "{err}"
    );
}

/// The real portal: no statistics file or page publishes a count from 1 to k − 1, and the
/// published figures are those of the document.
#[test]
fn the_real_statistics_publish_no_small_count_and_match_their_document() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let build = std::process::Command::new(env!("CARGO_BIN_EXE_putokaz"))
        .args(["build", "--quiet", "--out"])
        .arg(&public)
        .current_dir(root)
        .output()
        .unwrap();
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    let config = putokaz::config::SiteConfig::load(root).unwrap();
    let k = config.stats_threshold;
    assert_eq!(k, 11);

    let mut published: HashMap<String, HashMap<Vec<String>, Option<u64>>> = HashMap::new();
    for entry in std::fs::read_dir(public.join("data/statistics")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let dims: Vec<String> = json["table"]["dimensions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["id"].as_str().unwrap().to_owned())
                .collect();
            let mut cells = HashMap::new();
            for cell in json["cells"].as_array().unwrap() {
                let count = cell["count"].as_u64();
                assert!(
                    count.is_none_or(|n| !(1..k).contains(&n)),
                    "{}: a count of {count:?} is published",
                    path.display()
                );
                let key = dims
                    .iter()
                    .map(|d| cell[d].as_str().unwrap_or("total").to_owned())
                    .collect();
                cells.insert(key, count);
            }
            published.insert(path.file_stem().unwrap().to_string_lossy().into_owned(), cells);
        }
    }
    for entry in walk(&public.join("en/statistics"))
        .into_iter()
        .chain(walk(&public.join("sr/statistics")))
    {
        let doc = scraper::Html::parse_document(&std::fs::read_to_string(&entry).unwrap());
        for cell in texts(&doc, ".stat-table td.cell-count")
            .iter()
            .chain(&texts(&doc, "svg.chart text.chart-value"))
        {
            if let Ok(n) = cell.replace(['.', ',', '\u{a0}', ' '], "").parse::<u64>() {
                assert!(!(1..k).contains(&n), "{}: shows {n}", entry.display());
            }
        }
    }
    // The open data page lists every table's downloads.
    let data_page = scraper::Html::parse_document(&std::fs::read_to_string(public.join("en/data/index.html")).unwrap());
    let links = common::attrs(&data_page, "#statistics + p + ul a", "href");
    assert_eq!(links.len(), 2 * published.len(), "{links:?}");
    assert!(links.iter().all(|l| public.join(&l[1..]).is_file()));
    let cell = |table: &str, key: &[&str]| -> Option<u64> {
        let key: Vec<String> = key.iter().map(|s| (*s).to_owned()).collect();
        published[table]
            .get(&key)
            .copied()
            .unwrap_or_else(|| panic!("{table}: no cell {key:?}"))
    };

    // The yearly figures, read from the document's own sentences (lines 651–653).
    let doc = std::fs::read_to_string(root.join("sources/rs-baseline-study-2018.txt")).unwrap();
    let lines: Vec<&str> = doc.lines().collect();
    for (line, year) in [(651, "2015"), (652, "2016"), (653, "2017")] {
        let text = lines[line - 1].replace("**", "");
        let numbers: Vec<u64> = text
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .filter(|&n| n != 2015 && n != 2016 && n != 2017)
            .collect();
        // "N victims were identified, including C minors and A legal adults, F female and M male"
        let (total, children, adults) = (numbers[0], numbers[1], numbers[2]);
        assert_eq!(cell("rs-victims-by-age", &[year, "total"]), Some(total), "{year}");
        assert_eq!(cell("rs-victims-by-age", &[year, "child"]), Some(children), "{year}");
        assert_eq!(cell("rs-victims-by-age", &[year, "adult"]), Some(adults), "{year}");
        assert_eq!(cell("rs-victims-by-sex", &[year, "total"]), Some(total), "{year}");
        // Men are fewer than 11 every year: withheld, and so are the women beside them.
        assert_eq!(cell("rs-victims-by-sex", &[year, "male"]), None, "{year}");
        assert_eq!(
            cell("rs-victims-by-citizenship", &[year, "total"]),
            Some(total),
            "{year}"
        );
    }
    // Table 6 (lines 831–837): every single-digit cell is withheld; the 12 and the total stay.
    for line in &lines[830..837] {
        let fields: Vec<&str> = line.split('\t').collect();
        let value = |s: &str| {
            if s.trim() == "-" {
                0
            } else {
                s.trim().parse::<u64>().unwrap()
            }
        };
        let (female, male, total) = (value(fields[1]), value(fields[2]), value(fields[3]));
        let row = match fields[0] {
            "Sexual exploitation" => "sexual",
            "Labor exploitation" => "labour",
            "Forced marriage" => "forced-marriage",
            "Coercion to Begging" => "begging",
            "Multiple forms of exploitation" => "multiple",
            "Coercion to commit offences" => "offences",
            "Total" => "total",
            other => panic!("unexpected row {other}"),
        };
        for (sex, n) in [("female", female), ("male", male), ("total", total)] {
            let shown = cell("rs-child-victims-2017-by-exploitation", &[row, sex]);
            if (1..k).contains(&n) || shown.is_none() {
                assert_eq!(shown, None, "{row} {sex} = {n} must be withheld");
            } else {
                assert_eq!(shown, Some(n), "{row} {sex}");
            }
        }
    }
    assert_eq!(
        cell("rs-child-victims-2017-by-exploitation", &["sexual", "female"]),
        Some(12)
    );
    assert_eq!(
        cell("rs-child-victims-2017-by-exploitation", &["total", "total"]),
        Some(21)
    );
    // Foreign citizens, one per country and year: all withheld.
    for country in ["af", "al", "ba", "me", "np", "mk", "pk", "sy", "ua"] {
        for year in ["2015", "2016", "2017", "total"] {
            assert_eq!(cell("rs-victims-by-citizenship", &[year, country]), None);
        }
    }
    // Table 4 and the hotline (lines 672–675 and 482).
    assert_eq!(cell("rs-cptv-referrals", &["total", "referrals"]), Some(398));
    assert_eq!(cell("rs-cptv-referrals", &["2017", "in-identification"]), None);
    assert!(lines[481].contains("received 34,280 calls and identified and assisted 499 victims"));
    assert_eq!(cell("rs-astra-sos-calls", &["2002-2018"]), Some(34_280));
    assert_eq!(cell("rs-astra-sos-victims", &["total", "total"]), Some(499));
    assert_eq!(cell("rs-astra-sos-victims", &["male", "child"]), Some(14));
    assert_eq!(cell("rs-referral-sources", &["total"]), Some(398));
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    common::html_files(dir)
}

#[test]
fn templates_quote_cells_through_the_stat_function() {
    let site = stats_site();
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1>\
         <p id=\"q\">{{ stat(table=\"by-sex\", year=\"2015\") }} / {{ stat(table=\"by-sex\", sex=\"male\", year=\"2015\") }}</p>\
         {% endblock content %}",
    );
    site.page("about.sr.md", "О нама", "Текст.");
    site.build();
    assert_eq!(texts(&site.html("/en/about/"), "#q"), ["33 / fewer than 5"]);
    assert_eq!(texts(&site.html("/sr/about/"), "#q"), ["33 / мање од 5"]);
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>x</h1>{{ stat(table=\"by-sex\", year=\"1999\") }}{% endblock content %}",
    );
    let err = stderr(&site.run(&["build"]));
    assert!(
        err.contains("`1999` is not a value of `year` (known: 2015, 2016)"),
        "{err}"
    );
}
