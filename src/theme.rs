//! Themes: the templates and static files that give the site its look.
//!
//! The default theme is built into Putokaz, so any site builds without copying it. A site may
//! carry a theme of its own in `themes/NAME/` (the built-in one is read from disk when present
//! there, so editing it takes effect in `serve`) and override single templates in `templates/`.
//! Theme static files are published under `/assets/` with a content hash in their name, so they
//! can be cached for a year.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::diagnostics::{Diagnostic, Diagnostics, read_text};

/// A template: its name as templates refer to it, the file it came from, and its text.
#[derive(Debug, Clone)]
pub struct TemplateSource {
    /// The name used in `{% extends %}` and front matter, e.g. `page.html`.
    pub name: String,
    /// Where it came from, for diagnostics.
    pub file: PathBuf,
    /// The template text.
    pub text: String,
}

/// A static file of the theme, published with a fingerprinted name.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Its name in the theme, e.g. `style.css`.
    pub name: String,
    /// Its published URL path, e.g. `/assets/style.1a2b3c4d5e.css`.
    pub url: String,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// The templates and assets a site is rendered with.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// Every template, site overrides replacing theme ones.
    pub templates: Vec<TemplateSource>,
    /// Fingerprinted static files.
    pub assets: Vec<Asset>,
}

const BUILT_IN_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../themes/default/templates/base.html")),
    ("head.html", include_str!("../themes/default/templates/head.html")),
    ("nav.html", include_str!("../themes/default/templates/nav.html")),
    ("footer.html", include_str!("../themes/default/templates/footer.html")),
    ("index.html", include_str!("../themes/default/templates/index.html")),
    ("section.html", include_str!("../themes/default/templates/section.html")),
    ("page.html", include_str!("../themes/default/templates/page.html")),
    (
        "untranslated.html",
        include_str!("../themes/default/templates/untranslated.html"),
    ),
    ("404.html", include_str!("../themes/default/templates/404.html")),
    ("root.html", include_str!("../themes/default/templates/root.html")),
    ("atom.xml", include_str!("../themes/default/templates/atom.xml")),
    ("sitemap.xml", include_str!("../themes/default/templates/sitemap.xml")),
    ("robots.txt", include_str!("../themes/default/templates/robots.txt")),
    ("macros.html", include_str!("../themes/default/templates/macros.html")),
    ("plan.html", include_str!("../themes/default/templates/plan.html")),
    ("goal.html", include_str!("../themes/default/templates/goal.html")),
    (
        "activity.html",
        include_str!("../themes/default/templates/activity.html"),
    ),
    (
        "institution.html",
        include_str!("../themes/default/templates/institution.html"),
    ),
    (
        "institutions.html",
        include_str!("../themes/default/templates/institutions.html"),
    ),
    ("browse.html", include_str!("../themes/default/templates/browse.html")),
    ("data.html", include_str!("../themes/default/templates/data.html")),
    ("search.html", include_str!("../themes/default/templates/search.html")),
    ("help.html", include_str!("../themes/default/templates/help.html")),
    (
        "statistics.html",
        include_str!("../themes/default/templates/statistics.html"),
    ),
    (
        "statistic.html",
        include_str!("../themes/default/templates/statistic.html"),
    ),
    (
        "help_bar.html",
        include_str!("../themes/default/templates/help_bar.html"),
    ),
    ("tags.html", include_str!("../themes/default/templates/tags.html")),
    (
        "list_item.html",
        include_str!("../themes/default/templates/list_item.html"),
    ),
    ("tag.html", include_str!("../themes/default/templates/tag.html")),
];

const BUILT_IN_STATIC: &[(&str, &str)] = &[
    ("style.css", include_str!("../themes/default/static/style.css")),
    ("livereload.js", include_str!("../themes/default/static/livereload.js")),
    ("search.js", include_str!("../themes/default/static/search.js")),
    ("quick-exit.js", include_str!("../themes/default/static/quick-exit.js")),
];

/// The name of the built-in theme.
pub const DEFAULT_THEME: &str = "default";

impl Theme {
    /// For each template, a hash of its text and of the text of every template it extends,
    /// includes or imports, directly or through others: a page made with a template is made
    /// again only when this changes.
    pub fn template_hashes(&self) -> HashMap<String, u64> {
        let by_name: HashMap<&str, &TemplateSource> = self.templates.iter().map(|t| (t.name.as_str(), t)).collect();
        self.templates
            .iter()
            .map(|t| {
                let mut seen: BTreeSet<&str> = BTreeSet::new();
                let mut todo = vec![t.name.as_str()];
                while let Some(name) = todo.pop() {
                    if let Some(template) = by_name.get(name).filter(|_| seen.insert(name)) {
                        todo.extend(referenced(&template.text));
                    }
                }
                let mut h = std::collections::hash_map::DefaultHasher::new();
                for name in seen {
                    (name, &by_name[name].text).hash(&mut h);
                }
                (t.name.clone(), h.finish())
            })
            .collect()
    }

