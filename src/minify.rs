//! HTML minification in one pass over the rendered page, which also checks that the page is
//! well-formed.
//!
//! The rules are the ones that keep what a browser shows: runs of whitespace in text become one
//! space, and none is kept next to the start or end of a block element (`<div>`, `<li>`, `<td>`
//! …) where a browser would not show it; comments go; attribute values that need no quotes lose
//! them; `<br/>` becomes `<br>`. Text inside `<pre>`, `<textarea>`, `<script>` and `<style>` is
//! copied as it is. Whitespace next to inline elements (`<a>`, `<span>`, `<strong>` …) and
//! elements this module does not know is kept as one space.
//!
//! Every closing tag must close an open element. Elements whose end tag HTML lets authors leave
//! out (`</li>`, `</p>`, `</td>` …) may be closed by the end of their parent; any other element
//! left open is a fault. The error gives the byte of the input where it was found.
//!
//! This replaced a general-purpose minifier that read the page one byte at a time through many
//! layers and took a quarter of a build (see `bench/README.md`): ours copies text between tags
//! whole where it has no whitespace to collapse, and handles tags, of which a page has few, in
//! plain code. What many pages show alike (a `cached` template) can be minified once
//! ([`Fragment`]) and copied wherever a page has it as text ([`minify_with`]).

use memchr::memmem::Finder;
use std::sync::LazyLock;

/// The strings minification looks for, each made into a search once: making one is most of
/// what `memmem::find` costs on the short runs of text a page is made of.
static DOUBLE_SPACE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("  "));
static COMMENT_END: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("-->"));
static END_TAG: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("</"));

/// What minifying needs to know of an element.
#[derive(Debug, Clone, Copy, Default)]
struct Kind {
    /// Whitespace next to its start and end is not shown: it is a block by default, or not
    /// shown at all.
    block: bool,
    /// It has no content and no end tag.
    void: bool,
    /// Its end tag may be left out: the end of its parent closes it.
    optional_end: bool,
    /// Its content is copied as it is, up to its end tag.
    verbatim: bool,
}

/// The kind of the element `name` (any case).
fn kind(name: &str) -> Kind {
    let mut lower = [0u8; 10];
    let Some(lower) = lower.get_mut(..name.len()) else {
        return Kind::default();
    };
    for (l, b) in lower.iter_mut().zip(name.bytes()) {
        *l = b.to_ascii_lowercase();
    }
    let k = |block, void, optional_end, verbatim| Kind {
        block,
        void,
        optional_end,
        verbatim,
    };
    match &*lower {
        b"area" | b"br" | b"embed" | b"img" | b"input" | b"param" | b"source" | b"track" | b"wbr" => {
            k(false, true, false, false)
        }
        b"base" | b"col" | b"hr" | b"link" | b"meta" => k(true, true, false, false),
        b"body" | b"caption" | b"colgroup" | b"dd" | b"dt" | b"head" | b"html" | b"li" | b"optgroup" | b"option"
        | b"p" | b"tbody" | b"td" | b"tfoot" | b"th" | b"thead" | b"tr" => k(true, false, true, false),
        b"rp" | b"rt" => k(false, false, true, false),
        b"pre" | b"script" | b"style" => k(true, false, false, true),
        b"textarea" => k(false, false, false, true),
        b"address" | b"article" | b"aside" | b"blockquote" | b"details" | b"dialog" | b"div" | b"dl" | b"fieldset"
        | b"figcaption" | b"figure" | b"footer" | b"form" | b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6"
        | b"header" | b"hgroup" | b"legend" | b"main" | b"menu" | b"nav" | b"noscript" | b"ol" | b"search"
        | b"section" | b"summary" | b"table" | b"template" | b"title" | b"ul" => k(true, false, false, false),
        _ => Kind::default(),
    }
}

/// Where the minifier found the page not well-formed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    /// The byte of the input where the fault was found.
    pub at: usize,
    /// What is wrong, e.g. "`</section>` closes no open element".
    pub message: String,
}

