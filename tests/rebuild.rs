//! Rebuilding with what the previous build kept (as `serve` does) gives the output of a fresh build.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use putokaz::pipeline::{BuildCache, BuildOptions, build, rebuild};

/// Options like `putokaz serve`'s: a cache, and `cached/` updated in place.
fn preview(site: &common::Site) -> BuildOptions {
    BuildOptions {
        root: site.root().to_path_buf(),
        out: Some(site.root().join("cached")),
        cache: Some(Arc::new(BuildCache::default())),
        update_in_place: true,
        ..BuildOptions::default()
    }
}

/// A file of the preview folder `cached/`, as text.
fn preview_file(site: &common::Site, path: &str) -> String {
    String::from_utf8_lossy(&std::fs::read(site.root().join("cached").join(path)).unwrap()).into_owned()
}

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            files.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// A statistics table `t` (people by year, 2015 and 2016) whose 2015 count is `count_2015`, and
/// the page `quote.en.md` that quotes that count with a shortcode.
fn quoted_statistic(site: &common::Site, count_2015: u32) {
    site.write(
        "content/statistics/t.toml",
        "title = { en = \"T\" }\nmeasure = { en = \"People\" }\n[source]\ndocument = \"D\"\n[[dimension]]\nid = \"year\"\nlabel = { en = \"Year\" }\nvalues = [\"2015\", \"2016\"]\n",
    );
    site.write(
        "content/statistics/t.csv",
        &format!("year,count\n2015,{count_2015}\n2016,30\n"),
    );
    site.page(
        "quote.en.md",
        "Quote",
        "There were {{ stat(table=\"t\", year=\"2015\") }}.",
    );
}

#[test]
fn cached_rebuild_after_edits_equals_a_fresh_build() {
    let site = common::Site::new();
    site.page("_index.sr.md", "Почетна", "Види [о нама](@/about.md).")
        .page("_index.en.md", "Home", "See [about](@/about.md).")
        .page("about.en.md", "About", "## Team\n\nWho we are.")
        .page("news/_index.en.md", "News", "");
    let cached = preview(&site);
    build(&cached).unwrap();

    // An edit to one page, a new translation (which changes where @/about.md leads in Serbian),
    // and a new page.
    site.page("about.en.md", "About", "## Team\n\nWho we are, edited.")
        .page("about.sr.md", "О нама", "## Тим\n\nКо смо.")
        .page("news/first.en.md", "First", "News.");
    build(&cached).unwrap();

    let fresh = BuildOptions {
        root: site.root().to_path_buf(),
        out: Some(site.root().join("fresh")),
        ..BuildOptions::default()
    };
    build(&fresh).unwrap();
    let (a, b) = (
        snapshot(&site.root().join("cached")),
        snapshot(&site.root().join("fresh")),
    );
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(
            bytes == &b[name],
            "{name} differs between the cached and the fresh build"
        );
    }
    assert!(String::from_utf8_lossy(&a["en/about/index.html"]).contains("Who we are, edited."));
    assert!(String::from_utf8_lossy(&a["sr/index.html"]).contains("href=/sr/about/"));
}

/// Builds fresh into `fresh/` and checks that `cached/` holds exactly the same files.
fn assert_same_as_fresh(site: &common::Site) {
    let fresh = site.root().join("fresh");
    let _ = std::fs::remove_dir_all(&fresh);
    build(&BuildOptions {
        root: site.root().to_path_buf(),
        out: Some(fresh.clone()),
        ..BuildOptions::default()
    })
    .unwrap();
    let (a, b) = (snapshot(&site.root().join("cached")), snapshot(&fresh));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(
            bytes == &b[name],
            "{name} differs between the cached and the fresh build"
        );
    }
}

