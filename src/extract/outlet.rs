//! The outlet (publisher) of an article, the sources it credits, and its publication date.

use std::sync::LazyLock;

use regex::Regex;

use crate::article::{Article, LineKind};
use crate::extract::dates;
use crate::lexicon::Lexicon;
use crate::text::tail_start;

/// A named news organisation and why it was named, in normalised-text offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundOutlet {
    pub name: String,
    pub rule: &'static str,
    pub start: usize,
    pub end: usize,
}

/// What the user states about a file, which beats anything inferred.
#[derive(Debug, Clone, Default)]
pub struct Stated {
    pub outlet: Option<String>,
    /// A publication date in any form the date parser reads (ISO-8601 timestamps included).
    pub published: Option<String>,
}

static COPYRIGHT_HOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:©|\(c\)|copyright)\s*(?i:copyright)?\s*(?:[@©]\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:[,.]\s*)?([A-Z][^|©(]*?)(?:\s*\d{4})?\s*(?:[.,]?\s+(?i:all rights reserved|powered by)|,\s+an?\s|[.(|]|$)").unwrap()
});

/// "Copyright © 2024 Some Site" → "Some Site".
fn copyright_holder(line: &str) -> Option<(usize, usize)> {
    let c = COPYRIGHT_HOLDER.captures(line)?;
    let m = c.get(1)?;
    let holder = m.as_str().trim_end_matches([',', ' ', '.']);
    (holder.len() >= 2 && holder.split_whitespace().count() <= 6).then(|| (m.start(), m.start() + holder.len()))
}

/// Words before an outlet's name that say it relayed the story: they end the text before it.
static RELAYED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u:\b)(?:told|[Aa]ccording to|obtained by|first reported by|reported by|cited by|quoted by|[Ii]n an interview with|interview with|[Ss]peaking to|statement to|writes|wrote)\s+(?:the\s+)?",
        // "according to the official X", "told state broadcaster X"
        r"(?:(?:official|state|state-run|state-owned|semi-official|local|national|news|broadcaster|newspaper|daily|agency|television|radio)\s+){0,3}$",
        // "a new report by E! News", "Jane Roe of the Washington Post"
        r"|(?-u:\b)report(?:ing)? (?:by|from|in)\s+(?:the\s+)?$|(?-u:\b)[A-Z][\w'-]+ of\s+(?:the\s+)?$",
        // "A split is cosmetic, notes CNBC": a clause credited by an inverted verb.
        r"|,\s+(?:notes|noted|reports|reported|says|said)\s+(?:the\s+)?$",
    ))
    .unwrap()
});
/// …or that open the text after it ("Reuters reported").
static RELAYED_AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^'?s?\s*(?:reported|reports|said|first reported|writes|wrote)(?-u:\b)").unwrap());

/// Whether the words before an outlet's name say it relayed the story. (The two patterns were
/// one; each side is tried with both, as before.)
fn relayed(before: &str, after: &str) -> bool {
    ends_with_match(&RELAYED_BEFORE, before) || RELAYED_AFTER.is_match(before) || RELAYED_AFTER.is_match(after)
}

/// Whether `re`, whose every match ends the haystack (`…$`), matches the text `before` a name,
/// searching only its end ([`tail_start`]): searching the whole line per name made a long line
/// with many names quadratic. (The `RELAYED_BEFORE` patterns cannot match `after`: a line is
/// trimmed, so it never ends in the white space they end with.)
fn ends_with_match(re: &Regex, before: &str) -> bool {
    re.is_match_at(before, tail_start(before))
}
static ORIGINALLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^via|originally (?:appeared|published) (?:on|in|at|by)|first (?:appeared|published) (?:on|in)|republished (?:from|with permission of)|courtesy of|(?:provided|distributed|syndicated) by)\s+(?:the\s+)?$").unwrap()
});

