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
use syntect::highlighting::{Color, FontStyle, Highlighter, Style, Theme};
use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

use crate::i18n::translit;

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

/// The colours code is highlighted in: syntect's "InspiredGitHub".
static THEME: LazyLock<Theme> = LazyLock::new(|| {
    let mut themes = syntect::highlighting::ThemeSet::load_defaults().themes;
    themes.remove("InspiredGitHub").unwrap_or_default()
});

/// The theme's rules, made ready to match scopes.
static HIGHLIGHTER: LazyLock<Highlighter<'static>> = LazyLock::new(|| Highlighter::new(&THEME));

/// The theme's colours, each shown by a class of its own ([`Palette::classes`]).
static PALETTE: LazyLock<Palette> = LazyLock::new(|| Palette::of(&THEME));

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

/// How many distinct lines of code [`HIGHLIGHTED`] keeps at most on each thread (and scope
/// stacks [`classes_of`] keeps the classes of): each line holds
/// two parser states and its HTML (a few hundred bytes to a few KiB), so this bounds what a
/// long `serve` session keeps (the benchmark's 4,000 pages per language need ~8,000).
const HIGHLIGHTED_LIMIT: usize = 20_000;

/// Where highlighting stands at the start of a line: syntect's parser, and the scopes open.
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

/// `code` highlighted as `syntax`, or `None` if syntect fails on a line.
fn highlight_lines(syntax: &SyntaxReference, code: &str) -> Option<String> {
    let mut html = String::with_capacity(code.len() * 2);
    let mut at = LineStart {
        parse: ParseState::new(syntax),
        scopes: ScopeStack::new(),
    };
    for line in LinesWithEndings::from(code) {
        let (line_html, next) = highlight_line(&at, line)?;
        html.push_str(&line_html);
        at = next;
    }
    Some(html)
}

/// One line (with its line end) highlighted from `at`: its HTML and where the next line starts.
fn highlight_line(at: &LineStart, line: &str) -> Option<(Arc<str>, LineStart)> {
    let seen = HIGHLIGHTED.with_borrow(|lines| {
        let done = lines.get(line)?.iter().find(|h| h.from == *at)?;
        Some((done.html.clone(), done.next.clone()))
    });
    if seen.is_some() {
        return seen;
    }
    let mut next = at.clone();
    let ops = next.parse.parse_line(line, &SYNTAXES).ok()?;
    // The text between two changes of scope, in the classes of the scopes open over it.
    let mut tokens = Vec::with_capacity(ops.len() + 1);
    let mut from = 0;
    for (at, op) in &ops {
        if *at > from {
            tokens.push((classes_of(next.scopes.as_slice()), &line[from..*at]));
            from = *at;
        }
        next.scopes.apply(op).ok()?;
    }
    if from < line.len() {
        tokens.push((classes_of(next.scopes.as_slice()), &line[from..]));
    }
    let html: Arc<str> = styled_spans(tokens.into_iter()).into();
    HIGHLIGHTED.with_borrow_mut(|lines| {
        if lines.len() >= HIGHLIGHTED_LIMIT {
            lines.clear();
        }
        lines.entry(line.to_owned()).or_default().push(Highlighted {
            from: at.clone(),
            next: next.clone(),
            html: html.clone(),
        });
    });
    Some((html, next))
}

/// The classes that show the theme's style of the scopes `stack` ([`Palette::classes`]), found
/// once per thread for each stack: syntect matches the theme's rules against the whole stack
/// (~20,000 instructions for a token of a Rust function), and a block's tokens share a few
/// dozen stacks.
fn classes_of(stack: &[Scope]) -> Option<Arc<str>> {
    thread_local! {
        static CLASSES: RefCell<HashMap<Vec<Scope>, Option<Arc<str>>>> = RefCell::default();
    }
    if let Some(classes) = CLASSES.with_borrow(|known| known.get(stack).cloned()) {
        return classes;
    }
    let classes: Option<Arc<str>> = PALETTE.classes(HIGHLIGHTER.style_for_stack(stack)).map(Arc::from);
    CLASSES.with_borrow_mut(|known| {
        if known.len() >= HIGHLIGHTED_LIMIT {
            known.clear();
        }
        known.insert(stack.to_vec(), classes.clone());
    });
    classes
}

