//! `corpus diff-quotes`: how different outlets (or two corpora) quote the same people.
//!
//! Quotes are grouped by linked speaker; within a speaker, quotes that are the same utterance are
//! aligned by word-level similarity that ignores case, punctuation, quotation-mark style and
//! spacing, and that treats a fragment contained in a longer quote as the same utterance. Each
//! group is `identical` when every side carries one wording word for word (a side may also carry
//! a longer or shorter form of it), a `variant` (with word diffs against the reference wording,
//! the one most sides carry), or `only_in` one side.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, Write};

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::corpus::link::DisjointSets;
use crate::corpus::{Corpus, Quote};
use crate::output::{self, Format};
use crate::record::Span;

/// A word of a quote: as written (with the punctuation after it) and as compared.
#[derive(Debug, Clone)]
struct Word {
    shown: String,
    norm: String,
}

fn words(text: &str) -> Vec<Word> {
    let starts: Vec<(usize, &str)> = text.unicode_word_indices().collect();
    starts
        .iter()
        .enumerate()
        .map(|(i, &(start, word))| {
            let end = starts.get(i + 1).map_or(text.len(), |n| n.0);
            Word { shown: text[start..end].trim_end().to_string(), norm: word.to_lowercase().replace('\u{2019}', "'") }
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    pub op: Op,
    pub text: String,
}

/// The longest common subsequence of two word lists, as index pairs.
fn lcs(a: &[Word], b: &[Word]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut table = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] =
                if a[i].norm == b[j].norm { table[at(i + 1, j + 1)] + 1 } else { table[at(i + 1, j)].max(table[at(i, j + 1)]) };
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i].norm == b[j].norm {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

fn same_words(a: &[Word], b: &[Word]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.norm == y.norm)
}

/// Word operations turning `a` into `b`, runs of one kind merged; `common` is their [`lcs`].
fn word_diff(a: &[Word], b: &[Word], common: &[(usize, usize)]) -> Vec<DiffOp> {
    let mut ops: Vec<DiffOp> = Vec::new();
    let mut push = |op: Op, w: &Word| match ops.last_mut() {
        Some(last) if last.op == op => {
            last.text.push(' ');
            last.text.push_str(&w.shown);
        }
        _ => ops.push(DiffOp { op, text: w.shown.clone() }),
    };
    let (mut i, mut j) = (0, 0);
    for &(pi, pj) in common.iter().chain(&[(a.len(), b.len())]) {
        a[i..pi].iter().for_each(|w| push(Op::Delete, w));
        b[j..pj].iter().for_each(|w| push(Op::Insert, w));
        if pi < a.len() {
            push(Op::Equal, &b[pj]);
        }
        (i, j) = (pi + 1, pj + 1);
    }
    ops
}

/// How alike two quotes are: the share of words in common (Dice over `common`, the length of
/// their [`lcs`]), and whether the shorter one lies whole inside the longer.
fn similarity(a: &[Word], b: &[Word], common: usize) -> (f64, bool) {
    if a.is_empty() || b.is_empty() {
        return (0.0, false);
    }
    let dice = 2.0 * common as f64 / (a.len() + b.len()) as f64;
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let contained = short.len() >= 2 && long.windows(short.len()).any(|w| w.iter().zip(short).all(|(x, y)| x.norm == y.norm));
    (dice, contained)
}

/// Renders word operations as `[-old-]{+new+}` text, or with colours.
pub fn marked(ops: &[DiffOp], color: bool) -> String {
    let parts: Vec<String> = ops
        .iter()
        .map(|o| match (o.op, color) {
            (Op::Equal, _) => o.text.clone(),
            (Op::Delete, false) => format!("[-{}-]", o.text),
            (Op::Insert, false) => format!("{{+{}+}}", o.text),
            (Op::Delete, true) => format!("\x1b[31;9m{}\x1b[0m", o.text),
            (Op::Insert, true) => format!("\x1b[32;1m{}\x1b[0m", o.text),
        })
        .collect();
    parts.join(" ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    Identical,
    Variant,
    OnlyIn,
}

impl GroupKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GroupKind::Identical => "identical",
            GroupKind::Variant => "variant",
            GroupKind::OnlyIn => "only_in",
        }
    }
}

/// One side's wording of an utterance.
#[derive(Debug, Clone, Serialize)]
pub struct Carried {
    /// The outlet, or the side's name when two corpora are compared.
    pub side: String,
    pub text: String,
    pub path: String,
    pub span: Span,
    pub date: Option<String>,
    /// Similarity to the group's first wording (1 for the first itself).
    pub similarity: f64,
    /// Lies whole inside the first wording, or holds it whole.
    pub partial: bool,
    /// Word operations from the first wording to this one (empty for the first).
    pub diff: Vec<DiffOp>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteGroup {
    pub speaker: String,
    pub speaker_type: Option<String>,
    pub kind: GroupKind,
    /// The sides that carry it, sorted.
    pub sides: Vec<String>,
    /// The lowest similarity of any wording to the first.
    pub similarity: f64,
    pub quotes: Vec<Carried>,
}

pub struct DiffOptions {
    /// Sides to compare, in order; empty for every side there is.
    pub sides: Vec<String>,
    pub speaker: Option<usize>,
    /// Quotes at least this alike are one utterance.
    pub threshold: f64,
}

/// One quote as the diff sees it.
struct Item<'a> {
    side: String,
    quote: &'a Quote,
    words: Vec<Word>,
}