/// Classes of bytes in tags, as bits of [`CLASSES`]: the loops that read tags byte by byte
/// test one bit of one table entry instead of a chain of comparisons.
mod class {
    /// A byte of an element's name: ASCII letters and digits, `-`, `_`, `:` and `.`.
    pub const NAME: u8 = 1;
    /// ASCII whitespace, as [`u8::is_ascii_whitespace`] has it.
    pub const SPACE: u8 = 2;
    /// Ends an attribute's name: whitespace, `=`, `>` and `/`.
    pub const ATTRIBUTE_NAME_END: u8 = 4;
    /// Ends a value without quotes: whitespace and `>`.
    pub const BARE_VALUE_END: u8 = 8;
    /// Makes a value need quotes: whitespace, `"`, `'`, `=`, `<`, `>` and `` ` ``.
    pub const NEEDS_QUOTES: u8 = 16;
}

/// The classes of each byte ([`class`]).
static CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        let space = byte.is_ascii_whitespace();
        let mut c = 0;
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b':' | b'.') {
            c |= class::NAME;
        }
        if space {
            c |= class::SPACE;
        }
        if space || matches!(byte, b'=' | b'>' | b'/') {
            c |= class::ATTRIBUTE_NAME_END;
        }
        if space || byte == b'>' {
            c |= class::BARE_VALUE_END;
        }
        if space || matches!(byte, b'"' | b'\'' | b'=' | b'<' | b'>' | b'`') {
            c |= class::NEEDS_QUOTES;
        }
        table[b] = c;
        b += 1;
    }
    table
};

/// Whether byte `b` is in class `class` (a bit of [`class`]).
fn is(class: u8, b: u8) -> bool {
    CLASSES[usize::from(b)] & class != 0
}

/// Minifies the HTML document `html` (see the module's documentation).
pub fn minify(html: &str) -> Result<String, Malformed> {
    minify_with::<&Fragment>(html, &[]).map(|(minified, _)| minified)
}

/// HTML that many pages show alike (a template made once with `cached`), minified once.
///
/// It is made only of HTML that minifies the same wherever a page has it as text (not inside
/// a tag or a script): from its first `<` to its last `>`, it starts with the start tag of a
/// block element, which drops the whitespace before it wherever it stands, and closes every
/// element it opens and no other, so that its end tags close only its own elements and the
/// page's are open after it as before. What follows it is read as after any tag, from the
/// state it leaves.
#[derive(Debug)]
pub struct Fragment {
    /// The HTML as written, from its first `<` to its last `>`.
    raw: Box<str>,
    /// The length of the whitespace before `raw` in the HTML it was made from.
    lead: usize,
    minified: Box<str>,
    /// The state after it: whitespace read and not yet written, and whether a block's tag came
    /// last.
    space: bool,
    after_block: bool,
}

impl Fragment {
    /// The fragment minified.
    pub fn minified(&self) -> &str {
        &self.minified
    }

    /// `html` minified once, if it is such HTML (see [`Fragment`]).
    pub fn new(html: &str) -> Option<Fragment> {
        let trimmed = html.trim_ascii_start();
        let raw = trimmed.trim_ascii_end();
        let mut m = Minifier::new(raw);
        let first = raw
            .as_bytes()
            .get(1)
            .is_some_and(u8::is_ascii_alphabetic)
            .then(|| m.name(1).0);
        if !raw.starts_with('<') || !raw.ends_with('>') || !first.is_some_and(|name| kind(name).block) {
            return None;
        }
        m.run::<&Fragment>(&[]).ok()?;
        m.open.is_empty().then(|| Fragment {
            raw: raw.into(),
            lead: html.len() - trimmed.len(),
            minified: m.out.into(),
            space: m.space,
            after_block: m.after_block,
        })
    }
}

