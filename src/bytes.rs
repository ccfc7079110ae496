//! Byte searches for the short distances generated HTML has between its markup, and the tests
//! of 8 bytes read as one word they are made of ([`below`], [`equal_to`], [`each_equal_to`]).
//!
//! The minifier and the leak scan look for the next `<` after each tag and for the quote that
//! ends each attribute value: millions of searches per build, four in five of them ending
//! within 8 bytes (tags often follow one another). memchr's vector search costs ~40
//! instructions to set up, more than reading those few bytes; [`find`] reads the first 8 bytes
//! as one word and leaves longer distances to memchr. The search index's text, cut from the
//! same HTML at each tag and escape, is searched so too ([`find3`]), and the leak scan reads
//! values without quotes, the longest parts of tags, 8 bytes at a time ([`find_space_or`]).

/// A byte of value 1 in each of a word's 8 bytes: times a byte, that byte in all 8.
const ONES: u64 = u64::from_ne_bytes([1; 8]);
/// The top bit of each of a word's 8 bytes.
const TOPS: u64 = u64::from_ne_bytes([0x80; 8]);

/// The top bit of the bytes of `word` (8 bytes, little-endian) below `n` (at most 0x80):
/// subtracting `n` from each byte sets the top bit of a smaller one, and, through the borrow,
/// perhaps of bytes after it, never before it. So the result is 0 exactly when no byte is
/// below `n`, and its lowest bit marks the first that is. Bytes with the top bit set (in UTF-8,
/// the bytes of letters beyond ASCII) never count.
#[inline]
pub fn below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(n)) & !word & TOPS
}

/// The top bit of the bytes of `word` equal to `byte`, as [`below`] marks them: 0 exactly when
/// there is none, the lowest bit set marking the first.
#[inline]
pub fn equal_to(word: u64, byte: u8) -> u64 {
    below(word ^ (ONES * u64::from(byte)), 1)
}

/// The top bit of each byte of `word` equal to `byte`, and of no other: unlike [`equal_to`],
/// bytes after the first are marked right too (adding 0x7F to the low 7 bits of a byte sets its
/// top bit unless they are all 0, without carrying into the next byte).
#[inline]
pub fn each_equal_to(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    !(((x & !TOPS) + !TOPS) | x) & TOPS
}

/// The index of the first `needle` in `haystack`, as `memchr::memchr` gives it.
#[inline]
pub fn find(needle: u8, haystack: &[u8]) -> Option<usize> {
    let Some(word) = haystack.first_chunk::<8>() else {
        return haystack.iter().position(|&b| b == needle);
    };
    let found = equal_to(u64::from_le_bytes(*word), needle);
    if found != 0 {
        return Some((found.trailing_zeros() / 8) as usize);
    }
    memchr::memchr(needle, &haystack[8..]).map(|i| i + 8)
}

/// The index of the first of `a`, `b` or `c` in `haystack`, as `memchr::memchr3` gives it,
/// the first 8 bytes read as one word as [`find`] reads them.
#[inline]
pub fn find3(a: u8, b: u8, c: u8, haystack: &[u8]) -> Option<usize> {
    let Some(word) = haystack.first_chunk::<8>() else {
        return haystack.iter().position(|&x| x == a || x == b || x == c);
    };
    let word = u64::from_le_bytes(*word);
    let found = equal_to(word, a) | equal_to(word, b) | equal_to(word, c);
    if found != 0 {
        return Some((found.trailing_zeros() / 8) as usize);
    }
    memchr::memchr3(a, b, c, &haystack[8..]).map(|i| i + 8)
}

