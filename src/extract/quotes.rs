//! Quotations: the words inside quotation marks, who said them and the cue that says so.

use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::{Regex, RegexSet};

use crate::article::{Article, LineKind};
use crate::extract::entities::{EntityTable, Kind, Mention};
use crate::lexicon::Lexicon;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundQuote {
    /// The words inside the marks, in normalised offsets.
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    pub speaker: Option<usize>,
    /// A speaker named in the text but not among the entities.
    pub speaker_text: Option<String>,
    pub cue: Option<String>,
    pub partial: bool,
    pub kind: &'static str,
}

/// A pair of marks found in one line: offsets of the inner text, and whether it was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marked {
    open: usize,
    start: usize,
    end: usize,
    close: usize,
}

fn is_opening_context(before: Option<char>, after: Option<char>) -> bool {
    let open_before = before.is_none_or(|c| c.is_whitespace() || "([{—–-/:".contains(c));
    open_before && after.is_some_and(|c| !c.is_whitespace())
}

/// Finds quotations in one line. Curly and straight double quotes, guillemets, and single
/// quotes told apart from apostrophes; an unclosed quote ends at the line's end.
fn marks(line: &str) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize, char)> = None; // (mark offset, inner start, kind)
    // Only quotation marks move the state, and each is '"', '\'' or a char whose UTF-8 starts
    // with byte C2 (« ») or E2 (“ ” „ ‘ ’): only those bytes are visited, in order, found by
    // memchr many bytes at a time (it looks for three bytes at most, so C2 has its own search).
    let bytes = line.as_bytes();
    let mut c2 = memchr::memchr_iter(0xC2, bytes).peekable();
    let mut others = memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).peekable();
    let positions = std::iter::from_fn(|| match (others.peek(), c2.peek()) {
        (Some(&a), Some(&b)) if b < a => c2.next(),
        (Some(_), _) => others.next(),
        (None, _) => c2.next(),
    });
    for at in positions {
        let Some(c) = line[at..].chars().next() else { continue };
        let inner = at + c.len_utf8();
        let rest = &line[inner..];
        let before = line[..at].chars().next_back();
        let after = rest.chars().next();
        match (open, c) {
            (None, '“' | '«' | '„') => open = Some((at, inner, '"')),
            (None, '"' | '”') if is_opening_context(before, after) => open = Some((at, inner, '"')),
            (None, '‘') if is_opening_context(before, after) => open = Some((at, inner, '\'')),
            (None, '\'') if is_opening_context(before, after) && after.is_some_and(char::is_alphabetic) => {
                open = Some((at, inner, '\''))
            }
            (Some((o, s, '"')), '”' | '"' | '»') => {
                out.push(Marked { open: o, start: s, end: at, close: inner });
                open = None;
            }
            (Some((o, s, '"')), '“') => {
                // A new opening mark before any close: the earlier quote was left open.
                out.push(Marked { open: o, start: s, end: at, close: at });
                open = Some((at, inner, '"'));
            }
            // "shoppers’ choice": a plural possessive inside a single-quoted quote does not close
            // it when a closing mark still follows.
            (Some((_, _, '\'')), '’' | '\'')
                if before == Some('s')
                    && after == Some(' ')
                    && rest.chars().nth(1).is_some_and(char::is_lowercase)
                    && rest.contains(['’', '\'']) => {}
            (Some((o, s, '\'')), '’' | '\'') if after.is_none_or(|n| !n.is_alphanumeric()) => {
                out.push(Marked { open: o, start: s, end: at, close: inner });
                open = None;
            }
            _ => {}
        }
    }
    if let Some((o, s, kind)) = open {
        // Single marks left open were apostrophes after all; double ones run to the line's end.
        if kind == '"' {
            out.push(Marked { open: o, start: s, end: line.len(), close: line.len() });
        }
    }
    out.retain(|m| line[m.start..m.end].trim().chars().filter(|c| c.is_alphanumeric()).count() >= 2);
    out
}

const SPEECH_VERBS: &str = "said|says|say|told|tells|alleged|alleges|reiterated|repeated|reaffirmed|maintained|contended|asserted|pointed out|added|adds|explained|explains|noted|argued|argues|wrote|writes|asked|asks|stated|insisted|insists|warned|warns|recalled|continued|concluded|acknowledged|admitted|claimed|declared|announced|tweeted|testified|replied|responded|remarked|commented|emphasized|emphasised|stressed|urged|vowed|pledged|promised|described|suggested|quipped|joked|cautioned|predicted|confirmed|posted|complained|countered|observed|conceded|lamented|hailed|praised|believes|thinks|called|told reporters|was quoted as saying|were quoted as saying|is quoted as saying|went on|put it|puts it|recounted|recounts|recalls|remembered|remembers|summed up|sums up|notes|observes|concedes|admits|acknowledges|cautions|shouted|shouts|yelled|yells|screamed|exclaimed|whispered|demanded|pleaded|assured|assures|boasted|mused|wondered|clarified|elaborated|chimed in|shot back|fired back|texted|emailed|reflected";

static VERB: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"(?-u:\b)(?:{SPEECH_VERBS})(?-u:\b)")).unwrap());
static PRONOUN_VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b)([Hh]e|[Ss]he|[Tt]hey|[Ii]t)\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+)?({SPEECH_VERBS})(?-u:\b)")).unwrap());
/// What an organisation puts out in its own voice: "the statement said", "read the release".
const RELEASES: &str = "statement|report|release|notice|post|message";
/// Papers that speak for whoever issued them: "the affidavit said", "the order said".
const DOCUMENTS: &str = "affidavit|complaint|filing|letter|lawsuit|petition|memo|order|indictment";
/// An office-holder written with capitals, as many papers do: "the Minister said", "the
/// Regional Minister alleged".
const CAPITALISED_OFFICE: &str = r"(?:[A-Z][a-z-]+\s+)?(?:Minister|President|Premier|Chancellor|Governor|Mayor|Senator|Chairman|Chairwoman|Secretary|MP)";
/// Nouns that stand for a person the article has named ("the manager said").
const PERSON_NOUNS: &str = "manager|coach|minister|president|chairman|chairwoman|senator|governor|mayor|judge|prosecutor|actor|actress|singer|star|striker|player|boss|premier|chancellor|prime minister|lawmaker|congressman|congresswoman|founder|executive|ceo|billionaire|official|secretary|mp";

static DESCRIPTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b)[Tt]he\s+((?:[a-z-]+\s+)?(?:statement|company|firm|ministry|agency|regulator|watchdog|government|commission|department|office|bureau|group|administration|authority|spokesperson|spokesman|spokeswoman|council|report|operator|owner|carrier|airline|manufacturer|maker|retailer|lender|insurer|developer|\d+-year-old|{PERSON_NOUNS}|{DOCUMENTS})|{CAPITALISED_OFFICE})\s+(?:also\s+)?({SPEECH_VERBS}|read|reads)(?-u:\b)")).unwrap()
});
/// A paper read out after a quote: "…,” read the FOMC statement", "…,” reads a letter from …".
static READ_PAPER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^[\s,]*reads?\s+(?:the|a|an)\s+((?:[A-Z][\w.&'’-]*(?:'s|’s)?\s+)*)((?:[a-z-]+\s+)?(?:{RELEASES}|{DOCUMENTS}))(?-u:\b)")).unwrap()
});
static DESCRIBED_NOUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[a-z-]+\s+)?(?:statement|company|firm|ministry|agency|regulator|watchdog|commission|department|chairman|chairwoman|chair|spokesperson|spokesman|spokeswoman)$").unwrap());
/// Verbs that report or characterise what someone said without being speech verbs proper:
/// "…, saying “…”", "telling them to “…”", "rejected the claims as “…”".
static SAYING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:saying|telling|warning|adding|noting|calling|describing|urging|insisting|arguing|begged|pleaded|implored|demanded|rejected|denied|dismissed|branded|labell?ed|termed|critici[sz]ed|cheered|welcomed|slammed|accused|condemned|decried|vowed|pledged)(?-u:\b)").unwrap()
});
static DESCRIPTIVE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][\w.]*(?:'s)?\s+)?((?:[a-z-]+\s+)?(?:statement|company|firm|ministry|agency|regulator|watchdog|government|commission|department|office|bureau|administration|authority))(?-u:\b)").unwrap()
});
static QUOTED_AS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)quoted\s+(.+?)\s+as\s+saying(?-u:\b)").unwrap());
static ACCORDING_TO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)[Aa]ccording to\s+").unwrap());

/// Whether a sentence break follows the stop at `stop`: the stop, an optional closing quote,
/// white space, then a capital letter or an opening quote (the pattern
/// `[.!?][”"’']?\s+[A-Z“"‘]`). Returns where the next sentence opens.
fn break_after(line: &str, stop: usize) -> Option<usize> {
    let mut at = stop + 1;
    let mut chars = line[at..].chars().peekable();
    if let Some(&quote) = chars.peek().filter(|c| matches!(c, '”' | '"' | '’' | '\'')) {
        at += quote.len_utf8();
        chars.next();
    }
    let space_from = at;
    while let Some(&c) = chars.peek().filter(|c| c.is_whitespace()) {
        at += c.len_utf8();
        chars.next();
    }
    let opens = chars.next().is_some_and(|c| matches!(c, 'A'..='Z' | '“' | '"' | '‘'));
    (at > space_from && opens).then_some(at)
}

/// Each sentence break of a line, as where the next sentence opens and the word before the
/// stop: the run of word characters and full stops that ends there, reaching back no further
/// than the previous break (what `([\w.]*)` put before the break's pattern would capture). A
/// scan for the three stops with the word read backwards: regexes here were the most part of
/// finding sentences.
fn sentence_breaks(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = line.as_bytes();
    let (mut from, mut previous_end) = (0, 0);
    std::iter::from_fn(move || {
        while let Some(k) = memchr::memchr3(b'.', b'!', b'?', &bytes[from..]) {
            let stop = from + k;
            from = stop + 1;
            let Some(next) = break_after(line, stop) else { continue };
            let before = &line[previous_end..stop];
            let word_len: usize = before
                .chars()
                .rev()
                .take_while(|&c| c == '.' || regex_syntax::is_word_character(c))
                .map(char::len_utf8)
                .sum();
            from = next + line[next..].chars().next().map_or(0, char::len_utf8);
            previous_end = from;
            return Some((next, &before[before.len() - word_len..]));
        }
        None
    })
}