/// Minifies `html` like [`minify`], where `html` has `fragments` written at the given offsets
/// (as the HTML each was made from): each that the minifier reaches as text is copied as it
/// was minified once, not read again. Returns the minified HTML and where in it each copied
/// fragment starts, in order, with the handle it was given by (`&Fragment`, `Arc<Fragment>`).
pub fn minify_with<F: std::ops::Deref<Target = Fragment> + Clone>(
    html: &str,
    fragments: &[(usize, F)],
) -> Result<(String, Vec<(usize, F)>), Malformed> {
    // Where each fragment's first `<` is, if its bytes are there.
    let mut landed: Vec<(usize, &F)> = fragments
        .iter()
        .map(|(at, f)| (at + f.lead, f))
        .filter(|&(at, f)| {
            html.as_bytes()
                .get(at..)
                .is_some_and(|rest| rest.starts_with(f.raw.as_bytes()))
        })
        .collect();
    landed.sort_unstable_by_key(|&(at, _)| at);
    let mut m = Minifier::new(html);
    let copied = m.run(&landed)?;
    Ok((m.out, copied))
}

/// One document being minified. Text is cut only next to ASCII bytes, so every piece copied is
/// whole characters.
struct Minifier<'a> {
    html: &'a str,
    out: String,
    /// The open elements, outermost first, as their names are written.
    open: Vec<(&'a str, Kind)>,
    /// Whitespace was read in text and not yet written.
    space: bool,
    /// The last thing written was the start or end of a block, where whitespace is not shown.
    after_block: bool,
}

impl<'a> Minifier<'a> {
    fn new(html: &'a str) -> Minifier<'a> {
        Minifier {
            html,
            out: String::with_capacity(html.len()),
            open: Vec::new(),
            space: false,
            after_block: true,
        }
    }

    /// Minifies the whole document, copying each of `landed` (by where its first `<` is, in
    /// order) that is reached as text; returns where in the output each copied one starts.
    fn run<F: std::ops::Deref<Target = Fragment> + Clone>(
        &mut self,
        landed: &[(usize, &F)],
    ) -> Result<Vec<(usize, F)>, Malformed> {
        let mut copied = Vec::new();
        let mut landed = landed.iter().peekable();
        let mut i = 0;
        while i < self.html.len() {
            let next = crate::bytes::find(b'<', &self.html.as_bytes()[i..]).map_or(self.html.len(), |n| i + n);
            self.text(i, next);
            if next == self.html.len() {
                break;
            }
            // Fragments passed inside a tag or a script are not copied.
            while landed.next_if(|(at, _)| *at < next).is_some() {}
            if let Some((_, fragment)) = landed.next_if(|(at, _)| *at == next) {
                // Its first tag is a block's, before which no space is shown.
                copied.push((self.out.len(), (*fragment).clone()));
                self.out.push_str(&fragment.minified);
                (self.space, self.after_block) = (fragment.space, fragment.after_block);
                i = next + fragment.raw.len();
                continue;
            }
            i = self.markup(next)?;
        }
        if let Some((unclosed, _)) = self.open.iter().rev().find(|(_, k)| !k.optional_end) {
            return Err(Malformed {
                at: self.html.len(),
                message: format!("`<{unclosed}>` is never closed"),
            });
        }
        Ok(copied)
    }

    /// Writes the text from `from` to `to`, collapsing its whitespace.
    fn text(&mut self, from: usize, to: usize) {
        let text = &self.html[from..to];
        let trimmed = text.trim_ascii_start();
        self.space |= trimmed.len() < text.len();
        let words = trimmed.trim_ascii_end();
        if words.is_empty() {
            return;
        }
        self.flush_space();
        self.after_block = false;
        let bytes = words.as_bytes();
        if memchr::memchr3(b'\n', b'\t', b'\r', bytes).is_none() && DOUBLE_SPACE.find(bytes).is_none() {
            // Words with single spaces between them, as most text is.
            self.out.push_str(words);
        } else {
            for (k, word) in words.split_ascii_whitespace().enumerate() {
                if k > 0 {
                    self.out.push(' ');
                }
                self.out.push_str(word);
            }
        }
        self.space = words.len() < trimmed.len();
    }

    /// Writes the pending space, if one is shown here.
    fn flush_space(&mut self) {
        if self.space && !self.after_block {
            self.out.push(' ');
        }
        self.space = false;
    }

    /// Handles the markup that starts with `<` at `at`; returns where the text after it starts.
    fn markup(&mut self, at: usize) -> Result<usize, Malformed> {
        let rest = &self.html.as_bytes()[at..];
        if rest.starts_with(b"<!--") {
            return match COMMENT_END.find(&rest[4..]) {
                Some(n) => Ok(at + 4 + n + 3),
                None => Err(Malformed {
                    at,
                    message: "a comment is never closed (`-->`)".into(),
                }),
            };
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            let end = memchr::memchr(b'>', rest)
                .map(|n| at + n + 1)
                .ok_or_else(|| Malformed {
                    at,
                    message: "a tag is never closed (`>`)".into(),
                })?;
            self.space = false;
            self.out.push_str(&self.html[at..end]);
            self.after_block = true;
            return Ok(end);
        }
        if rest.starts_with(b"</") {
            return self.end_tag(at);
        }
        if rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
            return self.start_tag(at);
        }
        // A `<` that starts no tag is text.
        self.flush_space();
        self.out.push('<');
        self.after_block = false;
        Ok(at + 1)
    }

