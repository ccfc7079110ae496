//! Markdown pages under `content/`: file names, front matter and bodies.
//!
//! A page is `name.LANG.md` (or `name.md` in the default language); a folder's `_index.LANG.md`
//! makes it a section. Front matter is TOML between `+++` lines. Loading only reads and parses:
//! how pages link up into a site is the business of [`crate::site`].

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Deserialize;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, line_of, read_text};

/// The folder holding Markdown pages and plan data, relative to the site root.
pub const CONTENT_DIR: &str = "content";

/// The stem of a section's own page.
pub const SECTION_STEM: &str = "_index";

/// One Markdown file, parsed.
#[derive(Debug, Clone)]
pub struct SourcePage {
    /// Path relative to the site root, for diagnostics (`content/plans/x.en.md`).
    pub file: PathBuf,
    /// The authoring language's code.
    pub language: String,
    /// The folder relative to `content/`, with `/` separators; empty at the top.
    pub dir: String,
    /// The file name without language suffix and extension (`_index` for sections).
    pub stem: String,
    /// The parsed front matter.
    pub front: FrontMatter,
    /// The Markdown body.
    pub body: String,
    /// The line of the file on which the body starts.
    pub body_line: usize,
    /// The front matter's text, for finding the line of a field.
    pub front_text: String,
}

impl SourcePage {
    /// Whether this is a section's `_index` page.
    pub fn is_section(&self) -> bool {
        self.stem == SECTION_STEM
    }

    /// The path that names this page in every language: `dir/stem`, as used by `@/` links.
    pub fn neutral_path(&self) -> String {
        if self.dir.is_empty() {
            self.stem.clone()
        } else {
            format!("{}/{}", self.dir, self.stem)
        }
    }

    /// The line of front-matter field `key` in the file, if it is there.
    pub fn field_line(&self, key: &str) -> Option<usize> {
        self.front_text
            .lines()
            .position(|l| {
                let l = l.trim_start();
                l.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map(|i| i + 2)
    }
}

/// How a section orders its pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    /// By `weight`, then title.
    #[default]
    Weight,
    /// Newest `date` first.
    Date,
    /// By title.
    Title,
}

/// The front matter of a page or section.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    /// The page title: the page's only `h1`.
    pub title: String,
    /// A one-sentence summary for listings, search results and link previews.
    pub description: Option<String>,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Date of the last substantial update.
    pub updated: Option<NaiveDate>,
    /// A draft is left out unless the build is asked for drafts.
    pub draft: bool,
    /// Ordering weight within the section (lower first).
    pub weight: Option<i64>,
    /// A template other than the default for this kind of page.
    pub template: Option<String>,
    /// Links translations whose file names differ.
    pub translation_key: Option<String>,
    /// The last part of the URL, instead of the file name.
    pub slug: Option<String>,
    /// Sections: how child pages are ordered.
    pub sort_by: SortBy,
    /// Sections: how many pages per listing page (none: one listing page).
    pub paginate_by: Option<usize>,
    /// Sections: the template for child pages.
    pub page_template: Option<String>,
    /// Sections: whether child pages with a date go into the language's Atom feed.
    pub feed: bool,
    /// Topics, in the page's language: each has a page listing the pages that carry it.
    pub tags: Vec<String>,
    /// Free-form values for templates.
    pub extra: toml::Table,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFront {
    title: String,
    description: Option<String>,
    date: Option<DateValue>,
    updated: Option<DateValue>,
    #[serde(default)]
    draft: bool,
    weight: Option<i64>,
    template: Option<String>,
    translation_key: Option<String>,
    slug: Option<String>,
    #[serde(default)]
    sort_by: SortBy,
    paginate_by: Option<usize>,
    page_template: Option<String>,
    #[serde(default)]
    feed: bool,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    extra: toml::Table,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum DateValue {
    Toml(toml::value::Datetime),
    Text(String),
}

impl DateValue {
    fn to_date(&self) -> Option<NaiveDate> {
        match self {
            DateValue::Toml(dt) => {
                let d = dt.date?;
                NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
            }
            DateValue::Text(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok(),
        }
    }
}

/// Finds and parses every Markdown file under `root/content`, in parallel.
///
/// Files that fail to parse are reported and left out; `drafts` decides whether drafts are kept.
pub fn load_pages(root: &Path, config: &SiteConfig, drafts: bool, diagnostics: &Diagnostics) -> Vec<SourcePage> {
    let content = root.join(CONTENT_DIR);
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|entry| match entry {
            Ok(e) => Some(e),
            Err(err) => {
                diagnostics.push(Diagnostic::error(
                    CONTENT_DIR,
                    None,
                    format!("cannot read the folder: {err}"),
                ));
                None
            }
        })
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
        .par_iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(root).unwrap_or(path);
            match read_text(path, rel).and_then(|text| parse_page(&text, rel, config)) {
                Ok(page) => (drafts || !page.front.draft).then_some(page),
                Err(d) => {
                    diagnostics.push(d);
                    None
                }
            }
        })
        .collect()
}

