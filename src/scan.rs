//! The last check before anything is written: the output must leak nothing about its visitors.
//!
//! Every HTML page and stylesheet is scanned for resources loaded from other sites (scripts,
//! stylesheets, images, fonts, frames, `@import`), for inline scripts, style attributes and
//! event handlers (a strict Content-Security-Policy would block them anyway), and for e-mail
//! addresses and phone numbers that are not on the site's allow-list. A finding stops the build.
//!
//! It reads tags with its own code, not the minifier's (`crate::minify`), so that a mistake in
//! how one of them reads HTML is not made by both.

use crate::output::{Body, OutputFile};
use rayon::prelude::*;

/// One problem found in an output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The output file, e.g. `en/about/index.html`.
    pub file: String,
    /// What is wrong.
    pub message: String,
}

/// Scans `files`. `base_url` counts as the site itself; `allowed` lists e-mail addresses and
/// phone numbers that may appear (as written, compared without spaces).
///
/// `reuse(path)` may give the findings of a previous scan of the same bytes; every file scanned
/// anew is passed to `keep` with its findings.
pub fn scan(
    files: &[OutputFile],
    base_url: &str,
    allowed: &[String],
    reuse: &(dyn Fn(&str) -> Option<Vec<Finding>> + Sync),
    keep: &(dyn Fn(&str, &[Finding]) + Sync),
) -> Vec<Finding> {
    let scanner = Scanner::new(base_url, allowed);
    files
        .par_iter()
        .flat_map_iter(|file| {
            if let Some(findings) = reuse(&file.path) {
                return findings;
            }
            let findings = scanner.scan(file);
            keep(&file.path, &findings);
            findings
        })
        .collect()
}

/// The scan of one file at a time, with the rules of one site.
pub struct Scanner<'a> {
    base_url: &'a str,
    /// The allowed contacts, compared without spaces and punctuation.
    allowed: Vec<String>,
    /// What each fragment copied into many pages shows, scanned once ([`Scanner::scan_with`]):
    /// `None` for one whose last tag, comment or script runs on past its end.
    fragments: std::sync::Mutex<rustc_hash::FxHashMap<Box<str>, Option<Vec<String>>>>,
}

impl<'a> Scanner<'a> {
    /// The rules: `base_url` counts as the site itself; `allowed` lists the e-mail addresses and
    /// phone numbers that may appear.
    pub fn new(base_url: &'a str, allowed: &[String]) -> Scanner<'a> {
        Scanner {
            base_url,
            allowed: allowed.iter().map(|a| compact(a)).collect(),
            fragments: Default::default(),
        }
    }

    /// What is wrong with `file`.
    pub fn scan(&self, file: &OutputFile) -> Vec<Finding> {
        self.scan_with(file, &[])
    }

    /// What is wrong with `file`, a page into which `fragments` (where each starts, and its
    /// HTML) were copied as made once for many pages: each is scanned once, and where the scan
    /// reaches one between tags, its findings are taken and its bytes passed over. Tags are read
    /// alike wherever they stand, so this finds what reading the page whole finds; a fragment
    /// whose last tag, comment or script runs on past it is read with the page, and so is every
    /// fragment of a page that may show contacts (their text is read across tags).
    pub fn scan_with(&self, file: &OutputFile, fragments: &[(usize, &str)]) -> Vec<Finding> {
        let mut findings = Vec::new();
        let (html, css) = (file.path.ends_with(".html"), file.path.ends_with(".css"));
        // Only pages and stylesheets are read: data files and search indexes load nothing.
        let text = match &file.body {
            _ if !html && !css => None,
            Body::Text(text) => Some(std::borrow::Cow::Borrowed(text.as_str())),
            Body::Bytes(bytes) => Some(String::from_utf8_lossy(bytes)),
            Body::Copy(_) | Body::Staged => None,
        };
        if let Some(text) = text {
            let mut found = |message: String| {
                findings.push(Finding {
                    file: file.path.clone(),
                    message,
                })
            };
            if html {
                let known: Vec<(usize, usize, Vec<String>)> = fragments
                    .iter()
                    .filter_map(|&(at, fragment)| Some((at, fragment.len(), self.fragment_findings(fragment)?)))
                    .collect();
                scan_html(&text, self.base_url, &self.allowed, &mut found, &known);
            } else {
                scan_css(&text, self.base_url, &mut found);
            }
        }
        findings
    }

    /// What fragment `html` shows, scanned on its own once; `None` if a tag, comment or script
    /// of it runs on past its end, or it may show contacts.
    fn fragment_findings(&self, html: &str) -> Option<Vec<String>> {
        let mut known = self.fragments.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(messages) = known.get(html) {
            return messages.clone();
        }
        let mut messages = Vec::new();
        let runs_on = scan_html(html, self.base_url, &self.allowed, &mut |m| messages.push(m), &[]);
        let messages = (!runs_on && !may_show_contacts(html.as_bytes())).then_some(messages);
        known.insert(html.into(), messages.clone());
        messages
    }
}

/// Whether `bytes` may show an e-mail address (an `@`) or a phone number (a `+` and a digit).
fn may_show_contacts(bytes: &[u8]) -> bool {
    memchr::memchr(b'@', bytes).is_some()
        || memchr::memchr_iter(b'+', bytes).any(|i| bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
}

/// Whether `url` leaves the site.
fn is_foreign(url: &str, base_url: &str) -> bool {
    let url = url.trim();
    (starts_with_ignoring_case(url, "http://") || starts_with_ignoring_case(url, "https://") || url.starts_with("//"))
        && !url.strip_prefix(base_url).is_some_and(|path| path.starts_with('/'))
}

fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.' | '(' | ')'))
        .collect::<String>()
        .to_lowercase()
}

fn scan_css(css: &str, base_url: &str, found: &mut impl FnMut(String)) {
    if css.contains("@import") {
        found("the stylesheet uses @import".to_owned());
    }
    for part in css.split("url(").skip(1) {
        let url = part.split(')').next().unwrap_or("").trim_matches(['"', '\'', ' ']);
        if is_foreign(url, base_url) {
            found(format!("the stylesheet loads {url}"));
        }
    }
}

/// A tag as the scanner sees it: its name and attributes as written. Names are compared
/// without regard to ASCII case, as browsers read them.
struct Tag<'a> {
    name: &'a str,
    attrs: Vec<(&'a str, &'a str)>,
}

