//! The site configuration, `putokaz.toml`: languages, base URL, titles and the as-of date.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::diagnostics::{Diagnostic, line_of, read_text};
use crate::i18n::translit;

/// The name of the configuration file at the site root.
pub const CONFIG_FILE: &str = "putokaz.toml";

/// A writing system a language is authored in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Script {
    /// Cyrillic.
    Cyrl,
    /// Latin.
    Latn,
}

/// A language in which content is authored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// The code used in file names and URLs, e.g. `sr`.
    pub code: String,
    /// The language's name in itself, e.g. `Српски`.
    pub name: String,
    /// The script its content is written in.
    pub script: Script,
    /// For Serbian: the URL code of the Latin-script copy the build derives, e.g. `sr-latn`.
    pub latin_variant: Option<String>,
}

/// One published version of the site: a language, or the Latin-script copy of a Cyrillic one.
///
/// Every page is rendered once per locale. Locales are derived from the languages, never configured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locale {
    /// URL prefix, e.g. `sr-latn`.
    pub code: String,
    /// BCP 47 tag for `lang` and `hreflang`, e.g. `sr-Latn`.
    pub tag: String,
    /// The code of the language whose content this locale shows, e.g. `sr`.
    pub language: String,
    /// The locale's name in itself, e.g. `Srpski (latinica)` is built from `Српски`.
    pub name: String,
    /// The script the locale is shown in.
    pub script: Script,
    /// Whether content of `language` is transliterated from Cyrillic to Latin for this locale.
    pub transliterate: bool,
}

/// The whole site configuration.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    /// Absolute URL the site is published at, without a trailing slash.
    pub base_url: String,
    /// The date the published data is current as of.
    pub as_of: NaiveDate,
    /// The theme folder name under `themes/`.
    pub theme: String,
    /// Authoring languages, in the order they are offered to visitors.
    pub languages: Vec<Language>,
    /// The language of files without a language suffix and of the root page.
    pub default_language: String,
    /// Site title per language code.
    pub title: BTreeMap<String, String>,
    /// Site description per language code.
    pub description: BTreeMap<String, String>,
    /// Published locales, derived from `languages`.
    pub locales: Vec<Locale>,
    /// Where the "Exit this page" button leads: a neutral site.
    pub quick_exit_url: String,
    /// E-mail addresses and phone numbers that pages may show besides the hotline data.
    pub allowed_contacts: Vec<String>,
    /// The disclosure threshold k: statistics counts from 1 to k−1 are withheld.
    pub stats_threshold: u64,
    /// The base published statistics counts are rounded to, if any.
    pub stats_round_to: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: String,
    as_of: toml::value::Datetime,
    #[serde(default = "default_theme")]
    theme: String,
    default_language: String,
    languages: Vec<RawLanguage>,
    title: toml::Spanned<BTreeMap<String, String>>,
    description: toml::Spanned<BTreeMap<String, String>>,
    #[serde(default)]
    help: RawHelp,
    #[serde(default)]
    statistics: RawStatistics,
}

/// The `[statistics]` table: disclosure control of published counts.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatistics {
    #[serde(default = "default_threshold")]
    threshold: u64,
    #[serde(default)]
    round_to: Option<u64>,
}

impl Default for RawStatistics {
    fn default() -> Self {
        RawStatistics {
            threshold: default_threshold(),
            round_to: None,
        }
    }
}

/// Counts below 11 are withheld, as the Counter Trafficking Data Collaborative does.
fn default_threshold() -> u64 {
    11
}

/// The lowest threshold allowed: below it, withholding protects nobody.
pub const MIN_THRESHOLD: u64 = 3;

/// The `[help]` table: settings for people who may be at risk while reading the site.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHelp {
    #[serde(default = "default_quick_exit")]
    quick_exit_url: String,
    #[serde(default)]
    allowed_contacts: Vec<String>,
}

impl Default for RawHelp {
    fn default() -> Self {
        RawHelp {
            quick_exit_url: default_quick_exit(),
            allowed_contacts: Vec::new(),
        }
    }
}

/// A neutral site that opens quickly everywhere in the region.
fn default_quick_exit() -> String {
    "https://www.wikipedia.org/".to_owned()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    code: String,
    name: String,
    script: Script,
    latin_variant: Option<String>,
}