/// The index of the first byte of `haystack` that is ASCII whitespace, `a` or `b`, or its
/// length: where a tag's name, an attribute's name or a value without quotes ends. Read 8 bytes
/// at a time; [`below`] marks every byte under `!` (the control characters too), so a mark
/// that is not whitespace sends the rest byte by byte.
#[inline]
pub fn find_space_or(a: u8, b: u8, haystack: &[u8]) -> usize {
    let ends = |c: u8| c.is_ascii_whitespace() || c == a || c == b;
    let mut at = 0;
    while let Some(word) = haystack[at..].first_chunk::<8>() {
        let word = u64::from_le_bytes(*word);
        let marks = below(word, b'!') | equal_to(word, a) | equal_to(word, b);
        if marks != 0 {
            at += (marks.trailing_zeros() / 8) as usize;
            if ends(haystack[at]) {
                return at;
            }
            break;
        }
        at += 8;
    }
    haystack[at..]
        .iter()
        .position(|&c| ends(c))
        .map_or(haystack.len(), |i| at + i)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// Wherever the needle is (in the first 8 bytes, after them, in a haystack shorter
        /// than 8 bytes, or nowhere), `find` says what memchr says; among bytes that differ
        /// from it in the lowest bit (`=`, which the word's subtraction borrows through) or the
        /// top one (0xBC) too.
        #[test]
        fn finds_what_memchr_finds(haystack in proptest::collection::vec(prop_oneof![Just(b'<'), Just(b'='), Just(0xBCu8), Just(b'a'), Just(0xD0u8)], 0..48), sparse in 0usize..4) {
            // Make the needle rarer in some cases, so that it is often beyond the first 8 bytes.
            let haystack: Vec<u8> = haystack
                .iter()
                .enumerate()
                .map(|(i, &b)| if b == b'<' && i % 4 < sparse { b'a' } else { b })
                .collect();
            prop_assert_eq!(super::find(b'<', &haystack), memchr::memchr(b'<', &haystack));
        }
    }

    proptest! {
        /// `each_equal_to` marks exactly the bytes equal to the one asked for.
        #[test]
        fn marks_each_equal_byte(word in proptest::array::uniform8(prop_oneof![Just(b' '), Just(b'!'), Just(0xA0u8), Just(0x00u8), Just(0x7Fu8), any::<u8>()])) {
            let marks = super::each_equal_to(u64::from_le_bytes(word), b' ');
            for (i, b) in word.iter().enumerate() {
                prop_assert_eq!(marks >> (8 * i + 7) & 1 == 1, *b == b' ');
            }
            prop_assert_eq!(marks & !super::TOPS, 0);
        }
    }

    proptest! {
        /// `find_space_or` finds the first ASCII whitespace, `=` or `>`, as reading byte by
        /// byte does; among the control characters [`below`] marks too, a vertical tab (not
        /// HTML's whitespace), bytes beyond ASCII and the bytes around `=` and `>`.
        #[test]
        fn finds_the_first_space_or_either_byte(haystack in proptest::collection::vec(prop_oneof![Just(b' '), Just(b'\n'), Just(b'\t'), Just(0x0Bu8), Just(0x01u8), Just(b'='), Just(b'>'), Just(b'<'), Just(b'?'), Just(0xBEu8), Just(b'a'), Just(b'a'), Just(b'a'), Just(b'a')], 0..40), sparse in 0usize..4) {
            // Make the ends rarer in some cases, so that they are often beyond the first words.
            let haystack: Vec<u8> = haystack
                .iter()
                .enumerate()
                .map(|(i, &b)| if i % 4 < sparse { b'a' } else { b })
                .collect();
            let plain = haystack
                .iter()
                .position(|&c| c.is_ascii_whitespace() || c == b'=' || c == b'>')
                .unwrap_or(haystack.len());
            prop_assert_eq!(super::find_space_or(b'=', b'>', &haystack), plain);
        }
    }

    proptest! {
        /// `find3` says what memchr3 says, wherever the three needles are.
        #[test]
        fn finds_what_memchr3_finds(haystack in proptest::collection::vec(prop_oneof![Just(b'<'), Just(b'>'), Just(b'&'), Just(b'='), Just(b'\''), Just(0xBCu8), Just(b'a'), Just(b'a'), Just(b'a')], 0..48)) {
            prop_assert_eq!(super::find3(b'<', b'>', b'&', &haystack), memchr::memchr3(b'<', b'>', b'&', &haystack));
        }
    }

    #[test]
    fn finds_at_each_side_of_the_first_eight_bytes() {
        for at in 0..40 {
            let mut haystack = vec![b'x'; 40];
            haystack[at] = b'"';
            assert_eq!(super::find(b'"', &haystack), Some(at));
            assert_eq!(super::find(b'"', &haystack[..at]), None);
        }
        assert_eq!(super::find(b'"', b""), None);
    }
}
