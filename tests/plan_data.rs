//! Plan data: loading, validation errors with file and line, reports and roll-ups.

mod common;

use common::{Site, stderr};
use putokaz::plan::Status;

const REGISTRY: &str = r#"[[institution]]
id = "rs-moi"
name = { en = "Ministry of Interior", sr = "Министарство унутрашњих послова" }
aliases = ["MoI", "Ministry of Internal Affairs"]

[[institution]]
id = "rs-moj"
name = { en = "Ministry of Justice" }
"#;

const PLAN: &str = r#"[plan]
country = "rs"
title = { en = "Test plan" }
period = [2009, 2011]
adopted_by = { en = "Government" }
source = { document = "Test document" }

[[area]]
id = "1"
title = { en = "Prevention" }

[[goal]]
id = "1"
area = "1"
title = { en = "Raise awareness" }

[[measure]]
id = "1.1"
goal = "1"
title = { en = "Campaigns" }

[[activity]]
id = "1.1.1"
goal = "1"
measure = "1.1"
text = { en = "Run a campaign" }
responsible = ["rs-moi"]
deadline = "Continually 2009–2011"

[[activity]]
id = "1.1.2"
goal = "1"
measure = "1.1"
text = { en = "Train teachers" }
responsible = ["rs-moj"]
deadline = "IV Quarter of 2010"

[[activity]]
id = "1.1.3"
goal = "1"
text = { en = "Shifted" }
deadline = "Red Cross, Employers federation"
"#;

fn plan_site() -> Site {
    let site = Site::new();
    site.page("_index.en.md", "Home", "x")
        .write("content/institutions/rs.toml", REGISTRY)
        .write("content/plans/test-plan/plan.toml", PLAN);
    site
}

fn load(site: &Site) -> (putokaz::plan::PlanData, Vec<putokaz::diagnostics::Diagnostic>) {
    let config = putokaz::config::SiteConfig::load(site.root()).unwrap();
    let diagnostics = putokaz::diagnostics::Diagnostics::new();
    let data = putokaz::plan::load(site.root(), &config, &diagnostics);
    (data, diagnostics.into_sorted())
}

#[test]
fn a_valid_plan_loads_with_its_tree_and_lines() {
    let site = plan_site();
    let (data, diagnostics) = load(&site);
    assert!(
        diagnostics
            .iter()
            .all(|d| d.severity == putokaz::diagnostics::Severity::Warning),
        "{diagnostics:?}"
    );
    let plan = &data.plans[0];
    assert_eq!(plan.id, "test-plan");
    assert_eq!(
        plan.activities
            .iter()
            .map(|a| a.activity.id.as_str())
            .collect::<Vec<_>>(),
        ["1.1.1", "1.1.2", "1.1.3"]
    );
    assert_eq!(plan.activities[1].deadline.raw, "IV Quarter of 2010");
    let line_of_second = PLAN.lines().position(|l| l == "id = \"1.1.2\"").unwrap() + 1;
    assert!(
        (line_of_second - 1..=line_of_second).contains(&plan.activities[1].line),
        "{}",
        plan.activities[1].line
    );
    assert_eq!(
        data.institution("rs-moi").unwrap().name["sr"],
        "Министарство унутрашњих послова"
    );
    // Without reports every activity is `no-report`.
    let rollup = data.rollup(plan, |_| true);
    assert_eq!((rollup.total, rollup.reported(), rollup.completion), (3, 0, None));
    assert_eq!(data.status("test-plan", "1.1.1").0, Status::NoReport);
}

