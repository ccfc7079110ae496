//! Serbian Cyrillic → Latin transliteration.
//!
//! Serbian is authored in Cyrillic and published in both scripts. The mapping is one-way and
//! deterministic (Latin → Cyrillic is not: *injekcija* is инјекција, not ињекција). Text that is
//! already Latin, URLs and e-mail addresses are left as they are; the output is NFC and never uses
//! the single-character digraphs U+01C4–U+01CC.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc, is_nfc_quick};

/// Transliterates Serbian Cyrillic in `text` to Serbian Latin.
///
/// `Љ`, `Њ` and `Џ` become `Lj`, `Nj`, `Dž` in ordinary words and `LJ`, `NJ`, `DŽ` in words written
/// in capitals. Whitespace-separated tokens that look like URLs or e-mail addresses are kept.
pub fn to_latin(text: &str) -> String {
    to_latin_cow(text).into_owned()
}

/// Like [`to_latin`], borrowing `text` when it contains no Cyrillic.
pub fn to_latin_cow(text: &str) -> Cow<'_, str> {
    let (cyrillic, stable) = survey(text);
    if !cyrillic {
        return Cow::Borrowed(text);
    }
    let normalized: Cow<str> = if stable || is_nfc(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    };
    Cow::Owned(transliterate(&normalized))
}

/// Writes NFC `text` in Latin. Addresses are found first ([`addresses`]) and kept as they are;
/// the text around them is spelled letter by letter ([`spell`]).
fn transliterate(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len() + text.len() / 8);
    let mut from = 0;
    for address in addresses(text) {
        spell(text, from..address.start, &mut out);
        out.extend_from_slice(&text.as_bytes()[address.clone()]);
        from = address.end;
    }
    spell(text, from..text.len(), &mut out);
    String::from_utf8(out).expect("whole characters and spellings were written")
}

/// The tokens of `text` (runs between whitespace, `char::is_whitespace`) that are URLs or
/// e-mail addresses ([`is_address`]), in order: only a token that holds `:` or `@` or starts
/// with `www.` may be one, and those are found with memchr rather than by reading every token.
fn addresses(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut marks: Vec<usize> = memchr::memchr2_iter(b':', b'@', bytes).collect();
    marks.extend(WWW.find_iter(bytes));
    if marks.is_empty() {
        return Vec::new();
    }
    marks.sort_unstable();
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    let mut after = 0;
    for mark in marks {
        if mark < after {
            continue;
        }
        let start = text[..mark]
            .rfind(char::is_whitespace)
            .map_or(0, |w| w + text[w..].chars().next().map_or(0, char::len_utf8));
        let end = text[mark..].find(char::is_whitespace).map_or(text.len(), |e| mark + e);
        if is_address(&text[start..end]) {
            found.push(start..end);
        }
        after = end;
    }
    found
}

/// The top bit of each of a word's 8 bytes: none is set in 8 bytes of ASCII.
const TOPS: u64 = u64::from_le_bytes([0x80; 8]);

/// The search for `www.`, made once rather than on every text.
static WWW: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("www."));

/// Appends `text[range]` in Latin: each Serbian Cyrillic letter (a two-byte character led by
/// `0xD0` or `0xD1`, bytes that never continue a character) in its spelling from [`LETTERS`],
/// `Љ`, `Њ` and `Џ` by the case of their word ([`digraph`]), every other byte as it is, 8 bytes
/// of ASCII at a time. `range` starts and ends at whole tokens.
fn spell(text: &str, range: std::ops::Range<usize>, out: &mut Vec<u8>) {
    let letters = &**LETTERS;
    let bytes = &text.as_bytes()[..range.end];
    // Owned here, so that its length stays in a register.
    let mut spelled = std::mem::take(out);
    let mut i = range.start;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            match bytes.get(i..i + 8) {
                Some(ascii) if u64::from_le_bytes(ascii.try_into().expect("8 bytes")) & TOPS == 0 => {
                    spelled.extend_from_slice(ascii);
                    i += 8;
                }
                _ => {
                    spelled.push(b);
                    i += 1;
                }
            }
            continue;
        }
        if !matches!(b, 0xD0 | 0xD1) {
            spelled.push(b);
            i += 1;
            continue;
        }
        let c = (usize::from(b & 0x1F) << 6) | usize::from(bytes[i + 1] & 0x3F);
        let latin = letters[c - 0x400];
        if latin == DIGRAPH {
            spelled.extend_from_slice(digraph(text, i, c).as_bytes());
        } else {
            // All 4 bytes (a copy of known size, without a call), then cut to the spelling's.
            let at = spelled.len();
            spelled.extend_from_slice(&latin.to_le_bytes());
            spelled.truncate(at + (latin >> 24) as usize);
        }
        i += 2;
    }
    *out = spelled;
}

