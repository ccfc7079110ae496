//! Search without third parties: an index per locale, written at build time, that an optional
//! script on the search page filters in the browser.
//!
//! A locale's index comes in parts, one per top folder of the site (`plans`, `institutions`, …)
//! and `main` for the pages outside folders; the script fetches them all. An edit then
//! rewrites only the parts whose pages changed: a progress report does not rewrite the index
//! of thousands of Markdown pages.
//!
//! Without JavaScript the search page lists the pre-rendered browsing pages instead. Text is
//! folded for matching: lowercase, Serbian Cyrillic transliterated and Latin diacritics dropped
//! (`Љубав`, `ljubav` and `LJUBAV` all match), the same folding `search.js` applies to queries.

use memchr::memmem::{Finder, FinderRev};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::i18n::translit;
use crate::output::{Body, OutputFile};
use crate::site::{DataPage, PageId, PageKind, Site};

/// One part of the index: (locale, part name).
pub type Part<'a> = (usize, &'a str);

/// The part of the index that holds the pages outside folders.
const MAIN_PART: &str = "main";

/// The URL of one part of a locale's search index.
pub fn index_url(locale: &str, part: &str) -> String {
    format!("/{locale}/search-index/{part}.json")
}

/// The part of its locale's index that `page` goes into, or `None` if it is not searchable:
/// the first folder below the locale's for pages inside one (`/en/plans/x/` → `plans`),
/// `main` for the rest (`/en/`, `/en/about/`, and `/en/plans/` itself).
pub fn part_of<'a>(site: &Site, page: &'a crate::site::Page) -> Option<&'a str> {
    text_limit(site, page)?;
    let mut segments = page.url.trim_matches('/').split('/').skip(1);
    Some(match (segments.next(), segments.next()) {
        (Some(folder), Some(_)) => folder,
        _ => MAIN_PART,
    })
}

/// The URLs of every part of `locale`'s index: `main` first (results keep this order),
/// then the folders' in name order. They follow from the site's pages alone, so the search
/// page can list them before any page is rendered.
pub fn index_urls(site: &Site, locale: usize) -> Vec<String> {
    let code = &site.config.locales[locale].code;
    let parts: std::collections::BTreeSet<(bool, &str)> = site
        .pages
        .iter()
        .filter(|p| p.locale == locale)
        .filter_map(|p| part_of(site, p))
        .map(|part| (part != MAIN_PART, part))
        .collect();
    parts.into_iter().map(|(_, part)| index_url(code, part)).collect()
}

/// One searchable page, kept as its JSON object: an index is its entries joined.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry(Arc<str>);

/// One entry as JSON: `{"t":…,"u":…,"s":…,"f":…}`, the field names short to keep the index
/// small: `t` the title as shown, `u` the URL, `s` the beginning of the page's text (shown under
/// the title in results), `f` the folded title and text, for matching. Written as serde_json
/// writes such a map, with its strings escaped by [`push_json_string`].
fn entry_json(title: &str, url: &str, snippet: &str, folded: &str) -> String {
    let mut json = String::with_capacity(title.len() + url.len() + snippet.len() + folded.len() + 32);
    for (i, (name, value)) in [("t", title), ("u", url), ("s", snippet), ("f", folded)]
        .into_iter()
        .enumerate()
    {
        json.push_str(if i == 0 { "{\"" } else { ",\"" });
        json.push_str(name);
        json.push_str("\":");
        push_json_string(&mut json, value);
    }
    json.push('}');
    json
}

/// Whether any of the 8 bytes of `word` is a control character, `"` or `\`.
fn needs_escape(word: u64) -> bool {
    use crate::bytes::{below, equal_to};
    below(word, 0x20) | equal_to(word, b'"') | equal_to(word, b'\\') != 0
}

