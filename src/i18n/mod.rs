//! Interface strings in every locale: Fluent messages with CLDR plurals, dates and numbers.
//!
//! Strings come from the `i18n/LANG.ftl` files built into Putokaz; a site may add or override
//! messages in its own `i18n/LANG.ftl`. A message missing in a language falls back to English,
//! and [`Strings::missing`] lists what is missing so `putokaz check` can report it. The
//! Latin-script Serbian strings are transliterated from the Cyrillic ones, never written by hand.

pub mod slug;
pub mod translit;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rustc_hash::FxHashMap;
use unic_langid::LanguageIdentifier;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, line_of, read_text};
use crate::reads::Read;

/// The language every missing string falls back to.
pub const FALLBACK: &str = "en";

/// The strings built into Putokaz, by language code.
const BUILT_IN: &[(&str, &str)] = &[
    ("en", include_str!("../../i18n/en.ftl")),
    ("sr", include_str!("../../i18n/sr.ftl")),
    ("cnr", include_str!("../../i18n/cnr.ftl")),
    ("mk", include_str!("../../i18n/mk.ftl")),
];

/// All interface strings of a site, one Fluent bundle per locale.
pub struct Strings {
    bundles: HashMap<String, FluentBundle<FluentResource>>,
    /// The messages defined per locale (before fallback); a language's own are its
    /// untransliterated locale's, whose code is the language's.
    defined_in: Vec<(String, BTreeSet<String>)>,
    /// What tells one definition of the strings from another, made when first asked: only a
    /// rebuild compares definitions ([`Strings::changed_since`]).
    prints: std::sync::OnceLock<Prints>,
    /// Per locale, the messages without placeables (most of them), as [`Strings::get`] gives
    /// them whatever the arguments: resolved once at load instead of on every use. (Looked up
    /// on every string a page shows, so with a faster hash than SipHash.)
    resolved: FxHashMap<String, FxHashMap<String, Arc<str>>>,
    /// Dates as [`Strings::format_date`] wrote them, by locale: a listing writes the date of
    /// every page it lists, and a site has far fewer dates than listed pages.
    dates: std::sync::RwLock<FxHashMap<String, FxHashMap<NaiveDate, Arc<str>>>>,
}

/// An interface string that exists in no language, not even English.
#[derive(Debug, thiserror::Error)]
#[error("there is no interface string `{0}`")]
pub struct UnknownString(pub String);