/// A name shaped like a news agency's: up to three capitalised words before "News Agency" or
/// "Press Agency" ("Saudi Press Agency"; an opening "The" is not the name's).
static AGENCY_SHAPED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?:The )?((?:[A-Z][\w'-]* ){1,3}(?:News|Press) Agency)(?-u:\b)").unwrap());

/// Outlets named in an article (the lexicon's, and agencies named like one), as (line, name,
/// start, end) in normalised offsets, in text order. Found in one pass that the publisher's
/// rules and the sources' rules all read, rather than a search of each line per rule.
struct OutletHits<'l>(Vec<(usize, &'l str, usize, usize)>);

impl<'l> OutletHits<'l> {
    fn find(article: &'l Article, lex: &'l Lexicon) -> OutletHits<'l> {
        let mut hits = Vec::new();
        for (i, line) in article.lines.iter().enumerate() {
            let t = article.line_text(i);
            let from = hits.len();
            for h in lex.outlets.find_in(t) {
                hits.push((i, lex.outlets.canonical(h.entry), line.start + h.start, line.start + h.end));
            }
            // "the official Saudi Press Agency": a news agency the lexicon does not list is
            // named like one; the lexicon's names come first where the two overlap.
            if t.contains(" Agency") {
                for m in AGENCY_SHAPED.captures_iter(t).filter_map(|c| c.get(1)) {
                    let (s, e) = (line.start + m.start(), line.start + m.end());
                    if !hits[from..].iter().any(|h| h.2 < e && s < h.3) {
                        hits.push((i, m.as_str(), s, e));
                    }
                }
                hits[from..].sort_by_key(|h| h.2);
            }
        }
        OutletHits(hits)
    }

    /// The outlets named on line `i`, as (name, start, end).
    fn on(&self, i: usize) -> impl Iterator<Item = (&'l str, usize, usize)> + '_ {
        let from = self.0.partition_point(|h| h.0 < i);
        self.0[from..].iter().take_while(move |h| h.0 == i).map(|&(_, name, s, e)| (name, s, e))
    }
}

/// The publisher of an article and the sources it credits.
pub fn find_outlets(article: &Article, lex: &Lexicon, stated: &Stated) -> (Option<FoundOutlet>, Vec<FoundOutlet>) {
    let hits = OutletHits::find(article, lex);
    let outlet = find_outlet(article, lex, stated, &hits);
    let sources = find_sources(article, lex, outlet.as_ref(), &hits);
    (outlet, sources)
}

fn found(name: &str, rule: &'static str, start: usize, end: usize) -> FoundOutlet {
    FoundOutlet { name: name.to_string(), rule, start, end }
}

/// The publisher: stated > a copyright holder the lexicon knows > the site's own name as the
/// page prints it (masthead) > any copyright holder > an outlet the article says it was told.
fn find_outlet(article: &Article, lex: &Lexicon, stated: &Stated, hits: &OutletHits) -> Option<FoundOutlet> {
    if let Some(name) = &stated.outlet {
        return Some(found(name, "stated", 0, 0));
    }
    if let Some((name, at)) = &article.front_matter.outlet {
        return Some(found(name, "front_matter", *at, at + name.len()));
    }
    let holder = copyright(article, lex);
    if let Some(known) = holder.as_ref().filter(|h| lex.outlets.contains(&h.name)) {
        return Some(known.clone());
    }
    masthead(article, lex, hits)
        .or(holder)
        .or_else(|| signature(article, hits))
        .or_else(|| author_bio(article, hits))
        .or_else(|| wire_dateline(article, lex))
        .or_else(|| interviewer(article, hits))
}

/// The outlet an author's bio says the author works for ("Jo Lee is a reporter for
/// Example.com"); a wire there is an earlier employer or a partner, not the publisher.
fn author_bio(article: &Article, hits: &OutletHits) -> Option<FoundOutlet> {
    article.lines_of(LineKind::Bio).find_map(|i| {
        let before = |s: usize| &article.norm.text[article.lines[i].start..s];
        let (name, s, e) = hits.on(i).find(|&(name, s, _)| !is_wire(name) && [" for ", " at ", " for the ", " at the "].iter().any(|w| before(s).ends_with(w)))?;
        Some(found(name, "bio", s, e))
    })
}

/// A page that signs off with its own name: a last line that is nothing but an outlet's name,
/// perhaps with its initials ("Example News Agency (ENA)"). A wire's name there credits the
/// story's source instead.
fn signature(article: &Article, hits: &OutletHits) -> Option<FoundOutlet> {
    // Lines are never blank: the last one is the page's last words.
    let i = article.lines.len().checked_sub(1)?;
    let line = &article.lines[i];
    let (name, s, e) = hits.on(i).next().filter(|&(name, s, _)| s == line.start && !is_wire(name))?;
    let rest = article.norm.text[e..line.end].trim();
    let initials = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')).is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_uppercase()));
    (rest.is_empty() || initials).then(|| found(name, "signature", s, e))
}

/// A wire service's own dateline ("BEIJING (Reuters) –") on a page that names no other publisher.
fn wire_dateline(article: &Article, lex: &Lexicon) -> Option<FoundOutlet> {
    let d = article.dateline.as_ref()?;
    let entry = lex.outlets.lookup(d.source.as_deref()?)?;
    Some(found(lex.outlets.canonical(entry), "dateline", d.start, d.end))
}

/// The holder named on the last copyright line: the site's own footer comes last, earlier
/// lines may credit a syndicated source.
fn copyright(article: &Article, lex: &Lexicon) -> Option<FoundOutlet> {
    article.lines_of(LineKind::Boilerplate("copyright")).collect::<Vec<_>>().into_iter().rev().find_map(|i| {
        let t = article.line_text(i);
        let (s, e) = copyright_holder(t)?;
        let base = article.lines[i].start;
        let holder = &t[s..e];
        let name = if lex.outlets.contains(holder) { lex.outlets.canonical_or_same(holder) } else { without_legal_form(holder, lex).to_string() };
        Some(found(&name, "copyright", base + s, base + e))
    })
}

/// "MatchDay Live Ltd" → "MatchDay Live": the publication, not the company behind it.
fn without_legal_form<'a>(holder: &'a str, lex: &Lexicon) -> &'a str {
    let mut name = holder.trim_end_matches(['.', ',', ' ']);
    while let Some((rest, last)) = name.rsplit_once(' ') {
        if !lex.company_suffixes.contains(last) && !lex.company_suffixes.contains(last.trim_end_matches('.')) {
            break;
        }
        name = rest.trim_end_matches([',', ' ']);
    }
    name
}

