//! Languages, scripts and translations in the built HTML.

mod common;

use common::{Site, attrs, texts};

fn bilingual_site() -> Site {
    // The page shows an e-mail address, which the build allows only when listed.
    let site = Site::with_config(&format!(
        "{}\n[help]\nallowed_contacts = [\"info@пример.срб\"]\n",
        common::CONFIG
    ));
    site.page("_index.sr.md", "Почетна", "Добро дошли.")
        .page("_index.en.md", "Home", "Welcome.")
        .page(
            "about.sr.md",
            "О порталу",
            "## Љубав и ЉУБАВ\n\nЊива, џеп, ђак. Види https://пример.срб/а и пиши на info@пример.срб. Реч `код` и Putokaz.\n\n<span lang=\"en\">Trafficking</span> је злочин.",
        )
        .page("about.en.md", "About", "## Love\n\nText.")
        .page("only-english.en.md", "Only in English", "English only.");
    site.build();
    site
}

#[test]
fn every_page_declares_its_language_and_script() {
    let site = bilingual_site();
    for (url, lang) in [
        ("/sr/about/", "sr-Cyrl"),
        ("/sr-latn/about/", "sr-Latn"),
        ("/en/about/", "en"),
    ] {
        assert_eq!(attrs(&site.html(url), "html", "lang"), [lang], "{url}");
    }
}

#[test]
fn hreflang_links_every_translation_and_nothing_else() {
    let site = bilingual_site();
    let doc = site.html("/en/about/");
    let mut alternates: Vec<(String, String)> = attrs(&doc, "link[rel=alternate][hreflang]", "hreflang")
        .into_iter()
        .zip(attrs(&doc, "link[rel=alternate][hreflang]", "href"))
        .collect();
    alternates.sort();
    assert_eq!(
        alternates,
        [
            ("en".into(), "https://portal.example/en/about/".into()),
            ("sr-Cyrl".into(), "https://portal.example/sr/about/".into()),
            ("sr-Latn".into(), "https://portal.example/sr-latn/about/".into()),
            ("x-default".into(), "https://portal.example/sr/about/".into()),
        ]
    );
    // A page without translations only points at itself.
    let doc = site.html("/en/only-english/");
    assert_eq!(attrs(&doc, "link[rel=alternate][hreflang]", "hreflang"), ["en"]);
}

#[test]
fn serbian_latin_is_transliterated_except_code_urls_and_addresses() {
    let site = bilingual_site();
    let doc = site.html("/sr-latn/about/");
    let prose = texts(&doc, ".prose").join(" ");
    assert!(prose.contains("Ljubav i LJUBAV"), "{prose}");
    assert!(prose.contains("Njiva, džep, đak."), "{prose}");
    assert!(prose.contains("https://пример.срб/а"), "{prose}");
    assert!(prose.contains("info@пример.срб"), "{prose}");
    assert_eq!(texts(&doc, ".prose code"), ["код"]);
    assert!(prose.contains("Putokaz"), "{prose}");
    // The interface is Latin too: title, navigation, headings.
    assert_eq!(texts(&doc, "h1"), ["O portalu"]);
    assert_eq!(texts(&doc, ".skip-link"), ["Pređi na glavni sadržaj"]);
    // Outside code, URLs and e-mail addresses nothing Cyrillic is left in the main text.
    let leftover: String = prose
        .split_whitespace()
        .filter(|w| !w.contains("пример") && *w != "код")
        .flat_map(|w| w.chars())
        .filter(|c| ('\u{0400}'..='\u{04FF}').contains(c))
        .collect();
    assert_eq!(leftover, "");
    // The same heading has the same id in both scripts, so anchors survive the switch.
    assert_eq!(
        attrs(&site.html("/sr/about/"), ".prose h2", "id"),
        attrs(&doc, ".prose h2", "id")
    );
    // Passages in another language keep their lang attribute.
    assert_eq!(texts(&doc, ".prose span[lang=en]"), ["Trafficking"]);
}

