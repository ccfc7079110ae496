//! Markdown → HTML for one page in one locale.
//!
//! pulldown-cmark with tables, footnotes, strikethrough and heading ids. On top of its output:
//! headings get stable ids, code is highlighted with CSS classes, table alignment becomes a class
//! (no `style` attributes, for a strict Content-Security-Policy), `@/` links resolve to the page in
//! the reader's locale, and raw HTML is sanitized. For a transliterated locale, text is converted
//! to Latin while code, URLs and raw HTML stay as written.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock};

use pulldown_cmark::{Alignment, CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};
use pulldown_cmark_escape::{escape_href, escape_html};
use syntect::html::{ClassStyle, line_tokens_to_classed_spans};
use syntect::parsing::{ParseState, ScopeStack, SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

use crate::i18n::translit;

/// The prefix of the CSS classes syntect writes, e.g. `hl-keyword`.
pub const HIGHLIGHT_CLASS_PREFIX: &str = "hl-";

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

/// A heading of the rendered page, for the table of contents and anchor checks.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The `id` attribute.
    pub id: String,
    /// Plain text of the heading.
    pub text: String,
}

/// A link found in the page, to be checked once every page is rendered.
#[derive(Debug, Clone)]
pub struct FoundLink {
    /// The destination as written (after `@/` resolution).
    pub href: String,
    /// 1-based line in the Markdown body.
    pub line: usize,
}

/// What rendering a page's Markdown produced.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The HTML fragment.
    pub html: String,
    /// Its headings, in order.
    pub headings: Vec<Heading>,
    /// Internal links to check.
    pub links: Vec<FoundLink>,
    /// `@/` links that name no page: (destination, line).
    pub unresolved: Vec<(String, usize)>,
}

/// A heading whose text is still being read.
struct OpenHeading {
    /// The id given with `{#id}`, if any.
    id: Option<String>,
    /// Classes given with `{.class}`.
    classes: Vec<String>,
    /// Where its opening tag goes in the event list.
    at: usize,
    /// Its text so far.
    text: String,
}

