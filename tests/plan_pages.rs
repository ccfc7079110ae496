//! Pages made from plan data: every plan, goal, activity and institution, in every language.

mod common;

use common::{Site, attrs, texts};

fn plan_site() -> Site {
    let site = Site::new();
    site.page("_index.en.md", "Home", "x")
        .page("_index.sr.md", "Почетна", "x")
        .with_test_plan();
    site.build();
    site
}

#[test]
fn every_activity_has_a_permanent_page_in_every_locale() {
    let site = plan_site();
    for locale in ["sr", "sr-latn", "en"] {
        for id in ["1-1-1", "1-1-2"] {
            let doc = site.html(&format!("/{locale}/plans/test-plan/activities/{id}/"));
            assert_eq!(texts(&doc, "h1").len(), 1, "{locale} {id}");
        }
    }
    let doc = site.html("/en/plans/test-plan/activities/1-1-1/");
    assert_eq!(texts(&doc, "h1"), ["Activity 1.1.1"]);
    assert_eq!(texts(&doc, ".activity-text"), ["Run a campaign"]);
    assert_eq!(texts(&doc, ".facts q"), ["IV Quarter of 2010"]);
    let facts = texts(&doc, ".facts dd").join(" | ");
    assert!(
        facts.contains("by the end of quarter 4 of 2010 (due 31 December 2010)"),
        "{facts}"
    );
    assert_eq!(texts(&doc, ".facts .status"), ["Complete"]);
    assert_eq!(texts(&doc, ".reports .status"), ["Complete"]);
    // "Updated" is the date of the newest report the page shows.
    assert_eq!(attrs(&doc, ".facts dd time", "datetime")[0], "2010-12-20");
    assert!(
        attrs(
            &site.html("/en/plans/test-plan/activities/1-1-2/"),
            ".facts dd time",
            "datetime"
        )
        .is_empty()
    );
    assert!(
        texts(&doc, ".reports .meta")
            .join(" ")
            .contains("Annual report 2010, 12")
    );
    assert_eq!(
        attrs(&doc, ".facts a[href^='/en/institutions/']", "href"),
        ["/en/institutions/rs-moi/"]
    );
}

#[test]
fn an_activity_without_a_report_says_so() {
    let site = plan_site();
    let doc = site.html("/en/plans/test-plan/activities/1-1-2/");
    assert_eq!(texts(&doc, ".facts .status"), ["No report"]);
    assert!(
        texts(&doc, "#reports + p")
            .join(" ")
            .contains("No progress report with a source has been published")
    );
    let facts = texts(&doc, ".facts dd").join(" | ");
    assert!(facts.contains("continuously from 2009 to 2011"), "{facts}");
}

#[test]
fn text_missing_in_a_language_falls_back_visibly() {
    let site = plan_site();
    // In tables, a note says untranslated texts are in the source language.
    let goal = site.html("/sr/plans/test-plan/goals/1/");
    assert_eq!(texts(&goal, ".fallback-note").len(), 1);
    assert!(texts(&site.html("/en/plans/test-plan/goals/1/"), ".fallback-note").is_empty());
    let doc = site.html("/sr/plans/test-plan/activities/1-1-2/");
    // No Serbian text: the English is shown, marked as English, with a note.
    assert_eq!(texts(&doc, ".activity-text span[lang=en]"), ["Train teachers"]);
    assert!(!texts(&doc, ".activity-text .fallback").is_empty());
    // Serbian text is shown as Serbian, and transliterated on the Latin page.
    let doc = site.html("/sr/plans/test-plan/activities/1-1-1/");
    assert_eq!(texts(&doc, ".activity-text"), ["Спровести кампању"]);
    assert!(texts(&doc, ".activity-text .fallback").is_empty());
    let lat = site.html("/sr-latn/plans/test-plan/activities/1-1-1/");
    assert_eq!(texts(&lat, ".activity-text"), ["Sprovesti kampanju"]);
    assert_eq!(texts(&lat, ".facts .status"), ["Završeno"]);
}