impl Tag<'_> {
    /// Whether the tag's name is `name` (in lowercase).
    fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// The value of attribute `name` (in lowercase), if the tag has it.
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }
}

/// Scans `html`, passing over `known` fragments (where each starts, its length and what it
/// shows) where a tag could start; returns whether the last tag, comment or script ran on to
/// the end without its end (`>`, `-->`, `</script`).
fn scan_html(
    html: &str,
    base_url: &str,
    allowed: &[String],
    found: &mut impl FnMut(String),
    known: &[(usize, usize, Vec<String>)],
) -> bool {
    let mut rest = html;
    let mut runs_on = false;
    // Where what starts a `rest` of `len` bytes ends, if `found`; else at the end, running on.
    let mut or_end = |found: Option<usize>, len: usize| {
        runs_on |= found.is_none();
        found.unwrap_or(len)
    };
    // The visible text, a space for each tag, where it may show a contact: an e-mail address
    // has an `@`, a phone number a `+` and a digit (most pages have neither). Fragments are not
    // passed over then: a contact's text may run across them.
    let contacts = may_show_contacts(html.as_bytes());
    let mut known = if contacts { &[][..] } else { known }.iter().peekable();
    let mut text = String::with_capacity(if contacts { html.len() } else { 0 });
    let mut attrs = Vec::new();
    while let Some(lt) = crate::bytes::find(b'<', rest.as_bytes()) {
        if contacts {
            text.push_str(&rest[..lt]);
            text.push(' ');
        }
        rest = &rest[lt..];
        let at = html.len() - rest.len();
        // Fragments passed inside a tag or a script are read there.
        while known.next_if(|(start, ..)| *start < at).is_some() {}
        if let Some((_, len, messages)) = known.next_if(|(start, ..)| *start == at) {
            messages.iter().for_each(|m| found(m.clone()));
            rest = &rest[*len..];
            continue;
        }
        if rest.as_bytes().get(1) == Some(&b'/') {
            // An end tag (half of all tags) loads and runs nothing: it ends at the next `>`.
            rest = &rest[or_end(crate::bytes::find(b'>', rest.as_bytes()).map(|gt| gt + 1), rest.len())..];
            continue;
        }
        if rest.starts_with("<!--") {
            rest = &rest[or_end(rest.find("-->").map(|end| end + 3), rest.len())..];
            continue;
        }
        let Some((tag, after, closed)) = parse_tag(rest, std::mem::take(&mut attrs)) else {
            rest = &rest[1..];
            continue;
        };
        or_end(closed.then_some(0), 0);
        rest = after;
        check_tag(&tag, base_url, allowed, found);
        if tag.is("script") {
            let end = or_end(rest.find("</script"), rest.len());
            if tag.attr("src").is_none() || !rest[..end].trim().is_empty() {
                found("an inline script".to_owned());
            }
            rest = &rest[end..];
        } else if tag.is("style") {
            found("a <style> element (styles belong in the theme's stylesheet)".to_owned());
            rest = &rest[or_end(rest.find("</style"), rest.len())..];
        } else if tag.is("svg") {
            // SVG text is chart labels and numbers: skip to its end so counts are not read as phones.
            let end = or_end(rest.find("</svg"), rest.len());
            rest = &rest[end..];
        }
        attrs = tag.attrs;
        attrs.clear();
    }
    if contacts {
        text.push_str(rest);
    }
    for word in contacts_in(&text) {
        if !allowed.contains(&compact(&word)) {
            found(format!(
                "the text shows {word}: e-mail addresses and phone numbers must come from the hotline data or the allow-list"
            ));
        }
    }
    runs_on
}