fn default_theme() -> String {
    "default".to_owned()
}

impl SiteConfig {
    /// Reads and validates `putokaz.toml` in `root`, reporting every problem found.
    pub fn load(root: &Path) -> Result<SiteConfig, Vec<Diagnostic>> {
        let shown = Path::new(CONFIG_FILE);
        let path = root.join(CONFIG_FILE);
        if !path.exists() {
            return Err(vec![
                Diagnostic::error(shown, None, "the site configuration file is missing").with_hint(format!(
                    "run putokaz in the folder that holds {CONFIG_FILE}, or pass --root"
                )),
            ]);
        }
        let text = read_text(&path, shown).map_err(|d| vec![d])?;
        Self::parse(&text, shown)
    }

    /// Parses configuration text; `shown` names the file in diagnostics.
    pub fn parse(text: &str, shown: &Path) -> Result<SiteConfig, Vec<Diagnostic>> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            vec![Diagnostic::error(shown, line, e.message().trim().to_owned())]
        })?;
        let mut errors = Vec::new();
        let error = |line: Option<usize>, msg: String| Diagnostic::error(shown, line, msg);

        let as_of = match (raw.as_of.date, raw.as_of.time) {
            (Some(d), None) => NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()),
            _ => None,
        };
        let as_of_line = text
            .lines()
            .position(|l| l.trim_start().starts_with("as_of"))
            .map(|i| i + 1);
        if as_of.is_none() {
            errors.push(error(as_of_line, "`as_of` must be a date such as 2026-11-22".into()));
        }
        if raw.languages.is_empty() {
            errors.push(error(None, "at least one [[languages]] entry is needed".into()));
        }
        let mut languages: Vec<Language> = Vec::new();
        for l in raw.languages {
            if !is_code(&l.code) {
                errors.push(error(
                    None,
                    format!("language code `{}` must be lowercase letters and hyphens", l.code),
                ));
            }
            if languages.iter().any(|o| o.code == l.code) {
                errors.push(error(None, format!("language `{}` is listed twice", l.code)));
            }
            if let Some(v) = &l.latin_variant {
                if l.script != Script::Cyrl {
                    errors.push(error(
                        None,
                        format!("`latin_variant` is only for Cyrillic languages, not `{}`", l.code),
                    ));
                }
                if !is_code(v) {
                    errors.push(error(
                        None,
                        format!("latin_variant `{v}` must be lowercase letters and hyphens"),
                    ));
                }
            }
            languages.push(Language {
                code: l.code,
                name: l.name,
                script: l.script,
                latin_variant: l.latin_variant,
            });
        }
        if !languages.iter().any(|l| l.code == raw.default_language) {
            errors.push(error(
                None,
                format!(
                    "default_language `{}` is not one of the [[languages]]",
                    raw.default_language
                ),
            ));
        }
        for (field, map) in [("title", &raw.title), ("description", &raw.description)] {
            let line = Some(line_of(text, map.span().start));
            for lang in &languages {
                if !map.get_ref().contains_key(&lang.code) {
                    errors.push(error(
                        line,
                        format!("[{field}] has no entry for language `{}`", lang.code),
                    ));
                }
            }
            for code in map.get_ref().keys() {
                if !languages.iter().any(|l| &l.code == code) {
                    errors.push(error(
                        line,
                        format!("[{field}] names `{code}`, which is not a configured language"),
                    ));
                }
            }
        }
        if !raw.help.quick_exit_url.starts_with("https://") {
            errors.push(error(
                None,
                format!(
                    "[help] quick_exit_url `{}` must be an https:// address of a neutral site",
                    raw.help.quick_exit_url
                ),
            ));
        }
        if raw.statistics.threshold < MIN_THRESHOLD {
            errors.push(error(
                None,
                format!(
                    "[statistics] threshold = {} is too low: counts below at least {MIN_THRESHOLD} must be withheld",
                    raw.statistics.threshold
                ),
            ));
        }
        if raw.statistics.round_to.is_some_and(|b| b < 2) {
            errors.push(error(None, "[statistics] round_to must be 2 or more".to_owned()));
        }
        let base_url = raw.base_url.trim_end_matches('/').to_owned();
        if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
            errors.push(error(
                None,
                format!("base_url `{base_url}` must start with http:// or https://"),
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let locales = derive_locales(&languages);
        Ok(SiteConfig {
            base_url,
            as_of: as_of.expect("checked above"),
            theme: raw.theme,
            languages,
            default_language: raw.default_language,
            title: raw.title.into_inner(),
            description: raw.description.into_inner(),
            locales,
            quick_exit_url: raw.help.quick_exit_url,
            allowed_contacts: raw.help.allowed_contacts,
            stats_threshold: raw.statistics.threshold,
            stats_round_to: raw.statistics.round_to,
        })
    }

    /// The locale with URL code `code`.
    pub fn locale(&self, code: &str) -> Option<&Locale> {
        self.locales.iter().find(|l| l.code == code)
    }

    /// The language with code `code`.
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The site title in a locale (transliterated where the locale asks for it).
    pub fn title_in(&self, locale: &Locale) -> String {
        locale.localize(&self.title[&locale.language])
    }

    /// The site description in a locale.
    pub fn description_in(&self, locale: &Locale) -> String {
        locale.localize(&self.description[&locale.language])
    }
}