/// Parses one page: `file` is its path relative to the site root.
pub fn parse_page(text: &str, file: &Path, config: &SiteConfig) -> Result<SourcePage, Diagnostic> {
    let rel = file.strip_prefix(CONTENT_DIR).unwrap_or(file);
    let dir = rel
        .parent()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let base = name.strip_suffix(".md").unwrap_or(&name);
    let (stem, language) = split_language(base, config).map_err(|lang| {
        let known: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
        Diagnostic::error(file, None, format!("the file name names an unknown language `{lang}`")).with_hint(format!(
            "name translations `name.LANG.md`, with LANG one of: {}",
            known.join(", ")
        ))
    })?;

    let (front_text, body, body_line) = split_front_matter(text).ok_or_else(|| {
        let hint = if text.starts_with("---") {
            "Putokaz reads TOML front matter between +++ lines, not YAML between --- lines"
        } else {
            "start the file with front matter, e.g.\n  +++\n  title = \"About the portal\"\n  +++"
        };
        Diagnostic::error(file, Some(1), "the page has no front matter").with_hint(hint)
    })?;
    let raw: RawFront = toml::from_str(front_text).map_err(|e| {
        let line = e.span().map(|s| line_of(front_text, s.start) + 1);
        let mut d = Diagnostic::error(file, line, format!("front matter: {}", e.message().trim()));
        if e.message().contains("unknown field") {
            d = d.with_hint("page-specific values go in an [extra] table at the end of the front matter");
        }
        d
    })?;
    let mut page = SourcePage {
        file: file.to_path_buf(),
        language,
        dir,
        stem,
        front: FrontMatter::default(),
        body: body.to_owned(),
        body_line,
        front_text: front_text.to_owned(),
    };
    let date = |key: &str, value: &Option<DateValue>| -> Result<Option<NaiveDate>, Diagnostic> {
        match value {
            None => Ok(None),
            Some(v) => v.to_date().map(Some).ok_or_else(|| {
                Diagnostic::error(
                    file,
                    page.field_line(key),
                    format!("front matter: `{key}` is not a date"),
                )
                .with_hint("write dates as YYYY-MM-DD, e.g. date = 2026-05-01")
            }),
        }
    };
    let front = FrontMatter {
        date: date("date", &raw.date)?,
        updated: date("updated", &raw.updated)?,
        title: raw.title.trim().to_owned(),
        description: raw.description.map(|d| d.trim().to_owned()).filter(|d| !d.is_empty()),
        draft: raw.draft,
        weight: raw.weight,
        template: raw.template,
        translation_key: raw.translation_key,
        slug: raw.slug,
        sort_by: raw.sort_by,
        paginate_by: raw.paginate_by.filter(|&n| n > 0),
        page_template: raw.page_template,
        feed: raw.feed,
        tags: raw.tags.iter().map(|t| t.trim().to_owned()).collect(),
        extra: raw.extra,
    };
    if front.title.is_empty() {
        return Err(Diagnostic::error(
            file,
            page.field_line("title"),
            "front matter: `title` is empty",
        ));
    }
    if let Some(empty) = front.tags.iter().position(|t| crate::i18n::slug::words(t).is_none()) {
        return Err(Diagnostic::error(
            file,
            page.field_line("tags"),
            format!("front matter: tag {} has no letters or digits", empty + 1),
        )
        .with_hint("write each tag as a word or a few, e.g. tags = [\"children\", \"labour exploitation\"]"));
    }
    if let Some(slug) = &front.slug {
        if slug.is_empty() || slug.contains(['/', '?', '#', ' ']) {
            return Err(Diagnostic::error(
                file,
                page.field_line("slug"),
                format!("front matter: slug `{slug}` cannot be part of a URL"),
            )
            .with_hint("use lowercase letters, digits and hyphens"));
        }
    }
    page.front = front;
    Ok(page)
}