#[test]
fn serbian_pages_offer_both_scripts() {
    let site = bilingual_site();
    let cyr = site.html("/sr/about/");
    assert_eq!(
        attrs(&cyr, "nav.switcher a[hreflang=sr-Latn]", "href"),
        ["/sr-latn/about/"]
    );
    let lat = site.html("/sr-latn/about/");
    assert_eq!(attrs(&lat, "nav.switcher a[hreflang=sr-Cyrl]", "href"), ["/sr/about/"]);
    // English pages have no script switcher.
    assert!(attrs(&site.html("/en/about/"), "nav.switcher a[hreflang=sr-Latn]", "href").is_empty());
}

#[test]
fn a_missing_translation_gets_an_honest_notice_not_a_404() {
    let site = bilingual_site();
    let doc = site.html("/sr/only-english/");
    assert_eq!(attrs(&doc, "html", "lang"), ["sr-Cyrl"]);
    assert_eq!(texts(&doc, "h1"), ["Још није доступно на српском"]);
    assert_eq!(attrs(&doc, "main a[hreflang=en]", "href"), ["/en/only-english/"]);
    assert_eq!(texts(&doc, "main a[hreflang=en] span[lang=en]"), ["Only in English"]);
    assert_eq!(attrs(&doc, "meta[name=robots]", "content"), ["noindex"]);
    // The Latin copy of the notice exists too.
    assert_eq!(
        texts(&site.html("/sr-latn/only-english/"), "h1"),
        ["Još nije dostupno na srpskom"]
    );
    // The English page's switcher says Serbian is not translated and links the notice.
    let en = site.html("/en/only-english/");
    let switcher = texts(&en, "nav.switcher a[hreflang=sr-Cyrl]");
    assert_eq!(switcher.len(), 1);
    assert!(switcher[0].contains("not translated yet"), "{switcher:?}");
    // The sitemap lists real pages only.
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://portal.example/en/only-english/</loc>"));
    assert!(!sitemap.contains("<loc>https://portal.example/sr/only-english/</loc>"));
}

#[test]
fn translation_key_links_pages_with_different_file_names() {
    let site = Site::new();
    site.write(
        "content/o-nama.sr.md",
        "+++\ntitle = \"О нама\"\ntranslation_key = \"about\"\n+++\n",
    )
    .write(
        "content/about-us.en.md",
        "+++\ntitle = \"About us\"\ntranslation_key = \"about\"\n+++\n",
    );
    site.build();
    let doc = site.html("/en/about-us/");
    assert_eq!(
        attrs(&doc, "link[rel=alternate][hreflang=sr-Cyrl]", "href"),
        ["https://portal.example/sr/o-nama/"]
    );
}

#[test]
fn sitemap_lists_every_translation_of_every_page() {
    let site = bilingual_site();
    let sitemap = site.read("sitemap.xml");
    let entries: Vec<&str> = sitemap.split("<url>").skip(1).collect();
    // home and about in three locales, only-english once
    assert_eq!(entries.len(), 7, "{sitemap}");
    let about_en = entries
        .iter()
        .find(|e| e.contains("<loc>https://portal.example/en/about/</loc>"))
        .unwrap();
    for (lang, href) in [
        ("sr-Cyrl", "https://portal.example/sr/about/"),
        ("sr-Latn", "https://portal.example/sr-latn/about/"),
        ("en", "https://portal.example/en/about/"),
    ] {
        let link = format!("<xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{href}\"/>");
        assert!(about_en.contains(&link), "{link} missing in {about_en}");
    }
    assert!(
        site.read("robots.txt")
            .contains("Sitemap: https://portal.example/sitemap.xml")
    );
}

