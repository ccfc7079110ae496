//! URL words: text in any of the portal's languages as lowercase Latin letters and digits
//! joined by hyphens, for heading ids and tag addresses.
//!
//! Serbian Cyrillic is transliterated, so a heading keeps its id in both scripts, as are the
//! letters only Macedonian has (`ѓаволски` → `gjavolski`); Latin diacritics are dropped
//! (`načela` → `nacela`, `đ` → `dj`) so the words read well in a URL.

use std::borrow::Cow;

use super::translit;

/// `text` as lowercase Latin letters and digits joined by hyphens; `None` if it has no letter or
/// digit.
pub fn words(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    if text.is_ascii() {
        // Nothing to transliterate, decompose or drop.
        join_words(text.chars().map(|c| c.to_ascii_lowercase()), &mut out);
    } else {
        let text = macedonian_letters(text);
        let latin = translit::to_latin_cow(&text);
        let latin = if latin.contains(['đ', 'Đ']) {
            Cow::Owned(latin.replace('đ', "dj").replace('Đ', "Dj"))
        } else {
            latin
        };
        // Each character decomposed on its own, without its marks: what decomposing the whole
        // text (NFD) then leaves, as NFD's reordering moves only marks; ASCII needs neither.
        let mut letters = String::with_capacity(latin.len());
        for c in latin.chars() {
            if c.is_ascii() {
                letters.push(c.to_ascii_lowercase());
            } else {
                unicode_normalization::char::decompose_canonical(c, |d| {
                    if !unicode_normalization::char::is_combining_mark(d) {
                        letters.extend(d.to_lowercase());
                    }
                });
            }
        }
        join_words(letters.chars(), &mut out);
    }
    (!out.is_empty()).then_some(out)
}

/// The Macedonian letters Serbian does not have, as Macedonian romanizes them.
fn macedonian_letters(text: &str) -> Cow<'_, str> {
    const ONLY_MACEDONIAN: [char; 10] = ['ѓ', 'Ѓ', 'ќ', 'Ќ', 'ѕ', 'Ѕ', 'ѐ', 'Ѐ', 'ѝ', 'Ѝ'];
    if !text.contains(ONLY_MACEDONIAN) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c.to_lowercase().next().unwrap_or(c) {
            'ѓ' => out.push_str("gj"),
            'ќ' => out.push_str("kj"),
            'ѕ' => out.push_str("dz"),
            'ѐ' => out.push('e'),
            'ѝ' => out.push('i'),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Appends the letters and digits of `chars` (lowercase Latin by now) to `out`, one hyphen for
/// each run of anything else between them.
fn join_words(chars: impl Iterator<Item = char>, out: &mut String) {
    for c in chars {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_becomes_plain_latin_words() {
        assert_eq!(words("Ѓаволски ќе Ѕвезда").as_deref(), Some("gjavolski-kje-dzvezda"));
        assert_eq!(words("Заштита на деца").as_deref(), Some("zastita-na-deca"));
        assert_eq!(words("Ђачка načela").as_deref(), Some("djacka-nacela"));
        assert_eq!(words("— ·"), None);
    }

    /// The definition `words` is a faster form of: every step on the whole text, then the
    /// words split at everything that is not a letter or a digit.
    fn plain_words(text: &str) -> Option<String> {
        use unicode_normalization::UnicodeNormalization;
        let macedonian: String = text
            .chars()
            .map(|c| match c.to_lowercase().next().unwrap_or(c) {
                'ѓ' => "gj".to_owned(),
                'ќ' => "kj".to_owned(),
                'ѕ' => "dz".to_owned(),
                'ѐ' => "e".to_owned(),
                'ѝ' => "i".to_owned(),
                _ => c.to_string(),
            })
            .collect();
        let latin = translit::to_latin(&macedonian).replace('đ', "dj").replace('Đ', "Dj");
        let lower: String = latin
            .nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .collect();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        (!words.is_empty()).then(|| words.join("-"))
    }

    proptest::proptest! {
        #[test]
        fn words_are_those_of_the_plain_definition(
            text in "[ -~čćđžšČĆĐŽŠ\u{300}-\u{36f}\u{400}-\u{45f}–“ ]{0,24}|[a-zÀ-ɏ\u{300}-\u{3ff}\u{590}-\u{5ff}\u{1e00}-\u{1fff}\u{ac00}-\u{ac10} ]{0,24}"
        ) {
            proptest::prop_assert_eq!(words(&text), plain_words(&text));
        }
    }
}