/// A letter of [`LETTERS`] spelled by the case of its word ([`digraph`]).
const DIGRAPH: u32 = 0;

/// How each character from U+0400 to U+047F is written in Latin, by its offset from U+0400:
/// the bytes of its spelling ([`latin_of`]; its own two bytes if it has none) in the low three
/// bytes (little-endian) and their number in the high one, or [`DIGRAPH`].
static LETTERS: std::sync::LazyLock<Box<[u32; 0x80]>> = std::sync::LazyLock::new(|| {
    let mut letters = Box::new([DIGRAPH; 0x80]);
    for (c, latin) in ('\u{400}'..='\u{47F}').zip(letters.iter_mut()) {
        if matches!(c, 'Љ' | 'Њ' | 'Џ') {
            continue;
        }
        let mut own = [0; 4];
        let spelling = latin_of(c).unwrap_or_else(|| c.encode_utf8(&mut own));
        let mut bytes = [0; 4];
        bytes[..spelling.len()].copy_from_slice(spelling.as_bytes());
        bytes[3] = u8::try_from(spelling.len()).expect("a letter is spelled in at most 3 bytes");
        *latin = u32::from_le_bytes(bytes);
    }
    letters
});

/// Whether `text` has Cyrillic, and whether every character is one that NFC keeps as it is
/// ([`is_stable`], which spares the full check), read from the bytes: the lead byte of a
/// character tells its block.
fn survey(text: &str) -> (bool, bool) {
    let bytes = text.as_bytes();
    let (mut cyrillic, mut stable) = (false, true);
    let mut i = 0;
    while i < bytes.len() {
        let lead = bytes[i];
        i += match lead {
            0..0x80 => 1,
            // U+0080–U+02FF.
            0xC2..=0xCB => 2,
            // U+0400–U+047F and U+04C0–U+04FF; U+0480–U+04BF but the combining U+0483–U+0489.
            0xD0 | 0xD1 | 0xD3 => {
                cyrillic = true;
                2
            }
            0xD2 => {
                cyrillic = true;
                stable &= !(0x83..=0x89).contains(&bytes[i + 1]);
                2
            }
            // U+2000–U+207F: stable from U+2002 (spaces, dashes, quotes) to U+206F.
            0xE2 if matches!(bytes[i + 1], 0x80 | 0x81) => {
                let (second, third) = (bytes[i + 1], bytes[i + 2]);
                stable &= if second == 0x80 { third >= 0x82 } else { third < 0xB0 };
                3
            }
            _ => {
                stable = false;
                match lead {
                    0xF0.. => 4,
                    0xE0.. => 3,
                    _ => 2,
                }
            }
        };
    }
    (cyrillic, stable)
}