#[test]
fn root_page_sends_visitors_to_their_language_without_javascript() {
    let site = bilingual_site();
    let doc = site.html("/");
    assert_eq!(attrs(&doc, "ul.choices a", "href"), ["/sr/", "/sr-latn/", "/en/"]);
    assert_eq!(attrs(&doc, "ul.choices li", "lang"), ["sr-Cyrl", "sr-Latn", "en"]);
    // The only script is the quick exit's enhancement; choosing a language is a plain link.
    let scripts = attrs(&doc, "script", "src");
    assert!(
        scripts.len() == 1 && scripts[0].starts_with("/assets/quick-exit."),
        "{scripts:?}"
    );
}

#[test]
fn not_found_pages_exist_per_language() {
    let site = bilingual_site();
    for (file, lang, heading) in [
        ("sr/404.html", "sr-Cyrl", "Страница није пронађена"),
        ("en/404.html", "en", "Page not found"),
        ("404.html", "sr-Cyrl", "Страница није пронађена"),
    ] {
        let doc = scraper::Html::parse_document(&site.read(file));
        assert_eq!(attrs(&doc, "html", "lang"), [lang], "{file}");
        assert_eq!(texts(&doc, "h1"), [heading], "{file}");
    }
}

#[test]
fn dates_follow_the_language() {
    let site = Site::new();
    site.write(
        "content/news/_index.sr.md",
        "+++\ntitle = \"Вести\"\nfeed = true\nsort_by = \"date\"\n+++\n",
    )
    .write(
        "content/news/first.sr.md",
        "+++\ntitle = \"Прва\"\ndate = 2026-03-05\n+++\n",
    );
    site.build();
    let doc = site.html("/sr/news/first/");
    assert_eq!(texts(&doc, ".meta time"), ["5. март 2026."]);
    assert_eq!(attrs(&doc, ".meta time", "datetime"), ["2026-03-05"]);
    let lat = site.html("/sr-latn/news/first/");
    assert_eq!(texts(&lat, ".meta time"), ["5. mart 2026."]);
    let footer = texts(
        &scraper::Html::parse_document(&site.read("en/404.html")),
        ".site-footer p",
    )
    .join(" ");
    assert!(footer.contains("22 November 2026"), "{footer}");
}

#[test]
fn a_section_names_the_pages_of_its_folder_that_other_languages_have() {
    let site = Site::new();
    site.page("_index.en.md", "Home", "Welcome.")
        .page("_index.sr.md", "Почетна", "Добро дошли.")
        .page("news/_index.en.md", "News", "")
        .page("news/_index.sr.md", "Вести", "")
        .page("news/both.en.md", "Both", "Text.")
        .page("news/both.sr.md", "Обе", "Текст.")
        .page("news/english.en.md", "Only English", "Text.")
        .page("news/deeper/_index.en.md", "Deeper", "")
        .page("news/deeper/inner.en.md", "Inner", "Text.")
        .page("about.en.md", "About", "Text.");
    site.build();
    let news = site.html("/sr/news/");
    assert_eq!(texts(&news, "main .listing li > a"), ["Обе", "Only English"]);
    assert_eq!(attrs(&news, ".notice + .listing a", "href"), ["/sr/news/english/"]);
    // Nothing of other folders, and nothing on the English section, which has them all.
    assert!(texts(&site.html("/en/news/"), ".notice").is_empty());
}

#[test]
fn a_citation_ends_with_one_full_stop_in_every_language() {
    // Serbian long dates end with a full stop of their own ("22. новембар 2026."); the citation
    // must not add a second one.
    let site = bilingual_site();
    for (url, ending) in [
        ("/sr/about/", "22. новембар 2026."),
        ("/sr-latn/about/", "22. novembar 2026."),
        ("/en/about/", "22 November 2026."),
    ] {
        let cite = texts(&site.html(url), "aside.cite p").concat();
        assert!(cite.ends_with(ending), "{url}: {cite}");
        assert!(!cite.contains(".."), "{url}: {cite}");
    }
}