#[test]
fn reports_set_the_status_and_roll_up() {
    let site = plan_site();
    site.write(
        "content/plans/test-plan/reports/2010.toml",
        r#"[[report]]
activity = "1.1.1"
date = 2010-06-30
status = "limited"
source = { document = "Annual report 2010", page = "12" }

[[report]]
activity = "1.1.1"
date = 2011-06-30
status = "complete"
text = { en = "Campaign held in 20 towns." }
source = { document = "Annual report 2011", page = "4" }
"#,
    );
    let (data, _) = load(&site);
    assert_eq!(data.status("test-plan", "1.1.1").0, Status::Complete);
    assert_eq!(data.reports_on("test-plan", "1.1.1").count(), 2);
    let rollup = data.rollup(&data.plans[0], |_| true);
    assert_eq!(rollup.counts[&Status::Complete], 1);
    assert_eq!(rollup.counts[&Status::NoReport], 2);
    assert_eq!(rollup.completion, Some(1.0));
    // Per measure, area and institution.
    let plan = &data.plans[0];
    let measure = data.rollup(plan, |a| a.measure.as_deref() == Some("1.1"));
    assert_eq!((measure.total, measure.reported()), (2, 1));
    assert_eq!(data.rollup_area(plan, "1").total, 3);
    assert_eq!(data.rollup_area(plan, "2").total, 0);
    let moi = data.rollup_institution("rs-moi");
    assert_eq!((moi.total, moi.counts[&Status::Complete]), (1, 1));
    let moj = data.rollup_institution("rs-moj");
    assert_eq!((moj.total, moj.reported(), moj.completion), (1, 0, None));
}

#[test]
fn every_data_error_is_reported_with_file_and_line() {
    let site = plan_site();
    let broken = PLAN
        .replace("responsible = [\"rs-moj\"]", "responsible = [\"rs-nobody\"]")
        .replace("id = \"1.1.2\"", "id = \"1.1.1\"")
        .replace(
            "measure = \"1.1\"\ntext = { en = \"Train",
            "measure = \"9.9\"\ntext = { en = \"Train",
        );
    site.write("content/plans/test-plan/plan.toml", &broken).write(
        "content/plans/test-plan/reports/bad.toml",
        r#"[[report]]
activity = "7.7.7"
date = 2010-01-01
status = "limited"
source = { document = "X" }

[[report]]
activity = "1.1.1"
date = 2030-01-01
status = "complete"
source = { document = "X" }

[[report]]
activity = "1.1.1"
date = 2010-01-01
status = "substantial"
"#,
    );
    let out = site.run(&["check"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    let line = |needle: &str| broken.lines().position(|l| l == needle).unwrap() + 1;
    let second = line("text = { en = \"Train teachers\" }") - 4;
    for expected in [
        format!("content/plans/test-plan/plan.toml:{}: activity `1.1.1` appears twice", second),
        "names institution `rs-nobody`, which is not in the registry".to_owned(),
        "names measure `9.9`, which the plan does not have".to_owned(),
        "content/plans/test-plan/reports/bad.toml:1: the report is on activity `7.7.7`".to_owned(),
        "content/plans/test-plan/reports/bad.toml:7: the report is dated 2030-01-01, after the site's as-of date 2026-11-22".to_owned(),
        "content/plans/test-plan/reports/bad.toml:13: the report on `1.1.1` has no source".to_owned(),
    ] {
        assert!(err.contains(&expected), "missing {expected:?} in:\n{err}");
    }
}

#[test]
fn a_deadline_that_is_not_understood_is_a_warning_with_its_line() {
    let site = plan_site();
    let out = site.run(&["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Diagnostics point at the `[[activity]]` header, the line before the id.
    let header = PLAN.lines().position(|l| l == "id = \"1.1.3\"").unwrap();
    let expected = format!(
        "warning: content/plans/test-plan/plan.toml:{header}: the deadline of activity `1.1.3` is not understood"
    );
    let err = stderr(&out);
    assert!(err.contains(&expected), "{expected}\n{err}");
    assert_eq!(err.matches("is not understood").count(), 1, "{err}");
}

#[test]
fn malformed_plan_toml_names_the_line() {
    let site = plan_site();
    site.write(
        "content/plans/test-plan/plan.toml",
        &PLAN.replace("period = [2009, 2011]", "period = [2009, 2011"),
    );
    let err = stderr(&site.run(&["check"]));
    assert!(err.contains("content/plans/test-plan/plan.toml:"), "{err}");
    let site = plan_site();
    site.write(
        "content/plans/test-plan/plan.toml",
        &PLAN.replace("deadline = \"IV Quarter of 2010\"", "dedline = \"x\""),
    );
    let err = stderr(&site.run(&["check"]));
    assert!(err.contains("unknown field `dedline`"), "{err}");
}
