//! Fixture sites for the integration tests: written into a temporary folder, built with the
//! real `putokaz` binary, and read back as parsed HTML.

#![allow(dead_code)] // each test file uses a different part of this module

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};

/// A configuration with Serbian (and its Latin copy) and English.
pub const CONFIG: &str = r#"
base_url = "https://portal.example"
as_of = 2026-11-22
default_language = "sr"

[[languages]]
code = "sr"
name = "Српски"
script = "Cyrl"
latin_variant = "sr-latn"

[[languages]]
code = "en"
name = "English"
script = "Latn"

[title]
sr = "Путоказ"
en = "Putokaz"

[description]
sr = "Опис сајта"
en = "Site description"
"#;

/// Institutions for [`TEST_PLAN`].
pub const TEST_REGISTRY: &str = r#"[[institution]]
id = "rs-moi"
name = { en = "Ministry of Interior", sr = "Министарство унутрашњих послова" }

[[institution]]
id = "rs-moj"
name = { en = "Ministry of Justice" }
"#;

/// A plan with one area, goal and measure and two activities (`1.1.1`, `1.1.2`).
pub const TEST_PLAN: &str = r#"[plan]
country = "rs"
title = { en = "Test plan", sr = "Пробни план" }
period = [2009, 2011]
adopted_by = { en = "Government" }
adopted_on = 2009-04-30
source = { document = "Test document" }

[[area]]
id = "1"
title = { en = "Prevention", sr = "Превенција" }

[[goal]]
id = "1"
area = "1"
title = { en = "Raise awareness" }

[[measure]]
id = "1.1"
goal = "1"
title = { en = "Campaigns", sr = "Кампање" }

[[activity]]
id = "1.1.1"
goal = "1"
measure = "1.1"
text = { en = "Run a campaign", sr = "Спровести кампању" }
responsible = ["rs-moi"]
deadline = "IV Quarter of 2010"

[[activity]]
id = "1.1.2"
goal = "1"
measure = "1.1"
text = { en = "Train teachers" }
responsible = ["rs-moj"]
deadline = "Continually 2009–2011"
"#;

/// A report on activity `1.1.1`: complete.
pub const TEST_REPORT: &str = r#"[[report]]
activity = "1.1.1"
date = 2010-12-20
status = "complete"
text = { en = "Campaign held." }
source = { document = "Annual report 2010", page = "12" }
"#;

/// A site in a temporary folder.
pub struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    /// An empty site with [`CONFIG`].
    pub fn new() -> Site {
        Site::with_config(CONFIG)
    }

    /// An empty site with its own configuration.
    pub fn with_config(config: &str) -> Site {
        let site = Site {
            dir: tempfile::tempdir().expect("a temporary folder"),
        };
        site.write("putokaz.toml", config);
        site
    }

    /// The site root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The default output folder of [`Site::build`].
    pub fn out(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Writes a file (creating folders).
    pub fn write(&self, rel: &str, text: &str) -> &Site {
        self.write_bytes(rel, text.as_bytes())
    }

    /// Writes raw bytes (creating folders).
    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) -> &Site {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        self
    }

    /// Writes a Markdown page with a title and body.
    pub fn page(&self, rel: &str, title: &str, body: &str) -> &Site {
        self.write(
            &format!("content/{rel}"),
            &format!("+++\ntitle = \"{title}\"\n+++\n\n{body}\n"),
        )
    }

    /// Writes [`TEST_REGISTRY`], [`TEST_PLAN`] as plan `test-plan` and [`TEST_REPORT`] as its
    /// `reports/2010.toml`.
    pub fn with_test_plan(&self) -> &Site {
        self.write("content/institutions/rs.toml", TEST_REGISTRY)
            .write("content/plans/test-plan/plan.toml", TEST_PLAN)
            .write("content/plans/test-plan/reports/2010.toml", TEST_REPORT)
    }

    /// Runs `putokaz ARGS` in the site root.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_putokaz"))
            .args(args)
            .current_dir(self.root())
            .output()
            .expect("putokaz runs")
    }

    /// Builds into `public/`, panicking with the diagnostics if the build fails.
    pub fn build(&self) -> Output {
        let out = self.run(&["build"]);
        assert!(
            out.status.success(),
            "build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// A built output file as text.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// The folders builds left beside the output (names with `putokaz-`), sorted.
    pub fn folders_beside_output(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.root())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("putokaz-"))
            .collect();
        names.sort();
        names
    }

    /// A built page, parsed. `url` is like `/en/about/`.
    pub fn html(&self, url: &str) -> Html {
        Html::parse_document(&self.read(&format!("{}index.html", url.trim_start_matches('/'))))
    }
}

/// Standard error of a run, as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The values of attribute `attr` of every element matching `selector`.
pub fn attrs(doc: &Html, selector: &str, attr: &str) -> Vec<String> {
    let sel = Selector::parse(selector).unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr).map(str::to_owned))
        .collect()
}

/// The text of every element matching `selector`.
pub fn texts(doc: &Html, selector: &str) -> Vec<String> {
    let sel = Selector::parse(selector).unwrap();
    doc.select(&sel)
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect()
}

/// The text of the default theme's template `name`, for tests that override it.
pub fn built_in_template(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default/templates")
            .join(name),
    )
    .expect("a template of the default theme")
}

/// Every HTML file below `dir`, as paths.
pub fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}