impl Strings {
    /// Loads the built-in strings and the site's `i18n/` overrides for every locale of `config`.
    pub fn load(root: &Path, config: &SiteConfig, diagnostics: &Diagnostics) -> Strings {
        let mut sources: HashMap<String, Vec<(String, String)>> = HashMap::new();
        for (code, text) in BUILT_IN {
            let shown = format!("(built-in) i18n/{code}.ftl");
            sources
                .entry(code.to_string())
                .or_default()
                .push((shown, text.to_string()));
        }
        let mut codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
        codes.push(FALLBACK);
        for code in &codes {
            let rel = format!("i18n/{code}.ftl");
            let path = root.join(&rel);
            if path.exists() {
                match read_text(&path, Path::new(&rel)) {
                    Ok(text) => sources.entry(code.to_string()).or_default().push((rel, text)),
                    Err(d) => diagnostics.push(d),
                }
            }
        }

        let mut bundles = HashMap::new();
        let mut defined_in: Vec<(String, BTreeSet<String>)> = Vec::new();
        let mut locales: Vec<(String, String, bool)> = config
            .locales
            .iter()
            .map(|l| (l.code.clone(), l.language.clone(), l.transliterate))
            .collect();
        if config.locale(FALLBACK).is_none() {
            locales.push((FALLBACK.into(), FALLBACK.into(), false));
        }
        for (locale, language, transliterate) in locales {
            let mut bundle = FluentBundle::new_concurrent(vec![plural_rules_for(&language)]);
            // Our output is HTML; Unicode isolation marks around arguments would only show as noise.
            bundle.set_use_isolating(false);
            let mut defined = BTreeSet::new();
            for (shown, text) in sources.get(&language).into_iter().flatten() {
                let text = if transliterate {
                    translit::to_latin(text)
                } else {
                    text.clone()
                };
                let resource = parse_resource(&text, shown, diagnostics);
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        defined.insert(m.id.name.to_owned());
                    }
                }
                bundle.add_resource_overriding(resource);
            }
            defined_in.push((locale.clone(), defined));
            bundles.insert(locale, bundle);
        }
        let resolved = resolve_plain(&bundles, &defined_in);
        Strings {
            bundles,
            defined_in,
            prints: Default::default(),
            resolved,
            dates: Default::default(),
        }
    }

    /// The strings whose definition differs from `before` in some locale (its own or the English
    /// it falls back to); `None` if messages refer to one another, when any change may change
    /// any string.
    pub fn changed_since(&self, before: &Strings) -> Option<BTreeSet<Read>> {
        let (now, then) = (self.prints(), before.prints());
        if now.references || then.references {
            return None;
        }
        let mut changed = BTreeSet::new();
        for (locale, prints) in now.by_locale.iter().chain(&then.by_locale) {
            let english = now
                .by_locale
                .get(FALLBACK)
                .into_iter()
                .chain(then.by_locale.get(FALLBACK));
            for key in prints.keys().chain(english.flat_map(|m| m.keys())) {
                if self.fingerprint(locale, key) != before.fingerprint(locale, key) {
                    changed.insert(Read::String(locale.clone(), key.clone()));
                }
            }
        }
        Some(changed)
    }

    /// A hash of the definitions the interface strings among `reads` take now.
    pub fn fingerprint_of(&self, reads: &BTreeSet<Read>) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for read in reads {
            if let Read::String(locale, key) = read {
                (locale, key, self.fingerprint(locale, key)).hash(&mut h);
            }
        }
        h.finish()
    }

    /// What tells these definitions from others, made on the first call.
    fn prints(&self) -> &Prints {
        self.prints.get_or_init(|| {
            let mut references = false;
            let by_locale = self
                .defined_in
                .iter()
                .map(|(locale, defined)| {
                    let bundle = &self.bundles[locale];
                    let prints = defined
                        .iter()
                        .filter_map(|id| {
                            let text = format!("{:?}", bundle.get_message(id)?.value()?);
                            references |= text.contains("MessageReference") || text.contains("TermReference");
                            Some((id.clone(), hash_text(&text)))
                        })
                        .collect();
                    (locale.clone(), prints)
                })
                .collect();
            Prints { by_locale, references }
        })
    }

    /// Which definition `key` takes in `locale` (its own or English), as a hash.
    fn fingerprint(&self, locale: &str, key: &str) -> Option<(bool, u64)> {
        let prints = &self.prints().by_locale;
        if let Some(own) = prints.get(locale).and_then(|m| m.get(key)) {
            return Some((true, *own));
        }
        prints.get(FALLBACK).and_then(|m| m.get(key)).map(|en| (false, *en))
    }

    /// The string `key` in `locale`, with `args`, falling back to English.
    pub fn get(&self, locale: &str, key: &str, args: Option<&FluentArgs>) -> Result<String, UnknownString> {
        self.shared(locale, key, args).map(|text| text.to_string())
    }

    /// [`Strings::get`] as shared text: a message without placeables is not copied.
    pub fn shared(&self, locale: &str, key: &str, args: Option<&FluentArgs>) -> Result<Arc<str>, UnknownString> {
        crate::reads::note_string(locale, key);
        match self.resolved.get(locale).and_then(|m| m.get(key)) {
            Some(text) => Ok(text.clone()),
            None => self.format(locale, key, args).map(Arc::from),
        }
    }

    /// The string `key` in `locale` formatted by Fluent with `args`, falling back to English.
    fn format(&self, locale: &str, key: &str, args: Option<&FluentArgs>) -> Result<String, UnknownString> {
        for code in [locale, FALLBACK] {
            let Some(bundle) = self.bundles.get(code) else { continue };
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return Ok(bundle.format_pattern(pattern, args, &mut errors).into_owned());
            }
        }
        Err(UnknownString(key.to_owned()))
    }

    /// The string `key` in `locale` with one numeric argument `count` choosing the plural form.
    pub fn plural(&self, locale: &str, key: &str, count: f64) -> Result<String, UnknownString> {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(count));
        self.get(locale, key, Some(&args))
    }

    /// Messages defined in English but not in `language`, sorted.
    pub fn missing(&self, language: &str) -> Vec<String> {
        let defined = |code: &str| {
            self.defined_in
                .iter()
                .find(|(locale, _)| locale == code)
                .map(|(_, ids)| ids)
        };
        let (Some(all), Some(have)) = (defined(FALLBACK), defined(language)) else {
            return Vec::new();
        };
        all.difference(have).cloned().collect()
    }

    /// `n` with the locale's decimal and group separators, e.g. `1.234,5` in Serbian.
    pub fn format_number(&self, locale: &str, n: f64, decimals: usize) -> String {
        let decimal = self
            .get(locale, "number-decimal-separator", None)
            .unwrap_or_else(|_| ".".into());
        let group = self
            .get(locale, "number-group-separator", None)
            .unwrap_or_else(|_| ",".into());
        let text = format!("{:.*}", decimals, n.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = String::new();
        if n < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
            out.push('-');
        }
        // Four-digit numbers are not grouped (CLDR minimumGroupingDigits = 2 for sr, mk and hr).
        let group_from = if int.len() > 4 { 3 } else { usize::MAX };
        for (i, ch) in int.chars().enumerate() {
            let left = int.len() - i;
            if i > 0 && left % 3 == 0 && int.len() >= group_from {
                out.push_str(&group);
            }
            out.push(ch);
        }
        if !frac.is_empty() {
            out.push_str(&decimal);
            out.push_str(frac);
        }
        out
    }

    /// A date written out in the locale, e.g. `22. новембар 2026.` or `22 November 2026`.
    ///
    /// Each date is formatted once per locale; later calls note the same strings read.
    pub fn format_date(&self, locale: &str, date: NaiveDate) -> Arc<str> {
        const MONTHS: [&str; 12] = [
            "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8", "month-9",
            "month-10", "month-11", "month-12",
        ];
        let month_key = MONTHS[date.month0() as usize];
        let known = self
            .dates
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(locale)
            .and_then(|dates| dates.get(&date))
            .cloned();
        if let Some(text) = known {
            crate::reads::note_string(locale, month_key);
            crate::reads::note_string(locale, "date-long");
            return text;
        }
        let month = self.get(locale, month_key, None).unwrap_or_default();
        let mut args = FluentArgs::new();
        args.set("day", FluentValue::from(date.day().to_string()));
        args.set("month", FluentValue::from(month));
        args.set("year", FluentValue::from(date.year().to_string()));
        let text: Arc<str> = self
            .get(locale, "date-long", Some(&args))
            .unwrap_or_else(|_| date.to_string())
            .into();
        self.dates
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .entry(locale.to_owned())
            .or_default()
            .insert(date, text.clone());
        text
    }
}