/// Appends `text` as a JSON string, escaped as serde_json escapes it: `"` and `\` with a
/// backslash, the control characters as `\b`, `\t`, `\n`, `\f`, `\r` or `\u00xx`. Runs of 8
/// bytes with none of those are passed over as one word (serde_json reads a byte at a time;
/// folded text is most of a search index).
fn push_json_string(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let bytes = text.as_bytes();
    let (mut copied, mut i) = (0, 0);
    while i < bytes.len() {
        if let Some(word) = bytes[i..].first_chunk::<8>() {
            if !needs_escape(u64::from_le_bytes(*word)) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let short = match b {
            b'"' => Some('"'),
            b'\\' => Some('\\'),
            0x08 => Some('b'),
            b'\t' => Some('t'),
            b'\n' => Some('n'),
            0x0C => Some('f'),
            b'\r' => Some('r'),
            0..=0x1F => None,
            _ => {
                i += 1;
                continue;
            }
        };
        // Everything before `i` is whole characters: the byte at `i` is ASCII.
        out.push_str(&text[copied..i]);
        out.push('\\');
        match short {
            Some(c) => out.push(c),
            None => {
                out.push_str("u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xF)]));
            }
        }
        i += 1;
        copied = i;
    }
    out.push_str(&text[copied..]);
    out.push('"');
}

/// Folds text for matching: lowercase, Cyrillic → Latin, no diacritics, single spaces.
///
/// One pass over the characters, in the order `search.js` folds a query: lowercase, Serbian
/// Cyrillic to Latin, `đ` to `dj`, then canonical decomposition without the combining marks.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the words of `text` folded to `out`, each after a space if `out` is not empty:
/// folding two texts into one buffer gives what folding them joined by a space gives.
///
/// One pass over the bytes, written into room made up front: 8 bytes of printable ASCII with
/// single spaces are lowered as one word ([`ascii_run`]), other printable ASCII byte by byte;
/// other characters below U+2070 take their folded bytes from [`FOLDED`], those written in two
/// bytes (Cyrillic, Latin with diacritics) in a loop of their own within a word; a word with a
/// character the table cannot fold on its own is folded again whole, normalized first
/// ([`fold_word`]).
fn fold_into(text: &str, out: &mut String) {
    let table = &**FOLDED;
    let bytes = text.as_bytes();
    let mut folded = std::mem::take(out).into_bytes();
    // `folded[..n]` is written, and room follows it: at the top of the loop at least
    // `ROOM + 2 * (bytes.len() - i)`, as no step counts more than two bytes per byte it reads
    // (a space and the character's folded bytes: see `FOLDED`) or writes beyond `ROOM`.
    let mut n = folded.len();
    folded.resize(n + ROOM + 2 * bytes.len(), 0);
    // Whether a word is open (the last character read was in one), and where it starts in
    // `folded` if so.
    let (mut open, mut word_at) = (false, n);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            // (The last of the 8 bytes is tested first: in Cyrillic text it is seldom ASCII.)
            if let Some(run) = bytes.get(i..i + 8).filter(|w| n > 0 && w[7] < 0x80).and_then(ascii_run) {
                if !open && b != b' ' {
                    folded[n] = b' ';
                    n += 1;
                    word_at = n;
                }
                folded[n..n + 8].copy_from_slice(&run.lower.to_le_bytes());
                if let Some(space) = run.last_space {
                    word_at = n + space + 1;
                }
                n += run.len;
                open = run.len == 8;
                i += 8;
                continue;
            }
            if b.is_ascii_graphic() {
                if !open {
                    (n, word_at) = start_word(&mut folded, n);
                    open = true;
                }
                folded[n] = b.to_ascii_lowercase();
                n += 1;
                i += 1;
                continue;
            }
            if b.is_ascii_whitespace() {
                open = false;
                i += 1;
                continue;
            }
            // The other control characters, by the table.
        }
        let (c, width) = match b {
            // The lead byte of a character in two bytes, U+0080 to U+07FF: `text` is UTF-8, so
            // a continuation byte follows.
            0xC2..=0xDF => ((usize::from(b & 0x1F) << 6) | usize::from(bytes[i + 1] & 0x3F), 2),
            _ => {
                let c = text[i..].chars().next().expect("i is below the length, at a character");
                (c as usize, c.len_utf8())
            }
        };
        let fold = match table.get(c) {
            Some(&fold) => fold,
            None if char::from_u32(c as u32).is_some_and(char::is_whitespace) => SPACE,
            None => WORD,
        };
        if fold == SPACE {
            open = false;
            i += width;
            continue;
        }
        if !open {
            (n, word_at) = start_word(&mut folded, n);
            open = true;
        }
        if fold == WORD {
            let from = text[..i]
                .rfind(char::is_whitespace)
                .map_or(0, |s| s + text[s..].chars().next().map_or(0, char::len_utf8));
            let end = text[i..].find(char::is_whitespace).map_or(text.len(), |e| i + e);
            let mut whole = String::new();
            fold_word(&text[from..end], &mut whole);
            folded.truncate(word_at);
            folded.extend_from_slice(whole.as_bytes());
            n = folded.len();
            folded.resize(n + ROOM + 2 * (bytes.len() - end), 0);
            open = false;
            i = end;
            continue;
        }
        folded[n..n + 4].copy_from_slice(&fold.to_le_bytes());
        n += folded_len(fold);
        i += width;
        // The rest of the word while it is in characters of two bytes that the table folds.
        while let Some(&[lead, next]) = bytes.get(i..i + 2) {
            if !(0xC2..=0xDF).contains(&lead) {
                break;
            }
            let fold = table[(usize::from(lead & 0x1F) << 6) | usize::from(next & 0x3F)];
            if fold == SPACE || fold == WORD {
                break;
            }
            folded[n..n + 4].copy_from_slice(&fold.to_le_bytes());
            n += folded_len(fold);
            i += 2;
        }
    }
    folded.truncate(n);
    *out = String::from_utf8(folded).expect("whole characters were appended");
}

