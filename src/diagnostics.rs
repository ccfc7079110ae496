//! Problems found in a site's sources, each tied to a file and line.
//!
//! Every stage of the build reports into a [`Diagnostics`] collector instead of
//! stopping at the first problem, so that an editor sees everything to fix at once.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth fixing, but the site is still published.
    Warning,
    /// The site cannot be published until this is fixed.
    Error,
}

/// One problem, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Whether it stops the build.
    pub severity: Severity,
    /// The file at fault, relative to the site root where possible.
    pub file: PathBuf,
    /// 1-based line in `file`, when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What the editor can do about it.
    pub hint: Option<String>,
    /// The pages being made when it was found. A fault in a template or a string that many
    /// pages share shows on each of them: [`Diagnostics::into_sorted`] reports it once, naming
    /// how many pages and a few of them. Empty when no page was being made.
    pub pages: Vec<String>,
}

/// How many of the pages a diagnostic was found on it names.
const PAGES_NAMED: usize = 3;

impl Diagnostic {
    /// An error in `file` at `line`.
    pub fn error(file: impl Into<PathBuf>, line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line,
            message: message.into(),
            hint: None,
            pages: Vec::new(),
        }
    }

    /// A warning in `file` at `line`.
    pub fn warning(file: impl Into<PathBuf>, line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, line, message)
        }
    }

    /// The same diagnostic with a hint for the editor.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same diagnostic, found while `page` (its source file, or its URL) was being made.
    pub fn while_rendering(mut self, page: impl Into<String>) -> Self {
        self.pages.push(page.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{kind}: {}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": ")?;
        match self.pages.as_slice() {
            [] => {}
            [page] => write!(f, "while rendering {page}: ")?,
            pages => {
                let named = &pages[..pages.len().min(PAGES_NAMED)];
                let others = pages.len() - named.len();
                write!(f, "while rendering {} pages (", pages.len())?;
                match (named, others) {
                    ([first @ .., last], 0) => write!(f, "{} and {last}", first.join(", "))?,
                    _ => write!(f, "{} and {others} more", named.join(", "))?,
                }
                write!(f, "): ")?;
            }
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// A thread-safe collector of diagnostics, shared by every stage of a build.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Mutex<Vec<Diagnostic>>,
}

impl Diagnostics {
    /// An empty collector.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records one diagnostic.
    pub fn push(&self, diagnostic: Diagnostic) {
        self.lock().push(diagnostic);
    }

    /// Whether any error (not only warnings) has been recorded.
    pub fn has_errors(&self) -> bool {
        self.lock().iter().any(|d| d.severity == Severity::Error)
    }

    /// All diagnostics, sorted by file, line and severity, without duplicates; the same one
    /// found on several pages is one diagnostic naming them all.
    pub fn into_sorted(self) -> Vec<Diagnostic> {
        let mut items = self.items.into_inner().unwrap_or_else(|e| e.into_inner());
        // Those that differ only in their pages end up next to one another, to be merged.
        items.sort_by(|a, b| {
            (&a.file, a.line, b.severity, &a.message, &a.hint, a.pages.is_empty()).cmp(&(
                &b.file,
                b.line,
                a.severity,
                &b.message,
                &b.hint,
                b.pages.is_empty(),
            ))
        });
        let mut merged: Vec<Diagnostic> = Vec::with_capacity(items.len());
        for item in items {
            match merged.last_mut() {
                Some(last)
                    if !last.pages.is_empty()
                        && !item.pages.is_empty()
                        && (last.severity, &last.file, last.line, &last.message, &last.hint)
                            == (item.severity, &item.file, item.line, &item.message, &item.hint) =>
                {
                    last.pages.extend(item.pages);
                }
                _ => merged.push(item),
            }
        }
        for item in &mut merged {
            item.pages.sort_unstable();
            item.pages.dedup();
        }
        merged.dedup();
        merged
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Diagnostic>> {
        // A panic while holding the lock cannot leave the Vec inconsistent.
        self.items.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The 1-based line on which byte `offset` of `text` stands.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Line numbers for many offsets into one text: the newlines are found once, then each lookup
/// is a binary search (calling [`line_of`] for every entry of a long file would be quadratic).
#[derive(Debug, Clone)]
pub struct LineIndex {
    newlines: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text`.
    pub fn new(text: &str) -> LineIndex {
        LineIndex {
            newlines: memchr::memchr_iter(b'\n', text.as_bytes()).collect(),
        }
    }

    /// The 1-based line on which byte `offset` stands.
    pub fn line(&self, offset: usize) -> usize {
        self.newlines.partition_point(|&n| n < offset) + 1
    }
}

/// Line numbers for offsets into one text met mostly in increasing order, as a parser meets
/// links: the newlines since the last offset are counted (with vector instructions), and no
/// index of every line is made for a few lookups.
#[derive(Debug, Clone)]
pub struct LineCounter<'a> {
    text: &'a str,
    /// The last offset asked for, and the 1-based line it stands on.
    at: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    /// Counts lines of `text` from its start.
    pub fn new(text: &'a str) -> LineCounter<'a> {
        LineCounter { text, at: 0, line: 1 }
    }

    /// The 1-based line on which byte `offset` stands (an offset before the last one asked
    /// for is counted again from the start).
    pub fn line(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.at {
            (self.at, self.line) = (0, 1);
        }
        self.line += memchr::memchr_iter(b'\n', &self.text.as_bytes()[self.at..offset]).count();
        self.at = offset;
        self.line
    }
}

/// Reads a text file, reporting unreadable files and invalid UTF-8 with the line of the first bad byte.
///
/// A leading byte-order mark is dropped. `shown` is the path to print in diagnostics.
pub fn read_text(path: &Path, shown: &Path) -> Result<String, Diagnostic> {
    let read = std::fs::read(path).map_err(|e| Diagnostic::error(shown, None, format!("cannot read the file: {e}")))?;
    let bytes = read.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&read);
    // std's check reads text beyond ASCII (Cyrillic) a character at a time; simdutf8 checks it
    // with vector instructions, and the copy of the checked text costs less than std's check
    // (~7 instructions a byte of Serbian text). std's error says where the first bad byte is.
    let Ok(text) = simdutf8::basic::from_utf8(bytes) else {
        let valid = std::str::from_utf8(bytes)
            .err()
            .map_or(bytes.len(), |e| e.valid_up_to());
        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(Diagnostic::error(shown, Some(line), "the file is not valid UTF-8 text")
            .with_hint("save the file with the UTF-8 encoding (in most editors: \"Save with encoding\" → UTF-8)"));
    };
    Ok(if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        text.to_owned()
    } else {
        text.replace("\r\n", "\n")
    })
}

/// The `.toml` files directly in `dir`, sorted; none if the folder does not exist.
pub fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Counting lines from offset to offset gives the lines an index of every line gives,
        /// in increasing order (as links come) or not, and at or beyond the end.
        #[test]
        fn lines_counted_from_offset_to_offset_are_the_indexed_lines(
            text in "[a\nж]{0,40}",
            offsets in proptest::collection::vec(0usize..48, 0..8),
            sorted: bool,
        ) {
            let mut offsets = offsets;
            if sorted {
                offsets.sort_unstable();
            }
            let (index, mut counter) = (LineIndex::new(&text), LineCounter::new(&text));
            for offset in offsets {
                proptest::prop_assert_eq!(counter.line(offset), index.line(offset.min(text.len())));
            }
        }
    }

    #[test]
    fn the_same_fault_on_several_pages_is_reported_once_naming_them() {
        let shown = |pages: &[&str]| {
            let d = Diagnostics::default();
            for (i, page) in pages.iter().enumerate() {
                d.push(Diagnostic::error("templates/base.html", Some(3), "no string `x`").while_rendering(*page));
                if i == 0 {
                    // The same fault found on no page, pushed among them, stays apart.
                    d.push(Diagnostic::error("templates/base.html", Some(3), "no string `x`"));
                }
            }
            // Another fault at the same place stays apart.
            d.push(Diagnostic::error("templates/base.html", Some(3), "no string `y`").while_rendering("/a/"));
            let all = d.into_sorted();
            assert_eq!(all.len(), 3, "{all:?}");
            all.iter()
                .find(|d| d.message.contains('x') && !d.pages.is_empty())
                .expect("the grouped one")
                .to_string()
        };
        assert_eq!(
            shown(&["/b/", "/a/"]),
            "error: templates/base.html:3: while rendering 2 pages (/a/ and /b/): no string `x`"
        );
        assert_eq!(
            shown(&["/e/", "/d/", "/c/", "/b/", "/a/", "/a/"]),
            "error: templates/base.html:3: while rendering 5 pages (/a/, /b/, /c/ and 2 more): no string `x`"
        );
        assert_eq!(
            shown(&["/a/"]),
            "error: templates/base.html:3: while rendering /a/: no string `x`"
        );
    }

    #[test]
    fn text_files_lose_their_byte_order_mark_and_carriage_returns() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let read = |bytes: &[u8]| {
            let path = dir.path().join("page.md");
            std::fs::write(&path, bytes).expect("written");
            read_text(&path, Path::new("page.md"))
        };
        assert_eq!(
            read(b"\xEF\xBB\xBF+++\r\ntitle = 1\r\n").ok().as_deref(),
            Some("+++\ntitle = 1\n")
        );
        assert_eq!(read("Љ\nб\n".as_bytes()).ok().as_deref(), Some("Љ\nб\n"));
        let bad = read(b"\xEF\xBB\xBFa\nb\n\xFFc").expect_err("not UTF-8");
        assert_eq!(bad.line, Some(3));
    }

    #[test]
    fn line_of_counts_newlines_before_offset() {
        let text = "a\nbc\nd";
        assert_eq!(line_of(text, 0), 1);
        assert_eq!(line_of(text, 2), 2);
        assert_eq!(line_of(text, 5), 3);
        assert_eq!(line_of(text, 99), 3);
    }

    #[test]
    fn line_index_agrees_with_line_of() {
        let text = "a\nbc\n\nd\n";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(index.line(offset), line_of(text, offset), "offset {offset}");
        }
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.md");
        std::fs::write(&path, b"one\ntwo\nthr\xE9e\n").unwrap();
        let err = read_text(&path, Path::new("bad.md")).unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.to_string().contains("bad.md:3"));
    }

    #[test]
    fn text_is_read_without_its_byte_order_mark_and_carriage_returns() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.md");
        std::fs::write(&path, "\u{FEFF}+++\r\ntitle = \"Љубав\"\r\n+++\r\nЂак\r\n").unwrap();
        assert_eq!(
            read_text(&path, Path::new("page.md")).unwrap(),
            "+++\ntitle = \"Љубав\"\n+++\nЂак\n"
        );
        // A bad byte after Cyrillic, and a Cyrillic letter cut short at the end of a file.
        let mut cut = "ђ\nђ\nђ".as_bytes().to_vec();
        cut.push(0xD1);
        std::fs::write(&path, cut).unwrap();
        assert_eq!(read_text(&path, Path::new("page.md")).unwrap_err().line, Some(3));
    }
}
