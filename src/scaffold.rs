//! `putokaz new`: a new page, or a translation of an existing one, ready to edit.

use std::path::{Path, PathBuf};

use crate::config::SiteConfig;
use crate::content::{self, CONTENT_DIR};
use crate::diagnostics::{Diagnostic, read_text};

/// Creates `content/NAME.LANG.md` with front matter to fill in; returns its path.
///
/// `name` is relative to `content/`, e.g. `news/first-report` (`.md` and a language suffix are
/// not needed). Existing files are never overwritten.
pub fn new_page(
    root: &Path,
    config: &SiteConfig,
    name: &str,
    language: &str,
    title: &str,
) -> Result<PathBuf, Diagnostic> {
    check_language(config, language)?;
    let name = name.trim_start_matches("content/").trim_end_matches(".md");
    if name.is_empty() || name.split('/').any(|p| p.is_empty() || p == ".." || p.starts_with('.')) {
        return Err(Diagnostic::error(
            name,
            None,
            "a page name is a path under content/, such as news/first-report",
        ));
    }
    let rel = PathBuf::from(CONTENT_DIR).join(format!("{name}.{language}.md"));
    let title = if title.is_empty() {
        name.rsplit('/').next().unwrap_or(name).replace('-', " ")
    } else {
        title.to_owned()
    };
    let text = format!(
        "+++\ntitle = {}\ndescription = \"\"\ndraft = true\n+++\n\n",
        toml_string(&title)
    );
    create(root, &rel, &text)
}

/// Creates the `language` translation of the page at `original` (a path under the site root),
/// as a draft carrying the original's front matter and text to translate.
pub fn new_translation(
    root: &Path,
    config: &SiteConfig,
    original: &Path,
    language: &str,
) -> Result<PathBuf, Diagnostic> {
    check_language(config, language)?;
    let rel = original.strip_prefix(root).unwrap_or(original);
    let text = read_text(&root.join(rel), rel)?;
    let page = content::parse_page(&text, rel, config)?;
    if page.language == language {
        return Err(Diagnostic::error(
            rel,
            None,
            format!("this page is already in `{language}`"),
        ));
    }
    // The same path links the two as translations (a `translation_key` is copied with the rest).
    let name = page.neutral_path();
    let target = PathBuf::from(CONTENT_DIR).join(format!("{name}.{language}.md"));
    let front: String = page
        .front_text
        .lines()
        .filter(|l| !l.trim_start().starts_with("draft"))
        .map(|l| format!("{l}\n"))
        .collect();
    let note = format!(
        "# Translation of {} into `{language}`: translate the title, the description and the text,\n# then delete the line draft = true to publish it.\n",
        rel.display()
    );
    let text = format!("+++\n{note}{front}draft = true\n+++\n{}", page.body);
    create(root, &target, &text)
}

fn check_language(config: &SiteConfig, language: &str) -> Result<(), Diagnostic> {
    if config.language(language).is_some() {
        return Ok(());
    }
    let known: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    Err(Diagnostic::error(
        crate::config::CONFIG_FILE,
        None,
        format!("`{language}` is not a language of this site"),
    )
    .with_hint(format!("use one of: {}", known.join(", "))))
}

fn create(root: &Path, rel: &Path, text: &str) -> Result<PathBuf, Diagnostic> {
    let path = root.join(rel);
    if path.exists() {
        return Err(
            Diagnostic::error(rel, None, "the file already exists").with_hint("edit it, or choose another name")
        );
    }
    let io = |e: std::io::Error| Diagnostic::error(rel, None, format!("cannot create the file: {e}"));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    std::fs::write(&path, text).map_err(io)?;
    Ok(rel.to_path_buf())
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}