    /// The templates that templates show with `cached("…")`, which see only the shared context
    /// and their arguments.
    pub fn shown_cached(&self) -> HashSet<String> {
        self.templates
            .iter()
            .flat_map(|t| shown_cached(&t.text))
            .map(str::to_owned)
            .collect()
    }

    /// Loads theme `name` for the site at `root`, with the site's own template overrides.
    ///
    /// `extra_css` (the code-highlighting styles) is appended to `style.css`.
    pub fn load(root: &Path, name: &str, extra_css: &str, diagnostics: &Diagnostics) -> Theme {
        let dir = root.join("themes").join(name);
        let mut templates = Vec::new();
        let mut statics: Vec<(String, Vec<u8>)> = Vec::new();
        if dir.is_dir() {
            templates = read_folder(root, &dir.join("templates"), diagnostics)
                .into_iter()
                .map(|(name, file, bytes)| TemplateSource {
                    name,
                    file,
                    text: String::from_utf8_lossy(&bytes).into_owned(),
                })
                .collect();
            statics = read_folder(root, &dir.join("static"), diagnostics)
                .into_iter()
                .map(|(n, _, b)| (n, b))
                .collect();
        } else if name == DEFAULT_THEME {
            templates = BUILT_IN_TEMPLATES
                .iter()
                .map(|(n, t)| TemplateSource {
                    name: n.to_string(),
                    file: format!("themes/default/templates/{n}").into(),
                    text: t.to_string(),
                })
                .collect();
            statics = BUILT_IN_STATIC
                .iter()
                .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()))
                .collect();
        } else {
            diagnostics.push(
                Diagnostic::error(
                    crate::config::CONFIG_FILE,
                    None,
                    format!("the theme `{name}` is not in themes/{name}/"),
                )
                .with_hint("remove the `theme` setting to use the built-in default theme"),
            );
        }
        for (name, file, bytes) in read_folder(root, &root.join("templates"), diagnostics) {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            templates.retain(|t| t.name != name);
            templates.push(TemplateSource { name, file, text });
        }
        let assets = statics
            .into_iter()
            .map(|(name, mut bytes)| {
                if name == "style.css" {
                    bytes.extend_from_slice(b"\n/* Code highlighting */\n");
                    bytes.extend_from_slice(extra_css.as_bytes());
                }
                Asset {
                    url: fingerprinted_url(&name, &bytes),
                    name,
                    bytes,
                }
            })
            .collect();
        Theme { templates, assets }
    }
}

/// `/assets/NAME.HASH.EXT`, the hash being the first 10 hex digits of the content's SHA-256.
fn fingerprinted_url(name: &str, bytes: &[u8]) -> String {
    let hash = Sha256::digest(bytes);
    let hex: String = hash.iter().take(5).map(|b| format!("{b:02x}")).collect();
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("/assets/{stem}.{hex}.{ext}"),
        None => format!("/assets/{name}.{hex}"),
    }
}

/// Every file below `dir` as (name relative to `dir`, path relative to `root`, bytes).
fn read_folder(root: &Path, dir: &Path, diagnostics: &Diagnostics) -> Vec<(String, PathBuf, Vec<u8>)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        let shown = entry.path().strip_prefix(root).unwrap_or(entry.path()).to_path_buf();
        let is_text = [".html", ".xml", ".txt", ".css", ".js"]
            .iter()
            .any(|x| name.ends_with(x));
        let bytes = if is_text {
            read_text(entry.path(), &shown).map(String::into_bytes)
        } else {
            std::fs::read(entry.path())
                .map_err(|e| Diagnostic::error(&shown, None, format!("cannot read the file: {e}")))
        };
        match bytes {
            Ok(b) => files.push((name, shown, b)),
            Err(d) => diagnostics.push(d),
        }
    }
    files
}

/// The templates a template shows with `cached("…")` (every quoted name a call begins with).
fn shown_cached(text: &str) -> Vec<&str> {
    text.match_indices("cached(")
        .filter_map(|(at, call)| {
            let call = text[at + call.len()..].trim_start();
            let quote = call.chars().next().filter(|c| ['"', '\''].contains(c))?;
            let close = call[1..].find(quote)?;
            Some(&call[1..1 + close])
        })
        .collect()
}

