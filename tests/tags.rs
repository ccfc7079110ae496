//! Tags: `tags` in front matter, a page per tag in each locale, and the list of tags.

mod common;

use common::{Site, attrs, texts};

/// Writes a Markdown page with tags and a date.
fn tagged(site: &Site, rel: &str, title: &str, date: &str, tags: &[&str]) {
    let tags: Vec<String> = tags.iter().map(|t| format!("\"{t}\"")).collect();
    site.write(
        &format!("content/{rel}"),
        &format!(
            "+++\ntitle = \"{title}\"\ndate = {date}\ntags = [{}]\n+++\n\nText.\n",
            tags.join(", ")
        ),
    );
}

fn tagged_site() -> Site {
    let site = Site::new();
    site.page("_index.en.md", "Home", "Welcome.")
        .page("_index.sr.md", "Почетна", "Добро дошли.")
        .page("news/_index.en.md", "News", "")
        .page("news/_index.sr.md", "Вести", "");
    tagged(
        &site,
        "news/older.en.md",
        "Older",
        "2024-01-10",
        &["Children", "Prevention"],
    );
    tagged(&site, "news/newer.en.md", "Newer", "2025-03-01", &["Children"]);
    tagged(
        &site,
        "news/english-only.en.md",
        "Hotline week",
        "2025-01-01",
        &["Hotline"],
    );
    tagged(&site, "news/older.sr.md", "Старија", "2024-01-10", &["Деца"]);
    site.build();
    site
}

#[test]
fn a_tag_lists_its_pages_newest_first_in_each_locale() {
    let site = tagged_site();
    let children = site.html("/en/tags/children/");
    assert_eq!(texts(&children, "h1"), ["Tag: Children"]);
    assert_eq!(texts(&children, "main .listing li a"), ["Newer", "Older"]);
    assert_eq!(
        attrs(&children, "main .listing li a", "href"),
        ["/en/news/newer/", "/en/news/older/"]
    );
    // Serbian tags are written in Cyrillic; the slug and the Latin page follow the script.
    let deca = site.html("/sr/tags/deca/");
    assert_eq!(texts(&deca, "main .listing li a"), ["Старија"]);
    let latin = site.html("/sr-latn/tags/deca/");
    assert_eq!(texts(&latin, "h1"), ["Oznaka: Deca"]);
    assert_eq!(attrs(&latin, "main .listing li a", "href"), ["/sr-latn/news/older/"]);
}

#[test]
fn the_list_of_tags_counts_pages_per_language() {
    let site = tagged_site();
    let en = site.html("/en/tags/");
    assert_eq!(
        texts(&en, "main .tags li"),
        ["Children (2)", "Hotline (1)", "Prevention (1)"]
    );
    assert_eq!(texts(&site.html("/sr/tags/"), "main .tags li"), ["Деца (1)"]);
}

#[test]
fn pages_link_their_tags() {
    let site = tagged_site();
    let older = site.html("/en/news/older/");
    assert_eq!(texts(&older, ".tags a"), ["Children", "Prevention"]);
    assert_eq!(
        attrs(&older, ".tags a", "href"),
        ["/en/tags/children/", "/en/tags/prevention/"]
    );
    assert_eq!(
        attrs(&site.html("/sr-latn/news/older/"), ".tags a", "href"),
        ["/sr-latn/tags/deca/"]
    );
}

#[test]
fn a_tag_no_page_of_a_language_has_points_to_the_languages_that_have_it() {
    let site = tagged_site();
    let hotline = site.html("/sr/tags/hotline/");
    assert_eq!(texts(&hotline, "main .listing li a"), ["Hotline"]);
    assert_eq!(attrs(&hotline, "main .listing li a", "href"), ["/en/tags/hotline/"]);
    assert_eq!(attrs(&hotline, "main .listing li a", "lang"), ["en"]);
    // Such a page is for readers who follow a link, not for search engines.
    assert_eq!(attrs(&hotline, "meta[name=robots]", "content"), ["noindex"]);
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("/en/tags/hotline/"));
    assert!(!sitemap.contains("/sr/tags/hotline/"), "{sitemap}");
    assert!(!sitemap.contains("/sr-latn/tags/hotline/"));
}

#[test]
fn a_tag_without_letters_is_an_error_naming_the_line() {
    let site = Site::new();
    site.page("_index.en.md", "Home", "Welcome.").write(
        "content/bad.en.md",
        "+++\ntitle = \"Bad\"\ntags = [\"ok\", \"--\"]\n+++\n\nText.\n",
    );
    let out = site.run(&["build"]);
    assert!(!out.status.success());
    let err = common::stderr(&out);
    assert!(err.contains("content/bad.en.md:3") && err.contains("tag 2"), "{err}");
}

#[test]
fn a_tag_written_twice_on_a_page_lists_the_page_once() {
    let site = Site::new();
    site.page("_index.en.md", "Home", "Welcome.");
    tagged(&site, "one.en.md", "One", "2025-01-01", &["Children", "children"]);
    site.build();
    assert_eq!(texts(&site.html("/en/tags/"), "main .tags li"), ["Children (1)"]);
    assert_eq!(texts(&site.html("/en/tags/children/"), "main .listing li a"), ["One"]);
}

#[test]
fn a_tag_written_another_way_links_to_the_same_tag() {
    let site = Site::new();
    site.page("_index.en.md", "Home", "Welcome.")
        .page("news/_index.en.md", "News", "");
    tagged(&site, "news/a.en.md", "A", "2024-01-10", &["Child protection"]);
    tagged(
        &site,
        "news/b.en.md",
        "B",
        "2025-03-01",
        &["CHILD  PROTECTION", "Hotlines"],
    );
    site.build();
    assert_eq!(
        attrs(&site.html("/en/news/b/"), ".tags a", "href"),
        ["/en/tags/child-protection/", "/en/tags/hotlines/"]
    );
    assert_eq!(
        texts(&site.html("/en/news/b/"), ".tags a"),
        ["CHILD PROTECTION", "Hotlines"]
    );
    assert_eq!(
        texts(&site.html("/en/tags/child-protection/"), "main .listing li a"),
        ["B", "A"]
    );
}