/// The most bytes one step of [`fold_into`] writes beyond two per byte it reads: a space and
/// 8 bytes of ASCII.
const ROOM: usize = 9;

/// Starts a word at `n` in `folded`: after a space if anything is before it. Gives the new
/// length and where the word starts.
fn start_word(folded: &mut [u8], n: usize) -> (usize, usize) {
    if n == 0 {
        return (0, 0);
    }
    folded[n] = b' ';
    (n + 1, n + 1)
}

/// 8 bytes of text folded as one word by [`ascii_run`].
struct AsciiRun {
    /// The bytes in lower case (little-endian).
    lower: u64,
    /// How many of them count: 7 if the last is a space (which only a next word writes).
    len: usize,
    /// Where the last space among those that count is, if one is.
    last_space: Option<usize>,
}

/// The 8 bytes of `word` folded, if they are printable ASCII or spaces with no two spaces side
/// by side: then folding them byte by byte, into a buffer that is not empty, appends their
/// lower case, without the last byte if it is a space, after a space if they start a word.
#[inline]
fn ascii_run(word: &[u8]) -> Option<AsciiRun> {
    use crate::bytes::{below, each_equal_to, equal_to};
    const TOPS: u64 = u64::from_le_bytes([0x80; 8]);
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    let word = u64::from_le_bytes(word.try_into().ok()?);
    if (word & TOPS) | below(word, b' ') | equal_to(word, 0x7F) != 0 {
        return None;
    }
    let spaces = each_equal_to(word, b' ');
    if spaces & (spaces >> 8) != 0 {
        return None;
    }
    // The top bit of each byte from `A` (adding 0x3F reaches 0x80) below `[` (adding 0x25
    // does not); no byte is above 0x7E, so no sum carries into the next.
    let upper = word.wrapping_add(ONES * 0x3F) & !word.wrapping_add(ONES * 0x25) & TOPS;
    let len = if spaces >> 63 == 1 { 7 } else { 8 };
    let kept = spaces & (u64::MAX >> (64 - 8 * len));
    Some(AsciiRun {
        lower: word | (upper >> 2),
        len,
        last_space: (kept != 0).then(|| (63 - kept.leading_zeros() as usize) / 8),
    })
}

