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

/// An activity id of `parts` parts (`1.2.3`, `1.2.3.`) at the very start of `cell`.
fn id_at_start(cell: &str, parts: usize) -> Option<String> {
    let cell = cell.trim().trim_start_matches("<p>").trim_start_matches("**").trim();
    let end = cell
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(cell.len());
    let id = cell[..end].trim_end_matches('.');
    let found: Vec<&str> = id.split('.').collect();
    (found.len() == parts && found.iter().all(|p| !p.is_empty())).then(|| id.to_owned())
}

fn activity_ids(plan: &Plan) -> Vec<String> {
    plan.activities.iter().map(|a| a.activity.id.clone()).collect()
}

#[test]
fn serbian_plan_has_every_activity_of_its_document() {
    let data = real_data();
    let plan = plan(&data, "rs-2009-2011");
    let doc = source("rs-npa-2009-2011.txt");
    // Goal 11's four activities are numbered 11.1 to 11.4; all others have three parts.
    let in_document: Vec<String> = doc
        .lines()
        .filter(|l| l.starts_with('|'))
        .filter_map(|l| {
            let cell = l.trim_start_matches('|');
            id_at_start(cell, 3).or_else(|| id_at_start(cell, 2).filter(|id| id.starts_with("11.")))
        })
        .collect();
    assert_eq!(in_document.len(), 123);
    assert_eq!(activity_ids(plan), in_document);
    assert_eq!(plan.goals.len(), 11);
    let per_goal: Vec<usize> = (1..=11)
        .map(|g| {
            plan.activities
                .iter()
                .filter(|a| a.activity.goal == g.to_string())
                .count()
        })
        .collect();
    assert_eq!(per_goal, [24, 7, 7, 5, 22, 8, 6, 11, 15, 14, 4]);
    // Every activity names at least one responsible institution and keeps its deadline as written.
    for a in &plan.activities {
        assert!(!a.activity.responsible.is_empty(), "{} has no performer", a.activity.id);
        assert!(
            doc.contains(a.activity.deadline.split_whitespace().next().unwrap_or("")),
            "{}",
            a.activity.id
        );
    }
}

#[test]
fn montenegrin_plan_has_every_activity_of_its_document() {
    let data = real_data();
    let plan = plan(&data, "me-2012-2013");
    let doc = source("me-ap-2012-2013.txt");
    let in_document: Vec<String> = doc
        .lines()
        .flat_map(|l| l.split('\t').filter_map(|c| id_at_start(c, 3)).collect::<Vec<_>>())
        .collect();
    // Ids restart in every section, so the plan prefixes them with the section: `2-1.1.1`.
    let stripped: Vec<String> = activity_ids(plan)
        .iter()
        .map(|id| id.split_once('-').map_or(id.clone(), |(_, rest)| rest.to_owned()))
        .collect();
    // One activity is numbered "2.1." in the document (line 197): it has only two parts.
    let odd: Vec<&String> = stripped.iter().filter(|id| id.split('.').count() != 3).collect();
    assert_eq!(odd, ["2.1"]);
    let three_part: Vec<String> = stripped
        .iter()
        .filter(|id| id.split('.').count() == 3)
        .cloned()
        .collect();
    assert_eq!(three_part, in_document);
    assert_eq!(plan.activities.len(), 87);
    assert_eq!(plan.measures.len(), 37);
    let per_section: Vec<usize> = (1..=8)
        .map(|s| {
            plan.activities
                .iter()
                .filter(|a| a.activity.id.starts_with(&format!("{s}-")))
                .count()
        })
        .collect();
    assert_eq!(per_section, [9, 18, 12, 15, 3, 10, 14, 6]);
}

#[test]
fn macedonian_plan_has_every_activity_of_its_annex() {
    let data = real_data();
    let plan = plan(&data, "mk-2009-2012");
    let doc = source("mk-ap-children-2009-2012.txt");
    let annex = &doc[doc.find("| Goal | Expected results | Activities").unwrap()..];
    let mut in_annex: Vec<String> = annex
        .split(|c: char| c.is_whitespace() || c == '|')
        .filter_map(|token| {
            let id = token
                .trim_start_matches("<p>")
                .trim_end_matches("</p>")
                .trim_end_matches('.');
            let parts: Vec<&str> = id.split('.').collect();
            (parts.len() == 3
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())))
            .then(|| id.to_owned())
        })
        .collect();
    in_annex.dedup();
    let mut ids = activity_ids(plan);
    assert_eq!(ids.len(), 52);
    ids.sort_by_key(|id| id.split('.').map(|p| p.parse::<u32>().unwrap_or(0)).collect::<Vec<_>>());
    in_annex.sort_by_key(|id| id.split('.').map(|p| p.parse::<u32>().unwrap_or(0)).collect::<Vec<_>>());
    in_annex.dedup();
    assert_eq!(ids, in_annex);
    assert_eq!(plan.goals.len(), 7);
    assert_eq!(plan.measures.len(), 22);
}

#[test]
fn area_goal_and_measure_titles_are_in_every_language_and_institutions_in_their_country() {
    let data = real_data();
    for plan in &data.plans {
        let titles = plan
            .areas
            .iter()
            .map(|(a, _)| (&a.id, &a.title))
            .chain(plan.goals.iter().map(|(g, _)| (&g.id, &g.title)))
            .chain(plan.measures.iter().map(|(m, _)| (&m.id, &m.title)))
            .chain(std::iter::once((&plan.id, &plan.meta.title)));
        for (id, title) in titles {
            for lang in ["en", "sr", "cnr", "mk"] {
                assert!(
                    title.get(lang).is_some_and(|t| !t.trim().is_empty()),
                    "{} {id}: no `{lang}` title",
                    plan.id
                );
            }
        }
        let own = format!("{}-", plan.meta.country);
        for a in &plan.activities {
            for inst in a.activity.responsible.iter().chain(&a.activity.partners) {
                assert!(
                    inst.starts_with(&own) || inst.starts_with("intl-"),
                    "{} {}: {inst}",
                    plan.id,
                    a.activity.id
                );
            }
        }
    }
    for inst in &data.institutions {
        for lang in ["en", "sr", "cnr", "mk"] {
            assert!(
                inst.name.get(lang).is_some_and(|t| !t.trim().is_empty()),
                "{}: no `{lang}` name",
                inst.id
            );
        }
    }
}

#[test]
fn the_activities_naming_an_institution_are_found_as_going_through_every_plan_finds_them() {
    let data = real_data();
    let mut named = 0;
    for inst in &data.institutions {
        let found: Vec<(&str, &str)> = data
            .naming(&inst.id)
            .map(|(p, a)| (p.id.as_str(), a.activity.id.as_str()))
            .collect();
        let every: Vec<(&str, &str)> = data
            .plans
            .iter()
            .flat_map(|p| p.activities.iter().map(move |a| (p, a)))
            .filter(|(_, a)| a.activity.responsible.contains(&inst.id) || a.activity.partners.contains(&inst.id))
            .map(|(p, a)| (p.id.as_str(), a.activity.id.as_str()))
            .collect();
        assert_eq!(found, every, "{}", inst.id);
        named += found.len();
    }
    assert!(named > 1000, "{named}");
}