#[test]
fn plan_goal_and_institution_pages_roll_up_progress() {
    let site = plan_site();
    let plan = site.html("/en/plans/test-plan/");
    assert_eq!(texts(&plan, "h1"), ["Test plan"]);
    assert!(
        texts(&plan, ".rollup p")
            .join(" ")
            .contains("1 of 2 activities have a progress report")
    );
    assert_eq!(attrs(&plan, "progress", "value"), ["100"]);
    assert_eq!(attrs(&plan, ".goals a", "href"), ["/en/plans/test-plan/goals/1/"]);
    let goal = site.html("/en/plans/test-plan/goals/1/");
    assert_eq!(
        attrs(&goal, "table.activities a", "href"),
        [
            "/en/plans/test-plan/activities/1-1-1/",
            "/en/plans/test-plan/activities/1-1-2/"
        ]
    );
    let inst = site.html("/sr/institutions/rs-moi/");
    assert_eq!(texts(&inst, "h1"), ["Министарство унутрашњих послова"]);
    // 1.1.1 was reported complete on 2010-12-20, due 2010-12-31: on time.
    let en = site.html("/en/institutions/rs-moi/");
    assert!(texts(&en, "main p").contains(&"1 activity reported complete, 1 of them by its deadline.".to_owned()));
    let moj = site.html("/en/institutions/rs-moj/");
    assert!(texts(&moj, "main p").contains(&"0 activities reported complete, 0 of them by their deadline.".to_owned()));
    assert_eq!(
        attrs(&inst, "table.activities a", "href"),
        ["/sr/plans/test-plan/activities/1-1-1/"]
    );
    // Data pages are in the sitemap with every language as an alternate.
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://portal.example/en/plans/test-plan/activities/1-1-2/</loc>"));
    assert!(sitemap.contains(
        "<xhtml:link rel=\"alternate\" hreflang=\"sr-Latn\" href=\"https://portal.example/sr-latn/plans/test-plan/activities/1-1-2/\"/>"
    ));
}

#[test]
fn activities_can_be_listed_by_status_deadline_and_institution_without_javascript() {
    let site = plan_site();
    let by_status = site.html("/en/plans/test-plan/by-status/");
    assert_eq!(texts(&by_status, "section h2 .status"), ["No report", "Complete"]);
    assert_eq!(
        attrs(&by_status, "section table a", "href"),
        [
            "/en/plans/test-plan/activities/1-1-2/",
            "/en/plans/test-plan/activities/1-1-1/"
        ]
    );
    let by_deadline = site.html("/en/plans/test-plan/by-deadline/");
    let headings: Vec<String> = texts(&by_deadline, "section h2")
        .iter()
        .map(|h| h.split(" (").next().unwrap().to_owned())
        .collect();
    assert_eq!(headings, ["Due in 2010", "Continuous, recurring or without a date"]);
    // By institution: a row per responsible institution with its activities counted by status
    // (1.1.1 of the Ministry of Interior is complete, 1.1.2 of the Ministry of Justice has no
    // report), linking the plan's section of the institution's page.
    let by_institution = site.html("/sr/plans/test-plan/by-institution/");
    let english = site.html("/en/plans/test-plan/by-institution/");
    assert_eq!(
        texts(&english, "table.scorecard thead th"),
        ["Institution", "Activities", "No report", "Complete"]
    );
    assert_eq!(
        texts(&by_institution, "table.scorecard tbody th"),
        ["Ministry of Justice", "Министарство унутрашњих послова"]
    );
    assert_eq!(
        texts(&by_institution, "table.scorecard tbody td"),
        ["1", "1", "0", "1", "0", "1"]
    );
    // The Ministry of Justice has no Serbian name: its English one is marked as such.
    assert_eq!(attrs(&by_institution, "table.scorecard tbody a[lang]", "lang"), ["en"]);
    let links = attrs(&by_institution, "table.scorecard tbody a", "href");
    assert_eq!(
        links,
        [
            "/sr/institutions/rs-moj/#plan-test-plan",
            "/sr/institutions/rs-moi/#plan-test-plan"
        ]
    );
    for link in links {
        let (page, fragment) = link.split_once('#').unwrap();
        let section = texts(&site.html(page), &format!("h2#{fragment}"));
        assert_eq!(section, ["Пробни план"], "{link}");
    }
    // No script but the quick exit's enhancement: the lists are plain pages.
    assert!(
        attrs(&by_institution, "script", "src")
            .iter()
            .all(|s| s.starts_with("/assets/quick-exit."))
    );
    // The plan page links all three lists.
    let plan = site.html("/en/plans/test-plan/");
    assert_eq!(
        attrs(&plan, "nav.browse a", "href"),
        [
            "/en/plans/test-plan/by-status/",
            "/en/plans/test-plan/by-deadline/",
            "/en/plans/test-plan/by-institution/"
        ]
    );
    let list = site.html("/en/institutions/");
    assert_eq!(
        attrs(&list, "main a[href^='/en/institutions/']", "href"),
        ["/en/institutions/rs-moi/", "/en/institutions/rs-moj/"]
    );
}