/// Appends `word` (no whitespace) folded, normalized first, one character at a time.
fn fold_word(word: &str, out: &mut String) {
    let word: Cow<str> = if is_nfc_quick(word.chars()) == IsNormalized::Yes {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.nfc().collect())
    };
    word.chars().for_each(|c| fold_char(c, out));
}

/// A character of [`FOLDED`] that separates words.
const SPACE: u32 = u32::MAX;

/// A character of [`FOLDED`] folded only with the rest of its word, normalized first:
/// normalization may change or combine it.
const WORD: u32 = 0;

/// How many bytes a character of [`FOLDED`] (neither [`SPACE`] nor [`WORD`]) folds to.
fn folded_len(fold: u32) -> usize {
    (fold >> 24) as usize
}

/// How each character below U+2070 folds, made once with [`fold_char`]: a word in Latin with
/// its diacritics, Greek or Cyrillic, with the punctuation that smart quotes and dashes write
/// (U+2000–U+206F), folds with one lookup per character. A character that folds to one to
/// three bytes, fewer than twice its own (so that with the space before it folding never needs
/// more room than [`fold_into`] makes), holds them in its low three bytes (little-endian) and
/// their number in the high one; the others are [`SPACE`] or [`WORD`].
static FOLDED: LazyLock<Box<[u32; 0x2070]>> = LazyLock::new(|| {
    let mut table = Box::new([WORD; 0x2070]);
    let mut text = String::new();
    for (u, fold) in (0..).zip(table.iter_mut()) {
        let Some(c) = char::from_u32(u) else { continue };
        if c.is_whitespace() {
            *fold = SPACE;
        } else if translit::nfc_keeps(c) {
            text.clear();
            fold_char(c, &mut text);
            if (1..=3.min(2 * c.len_utf8() - 1)).contains(&text.len()) {
                let mut bytes = [0; 4];
                bytes[..text.len()].copy_from_slice(text.as_bytes());
                bytes[3] = text.len() as u8;
                *fold = u32::from_le_bytes(bytes);
            }
        }
    }
    table
});

/// Appends `c` folded: in lower case, Serbian Cyrillic in Latin, without diacritics.
fn fold_char(c: char, out: &mut String) {
    for c in c.to_lowercase() {
        match translit::latin_of(c) {
            Some(latin) => latin.chars().for_each(|l| push_plain(l, out)),
            None => push_plain(c, out),
        }
    }
}

/// Appends `c` without diacritics; `đ`, which has no decomposition, becomes `dj`.
fn push_plain(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c);
    } else if c == 'đ' {
        out.push_str("dj");
    } else {
        unicode_normalization::char::decompose_canonical(c, |d| {
            if !unicode_normalization::char::is_combining_mark(d) {
                out.push(d);
            }
        });
    }
}