/// Groups every linked speaker's quotes into utterances and classifies them. `side_of` names
/// the side of an article (its outlet, or which corpus it came from).
pub fn diff_quotes(corpus: &Corpus, side_of: &dyn Fn(usize) -> String, options: &DiffOptions) -> Vec<QuoteGroup> {
    let wanted = |side: &str| options.sides.is_empty() || options.sides.iter().any(|s| s.eq_ignore_ascii_case(side));
    let mut by_speaker: BTreeMap<usize, Vec<Item>> = BTreeMap::new();
    for q in &corpus.quotes {
        let Some(entity) = corpus.speaker_entity(q) else { continue };
        let side = side_of(q.article);
        if options.speaker.is_some_and(|s| s != entity) || !wanted(&side) {
            continue;
        }
        let words = words(&q.text);
        if !words.is_empty() {
            by_speaker.entry(entity).or_default().push(Item { side, quote: q, words });
        }
    }
    let side_rank = |side: &str| options.sides.iter().position(|s| s.eq_ignore_ascii_case(side)).unwrap_or(usize::MAX);
    let mut groups = Vec::new();
    for (entity, items) in by_speaker {
        // Comparing needs a speaker that at least two sides quote.
        let sides: BTreeSet<&str> = items.iter().map(|i| i.side.as_str()).collect();
        if sides.len() < 2 {
            continue;
        }
        for members in utterances(&items, options.threshold) {
            let mut members: Vec<&Item> = members.iter().map(|&i| &items[i]).collect();
            members.sort_by(|a, b| (side_rank(&a.side), &a.side).cmp(&(side_rank(&b.side), &b.side)));
            // The reference wording is the one most sides carry word for word.
            let carriers = |m: &Item| members.iter().filter(|o| same_words(&o.words, &m.words)).map(|o| &o.side).collect::<BTreeSet<_>>().len();
            let best = (0..members.len()).rev().max_by_key(|&i| carriers(members[i])).unwrap_or(0);
            let reference = members.remove(best);
            // Word-for-word copies of the reference come first within each side.
            members.sort_by_key(|m| (side_rank(&m.side), m.side.clone(), !same_words(&reference.words, &m.words)));
            members.insert(0, reference);
            groups.push(group(corpus, entity, &members));
        }
    }
    groups.sort_by(|a, b| (&a.speaker, a.kind, &a.sides, &a.quotes[0].path, a.quotes[0].span).cmp(&(&b.speaker, b.kind, &b.sides, &b.quotes[0].path, b.quotes[0].span)));
    groups
}

/// Clusters one speaker's quotes into utterances: any two at least `threshold` alike, or one
/// inside the other, are joined. Only quotes sharing a word pair are compared.
fn utterances(items: &[Item], threshold: f64) -> Vec<Vec<usize>> {
    let mut sets = DisjointSets::new(items.len());
    let mut by_pair: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let w = &item.words;
        let keys: BTreeSet<(&str, &str)> = if w.len() == 1 {
            [(w[0].norm.as_str(), "")].into()
        } else {
            w.windows(2).map(|p| (p[0].norm.as_str(), p[1].norm.as_str())).collect()
        };
        for k in keys {
            by_pair.entry(k).or_default().push(i);
        }
    }
    let mut compared = BTreeSet::new();
    for list in by_pair.values() {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if !compared.insert((i, j)) {
                    continue;
                }
                let (a, b) = (&items[i].words, &items[j].words);
                let (score, contained) = similarity(a, b, lcs(a, b).len());
                if score >= threshold || contained {
                    sets.union(i, j);
                }
            }
        }
    }
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..items.len() {
        let root = sets.find(i);
        clusters.entry(root).or_default().push(i);
    }
    clusters.into_values().collect()
}