/// Whether `c` is a starter that NFC never changes or combines with the next: text made only of
/// such characters is in NFC.
pub fn nfc_keeps(c: char) -> bool {
    unicode_normalization::char::canonical_combining_class(c) == 0
        && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// [`nfc_keeps`] for the characters of Serbian text, by ranges (tested against it): every
/// character below the combining diacritics (U+0300), the letters of the Cyrillic block, and
/// the spaces, dashes and quotes of General Punctuation (`„…“`, `–`) but two old spaces.
/// [`survey`] reads the same ranges from the bytes.
#[cfg(test)]
fn is_stable(c: char) -> bool {
    matches!(
        c,
        '\0'..='\u{2FF}' | '\u{400}'..='\u{482}' | '\u{48A}'..='\u{4FF}' | '\u{2002}'..='\u{206F}'
    )
}

/// Whether `c` is a letter of the Cyrillic block.
pub fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

fn is_address(token: &str) -> bool {
    // Most tokens are words: one look for `:` or `@` settles them.
    token.starts_with("www.")
        || (memchr::memchr2(b':', b'@', token.as_bytes()).is_some()
            && (token.contains("://") || (token.contains('@') && token.contains('.'))))
}

/// `Љ`, `Њ` or `Џ` (`c`) at byte `at` of `text`: `LJ`, `NJ`, `DŽ` in a word in capitals (the
/// next character is a capital letter, or it is no letter and the character before is a
/// capital), else `Lj`, `Nj`, `Dž`. A character beyond the word is whitespace, no letter and no
/// capital, so the word's bounds need not be known.
fn digraph(text: &str, at: usize, c: usize) -> &'static str {
    let upper = |c: char| c.is_alphabetic() && c.is_uppercase();
    let capitals = match text[at + 2..].chars().next() {
        Some(next) if next.is_alphabetic() => next.is_uppercase(),
        _ => text[..at].chars().next_back().is_some_and(upper),
    };
    match (c, capitals) {
        (0x409, false) => "Lj",
        (0x409, true) => "LJ",
        (0x40A, false) => "Nj",
        (0x40A, true) => "NJ",
        (_, false) => "Dž",
        (_, true) => "DŽ",
    }
}