#[test]
fn every_kind_of_edit_rebuilds_to_the_fresh_output() {
    let site = common::Site::new();
    site.page("_index.en.md", "Home", "Welcome.")
        .page("about.en.md", "About", "Text.")
        .page("gone.en.md", "Gone", "Soon removed.");
    quoted_statistic(&site, 20);
    let cached = preview(&site);
    build(&cached).unwrap();
    assert_same_as_fresh(&site);

    // An interface string.
    site.write("i18n/en.ftl", "home = Start\n");
    build(&cached).unwrap();
    assert!(preview_file(&site, "en/about/index.html").contains(">Start<"));
    assert_same_as_fresh(&site);
    // A template.
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1><div id=x>{{ page.content | safe }}</div>{% endblock content %}",
    );
    build(&cached).unwrap();
    assert_same_as_fresh(&site);
    // A statistic that a page quotes: the count becomes small and is withheld.
    site.write("content/statistics/t.csv", "year,count\n2015,4\n2016,30\n");
    build(&cached).unwrap();
    assert!(preview_file(&site, "en/quote/index.html").contains("fewer than 11"));
    assert_same_as_fresh(&site);
    // A page removed, and the configuration changed.
    std::fs::remove_file(site.root().join("content/gone.en.md")).unwrap();
    site.write(
        "putokaz.toml",
        &common::CONFIG.replace("Site description", "Another description"),
    );
    build(&cached).unwrap();
    assert!(!site.root().join("cached/en/gone").exists());
    assert_same_as_fresh(&site);
    // The page comes back, just as it was.
    site.page("gone.en.md", "Gone", "Soon removed.");
    build(&cached).unwrap();
    assert_same_as_fresh(&site);
    // A build that fails (a template that cannot render) while a body is edited, then the fix.
    site.page("about.en.md", "About", "Text, edited while the template was broken.");
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1>{{ no_such_value }}{% endblock content %}",
    );
    assert!(build(&cached).is_err());
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1><div id=x>{{ page.content | safe }}</div>{% endblock content %}",
    );
    build(&cached).unwrap();
    assert!(preview_file(&site, "en/about/index.html").contains("edited while"));
    assert_same_as_fresh(&site);
    // Only a body changes: the fast path.
    site.page("about.en.md", "About", "Text, edited once more.");
    build(&cached).unwrap();
    assert_same_as_fresh(&site);
}

#[test]
fn an_edit_to_bodies_renders_only_their_pages_and_equals_a_fresh_build() {
    let site = common::Site::new();
    site.page("_index.sr.md", "Почетна", "Види [тим](@/about.md#tim).")
        .page("_index.en.md", "Home", "See [the team](@/about.md#team).")
        .page("about.sr.md", "О нама", "## Тим\n\nКо смо.")
        .page("about.en.md", "About", "## Team\n\nWho we are.")
        .page("news/_index.en.md", "News", "")
        .page("news/first.en.md", "First", "News.");
    let cached = preview(&site);
    let first = build(&cached).unwrap();
    assert_eq!(first.rendered, first.pages);
    let about_sr = site.root().join("content/about.sr.md");
    let read = |path: &str| preview_file(&site, path);

    // The Serbian body: its Cyrillic and Latin pages, and both search indexes.
    // Only the files named are read again: an edit the watcher did not report is not seen.
    site.page("about.sr.md", "О нама", "## Тим\n\nКо смо, измењено.").page(
        "news/first.en.md",
        "First",
        "News, unreported.",
    );
    let report = rebuild(&cached, std::slice::from_ref(&about_sr)).unwrap();
    assert_eq!(report.rendered, 2, "only the Cyrillic and Latin pages render");
    assert_eq!(report.pages, first.pages);
    assert!(read("sr-latn/about/index.html").contains("Ko smo, izmenjeno."));
    assert!(read("sr/search-index/main.json").contains("izmenjeno"));
    assert!(!read("en/news/first/index.html").contains("unreported"));
    site.page("news/first.en.md", "First", "News.");
    assert_same_as_fresh(&site);

    // A body that drops the heading the home page links to: an error naming the linking
    // page, and the preview stays as it was.
    let before = snapshot(&site.root().join("cached"));
    site.page("about.en.md", "About", "## People\n\nWho we are.");
    let about_en = site.root().join("content/about.en.md");
    let err = format!("{:?}", rebuild(&cached, std::slice::from_ref(&about_en)).unwrap_err());
    assert!(err.contains("_index.en.md") && err.contains("#team"), "{err}");
    assert_eq!(snapshot(&site.root().join("cached")), before);
    site.page("about.en.md", "About", "## Team\n\nWho we are, again.");
    rebuild(&cached, std::slice::from_ref(&about_en)).unwrap();
    assert!(read("en/about/index.html").contains("Who we are, again."));
    assert_same_as_fresh(&site);

    // A new title is not a body edit: the section's list changes too, through a full build.
    site.page("news/first.en.md", "First news", "News.");
    let report = rebuild(&cached, &[site.root().join("content/news/first.en.md")]).unwrap();
    assert!(report.rendered > 1);
    assert!(read("en/news/index.html").contains("First news"));
    assert_same_as_fresh(&site);

    // An interface string that only the English search page shows: only that page renders,
    // whether the watcher's list is given or not.
    let en_ftl = site.root().join("i18n/en.ftl");
    site.write("i18n/en.ftl", "search-no-js = Search needs scripts here.\n")
        .page("news/first.en.md", "First news", "News, unreported.");
    let report = rebuild(&cached, std::slice::from_ref(&en_ftl)).unwrap();
    assert_eq!(report.rendered, 1);
    assert!(read("en/search/index.html").contains("Search needs scripts here."));
    assert!(
        !read("en/news/first/index.html").contains("unreported"),
        "only the strings were read again"
    );
    site.page("news/first.en.md", "First news", "News.");
    assert_same_as_fresh(&site);
    // A string every English page shows (the skip link) renders all of them.
    site.write(
        "i18n/en.ftl",
        "search-no-js = Search needs scripts here.\nskip-link = Skip ahead\n",
    );
    let report = rebuild(&cached, std::slice::from_ref(&en_ftl)).unwrap();
    assert!(report.rendered >= 5, "{}", report.rendered);
    assert!(read("en/about/index.html").contains("Skip ahead"));
    assert_same_as_fresh(&site);
    // The same through a full build (no list of changed files).
    site.write(
        "i18n/en.ftl",
        "search-no-js = Search needs scripts.\nskip-link = Skip ahead\n",
    );
    assert_eq!(build(&cached).unwrap().rendered, 1);
    assert_same_as_fresh(&site);

    // A removed file, reported by the watcher: a full build.
    let gone = site.root().join("content/news/first.en.md");
    std::fs::remove_file(&gone).unwrap();
    rebuild(&cached, &[gone]).unwrap();
    assert!(!site.root().join("cached/en/news/first").exists());
    assert_same_as_fresh(&site);
}