    /// Writes the space before a tag of an element of `kind`, if one is shown there.
    fn before_tag(&mut self, kind: Kind) {
        if kind.block {
            self.space = false;
        } else {
            self.flush_space();
        }
    }

    /// The name that starts at `from`, and where it ends.
    fn name(&self, from: usize) -> (&'a str, usize) {
        let len = self.html.as_bytes()[from..]
            .iter()
            .take_while(|&&b| is(class::NAME, b))
            .count();
        (&self.html[from..from + len], from + len)
    }

    fn skip_space(&self, mut i: usize) -> usize {
        while self.html.as_bytes().get(i).is_some_and(|&b| is(class::SPACE, b)) {
            i += 1;
        }
        i
    }

    fn end_tag(&mut self, at: usize) -> Result<usize, Malformed> {
        let (name, after) = self.name(at + 2);
        let i = self.skip_space(after);
        if name.is_empty() || self.html.as_bytes().get(i) != Some(&b'>') {
            return Err(Malformed {
                at,
                message: "an end tag is not written `</name>`".into(),
            });
        }
        let kind = self.close(at, name)?;
        self.before_tag(kind);
        self.after_block = kind.block;
        if i == after {
            // `</name>` as it is written, as most end tags are.
            self.out.push_str(&self.html[at..=i]);
        } else {
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push('>');
        }
        Ok(i + 1)
    }

    /// Closes the open element `name`, and those in it whose end tag may be left out; returns
    /// its kind.
    fn close(&mut self, at: usize, name: &str) -> Result<Kind, Malformed> {
        // Most end tags close the element opened last, as they are written.
        if let Some(&(last, kind)) = self.open.last()
            && last == name
        {
            self.open.pop();
            return Ok(kind);
        }
        let Some(pos) = self.open.iter().rposition(|(n, _)| n.eq_ignore_ascii_case(name)) else {
            return Err(Malformed {
                at,
                message: format!("`</{name}>` closes no open element"),
            });
        };
        if let Some((inner, _)) = self.open[pos + 1..].iter().rev().find(|(_, k)| !k.optional_end) {
            return Err(Malformed {
                at,
                message: format!("`</{name}>` comes while `<{inner}>` is open"),
            });
        }
        let kind = self.open[pos].1;
        self.open.truncate(pos);
        Ok(kind)
    }

    fn start_tag(&mut self, at: usize) -> Result<usize, Malformed> {
        let (name, mut i) = self.name(at + 1);
        let kind = kind(name);
        self.before_tag(kind);
        // `<` and the name, as they are written.
        self.out.push_str(&self.html[at..i]);
        let after_name = self.out.len();
        let self_closing = loop {
            i = self.skip_space(i);
            match self.html.as_bytes().get(i) {
                None => {
                    return Err(Malformed {
                        at,
                        message: "a tag is never closed (`>`)".into(),
                    });
                }
                Some(b'>') => break false,
                Some(b'/') if self.html.as_bytes().get(i + 1) == Some(&b'>') => {
                    i += 1;
                    break true;
                }
                Some(_) => i = self.attribute(at, i)?,
            }
        };
        if self_closing && !kind.void {
            // Foreign content (`<path/>` in SVG) closes itself; a space keeps the `/` out of a
            // value without quotes.
            if self.out.len() > after_name && !matches!(self.out.as_bytes().last(), Some(b'"' | b'\'')) {
                self.out.push(' ');
            }
            self.out.push_str("/>");
        } else {
            self.out.push('>');
        }
        self.after_block = kind.block;
        i += 1;
        if !kind.void && !self_closing {
            self.open.push((name, kind));
            if kind.verbatim {
                i = self.verbatim(at, i, name)?;
            }
        }
        Ok(i)
    }