fn check_tag(tag: &Tag, base_url: &str, allowed: &[String], found: &mut impl FnMut(String)) {
    // Every rule reads an attribute; most tags of a page (`<p>`, `<li>`, `<td>` …) have none.
    if tag.attrs.is_empty() {
        return;
    }
    const LOAD_SRC: [&str; 10] = [
        "script", "img", "iframe", "frame", "embed", "source", "audio", "video", "track", "input",
    ];
    let loads: &[&str] = if LOAD_SRC.iter().any(|n| tag.is(n)) {
        &["src", "srcset"]
    } else if tag.is("object") {
        &["data"]
    } else if tag.is("link") {
        let loaded = [
            "stylesheet",
            "icon",
            "preload",
            "prefetch",
            "modulepreload",
            "manifest",
            "apple-touch-icon",
            "preconnect",
            "dns-prefetch",
        ];
        let rel = tag.attr("rel").unwrap_or("");
        if rel
            .split_ascii_whitespace()
            .any(|r| loaded.iter().any(|l| r.eq_ignore_ascii_case(l)))
        {
            &["href"]
        } else {
            &[]
        }
    } else {
        &[]
    };
    for name in loads {
        if let Some(value) = tag.attr(name) {
            for url in value.split(',').map(|c| c.split_whitespace().next().unwrap_or("")) {
                if is_foreign(url, base_url) {
                    found(format!("<{}> loads {url} from another site", tag.name));
                }
            }
        }
    }
    for (name, value) in &tag.attrs {
        if name.eq_ignore_ascii_case("style") {
            found(format!("<{}> has a style attribute", tag.name));
        } else if name.len() > 2 && starts_with_ignoring_case(name, "on") {
            found(format!("<{}> has an event handler {name}", tag.name));
        } else if name.eq_ignore_ascii_case("href") {
            let link = value.trim();
            let rel = tag.attr("rel").unwrap_or("");
            if tag.is("a")
                && is_foreign(link, base_url)
                && !rel
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("noreferrer"))
            {
                found(format!(
                    "the link to {link} lacks rel=\"noopener noreferrer\": it would tell that site where the visitor came from"
                ));
            }
            for scheme in ["mailto:", "tel:"] {
                if starts_with_ignoring_case(link, scheme) {
                    let contact = &link[scheme.len()..];
                    if !allowed.contains(&compact(contact)) {
                        found(format!(
                            "a {scheme} link to {contact} that is not in the hotline data or the allow-list"
                        ));
                    }
                }
            }
            if starts_with_ignoring_case(link, "javascript:") {
                found("a javascript: link".to_owned());
            }
        }
    }
}

/// Whether `text` starts with `prefix` (ASCII, in lowercase) in any case, as browsers read
/// URL schemes and attribute names.
fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Where a tag's parts end, as bits of [`ENDS`]: reading a tag tests one bit of one table entry
/// per byte instead of a chain of comparisons.
mod ends {
    /// The tag's name: ASCII whitespace, `>` or `/`.
    pub const NAME: u8 = 1;
    /// The space between attributes: anything but ASCII whitespace and `/`.
    pub const BETWEEN: u8 = 2;
    /// An attribute's name: ASCII whitespace, `=` or `>`.
    pub const ATTRIBUTE: u8 = 4;
}