#[test]
fn an_edit_to_progress_reports_renders_only_the_pages_that_show_them() {
    let site = common::Site::new();
    site.page("_index.en.md", "Home", "Welcome.")
        .page("_index.sr.md", "Почетна", "Добродошли.")
        .page("about.en.md", "About", "Text.")
        .with_test_plan();
    let cached = preview(&site);
    let first = build(&cached).unwrap();
    let read = |path: &str| preview_file(&site, path);
    let reports = site.root().join("content/plans/test-plan/reports/2010.toml");
    let unreported = |body: &str| {
        site.page("about.en.md", "About", body);
    };

    // A comment: nothing pages show has changed, so nothing renders. The unreported body edit
    // shows that only the reports were read again.
    site.write(
        "content/plans/test-plan/reports/2010.toml",
        &format!("# Checked again.\n{}", common::TEST_REPORT),
    );
    unreported("Text, unreported.");
    let report = rebuild(&cached, std::slice::from_ref(&reports)).unwrap();
    assert_eq!(report.rendered, 0);
    assert!(!read("en/about/index.html").contains("unreported"));
    unreported("Text.");
    assert_same_as_fresh(&site);

    // The status of activity 1.1.1: in each of the three locales, the pages that show it or
    // count it render (the activity, its goal, its plan, the plan's three lists of activities,
    // its institution and the list of institutions); the other activity's, the other
    // institution's, the Markdown and the search pages do not.
    site.write(
        "content/plans/test-plan/reports/2010.toml",
        &common::TEST_REPORT.replace("\"complete\"", "\"substantial\""),
    );
    unreported("Text, unreported.");
    // Saved the way `sed -i` saves: the watcher also reports a temporary file, gone by now.
    let temporary = site.root().join("content/plans/test-plan/reports/sedX1b2c3");
    let report = rebuild(&cached, &[temporary, reports.clone()]).unwrap();
    assert_eq!(first.pages, 3 * 13);
    assert_eq!(report.rendered, 3 * 8);
    assert!(!read("en/about/index.html").contains("unreported"));
    let activity = scraper::Html::parse_document(&read("en/plans/test-plan/activities/1-1-1/index.html"));
    assert_eq!(common::texts(&activity, ".reports .status"), ["Substantial progress"]);
    assert!(read("en/reports.xml").contains("Substantial progress"));
    unreported("Text.");
    assert_same_as_fresh(&site);

    // A new report file on the other activity, then the first file removed.
    let second = site.root().join("content/plans/test-plan/reports/2011.toml");
    site.write(
        "content/plans/test-plan/reports/2011.toml",
        &common::TEST_REPORT
            .replace("1.1.1", "1.1.2")
            .replace("2010-12-20", "2011-06-01"),
    );
    let report = rebuild(&cached, std::slice::from_ref(&second)).unwrap();
    assert_eq!(report.rendered, 3 * 8);
    assert!(read("en/plans/test-plan/activities/1-1-2/index.html").contains("Campaign held."));
    assert_same_as_fresh(&site);
    std::fs::remove_file(&reports).unwrap();
    rebuild(&cached, std::slice::from_ref(&reports)).unwrap();
    assert_same_as_fresh(&site);

    // A report without a source: an error naming its file and line, and the preview stays as
    // it was; then the fix.
    let before = snapshot(&site.root().join("cached"));
    site.write(
        "content/plans/test-plan/reports/2011.toml",
        "[[report]]\nactivity = \"1.1.2\"\ndate = 2011-06-01\nstatus = \"limited\"\n",
    );
    let err = format!("{:?}", rebuild(&cached, std::slice::from_ref(&second)).unwrap_err());
    assert!(
        err.contains("reports/2011.toml") && err.contains("has no source"),
        "{err}"
    );
    assert_eq!(snapshot(&site.root().join("cached")), before);
    site.write(
        "content/plans/test-plan/reports/2011.toml",
        "[[report]]\nactivity = \"1.1.2\"\ndate = 2011-06-01\nstatus = \"limited\"\nsource = { document = \"Review\" }\n",
    );
    rebuild(&cached, std::slice::from_ref(&second)).unwrap();
    assert!(read("en/plans/test-plan/activities/1-1-2/index.html").contains("Limited progress"));
    assert_same_as_fresh(&site);
}