/// `tokens`, each text with the classes of its style, as HTML: each run of text in one style
/// that differs from the theme's default in a `<span>` with the classes of its colours and font
/// style ([`Palette::classes`]), the rest as plain text. Classes by style rather than by
/// syntect's scopes (`hl-meta hl-function …`, a span per scope, nested) show the same colours
/// in a fifth of the bytes.
fn styled_spans<'a, C: AsRef<str> + PartialEq>(tokens: impl Iterator<Item = (Option<C>, &'a str)>) -> String {
    let mut html = String::new();
    let mut open: Option<C> = None;
    for (classes, text) in tokens {
        if open != classes {
            if open.is_some() {
                html.push_str("</span>");
            }
            if let Some(classes) = &classes {
                html.push_str("<span class=\"");
                html.push_str(classes.as_ref());
                html.push_str("\">");
            }
            open = classes;
        }
        escape_html(&mut html, text).expect("writing to a String");
    }
    if open.is_some() {
        html.push_str("</span>");
    }
    html
}

/// The colours of a theme besides its default ones, numbered in the order its rules name them.
struct Palette {
    foregrounds: Vec<Color>,
    backgrounds: Vec<Color>,
}

impl Palette {
    /// The colours `theme` gives besides its defaults.
    fn of(theme: &Theme) -> Palette {
        let default = Highlighter::new(theme).get_default();
        let mut palette = Palette {
            foregrounds: Vec::new(),
            backgrounds: Vec::new(),
        };
        for item in &theme.scopes {
            let (foreground, background) = (item.style.foreground, item.style.background);
            if let Some(c) = foreground.filter(|c| *c != default.foreground && !palette.foregrounds.contains(c)) {
                palette.foregrounds.push(c);
            }
            if let Some(c) = background.filter(|c| *c != default.background && !palette.backgrounds.contains(c)) {
                palette.backgrounds.push(c);
            }
        }
        palette
    }

    /// The classes that show `style`, or `None` for the default style: `hl-fN` for the Nth
    /// foreground colour, `hl-gN` for the Nth background, `hl-b`, `hl-i` and `hl-u` for bold,
    /// italic and underlined text.
    fn classes(&self, style: Style) -> Option<String> {
        use std::fmt::Write;
        let mut classes = String::new();
        let mut add = |class: std::fmt::Arguments| {
            if !classes.is_empty() {
                classes.push(' ');
            }
            let _ = classes.write_fmt(class);
        };
        if let Some(i) = self.foregrounds.iter().position(|c| *c == style.foreground) {
            add(format_args!("hl-f{i}"));
        }
        if let Some(i) = self.backgrounds.iter().position(|c| *c == style.background) {
            add(format_args!("hl-g{i}"));
        }
        for (flag, class) in [
            (FontStyle::BOLD, "hl-b"),
            (FontStyle::ITALIC, "hl-i"),
            (FontStyle::UNDERLINE, "hl-u"),
        ] {
            if style.font_style.contains(flag) {
                add(format_args!("{class}"));
            }
        }
        (!classes.is_empty()).then_some(classes)
    }

    /// The stylesheet of every class [`Palette::classes`] writes. Each foreground colour is
    /// darkened, keeping its hue, until it has the contrast WCAG 2.1 AA asks of text
    /// ([`MIN_CONTRAST`]) against every background code is shown on: the theme's grey comments,
    /// for one, have 2.6:1 on the code blocks' background as the theme gives them.
    fn css(&self) -> String {
        let darkest = self
            .backgrounds
            .iter()
            .map(|c| luminance(*c))
            .fold(luminance(CODE_BACKGROUND), f64::min);
        let hex = |c: &Color| {
            if c.a == 0xFF {
                format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
            } else {
                format!("rgba({}, {}, {}, {:.3})", c.r, c.g, c.b, f64::from(c.a) / 255.0)
            }
        };
        let mut css = String::from("/* syntect's \"InspiredGitHub\" theme, a class per colour and font style */\n");
        for (i, c) in self.foregrounds.iter().enumerate() {
            css.push_str(&format!(".hl-f{i} {{ color: {}; }}\n", hex(&legible(*c, darkest))));
        }
        for (i, c) in self.backgrounds.iter().enumerate() {
            css.push_str(&format!(".hl-g{i} {{ background-color: {}; }}\n", hex(c)));
        }
        css.push_str(
            ".hl-b { font-weight: bold; }\n.hl-i { font-style: italic; }\n.hl-u { text-decoration: underline; }\n",
        );
        css
    }
}

/// The background of code blocks (`--tint` in the default theme's `style.css`).
const CODE_BACKGROUND: Color = Color {
    r: 0xf2,
    g: 0xf5,
    b: 0xf7,
    a: 0xff,
};

/// The least contrast WCAG 2.1 AA asks of text (success criterion 1.4.3).
const MIN_CONTRAST: f64 = 4.5;

/// The relative luminance of `c` (WCAG 2.1).
fn luminance(c: Color) -> f64 {
    let linear = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b)
}

