//! Writes a synthetic Putokaz site for benchmarks: N pages in each of sr, cnr, mk and en.
//!
//! Each page has TOML front matter (title, date, description, two tags of twenty), about 600
//! words under headings, a list, a table, internal links and a code block. Beside the pages it
//! writes one action plan
//! with 2 × N activities (in goals of 10 and measures of 5), a registry of 20 institutions and N
//! progress reports. The text is pseudo-random but deterministic, so runs are comparable.
//!
//! Usage: `cargo run --release --example synth_site -- DIR PAGES_PER_LANGUAGE`

use std::fmt::Write as _;
use std::path::Path;

const CONFIG: &str = r#"base_url = "https://bench.example"
as_of = 2026-11-22
default_language = "sr"

[[languages]]
code = "sr"
name = "Српски"
script = "Cyrl"
latin_variant = "sr-latn"

[[languages]]
code = "cnr"
name = "Crnogorski"
script = "Latn"

[[languages]]
code = "mk"
name = "Македонски"
script = "Cyrl"

[[languages]]
code = "en"
name = "English"
script = "Latn"

[title]
sr = "Бенчмарк"
cnr = "Benchmark"
mk = "Бенчмарк"
en = "Benchmark"

[description]
sr = "Синтетички сајт"
cnr = "Sintetički sajt"
mk = "Синтетички сајт"
en = "A synthetic site"
"#;

const WORDS: &[(&str, &[&str])] = &[
    (
        "sr",
        &[
            "план",
            "акција",
            "циљ",
            "мера",
            "активност",
            "институција",
            "рок",
            "извештај",
            "жртва",
            "заштита",
            "подршка",
            "сарадња",
            "министарство",
            "центар",
            "обука",
            "Љубљана",
            "ђак",
            "џеп",
            "њива",
            "и",
            "у",
            "за",
            "од",
            "са",
        ],
    ),
    (
        "cnr",
        &[
            "plan",
            "akcija",
            "cilj",
            "mjera",
            "aktivnost",
            "institucija",
            "rok",
            "izvještaj",
            "žrtva",
            "zaštita",
            "podrška",
            "saradnja",
            "ministarstvo",
            "centar",
            "obuka",
            "i",
            "u",
            "za",
            "od",
            "sa",
        ],
    ),
    (
        "mk",
        &[
            "план",
            "акција",
            "цел",
            "мерка",
            "активност",
            "институција",
            "рок",
            "извештај",
            "жртва",
            "заштита",
            "поддршка",
            "соработка",
            "министерство",
            "центар",
            "обука",
            "ѓаволски",
            "ќе",
            "и",
            "во",
            "за",
            "од",
            "со",
        ],
    ),
    (
        "en",
        &[
            "plan",
            "action",
            "goal",
            "measure",
            "activity",
            "institution",
            "deadline",
            "report",
            "victim",
            "protection",
            "support",
            "cooperation",
            "ministry",
            "centre",
            "training",
            "and",
            "in",
            "for",
            "of",
            "with",
        ],
    ),
];

/// A small deterministic generator (xorshift), so every run writes the same site.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }

    fn sentence(&mut self, words: &[&str], n: usize) -> String {
        let mut s: Vec<String> = (0..n).map(|_| words[self.next() % words.len()].to_owned()).collect();
        if let Some(first) = s.first_mut() {
            let mut c = first.chars();
            *first = c
                .next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default();
        }
        s.join(" ") + "."
    }
}

fn page(rng: &mut Rng, words: &[&str], i: usize, total: usize) -> String {
    let mut md = String::new();
    let title = rng.sentence(words, 4).trim_end_matches('.').to_owned();
    let day = i % 28 + 1;
    let month = i % 12 + 1;
    // Two tags of twenty, words of the page's language.
    let tags = [words[i % 20], words[(i * 7 + 3) % 20]];
    let _ = writeln!(
        md,
        "+++\ntitle = \"{title}\"\ndate = 2025-{month:02}-{day:02}\ndescription = \"{}\"\ntags = [\"{}\", \"{}\"]\n+++\n",
        rng.sentence(words, 12),
        tags[0],
        tags[1]
    );
    for section in 0..4 {
        let _ = writeln!(md, "## {}\n", rng.sentence(words, 3).trim_end_matches('.'));
        for _ in 0..2 {
            let _ = writeln!(
                md,
                "{} {} {}\n",
                rng.sentence(words, 22),
                rng.sentence(words, 18),
                rng.sentence(words, 20)
            );
        }
        match section {
            0 => {
                for _ in 0..5 {
                    let _ = writeln!(md, "- {}", rng.sentence(words, 8));
                }
                md.push('\n');
            }
            1 => {
                let _ = writeln!(md, "| {} | {} | {} |\n|:--|:--:|--:|", words[0], words[1], words[2]);
                for r in 0..4 {
                    let _ = writeln!(
                        md,
                        "| {} | {} | {} |",
                        rng.sentence(words, 2),
                        rng.sentence(words, 3),
                        r * 17
                    );
                }
                md.push('\n');
            }
            2 => {
                let target = (i + 1) % total;
                let _ = writeln!(
                    md,
                    "[{}](@/pages/page-{target}.md) [{}](@/pages/_index.md)\n",
                    rng.sentence(words, 3),
                    rng.sentence(words, 2)
                );
            }
            _ => {
                let _ = writeln!(
                    md,
                    "```rust\nfn activity_{i}(deadline: u32) -> bool {{\n    deadline > 2009 // {}\n}}\n```\n",
                    words[0]
                );
            }
        }
    }
    md
}

