//! Normalised text for matching, with a map back to byte offsets of the original.
//!
//! Scraped pages carry CRLF line ends, no-break spaces, soft hyphens and zero-width characters.
//! Extractors match on the normalised string; every span they report is translated back with
//! [`Normalized::to_original`], so `original[start..end]` is exactly the evidence.

/// The article text as extractors see it, plus the alignment to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    /// For each byte of `text`, the byte offset of the original character it came from.
    origin: Vec<u32>,
    /// For each byte of `text`, the byte length of that original character.
    origin_len: Vec<u8>,
}

/// What a character of the original becomes in the normalised text.
fn fold(c: char, next: Option<char>, prev: Option<char>) -> Option<char> {
    match c {
        '\r' => (next != Some('\n')).then_some('\n'),
        '\t' | '\u{a0}' | '\u{2002}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => Some(' '),
        '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => None,
        // A right single mark between letters is an apostrophe (O’Donnell, China’s), not a quote.
        '\u{2019}' if prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphabetic) => Some('\''),
        // Two single marks typed for a double one (“… chief executive,’’ he said): the first
        // stands for the pair, the rest of the run goes.
        '\u{2018}' | '\u{2019}' if prev == Some(c) => None,
        '\u{2018}' if next == Some('\u{2018}') => Some('“'),
        '\u{2019}' if next == Some('\u{2019}') => Some('”'),
        _ => Some(c),
    }
}

impl Normalized {
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut origin_len = Vec::with_capacity(original.len());
        let mut prev: Option<char> = None;
        let bytes = original.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Most text is ASCII that folds to itself: copy such runs whole.
            let plain = bytes[at..].iter().position(|&b| b >= 0x80 || b == b'\r' || b == b'\t').unwrap_or(bytes.len() - at);
            if plain > 0 {
                let end = at + plain;
                text.push_str(&original[at..end]);
                origin.extend(at as u32..end as u32);
                origin_len.resize(origin.len(), 1);
                prev = Some(char::from(bytes[end - 1]));
                at = end;
                continue;
            }
            let Some(c) = original[at..].chars().next() else { break };
            let next = original[at + c.len_utf8()..].chars().next();
            if let Some(folded) = fold(c, next, prev) {
                let before = text.len();
                text.push(folded);
                for _ in before..text.len() {
                    origin.push(at as u32);
                    origin_len.push(c.len_utf8() as u8);
                }
                // Removed characters are invisible to matching, so they do not count as the neighbour.
                prev = Some(c);
            }
            at += c.len_utf8();
        }
        Normalized { text, origin, origin_len }
    }

    /// Translates a byte range of the normalised text to the original text.
    pub fn to_original(&self, start: usize, end: usize) -> [usize; 2] {
        if start >= end || start >= self.origin.len() {
            let at = self.origin.get(start).map_or_else(|| self.original_end(), |&o| o as usize);
            return [at, at];
        }
        let last = end.min(self.origin.len()) - 1;
        [self.origin[start] as usize, self.origin[last] as usize + self.origin_len[last] as usize]
    }

    fn original_end(&self) -> usize {
        match (self.origin.last(), self.origin_len.last()) {
            (Some(&o), Some(&l)) => o as usize + l as usize,
            _ => 0,
        }
    }
}

/// Where to search the text `before` a name for a pattern anchored at its end (`…\s+$`): a few
/// hundred bytes before its last non-space character. Searching all of it for every name made a
/// long line quadratic. Use with `Regex::is_match_at` / `captures_at`, so that `\b` and `^`
/// still see the text before the window.
pub fn tail_start(before: &str) -> usize {
    const TAIL: usize = 256;
    before.floor_char_boundary(before.trim_end().len().saturating_sub(TAIL))
}

/// The char starting at byte `at` (a char boundary) of `text` and its length in bytes; ASCII
/// without decoding, for loops that walk a line byte by byte. (Inlined across modules: without
/// it the call per char cost 2% of parse's instructions.)
#[inline]
pub fn char_at(text: &str, at: usize) -> (char, usize) {
    match text.as_bytes()[at] {
        b @ 0..0x80 => (char::from(b), 1),
        _ => text[at..].chars().next().map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_map_back_through_removed_and_replaced_characters() {
        let original = "Soft\u{ad}ware in\u{a0}Hong Kong\r\nO\u{2019}Donnell said";
        let n = Normalized::new(original);
        assert_eq!(n.text, "Software in Hong Kong\nO'Donnell said");
        let at = n.text.find("Hong Kong").unwrap();
        let [s, e] = n.to_original(at, at + "Hong Kong".len());
        assert_eq!(&original[s..e], "Hong Kong");
        let at = n.text.find("O'Donnell").unwrap();
        let [s, e] = n.to_original(at, at + "O'Donnell".len());
        assert_eq!(&original[s..e], "O\u{2019}Donnell");
        let [s, e] = n.to_original(0, "Software".len());
        assert_eq!(&original[s..e], "Soft\u{ad}ware");
    }

    #[test]
    fn tail_start_keeps_the_end_and_character_boundaries() {
        assert_eq!(tail_start("said  "), 0);
        let long = "é".repeat(300) + " said the ";
        let at = tail_start(&long);
        assert!(long.is_char_boundary(at) && at > 0 && long.len() - at <= 256 + 2);
        assert!(long[at..].ends_with(" said the "));
    }

    #[test]
    fn lone_carriage_returns_become_newlines() {
        assert_eq!(Normalized::new("a\rb\r\nc").text, "a\nb\nc");
    }

    #[test]
    fn two_single_marks_are_one_double_mark() {
        let original = "‘‘I will not,’’ he said. Rock ’n’ roll. ’’’";
        let n = Normalized::new(original);
        assert_eq!(n.text, "“I will not,” he said. Rock ’n’ roll. ”");
        let at = n.text.find("I will not,").unwrap();
        let [s, e] = n.to_original(at, at + "I will not,".len());
        assert_eq!(&original[s..e], "I will not,");
    }

    #[test]
    fn closing_single_quote_after_a_word_is_kept() {
        assert_eq!(Normalized::new("‘Can-Do’ Relations").text, "‘Can-Do’ Relations");
    }
}