/// The publisher's name is a capital and up to 40 more characters: longer is a sentence.
/// (The bound is checked on the match: as a bounded repeat of a Unicode class it made the
/// pattern cost ~0.1 s to compile.)
static PUBLISHED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:([A-Z][\w.&' -]+?) is (?:published|owned|operated) by(?-u:\b)|More from ([A-Z][\w.&' -]+)$|Why you can trust ([A-Z][\w.&' -]+)$",
        // An ownership disclosure in parentheses: "(Acme is the owner of The Daily Planet.)"
        r"|\([^()]+ (?:is|are) the (?:owner|parent company|publisher) of (?:the )?([A-Z][\w.&' -]+?)\.?\))"
    ))
    .unwrap()
});
const PUBLISHER_NAME_CHARS: usize = 41;

/// The publisher a line names in one of the [`PUBLISHED_BY`] forms.
fn published_by(t: &str) -> Option<regex::Match<'_>> {
    if !may_name_publisher(t) {
        return None;
    }
    let c = PUBLISHED_BY.captures(t)?;
    (1..=4).find_map(|g| c.get(g)).filter(|m| m.as_str().chars().count() <= PUBLISHER_NAME_CHARS)
}

/// Whether a line holds a literal that [`PUBLISHED_BY`] needs. Its capture search with
/// repeats of word classes is slow to run on every line, and almost no line holds one.
fn may_name_publisher(t: &str) -> bool {
    t.starts_with("More from ")
        || t.starts_with("Why you can trust ")
        || (t.starts_with('(') && t.contains(" the "))
        || [" is published by", " is owned by", " is operated by"].iter().any(|cue| t.contains(cue))
}