/// Renders `markdown`; `resolve` maps an `@/…` destination to a URL in the reader's locale.
pub fn render(markdown: &str, transliterate: bool, resolve: &dyn Fn(&str) -> Option<String>) -> Rendered {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut out = Rendered::default();
    // Room for the events of most pages (up to ~0.03 a byte of Markdown), so that the list
    // does not grow through copies as the page is read.
    let mut events: Vec<Event> = Vec::with_capacity(markdown.len() / 32 + 16);
    let mut has_raw_html = false;
    let mut used_ids = HashSet::new();

    let mut code: Option<(String, String)> = None; // (language, text) inside a fenced block
    let mut heading: Option<OpenHeading> = None;
    let mut table_alignments: Vec<Alignment> = Vec::new();
    let mut cell = 0;
    let mut in_head = false;
    let mut raw_links: Vec<bool> = Vec::new();

    // Only links are told by their line, counted from the link before.
    let mut lines = crate::diagnostics::LineCounter::new(markdown);
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").to_owned(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::Text(text) if code.is_some() => code.as_mut().expect("checked").1.push_str(&text),
            Event::End(TagEnd::CodeBlock) => {
                let (lang, text) = code.take().unwrap_or_default();
                events.push(Event::Html(highlight(&lang, &text).into()));
            }
            Event::Start(Tag::Heading { id, classes, .. }) => {
                let classes = classes.into_iter().map(|c| c.to_string()).collect();
                heading = Some(OpenHeading {
                    id: id.map(|i| i.to_string()),
                    classes,
                    at: events.len(),
                    text: String::new(),
                });
                events.push(Event::Html("".into())); // replaced by the opening tag at the end
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(OpenHeading {
                    id: explicit,
                    classes,
                    at,
                    text,
                }) = heading.take()
                {
                    let base = explicit.unwrap_or_else(|| slug(&text));
                    let mut id = base.clone();
                    let mut n = 1;
                    while !used_ids.insert(id.clone()) {
                        id = format!("{base}-{n}");
                        n += 1;
                    }
                    let (name, close) = heading_tags(level);
                    let mut open = ["<", name, " id=\""].concat();
                    escape_html(&mut open, &id).expect("writing to a String");
                    open.push('"');
                    if !classes.is_empty() {
                        open.push_str(" class=\"");
                        escape_html(&mut open, &classes.join(" ")).expect("writing to a String");
                        open.push('"');
                    }
                    open.push('>');
                    events[at] = Event::Html(open.into());
                    events.push(Event::Html(close.into()));
                    out.headings.push(Heading {
                        level: level as u8,
                        id,
                        text,
                    });
                }
            }
            Event::Start(Tag::Table(alignments)) => {
                table_alignments = alignments;
                events.push(Event::Html("<div class=\"table-scroll\"><table>".into()));
            }
            Event::End(TagEnd::Table) => events.push(Event::Html("</tbody></table></div>".into())),
            Event::Start(Tag::TableHead) => {
                in_head = true;
                events.push(Event::Html("<thead><tr>".into()));
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                events.push(Event::Html("</tr></thead><tbody>".into()));
            }
            Event::Start(Tag::TableRow) => {
                cell = 0;
                events.push(Event::Html("<tr>".into()));
            }
            Event::End(TagEnd::TableRow) => events.push(Event::Html("</tr>".into())),
            Event::Start(Tag::TableCell) => {
                // Column alignment becomes a class (a strict CSP forbids style attributes).
                let open = match (in_head, table_alignments.get(cell)) {
                    (true, Some(Alignment::Left)) => "<th scope=\"col\" class=\"align-left\">",
                    (true, Some(Alignment::Center)) => "<th scope=\"col\" class=\"align-center\">",
                    (true, Some(Alignment::Right)) => "<th scope=\"col\" class=\"align-right\">",
                    (true, _) => "<th scope=\"col\">",
                    (false, Some(Alignment::Left)) => "<td class=\"align-left\">",
                    (false, Some(Alignment::Center)) => "<td class=\"align-center\">",
                    (false, Some(Alignment::Right)) => "<td class=\"align-right\">",
                    (false, _) => "<td>",
                };
                events.push(Event::Html(open.into()));
            }
            Event::End(TagEnd::TableCell) => {
                events.push(Event::Html(if in_head { "</th>" } else { "</td>" }.into()));
                cell += 1;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = resolve_link(&dest_url, lines.line(range.start), resolve, &mut out);
                let external = is_external(&dest);
                if external || link_type == LinkType::Email {
                    let mut open = String::from("<a href=\"");
                    escape_href(&mut open, &dest).expect("writing to a String");
                    open.push('"');
                    if !title.is_empty() {
                        open.push_str(" title=\"");
                        escape_html(&mut open, &title).expect("writing to a String");
                        open.push('"');
                    }
                    if external {
                        open.push_str(" rel=\"noopener noreferrer\"");
                    }
                    open.push('>');
                    events.push(Event::Html(open.into()));
                    raw_links.push(true);
                    continue;
                }
                raw_links.push(false);
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: dest.into(),
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link) => {
                // A link opened as raw HTML (to carry `rel`) ends with a raw closing tag.
                let raw = raw_links.pop().unwrap_or(false);
                events.push(if raw {
                    Event::Html("</a>".into())
                } else {
                    Event::End(TagEnd::Link)
                });
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = resolve_link(&dest_url, lines.line(range.start), resolve, &mut out);
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: dest.into(),
                    title,
                    id,
                }));
            }
            Event::Text(text) => {
                // Text without Cyrillic is kept as it is, not copied.
                let text: CowStr = match transliterate.then(|| translit::to_latin_cow(&text)) {
                    Some(std::borrow::Cow::Owned(latin)) => latin.into(),
                    _ => text,
                };
                if let Some(h) = heading.as_mut() {
                    h.text.push_str(&text);
                }
                events.push(Event::Text(text));
            }
            Event::Code(text) => {
                if let Some(h) = heading.as_mut() {
                    h.text.push_str(&text);
                }
                events.push(Event::Code(text));
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                has_raw_html = true;
                events.push(Event::Html(raw));
            }
            other => events.push(other),
        }
    }
    // Written into the thread's buffer, then copied once at its length: a page's HTML is kept
    // until the pages that show it are made, and a string grown by doubling holds up to twice
    // its length.
    let mut html = HTML.take();
    html.clear();
    html::push_html(&mut html, events.into_iter());
    out.html = if has_raw_html {
        sanitize(&html)
    } else {
        html.as_str().to_owned()
    };
    HTML.set(html);
    out
}

