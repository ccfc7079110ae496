//! Bad input: every problem reported at once with file and line, and the last good output kept.

mod common;

use common::{Site, stderr};

#[test]
fn every_error_is_reported_together_with_file_and_line() {
    let site = Site::new();
    site.page("_index.en.md", "Home", "Fine.")
        // malformed TOML in front matter, on line 3
        .write("content/broken.en.md", "+++\ntitle = \"Broken\"\ndate = 2026-13-45\n+++\n")
        // an unknown front-matter field, on line 3
        .write("content/typo.en.md", "+++\ntitle = \"Typo\"\ndescripton = \"x\"\n+++\n")
        // a language that is not configured
        .page("page.de.md", "Deutsch", "")
        // a link to a page that does not exist (body line 3 → file line 7)
        .page("links.en.md", "Links", "First line.\n\nSee [the plan](@/plans/nowhere.md).\n\nAnd [an anchor](@/_index.md#missing) and [a path](/en/nothing/).")
        // two pages on one URL
        .write("content/one.en.md", "+++\ntitle = \"One\"\nslug = \"same\"\n+++\n")
        .write("content/two.en.md", "+++\ntitle = \"Two\"\nslug = \"same\"\n+++\n")
        // a template that does not exist
        .write("content/custom.en.md", "+++\ntitle = \"Custom\"\ntemplate = \"fancy.html\"\n+++\n")
        // not UTF-8, bad byte on line 4
        .write_bytes("content/latin1.en.md", b"+++\ntitle = \"Latin-1\"\n+++\ncaf\xe9\n");
    let out = site.run(&["build"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    for expected in [
        "content/broken.en.md:3:",
        "content/typo.en.md:3: front matter: unknown field `descripton`",
        "content/page.de.md: the file name names an unknown language `de`",
        "content/links.en.md:7: the link @/plans/nowhere.md names no page",
        "content/links.en.md:9: the link /en/#missing names an anchor #missing",
        "content/links.en.md:9: the link /en/nothing/ leads to no page or file",
        "the URL /en/same/ is taken twice",
        "content/custom.en.md:3: there is no template `fancy.html`",
        "content/latin1.en.md:4: the file is not valid UTF-8 text",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(err.contains("hint:"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!site.out().exists(), "nothing may be written by a failed build");
}

#[test]
fn a_failed_build_leaves_the_last_good_site_untouched() {
    let site = Site::new();
    site.page("_index.en.md", "Home", "Version one.");
    site.build();
    let before = site.read("en/index.html");
    assert!(before.contains("Version one."));
    site.write("content/_index.en.md", "+++\ntitle = \"Home\n+++\nVersion two.\n");
    let out = site.run(&["build"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("content/_index.en.md:2"), "{}", stderr(&out));
    assert_eq!(site.read("en/index.html"), before);
    assert_eq!(site.folders_beside_output(), Vec::<String>::new());
}

#[test]
fn a_build_that_fails_on_a_link_leaves_the_last_good_site_untouched() {
    let site = Site::new();
    site.page("_index.en.md", "Home", "Version one.")
        .page("about.en.md", "About", "About us.");
    site.build();
    let before = site.read("en/about/index.html");
    // The pages are valid, so the new output is begun (and its folders made) while Markdown
    // renders; the broken link then fails the build.
    site.page("about.en.md", "About", "See [nothing](@/nowhere.md).")
        .page("news.en.md", "News", "New page.");
    let out = site.run(&["build"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("names no page"), "{}", stderr(&out));
    assert_eq!(site.read("en/about/index.html"), before);
    assert!(!site.out().join("en/news").exists());
    // The next build, from the output given up, is the site and nothing else.
    site.page("about.en.md", "About", "About us, again.");
    std::fs::remove_file(site.root().join("content/news.en.md")).unwrap();
    site.build();
    assert!(site.read("en/about/index.html").contains("About us, again."));
    assert!(
        !site.out().join("en/news").exists(),
        "a folder made for the failed build stayed"
    );
}

#[test]
fn a_build_that_fails_after_writing_pages_leaves_the_last_good_site_untouched() {
    let site = Site::new();
    site.page("_index.en.md", "Home", "Version one.")
        .page("about.en.md", "About", "About us.");
    site.build();
    let before = (site.read("en/index.html"), site.read("en/about/index.html"));
    // Pages are put into the new output as they render; the leak scan of this one fails the
    // build after that.
    site.page("_index.en.md", "Home", "Version two.")
        .page("about.en.md", "About", "Write to someone@example.org.");
    let out = site.run(&["build"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("someone@example.org"), "{}", stderr(&out));
    assert_eq!((site.read("en/index.html"), site.read("en/about/index.html")), before);
    // The new output given up is kept as the previous one, for the next build to reuse.
    assert_eq!(site.folders_beside_output(), [".public.putokaz-previous"]);

    site.page("about.en.md", "About", "About us, again.");
    site.build();
    assert!(site.read("en/index.html").contains("Version two."));
    assert!(site.read("en/about/index.html").contains("About us, again."));
}

#[test]
fn configuration_errors_name_the_line() {
    let site = Site::with_config(&common::CONFIG.replace("as_of = 2026-11-22", "as_of = \"yesterday\""));
    let out = site.run(&["build"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("putokaz.toml:3:"), "{}", stderr(&out));
}

#[test]
fn template_errors_name_the_template_and_line() {
    let site = Site::new();
    site.page("_index.en.md", "Home", "x").write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}\n{{ page.title \n{% endblock content %}\n",
    );
    let out = site.run(&["build"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    // The parser notices the unclosed `{{` where the next tag starts, on line 4.
    assert!(err.contains("templates/page.html:4: template syntax"), "{err}");

    let site = Site::new();
    site.page("_index.en.md", "Home", "x").write(
        "templates/index.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ page.title }}</h1>\n{{ page.no_such_field }}\n{% endblock content %}\n",
    );
    let err = stderr(&site.run(&["build"]));
    assert!(err.contains("templates/index.html:4:"), "{err}");
    assert!(err.contains("content/_index.en.md"), "{err}");
    // The expression at fault is quoted.
    assert!(err.contains("`page.no_such_field`"), "{err}");
}

#[test]
fn malformed_template_html_names_the_template_and_what_is_wrong() {
    let site = Site::new();
    site.page("_index.en.md", "Home", "x").write(
        "templates/index.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ page.title }}</h1></section>\n{% endblock content %}\n",
    );
    let out = site.run(&["build"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("templates/index.html: while rendering") && err.contains("the HTML is not well-formed"),
        "{err}"
    );
    assert!(
        err.contains("</h1></section>"),
        "the error shows the HTML around the fault: {err}"
    );
}

#[test]
fn the_output_folder_may_not_be_the_sources() {
    let site = Site::new();
    site.page("_index.en.md", "Home", "x");
    let out = site.run(&["build", "--out", "."]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("holds the site's own sources"),
        "{}",
        stderr(&out)
    );
    assert!(site.root().join("content/_index.en.md").exists());
}

#[test]
fn check_reports_translation_coverage_and_missing_strings() {
    let site = Site::new();
    site.page("_index.sr.md", "Почетна", "x")
        .page("_index.en.md", "Home", "x")
        .page("only.en.md", "Only English", "x")
        .write("i18n/en.ftl", "extra-label = Extra\n");
    let out = site.run(&["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("sr   1/2 pages"), "{report}");
    assert!(
        report.contains("missing: a translation of content/only.en.md"),
        "{report}"
    );
    assert!(report.contains("en   2/2 pages"), "{report}");
    assert!(
        report.contains("1 interface string(s) shown in English: extra-label"),
        "{report}"
    );
    assert!(!site.out().exists(), "check writes nothing");
}

/// Builds a site of three pages with the built-in base template changed by `edit`, checks that
/// the build fails with one error line mentioning `needle` for all the pages the base template
/// makes, which says `{counted} N pages (` and `and N-3 more)`; returns that line and all the
/// errors.
fn one_error_for_every_page(edit: impl Fn(&str) -> String, needle: &str, counted: &str) -> (String, String) {
    let site = Site::new();
    site.page("_index.en.md", "Home", "x")
        .page("a.en.md", "A", "a")
        .page("b.en.md", "B", "b");
    site.build();
    // Every page with the base template's footer.
    let pages = common::html_files(&site.out())
        .iter()
        .filter(|f| std::fs::read_to_string(f).unwrap().contains("</footer>"))
        .count();
    site.write("templates/base.html", &edit(&common::built_in_template("base.html")));
    let out = site.run(&["build"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().filter(|l| l.contains(needle)).collect();
    assert_eq!(lines.len(), 1, "one error for all {pages} pages:\n{err}");
    assert!(lines[0].contains(&format!("{counted} {pages} pages (")), "{err}");
    assert!(lines[0].contains(&format!(" and {} more)", pages - 3)), "{err}");
    (lines[0].to_owned(), err)
}

#[test]
fn a_leak_on_every_page_is_reported_once() {
    let (line, err) = one_error_for_every_page(
        |base| base.replace("</main>", "<a href=\"JavaScript:void(0)\">x</a></main>"),
        "a javascript: link",
        "on",
    );
    assert!(line.contains(" pages (404.html, "), "{err}");
    assert!(err.contains("a template (templates/)"), "{err}");
}

#[test]
fn a_template_fault_on_every_page_is_reported_once() {
    let (line, err) = one_error_for_every_page(
        |base| base.replace("t(\"skip-link\")", "t(\"no-such-string\")"),
        "no-such-string",
        "while rendering",
    );
    assert!(line.contains("templates/base.html:"), "{err}");
}

#[test]
fn the_build_refuses_pages_that_would_leak_their_visitors() {
    let site = Site::new();
    site.page("_index.en.md", "Home", "x").page(
        "contact.en.md",
        "Contact",
        "Write to someone@example.org or call +381 63 123 4567.\n\n<img src=\"https://tracker.example/pixel.gif\" alt=\"\">",
    );
    // `check` scans each page as it is made, as `build` does, and writes nothing.
    for command in ["build", "check"] {
        let out = site.run(&[command]);
        assert!(!out.status.success());
        let err = stderr(&out);
        for expected in [
            "content/contact.en.md: the text shows someone@example.org",
            "content/contact.en.md: the text shows +381 63 123 4567",
            "content/contact.en.md: <img> loads https://tracker.example/pixel.gif from another site",
        ] {
            assert!(err.contains(expected), "{command}: missing {expected:?} in:\n{err}");
        }
        assert!(!site.out().exists());
    }
    // Contacts on the allow-list may appear.
    let allowed =
        common::CONFIG.to_owned() + "\n[help]\nallowed_contacts = [\"someone@example.org\", \"+381 63 123 4567\"]\n";
    let site = Site::with_config(&allowed);
    site.page(
        "_index.en.md",
        "Home",
        "Write to someone@example.org or call +381 63 123 4567.",
    );
    site.build();
}