/// The site's own name as the page prints it: after the byline ("By Jo Lee | The Gazette"),
/// in "X is published by …" or "More from X", in its own dateline ("(MNN) –"), or in the
/// page header.
fn masthead(article: &Article, lex: &Lexicon, hits: &OutletHits) -> Option<FoundOutlet> {
    for i in article.lines_of(LineKind::Byline) {
        let t = article.line_text(i);
        let base = article.lines[i].start;
        if let Some((name, s, e)) = hits.on(i).find(|(n, ..)| !is_wire(n)) {
            return Some(found(name, "byline", s, e));
        }
        // "By Wikimedia Foundation•15 January 2020": an organisation writing on its own site.
        static ORG_BYLINE: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^(?i:by)\s+([A-Z][\w&'.-]*(?: [A-Z][\w&'.-]*){0,4} (?:Foundation|Institute|Society|Association|Council|Trust|Fund|Group|Agency))(?-u:\b)").unwrap());
        if let Some(m) = ORG_BYLINE.captures(t).and_then(|c| c.get(1)) {
            return Some(found(&lex.outlets.canonical_or_same(m.as_str()), "byline", base + m.start(), base + m.end()));
        }
        if let Some(bar) = t.rfind('|') {
            let after = t[bar + 1..].trim();
            let name = after.trim_start_matches("Special to ").trim_start_matches("the ");
            let words = name.split_whitespace().count();
            if (1..=4).contains(&words) && name.chars().next().is_some_and(char::is_uppercase) && !name.chars().any(|c| c.is_ascii_digit()) {
                let s = base + t.len() - name.len();
                return Some(found(&lex.outlets.canonical_or_same(name), "byline", s, s + name.len()));
            }
        }
    }
    for (i, line) in article.lines.iter().enumerate() {
        let t = article.line_text(i);
        if let Some(m) = published_by(t) {
            let name = m.as_str().trim();
            return Some(found(&lex.outlets.canonical_or_same(name), "masthead", line.start + m.start(), line.start + m.start() + name.len()));
        }
    }
    if let Some(d) = &article.dateline
        && let Some(source) = &d.source
        && !is_wire(&lex.outlets.canonical_or_same(source))
        && source.split_whitespace().count() <= 4
    {
        return Some(found(&lex.outlets.canonical_or_same(source), "dateline", d.start, d.end));
    }
    // Page furniture above the story, or a line that is nothing but an outlet's name.
    let body_start = article.lines.iter().position(|l| l.kind == LineKind::Body && crate::article::is_prose(&article.norm.text[l.start..l.end]));
    let header = (0..body_start.unwrap_or(article.lines.len())).filter(|&i| article.lines[i].kind != LineKind::Title);
    let from_header = header.into_iter().find_map(|i| {
        let furniture = matches!(article.lines[i].kind, LineKind::Navigation | LineKind::Section | LineKind::DateLine | LineKind::Boilerplate(_));
        let line = &article.lines[i];
        let (name, s, e) = hits.on(i).find(|&(n, s, e)| !is_wire(n) && (furniture || (s == line.start && e == line.end)))?;
        Some(found(name, "header", s, e))
    });
    // The site's own e-mail address or social handle ("news@example.com", "@ExampleNews").
    from_header.or_else(|| {
        (0..article.lines.len()).filter(|&i| article.line_text(i).contains('@')).find_map(|i| {
            let t = article.line_text(i);
            let base = article.lines[i].start;
            let (name, s, e) = hits.on(i).find(|&(_, s, _)| t[..s - base].ends_with('@'))?;
            Some(found(name, "handle", s, e))
        })
    })
}

/// The outlet that did the interview ("… told The Daily Planet"): a last resort.
fn interviewer(article: &Article, hits: &OutletHits) -> Option<FoundOutlet> {
    static TOLD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)told\s+(?:the\s+)?$").unwrap());
    article.lines_of(LineKind::Body).find_map(|i| {
        let t = article.line_text(i);
        let base = article.lines[i].start;
        let (name, s, e) = hits.on(i).find(|&(name, s, _)| !is_wire(name) && ends_with_match(&TOLD, &t[..s - base]))?;
        Some(found(name, "interview", s, e))
    })
}

/// Wire services and syndicators: credited as sources, publishers only by their own dateline.
fn is_wire(name: &str) -> bool {
    matches!(name, "Associated Press" | "Reuters" | "Agence France-Presse" | "Bloomberg" | "SyndiGate" | "United Press International")
}