    /// Writes the attribute that starts at `i` in the tag at `tag`; returns the byte after it.
    fn attribute(&mut self, tag: usize, mut i: usize) -> Result<usize, Malformed> {
        let src = self.html.as_bytes();
        let name_start = i;
        while src.get(i).is_some_and(|&b| !is(class::ATTRIBUTE_NAME_END, b)) {
            i += 1;
        }
        if i == name_start {
            // A stray `/` inside the tag.
            return Ok(i + 1);
        }
        self.out.push(' ');
        self.out.push_str(&self.html[name_start..i]);
        let mut j = self.skip_space(i);
        if src.get(j) != Some(&b'=') {
            return Ok(i);
        }
        j = self.skip_space(j + 1);
        let (from, to, end) = match src.get(j) {
            Some(&q @ (b'"' | b'\'')) => match crate::bytes::find(q, &src[j + 1..]) {
                Some(n) => (j + 1, j + 1 + n, j + 1 + n + 1),
                None => {
                    return Err(Malformed {
                        at: tag,
                        message: "an attribute's quotes are never closed".into(),
                    });
                }
            },
            _ => {
                let n = src[j..].iter().take_while(|&&b| !is(class::BARE_VALUE_END, b)).count();
                (j, j + n, j + n)
            }
        };
        let value = &src[from..to];
        self.out.push('=');
        let bare = !value.is_empty() && !value.iter().any(|&b| is(class::NEEDS_QUOTES, b));
        if bare {
            self.out.push_str(&self.html[from..to]);
        } else {
            let q = if value.contains(&b'"') { '\'' } else { '"' };
            self.out.push(q);
            self.out.push_str(&self.html[from..to]);
            self.out.push(q);
        }
        Ok(end)
    }