/// Every part of every locale's search index, from the rendered pages (`pages[i]` is page `i`).
///
/// `reuse(url)` may give the entry a previous build made of a page whose HTML has not changed
/// since; `None` extracts it again. Every entry made is passed to `keep`. A part whose entries
/// were all reused may be taken whole from `reuse_index(locale, part)`; every part made is
/// passed to `keep_index`. (A build that puts pages into its output as they are made gathers
/// its index with a [`Gatherer`] instead.)
pub fn indexes(
    site: &Site,
    pages: &[OutputFile],
    reuse: &(dyn Fn(&str) -> Option<Option<Entry>> + Sync),
    keep: &(dyn Fn(&str, &Option<Entry>) + Sync),
    reuse_index: &(dyn Fn(Part) -> Option<Arc<String>> + Sync),
    keep_index: &(dyn Fn(Part, &Arc<String>) + Sync),
) -> Vec<OutputFile> {
    let entries: Vec<(bool, Option<Entry>)> = site
        .pages
        .par_iter()
        .zip(pages)
        .map(|(p, file)| match reuse(&p.url) {
            Some(entry) => (true, entry),
            None => {
                let entry = entry(site, p, file);
                keep(&p.url, &entry);
                (false, entry)
            }
        })
        .collect();
    // Each part's entries in page order, reused whole if every entry was.
    let mut parts: std::collections::BTreeMap<Part, Vec<(bool, Option<Entry>)>> = Default::default();
    for (page, entry) in site.pages.iter().zip(entries) {
        if let Some(part) = part_of(site, page) {
            parts.entry((page.locale, part)).or_default().push(entry);
        }
    }
    parts
        .into_par_iter()
        .map(|((locale, part), mine)| {
            let all_reused = mine.iter().all(|(reused, _)| *reused);
            let body = all_reused
                .then(|| reuse_index((locale, part)))
                .flatten()
                .unwrap_or_else(|| {
                    let body = index_json(mine.iter().filter_map(|(_, e)| e.as_ref()));
                    keep_index((locale, part), &body);
                    body
                });
            index_file(site, locale, part, body)
        })
        .collect()
}

/// The parts of every locale's index, made while the pages are: each part is made as soon as
/// the last of its pages has given its entry, so that a build which puts pages into its output
/// as they are made does not end by joining every part (most parts are complete long before
/// the last page: pages come group by group). Gives the same files as [`indexes`].
pub struct Gatherer<'s> {
    site: &'s Site,
    parts: std::sync::Mutex<HashMap<Part<'s>, Gathering>>,
}

/// A part of the index being gathered: how many of its pages have yet to give their entry, and
/// the entries given so far, by page.
type Gathering = (usize, Vec<(PageId, Option<Entry>)>);

impl<'s> Gatherer<'s> {
    /// Waits for the entries of every searchable page of `site`.
    pub fn new(site: &'s Site) -> Gatherer<'s> {
        let mut parts: HashMap<Part<'s>, Gathering> = HashMap::new();
        for page in &site.pages {
            if let Some(part) = part_of(site, page) {
                parts.entry((page.locale, part)).or_default().0 += 1;
            }
        }
        Gatherer {
            site,
            parts: std::sync::Mutex::new(parts),
        }
    }

    /// Takes the entry of page `id` from its HTML `file`; returns its part of the index, to
    /// be made into a file, when it was the last of that part's pages.
    pub fn add(&self, id: PageId, file: &OutputFile) -> Option<Gathered<'s>> {
        let page = &self.site.pages[id];
        let part = part_of(self.site, page)?;
        let entry = entry(self.site, page, file);
        let entries = {
            let mut parts = self.parts.lock().unwrap_or_else(|e| e.into_inner());
            let (left, entries) = parts.get_mut(&(page.locale, part))?;
            entries.push((id, entry));
            *left -= 1;
            if *left > 0 {
                return None;
            }
            std::mem::take(entries)
        };
        Some(Gathered {
            site: self.site,
            part: (page.locale, part),
            entries,
        })
    }
}

/// A part of the index whose every page has given its entry ([`Gatherer::add`]).
pub struct Gathered<'s> {
    site: &'s Site,
    part: Part<'s>,
    entries: Vec<(PageId, Option<Entry>)>,
}

impl Gathered<'_> {
    /// The part's file: its entries in the order of their pages.
    pub fn file(mut self) -> OutputFile {
        self.entries.sort_unstable_by_key(|(id, _)| *id);
        let body = index_json(self.entries.iter().filter_map(|(_, e)| e.as_ref()));
        index_file(self.site, self.part.0, self.part.1, body)
    }
}