#[test]
fn a_template_change_renders_the_pages_made_with_it() {
    let site = common::Site::new();
    site.page("_index.en.md", "Home", "Welcome.")
        .page("about.en.md", "About", "Text.")
        .with_test_plan();
    let cached = preview(&site);
    let first = build(&cached).unwrap();
    let built_in = common::built_in_template;

    // The activity template: the two activities' pages in each of the three locales. Only the
    // templates are read again (an unreported body edit is not seen).
    let activity = site.root().join("templates/activity.html");
    site.write(
        "templates/activity.html",
        &built_in("activity.html").replace("{% block content %}", "{% block content %}<p id=edited>Edited</p>"),
    )
    .page("about.en.md", "About", "Text, unreported.");
    let report = rebuild(&cached, std::slice::from_ref(&activity)).unwrap();
    assert_eq!(report.rendered, 2 * 3);
    assert!(preview_file(&site, "sr-latn/plans/test-plan/activities/1-1-2/index.html").contains("id=edited"));
    assert!(!preview_file(&site, "en/about/index.html").contains("unreported"));
    site.page("about.en.md", "About", "Text.");
    assert_same_as_fresh(&site);

    // A template that does not parse: an error naming it, and the preview stays as it was.
    let before = snapshot(&site.root().join("cached"));
    site.write(
        "templates/activity.html",
        "{% extends \"base.html\" %}{% block content %}{% if %}",
    );
    let err = format!("{:?}", rebuild(&cached, std::slice::from_ref(&activity)).unwrap_err());
    assert!(err.contains("activity.html"), "{err}");
    assert_eq!(snapshot(&site.root().join("cached")), before);
    site.write("templates/activity.html", &built_in("activity.html"));
    rebuild(&cached, std::slice::from_ref(&activity)).unwrap();
    assert_same_as_fresh(&site);

    // A template every page extends: every page.
    site.write(
        "templates/base.html",
        &built_in("base.html").replace("<main", "<p id=base-edited>Edited</p><main"),
    );
    let report = rebuild(&cached, &[site.root().join("templates/base.html")]).unwrap();
    assert_eq!(report.rendered, first.pages);
    assert!(preview_file(&site, "en/about/index.html").contains("id=base-edited"));
    assert_same_as_fresh(&site);

    // The feed template: no page, only the feeds.
    site.write(
        "templates/atom.xml",
        &built_in("atom.xml").replace("<feed", "<!-- edited --><feed"),
    );
    let report = rebuild(&cached, &[site.root().join("templates/atom.xml")]).unwrap();
    assert_eq!(report.rendered, 0);
    assert!(preview_file(&site, "en/reports.xml").contains("<!-- edited -->"));
    assert_same_as_fresh(&site);
}