/// News organisations credited for the content or relayed by it.
fn find_sources(article: &Article, lex: &Lexicon, outlet: Option<&FoundOutlet>, hits: &OutletHits) -> Vec<FoundOutlet> {
    let mut sources: Vec<FoundOutlet> = Vec::new();
    let mut push = |f: FoundOutlet| {
        if !sources.iter().any(|s| s.name == f.name) {
            sources.push(f);
        }
    };
    let mut original = false;
    if let Some(d) = &article.dateline
        && let Some(entry) = d.source.as_deref().and_then(|s| lex.outlets.lookup(s)) {
            push(found(lex.outlets.canonical(entry), "dateline", d.start, d.end));
            original = true;
        }
    // "Tom Kramer, Ap Auto Writer": some sites title-case the wire's initials on the byline.
    static AP_BYLINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)Ap(?-u:\b)").unwrap());
    for i in article.lines_of(LineKind::Byline) {
        if let Some(m) = AP_BYLINE.find(article.line_text(i)) {
            let at = article.lines[i].start + m.start();
            push(found("Associated Press", "credit", at, at + m.len()));
            original = true;
        }
    }
    let last_body = article.lines_of(LineKind::Body).last();
    for (i, line) in article.lines.iter().enumerate() {
        let t = article.line_text(i);
        for (name, s, e) in hits.on(i) {
            let (ls, le) = (s - line.start, e - line.start);
            let before = &t[..ls];
            let after = &t[le..];
            let rule = match line.kind {
                LineKind::Credit | LineKind::Byline if is_wire(name) => Some("credit"),
                LineKind::Boilerplate("copyright") if outlet.is_some_and(|o| o.name != name) => Some("copyright"),
                LineKind::Body if ends_with_match(&ORIGINALLY, before) => Some("originally_appeared"),
                // "From Bloomberg News | A judge ruled …": a paragraph opening with its origin.
                LineKind::Body | LineKind::Credit if from_credit(before, after) => Some("credit"),
                // The story's last words, or a paragraph signed by the wire wherever it is
                // (site furniture after it may pass for story text).
                LineKind::Body
                    if after.trim_matches(['.', ' ', ')']).is_empty()
                        && ls > 0
                        && (Some(i) == last_body || crate::article::is_signed_paragraph(t)) =>
                {
                    Some("closing_name")
                }
                LineKind::Body | LineKind::Caption if relayed(before, after) => Some("relayed"),
                _ => None,
            };
            if let Some(rule) = rule {
                original |= rule != "relayed";
                push(found(name, rule, s, e));
            }
        }
    }
    for (i, line) in article.lines.iter().enumerate() {
        if let Some((s, e)) = credited_news_organisation(article.line_text(i)) {
            let name = &article.line_text(i)[s..e];
            if !lex.photo_agencies.contains(name) {
                push(found(&lex.outlets.canonical_or_same(name), "credit", line.start + s, line.start + e));
                original = true;
            }
        }
    }
    // The publisher is its own source unless the story came from someone else.
    // It is listed once, first, even where the text also relays it ("… told Sky Sports").
    if let Some(o) = outlet
        && !original && !is_wire(&o.name) {
            sources.retain(|s| s.name != o.name);
            sources.insert(0, o.clone());
        }
    sources
}

/// Whether a name with `before` and `after` it opens its line as the story's origin: "From
/// Bloomberg News | …", "From the Associated Press: …".
fn from_credit(before: &str, after: &str) -> bool {
    let opener = before.strip_prefix("From ").or_else(|| before.strip_prefix("FROM "));
    opener.is_some_and(|rest| rest.is_empty() || rest == "the ") && after.trim_start().starts_with(['|', ':', '—', '–', '-'])
}

