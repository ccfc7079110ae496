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

/// Writes NFC `text` in Latin, in one pass over its bytes. Cyrillic letters are the two-byte
/// characters led by `0xD0` or `0xD1`, bytes that never continue a character; other bytes are
/// copied. Tokens run between whitespace (`char::is_whitespace`; a character beyond ASCII is
/// decoded only where its lead byte starts a block with whitespace: U+0085, U+00A0, U+1680,
/// U+2000–U+205F, U+3000). A token that may be an address (it holds `:` or `@`, or starts
/// with `www.`) is written again as it is if it is one.
fn transliterate(text: &str) -> String {
    let bytes = text.as_bytes();
    let letters = &*LETTERS;
    let mut out = Vec::with_capacity(text.len() + text.len() / 8);
    // Where the current token starts, in `text` and in `out`, and whether it may be an address.
    let (mut token, mut token_out, mut maybe_address) = (0, 0, false);
    let mut i = 0;
    loop {
        let lead = bytes.get(i).copied();
        let (white, len) = match lead {
            None => (true, 0),
            Some(b @ (0xD0 | 0xD1)) => {
                let c = (u32::from(b & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
                let latin = match c {
                    0x409 | 0x40A | 0x40F => Some(digraph(&text[token..], i - token, c)),
                    _ => letters[c as usize - 0x400],
                };
                // Byte by byte: a call to copy one to three bytes costs more than they do.
                for &byte in latin.map_or(&bytes[i..i + 2], str::as_bytes) {
                    out.push(byte);
                }
                i += 2;
                continue;
            }
            Some(b @ 0..0x80) => {
                maybe_address |= b == b':' || b == b'@';
                (b.is_ascii_whitespace() || b == 0x0B, 1)
            }
            Some(0xC2 | 0xE1 | 0xE2 | 0xE3) => {
                let c = text[i..].chars().next().expect("a character starts here");
                (c.is_whitespace(), c.len_utf8())
            }
            Some(0xF0..) => (false, 4),
            Some(0xE0..) => (false, 3),
            Some(_) => (false, 2),
        };
        if white {
            let word = &text[token..i];
            if (maybe_address || word.starts_with("www.")) && is_address(word) {
                out.truncate(token_out);
                out.extend_from_slice(word.as_bytes());
            }
            if lead.is_none() {
                break;
            }
            (token, token_out, maybe_address) = (i + len, out.len() + len, false);
        }
        for &byte in &bytes[i..i + len] {
            out.push(byte);
        }
        i += len;
    }
    String::from_utf8(out).expect("whole characters and spellings were written")
}

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

/// The Latin spelling of each character from U+0400 to U+047F ([`latin_of`]), by its offset
/// from U+0400.
static LETTERS: std::sync::LazyLock<Vec<Option<&'static str>>> =
    std::sync::LazyLock::new(|| ('\u{400}'..='\u{47F}').map(latin_of).collect());

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

/// `Љ`, `Њ` or `Џ` (`c`) at byte `at` of `token`: `LJ`, `NJ`, `DŽ` in a word in capitals (the
/// next character is a capital letter, or it is no letter and the character before is a
/// capital), else `Lj`, `Nj`, `Dž`.
fn digraph(token: &str, at: usize, c: u32) -> &'static str {
    let upper = |c: char| c.is_alphabetic() && c.is_uppercase();
    let capitals = match token[at + 2..].chars().next() {
        Some(next) if next.is_alphabetic() => next.is_uppercase(),
        _ => token[..at].chars().next_back().is_some_and(upper),
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
            text in "([a-zA-Z:/.@ \u{a0}\u{2009}\u{b}čđ\u{300}-\u{4ff}“–\u{10000}-\u{10002}ЉЊЏљњџ]|ЉУ|Џа|a@b.c|http://ш|www.ш|е\u{300}|\u{85}|\u{c}){0,16}"
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