#[test]
fn a_string_the_shared_context_or_a_shortcode_shows_renders_their_pages_again() {
    let site = common::Site::new();
    site.page("_index.en.md", "Home", "Welcome.")
        .page("about.en.md", "About", "Text.");
    quoted_statistic(&site, 4);
    let cached = preview(&site);
    build(&cached).unwrap();
    assert!(preview_file(&site, "en/about/index.html").contains("22 November 2026"));
    assert!(preview_file(&site, "en/quote/index.html").contains("fewer than 11"));
    let strings = site.root().join("i18n/en.ftl");

    // The month of the as-of date every page's footer and citation show, which the context
    // every page shares is made with: a build with the cache, and serve's path for an edit to
    // strings alone.
    site.write("i18n/en.ftl", "month-11 = Novembre\n");
    build(&cached).unwrap();
    assert!(preview_file(&site, "en/about/index.html").contains("22 Novembre 2026"));
    assert_same_as_fresh(&site);
    site.write("i18n/en.ftl", "month-11 = Listopad\n");
    rebuild(&cached, std::slice::from_ref(&strings)).unwrap();
    assert!(preview_file(&site, "en/about/index.html").contains("22 Listopad 2026"));
    assert_same_as_fresh(&site);

    // A string that a shortcode writes into a page's text.
    site.write("i18n/en.ftl", "month-11 = Listopad\nstat-small = under { $k }\n");
    rebuild(&cached, std::slice::from_ref(&strings)).unwrap();
    assert!(preview_file(&site, "en/quote/index.html").contains("under 11"));
    assert_same_as_fresh(&site);
}

#[test]
fn what_a_cached_template_shows_is_made_again_when_it_or_its_strings_change() {
    let site = common::Site::new();
    site.page("_index.en.md", "Home", "Welcome.")
        .page("about.en.md", "About", "Text.")
        .page("other.en.md", "Other", "Text.")
        .with_test_plan()
        .write(
            "templates/page.html",
            &common::built_in_template("page.html")
                .replace("<article>", "<article>{{ cached(\"badge.html\", kind=page.kind) }}"),
        )
        .write("templates/badge.html", "<p class=badge>{{ t(\"toc-label\") }}</p>");
    let cached = preview(&site);
    let first = build(&cached).unwrap();
    let activity = "en/plans/test-plan/activities/1-1-2/index.html";
    let strings = site.root().join("i18n/en.ftl");

    // A string that only a template shown with `cached` on Markdown pages shows: serve's path
    // for an edit to strings renders those pages again, and only those.
    site.write("i18n/en.ftl", "toc-label = Badge edited\n");
    let report = rebuild(&cached, std::slice::from_ref(&strings)).unwrap();
    assert!(report.rendered < first.pages, "{} of {}", report.rendered, first.pages);
    for file in ["en/about/index.html", "en/other/index.html"] {
        assert!(
            preview_file(&site, file).contains("<p class=badge>Badge edited"),
            "{file}"
        );
    }
    assert_same_as_fresh(&site);

    // A string that the footer shows on every page (also made once per locale).
    site.write(
        "i18n/en.ftl",
        "toc-label = Badge edited\nfooter-source = Edited source line\n",
    );
    rebuild(&cached, std::slice::from_ref(&strings)).unwrap();
    for file in ["en/about/index.html", activity] {
        assert!(preview_file(&site, file).contains("Edited source line"), "{file}");
    }
    assert_same_as_fresh(&site);

    // The navigation's template, which every page shows through `cached`: every page.
    let nav = site.root().join("templates/nav.html");
    site.write(
        "templates/nav.html",
        &common::built_in_template("nav.html")
            .replace("<nav class=\"site-nav\"", "<nav id=nav-edited class=\"site-nav\""),
    );
    let report = rebuild(&cached, std::slice::from_ref(&nav)).unwrap();
    assert_eq!(report.rendered, first.pages);
    assert!(preview_file(&site, activity).contains("id=nav-edited"));
    assert_same_as_fresh(&site);
}
