//! Where to get help: sourced entries, SOS pages per language and country, and their checks.

mod common;

use common::{Site, attrs, stderr, texts};

const RS: &str = r#"[[entry]]
id = "test-line"
organisation = { en = "Test Helpline", sr = "Пробна линија" }
offers = { en = "Advice for victims." }
phone = "+381111234567"
source = { document = "Test directory", page = "3" }
verified = 2026-10-01

[[entry]]
id = "old-line"
organisation = { en = "Old Helpline" }
offers = { en = "Advice." }
where_to_find = { en = "Ask the police." }
source = { document = "Old report" }
verified = 2018-05-01
"#;

fn help_site() -> Site {
    let site = Site::new();
    site.page("_index.en.md", "Home", "x")
        .page("_index.sr.md", "Почетна", "x")
        .write("content/help/rs.toml", RS);
    site
}

#[test]
fn every_language_has_a_help_page_per_country_with_sourced_entries() {
    let site = help_site();
    site.build();
    for locale in ["sr", "sr-latn", "en"] {
        let doc = site.html(&format!("/{locale}/help/rs/"));
        assert_eq!(texts(&doc, "h1").len(), 1);
        assert_eq!(texts(&doc, "article.hotline").len(), 2, "{locale}");
    }
    let doc = site.html("/en/help/rs/");
    assert_eq!(attrs(&doc, "a.phone", "href"), ["tel:+381111234567"]);
    assert!(texts(&doc, ".facts dd").iter().any(|t| t.contains("Test directory, 3")));
    // The entry without a number says so, and shows where to find it instead.
    let old = texts(&doc, "article.hotline").pop().unwrap();
    assert!(
        old.contains("The source gives no phone number") && old.contains("Ask the police."),
        "{old}"
    );
    assert!(old.contains("This may have changed since."), "{old}");
    assert!(
        !texts(&doc, "article.hotline")
            .first()
            .unwrap()
            .contains("This may have changed since.")
    );
    // Serbian text where there is one, transliterated for Latin readers.
    assert_eq!(
        texts(&site.html("/sr-latn/help/rs/"), "article.hotline h3")
            .first()
            .unwrap(),
        "Probna linija"
    );
    // A help banner leads there from every page.
    assert_eq!(attrs(&site.html("/en/"), ".help-banner a", "href"), ["/en/help/"]);
}

#[test]
fn check_warns_about_stale_entries_and_refuses_unsourced_or_malformed_numbers() {
    let site = help_site();
    let out = site.run(&["check"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("warning: content/help/rs.toml:9: `old-line` was last verified on 2018-05-01"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("`test-line` was last verified"));
    let broken = RS
        .replace(
            "source = { document = \"Test directory\", page = \"3\" }",
            "source = { document = \"\" }",
        )
        .replace("+381111234567\"", "+381111234567\"\n")
        .replace("phone = \"+381111234567\"", "phone = \"011 123 4567\"");
    site.write("content/help/rs.toml", &broken);
    let err = stderr(&site.run(&["check"]));
    assert!(
        err.contains(
            "content/help/rs.toml:1: `test-line` has no source: a phone number is never published without one"
        ),
        "{err}"
    );
    assert!(
        err.contains("phone `011 123 4567` of `test-line` is not in E.164 form"),
        "{err}"
    );
}

#[test]
fn short_emergency_numbers_are_linked_and_checked() {
    let site = help_site();
    let police = "[[entry]]\nid = \"police\"\norganisation = { en = \"Police\" }\noffers = { en = \"Emergency calls.\" }\nshort_number = \"192\"\nsource = { document = \"A dated notice\" }\nverified = 2026-10-01\n\n";
    site.write("content/help/rs.toml", &format!("{police}{RS}"));
    site.build();
    let doc = site.html("/en/help/rs/");
    assert_eq!(attrs(&doc, "a.phone", "href"), ["tel:192", "tel:+381111234567"]);
    assert_eq!(texts(&doc, "article.hotline h3").first().unwrap(), "Police");

    // A short number is digits only, and never without a source.
    let bad = police
        .replace("\"192\"", "\"19-2\"")
        .replace("document = \"A dated notice\"", "document = \"\"");
    site.write("content/help/rs.toml", &format!("{bad}{RS}"));
    let err = stderr(&site.run(&["check"]));
    assert!(
        err.contains("short number `19-2` of `police` is not 3 or 4 digits"),
        "{err}"
    );
    assert!(
        err.contains("`police` has no source: a phone number is never published without one"),
        "{err}"
    );
}

#[test]
fn a_curated_page_at_a_data_page_path_is_shown_with_the_data() {
    let site = help_site();
    site.page("help/_index.en.md", "Help", "Read this first.");
    site.build();
    let doc = site.html("/en/help/");
    assert_eq!(texts(&doc, ".prose p"), ["Read this first."]);
    assert_eq!(texts(&doc, "article.hotline").len(), 2, "the entries are still listed");
}