fn resolve_link(dest: &str, line: usize, resolve: &dyn Fn(&str) -> Option<String>, out: &mut Rendered) -> String {
    if dest.starts_with("@/") {
        let (path, anchor) = dest.split_once('#').map_or((dest, None), |(p, a)| (p, Some(a)));
        return match resolve(path) {
            Some(url) => {
                let href = match anchor {
                    Some(a) => format!("{url}#{a}"),
                    None => url,
                };
                out.links.push(FoundLink {
                    href: href.clone(),
                    line,
                });
                href
            }
            None => {
                out.unresolved.push((dest.to_owned(), line));
                dest.to_owned()
            }
        };
    }
    if !is_external(dest) && !dest.starts_with("mailto:") && !dest.starts_with("tel:") {
        out.links.push(FoundLink {
            href: dest.to_owned(),
            line,
        });
    }
    dest.to_owned()
}

/// Whether a link leaves the site.
pub fn is_external(href: &str) -> bool {
    href.starts_with("http://") || href.starts_with("https://") || href.starts_with("//")
}

/// The element's name and end tag of a heading of `level`.
fn heading_tags(level: pulldown_cmark::HeadingLevel) -> (&'static str, &'static str) {
    use pulldown_cmark::HeadingLevel;
    match level {
        HeadingLevel::H1 => ("h1", "</h1>"),
        HeadingLevel::H2 => ("h2", "</h2>"),
        HeadingLevel::H3 => ("h3", "</h3>"),
        HeadingLevel::H4 => ("h4", "</h4>"),
        HeadingLevel::H5 => ("h5", "</h5>"),
        HeadingLevel::H6 => ("h6", "</h6>"),
    }
}

thread_local! {
    /// The HTML of the Markdown being rendered on this thread ([`render`]).
    static HTML: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
    /// The lines of code highlighted so far on this thread: for each line's text, the states it
    /// was highlighted from and what came of each. A line's HTML depends only on its text and where
    /// highlighting stood at its start, and code repeats lines (the closing brace, a common
    /// statement; translations of a page usually share whole blocks), so each line is highlighted
    /// once per state and thread: syntect takes ~150,000 instructions a line, and its parser's
    /// state cannot move between threads. The map is emptied when it grows past
    /// [`HIGHLIGHTED_LIMIT`] lines.
    static HIGHLIGHTED: RefCell<HashMap<String, Vec<Highlighted>>> = RefCell::default();
}

/// How many distinct lines of code [`HIGHLIGHTED`] keeps at most on each thread: each holds
/// two parser states and its HTML (a few hundred bytes to a few KiB), so this bounds what a
/// long `serve` session keeps (the benchmark's 4,000 pages per language need ~8,000).
const HIGHLIGHTED_LIMIT: usize = 20_000;

/// Where highlighting stands at the start of a line: syntect's parser, and the scopes open in
/// the HTML written so far.
#[derive(Clone, PartialEq, Eq)]
struct LineStart {
    parse: ParseState,
    scopes: ScopeStack,
}

/// A line highlighted from a [`LineStart`].
struct Highlighted {
    from: LineStart,
    /// Where the next line starts.
    next: LineStart,
    /// The line's HTML.
    html: Arc<str>,
    /// The `<span>`s it opens, less those it closes.
    opened: isize,
}

/// A code block as HTML, highlighted with classes where its language is known.
fn highlight(lang: &str, code: &str) -> String {
    let syntax = (!lang.is_empty())
        .then(|| SYNTAXES.find_syntax_by_token(lang))
        .flatten();
    let mut html = String::from("<pre class=\"code\"><code");
    if !lang.is_empty() {
        html.push_str(" class=\"language-");
        escape_html(&mut html, lang).expect("writing to a String");
        html.push('"');
    }
    html.push('>');
    match syntax.and_then(|syntax| highlight_lines(syntax, code)) {
        Some(highlighted) => html.push_str(&highlighted),
        None => escape_html(&mut html, code).expect("writing to a String"),
    }
    html.push_str("</code></pre>");
    html
}

