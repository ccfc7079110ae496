//! The real plan data in `content/` compared with the source documents in `sources/`.

use std::path::Path;

use putokaz::config::SiteConfig;
use putokaz::diagnostics::Diagnostics;
use putokaz::plan::{Plan, PlanData};

fn real_data() -> PlanData {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = SiteConfig::load(root).unwrap();
    let diagnostics = Diagnostics::new();
    let data = putokaz::plan::load(root, &config, &diagnostics);
    let problems = diagnostics.into_sorted();
    assert!(
        problems
            .iter()
            .all(|d| d.severity != putokaz::diagnostics::Severity::Error),
        "{problems:#?}"
    );
    data
}

fn source(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("sources").join(name)).unwrap()
}

fn plan<'a>(data: &'a PlanData, id: &str) -> &'a Plan {
    data.plans
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no plan {id}"))
}

/// The amounts after "USD" in a line of the document, as numbers.
fn usd_amounts(line: &str) -> Vec<f64> {
    line.split("USD")
        .skip(1)
        .filter_map(|rest| rest.trim().split([' ', ';']).next()?.replace(',', "").parse().ok())
        .collect()
}

#[test]
fn un_joint_programme_matches_its_document() {
    let data = real_data();
    let jp = plan(&data, "rs-unjp-2010-2012");
    let doc = source("rs-un-jp-2010-2012.txt");
    let budget_line = doc.lines().find(|l| l.starts_with("**Programme budget:**")).unwrap();
    let funding_line = doc.lines().find(|l| l.starts_with("**Funding secured:**")).unwrap();
    let budget = jp.meta.budget.as_ref().unwrap();
    assert_eq!(usd_amounts(budget_line), [budget.total]);
    let donors: Vec<f64> = budget.donors.iter().map(|d| d.amount).collect();
    assert_eq!(usd_amounts(funding_line), donors);
    for donor in &budget.donors {
        let name = &donor.name["en"];
        let short = name.split(" (").next().unwrap();
        assert!(
            funding_line.contains(short) || funding_line.contains("UN Global Initiative"),
            "{name}"
        );
    }
    // Objectives are numbered 1) to 4) in one paragraph; outcomes are "- N)" lines.
    let objectives = doc
        .lines()
        .find(|l| l.contains("four core and interlinked objectives"))
        .unwrap();
    let numbered = (1..=9).take_while(|n| objectives.contains(&format!("{n})"))).count();
    assert_eq!(jp.goals.len(), numbered);
    let outcomes: Vec<&str> = doc
        .lines()
        .filter(|l| l.trim_start().starts_with("- ") && l.contains(')'))
        .collect();
    assert_eq!(jp.measures.len(), outcomes.len());
    for ((measure, _), line) in jp.measures.iter().zip(&outcomes) {
        let words: Vec<&str> = measure.title["en"].split_whitespace().take(4).collect();
        assert!(line.contains(&words.join(" ")), "{} vs {line}", measure.title["en"]);
    }
    assert_eq!(jp.period(), (2010, 2012));
}

#[test]
fn no_personal_data_from_the_documents_is_carried_over() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let forbidden = ["Mihajlovic", "iom.int", "+381", "Stojcevic", "Cvetkovic"];
    for entry in walkdir::WalkDir::new(&root) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for word in forbidden {
                assert!(!text.contains(word), "{} contains {word}", entry.path().display());
            }
        }
    }
}