/// Per locale, every message among those `defined_in` it or in English whose pattern (the
/// locale's own, or English where it has none, as [`Strings::format`] chooses) has no
/// placeables, formatted: such a message reads the same whatever the arguments.
fn resolve_plain(
    bundles: &HashMap<String, FluentBundle<FluentResource>>,
    defined_in: &[(String, BTreeSet<String>)],
) -> FxHashMap<String, FxHashMap<String, Arc<str>>> {
    use fluent_syntax::ast::PatternElement;
    let english = defined_in
        .iter()
        .find(|(locale, _)| locale == FALLBACK)
        .map(|(_, ids)| ids);
    defined_in
        .iter()
        .map(|(locale, own)| {
            let ids: BTreeSet<&String> = own.iter().chain(english.into_iter().flatten()).collect();
            let plain = ids
                .into_iter()
                .filter_map(|id| {
                    let (bundle, pattern) = [locale.as_str(), FALLBACK].into_iter().find_map(|code| {
                        let bundle = bundles.get(code)?;
                        Some((bundle, bundle.get_message(id)?.value()?))
                    })?;
                    let text_only = pattern
                        .elements
                        .iter()
                        .all(|e| matches!(e, PatternElement::TextElement { .. }));
                    let mut errors = Vec::new();
                    let text = bundle.format_pattern(pattern, None, &mut errors);
                    (text_only && errors.is_empty()).then(|| (id.clone(), Arc::from(text.as_ref())))
                })
                .collect();
            (locale.clone(), plain)
        })
        .collect()
}