    /// Copies the content of `<name>` from `i` up to its end tag; returns where the end tag starts.
    fn verbatim(&mut self, tag: usize, i: usize, name: &str) -> Result<usize, Malformed> {
        let src = self.html.as_bytes();
        let mut j = i;
        while let Some(n) = END_TAG.find(&src[j..]) {
            let end = j + n;
            let after = &src[end + 2..];
            if after.len() >= name.len()
                && after[..name.len()].eq_ignore_ascii_case(name.as_bytes())
                && !after.get(name.len()).is_some_and(|&b| is(class::NAME, b))
            {
                self.out.push_str(&self.html[i..end]);
                self.after_block = false;
                return Ok(end);
            }
            j = end + 2;
        }
        Err(Malformed {
            at: tag,
            message: format!("`<{name}>` is never closed"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn min(html: &str) -> String {
        minify(html).unwrap()
    }

    #[test]
    fn whitespace_goes_next_to_blocks_and_becomes_one_space_in_text() {
        assert_eq!(
            min("<div>\n  <p>  Two   words\n and <a href=\"/x/\">a  link</a> .</p>\n</div>\n"),
            "<div><p>Two words and <a href=/x/>a link</a> .</p></div>"
        );
        assert_eq!(
            min("<li><a>x</a> <span>y</span></li>"),
            "<li><a>x</a> <span>y</span></li>"
        );
        assert_eq!(min("<p>a <b> b </b> c</p>"), "<p>a <b> b </b> c</p>");
    }

    #[test]
    fn verbatim_content_comments_and_declarations() {
        assert_eq!(
            min("<!DOCTYPE html>\n<pre><code>a\n   b  </code></pre>\n<!-- note -->\n<p>x</p>"),
            "<!DOCTYPE html><pre><code>a\n   b  </code></pre><p>x</p>"
        );
        assert_eq!(min("<textarea>  a <b> </textarea>"), "<textarea>  a <b> </textarea>");
    }

    #[test]
    fn attributes_lose_quotes_they_do_not_need() {
        assert_eq!(
            min("<a  class=\"a b\"\n   href='/x' data-q='say \"hi\"' hidden title=\"\"  >x</a>"),
            "<a class=\"a b\" href=/x data-q='say \"hi\"' hidden title=\"\">x</a>"
        );
        assert_eq!(
            min("<br/><img src=\"a.png\" alt=\"\" />"),
            "<br><img src=a.png alt=\"\">"
        );
        assert_eq!(min("<svg><path d=\"M0 0\"/></svg>"), "<svg><path d=\"M0 0\"/></svg>");
        assert_eq!(min("<a href=\"/en/\">x</a>"), "<a href=/en/>x</a>");
        assert_eq!(min("<svg><path d=\"M0\"/><g/></svg>"), "<svg><path d=M0 /><g/></svg>");
        // What needs quotes is ASCII whitespace (form feed included, vertical tab not), quotes,
        // `=`, `<`, `>` and `` ` ``; names run over `-`, `_`, `:` and `.`.
        for needs in ["a\x0Cb", "a\tb", "a`b", "a=b", "a<b", "a>b", "a'b"] {
            assert_eq!(
                min(&format!("<i title=\"{needs}\">x</i>")),
                format!("<i title=\"{needs}\">x</i>")
            );
        }
        for bare in ["a\x0Bb", "a/b", "a&amp;b", "Жртве"] {
            assert_eq!(
                min(&format!("<i title=\"{bare}\">x</i>")),
                format!("<i title={bare}>x</i>")
            );
        }
        assert_eq!(
            min("<my-el\tdata-a.b:c_d = 'x'\x0Cxml:lang='en'/>"),
            "<my-el data-a.b:c_d=x xml:lang=en />"
        );
    }

    #[test]
    fn optional_end_tags_may_be_left_out_and_other_faults_are_found() {
        assert_eq!(min("<ul><li>a<li>b</ul>"), "<ul><li>a<li>b</ul>");
        assert_eq!(min("<p>a < b</p>"), "<p>a < b</p>");
        let fault = |html: &str| minify(html).unwrap_err();
        let e = fault("<main><h1>x</h1></section></main>");
        assert_eq!(e.at, 16);
        assert!(e.message.contains("</section>"), "{}", e.message);
        assert!(fault("<div><span>x</div>").message.contains("<span>"));
        assert!(fault("<div>x").message.contains("never closed"));
        assert!(fault("<p>x<!-- y").message.contains("comment"));
        assert!(fault("<a href=\"x>y</a>").message.contains("quotes"));
    }

    /// A random, validly nested document: blocks holding blocks or inline content, inline
    /// elements holding inline content, text with runs of whitespace, `<pre>` blocks, comments.
    fn document() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        fn element(names: Vec<&'static str>, children: BoxedStrategy<String>) -> BoxedStrategy<String> {
            (
                prop::sample::select(names),
                prop::sample::select(vec!["", " class=\"a\"", " href=\"/x/\"\n  data-x=\"a b\"", " hidden"]),
                "[ \n]{0,2}",
                prop::collection::vec(children, 0..4),
            )
                .prop_map(|(name, attrs, space, children)| {
                    format!("<{name}{attrs}>{space}{}{space}</{name}>", children.concat())
                })
                .boxed()
        }
        let text = "[ \n\t]{0,2}([a-zšđ<]{1,4}[ \n]{0,3}){0,3}";
        let inline_leaf = prop_oneof![
            text.prop_map(|t| t.replace('<', "&lt;")),
            Just("<!-- a comment -->".to_owned()),
            Just("<br/>".to_owned()),
            Just("<img src=\"/a b.png\" alt='x'>".to_owned()),
        ];
        let inline = inline_leaf
            .prop_recursive(3, 20, 4, |inner| element(vec!["span", "a", "strong"], inner))
            .boxed();
        let leaf_block = prop_oneof![
            "[a-z \n]{0,8}".prop_map(|t| format!("<pre><code>{t}</code></pre>")),
            element(vec!["p", "h2", "td"], inline.clone()),
        ];
        leaf_block.prop_recursive(3, 30, 4, move |inner| {
            let content = prop_oneof![inner, inline.clone()].boxed();
            element(vec!["div", "li", "section"], content)
        })
    }

    /// The elements of a parsed document in order, and the text of each element that holds no
    /// block, with its whitespace collapsed as a browser shows it.
    fn shown(html: &str) -> (Vec<String>, Vec<String>, String) {
        let doc = scraper::Html::parse_fragment(html);
        let mut elements = Vec::new();
        let mut texts = Vec::new();
        let mut pre = String::new();
        for node in doc.root_element().descendants() {
            let Some(el) = scraper::ElementRef::wrap(node) else {
                continue;
            };
            let mut attrs: Vec<_> = el.value().attrs().map(|(k, v)| format!("{k}={v}")).collect();
            attrs.sort();
            elements.push(format!("{} {}", el.value().name(), attrs.join(" ")));
            if el.value().name() == "pre" {
                pre.push_str(&el.text().collect::<String>());
            }
            let holds_block = el
                .descendants()
                .skip(1)
                .any(|d| scraper::ElementRef::wrap(d).is_some_and(|e| kind(e.value().name()).block));
            if !holds_block {
                let text: String = el.text().collect();
                texts.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
            }
        }
        (elements, texts, pre)
    }

    proptest::proptest! {
        /// A browser reads the same elements, attributes and text in the minified document,
        /// and the same text in `<pre>`.
        #[test]
        fn a_parser_reads_the_same_document(html in document()) {
            let minified = minify(&html).unwrap();
            proptest::prop_assert_eq!(shown(&minified), shown(&html), "{}", minified);
        }
    }

    proptest::proptest! {
        /// A fragment copied as minified once gives the page minifying reads whole, wherever
        /// it stands between the page's parts (blocks, and text or inline elements after it),
        /// with whitespace around it or not; one written inside an attribute is read there.
        #[test]
        fn a_fragment_minified_once_minifies_as_in_its_page(
            parts in proptest::collection::vec(document(), 0..4),
            fragment in document(),
            at in 0usize..4,
            space in "[ \n]{0,2}",
            quoted in proptest::bool::ANY,
            inline in proptest::bool::ANY,
            tail in proptest::sample::select(vec!["", "z", "<span>z</span>", " <br>"]),
        ) {
            // Inline elements may not be fragments: the space before them shows.
            let fragment = if inline { format!("<em>{fragment}</em>") } else { fragment };
            let Some(made) = Fragment::new(&format!("{space}{fragment}{space}")) else {
                // Only HTML that starts with a block's tag is made into a fragment.
                proptest::prop_assume!(false);
                unreachable!()
            };
            let at = at.min(parts.len());
            let before = format!("<div>{}<span>x</span>", parts[..at].concat());
            let (open, close) = if quoted { ("<p title=\"", "\">y</p>") } else { ("", "") };
            let html = format!("{before}{open}{space}{fragment}{space}{close}{tail}{}</div>", parts[at..].concat());
            let written = before.len() + open.len();
            proptest::prop_assert_eq!(minify_with(&html, &[(written, &made)]).map(|(m, _)| m), minify(&html));
        }
    }

    #[test]
    fn fragments_start_with_a_block_and_close_what_they_open() {
        assert!(Fragment::new("\n<nav><ul><li>a</li></ul></nav>\n").is_some());
        assert!(Fragment::new("<p>a").is_none(), "<p> is left open");
        assert!(
            Fragment::new("<div>a</div></section>").is_none(),
            "closes an element of the page"
        );
        assert!(Fragment::new("<span>a</span>").is_none(), "starts inline");
        assert!(Fragment::new("text <div></div>").is_none(), "starts with text");
        assert!(Fragment::new("<div></div> text").is_none(), "ends with text");
    }
}