#[test]
fn progress_reports_have_an_atom_feed_per_language() {
    let site = plan_site();
    let feed = site.read("en/reports.xml");
    assert!(feed.contains("<title>Putokaz: progress reports</title>"), "{feed}");
    let entries: Vec<&str> = feed.split("<entry>").skip(1).collect();
    assert_eq!(entries.len(), 1);
    assert!(
        entries[0].contains("<title>Activity 1.1.1 (test-plan): Complete</title>"),
        "{}",
        entries[0]
    );
    assert!(
        entries[0]
            .contains("<link rel=\"alternate\" href=\"https://portal.example/en/plans/test-plan/activities/1-1-1/\"/>")
    );
    assert!(entries[0].contains("<updated>2010-12-20T00:00:00Z</updated>"));
    let sr = site.read("sr-latn/reports.xml");
    assert!(sr.contains("Aktivnost 1.1.1 (test-plan): Završeno"), "{sr}");
    let page = site.html("/en/");
    assert_eq!(
        attrs(&page, "link[href='/en/reports.xml']", "type"),
        ["application/atom+xml"]
    );
}

#[test]
fn plan_charts_are_accessible_svg_with_the_same_numbers_in_a_table() {
    let site = plan_site();
    let plan = site.html("/en/plans/test-plan/");
    assert_eq!(attrs(&plan, "svg.chart", "role"), ["img", "img"]);
    assert_eq!(
        texts(&plan, "svg.chart title"),
        [
            "Activities by status",
            "Activities by the year they are due (data as of 22 November 2026)"
        ]
    );
    // Deadlines: one activity due in 2010 (passed), one continuous.
    let rows: Vec<String> = texts(&plan, "table.chart-table tbody tr");
    assert!(
        rows.iter().any(|r| r.starts_with("Due in 2010") && r.ends_with('1')),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Continuous, recurring or without a date") && r.ends_with('1')),
        "{rows:?}"
    );
    assert!(
        rows.iter().any(|r| r.starts_with("Complete") && r.ends_with('1')),
        "{rows:?}"
    );
    assert_eq!(attrs(&plan, "svg.chart rect.deadline-passed", "class").len(), 1);
    // Every bar's number is written as text beside it.
    assert!(
        texts(&plan, "svg.chart text.chart-value")
            .iter()
            .all(|v| v.parse::<usize>().is_ok())
    );
}

#[test]
fn search_index_covers_pages_and_activities_in_both_serbian_scripts() {
    let site = plan_site();
    // Every part the search page lists, joined.
    let index = |locale: &str| -> Vec<serde_json::Value> {
        let page = site.html(&format!("/{locale}/search/"));
        let parts = attrs(&page, "form.search", "data-index");
        parts[0]
            .split(' ')
            .flat_map(|url| serde_json::from_str::<Vec<serde_json::Value>>(&site.read(&url[1..])).unwrap())
            .collect()
    };
    let en = index("en");
    let urls: Vec<&str> = en.iter().map(|e| e["u"].as_str().unwrap()).collect();
    assert!(urls.contains(&"/en/plans/test-plan/activities/1-1-1/"), "{urls:?}");
    assert!(urls.contains(&"/en/institutions/rs-moi/"), "{urls:?}");
    assert!(
        !urls.iter().any(|u| u.contains("/by-")),
        "browsing lists are not indexed: {urls:?}"
    );
    let entry = en
        .iter()
        .find(|e| e["u"] == "/en/plans/test-plan/activities/1-1-1/")
        .unwrap();
    assert!(entry["f"].as_str().unwrap().contains("run a campaign"));
    assert!(entry["s"].as_str().unwrap().starts_with("Test plan"), "{}", entry["s"]);
    // Cyrillic and Latin Serbian fold to the same text, so either script finds the page.
    let fold_of = |locale: &str, url: &str| -> String {
        index(locale)
            .iter()
            .find(|e| e["u"] == url)
            .map(|e| e["f"].as_str().unwrap().to_owned())
            .unwrap()
    };
    let cyr = fold_of("sr", "/sr/plans/test-plan/activities/1-1-1/");
    assert!(cyr.contains("sprovesti kampanju"), "{cyr}");
    assert_eq!(cyr, fold_of("sr-latn", "/sr-latn/plans/test-plan/activities/1-1-1/"));
    // The page works without JavaScript: a form, and the lists to browse instead.
    let page = site.html("/en/search/");
    // In parts: the pages outside folders first, then one per folder.
    assert_eq!(
        attrs(&page, "form.search", "data-index"),
        ["/en/search-index/main.json /en/search-index/institutions.json /en/search-index/plans.json"]
    );
    let main: Vec<serde_json::Value> = serde_json::from_str(&site.read("en/search-index/main.json")).unwrap();
    assert_eq!(
        main.iter().map(|e| e["u"].as_str().unwrap()).collect::<Vec<_>>(),
        ["/en/"]
    );
    assert!(!attrs(&page, ".search-fallback a", "href").is_empty());
    let scripts: Vec<String> = attrs(&page, "script", "src")
        .into_iter()
        .filter(|s| !s.starts_with("/assets/quick-exit."))
        .collect();
    assert_eq!(scripts.len(), 1);
    assert!(scripts[0].starts_with("/assets/search.") && site.out().join(&scripts[0][1..]).is_file());
}