/// The file of part `part` of `locale`'s index, holding `body`.
pub fn index_file(site: &Site, locale: usize, part: &str, body: Arc<String>) -> OutputFile {
    OutputFile {
        path: index_url(&site.config.locales[locale].code, part)[1..].to_owned(),
        body: Body::Text(body),
    }
}

/// An index: a JSON array of the entries, in order. Kept as text: made into bytes, the whole
/// index (megabytes per locale) would be copied once more.
pub fn index_json<'a>(entries: impl Iterator<Item = &'a Entry> + Clone) -> Arc<String> {
    let mut json = String::with_capacity(2 + entries.clone().map(|e| e.0.len() + 1).sum::<usize>());
    json.push('[');
    for (i, entry) in entries.enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str(&entry.0);
    }
    json.push(']');
    Arc::new(json)
}

/// The entry of one page, or `None` if the page is not searchable.
pub fn entry(site: &Site, p: &crate::site::Page, file: &OutputFile) -> Option<Entry> {
    let limit = text_limit(site, p)?;
    let Body::Text(html) = &file.body else { return None };
    let title = h1_text(html)?;
    let text = main_text(html, limit);
    let mut f = String::with_capacity(title.len() + text.len() + 1);
    fold_into(&title, &mut f);
    fold_into(&text, &mut f);
    let s = snippet(&text, &title);
    Some(Entry(entry_json(&title, &p.url, &s, &f).into()))
}

/// How many characters of a page's text its search result shows.
const SNIPPET_CHARS: usize = 160;

/// The text a search result shows: the first [`SNIPPET_CHARS`] characters of `text` with its
/// whitespace collapsed, after `title` if the text starts with it. Only as much of the text is
/// joined as that needs.
fn snippet(text: &str, title: &str) -> String {
    let enough = title.len() + 1 + 4 * SNIPPET_CHARS;
    let mut body = String::with_capacity(enough.min(text.len()));
    for word in text.split_whitespace() {
        if !body.is_empty() {
            body.push(' ');
        }
        body.push_str(word);
        if body.len() >= enough {
            break;
        }
    }
    let snippet = body.strip_prefix(title).unwrap_or(&body).trim();
    let cut = snippet
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(snippet.len(), |(at, _)| at);
    snippet[..cut].to_owned()
}

/// How much of a page's text goes into the index, or `None` to leave the page out. Lists that
/// repeat other pages' text (plans, goals, browsing pages) contribute only their beginning, so
/// the index stays small enough for a slow phone.
fn text_limit(site: &Site, page: &crate::site::Page) -> Option<usize> {
    match (page.kind.clone(), site.groups[page.group].data) {
        (PageKind::Content { pager: 1, .. }, None) => Some(4000),
        (PageKind::Content { pager: 1, .. } | PageKind::Data, Some(DataPage::Activity(..))) => Some(2000),
        (
            PageKind::Content { pager: 1, .. } | PageKind::Data,
            Some(DataPage::Plan(_) | DataPage::Goal(..) | DataPage::Institution(_) | DataPage::Statistic(_)),
        ) => Some(300),
        _ => None,
    }
}

/// Where `needle` first occurs in `html` (memchr's substring search: a page is read to its end
/// for `</main>`).
fn find(html: &str, needle: &Finder<'static>) -> Option<usize> {
    needle.find(html.as_bytes())
}

/// The strings an entry is cut at, each made into a search once rather than on every page.
static H1: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("<h1"));
static H1_END: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("</h1>"));
static MAIN_END: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("</main>"));
static ASIDE: LazyLock<FinderRev<'static>> = LazyLock::new(|| FinderRev::new("<aside"));