/// "Via SyndiGate.info", "Source: National News Agency": a line of its own crediting a news
/// organisation, named by its web address or by a name a news organisation has. A "Source:"
/// line more often names where a figure or a claim came from ("Source: World Bank"), which
/// neither form matches.
fn credited_news_organisation(line: &str) -> Option<(usize, usize)> {
    static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:Via|Source:)\s+(?:the\s+)?((?:[A-Z][\w&'-]*\s+){0,4}(?:News|News Agency|Press Agency|Newswire|Wire)|[A-Za-z][\w-]*(?:\.[\w-]+)*\.(?:com|net|org|info|news|co\.uk|[a-z]{2}))\.?$").unwrap()
    });
    if !line.starts_with("Via") && !line.starts_with("Source:") {
        return None;
    }
    let m = CREDIT.captures(line)?.get(1)?;
    Some((m.start(), m.end()))
}

/// The publication date: stated > a date line in the header > a dated dateline > a time
/// stamp below the story > the copyright year (year precision at best).
pub fn find_published(article: &Article) -> Option<(String, &'static str, &'static str, usize, usize)> {
    if let Some((value, at)) = &article.front_matter.published
        && let Some((v, p)) = dates::parse_publication_date(value) {
            return Some((v, p, "front_matter", *at, at + value.len()));
        }
    let header_end = article.lines.iter().position(|l| l.kind == LineKind::Body && crate::article::is_prose(&article.norm.text[l.start..l.end]));
    // Date lines may follow a standfirst, so look a little past the story's first paragraph.
    let limit = header_end.map_or(article.lines.len(), |b| (b + 6).min(article.lines.len()));
    for i in 0..limit {
        let kind = article.lines[i].kind;
        let before_story = header_end.is_none_or(|b| i < b);
        if matches!(kind, LineKind::DateLine | LineKind::Byline) || (kind == LineKind::Body && before_story) {
            let t = article.line_text(i);
            if kind == LineKind::Body && t.split_whitespace().count() > 12 {
                continue;
            }
            if let Some((v, p)) = dates::parse_publication_date(t)
                && p == "day" {
                    return Some((v, p, "date_line", article.lines[i].start, article.lines[i].end));
                }
        }
    }
    // A labelled date anywhere on the page ("Date 19.01.2020" in a metadata box).
    static LABELLED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?i:date|published|posted|updated|first published)(?-u:\b)").unwrap());
    for (i, line) in article.lines.iter().enumerate() {
        let t = article.line_text(i);
        if !LABELLED.is_match(t) {
            continue;
        }
        // A label run into the story ("date 2019-08-29 ARLINGTON, Texas — …"): its first words.
        let head = t.split_whitespace().nth(12).map_or(t, |_| {
            let end = t.match_indices(' ').nth(3).map_or(t.len(), |(at, _)| at);
            &t[..end]
        });
        if let Some((v, p)) = dates::parse_publication_date(head) {
            return Some((v, p, "date_line", line.start, line.start + head.len()));
        }
    }
    if let Some(d) = &article.dateline
        && let Some((v, p)) = dates::parse_publication_date(&article.norm.text[d.start..d.end]) {
            return Some((v, p, "dateline", d.start, d.end));
        }
    // A wire's time stamp below the story: a line of nothing but a date and a clock time
    // ("January 19, 2024 11:38 ET (16:38 GMT)").
    for i in article.lines_of(LineKind::Body) {
        let t = article.line_text(i);
        if crate::article::is_date_line(t)
            && t.as_bytes().windows(4).any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit())
            && let Some((v, p)) = dates::parse_publication_date(t).filter(|(_, p)| *p == "day")
        {
            return Some((v, p, "date_line", article.lines[i].start, article.lines[i].end));
        }
    }
    for i in article.lines_of(LineKind::Boilerplate("copyright")).collect::<Vec<_>>().into_iter().rev() {
        static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)(19[7-9]\d|20\d\d)(?-u:\b)").unwrap());
        let t = article.line_text(i);
        if let Some(m) = YEAR.find_iter(t).last() {
            let base = article.lines[i].start;
            return Some((m.as_str().to_string(), "year", "copyright_year", base + m.start(), base + m.end()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_publisher_gate_admits_every_line_the_pattern_matches() {
        let lines = [
            "The Daily Planet is published by Planet Media Ltd.",
            "Metro Gazette is owned by Acme Holdings",
            "More from The Harbour Times",
            "Why you can trust Gadget Review",
            "(Acme Holdings is the parent company of the Daily Planet.)",
            "(Acme and Co are the publisher of Riverside News)",
            "The mayor said the road is owned by the county.",
            "Plain story text with no cue.",
        ];
        for t in lines {
            assert!(!PUBLISHED_BY.is_match(t) || may_name_publisher(t), "{t}");
        }
        assert!(lines[..6].iter().all(|t| PUBLISHED_BY.is_match(t)));
        assert!(!may_name_publisher("Plain story text with no cue."));
    }

    #[test]
    fn a_publishers_name_is_at_most_41_characters() {
        let name = |n: usize| format!("A{}", "b".repeat(n - 1));
        assert_eq!(published_by(&format!("More from {}", name(41))).map(|m| m.as_str().len()), Some(41));
        assert_eq!(published_by(&format!("More from {}", name(42))), None);
        assert_eq!(published_by(&format!("{} is published by Acme", name(42))), None);
        assert_eq!(published_by(&format!("(Acme is the owner of the {}.)", name(41))).map(|m| m.as_str().len()), Some(41));
    }

    fn published(text: &str) -> Option<String> {
        find_published(&Article::parse(text, &Lexicon::builtin())).map(|(v, ..)| v)
    }

    fn outlet(text: &str) -> Option<String> {
        let lex = Lexicon::builtin();
        find_outlets(&Article::parse(text, &lex), &lex, &Stated::default()).0.map(|o| o.name)
    }

    #[test]
    fn a_date_label_run_into_the_story_dates_it() {
        let story = "Headline of the story here\n\n date 2019-08-29 EASTVALE, Texas — Police arrested a man on Thursday after a long search across the county, officials said.\n";
        assert_eq!(published(story).as_deref(), Some("2019-08-29"));
        let story = "Headline of the story here\n\nUpdated rules took effect across the county on Thursday after a long search by officials, who said on 2019-08-29 it was over.\n";
        assert_eq!(published(story), None);
    }

    #[test]
    fn a_time_stamp_below_the_story_dates_it() {
        // Further down than a date line under the headline may be.
        let story = format!("Headline of the story here\n\n{}", "Police arrested a man on Thursday after a long search across the county, officials said.\n\n".repeat(8));
        assert_eq!(published(&format!("{story}(END) Example Newswires\n\nAugust 29, 2019 11:38 ET (15:38 GMT)\n")).as_deref(), Some("2019-08-29"));
        assert_eq!(published(&format!("{story}The trial opens August 29, 2019\n")), None);
    }

    fn sources_of(text: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        let (_, sources) = find_outlets(&Article::parse(text, &lex), &lex, &Stated::default());
        sources.into_iter().map(|s| s.name).collect()
    }

    #[test]
    fn a_paragraph_signed_by_the_wire_credits_it() {
        let text = "Headline of the story here\n\nThe bourse said on Friday that shares fell.\n\n“We all need to relax,” Jo Lee said. - Reuters\n\nGet 35% off a subscription today\n";
        assert_eq!(sources_of(text), ["Reuters"]);
    }

    #[test]
    fn the_publisher_relayed_in_its_own_story_is_one_source() {
        let text = "Headline of the story here\n\n“We never stop,” Jo Lee told Sky Sports on Friday.\n\nThe court meets on Monday.\n";
        assert_eq!(sources_of(text), ["Sky Sports"]);
    }

    #[test]
    fn a_sentence_may_open_by_crediting_a_wire() {
        let text = "Headline of the story here\n\nAccording to the Associated Press, the man was held on Friday.\n\nThe court meets on Monday.\n";
        assert_eq!(sources_of(text), ["Associated Press"]);
    }

    #[test]
    fn a_clause_may_be_credited_by_an_inverted_verb() {
        let text = "Headline of the story here\n\nA stock split is cosmetic, notes CNBC, and changes nothing for holders.\n\nThe court meets on Monday.\n";
        assert_eq!(sources_of(text), ["CNBC"]);
        // Not a name the clause is about.
        let text = "Headline of the story here\n\nHe said CNBC had been unfair to him and his firm.\n\nThe court meets on Monday.\n";
        assert!(sources_of(text).is_empty());
    }

    #[test]
    fn a_paragraph_may_open_with_its_origin() {
        let text = "Headline of the story here\n\nFrom Bloomberg News | A judge ruled on Tuesday that creditors can sue.\n\nThe court meets on Monday.\n";
        assert_eq!(sources_of(text), ["Bloomberg"]);
        let text = "Headline of the story here\n\nFrom the Associated Press: A judge ruled on Tuesday that creditors can sue.\n\nThe court meets on Monday.\n";
        assert_eq!(sources_of(text), ["Associated Press"]);
    }

    #[test]
    fn an_agency_named_like_one_is_credited_through_descriptive_words() {
        let text = "Headline of the story here\n\nThe ministry condemned the remarks, according to the official Eastland Press Agency on Sunday.\n\nThe court meets on Monday.\n";
        assert_eq!(sources_of(text), ["Eastland Press Agency"]);
        let text = "Headline of the story here\n\nThe minister told state broadcaster Eastland News Agency that the remarks were wrong.\n\nThe court meets on Monday.\n";
        assert_eq!(sources_of(text), ["Eastland News Agency"]);
        let text = "Headline of the story here\n\nThe ministry condemned the remarks, according to analysts at the Eastland Press Agency.\n\nThe court meets on Monday.\n";
        assert_eq!(sources_of(text), Vec::<String>::new());
    }

    #[test]
    fn an_authors_bio_names_the_publisher() {
        let story = "Headline of the story here\n\nThe ministry condemned the remarks made by the minister on Sunday, officials in the capital said.\n\nJo Lee is a sports reporter for FoxNews.com and FoxBusiness.com.\n";
        assert_eq!(outlet(story).as_deref(), Some("Fox News"));
        let story = "Headline of the story here\n\nThe ministry condemned the remarks made by the minister on Sunday, officials in the capital said.\n\nJo Lee is a former reporter for Reuters.\n";
        assert_eq!(outlet(story), None);
    }

    #[test]
    fn a_page_signing_off_with_its_name_is_its_publisher() {
        let story = "Headline of the story here\n\nThe ministry condemned the remarks on Sunday, officials said.\n\nEastland News Agency (ENA)\n";
        assert_eq!(outlet(story).as_deref(), Some("Eastland News Agency"));
        let story = "Headline of the story here\n\nThe ministry condemned the remarks on Sunday, officials said.\n\nReuters\n";
        assert_eq!(outlet(story), None);
        let story = "Headline of the story here\n\nThe ministry condemned the remarks on Sunday, officials said.\n\nEastland News Agency staff (ENA)\n";
        assert_eq!(outlet(story), None);
    }

    #[test]
    fn lines_crediting_a_news_organisation() {
        fn credited(line: &str) -> Option<&str> {
            credited_news_organisation(line).map(|(s, e)| &line[s..e])
        }
        assert_eq!(credited("Via SyndiGate.info"), Some("SyndiGate.info"));
        assert_eq!(credited("Source: National News Agency"), Some("National News Agency"));
        assert_eq!(credited("Source: example-news.co.uk."), Some("example-news.co.uk"));
        assert_eq!(credited("Source: World Bank"), None);
        assert_eq!(credited("Source: Defense Ministry, October 25, 2019"), None);
        assert_eq!(credited("Via Twitter"), None);
        assert_eq!(credited("Sources say the deal is off."), None);
    }

    #[test]
    fn copyright_holders() {
        let cases = [
            ("© 2021 Bloomberg LP", "Bloomberg LP"),
            ("Copyright © 2024 Communications Today", "Communications Today"),
            ("© 2020 Some Network Inc. All rights reserved.", "Some Network Inc"),
            ("© The Daily Planet, a Gannett Newspaper", "The Daily Planet"),
            ("© Copyright Gannett 2018", "Gannett"),
            ("Copyright © 2017 Tavern Times. Powered by WordPress.", "Tavern Times"),
            ("© 2000 - 2019 Al Example (www.example.com)", "Al Example"),
            ("©2019 Acme", "Acme"),
        ];
        for (line, want) in cases {
            let (s, e) = copyright_holder(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(&line[s..e], want, "{line}");
        }
    }
}