fn group(corpus: &Corpus, entity: usize, members: &[&Item]) -> QuoteGroup {
    let first = members[0];
    let mut quotes = Vec::new();
    let mut lowest: f64 = 1.0;
    for m in members {
        // One LCS serves the score and the word diff.
        let common = lcs(&first.words, &m.words);
        let (score, contained) = similarity(&first.words, &m.words, common.len());
        let same = same_words(&first.words, &m.words);
        let is_first = std::ptr::eq(*m, first);
        let score = if is_first { 1.0 } else { (score * 1000.0).round() / 1000.0 };
        lowest = lowest.min(score);
        quotes.push(Carried {
            side: m.side.clone(),
            text: m.quote.text.clone(),
            path: corpus.articles[m.quote.article].path.clone(),
            span: m.quote.span,
            date: corpus.articles[m.quote.article].published.clone(),
            similarity: score,
            partial: !same && contained,
            diff: if is_first || same { Vec::new() } else { word_diff(&first.words, &m.words, &common) },
        });
    }
    let sides: Vec<String> = members.iter().map(|m| m.side.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    let carried_word_for_word: BTreeSet<&str> =
        members.iter().filter(|m| same_words(&first.words, &m.words)).map(|m| m.side.as_str()).collect();
    let kind = if sides.len() < 2 {
        GroupKind::OnlyIn
    } else if carried_word_for_word.len() == sides.len() {
        GroupKind::Identical
    } else {
        GroupKind::Variant
    };
    let e = &corpus.entities[entity];
    QuoteGroup {
        speaker: e.name.clone(),
        speaker_type: Some(e.kind.as_str().to_string()),
        kind,
        sides,
        similarity: lowest,
        quotes,
    }
}

/// Prints the groups: JSON / JSON Lines for scripts, CSV one wording per line, and on a
/// terminal a view with the differing words marked.
pub fn write<W: Write + ?Sized>(out: &mut W, groups: &[QuoteGroup], format: Format, color: bool) -> io::Result<()> {
    match format {
        Format::Json | Format::Jsonl => output::write_json(out, groups, format),
        Format::Csv => {
            let headers = ["speaker", "kind", "side", "similarity", "partial", "text", "diff", "path"];
            let rows = groups.iter().flat_map(|g| {
                g.quotes.iter().map(move |q| {
                    vec![
                        g.speaker.clone(),
                        g.kind.as_str().to_string(),
                        q.side.clone(),
                        q.similarity.to_string(),
                        q.partial.to_string(),
                        q.text.clone(),
                        marked(&q.diff, false),
                        q.path.clone(),
                    ]
                })
            });
            output::write_cells(out, &headers, &[], rows, format, color)
        }
        Format::Table => {
            let mut speaker = None;
            for g in groups {
                if speaker != Some(&g.speaker) {
                    let kind = g.speaker_type.as_deref().unwrap_or("speaker");
                    writeln!(out, "{}{} ({kind})", if speaker.is_some() { "\n" } else { "" }, output::sanitize(&g.speaker))?;
                    speaker = Some(&g.speaker);
                }
                match g.kind {
                    GroupKind::OnlyIn => writeln!(out, "  only in {}", output::sanitize(&g.sides[0]))?,
                    GroupKind::Identical => writeln!(out, "  identical in {}", output::sanitize(&g.sides.join(", ")))?,
                    GroupKind::Variant => writeln!(out, "  variant, similarity {:.2}", g.similarity)?,
                }
                for (i, q) in g.quotes.iter().enumerate() {
                    // Clean the words before marking them, so only our own colour codes reach the terminal.
                    let text = if i == 0 || q.diff.is_empty() {
                        output::sanitize(&q.text)
                    } else {
                        let clean: Vec<DiffOp> = q.diff.iter().map(|o| DiffOp { op: o.op, text: output::sanitize(&o.text) }).collect();
                        marked(&clean, color)
                    };
                    let partial = if q.partial { " (partial)" } else { "" };
                    writeln!(out, "    {}{partial}: \u{201c}{text}\u{201d}", output::sanitize(&q.side))?;
                    writeln!(out, "      {}", output::sanitize(&q.path))?;
                }
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<Word> {
        words(s)
    }

    fn alike(a: &str, b: &str) -> (f64, bool) {
        let (a, b) = (w(a), w(b));
        similarity(&a, &b, lcs(&a, &b).len())
    }

    fn diff(a: &str, b: &str) -> Vec<DiffOp> {
        let (a, b) = (w(a), w(b));
        word_diff(&a, &b, &lcs(&a, &b))
    }

    #[test]
    fn case_punctuation_and_quote_marks_do_not_count() {
        let (score, _) = alike("It’s \u{201c}healthy\u{201d} and sustainable.", "it's healthy, and sustainable");
        assert_eq!(score, 1.0);
    }

    #[test]
    fn a_fragment_inside_a_longer_quote_is_contained() {
        let (_, contained) = alike("a better sense of direction", "gives the firm a better sense of direction now");
        assert!(contained);
        let (_, contained) = alike("sense direction", "a better sense of direction");
        assert!(!contained);
    }

    #[test]
    fn word_diff_marks_changed_words() {
        let ops = diff("we will compete globally", "we must compete worldwide");
        assert_eq!(marked(&ops, false), "we [-will-] {+must+} compete [-globally-] {+worldwide+}");
    }

    #[test]
    fn word_diff_keeps_punctuation_with_its_word() {
        let ops = diff("Yes, we can.", "yes we can");
        assert_eq!(ops, vec![DiffOp { op: Op::Equal, text: "yes we can".to_string() }]);
    }
}