/// For each byte, the parts of a tag it ends ([`ends`]).
static ENDS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let space = b.is_ascii_whitespace();
        table[i] = if space || b == b'>' || b == b'/' { ends::NAME } else { 0 }
            | if space || b == b'/' { 0 } else { ends::BETWEEN }
            | if space || b == b'=' || b == b'>' {
                ends::ATTRIBUTE
            } else {
                0
            };
        i += 1;
    }
    table
};

/// Parses the tag at the start of `html` (which starts with `<`); returns it, the rest, and
/// whether it ended with its `>` (not with the end of `html`). Its attributes go into `attrs`
/// (empty; a scan passes the same buffer from tag to tag). Names and unquoted values end at
/// HTML's whitespace (ASCII's).
// Inlined: it runs once per start tag, and out of line it cost the scan more than the
// fragments it passes over saved (measured with callgrind).
#[inline(always)]
fn parse_tag<'a>(html: &'a str, mut attrs: Vec<(&'a str, &'a str)>) -> Option<(Tag<'a>, &'a str, bool)> {
    /// Where the first byte of `text` that ends the part `part` ([`ends`]) is, or its length.
    fn until(text: &str, part: u8) -> usize {
        text.bytes()
            .position(|b| ENDS[usize::from(b)] & part != 0)
            .unwrap_or(text.len())
    }
    let body = html.strip_prefix('<')?;
    let name_end = until(body, ends::NAME);
    let name = &body[..name_end];
    if name.is_empty() || name.starts_with('!') || name.starts_with('?') {
        let gt = crate::bytes::find(b'>', body.as_bytes());
        return Some((
            Tag { name, attrs },
            &body[gt.map_or(body.len(), |i| i + 1)..],
            gt.is_some(),
        ));
    }
    let mut rest = &body[name_end..];
    loop {
        rest = &rest[until(rest, ends::BETWEEN)..];
        if rest.is_empty() {
            return Some((Tag { name, attrs }, rest, false));
        }
        if let Some(after) = rest.strip_prefix('>') {
            return Some((Tag { name, attrs }, after, true));
        }
        let attr_end = until(rest, ends::ATTRIBUTE);
        let attr = &rest[..attr_end];
        rest = &rest[attr_end..];
        let mut value = "";
        if let Some(after_eq) = rest.trim_ascii_start().strip_prefix('=') {
            let v = after_eq.trim_ascii_start();
            let (val, after) = match v.as_bytes().first() {
                Some(&q @ (b'"' | b'\'')) => {
                    let inner = &v[1..];
                    let end = crate::bytes::find(q, inner.as_bytes()).unwrap_or(inner.len());
                    (&inner[..end], inner.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    // Values are the longest part of a tag: read 8 bytes at a time.
                    let end = crate::bytes::find_space_or(b'>', b'>', v.as_bytes());
                    (&v[..end], &v[end..])
                }
            };
            value = val;
            rest = after;
        }
        if attr.is_empty() {
            rest = rest.get(1..).unwrap_or("");
            continue;
        }
        attrs.push((attr, value));
    }
}

/// E-mail addresses and international phone numbers in visible text.
fn contacts_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // An e-mail address: a word with `@` between a user name and a domain with a dot.
    let mut word_end = 0;
    for (at, _) in text.match_indices('@') {
        if at < word_end {
            continue;
        }
        let start = text[..at]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        word_end = text[at..].find(char::is_whitespace).map_or(text.len(), |i| at + i);
        let w = text[start..word_end]
            .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '.' | '"' | '„' | '“' | '”'));
        if let Some((user, domain)) = w.split_once('@') {
            if !user.is_empty() && domain.contains('.') && !domain.starts_with('.') {
                out.push(w.to_owned());
            }
        }
    }
    // A phone number: `+` followed by at least 8 digits, spaces, dots, dashes or brackets.
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(plus) = text[from..].find('+').map(|i| from + i) {
        let mut end = plus + 1;
        let mut digits = 0;
        if bytes.get(end).is_some_and(u8::is_ascii_digit) {
            while end < bytes.len()
                && (bytes[end].is_ascii_digit() || matches!(bytes[end], b' ' | b'.' | b'-' | b'(' | b')'))
            {
                digits += usize::from(bytes[end].is_ascii_digit());
                end += 1;
            }
        }
        if digits >= 8 {
            out.push(text[plus..end].trim().to_owned());
        }
        from = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(html: &str) -> Vec<String> {
        let files = vec![OutputFile {
            path: "en/x/index.html".into(),
            body: Body::Bytes(html.as_bytes().into()),
        }];
        scan(
            &files,
            "https://portal.example",
            &["+381 11 123 4567".to_owned()],
            &|_| None,
            &|_, _| {},
        )
        .into_iter()
        .map(|f| f.message)
        .collect()
    }

    proptest::proptest! {
        /// A page read with a fragment passed over (its findings taken from its scan on its
        /// own) gives what reading it whole gives: wherever the fragment stands between the
        /// page's parts or inside a tag, script or comment, whether its last tag, comment or
        /// script ends in it or runs on into the page, and on pages that may show contacts.
        #[test]
        fn a_fragment_read_once_finds_what_reading_the_page_finds(
            parts in proptest::collection::vec(proptest::sample::select(PARTS.to_vec()), 0..6),
            fragment in proptest::collection::vec(proptest::sample::select(PARTS[..WHOLE].to_vec()), 1..4),
            end in proptest::sample::select(vec!["", "", "", "", "<script>", "<!--", "<svg>", "<a href=\"x", "<p", "</p", "+1 "]),
            at in 0usize..6,
        ) {
            let fragment = format!("<div>{}</div>{end}", fragment.concat());
            let at = at.min(parts.len());
            let before = parts[..at].concat();
            let html = format!("{before}{fragment}{}", parts[at..].concat());
            let scanner = Scanner::new("https://portal.example", &["+381 11 123 4567".to_owned()]);
            let file = OutputFile { path: "en/x/index.html".into(), body: Body::Text(html.clone().into()) };
            let whole = scanner.scan(&file);
            proptest::prop_assert_eq!(scanner.scan_with(&file, &[(before.len(), fragment.as_str())]), whole.clone());
            // Read twice, the second time from what was kept of the first.
            proptest::prop_assert_eq!(scanner.scan_with(&file, &[(before.len(), fragment.as_str())]), whole);
        }
    }

    /// Parts of pages for the test above: clean tags and text, and each kind of finding; the
    /// first [`WHOLE`] end in themselves and show no contacts, the rest run on or may.
    const PARTS: &[&str] = &[
        "<p>Text</p>",
        "<a href=/en/x/>in</a>",
        "<img src=https://other.example/a.png>",
        "<p style=\"color:red\">x</p>",
        "<script>alert(1)</script>",
        "<script src=/a.js></script>",
        "<!-- a comment -->",
        "<a href=https://other.example>out</a>",
        "<a title=\"a > b\" href=/x/>q</a>",
        "</script>",
        "-->",
        "\">",
        "</svg>",
        "99 999 9999 ",
        "<svg><text>+12345678901</text></svg>",
        "write to a@b.example ",
        "call +381 99 999 9999 ",
        "call +381 ",
        "<script>",
        "<!--",
        "<svg>",
        "<a title=\"",
    ];
    /// How many of [`PARTS`] end in themselves and show no contacts.
    const WHOLE: usize = 14;

    #[test]
    fn a_fragment_inside_a_script_is_read_there() {
        let scanner = Scanner::new("https://portal.example", &[]);
        let fragment = "<div><img src=https://other.example/a.png></div>";
        let html = format!("<script>{fragment}</script><p>x</p>");
        let file = OutputFile {
            path: "en/x/index.html".into(),
            body: Body::Text(html.into()),
        };
        let found = |f: &[Finding]| f.iter().map(|f| f.message.clone()).collect::<Vec<_>>();
        assert_eq!(found(&scanner.scan_with(&file, &[(8, fragment)])), ["an inline script"]);
    }

    #[test]
    fn a_clean_page_passes() {
        let html = "<!doctype html><html lang=en><head><link href=/assets/style.1.css rel=stylesheet>\
                    <link href=https://portal.example/sr/ rel=alternate hreflang=sr><script defer src=/assets/q.js></script></head>\
                    <body><a href=https://example.org rel=\"noopener noreferrer\">out</a><p>Call 112. Budget USD 1,410,097.</p>\
                    <svg><text>+12345678901</text></svg><a href=\"tel:+381111234567\">allowed</a></body></html>";
        assert_eq!(page(html), Vec::<String>::new());
    }

    #[test]
    fn foreign_resources_inline_code_and_contacts_are_found() {
        let found = page(
            "<link rel=stylesheet href=https://fonts.example/css><script>alert(1)</script><img src=//cdn.example/a.png>\
             <p style=color:red onclick=x()>Write to someone@example.org or call +381 63 123 456.</p>\
             <a href=mailto:a@b.org>m</a><style>p{}</style><iframe src=\"https://tracker.example/\"></iframe>\
             <a href=https://other.example/>bare</a>",
        );
        let all = found.join("\n");
        for expected in [
            "<link> loads https://fonts.example/css",
            "an inline script",
            "<img> loads //cdn.example/a.png",
            "<p> has a style attribute",
            "<p> has an event handler onclick",
            "shows someone@example.org",
            "shows +381 63 123 456",
            "a mailto: link to a@b.org",
            "a <style> element",
            "<iframe> loads https://tracker.example/",
            "the link to https://other.example/ lacks rel",
        ] {
            assert!(all.contains(expected), "missing {expected:?} in:\n{all}");
        }
    }

    #[test]
    fn names_and_schemes_are_read_in_any_case_as_browsers_read_them() {
        let found = page(
            "<LINK REL=StyleSheet HREF=HTTPS://fonts.example/css><IMG SRC=//cdn.example/a.png>\
             <P STYLE=color:red OnClick=x()>text</P><A HREF=\"JavaScript:alert(1)\">j</A>\
             <a href=MAILTO:a@b.org>m</a><a href=Https://other.example/ rel=NoReferrer>fine</a>",
        );
        let all = found.join("\n");
        for expected in [
            "<LINK> loads HTTPS://fonts.example/css",
            "<IMG> loads //cdn.example/a.png",
            "<P> has a style attribute",
            "<P> has an event handler OnClick",
            "a javascript: link",
            "a mailto: link to a@b.org",
        ] {
            assert!(all.contains(expected), "missing {expected:?} in:\n{all}");
        }
        assert!(!all.contains("other.example"), "rel=NoReferrer counts:\n{all}");
    }

    #[test]
    fn attributes_are_found_between_any_ascii_whitespace_and_slashes() {
        let found = page(
            "<img\x0Csrc=//a.example/1.png/><img/src\r\n=\t'//b.example/2.png'>\
             <img alt=x\x0Bsrc=//c.example/3.png><script\tsrc=//d.example/4.js></script>",
        );
        let all = found.join("\n");
        for expected in [
            "<img> loads //a.example/1.png/",
            "<img> loads //b.example/2.png",
            "<script> loads //d.example/4.js",
        ] {
            assert!(all.contains(expected), "missing {expected:?} in:\n{all}");
        }
        // A vertical tab is no whitespace in HTML: `src=` is part of the `alt` value there.
        assert!(!all.contains("c.example"), "{all}");
    }

    #[test]
    fn contacts_are_whole_words_and_long_numbers() {
        assert_eq!(
            contacts_in("Пишите на „ured@primer.rs“, (drugi@x.org). + 1 +12 345 67 a+381-11-123-4567 @ x@y"),
            ["ured@primer.rs", "drugi@x.org", "+381-11-123-4567"]
        );
        assert_eq!(
            contacts_in("+(381) 11 123 4567 +381 (11) 123 4567"),
            ["+381 (11) 123 4567"]
        );
        assert!(contacts_in("Budget +1,410,097 and 2+2").is_empty());
    }

    #[test]
    fn stylesheets_may_not_import_or_load_from_other_sites() {
        let files = vec![OutputFile {
            path: "assets/style.css".into(),
            body: Body::Bytes(
                b"@import url(https://x.example/a.css); body{background:url(/assets/a.png)}"
                    .as_slice()
                    .into(),
            ),
        }];
        let found: Vec<String> = scan(&files, "https://portal.example", &[], &|_| None, &|_, _| {})
            .into_iter()
            .map(|f| f.message)
            .collect();
        assert_eq!(
            found,
            [
                "the stylesheet uses @import",
                "the stylesheet loads https://x.example/a.css"
            ]
        );
    }
}