/// Splits `name.LANG` into the name and a configured language; `Err` names an unknown code.
fn split_language(base: &str, config: &SiteConfig) -> Result<(String, String), String> {
    if let Some((stem, code)) = base.rsplit_once('.') {
        if config.language(code).is_some() {
            return Ok((stem.to_owned(), code.to_owned()));
        }
        let looks_like_code = (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase());
        if looks_like_code {
            return Err(code.to_owned());
        }
    }
    Ok((base.to_owned(), config.default_language.clone()))
}

/// Splits a file into front matter, body and the body's first line number.
fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text
        .strip_prefix("+++")?
        .strip_prefix('\n')
        .or_else(|| text.strip_prefix("+++\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = front.lines().count() + 3;
            return Some((front, body, body_line));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> SiteConfig {
        SiteConfig::parse(
            "base_url = \"https://e.org\"\nas_of = 2026-01-01\ndefault_language = \"sr\"\n\
             [[languages]]\ncode = \"sr\"\nname = \"Српски\"\nscript = \"Cyrl\"\n\
             [[languages]]\ncode = \"en\"\nname = \"English\"\nscript = \"Latn\"\n\
             [title]\nsr = \"a\"\nen = \"a\"\n[description]\nsr = \"a\"\nen = \"a\"\n",
            Path::new("putokaz.toml"),
        )
        .unwrap()
    }

    #[test]
    fn reads_name_language_and_front_matter() {
        let text = "+++\ntitle = \"About\"\ndate = 2026-05-01\n+++\n\nBody\n";
        let page = parse_page(text, Path::new("content/help/about.en.md"), &config()).unwrap();
        assert_eq!(
            (page.dir.as_str(), page.stem.as_str(), page.language.as_str()),
            ("help", "about", "en")
        );
        assert_eq!(page.front.date, NaiveDate::from_ymd_opt(2026, 5, 1));
        assert_eq!(page.body_line, 5);
        assert_eq!(page.body.trim(), "Body");
        let default = parse_page(text, Path::new("content/_index.md"), &config()).unwrap();
        assert_eq!(default.language, "sr");
        assert!(default.is_section());
    }

    #[test]
    fn front_matter_errors_name_the_line() {
        let text = "+++\ntitle = \"About\"\ndate = \"May 1st\"\n+++\n";
        let err = parse_page(text, Path::new("content/a.en.md"), &config()).unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        let text = "+++\ntitle = \"About\"\ntitel = \"x\"\n+++\n";
        let err = parse_page(text, Path::new("content/a.en.md"), &config()).unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert!(err.message.contains("titel"));
        let err = parse_page("---\ntitle: x\n---\n", Path::new("content/a.en.md"), &config()).unwrap_err();
        assert!(err.hint.unwrap().contains("TOML"));
        let err = parse_page("+++\ntitle = \"x\"\n+++\n", Path::new("content/a.de.md"), &config()).unwrap_err();
        assert!(err.message.contains("unknown language `de`"));
    }
}