/// The text of the page's `h1`.
fn h1_text(html: &str) -> Option<String> {
    let start = find(html, &H1)?;
    let open_end = start + html[start..].find('>')? + 1;
    let end = open_end + find(&html[open_end..], &H1_END)?;
    Some(
        strip_tags(&html[open_end..end], usize::MAX)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The first `limit` characters of the text of the page's main content: from its `h1` to the
/// citation block at the end of `main` (navigation, breadcrumbs and the citation are left out).
fn main_text(html: &str, limit: usize) -> String {
    let start = find(html, &H1).unwrap_or(0);
    let main_end = find(html, &MAIN_END).unwrap_or(html.len());
    let end = ASIDE
        .rfind(&html.as_bytes()[..main_end])
        .filter(|&a| a > start)
        .unwrap_or(main_end)
        .max(start);
    strip_tags(&html[start..end], limit)
}

/// The text of `html`, tags replaced by spaces and the escapes HTML needs decoded, up to `limit`
/// characters. (A `>` outside a tag also becomes a space.)
fn strip_tags(html: &str, limit: usize) -> String {
    const ENTITIES: &[(&str, char)] = &[
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
    ];
    let mut out = String::with_capacity(html.len().min(limit.saturating_mul(2)));
    let mut count = 0;
    let mut rest = html;
    while count < limit && !rest.is_empty() {
        // A run of plain text, copied whole up to the limit.
        let stop = crate::bytes::find3(b'<', b'>', b'&', rest.as_bytes()).unwrap_or(rest.len());
        let run = &rest[..stop];
        let room = limit - count;
        // A run no longer in bytes than the room left is no longer in characters either.
        let cut = if run.len() <= room {
            None
        } else {
            run.char_indices().nth(room).map(|(cut, _)| cut)
        };
        match cut {
            Some(cut) => {
                out.push_str(&run[..cut]);
                break;
            }
            None => {
                out.push_str(run);
                count += run.chars().count();
            }
        }
        rest = &rest[stop..];
        if count == limit || rest.is_empty() {
            break;
        }
        let (text, step) = match rest.as_bytes()[0] {
            // A tag is skipped; its closing `>` becomes a space.
            b'<' => match crate::bytes::find(b'>', rest.as_bytes()) {
                Some(end) => (Some(' '), end + 1),
                None => (None, rest.len()),
            },
            b'>' => (Some(' '), 1),
            _ => match ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
                Some((e, decoded)) => (Some(*decoded), e.len()),
                None => (Some('&'), 1),
            },
        };
        if let Some(t) = text {
            out.push(t);
            count += 1;
        }
        rest = &rest[step..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// An entry reads as serde_json writes the same map: control characters, quotes and
        /// backslashes among Latin and Cyrillic letters, in the first 8 bytes and after them.
        #[test]
        fn entries_are_written_as_serde_json_writes_them(
            title in "[a\"\\\\ж]{0,12}",
            text in "[a-z \"\\\\\u{0}-\u{1f}\u{7f}жђ]{0,40}",
        ) {
            /// The fields as the index has them, in this order.
            #[derive(serde::Serialize)]
            struct Fields<'a> {
                t: &'a str,
                u: &'a str,
                s: &'a str,
                f: &'a str,
            }
            let folded = format!("{title} {text}");
            let fields = Fields { t: &title, u: "/en/x/", s: &text, f: &folded };
            let written = entry_json(&title, "/en/x/", &text, &folded);
            prop_assert_eq!(&written, &serde_json::to_string(&fields).unwrap());
        }
    }

    /// `strip_tags` one character at a time, as simple as it can be written.
    fn strip_tags_by_char(html: &str, limit: usize) -> String {
        let entities = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#39;", '\''),
        ];
        let (mut out, mut count, mut in_tag, mut i) = (String::new(), 0, false, 0);
        while let Some(c) = html[i..].chars().next() {
            let mut step = c.len_utf8();
            let text = match c {
                '<' => {
                    in_tag = true;
                    None
                }
                '>' => {
                    in_tag = false;
                    Some(' ')
                }
                _ if in_tag => None,
                '&' => match entities.iter().find(|(e, _)| html[i..].starts_with(e)) {
                    Some((e, d)) => {
                        step = e.len();
                        Some(*d)
                    }
                    None => Some('&'),
                },
                c => Some(c),
            };
            if let Some(t) = text {
                if count == limit {
                    break;
                }
                out.push(t);
                count += 1;
            }
            i += step;
        }
        out
    }

    proptest! {
        #[test]
        fn stripping_tags_reads_like_one_character_at_a_time(
            html in "([a-zžЖđ ]{0,6}|<[a-z =\"]{0,5}>?|&(amp|lt|gt|quot|#39|x);?|>){0,12}",
            limit in 0usize..40,
        ) {
            prop_assert_eq!(strip_tags(&html, limit), strip_tags_by_char(&html, limit));
        }
    }

    /// `text` folded one word and one character at a time.
    fn by_char(text: &str) -> String {
        let mut folded = String::new();
        for word in text.split_whitespace() {
            if !folded.is_empty() {
                folded.push(' ');
            }
            word.nfc().for_each(|c| fold_char(c, &mut folded));
        }
        folded
    }

    proptest! {
        /// The table of folded characters folds as folding each character on its own does.
        #[test]
        fn folding_by_table_reads_like_folding_each_character(
            text in "([a-zA-ZčćžšđČĆŽŠĐЉЊЏљњџЂђЖжЃѓЌќЅѕабвгдАБВГДàéîõüÆßΩωѐ\u{301}\u{30c} \t\u{a0}’“”„–—…-]|[\u{100}-\u{4ff}]|[\u{2000}-\u{206f}]|[\u{500}-\u{2fff}]){0,24}",
        ) {
            prop_assert_eq!(fold(&text), by_char(&text));
        }
    }

    proptest! {
        /// Runs of printable ASCII, folded 8 bytes at a time, fold as each character does: with
        /// spaces single or doubled at any place in a run, other whitespace and characters
        /// beyond ASCII between runs, and a second text folded after a first.
        #[test]
        fn folding_ascii_runs_reads_like_folding_each_character(
            first in "[A-Za-z ]{0,3}",
            text in "([a-zA-Z0-9.,:;!?()@`~^_|/'\"\\-]{1,9}[ ]{1,2}|[ \t\n\x7f\x1f]|[čЖ\u{301}\u{a0}]){0,30}",
        ) {
            let mut folded = fold(&first);
            fold_into(&text, &mut folded);
            prop_assert_eq!(folded, by_char(&format!("{first} {text}")));
        }
    }

    proptest! {
        /// The snippet reads like the whole text joined, stripped of the title and cut.
        #[test]
        fn a_snippet_reads_like_the_whole_text_cut(
            title in "[a-zć]{0,3}( [a-zć]{1,3}){0,2}",
            text in "([a-zćЖ]{1,9}[ \n]{1,2}){0,120}",
        ) {
            let whole = |text: &str| -> String {
                let body = text.split_whitespace().collect::<Vec<_>>().join(" ");
                body.strip_prefix(title.as_str()).unwrap_or(&body).trim().chars().take(SNIPPET_CHARS).collect()
            };
            prop_assert_eq!(snippet(&text, &title), whole(&text));
            // A page's text usually starts with its title.
            let titled = format!("{title}\n{text}");
            prop_assert_eq!(snippet(&titled, &title), whole(&titled));
        }
    }

    #[test]
    fn folding_matches_scripts_case_and_diacritics() {
        assert_eq!(fold("Љубав  ЂАК"), "ljubav djak");
        assert_eq!(fold("Ljubav Đak"), "ljubav djak");
        assert_eq!(fold("Žrtve TRGOVINE"), "zrtve trgovine");
        assert_eq!(fold("Жртве"), fold("zrtve"));
        // Macedonian letters outside Serbian's alphabet lose their accent and stay Cyrillic, as
        // in search.js; decomposed input folds like composed input.
        assert_eq!(fold("Ѓорѓи"), "\u{433}or\u{433}i");
        assert_eq!(fold("Z\u{30c}rtva"), "zrtva");
    }
}