/// Sentence breaks of a line: offsets where a sentence starts. A full stop after an
/// abbreviation or an initial ("Jan. 28", "Ant Group Co.", "U.S.") does not end a sentence.
fn sentence_starts(line: &str) -> Vec<usize> {
    const ABBREVIATIONS: &[&str] = &[
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mr", "Mrs", "Ms", "Dr", "St", "Co",
        "Inc", "Corp", "Ltd", "Jr", "Sr", "Rep", "Sen", "Gov", "Gen", "Prof", "No", "vs", "Lt", "Col", "Capt", "Sgt", "Rev",
    ];
    let mut starts = vec![0];
    for (next, w) in sentence_breaks(line) {
        let abbreviation = ABBREVIATIONS.contains(&w) || (w.len() == 1 && w.chars().all(char::is_uppercase)) || w.contains('.');
        if !abbreviation {
            starts.push(next);
        }
    }
    starts
}

fn sentence_start(starts: &[usize], before: usize) -> usize {
    let after = starts.partition_point(|&s| s <= before);
    if after == 0 { 0 } else { starts[after - 1] }
}

fn sentence_end(starts: &[usize], line: &str, from: usize) -> usize {
    starts.get(starts.partition_point(|&s| s <= from)).copied().unwrap_or(line.len())
}

struct Attribution {
    speaker: Option<usize>,
    /// A name the text gives that is not among the entities.
    speaker_text: Option<String>,
    cue: String,
}

impl Attribution {
    fn entity(id: usize, cue: impl Into<String>) -> Self {
        Attribution { speaker: Some(id), speaker_text: None, cue: cue.into() }
    }
}

struct Context<'a> {
    article: &'a Article,
    table: &'a EntityTable,
    lex: &'a Lexicon,
    /// Offset of the line in the normalised text.
    base: usize,
    /// Quoted ranges of the article (normalised offsets): mentions inside them are not speakers.
    quoted: &'a [(usize, usize)],
    described: &'a Described,
    /// The quotes found so far, in text order.
    spoken: &'a [FoundQuote],
}

/// The kinds of entity a description can stand for ("the company": companies).
#[derive(Debug, Clone, Copy)]
enum KindSet {
    People,
    Companies,
    Organisations,
    Regulators,
    Anyone,
}

impl KindSet {
    fn kinds(self) -> &'static [Kind] {
        match self {
            KindSet::People => &[Kind::Person],
            KindSet::Companies => &[Kind::Company],
            KindSet::Organisations => &[Kind::Company, Kind::Regulator],
            KindSet::Regulators => &[Kind::Regulator],
            KindSet::Anyone => &[Kind::Company, Kind::Regulator, Kind::Person],
        }
    }
}

/// What `Context::described` asks of the whole article, worked out once on first use: going
/// through every earlier mention and every entity for each "the company said" made a page of
/// many such quotes quadratic.
#[derive(Default)]
struct Described {
    /// One per `KindSet` variant, indexed by it.
    tallies: [OnceCell<Tally>; 5],
    /// Entities by the lower-cased words (5 bytes or longer) of their names.
    name_words: OnceCell<BTreeMap<String, Vec<usize>>>,
    /// Indices into the mentions of those introduced as issuing a statement, in text order.
    issuers: OnceCell<Vec<usize>>,
    /// People with a role, each with the starts of their mentions in text order: a title's
    /// holder is looked up per description, and a long article has many mentions.
    role_holders: OnceCell<Vec<(usize, Vec<usize>)>>,
}

/// The mentions of one `KindSet` outside quotes.
struct Tally {
    /// (start, entity), in text order.
    starts: Vec<(usize, usize)>,
    /// The first offset each mention counts from (`max(end, start + 1)`: it must start before
    /// and end at or before a position), ascending.
    ends: Vec<usize>,
    /// The leader once the first `k + 1` of `ends` count: most mentions, then the latest last
    /// mention, then the latest first mention.
    leader: Vec<usize>,
}

impl Described {
    fn tally(&self, set: KindSet, ctx: &Context) -> &Tally {
        self.tallies[set as usize].get_or_init(|| {
            let kinds = set.kinds();
            let eligible: Vec<&Mention> = ctx
                .table
                .mentions
                .iter()
                .filter(|m| kinds.contains(&ctx.table.entities[m.entity].kind) && ctx.outside_quotes(m.start))
                .collect();
            let starts = eligible.iter().map(|m| (m.start, m.entity)).collect();
            let mut by_end: Vec<&Mention> = eligible;
            by_end.sort_by_key(|m| m.end.max(m.start + 1));
            // Per entity: (mentions, last start, first mention), compared in that order. A new
            // mention raises only its own entity's score (the count goes up), so it either makes
            // that entity the leader or leaves the leader as it was.
            let mut score: HashMap<usize, (usize, usize, Mention)> = HashMap::new();
            let mut leader: Option<(usize, (usize, usize, Mention))> = None;
            let mut leaders = Vec::with_capacity(by_end.len());
            for m in &by_end {
                let s = score.entry(m.entity).or_insert((0, m.start, **m));
                *s = (s.0 + 1, s.1.max(m.start), s.2.min(**m));
                if leader.is_none_or(|(_, best)| *s > best) {
                    leader = Some((m.entity, *s));
                }
                leaders.push(leader.map_or(m.entity, |(id, _)| id));
            }
            Tally { starts, ends: by_end.iter().map(|m| m.end.max(m.start + 1)).collect(), leader: leaders }
        })
    }

    fn name_words(&self, table: &EntityTable) -> &BTreeMap<String, Vec<usize>> {
        self.name_words.get_or_init(|| {
            let mut words: BTreeMap<String, Vec<usize>> = BTreeMap::new();
            for (id, e) in table.entities.iter().enumerate() {
                for w in e.name.split(' ').filter(|w| w.len() >= 5) {
                    words.entry(w.to_lowercase()).or_default().push(id);
                }
            }
            words
        })
    }

    fn role_holders(&self, table: &EntityTable) -> &[(usize, Vec<usize>)] {
        self.role_holders.get_or_init(|| {
            let mut starts: Vec<Vec<usize>> = vec![Vec::new(); table.entities.len()];
            for m in &table.mentions {
                starts[m.entity].push(m.start);
            }
            starts
                .into_iter()
                .enumerate()
                .filter(|&(id, _)| table.entities[id].kind == Kind::Person && !table.entities[id].roles.is_empty())
                .collect()
        })
    }

    fn issuers(&self, ctx: &Context) -> &[usize] {
        self.issuers.get_or_init(|| {
            static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(&format!(r"(?:statement|report|notice|release|{DOCUMENTS})s?\s+(?:\w+\s+){{0,2}}(?:by|from)\s+(?:the\s+)?(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$")).unwrap()
            });
            static ISSUED: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(r"^(?:'s)?\s+(?:\w+\s+){0,2}(?:said in|released|issued|put out|published|posted)\s+(?:a|an|its)\s+(?:\w+\s+)?statement").unwrap());
            let text = ctx.article.text();
            (0..ctx.table.mentions.len())
                .filter(|&k| {
                    let m = &ctx.table.mentions[k];
                    let before = &text[text.floor_char_boundary(m.start.saturating_sub(60))..m.start];
                    let after = &text[m.end..text.ceil_char_boundary((m.end + 60).min(text.len()))];
                    ctx.outside_quotes(m.start) && (ISSUER.is_match(before) || ISSUED.is_match(after))
                })
                .collect()
        })
    }
}