/// One plan of `activities` activities, its institutions and `reports` progress reports.
fn plan(root: &Path, rng: &mut Rng, activities: usize, reports: usize) {
    let words = WORDS[3].1;
    let mut registry = String::new();
    for i in 0..20 {
        let _ = writeln!(
            registry,
            "[[institution]]\nid = \"xx-{i}\"\nname = {{ en = \"{}\" }}\n",
            rng.sentence(words, 3)
        );
    }
    let mut toml = String::from(
        "[plan]\ncountry = \"xx\"\ntitle = { en = \"Synthetic plan\" }\nperiod = [2020, 2025]\n\
         adopted_by = { en = \"Benchmark\" }\nsource = { document = \"None: synthetic\" }\n\n",
    );
    for g in 0..activities.div_ceil(10) {
        let _ = writeln!(
            toml,
            "[[goal]]\nid = \"{g}\"\ntitle = {{ en = \"{}\" }}\n",
            rng.sentence(words, 6)
        );
        for m in 0..2 {
            let _ = writeln!(
                toml,
                "[[measure]]\nid = \"{g}.{m}\"\ngoal = \"{g}\"\ntitle = {{ en = \"{}\" }}\n",
                rng.sentence(words, 6)
            );
        }
    }
    const DEADLINES: [&str; 6] = [
        "2021",
        "IV Quarter of 2022",
        "Continually 2020–2025",
        "twice a year",
        "As needed",
        "By the end of 2023",
    ];
    for a in 0..activities {
        let (g, m) = (a / 10, a % 10 / 5);
        let _ = writeln!(
            toml,
            "[[activity]]\nid = \"{g}.{m}.{a}\"\ngoal = \"{g}\"\nmeasure = \"{g}.{m}\"\ntext = {{ en = \"{}\" }}\n\
             responsible = [\"xx-{}\", \"xx-{}\"]\ndeadline = \"{}\"\nindicators = [{{ en = \"{}\" }}]\n",
            rng.sentence(words, 20),
            a % 20,
            (a * 7) % 20,
            DEADLINES[a % DEADLINES.len()],
            rng.sentence(words, 8)
        );
    }
    let mut report_toml = String::new();
    const STATUSES: [&str; 5] = ["not-started", "limited", "substantial", "complete", "cancelled"];
    for r in 0..reports {
        let a = (r * 2) % activities.max(1);
        let _ = writeln!(
            report_toml,
            "[[report]]\nactivity = \"{}.{}.{a}\"\ndate = 2024-0{}-15\nstatus = \"{}\"\ntext = {{ en = \"{}\" }}\nsource = {{ document = \"Synthetic report\", page = \"{r}\" }}\n",
            a / 10,
            a % 10 / 5,
            r % 9 + 1,
            STATUSES[r % STATUSES.len()],
            rng.sentence(words, 12)
        );
    }
    std::fs::create_dir_all(root.join("content/institutions")).unwrap();
    std::fs::create_dir_all(root.join("content/plans/synthetic/reports")).unwrap();
    std::fs::write(root.join("content/institutions/xx.toml"), registry).unwrap();
    std::fs::write(root.join("content/plans/synthetic/plan.toml"), toml).unwrap();
    std::fs::write(root.join("content/plans/synthetic/reports/all.toml"), report_toml).unwrap();
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(n)) = (args.next(), args.next().and_then(|n| n.parse::<usize>().ok())) else {
        eprintln!("usage: synth_site DIR PAGES_PER_LANGUAGE");
        std::process::exit(2);
    };
    let root = Path::new(&dir);
    let content = root.join("content/pages");
    std::fs::create_dir_all(&content).expect("create the content folder");
    std::fs::write(root.join("putokaz.toml"), CONFIG).expect("write the config");
    let mut rng = Rng(0x5eed_cafe_f00d_d00d);
    plan(root, &mut rng, 2 * n, n);
    for (lang, words) in WORDS {
        std::fs::write(
            root.join(format!("content/_index.{lang}.md")),
            format!("+++\ntitle = \"{}\"\n+++\n\n{}\n", words[0], rng.sentence(words, 30)),
        )
        .unwrap();
        std::fs::write(
            content.join(format!("_index.{lang}.md")),
            format!(
                "+++\ntitle = \"{}\"\nsort_by = \"date\"\npaginate_by = 10\n+++\n",
                words[1]
            ),
        )
        .unwrap();
        for i in 0..n {
            std::fs::write(content.join(format!("page-{i}.{lang}.md")), page(&mut rng, words, i, n)).unwrap();
        }
    }
}