/// What tells one definition of a site's strings from another ([`Strings::prints`]).
struct Prints {
    /// Per locale, a hash of every message's definition.
    by_locale: HashMap<String, HashMap<String, u64>>,
    /// Whether any message refers to another message or a term: then a change to one message
    /// may change others.
    references: bool,
}

fn hash_text(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// The locale whose CLDR plural rules a language follows.
///
/// CLDR has no plural data for Montenegrin (`cnr`); it follows the same one/few/other rules as
/// Serbian, Croatian and Bosnian.
fn plural_rules_for(language: &str) -> LanguageIdentifier {
    let code = if language == "cnr" { "sr" } else { language };
    code.parse().unwrap_or_default()
}

fn parse_resource(text: &str, shown: &str, diagnostics: &Diagnostics) -> FluentResource {
    match FluentResource::try_new(text.to_owned()) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for e in errors {
                diagnostics.push(
                    Diagnostic::error(
                        shown,
                        Some(line_of(text, e.pos.start)),
                        format!("invalid Fluent syntax: {}", e.kind),
                    )
                    .with_hint("see https://projectfluent.org/fluent/guide/ for the message syntax"),
                );
            }
            resource
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = r#"
base_url = "https://example.org"
as_of = 2026-11-22
default_language = "sr"
[[languages]]
code = "sr"
name = "Српски"
script = "Cyrl"
latin_variant = "sr-latn"
[[languages]]
code = "cnr"
name = "Crnogorski"
script = "Latn"
[[languages]]
code = "mk"
name = "Македонски"
script = "Cyrl"
[[languages]]
code = "en"
name = "English"
script = "Latn"
[title]
sr = "a"
cnr = "a"
mk = "a"
en = "a"
[description]
sr = "a"
cnr = "a"
mk = "a"
en = "a"
"#;

    /// The built-in strings, plus site overrides written into `i18n/` of a scratch site.
    fn strings_with(overrides: &[(&str, &str)]) -> Strings {
        let config = SiteConfig::parse(CONFIG, Path::new("putokaz.toml")).unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("i18n")).unwrap();
        for (code, text) in overrides {
            std::fs::write(dir.path().join(format!("i18n/{code}.ftl")), text).unwrap();
        }
        let diagnostics = Diagnostics::new();
        let strings = Strings::load(dir.path(), &config, &diagnostics);
        assert!(!diagnostics.has_errors(), "{:?}", diagnostics.into_sorted());
        strings
    }

    fn strings() -> Strings {
        strings_with(&[])
    }

    #[test]
    fn serbian_and_montenegrin_have_three_plural_forms_macedonian_two() {
        let probe = "probe = { $count ->\n    [one] one\n    [few] few\n   *[other] other\n}\n";
        let s = strings_with(&[("sr", probe), ("cnr", probe), ("mk", probe), ("en", probe)]);
        let forms = |locale: &str| -> Vec<String> {
            [1.0, 2.0, 4.0, 5.0, 11.0, 21.0, 22.0, 111.0]
                .iter()
                .map(|&n| s.plural(locale, "probe", n).unwrap())
                .collect()
        };
        let three = ["one", "few", "few", "other", "other", "one", "few", "other"];
        assert_eq!(forms("sr"), three);
        assert_eq!(forms("sr-latn"), three);
        assert_eq!(forms("cnr"), three);
        assert_eq!(
            forms("mk"),
            ["one", "other", "other", "other", "other", "one", "other", "other"]
        );
        assert_eq!(
            forms("en"),
            ["one", "other", "other", "other", "other", "other", "other", "other"]
        );
    }

    #[test]
    fn a_string_missing_in_a_language_falls_back_to_english_and_is_listed() {
        let s = strings_with(&[("en", "only-english = Only in English\n")]);
        assert_eq!(s.get("mk", "only-english", None).unwrap(), "Only in English");
        assert_eq!(s.missing("mk"), vec!["only-english".to_owned()]);
        assert!(s.missing("en").is_empty());
    }

    #[test]
    fn built_in_strings_are_complete_in_every_language() {
        let s = strings();
        for code in ["sr", "cnr", "mk"] {
            assert_eq!(s.missing(code), Vec::<String>::new(), "{code}");
        }
    }

    #[test]
    fn latin_serbian_strings_are_transliterated() {
        let s = strings();
        let cyr = s.get("sr", "skip-link", None).unwrap();
        let lat = s.get("sr-latn", "skip-link", None).unwrap();
        assert!(cyr.chars().any(translit::is_cyrillic));
        assert_eq!(lat, translit::to_latin(&cyr));
        assert!(!lat.chars().any(translit::is_cyrillic));
    }

    #[test]
    fn numbers_and_dates_follow_the_locale() {
        let s = strings();
        assert_eq!(s.format_number("en", 1_410_097.0, 0), "1,410,097");
        assert_eq!(s.format_number("sr", 1_410_097.0, 0), "1.410.097");
        assert_eq!(s.format_number("mk", 1234.5, 1), "1234,5");
        assert_eq!(s.format_number("sr", -12345.25, 2), "-12.345,25");
        let d = NaiveDate::from_ymd_opt(2009, 4, 30).unwrap();
        assert_eq!(&*s.format_date("en", d), "30 April 2009");
        assert_eq!(&*s.format_date("sr", d), "30. април 2009.");
        assert_eq!(&*s.format_date("sr-latn", d), "30. april 2009.");
        assert_eq!(&*s.format_date("cnr", d), "30. april 2009.");
        assert_eq!(&*s.format_date("mk", d), "30 април 2009");
    }

    #[test]
    fn a_date_formatted_again_reads_the_same_strings() {
        let s = strings();
        let d = NaiveDate::from_ymd_opt(2011, 12, 1).unwrap();
        let expected: BTreeSet<Read> = [Read::string("sr", "date-long"), Read::string("sr", "month-12")].into();
        // The first call formats the date; the second takes it as formatted then, and must still
        // note what it shows, or a page listing it would not be made again when a month's name
        // changes.
        for _ in 0..2 {
            let (text, reads) = crate::reads::record(|| s.format_date("sr", d));
            assert_eq!(&*text, "1. децембар 2011.");
            assert_eq!(reads, expected);
        }
        // Another locale's date is its own.
        assert_eq!(&*s.format_date("en", d), "1 December 2011");
    }

    #[test]
    fn reads_are_recorded_and_changes_found_through_the_fallback() {
        let before = strings_with(&[("en", "extra = One\n")]);
        let ((), reads) = crate::reads::record(|| {
            before.get("sr", "home", None).unwrap();
            before.get("mk", "extra", None).unwrap();
        });
        let read = |l: &str, k: &str| Read::String(l.to_owned(), k.to_owned());
        assert_eq!(reads, BTreeSet::from([read("sr", "home"), read("mk", "extra")]));

        // `extra` exists only in English, so every locale shows the English change.
        let after = strings_with(&[("en", "extra = Two\n")]);
        let changed = after.changed_since(&before).unwrap();
        assert!(changed.contains(&read("mk", "extra")) && changed.contains(&read("en", "extra")));
        assert!(!changed.contains(&read("sr", "home")));
        assert_eq!(
            strings_with(&[("en", "extra = One\n")]).changed_since(&before),
            Some(BTreeSet::new())
        );
        // A message that refers to another makes every change count.
        let referring = strings_with(&[("en", "extra = { home }\n")]);
        assert_eq!(referring.changed_since(&before), None);
    }

    #[test]
    fn a_string_in_no_language_is_an_error() {
        assert!(strings().get("sr", "no-such-string", None).is_err());
    }
}