/// The contrast of a colour of relative luminance `a` with one of `b` (WCAG 2.1).
fn contrast(a: f64, b: f64) -> f64 {
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// `c`, darkened step by step with its hue kept, until it has [`MIN_CONTRAST`] with a
/// background of relative luminance `background`.
fn legible(mut c: Color, background: f64) -> Color {
    while contrast(luminance(c), background) < MIN_CONTRAST {
        let darker = |v: u8| (f64::from(v) * 0.95).floor() as u8;
        c = Color {
            r: darker(c.r),
            g: darker(c.g),
            b: darker(c.b),
            a: c.a,
        };
    }
    c
}

/// The stylesheet for highlighted code, in the classes [`render`] writes. Made once per
/// process: `serve` loads the theme again on every template edit.
pub fn highlight_css() -> &'static str {
    static CSS: LazyLock<String> = LazyLock::new(|| PALETTE.css());
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

    /// syntect's own highlighting (`HighlightLines`), line after line with no memory of earlier
    /// blocks, written as [`styled_spans`] writes styles.
    fn highlighted_by_syntect(lang: &str, code: &str) -> String {
        let syntax = SYNTAXES.find_syntax_by_token(lang).expect("a known language");
        let mut lines = syntect::easy::HighlightLines::new(syntax, &THEME);
        LinesWithEndings::from(code)
            .map(|line| {
                let tokens = lines
                    .highlight_line(line, &SYNTAXES)
                    .expect("syntect highlights the line");
                styled_spans(tokens.into_iter().map(|(style, text)| (PALETTE.classes(style), text)))
            })
            .collect()
    }

    #[test]
    fn code_shows_the_themes_colours_by_class() {
        let r = render("```rust\n// note\nfn main() { let s = \"x\"; }\n```\n", false, &none);
        let doc = scraper::Html::parse_fragment(&r.html);
        let css = highlight_css();
        // Each token's classes, looked up in the stylesheet, give the colour and font style
        // the theme gives its scopes.
        let shown = |text: &str| -> Vec<String> {
            let span = scraper::Selector::parse("span").expect("a selector");
            let found = doc
                .select(&span)
                .find(|s| s.text().collect::<String>().trim() == text)
                .unwrap_or_else(|| panic!("a span with {text:?} in {}", r.html));
            let mut rules: Vec<String> = found
                .value()
                .classes()
                .map(|c| {
                    let rule = css
                        .lines()
                        .find(|l| l.starts_with(&format!(".{c} ")))
                        .unwrap_or_else(|| panic!("a rule for .{c} in {css}"));
                    rule[rule.find('{').expect("a rule") + 1..]
                        .trim_end_matches('}')
                        .trim()
                        .to_owned()
                })
                .collect();
            rules.sort();
            rules
        };
        // InspiredGitHub: comments grey (#969896, darkened for contrast) and italic, keywords
        // and storage red and bold, strings blue.
        let comment = shown("// note");
        assert_eq!(comment[1], "font-style: italic;");
        let grey = comment[0].trim_start_matches("color: #").trim_end_matches(';');
        let channels: Vec<u8> = (0..3)
            .map(|i| u8::from_str_radix(&grey[2 * i..2 * i + 2], 16).expect("a hex colour"))
            .collect();
        assert!(
            channels.iter().all(|&c| c < 0x96 && c.abs_diff(channels[1]) <= 2),
            "a darker grey: {comment:?}"
        );
        assert_eq!(shown("fn"), ["color: #a71d5d;", "font-weight: bold;"]);
        assert_eq!(shown("\"x\""), ["color: #183691;"]);
        assert!(!r.html.contains("hl-meta"), "no span per scope: {}", r.html);
    }

    #[test]
    fn every_colour_of_code_is_legible_on_its_background() {
        let hex = |h: &str| {
            let v = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).expect("a hex colour");
            luminance(Color {
                r: v(1),
                g: v(3),
                b: v(5),
                a: 0xff,
            })
        };
        let colours = |property: &str| -> Vec<f64> {
            highlight_css()
                .lines()
                .filter_map(|l| l.split_once(&format!("{{ {property}: "))?.1.split_once(';'))
                .map(|(c, _)| hex(c))
                .collect()
        };
        let (texts, backgrounds) = (colours("color"), colours("background-color"));
        assert!(texts.len() > 5 && !backgrounds.is_empty(), "{}", highlight_css());
        for text in &texts {
            for background in backgrounds.iter().chain([&luminance(CODE_BACKGROUND)]) {
                assert!(contrast(*text, *background) >= 4.5, "{}", highlight_css());
            }
        }
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