impl Context<'_> {
    fn outside_quotes(&self, at: usize) -> bool {
        // The ranges are in text order and do not overlap: only the last one starting at or
        // before `at` can hold it.
        let after = self.quoted.partition_point(|&(s, _)| s <= at);
        after == 0 || at >= self.quoted[after - 1].1
    }

    /// The entity whose mention ends right before `at` (line offset), allowing an aside
    /// ("X, who …, said") in between.
    fn subject_before(&self, line: &str, from: usize, at: usize) -> Option<usize> {
        static ASIDE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(concat!(
                r"^\)?(?:\s*\([^)]{1,12}\))?",
                // "… of Findlay, who chairs the committee," / "Acme spokesperson"
                // "Sergeant Jo Lee, of the Rochester Police Department says"
                r"(?:,?\s+of\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)?(?:\s*,[^“”]*,)?",
                r"(?:(?:'s)?\s+(?:spokesperson|spokesman|spokeswoman|representative|rep|publicist|official|executive|source)s?)?",
                r"\s*(?:(?:also|later|then|has|had|have|previously|once|recently|again|further|was|were|is|on \w+day)\s+)*$"
            ))
            .unwrap()
        });
        let fitting: Vec<&Mention> = self
            .table
            .from(self.base + from)
            .iter()
            .take_while(|m| m.start < self.base + at)
            .filter(|m| m.end <= self.base + at && self.outside_quotes(m.start))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .filter(|m| {
                let between = &line[m.end - self.base..at];
                // "A lawyer for Y, Jo Lee, told": a name set off by commas is the subject.
                let set_off = line[..m.start - self.base].ends_with(", ") && between.trim_start().starts_with(',');
                ASIDE.is_match(between) || (set_off && ASIDE.is_match(between.trim_start().trim_start_matches(',')))
            })
            .collect();
        // "Jo Lee, vice president of Acme, Inc., said": the person, not the firm in the aside.
        let person = fitting.iter().find(|m| self.table.entities[m.entity].kind == Kind::Person);
        person.or(fitting.first()).map(|m| m.entity)
    }

    /// The entity mentioned right after `at` (line offset), and where its mention ends in the
    /// line: "said Kendra Schaefer".
    fn subject_after(&self, line: &str, at: usize) -> Option<(usize, usize)> {
        let mut after = self.table.from(self.base + at).iter().filter(|m| m.end <= self.base + line.len());
        let m = after.next()?;
        // "said Acme Corp. chief executive Jo Lee": the person whose role follows the firm, or
        // who is the firm's ("said Xbox's Peter Moore").
        if let Some(person) = after.next().filter(|p| self.table.entities[p.entity].kind == Kind::Person)
            && self.table.entities[m.entity].kind != Kind::Person
            && (self.role_gap(&line[at..person.start - self.base]) || matches!(&line[m.end - self.base..person.start - self.base], "'s " | "’s " | "' " | "’ "))
        {
            return Some((person.entity, person.end - self.base));
        }
        let between = &line[at..m.start - self.base];
        static GAP: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^\s*(?:(?:by|the|a|an|\d+-year-old|spokesperson|spokesman|spokeswoman|for|of|statement|report|notice|readout|published|released|issued|posted|from|[A-Z][\w.'’-]*)\s+)*$").unwrap());
        (GAP.is_match(between) || self.role_gap(between)).then_some((m.entity, m.end - self.base))
    }

    /// "says study lead author Dr. ", "said Acme attorney ", "said Department of Public Safety
    /// spokesman ": lower-case words before a name that end in a role, after any names the role
    /// is of.
    fn role_gap(&self, between: &str) -> bool {
        // Names and a role run to a few words; a longer stretch holds other words (and the
        // patterns' captures would cost in proportion to it on every call).
        if between.len() > 100 {
            return false;
        }
        static ROLE_GAP: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^\s*(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+(?:(?:of|for|and|the)\s+)*)*((?:[a-z-]+\s+){0,3})([a-z-]+)\s+(?:[A-Z][\w.'’-]*\s+)*$").unwrap());
        // "said one of their lawyers, ": one of a group named by a plural role, set off.
        static ONE_OF: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^\s*one\s+of\s+(?:the|their|his|her|its|our)\s+(?:[a-z-]+\s+){0,2}([a-z-]+?)s,\s+$").unwrap());
        ROLE_GAP.captures(between).is_some_and(|c| self.lex.roles.contains(&c[2]))
            || (between.contains("one of") && ONE_OF.captures(between).is_some_and(|c| self.lex.roles.contains(&c[1])))
    }

    fn pronoun(&self, word: &str, at: usize) -> Option<usize> {
        let word = word.to_lowercase();
        let kinds: &[Kind] = match word.as_str() {
            "he" | "she" => &[Kind::Person],
            "it" | "they" => &[Kind::Company, Kind::Regulator],
            _ => return None,
        };
        // "she" is no one whose given name is a man's, "he" no one whose is a woman's.
        let fits = |id: usize| {
            let e = &self.table.entities[id];
            kinds.contains(&e.kind) && (e.kind != Kind::Person || self.lex.may_be(word == "she", &e.name))
        };
        // The subject of the last sentence that names someone of that kind: its first mention.
        let last = self.table.before(at).iter().rev().find(|m| m.end <= at && fits(m.entity) && self.outside_quotes(m.start))?;
        // "“…,” the minister alleged. “…,” he told …": a quote since the last name, given to
        // someone of that kind, gave the pronoun its referent.
        let latest_speaker = self.spoken.iter().rev().find_map(|q| q.speaker.filter(|&id| fits(id)).map(|id| (q.start, id)));
        if let Some((_, id)) = latest_speaker.filter(|&(start, _)| start > last.end) {
            return Some(id);
        }
        let line = self.article.lines.partition_point(|l| l.start <= last.start).saturating_sub(1);
        let line_start = self.article.lines[line].start;
        let starts = sentence_starts(self.article.line_text(line));
        let sentence = line_start + sentence_start(&starts, last.start - line_start);
        // "“…,” he told the host, Jo Lee.": a sentence quoting someone is about the speaker,
        // not whoever else it names.
        let quoting = self.spoken.iter().rev().take_while(|q| q.start >= sentence).find(|q| q.start < last.start);
        if let Some(speaker) = quoting.and_then(|q| q.speaker).filter(|&id| fits(id)) {
            return Some(speaker);
        }
        // "X won …, but McIlroy is unfazed": a clause after "but" or a semicolon has its own
        // subject.
        let text = self.article.text();
        let clause = text[sentence..last.start].rfind(" but ").or_else(|| text[sentence..last.start].rfind("; ")).map_or(sentence, |at| sentence + at);
        self.table.from(clause).iter().find(|m| m.end <= last.end && fits(m.entity) && self.outside_quotes(m.start)).map(|m| m.entity)
    }

    /// The person a paragraph reports in its first or last sentence: "Erekat said it was only
    /// the latest move".
    fn reports_speech(&self, line: usize) -> Option<usize> {
        static SPEECH_FOLLOWS: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(&format!(r"^\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+)?(?:{SPEECH_VERBS})(?-u:\b)")).unwrap());
        let l = &self.article.lines[line];
        let text = self.article.line_text(line);
        let starts = sentence_starts(text);
        // Its first sentence, or its last ("… Committee chairman Jo Lee said it was an excuse."),
        // opening with the person, after at most capitalised words and a role.
        let last = starts.last().copied().filter(|&s| s > 0);
        std::iter::once(0).chain(last).find_map(|s| {
            let m = self.table.from(l.start + s).first().filter(|m| m.end <= l.end && self.table.entities[m.entity].kind == Kind::Person)?;
            let lead = &text[s..m.start - l.start];
            ((lead.is_empty() || self.role_gap(lead)) && SPEECH_FOLLOWS.is_match(&text[m.end - l.start..])).then_some(m.entity)
        })
    }

    /// "the statement said", "the ministry said": the organisation last named before.
    fn described(&self, noun: &str, at: usize) -> Option<usize> {
        let noun = &noun.to_lowercase();
        let released = RELEASES.split('|').any(|r| noun.ends_with(r));
        static PERSON_NOUN: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"(?:\d+-year-old|(?-u:\b)(?:{PERSON_NOUNS}))$")).unwrap());
        let set = if PERSON_NOUN.is_match(noun) {
            KindSet::People
        } else if ["company", "firm", "group", "operator", "owner", "carrier", "airline", "manufacturer", "maker", "retailer", "lender", "insurer", "developer"]
            .iter()
            .any(|n| noun.ends_with(n))
        {
            KindSet::Companies
        } else if noun.starts_with("spokes") {
            KindSet::Anyone
        } else if released {
            KindSet::Organisations
        } else if let Some(paper) = DOCUMENTS.split('|').find(|d| noun.ends_with(d)) {
            // "an affidavit by Mr. Lee": whoever issued that paper, and no one else.
            return self.issuer_before(KindSet::Anyone.kinds(), at, Some(paper));
        } else {
            KindSet::Regulators
        };
        let kinds = set.kinds();
        // "the production company" → the one entity whose name carries that word ("Productions").
        let speaks_for_someone = released || noun.contains("spokes");
        if !speaks_for_someone {
            let stems = noun.split(' ').filter(|w| w.len() >= 5 && w.is_char_boundary(5)).map(|w| w[..5].to_lowercase());
            let words = self.described.name_words(self.table);
            let mut named: Vec<usize> = stems
                .flat_map(|stem| words.range(stem.clone()..).take_while(move |(w, _)| w.starts_with(stem.as_str())).flat_map(|(_, ids)| ids))
                .copied()
                .filter(|&i| kinds.contains(&self.table.entities[i].kind))
                .collect();
            named.sort_unstable();
            named.dedup();
            if let [only] = named[..] {
                return Some(only);
            }
        }
        if matches!(set, KindSet::People)
            && let Some(id) = self.title_holder(noun, at)
        {
            return Some(id);
        }
        // "the statement said": whoever the article last said issued one.
        if speaks_for_someone
            && !noun.contains("spokes")
            && let Some(id) = self.issuer_before(kinds, at, None)
        {
            return Some(id);
        }
        let tally = self.described.tally(set, self);
        // The most talked-about one so far, the latest on a tie: "the company said" is rarely
        // a firm named once in passing.
        let counted = tally.ends.partition_point(|&t| t <= at);
        if counted > 0 {
            return Some(tally.leader[counted - 1]);
        }
        // Named only later in the article ("China's cyberspace watchdog said …" as its lead).
        tally.starts.get(tally.starts.partition_point(|&(start, _)| start < at)).map(|&(_, id)| id)
    }

    /// "the information minister": the person named before `at` who holds that title, those
    /// whose title or its organisation carries a word of the description first, the one
    /// mentioned last on a tie.
    fn title_holder(&self, noun: &str, at: usize) -> Option<usize> {
        let has_word = |text: &str, word: &str| text.split(|c: char| !c.is_alphanumeric()).any(|w| w.eq_ignore_ascii_case(word));
        let (head, modifiers) = match noun.rsplit_once(' ') {
            Some((modifiers, head)) => (head, modifiers),
            None => (noun, ""),
        };
        let roles = |id: usize| &self.table.entities[id].roles;
        let holds = |id: usize, word: &str| roles(id).iter().any(|r| has_word(&r.title, word) || r.org.as_deref().is_some_and(|o| has_word(o, word)));
        let holds_title = |id: usize| roles(id).iter().any(|r| has_word(&r.title, head));
        let described = |id: usize| holds_title(id) && modifiers.split(' ').any(|m| m.len() >= 4 && holds(id, m));
        // Of those that fit, the one whose last mention before `at` is latest.
        let latest = |fits: &dyn Fn(usize) -> bool| {
            self.described
                .role_holders(self.table)
                .iter()
                .filter(|(id, _)| fits(*id))
                .filter_map(|(id, starts)| starts[..starts.partition_point(|&s| s < at)].last().map(|&s| (s, *id)))
                .max()
                .map(|(_, id)| id)
        };
        latest(&described).or_else(|| latest(&holds_title))
    }

    /// The entity of one of `kinds` the article last said issued a statement or a paper before
    /// `at`; with `paper`, one said to have issued that kind of paper.
    fn issuer_before(&self, kinds: &[Kind], at: usize, paper: Option<&str>) -> Option<usize> {
        let mentions = &self.table.mentions;
        let issuers = self.described.issuers(self);
        let before = mentions.partition_point(|m| m.start < at);
        let text = self.article.text();
        let issued = |m: &Mention| paper.is_none_or(|p| text[text.floor_char_boundary(m.start.saturating_sub(60))..m.start].contains(p));
        issuers[..issuers.partition_point(|&k| k < before)]
            .iter()
            .rev()
            .map(|&k| &mentions[k])
            .find(|m| m.end <= at && kinds.contains(&self.table.entities[m.entity].kind) && issued(m))
            .map(|m| m.entity)
    }

    /// Who a stretch of text (line offsets `from..to`) says is speaking.
    fn attribution(&self, line: &str, from: usize, to: usize) -> Option<Attribution> {
        let part = &line[from..to];
        // A colon lead-in: "Volker: Allegations are “not credible”", "From the chairwoman: …".
        static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(?:From\s+)?(?:the\s+)?([^:]{1,60}?)\s*:").unwrap());
        if part.contains(':')
            && let Some(c) = LEAD_IN.captures(part)
            && let Some(who) = c.get(1)
        {
            let (s, e) = (self.base + from + who.start(), self.base + from + who.end());
            if let Some(m) = self.table.from(s).iter().find(|m| m.start == s && m.end == e) {
                return Some(Attribution::entity(m.entity, ":"));
            }
            if let Some(id) = self.described(who.as_str(), s).filter(|_| DESCRIBED_NOUN.is_match(who.as_str())) {
                return Some(Attribution::entity(id, ":"));
            }
        }
        // Every rule below needs one of these patterns to match (the pronoun, group and named
        // rules each hold a speech verb after white space, so VERB matches too). Much of the
        // text around a quote holds none of them: one pass of the set answers for all.
        static CUES: LazyLock<RegexSet> =
            LazyLock::new(|| RegexSet::new([QUOTED_AS.as_str(), ACCORDING_TO.as_str(), VERB.as_str(), DESCRIPTIVE.as_str(), READ_PAPER.as_str()]).unwrap());
        if !CUES.is_match(part) {
            return None;
        }
        // The name in "the FOMC statement" issued it; a bare "the statement" is whoever did.
        if let Some(c) = READ_PAPER.captures(part) {
            let (issuer, noun) = (c.get(1)?, c.get(2)?);
            let (s, e) = (self.base + from + issuer.start(), self.base + from + issuer.end());
            let named = self.table.from(s).iter().find(|m| m.end <= e).map(|m| m.entity);
            if let Some(id) = named.or_else(|| self.described(noun.as_str(), s)) {
                return Some(Attribution::entity(id, "read"));
            }
        }
        if let Some(c) = QUOTED_AS.captures(part) {
            let m = c.get(1)?;
            let speaker = self.table.from(self.base + from).iter().rev().find(|x| {
                x.start >= self.base + from + m.start() && x.end <= self.base + from + m.end()
            });
            if let Some(x) = speaker {
                return Some(Attribution::entity(x.entity, "quoted as saying"));
            }
        }
        if let Some(m) = ACCORDING_TO.find(part)
            && let Some((id, _)) = self.subject_after(line, from + m.end()) {
                return Some(Attribution::entity(id, "according to"));
            }
        for v in VERB.find_iter(part) {
            let (vs, ve) = (from + v.start(), from + v.end());
            let cue = v.as_str().to_string();
            if let Some(id) = self.subject_before(line, from, vs) {
                return Some(Attribution::entity(id, cue));
            }
            // "told Jo Lee", "told the Reuters agency": whoever follows "told" is the listener.
            if addresses_listener(v.as_str()) {
                continue;
            }
            if let Some((id, end)) = self.subject_after(line, ve) {
                // "said Jo Lee, the …" names the speaker; "said Thomas is …" reports about Thomas.
                // "he said Prime Minister Jo Lee “will not have lied”": a quote right after the
                // name is the name's reported words, not its speech.
                // "said Acme Corp. on Monday", "said Jo Lee in a statement": when and how; "said
                // Jo Lee of Findlay": where from.
                static WHEN_OR_HOW: LazyLock<Regex> = LazyLock::new(|| {
                    Regex::new(r"^(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:in|on|via|during)\s+(?:an?|the|his|her|their|its)\s|of\s|yesterday|today|tonight|earlier|later|last\s|this\s)(?-u:\b)").unwrap()
                });
                let rest = line[end..].trim_start();
                let closes = rest.is_empty()
                    || rest.starts_with([',', '.', ';', ':', '(', '”'])
                    || (rest.starts_with(['“', '"']) && !line[end..to.max(end)].trim().is_empty())
                    || WHEN_OR_HOW.is_match(rest);
                if closes {
                    return Some(Attribution::entity(id, cue));
                }
            }
        }
        if let Some(c) = PRONOUN_VERB.captures(part) {
            let at = self.base + from + c.get(0)?.start();
            if let Some(id) = self.pronoun(&c[1], at) {
                return Some(Attribution::entity(id, c[2].to_string()));
            }
        }
        if let Some(c) = DESCRIPTIVE.captures(part) {
            let at = self.base + from + c.get(0)?.start();
            if let Some(id) = self.described(&c[1], at) {
                return Some(Attribution::entity(id, c[2].to_string()));
            }
        }
        // News organisations speak too: "…,” writes the Associated Press.
        for v in VERB.find_iter(part).filter(|v| !addresses_listener(v.as_str())) {
            let after = &part[v.end()..];
            let gap = after.len() - after.trim_start().len();
            let rest = after.trim_start().trim_start_matches("the ");
            let skipped = after.len() - rest.len();
            if let Some(h) = self.lex.outlets.find_at_start(rest).filter(|_| skipped - gap <= 4) {
                let name = self.lex.outlets.canonical(h.entry).to_string();
                return Some(Attribution { speaker: None, speaker_text: Some(name), cue: v.as_str().to_string() });
            }
        }
        // Unnamed groups speak as written: "Federal prosecutors alleged …" → "prosecutors".
        static GROUP: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(&format!(r"(?-u:\b)(prosecutors|police|officials|investigators|authorities|researchers|scientists|experts|analysts|critics|lawmakers|witnesses|officers|doctors|economists|activists|residents|protesters)\s+(?:also\s+|have\s+|had\s+)?({SPEECH_VERBS})(?-u:\b)")).unwrap()
        });
        if let Some(c) = GROUP.captures(part) {
            return Some(Attribution { speaker: None, speaker_text: Some(c[1].to_string()), cue: c[2].to_string() });
        }
        // Someone unnamed: "said a Chinese brokerage analyst who …", "a senior official said":
        // an indefinite phrase whose head, within four words, is a role.
        static UNNAMED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(&format!(r"(?-u:\b)(?:({SPEECH_VERBS})\s+([Aa]n?(?:\s+[A-Za-z-]+){{1,4}})|([Aa]n?(?:\s+[A-Za-z-]+){{1,4}}?)\s+({SPEECH_VERBS}))(?-u:\b)")).unwrap()
        });
        for c in UNNAMED.captures_iter(part) {
            let (Some(found), Some(cue)) = (c.get(2).or(c.get(3)), c.get(1).or(c.get(4))) else { continue };
            let phrase = found.as_str();
            let head = phrase.match_indices(' ').map(|(at, _)| at + 1).find(|&at| {
                let word = phrase[at..].split(' ').next().unwrap_or_default();
                self.lex.roles.contains(word)
            });
            let Some(at) = head else { continue };
            let end = phrase[at..].find(' ').map_or(phrase.len(), |e| at + e);
            // "A spokesperson for Acme said" speaks for Acme; "declared a later chancellor,
            // Otto Lee," names him: neither is unnamed.
            let before_verb = c.get(3).is_some();
            let named_next = part[found.start() + end..].starts_with(", ") && part[found.start() + end + 2..].starts_with(char::is_uppercase);
            if (before_verb && end < phrase.len()) || named_next {
                continue;
            }
            return Some(Attribution { speaker: None, speaker_text: Some(phrase[..end].to_string()), cue: cue.as_str().to_string() });
        }
        // A capitalised name right before the verb that no rule typed: report it as written.
        static NAMED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(&format!(r"((?:[A-Z][\w.'-]+ (?:(?:of|for|and|on|the) )*){{0,6}}[A-Z][\w.'-]+),?\s+(?:also\s+)?({SPEECH_VERBS})(?-u:\b)")).unwrap()
        });
        for c in NAMED.captures_iter(part) {
            let name = c[1].trim_start_matches("The ").to_string();
            if name.split(' ').all(|w| !self.lex.stopwords.contains(w)) {
                // "Captain Jo Lee, says": an entity ending the words is the speaker they name.
                let (s, e) = c.get(1).map(|g| (self.base + from + g.start(), self.base + from + g.end()))?;
                if let Some(m) = self.table.from(s).iter().take_while(|m| m.start < e).find(|m| m.end == e) {
                    return Some(Attribution::entity(m.entity, c[2].to_string()));
                }
                return Some(Attribution { speaker: None, speaker_text: Some(name), cue: c[2].to_string() });
            }
        }
        None
    }

    /// The entity named first after `at` (line offset), with at most a few words of title
    /// before it and a comma after it: "…,” Interior Minister Jo Lee, who …".
    fn named_next(&self, line: &str, at: usize) -> Option<usize> {
        static LEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\s,]*(?:[\w.'’-]+\s+){0,4}$").unwrap());
        let m = self.table.from(self.base + at).iter().find(|m| m.end <= self.base + line.len())?;
        let (start, end) = (m.start - self.base, m.end - self.base);
        (LEAD.is_match(&line[at..start]) && line[end..].starts_with(',')).then_some(m.entity)
    }

    /// A quote that ends its line, credited on the line below: "- Kwame Mensah"; or a paragraph
    /// that is all quote, with its source on the next line, as fact checks print a claim:
    /// "Source: Defence Ministry, October 25, 2019".
    fn credit_below(&self, line: usize, ends_line: bool, whole_line: bool) -> Option<Attribution> {
        static CREDIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[-–—]\s*([A-Z][\w.'’ -]{1,60})$").unwrap());
        static SOURCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^Source:\s*([A-Z][\w.'’ -]{1,60}?)\s*(?:,|$)").unwrap());
        let lines = &self.article.lines;
        let next = lines.get(line + 1).filter(|_| ends_line)?;
        let text = self.article.line_text(line + 1);
        // A literal test before each pattern: a search for captures clears memory in proportion
        // to the line, and most lines below a quote are neither.
        let c = if next.block == lines[line].block && text.starts_with(['-', '–', '—']) {
            CREDIT.captures(text)
        } else if whole_line && text.starts_with("Source:") {
            SOURCE.captures(text)
        } else {
            None
        }?;
        let who = c.get(1)?;
        let (s, e) = (next.start + who.start(), next.start + who.end());
        match self.table.from(s).iter().find(|m| m.end <= e) {
            Some(m) => Some(Attribution::entity(m.entity, "credit")),
            None => Some(Attribution { speaker: None, speaker_text: Some(who.as_str().trim().to_string()), cue: "credit".into() }),
        }
    }

    /// "“…,” study lead author Jo Lee, a planetary scientist at …": a person named right after
    /// the quote, with at most a few lower-case words of title before the name; or signed with a
    /// dash ("“…” — Jo Lee").
    fn apposition(&self, line: &str, from: usize, to: usize) -> Option<Attribution> {
        static LEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\s,]*(?:[—–-]\s*)?(?:[a-z][\w-]*\s+){0,4}$").unwrap());
        let m = self.table.from(self.base + from).iter().find(|m| m.end <= self.base + to)?;
        let person = self.table.entities[m.entity].kind == Kind::Person;
        (person && LEAD.is_match(&line[from..m.start - self.base])).then(|| Attribution::entity(m.entity, "apposition"))
    }

    /// A partial quote inside reported speech belongs to the sentence's subject: the first
    /// entity named in the sentence before a speech verb ("The watchdog sought …, saying …").
    fn sentence_subject(&self, line: &str, from: usize, to: usize) -> Option<Attribution> {
        let part = &line[from..to];
        let verb = VERB.find(part).or_else(|| SAYING.find(part))?;
        if let Some(c) = DESCRIPTIVE_SUBJECT.captures(&part[..verb.start()]) {
            let at = self.base + from;
            if let Some(id) = self.described(&c[1], at) {
                return Some(Attribution::entity(id, verb.as_str().to_string()));
            }
        }
        let cue = verb.as_str().to_string();
        // "He also espoused …, saying “…”": a pronoun opening the sentence.
        static PRONOUN_SUBJECT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\W*(?:[^,“”]{0,40},\s*)?(He|She|They|It)(?-u:\b)").unwrap());
        if let Some(c) = PRONOUN_SUBJECT.captures(part)
            && let Some(id) = self.pronoun(&c[1], self.base + from)
        {
            return Some(Attribution::entity(id, cue));
        }
        // The verb nearest the quote, with its own subject: "…, with Minister X warning of “…”".
        if let Some(last) = SAYING.find_iter(part).last()
            && let Some(id) = self.subject_before(line, from, from + last.start())
        {
            return Some(Attribution::entity(id, last.as_str()));
        }
        // Else the sentence's grammatical subject.
        self.opening_subject(line, from, from + verb.start()).map(|id| Attribution::entity(id, cue))
    }

    /// The entity named first in `line[from..to]`, if the name opens the sentence and is no
    /// possessor ("X's source … said" quotes the source, not X).
    fn opening_subject(&self, line: &str, from: usize, to: usize) -> Option<usize> {
        static OPENING: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^\W*(?:[^,“”]{0,40},\s*)?(?:(?:[A-Z][\w.]*|the|a|an),?\s+){0,2}$").unwrap());
        let mentions = self.table.from(self.base + from);
        let at = mentions.iter().position(|m| m.end <= self.base + to && self.outside_quotes(m.start))?;
        let first = &mentions[at];
        let lead = &line[from..first.start - self.base];
        // "Acme chairman Jo Lee has written …": an organisation and one of its roles open the
        // sentence, and the subject is the holder named next.
        let holder = mentions.get(at + 1).filter(|next| {
            let kind = |m: &Mention| self.table.entities[m.entity].kind;
            kind(first) != Kind::Person
                && kind(next) == Kind::Person
                && next.end <= self.base + to
                && self.role_gap(&line[first.end - self.base..next.start - self.base])
        });
        let subject = holder.unwrap_or(first);
        let possessor = line[subject.end - self.base..].starts_with("'s") || line[subject.end - self.base..].starts_with("’s");
        // The lead may also be words no rule named and a role of theirs ("Lib Dem chairman ").
        ((OPENING.is_match(lead) || self.role_gap(lead)) && !possessor).then_some(subject.entity)
    }

    /// "Alverson summed up the journey: “…”": a sentence that opens with a person and leads
    /// into the quote with a colon gives the person's words, unless it names someone else on
    /// the way ("Swift has a deal with X, and Y will wonder: “…”").
    fn colon_subject(&self, line: &str, from: usize, to: usize) -> Option<Attribution> {
        let id = self.opening_subject(line, from, to)?;
        let others = self.table.from(self.base + from).iter().take_while(|m| m.start < self.base + to).any(|m| m.entity != id);
        (self.table.entities[id].kind == Kind::Person && !others).then(|| Attribution::entity(id, ":"))
    }
}

/// Every quotation in the article's body, with its speaker.
pub fn find_quotes(article: &Article, table: &EntityTable, lex: &Lexicon) -> Vec<FoundQuote> {
    let body: Vec<usize> = article.lines_of(LineKind::Body).collect();
    let per_line: Vec<(usize, Vec<Marked>)> = body.iter().map(|&i| (i, marks(article.line_text(i)))).collect();
    let quoted: Vec<(usize, usize)> = per_line
        .iter()
        .flat_map(|(i, ms)| ms.iter().map(move |m| (article.lines[*i].start + m.open, article.lines[*i].start + m.close)))
        .collect();
    let described = Described::default();
    let mut out: Vec<FoundQuote> = Vec::new();
    // The last body line with quotation marks and its last quote's speaker.
    let mut previous: Option<(usize, Option<usize>)> = None;
    for (i, ms) in per_line {
        let line = article.line_text(i);
        let base = article.lines[i].start;
        // The speaker of the last attributed quote in the paragraph, named or as written.
        let mut line_speaker: (Option<usize>, Option<String>) = (None, None);
        // Only lines with quotation marks need their sentences.
        let starts = if ms.is_empty() { Vec::new() } else { sentence_starts(line) };
        for (k, m) in ms.iter().enumerate() {
            let ctx = Context { article, table, lex, base, quoted: &quoted, described: &described, spoken: &out };
            let s_start = sentence_start(&starts, m.open);
            let s_end = sentence_end(&starts, line, m.close).max(m.close);
            let next_open = ms.get(k + 1).map_or(line.len(), |n| n.open);
            let prev_close = if k > 0 { ms[k - 1].close } else { 0 };
            // Attribution sits near the quote: look at most a few hundred bytes back, so a page
            // with no sentence breaks costs time in proportion to its length.
            let from = s_start.max(prev_close).max(line.floor_char_boundary(m.open.saturating_sub(400)));
            let before_text = line[from..m.open].trim();
            let partial = !before_text.is_empty() && !before_text.ends_with([':', ',']);
            // Words quoted inside reported speech belong to the sentence's speaker; a quote that
            // stands alone is attributed by what follows it ("…,” she said), else by what precedes.
            let after = || {
                // "“Why now?” Lee asked.": a question or exclamation ends inside the marks, and
                // the capital after them opens no new sentence unless a clause ends before its
                // speech verb ("“Why?” The panel moved on, Lee said." is no answer from Lee).
                let asked = line[m.start..m.end].trim_end().ends_with(['?', '!']) && line[m.close..s_end].trim().is_empty();
                let s_end = if asked {
                    // Looked for near the quote only, like the speaker: a long line without commas
                    // is scanned once, not once per quote.
                    let next_end = sentence_end(&starts, line, s_end).min(line.floor_char_boundary(s_end + 400));
                    line[s_end..next_end].find([',', ';']).map_or(next_end, |c| s_end + c)
                } else {
                    s_end
                };
                let to = s_end.min(next_open).max(m.close);
                // The attribution follows at once: not a later clause about someone else.
                let window = |chars: usize| line[m.close..to].char_indices().nth(chars).map_or(to, |(i, _)| m.close + i);
                ctx.attribution(line, m.close, window(80)).or_else(|| {
                    // "“…,” Jo Lee, who chairs the panel of inquiry, said": a name right after
                    // the quote may set off a long aside before its verb.
                    let named = ctx.named_next(line, m.close)?;
                    ctx.attribution(line, m.close, window(200)).filter(|a| a.speaker == Some(named))
                })
            };
            let before = || ctx.attribution(line, from, m.open);
            let unresolved_speaker = || {
                let rest = &line[m.close..s_end.min(next_open).max(m.close)];
                let rest = &rest[..rest.floor_char_boundary(80)];
                // "the actor said" may well be the last speaker again; "wrote one reader" is not.
                VERB.is_match(rest) && !PRONOUN_VERB.is_match(rest) && !rest.contains("the ")
            };
            let attribution = if partial {
                // A person named after the quote outranks an organisation named before it
                // ("The agency said it wants a “…”, Vice Minister X told reporters").
                let inner = before().or_else(|| ctx.sentence_subject(line, from, m.open));
                let is_person = |a: &Option<Attribution>| a.as_ref().and_then(|a| a.speaker).is_some_and(|id| table.entities[id].kind == Kind::Person);
                if is_person(&inner) {
                    inner
                } else {
                    let outer = after();
                    if is_person(&outer) || inner.is_none() { outer.or(inner) } else { inner }
                }
            } else {
                after()
                    .or_else(before)
                    .or_else(|| ctx.sentence_subject(line, from, m.open))
                    .or_else(|| before_text.ends_with(':').then(|| ctx.colon_subject(line, from, m.open)).flatten())
                    .or_else(|| ctx.apposition(line, m.close, s_end.min(next_open)))
                    .or_else(|| {
                        let ends_line = m.close == line.len() || line[m.close..].trim().is_empty();
                        ctx.credit_below(i, ends_line, ends_line && m.open == 0)
                    })
                    .or_else(|| {
                        // "X told reporters on Monday. “…”": the sentence before introduces it.
                        let previous = sentence_start(&starts, s_start.saturating_sub(1));
                        (s_start > 0 && previous >= prev_close && before_text.is_empty()).then(|| ctx.attribution(line, previous, s_start)).flatten()
                    })
            };
            let (speaker, speaker_text, cue) = match attribution {
                Some(a) => (a.speaker, a.speaker_text, Some(a.cue)),
                None => {
                    // An unattributed quote continues the speaker of the quote before it in the
                    // same paragraph, or of a paragraph-long quotation just before.
                    let (speaker, speaker_text) = if k > 0 {
                        line_speaker.clone()
                    } else if !before_text.is_empty() || unresolved_speaker() {
                        // A paragraph that does not open with the quote has its own subject, and
                        // so has a quote followed by a speech verb whose subject is neither a
                        // pronoun nor a description ("“…,” wrote one reader").
                        (None, None)
                    } else {
                        // A paragraph that is one quote and nothing else goes on from a
                        // paragraph reporting what someone said ("Erekat said it was …").
                        let whole_paragraph = ms.len() == 1 && line[m.close..].trim().is_empty();
                        // A caption or subhead between the two ("Hori Parata at his farm"): the
                        // quote before stays in view only across such a line (see the end of
                        // this loop), so one body line between them is one.
                        let across_aside = |pl: usize| whole_paragraph && next_body(&body, pl).and_then(|n| next_body(&body, n)) == Some(i);
                        previous
                            .filter(|(pl, _)| next_body(&body, *pl) == Some(i) || across_aside(*pl))
                            .and_then(|(_, s)| s)
                            .or_else(|| whole_paragraph.then(|| previous_body(&body, i).and_then(|p| ctx.reports_speech(p))).flatten())
                            .map_or((None, None), |id| (Some(id), None))
                    };
                    (speaker, speaker_text, None)
                }
            };
            // An unnamed speaker ("an IAAF spokesman", "officers") goes on too, and so does a
            // given name alone ("Dale wrote"); another capitalised name no rule typed is too
            // weak a guess to pass on.
            let passes_on = speaker_text.as_deref().is_some_and(|t| t.starts_with(|c: char| c.is_lowercase()) || lex.is_given_name(t) || lex.ambiguous_given_names.contains(t));
            if speaker.is_some() || passes_on {
                line_speaker = (speaker, speaker_text.clone().filter(|_| passes_on));
            }
            let text = line[m.start..m.end].trim();
            let lead = line[m.start..m.end].len() - line[m.start..m.end].trim_start().len();
            let words = text.split_whitespace().count();
            let kind = if speaker.is_some() || speaker_text.is_some() || words >= 6 { "quote" } else { "scare" };
            out.push(FoundQuote {
                start: base + m.start + lead,
                end: base + m.start + lead + text.len(),
                paragraph: i,
                speaker,
                speaker_text,
                cue,
                partial,
                kind,
            });
        }
        // An aside between two paragraphs keeps the quote before it in view.
        if !(ms.is_empty() && is_aside(line)) {
            previous = (!ms.is_empty()).then(|| (i, out.last().and_then(|q| q.speaker)));
        }
    }
    let out = share_speaker_across_paragraphs(article, &body, out);
    speaker_of_repeated_words(article, out)
}

/// A short line that ends in no stop or quotation mark: a caption or a subhead set between
/// paragraphs.
fn is_aside(line: &str) -> bool {
    let line = line.trim_end();
    !line.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '’', '\'']) && line.split_whitespace().count() <= 25 && !line.contains(['"', '“', '”'])
}

/// A speech verb whose object is the listener, so that a name after it never speaks.
fn addresses_listener(verb: &str) -> bool {
    matches!(verb, "told" | "tells")
}

/// The body line before body line `line`.
fn previous_body(body: &[usize], line: usize) -> Option<usize> {
    body.binary_search(&line).ok().and_then(|k| k.checked_sub(1)).map(|k| body[k])
}

/// The body line after body line `line`. `body` is in text order, so a binary search finds it:
/// a scan per quote made a page of many one-line quotes quadratic.
fn next_body(body: &[usize], line: usize) -> Option<usize> {
    body.binary_search(&line).ok().and_then(|k| body.get(k + 1)).copied()
}

/// A pull quote or subhead repeats words quoted in full elsewhere: it has that speaker.
fn speaker_of_repeated_words(article: &Article, mut quotes: Vec<FoundQuote>) -> Vec<FoundQuote> {
    let text = article.text();
    let words = |q: &FoundQuote| text[q.start..q.end].to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    let attributed = |q: &FoundQuote| q.speaker.is_some() || q.speaker_text.is_some();
    // Most pages have no unattributed quote: skip lower-casing every quote's words.
    if quotes.iter().all(attributed) || !quotes.iter().any(attributed) {
        return quotes;
    }
    let said: Vec<(String, Option<usize>, Option<String>)> =
        quotes.iter().filter(|q| attributed(q)).map(|q| (words(q), q.speaker, q.speaker_text.clone())).collect();
    let unsaid: Vec<(usize, String)> =
        quotes.iter().enumerate().filter(|(_, q)| !attributed(q)).map(|(k, q)| (k, words(q))).filter(|(_, w)| w.split(' ').count() >= 3).collect();
    if said.is_empty() || unsaid.is_empty() {
        return quotes;
    }
    // The first attributed quote that holds each unattributed one. On a page of many quotes one
    // automaton over the unattributed quotes runs once over the attributed ones, joined by line
    // breaks (which no pattern holds): a substring search per pair made it quadratic. Building
    // the automaton costs more than a few hundred substring searches.
    let mut holder: Vec<Option<usize>> = vec![None; unsaid.len()];
    let many = said.len() * unsaid.len() > 256;
    match many.then(|| AhoCorasick::new(unsaid.iter().map(|(_, w)| w)).ok()).flatten() {
        Some(ac) => {
            let mut haystack = String::new();
            let mut starts = Vec::with_capacity(said.len());
            for (w, ..) in &said {
                starts.push(haystack.len());
                haystack.push_str(w);
                haystack.push('\n');
            }
            let mut left = unsaid.len();
            for m in ac.find_overlapping_iter(&haystack) {
                let slot = &mut holder[m.pattern().as_usize()];
                if slot.is_none() {
                    // Matches come in order of their end, so the first is in the earliest quote.
                    *slot = Some(starts.partition_point(|&s| s <= m.start()) - 1);
                    left -= 1;
                    if left == 0 {
                        break;
                    }
                }
            }
        }
        // Few pairs, or patterns too large for an automaton: search for each one.
        None => {
            for (slot, (_, mine)) in holder.iter_mut().zip(&unsaid) {
                *slot = said.iter().position(|(w, ..)| w.contains(mine.as_str()));
            }
        }
    }
    for ((k, _), found) in unsaid.iter().zip(holder) {
        let Some(found) = found else { continue };
        let (_, speaker, speaker_text) = &said[found];
        let q = &mut quotes[*k];
        q.speaker = *speaker;
        q.speaker_text.clone_from(speaker_text);
        q.cue = Some("repeated".to_string());
        q.kind = "quote";
    }
    quotes
}

/// A quotation running over several paragraphs repeats its opening mark at each paragraph and
/// closes only at the end, where the attribution usually stands: a quote left open at the end
/// of its paragraph, followed by a paragraph that opens with a mark, continues there, and every
/// part is spoken by whoever the last part names. Each paragraph stays its own quote.
fn share_speaker_across_paragraphs(article: &Article, body: &[usize], mut quotes: Vec<FoundQuote>) -> Vec<FoundQuote> {
    let text = article.text();
    let continues = |a: &FoundQuote, b: &FoundQuote| {
        let left_open = text[a.end..article.lines[a.paragraph].end].trim().is_empty();
        let opens_line = text[article.lines[b.paragraph].start..b.start].chars().all(|c| c.is_whitespace() || "“\"‘'«„”".contains(c));
        left_open && opens_line && next_body(body, a.paragraph) == Some(b.paragraph)
    };
    for k in (1..quotes.len()).rev() {
        let (head, tail) = quotes.split_at_mut(k);
        let (earlier, later) = (&mut head[k - 1], &tail[0]);
        if continues(earlier, later) && (later.speaker.is_some() || later.speaker_text.is_some()) {
            earlier.speaker = later.speaker;
            earlier.speaker_text.clone_from(&later.speaker_text);
            earlier.cue.clone_from(&later.cue);
            earlier.kind = "quote";
        }
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A break and its word are what one pattern with the word as its first group finds.
        #[test]
        fn a_break_and_its_word_are_one_patterns_match_and_group(chars in proptest::collection::vec(proptest::sample::select(vec!['a', 'U', 'S', ' ', ' ', '.', '!', '?', '"', '\'', '”', '’', '“', '‘', 'é', '1', '_', '\u{301}', '\u{3000}', '\n']), 0..24)) {
            static WITH_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"([\w.]*)[.!?][”"’']?\s+[A-Z“"‘]"#).unwrap());
            let line: String = chars.into_iter().collect();
            let opens = |c: &regex::Captures| c.get(0).unwrap().end() - c[0].chars().last().unwrap().len_utf8();
            let expected: Vec<(usize, usize, &str)> = WITH_WORD.captures_iter(&line).map(|c| (c.get(1).unwrap().end(), opens(&c), c.get(1).unwrap().as_str())).collect();
            // The word is a slice of the line, so where it ends is where the stop is.
            let stop = |w: &str| w.as_ptr() as usize - line.as_ptr() as usize + w.len();
            let got: Vec<(usize, usize, &str)> = sentence_breaks(&line).map(|(next, w)| (stop(w), next, w)).collect();
            proptest::prop_assert_eq!(got, expected, "{:?}", line);
        }
    }

    #[test]
    fn a_breaks_word_reaches_back_no_further_than_the_last_break() {
        let words: Vec<&str> = sentence_breaks("Go. B. Then U.S. Army").map(|(_, w)| w).collect();
        assert_eq!(words, ["Go", "", "U.S"]);
    }

    fn texts(line: &str) -> Vec<&str> {
        marks(line).into_iter().map(|m| &line[m.start..m.end]).collect()
    }

    #[test]
    fn marks_of_every_kind() {
        assert_eq!(texts("“We won,” she said. “Again.”"), ["We won,", "Again."]);
        assert_eq!(texts("He said \"yes\" and left"), ["yes"]);
        assert_eq!(texts("It seeks an ”affectionate” relationship"), ["affectionate"]);
        assert_eq!(texts("China Wants ‘Can-Do’ Relations"), ["Can-Do"]);
        assert_eq!(texts("‘It would cut shoppers’ choice,’ she said"), ["It would cut shoppers’ choice,"]);
        assert_eq!(texts("«Bonjour» dit-il"), ["Bonjour"]);
        assert_eq!(texts("«Oui» et “non” puis «si» ou \"peut-être\""), ["Oui", "non", "si", "peut-être"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(texts("rock 'n' roll in the '90s and the investors' money").is_empty());
        assert!(texts("Ireland's O'Brien said it's fine").is_empty());
    }

    /// Speakers of "the company said" quotes on a page, in order.
    fn company_said_speakers(text: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        let article = Article::parse(text, &lex);
        let table = crate::extract::entities::find_entities(&article, &lex, &[]);
        find_quotes(&article, &table, &lex).iter().map(|q| q.speaker.map_or(String::new(), |id| table.entities[id].name.clone())).collect()
    }

    #[test]
    fn the_company_is_the_most_mentioned_firm_so_far_the_latest_on_a_tie() {
        let page = "Results\n\n\
            Kestrel Digital Inc. and Nimbus Freight Corp. reported results on Tuesday.\n\n\
            “We had a strong quarter,” the company said.\n\n\
            Kestrel Digital Inc. raised its forecast.\n\n\
            “Demand is rising,” the company said.\n\n\
            Nimbus Freight Corp. cut costs, and Nimbus Freight Corp. hired staff.\n\n\
            “We are lean now,” the company said.\n";
        assert_eq!(company_said_speakers(page), ["Nimbus Freight Corp.", "Kestrel Digital Inc.", "Nimbus Freight Corp."]);
    }

    #[test]
    fn unclosed_quote_ends_at_the_line_end() {
        assert_eq!(texts("He said “this runs on. And on."), ["this runs on. And on."]);
    }
}

#[cfg(test)]
mod attribution_tests {
    use crate::extract::{Stated, parse_article};
    use crate::lexicon::Lexicon;

    /// (speaker, text) of each quote in an article made of a headline and `body`.
    fn quotes(body: &str) -> Vec<(Option<String>, String)> {
        static LEX: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(Lexicon::builtin);
        let text = format!("Headline for the story about the plan\n\n{body}\n");
        let r = parse_article("t.txt", &text, text.as_bytes(), "utf-8", &LEX, &Stated::default());
        r.quotes.into_iter().map(|q| (q.speaker, q.text)).collect()
    }

    fn speakers(body: &str) -> Vec<Option<String>> {
        quotes(body).into_iter().map(|(s, _)| s).collect()
    }

    fn some(name: &str) -> Option<String> {
        Some(name.to_string())
    }

    /// A pull quote on its own line repeats words quoted in full: it takes their speaker,
    /// whether the page has few quotes (searched pair by pair) or many (one automaton).
    #[test]
    fn repeated_words_take_the_speaker() {
        let repeated = |body: &str| -> Vec<Option<String>> {
            let text = format!("Headline for the story about the plan\n\n{body}\n");
            let r = parse_article("t.txt", &text, text.as_bytes(), "utf-8", &Lexicon::builtin(), &Stated::default());
            r.quotes.into_iter().filter(|q| q.cue.as_deref() == Some("repeated")).map(|q| q.speaker).collect()
        };
        let few = "Maria Lopez said: “We will appeal the ruling.”\n\nThe hearing ended.\n\n“We will appeal the”\n\nDaniel Okafor said: “We will not.”";
        assert_eq!(repeated(few), [some("Maria Lopez")]);
        let name = |k: usize| ["Maria Lopez", "Daniel Okafor"][k % 2];
        let said: String = (0..20).map(|k| format!("{} said: “Point {k} is that we will appeal.”\n\n", name(k))).collect();
        let pulled: String = (0..20).map(|k| format!("The hearing ended.\n\n“Point {k} is that”\n\n")).collect();
        let expected: Vec<_> = (0..20).map(|k| some(name(k))).collect();
        assert_eq!(repeated(&format!("{said}{pulled}")), expected);
    }

    #[test]
    fn a_title_describes_the_person_holding_it() {
        let body = "Prime Minister Ansel Varga met Joe Kettleby on Monday. Kettleby talked at length.\n\n\
            “We will win,” the prime minister said.\n\n\
            Kettleby said more, and Trade Minister Dana Wexley arrived before Varga left.\n\n\
            “We will lose,” the minister said.\n\n\
            “We will trade,” the trade minister said.";
        assert_eq!(speakers(body), [some("Ansel Varga"), some("Ansel Varga"), some("Dana Wexley")]);
    }

    #[test]
    fn speaker_after_the_quote() {
        assert_eq!(speakers("“We will appeal the ruling,” Maria Lopez said on Tuesday."), [some("Maria Lopez")]);
        assert_eq!(speakers("“We will appeal the ruling,” said Maria Lopez, the company’s lawyer."), [some("Maria Lopez")]);
        assert_eq!(speakers("“The results are striking,” says study lead author Dr. Maria Lopez."), [some("Maria Lopez")]);
        assert_eq!(speakers("Dan Okafor spoke.\n\n“Budgets are moral documents” — Maria Lopez"), [some("Maria Lopez")]);
    }

    #[test]
    fn more_verbs_of_speech() {
        assert_eq!(speakers("“My people had it done,” Maria Lopez recounted at a meeting."), [some("Maria Lopez")]);
        assert_eq!(speakers("“Open the door!” Maria Lopez shouts."), [some("Maria Lopez")]);
        assert_eq!(speakers("“The risk is low,” Maria Lopez assured reporters."), [some("Maria Lopez")]);
    }

    #[test]
    fn a_question_in_the_marks_leaves_the_speaker_in_its_sentence() {
        assert_eq!(speakers("“Have you fixed the problem yet?” Maria Lopez asked."), [some("Maria Lopez")]);
        assert_eq!(speakers("\"We have not fixed the problem yet!\" Maria Lopez said."), [some("Maria Lopez")]);
        // A clause of its own before the verb: the name answers for the clause, not the quote.
        assert_eq!(speakers("Maria Lopez met Dan Okafor.\n\n“Have you fixed it yet?” The panel moved on, Okafor said."), [None]);
    }

    #[test]
    fn a_given_name_alone_is_the_one_person_who_has_it() {
        assert_eq!(speakers("Maria Lopez runs the shop on the corner. “We lost it all,” said Maria."), [some("Maria Lopez")]);
        // Two people share it: the given name alone names neither.
        assert_eq!(speakers("Maria Lopez and Maria Okafor run the shop on the corner. “We lost it all,” said Maria."), [None]);
        // Set off by commas before the verb.
        assert_eq!(speakers("“We lost it all,” her mother, Maria, said.\n\nMaria Lopez runs the shop on the corner."), [some("Maria Lopez")]);
        // A given name that is also a word, once the article gives it as one; the next quote
        // in the paragraph goes on with it.
        let got = speakers("Dale Okafor runs the shop on the corner.\n\n“We lost it all,” Dale wrote. “We will rebuild by the spring.”");
        assert_eq!(got, [some("Dale Okafor"), some("Dale Okafor")]);
    }

    #[test]
    fn remembered_reports_words() {
        let got = speakers("Daniel Okafor remembered Jo Lee rehearsing there and “going way off script in a way only he could.”");
        assert_eq!(got, [some("Daniel Okafor")]);
    }

    #[test]
    fn summed_up_introduces_the_next_sentences_quote() {
        let got = speakers("Daniel Okafor, a former adviser, once summed up the danger with a metaphor. “It is not the wolf at the door but termites in the woodwork.”");
        assert_eq!(got, [some("Daniel Okafor")]);
    }

    #[test]
    fn a_sentence_led_into_the_quote_by_a_colon_is_its_subjects() {
        let got = speakers("Maria Lopez summed up the long journey from the boat to the counter: “It is old school meets new school.”");
        assert_eq!(got, [some("Maria Lopez")]);
        let got = speakers("Maria Lopez signed with Acme Corp., and Daniel Okafor will be left to wonder: “What did we do to deserve this?”");
        assert_eq!(got, [None]);
    }

    #[test]
    fn speaker_before_the_quote() {
        assert_eq!(speakers("Maria Lopez said: “We will appeal the ruling.”"), [some("Maria Lopez")]);
        assert_eq!(speakers("Maria Lopez told Reuters: “We will appeal the ruling.”"), [some("Maria Lopez")]);
        assert_eq!(speakers("Sergeant Maria Lopez, of the Eastvale Police Department says, “We will appeal.”"), [some("Maria Lopez")]);
        assert_eq!(speakers("Captain Maria Lopez, says the officers waited, “We will appeal.”"), [some("Maria Lopez")]);
        assert_eq!(speakers("Maria Lopez runs the firm. As Ms Lopez put it, “We will appeal.”"), [some("Maria Lopez")]);
    }

    #[test]
    fn pronouns_and_surnames_resolve_to_the_person() {
        let got = speakers("Maria Lopez, a lawyer for the firm, spoke after the hearing. “We will appeal,” she said. “It is not over,” Lopez added.");
        assert_eq!(got, [some("Maria Lopez"), some("Maria Lopez")]);
        let got = speakers("Maria Lopez, who represents the town, spoke on Monday. Lopez said more.\n\nThe Eastvale MP said: “We will appeal.”");
        assert_eq!(got, [some("Maria Lopez")]);
        // "the Regional Minister" is the person most talked of; "he" then is the same.
        let got = speakers("The Regional Minister, Maria Lopez, met Ana Ruiz on Monday. Lopez defended the plan.\n\nThe plan was approved by Daniel Okafor.\n\n“We will appeal,” the Regional Minister alleged.\n\n“It is not over,” she told the host.");
        assert_eq!(got, [some("Maria Lopez"), some("Maria Lopez")]);
        // "she" is not a man named since ("Daniel"), "he" not a woman.
        let got = speakers("Maria Lopez spoke first. Daniel Okafor listened.\n\n“We will appeal,” she said.");
        assert_eq!(got, [some("Maria Lopez")]);
        // The person a quoting sentence names after its speaker is not the next "she".
        let got = speakers("Maria Lopez spoke after the hearing.\n\n“We will appeal,” she told the host, Ana Ruiz.\n\n“It is not over,” she said.");
        assert_eq!(got, [some("Maria Lopez"), some("Maria Lopez")]);
    }

    #[test]
    fn partial_quote_in_reported_speech() {
        let got = quotes("Acme Corp. chief executive Daniel Okafor said the company had made “real progress” on the deal.");
        assert_eq!(got, [(some("Daniel Okafor"), "real progress".to_string())]);
        // The person the reported clause is about is not its speaker.
        let got = speakers("Maria Lopez spoke on Monday.\n\nIn December, she said Prime Minister Daniel Okafor “will not have lied” about it.");
        assert_eq!(got, [some("Maria Lopez")]);
    }

    #[test]
    fn whoever_is_told_is_the_listener() {
        let got = speakers("“The item was on the agenda,” an EU spokesman told the Reuters agency.");
        assert_eq!(got, [some("an EU spokesman")]);
        let got = speakers("Maria Lopez met Daniel Okafor on Monday.\n\n“We will appeal,” she told Okafor.");
        assert_eq!(got, [some("Maria Lopez")]);
    }

    #[test]
    fn an_organisations_role_holder_opening_the_sentence_is_its_subject() {
        let got = speakers("Kestrel Widgets Ltd. chairman Maria Lopez has written to the board saying: “The advice we have is clear.”");
        assert_eq!(got, [some("Maria Lopez")]);
    }

    #[test]
    fn a_claim_printed_with_its_source_below_is_the_sources() {
        let body = "The Securities and Exchange Commission made a claim this week.\n\n“Widget prices rose by half in a single year.”\n\nSource: Securities and Exchange Commission, October 25, 2019\n\nThat is false, the data show.";
        assert_eq!(speakers(body), [some("Securities and Exchange Commission")]);
        // Only a paragraph that is all quote.
        let body = "The Securities and Exchange Commission made a claim this week.\n\nShe called it “a big rise”\n\nSource: Securities and Exchange Commission, October 25, 2019";
        assert_eq!(speakers(body), [None]);
    }

    #[test]
    fn a_clause_after_but_has_its_own_subject() {
        let got = speakers("Daniel Okafor won the race last week and said it would be his again, but James Marlowe is unfazed.\n\nHe admitted: “I never write myself off.”");
        assert_eq!(got, [some("James Marlowe")]);
    }

    #[test]
    fn an_unnamed_speaker_goes_on_within_the_paragraph() {
        let got = speakers("“Nothing was decided,” said a federation spokesman. “Getting everyone together gave us food for thought.”");
        assert_eq!(got, [some("a federation spokesman"), some("a federation spokesman")]);
        // A capitalised name that no rule typed is too weak to pass on.
        let got = speakers("“Nothing was decided,” Westwater said. “Getting everyone together gave us food for thought.”");
        assert_eq!(got, [some("Westwater"), None]);
    }

    #[test]
    fn one_of_a_group_named_by_its_role() {
        let got = speakers("“A decision is now expected in March,” said one of their lawyers, Daniel Okafor.");
        assert_eq!(got, [some("Daniel Okafor")]);
    }

    #[test]
    fn a_role_of_something_unnamed_before_the_subject() {
        let got = speakers("Lib Dem chairman Matthew Taylor has now written to the watchdog saying: “The advice we have is clear.”");
        assert_eq!(got, [some("Matthew Taylor")]);
    }

    #[test]
    fn a_quote_paragraph_goes_on_from_the_last_sentence_reporting_speech() {
        let got = speakers("The plan was approved on Monday. Committee chairman Daniel Okafor said it was overdue.\n\n“The committee believes the arguments should be rejected.”");
        assert_eq!(got, [some("Daniel Okafor")]);
    }

    #[test]
    fn a_speaker_after_the_firm_they_belong_to() {
        let got = speakers("“Sales will beat any film this year,” said Siemens' Daniel Okafor.");
        assert_eq!(got, [some("Daniel Okafor")]);
        let got = speakers("“Sales will beat any film this year,” said Microsoft's Daniel Okafor.");
        assert_eq!(got, [some("Daniel Okafor")]);
    }

    #[test]
    fn a_caption_between_two_quote_paragraphs_keeps_the_speaker() {
        let body = "“The greed in the ocean is hurting the whales,” says Maria Lopez, an elder of the tribe.\n\nMaria Lopez at her farm, where she was born and grew up\n\n“We are having to put up with a lot of stuff today.”";
        assert_eq!(speakers(body), [some("Maria Lopez"), some("Maria Lopez")]);
        // A paragraph of its own between them breaks the thread.
        let body = "“The greed in the ocean is hurting the whales,” says Maria Lopez, an elder of the tribe.\n\nThe council met on Monday and made no decision.\n\n“We are having to put up with a lot of stuff today.”";
        assert_eq!(speakers(body), [some("Maria Lopez"), None]);
    }

    #[test]
    fn organisations_speak() {
        let got = speakers("The Securities and Exchange Commission (SEC) opened an inquiry on Monday. “The review is routine,” the SEC said in a statement.");
        assert_eq!(got, [some("Securities and Exchange Commission")]);
    }

    #[test]
    fn a_paper_speaks_for_whoever_issued_it() {
        let got = speakers("“We checked every call,” an affidavit by Mr. Okafor said.\n\nDaniel Okafor and Maria Lopez disagree.\n\n“No such case was found,” the affidavit said.\n\nThe court met again on Friday.\n\n“It is final,” the order said.");
        assert_eq!(got, [some("Daniel Okafor"), some("Daniel Okafor"), None]);
    }

    #[test]
    fn a_speaker_after_the_firm_and_role_they_hold() {
        let got = speakers("“We are going on,” said Acme Corp. chief executive Maria Lopez. “We always have.”\n\n“It is over,” said Eastvale attorney Daniel Okafor, who said the suit was weak. “We won.”\n\n“No,” said Federal Department of Widget Safety spokesman Jo Lee.");
        assert_eq!(got, [some("Maria Lopez"), some("Maria Lopez"), some("Daniel Okafor"), some("Daniel Okafor"), some("Jo Lee")]);
    }

    #[test]
    fn when_and_how_may_follow_the_speaker() {
        let got = speakers("“Fine, really,” said Acme Corp. on Monday, after Daniel Okafor left.\n\n“It is over,” said Maria Lopez in a statement.\n\n“It is not,” said Okafor Tuesday.");
        assert_eq!(got, [some("Acme Corp."), some("Maria Lopez"), some("Daniel Okafor")]);
    }

    #[test]
    fn a_paper_read_out_speaks_for_its_issuer() {
        let got = speakers("Acme Corp. issued a statement on Monday.\n\n“We regret the delay,” read the statement.\n\n“Rates will rise,” read the Federal Widget Commission statement.");
        assert_eq!(got, [some("Acme Corp."), some("Federal Widget Commission")]);
        // Any release is an organisation's, not only a regulator's.
        let got = speakers("Acme Corp. cut prices on Monday. Acme Corp. expects demand to fall, while the Federal Widget Commission watched.\n\n“We regret the delay,” read the notice.");
        assert_eq!(got, [some("Acme Corp.")]);
    }

    #[test]
    fn following_paragraph_keeps_the_speaker() {
        let got = speakers("“We will appeal the ruling,” said Maria Lopez.\n\n“And we expect to win.”");
        assert_eq!(got, [some("Maria Lopez"), some("Maria Lopez")]);
        // A paragraph that is one quote goes on from one reporting what someone said, and
        // from nothing else.
        let got = speakers("Maria Lopez said the ruling would be appealed.\n\n“We expect to win.”");
        assert_eq!(got, [some("Maria Lopez")]);
        let got = speakers("Maria Lopez left the court at noon.\n\n“We expect to win.”\n\nMaria Lopez said the ruling was wrong.\n\n“We expect to win,” and more, “soon.”");
        assert_eq!(got, [None, None, None]);
        // A quote with a speech verb of its own is someone else's, unless a pronoun or a
        // description may point back.
        let got = speakers("“We will appeal the ruling,” said Maria Lopez.\n\n“Nobody believes that any more,” one reader wrote.");
        assert_eq!(got, [some("Maria Lopez"), None]);
        let got = speakers("“We will appeal the ruling,” said Maria Lopez.\n\n“It is over,” the lawyer said.");
        assert_eq!(got, [some("Maria Lopez"), some("Maria Lopez")]);
    }

    #[test]
    fn a_long_aside_may_part_the_speaker_from_the_verb() {
        let got = speakers("“The building should send a signal,” Interior Minister Wolfgang Amsel, who serves in a provisional government of civil servants, said.");
        assert_eq!(got, [some("Wolfgang Amsel")]);
        // Only a name right after the quote: a verb that far off may be another sentence's.
        let got = speakers("“The building should send a signal,” the report found after a long inquiry into the matter by the panel, Wolfgang Amsel said.");
        assert_eq!(got, [None]);
    }

    #[test]
    fn an_age_or_home_town_may_come_with_the_speaker() {
        let got = speakers("“I could not stand for long,” wrote 43-year-old Martin Tayler of Aberdeenshire, Scotland, in a case study.");
        assert_eq!(got, [some("Martin Tayler")]);
    }

    /// Each rule after the colon lead-in, behind the one set of cues they share.
    #[test]
    fn every_attribution_rule_passes_the_cue_set() {
        let lead = "Maria Lopez, a lawyer for Acme Holdings, spoke on Monday.";
        let text = "Headline for the story about the plan\n\n“We will appeal,” according to Maria Lopez, a lawyer for the firm.\n";
        let r = parse_article("t.txt", text, text.as_bytes(), "utf-8", &Lexicon::builtin(), &Stated::default());
        assert_eq!(r.quotes.iter().map(|q| (q.speaker.as_deref(), q.cue.as_deref())).collect::<Vec<_>>(), [(Some("Maria Lopez"), Some("according to"))]);
        assert_eq!(speakers(&format!("{lead} The paper quoted Lopez as saying “we will appeal.”")), [some("Maria Lopez")]);
        assert_eq!(speakers(&format!("{lead} “We will appeal,” she told reporters.")), [some("Maria Lopez")]);
        assert_eq!(speakers("Federal prosecutors alleged the scheme was “a fraud from the start.”"), [some("prosecutors")]);
        assert_eq!(speakers("“It was a fraud from the start,” Kestrel Widgets told investors."), [some("Kestrel Widgets")]);
        assert_eq!(speakers("A ruling on “the merits of the case” is due."), [None]);
    }

    #[test]
    fn nobody_named_is_null() {
        assert_eq!(speakers("The flood has been called “a disaster we saw coming for years and years.”"), [None]);
        // An unnamed group speaks as written.
        assert_eq!(speakers("Residents described the flood as “a disaster we saw coming.”"), [some("Residents")]);
        // So does an unnamed person, and not the last one named before.
        let got = speakers("Maria Lopez spoke first.\n\n“It was very unusual,” she said.\n\n“It was very unusual indeed,” said a Chinese brokerage analyst who asked not to be named.");
        assert_eq!(got, [some("Maria Lopez"), some("a Chinese brokerage analyst")]);
        // But not one who speaks for someone named, or is named next.
        assert_eq!(speakers("A spokesperson for Daniel Okafor said the plan was “a disaster.”"), [some("Daniel Okafor")]);
        assert_eq!(speakers("“A disaster,” declared a later chancellor, Daniel Okafor, in 1897."), [None]);
    }
}