impl Locale {
    /// Text of this locale's language as shown in this locale: transliterated to Latin where needed.
    pub fn localize(&self, text: &str) -> String {
        if self.transliterate {
            translit::to_latin(text)
        } else {
            text.to_owned()
        }
    }
}

fn is_code(code: &str) -> bool {
    !code.is_empty() && code.chars().all(|c| c.is_ascii_lowercase() || c == '-')
}

fn derive_locales(languages: &[Language]) -> Vec<Locale> {
    let mut locales = Vec::new();
    for lang in languages {
        let base = Locale {
            code: lang.code.clone(),
            tag: lang.code.clone(),
            language: lang.code.clone(),
            name: lang.name.clone(),
            script: lang.script,
            transliterate: false,
        };
        match &lang.latin_variant {
            Some(variant) => {
                locales.push(Locale {
                    tag: format!("{}-Cyrl", lang.code),
                    ..base.clone()
                });
                locales.push(Locale {
                    code: variant.clone(),
                    tag: format!("{}-Latn", lang.code),
                    name: translit::to_latin(&lang.name),
                    script: Script::Latn,
                    transliterate: true,
                    ..base
                });
            }
            None => locales.push(base),
        }
    }
    locales
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
base_url = "https://example.org/"
as_of = 2026-11-22
default_language = "sr"

[[languages]]
code = "sr"
name = "Српски"
script = "Cyrl"
latin_variant = "sr-latn"

[[languages]]
code = "en"
name = "English"
script = "Latn"

[title]
sr = "Путоказ"
en = "Putokaz"

[description]
sr = "Опис"
en = "Description"
"#;

    #[test]
    fn derives_a_latin_locale_for_serbian() {
        let config = SiteConfig::parse(GOOD, Path::new("putokaz.toml")).unwrap();
        let codes: Vec<_> = config
            .locales
            .iter()
            .map(|l| (l.code.as_str(), l.tag.as_str()))
            .collect();
        assert_eq!(codes, [("sr", "sr-Cyrl"), ("sr-latn", "sr-Latn"), ("en", "en")]);
        assert_eq!(config.locale("sr-latn").unwrap().name, "Srpski");
        assert_eq!(config.title_in(config.locale("sr-latn").unwrap()), "Putokaz");
        assert_eq!(config.base_url, "https://example.org");
    }

    #[test]
    fn reports_every_problem_with_lines() {
        let bad = GOOD
            .replace("en = \"Description\"", "")
            .replace("as_of = 2026-11-22", "as_of = 2026-11-22T10:00:00");
        let errors = SiteConfig::parse(&bad, Path::new("putokaz.toml")).unwrap_err();
        let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(
            text.iter()
                .any(|t| t.contains("putokaz.toml:3: `as_of` must be a date")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("[description] has no entry for language `en`")),
            "{text:?}"
        );
    }

    #[test]
    fn unknown_keys_are_errors_with_their_line() {
        let bad = GOOD.replace("default_language", "defualt_language");
        let errors = SiteConfig::parse(&bad, Path::new("putokaz.toml")).unwrap_err();
        assert_eq!(errors[0].line, Some(4), "{errors:?}");
        assert!(errors[0].message.contains("defualt_language"), "{errors:?}");
    }
}