/// The Latin spelling of one Serbian Cyrillic letter, or `None` for any other character.
pub fn latin_of(c: char) -> Option<&'static str> {
    Some(match c {
        'А' => "A",
        'Б' => "B",
        'В' => "V",
        'Г' => "G",
        'Д' => "D",
        'Ђ' => "Đ",
        'Е' => "E",
        'Ж' => "Ž",
        'З' => "Z",
        'И' => "I",
        'Ј' => "J",
        'К' => "K",
        'Л' => "L",
        'М' => "M",
        'Н' => "N",
        'О' => "O",
        'П' => "P",
        'Р' => "R",
        'С' => "S",
        'Т' => "T",
        'Ћ' => "Ć",
        'У' => "U",
        'Ф' => "F",
        'Х' => "H",
        'Ц' => "C",
        'Ч' => "Č",
        'Ш' => "Š",
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'ђ' => "đ",
        'е' => "e",
        'ж' => "ž",
        'з' => "z",
        'и' => "i",
        'ј' => "j",
        'к' => "k",
        'л' => "l",
        'љ' => "lj",
        'м' => "m",
        'н' => "n",
        'њ' => "nj",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ћ' => "ć",
        'у' => "u",
        'ф' => "f",
        'х' => "h",
        'ц' => "c",
        'ч' => "č",
        'џ' => "dž",
        'ш' => "š",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_taken_as_stable_are_starters_that_nfc_keeps() {
        for c in ('\0'..=char::MAX).filter(|&c| is_stable(c)) {
            assert!(nfc_keeps(c), "{c:?}");
        }
        // The check that this spares still runs for other text: Е and a combining grave are
        // composed into Ѐ (which has no Latin spelling) before Е could become E.
        assert_eq!(to_latin("\u{415}\u{300}"), "\u{400}");
    }

    #[test]
    fn the_survey_of_bytes_reads_each_character_as_its_block() {
        for c in '\0'..=char::MAX {
            assert_eq!(
                survey(c.encode_utf8(&mut [0; 4])),
                (is_cyrillic(c), is_stable(c)),
                "{c:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn the_survey_of_a_text_is_that_of_its_characters(text in "[a-zčđ\u{300}-\u{4ff}“–\u{10000}-\u{10010} ]{0,16}") {
            let by_char = text.chars().fold((false, true), |(cyrillic, stable), c| {
                (cyrillic || is_cyrillic(c), stable && is_stable(c))
            });
            proptest::prop_assert_eq!(survey(&text), by_char);
        }
    }

    /// The definition, one character at a time: whitespace-separated tokens, addresses kept,
    /// each letter spelled by [`latin_of`], `Љ`, `Њ`, `Џ` in capitals inside words in capitals.
    /// Text without Cyrillic is kept as it is, not normalized.
    fn plain_latin(text: &str) -> String {
        if !text.chars().any(is_cyrillic) {
            return text.to_owned();
        }
        let text: String = text.nfc().collect();
        let mut out = String::new();
        let mut token: Vec<char> = Vec::new();
        let flush = |token: &mut Vec<char>, out: &mut String| {
            let word: String = token.iter().collect();
            if is_address(&word) {
                out.push_str(&word);
            } else {
                for (k, &c) in token.iter().enumerate() {
                    let upper = |c: &char| c.is_alphabetic() && c.is_uppercase();
                    let capitals = match token.get(k + 1) {
                        Some(n) if n.is_alphabetic() => n.is_uppercase(),
                        _ => k > 0 && upper(&token[k - 1]),
                    };
                    match (c, capitals) {
                        ('Љ', false) => out.push_str("Lj"),
                        ('Љ', true) => out.push_str("LJ"),
                        ('Њ', false) => out.push_str("Nj"),
                        ('Њ', true) => out.push_str("NJ"),
                        ('Џ', false) => out.push_str("Dž"),
                        ('Џ', true) => out.push_str("DŽ"),
                        _ => out.push_str(&latin_of(c).map_or(c.to_string(), str::to_owned)),
                    }
                }
            }
            token.clear();
        };
        for c in text.chars() {
            if c.is_whitespace() {
                flush(&mut token, &mut out);
                out.push(c);
            } else {
                token.push(c);
            }
        }
        flush(&mut token, &mut out);
        out
    }

    proptest::proptest! {
        #[test]
        fn transliteration_is_the_plain_definition(
            text in "([a-zA-Z:/.@ \u{a0}\u{2009}\u{b}čđ\u{300}-\u{4ff}“–\u{10000}-\u{10002}ЉЊЏљњџ]|ЉУ|Џа|a@b.c|http://ш|www.ш|е\u{300}|\u{85}|\u{c}){0,40}"
        ) {
            proptest::prop_assert_eq!(to_latin(&text), plain_latin(&text));
        }
    }

    #[test]
    fn the_whole_alphabet() {
        assert_eq!(
            to_latin("абвгдђежзијклљмнњопрстћуфхцчџш"),
            "abvgdđežzijklljmnnjoprstćufhcčdžš"
        );
        assert_eq!(to_latin("АБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШ"), "ABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠ");
    }

    #[test]
    fn digraphs_follow_the_case_of_the_word() {
        assert_eq!(to_latin("Љубав Њива Џеп"), "Ljubav Njiva Džep");
        assert_eq!(to_latin("ЉУБАВ ЊИВА ЏЕП"), "LJUBAV NJIVA DŽEP");
        assert_eq!(to_latin("ПОЉЕ ЂАЧКИ"), "POLJE ĐAČKI");
        assert_eq!(to_latin("Љ"), "Lj");
        assert_eq!(to_latin("КЊ"), "KNJ");
    }

    #[test]
    fn latin_urls_and_addresses_are_kept() {
        assert_eq!(
            to_latin("Види https://пример.срб/а и info@пример.срб."),
            "Vidi https://пример.срб/а i info@пример.срб."
        );
        assert_eq!(to_latin("Putokaz и OSCE"), "Putokaz i OSCE");
        // Every whitespace character ends an address, the vertical tab and the no-break and em
        // spaces too.
        for space in ["\u{b}", "\u{a0}", "\u{2003}", "\u{85}"] {
            assert_eq!(
                to_latin(&format!("a@b.c{space}ш www.ш{space}Љ{space}ЏЕП")),
                format!("a@b.c{space}š www.ш{space}Lj{space}DŽEP")
            );
        }
        assert!(matches!(to_latin_cow("plain Latin"), Cow::Borrowed(_)));
    }

    #[test]
    fn output_is_nfc_without_digraph_code_points() {
        // "й" decomposed is not Serbian; it is normalised and left as Cyrillic.
        let out = to_latin("џак и\u{0306}");
        assert!(is_nfc(&out));
        assert!(!out.chars().any(|c| ('\u{01C4}'..='\u{01CC}').contains(&c)));
        assert_eq!(out, "džak й");
    }
}
