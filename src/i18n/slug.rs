//! URL words: text in any of the portal's languages as lowercase Latin letters and digits
//! joined by hyphens, for heading ids and tag addresses.
//!
//! Serbian Cyrillic is transliterated, so a heading keeps its id in both scripts, as are the
//! letters only Macedonian has (`ѓаволски` → `gjavolski`); Latin diacritics are dropped
//! (`načela` → `nacela`, `đ` → `dj`) so the words read well in a URL.

use super::translit;

/// `text` as lowercase Latin letters and digits joined by hyphens; `None` if it has no letter or
/// digit.
pub fn words(text: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    // The Macedonian letters Serbian does not have, as Macedonian romanizes them.
    let mut macedonian = String::with_capacity(text.len());
    for c in text.chars() {
        match c.to_lowercase().next().unwrap_or(c) {
            'ѓ' => macedonian.push_str("gj"),
            'ќ' => macedonian.push_str("kj"),
            'ѕ' => macedonian.push_str("dz"),
            'ѐ' => macedonian.push('e'),
            'ѝ' => macedonian.push('i'),
            _ => macedonian.push(c),
        }
    }
    let text = macedonian;
    let latin = translit::to_latin(&text).replace('đ', "dj").replace('Đ', "Dj");
    let mut out = String::new();
    for c in latin
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
    {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    (!out.is_empty()).then_some(out)
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
}