/// `code` highlighted as `syntax`, as syntect's `ClassedHTMLGenerator` writes it, or `None` if
/// syntect fails on a line.
fn highlight_lines(syntax: &SyntaxReference, code: &str) -> Option<String> {
    let mut html = String::with_capacity(code.len() * 4);
    let mut at = LineStart {
        parse: ParseState::new(syntax),
        scopes: ScopeStack::new(),
    };
    let mut open = 0;
    for line in LinesWithEndings::from(code) {
        let (line_html, opened, next) = highlight_line(&at, line)?;
        html.push_str(&line_html);
        open += opened;
        at = next;
    }
    for _ in 0..open {
        html.push_str("</span>");
    }
    Some(html)
}

/// One line (with its line end) highlighted from `at`: its HTML, the spans it leaves open and
/// where the next line starts.
fn highlight_line(at: &LineStart, line: &str) -> Option<(Arc<str>, isize, LineStart)> {
    let seen = HIGHLIGHTED.with_borrow(|lines| {
        let done = lines.get(line)?.iter().find(|h| h.from == *at)?;
        Some((done.html.clone(), done.opened, done.next.clone()))
    });
    if seen.is_some() {
        return seen;
    }
    let mut next = at.clone();
    let ops = next.parse.parse_line(line, &SYNTAXES).ok()?;
    let style = ClassStyle::SpacedPrefixed {
        prefix: HIGHLIGHT_CLASS_PREFIX,
    };
    let (html, opened) = line_tokens_to_classed_spans(line, &ops, style, &mut next.scopes).ok()?;
    let html: Arc<str> = html.into();
    HIGHLIGHTED.with_borrow_mut(|lines| {
        if lines.len() >= HIGHLIGHTED_LIMIT {
            lines.clear();
        }
        lines.entry(line.to_owned()).or_default().push(Highlighted {
            from: at.clone(),
            next: next.clone(),
            html: html.clone(),
            opened,
        });
    });
    Some((html, opened, next))
}

/// The stylesheet for highlighted code, in the classes [`render`] writes. Made once per
/// process: `serve` loads the theme again on every template edit.
pub fn highlight_css() -> &'static str {
    static CSS: LazyLock<String> = LazyLock::new(|| {
        let themes = syntect::highlighting::ThemeSet::load_defaults();
        let theme = &themes.themes["InspiredGitHub"];
        syntect::html::css_for_theme_with_class_style(
            theme,
            ClassStyle::SpacedPrefixed {
                prefix: HIGHLIGHT_CLASS_PREFIX,
            },
        )
        .unwrap_or_default()
    });
    &CSS
}

/// Cleans HTML that contains raw HTML from an author: no scripts, handlers, styles or frames.
fn sanitize(html: &str) -> String {
    static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
        let mut b = ammonia::Builder::default();
        b.add_generic_attributes(["class", "lang", "dir", "id", "title"])
            .add_tags(["figure", "figcaption", "details", "summary", "mark", "abbr", "section"])
            .add_tag_attributes("th", ["scope"])
            .add_tag_attributes("td", ["colspan", "rowspan"])
            .add_tag_attributes("a", ["hreflang"])
            .id_prefix(None)
            .url_relative(ammonia::UrlRelative::PassThrough);
        b
    });
    CLEANER.clean(html).to_string()
}