/// The templates a template's `extends`, `include` and `import` tags name (every quoted string
/// in those tags: a list of includes names several), and those it shows with `cached("…")`.
fn referenced(text: &str) -> Vec<&str> {
    let mut names = shown_cached(text);
    let mut rest = text;
    while let Some(start) = rest.find("{%") {
        let tag = &rest[start + 2..];
        let end = tag.find("%}").unwrap_or(tag.len());
        let body = tag[..end].trim_start_matches('-').trim_start();
        if ["extends", "include", "import"].iter().any(|k| body.starts_with(k)) {
            let mut quoted = body;
            while let Some(open) = quoted.find(['"', '\'', '`']) {
                let quote = quoted[open..].chars().next().unwrap_or('"');
                let after = &quoted[open + 1..];
                let Some(close) = after.find(quote) else { break };
                names.push(&after[..close]);
                quoted = &after[close + 1..];
            }
        }
        rest = &tag[end..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_theme_lists_every_file_on_disk() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let on_disk = |sub: &str| -> Vec<String> {
            let mut v: Vec<String> = std::fs::read_dir(root.join(sub))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        };
        let mut templates: Vec<String> = BUILT_IN_TEMPLATES.iter().map(|(n, _)| n.to_string()).collect();
        templates.sort();
        let mut statics: Vec<String> = BUILT_IN_STATIC.iter().map(|(n, _)| n.to_string()).collect();
        statics.sort();
        assert_eq!(templates, on_disk("templates"));
        assert_eq!(statics, on_disk("static"));
    }

    #[test]
    fn a_template_changes_with_what_it_extends_includes_imports_and_shows_cached() {
        let theme = |page: &str, base: &str, other: &str| Theme {
            templates: [
                ("page.html", page),
                ("base.html", base),
                ("macros.html", "{% macro m() %}x{% endmacro m %}"),
                ("bar.html", "bar"),
                ("other.html", other),
                ("foot.html", "foot"),
            ]
            .iter()
            .map(|(name, text)| TemplateSource {
                name: (*name).to_owned(),
                file: PathBuf::from(name),
                text: (*text).to_owned(),
            })
            .collect(),
            assets: Vec::new(),
        };
        let page = "{%- extends \"base.html\" -%}{% import 'macros.html' as m %}{% block b %}{% endblock b %}";
        let base = "<main>{% include [\"bar.html\", \"gone.html\"] ignore missing %}{% block b %}{% endblock b %}</main>{{ cached( 'foot.html', here=1) }}";
        let hashes = theme(page, base, "1").template_hashes();
        // Another template that nothing refers to changes nothing.
        assert_eq!(
            hashes["page.html"],
            theme(page, base, "2").template_hashes()["page.html"]
        );
        assert_ne!(
            hashes["other.html"],
            theme(page, base, "2").template_hashes()["other.html"]
        );
        // A change to an extended template, or to one it includes, changes the page's.
        assert_ne!(
            hashes["page.html"],
            theme(page, "<main></main>", "1").template_hashes()["page.html"]
        );
        let mut with_bar = theme(page, base, "1");
        with_bar.templates[3].text = "new bar".into();
        assert_ne!(hashes["page.html"], with_bar.template_hashes()["page.html"]);
        assert_eq!(hashes["other.html"], with_bar.template_hashes()["other.html"]);
        let mut with_macros = theme(page, base, "1");
        with_macros.templates[2].text = "{% macro m() %}y{% endmacro m %}".into();
        assert_ne!(hashes["page.html"], with_macros.template_hashes()["page.html"]);
        assert_eq!(hashes["base.html"], with_macros.template_hashes()["base.html"]);
        let mut with_foot = theme(page, base, "1");
        with_foot.templates[5].text = "new foot".into();
        assert_ne!(hashes["page.html"], with_foot.template_hashes()["page.html"]);
        assert_ne!(hashes["base.html"], with_foot.template_hashes()["base.html"]);
        assert_eq!(hashes["other.html"], with_foot.template_hashes()["other.html"]);
        assert_eq!(with_foot.shown_cached(), HashSet::from(["foot.html".to_owned()]));
    }

    #[test]
    fn assets_are_fingerprinted_by_content() {
        let a = fingerprinted_url("style.css", b"body{}");
        let b = fingerprinted_url("style.css", b"body{ }");
        assert!(a.starts_with("/assets/style.") && a.ends_with(".css"));
        assert_ne!(a, b);
        assert_eq!(a.len(), "/assets/style.".len() + 10 + ".css".len());
    }
}