/// A URL fragment for a heading: its words ([`crate::i18n::slug::words`]), the same in both
/// Serbian scripts, or `section` if it has none.
pub fn slug(text: &str) -> String {
    crate::i18n::slug::words(text).unwrap_or_else(|| "section".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn headings_get_stable_unique_ids() {
        let r = render(
            "## Циљеви плана\n\n## Циљеви плана\n\n## Custom {#status}\n\n## Ђачка načela\n",
            false,
            &none,
        );
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["ciljevi-plana", "ciljevi-plana-1", "status", "djacka-nacela"]);
        assert!(
            r.html.contains("<h2 id=\"ciljevi-plana\">Циљеви плана</h2>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn table_alignment_is_a_class_not_a_style() {
        let r = render("| a | b |\n|:--|--:|\n| 1 | 2 |\n", false, &none);
        assert!(!r.html.contains("style="), "{}", r.html);
        assert!(
            r.html.contains("<th scope=\"col\" class=\"align-left\">a</th>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<td class=\"align-right\">2</td>"), "{}", r.html);
    }

    #[test]
    fn code_is_highlighted_with_classes_and_not_transliterated() {
        let r = render("Текст `код`\n\n```rust\nlet x = \"ђ\";\n```\n", true, &none);
        assert!(r.html.contains("Tekst <code>код</code>"), "{}", r.html);
        assert!(r.html.contains("hl-"), "{}", r.html);
        assert!(r.html.contains("ђ"), "{}", r.html);
        assert!(!r.html.contains("style="), "{}", r.html);
    }

    #[test]
    fn a_code_block_seen_before_is_highlighted_for_its_own_language() {
        let code = "let x = 1;\n";
        let rust = render(&format!("```rust\n{code}```\n"), false, &none).html;
        let plain = render(&format!("```\n{code}```\n"), false, &none).html;
        let rust_again = render(&format!("```rust\n{code}```\n"), true, &none).html;
        assert!(rust.contains("hl-"), "{rust}");
        assert_eq!(plain, "<pre class=\"code\"><code>let x = 1;\n</code></pre>");
        assert_eq!(rust_again, rust);
    }

    /// syntect's own generator, line after line with no memory of earlier blocks.
    fn highlighted_by_syntect(lang: &str, code: &str) -> String {
        let syntax = SYNTAXES.find_syntax_by_token(lang).expect("a known language");
        let style = ClassStyle::SpacedPrefixed {
            prefix: HIGHLIGHT_CLASS_PREFIX,
        };
        let mut generator = syntect::html::ClassedHTMLGenerator::new_with_class_style(syntax, &SYNTAXES, style);
        for line in LinesWithEndings::from(code) {
            generator
                .parse_html_for_line_which_includes_newline(line)
                .expect("syntect highlights the line");
        }
        generator.finalize()
    }

    #[test]
    fn lines_seen_before_are_highlighted_from_where_they_start() {
        // The same lines inside and outside a comment, a string and a function, in two
        // languages, each block highlighted after the others have filled the memory of lines.
        let blocks = [
            ("rust", "fn a() -> bool {\n    x > 1 // y\n}\n"),
            ("rust", "/*\nfn a() -> bool {\n    x > 1 // y\n}\n*/\n}\n"),
            ("rust", "let s = \"\nfn a() -> bool {\n}\n\";\n    x > 1 // y\n"),
            ("rust", "fn b() {\n    x > 1 // y\n}\n"),
            ("python", "fn a() -> bool {\n    x > 1 // y\n}\n\"\"\"\n}\n"),
            ("rust", "fn a() -> bool {\n    x > 1 // y\n}\n"),
        ];
        for (lang, code) in blocks {
            let expected = format!(
                "<pre class=\"code\"><code class=\"language-{lang}\">{}</code></pre>",
                highlighted_by_syntect(lang, code)
            );
            assert_eq!(highlight(lang, code), expected, "{lang}: {code}");
        }
    }

    #[test]
    fn raw_html_is_sanitized_but_lang_spans_survive() {
        let r = render(
            "Hi <span lang=\"en\" style=\"color:red\" onclick=\"x()\">there</span><script>alert(1)</script>\n",
            false,
            &none,
        );
        assert!(r.html.contains("<span lang=\"en\">there</span>"), "{}", r.html);
        assert!(
            !r.html.contains("script") && !r.html.contains("onclick") && !r.html.contains("style"),
            "{}",
            r.html
        );
    }

    #[test]
    fn internal_links_resolve_and_are_recorded() {
        let resolve = |p: &str| (p == "@/about.md").then(|| "/en/about/".to_owned());
        let r = render(
            "[a](@/about.md#team)\n\n[b](@/nope.md)\n\n[c](https://example.org)\n",
            false,
            &resolve,
        );
        assert!(r.html.contains("href=\"/en/about/#team\""), "{}", r.html);
        assert!(
            r.html
                .contains("<a href=\"https://example.org\" rel=\"noopener noreferrer\">c</a>"),
            "{}",
            r.html
        );
        assert_eq!(r.links.len(), 1);
        assert_eq!(r.unresolved, vec![("@/nope.md".to_owned(), 3)]);
    }
}
