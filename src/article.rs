//! Article structure: lines and blocks, the headline, the dateline, byline and credit lines,
//! captions, and the page furniture (boilerplate) that extraction must not read.
//!
//! A *paragraph* is one non-blank line; a *block* is a run of lines between blank lines.
//! Scraped pages put each page element on its own line, so a line is the unit that can be
//! classified without swallowing its neighbours.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use crate::lexicon::Lexicon;
use crate::text::{Normalized, char_at};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    /// The headline printed a second time.
    RepeatedTitle,
    Navigation,
    /// A section or topic label ("Cyber Security", "Health").
    Section,
    /// A photo caption or photo credit.
    Caption,
    Byline,
    /// A line giving the publication date or time.
    DateLine,
    Body,
    /// Reporting, writing and editing credits.
    Credit,
    /// A short biography of the author.
    Bio,
    /// Page furniture of the named kind, excluded from extraction.
    Boilerplate(&'static str),
    /// A front-matter header line (`Outlet: …`).
    FrontMatter,
}

impl LineKind {
    /// Lines whose text belongs to the article proper and is read by the entity extractors.
    pub fn is_content(self) -> bool {
        matches!(self, LineKind::Title | LineKind::Caption | LineKind::Body)
    }
}

#[derive(Debug, Clone)]
pub struct Line {
    /// Byte range in the normalised text, trimmed of surrounding white space.
    pub start: usize,
    pub end: usize,
    pub block: usize,
    pub kind: LineKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatelineMatch {
    /// Range of the whole dateline in the normalised text, separator included.
    pub start: usize,
    pub end: usize,
    pub place: Option<String>,
    pub source: Option<String>,
}

/// Values stated in a front-matter header at the top of the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub outlet: Option<(String, usize)>,
    pub published: Option<(String, usize)>,
    pub authors: Vec<(String, usize)>,
    pub title: Option<(String, usize)>,
}

#[derive(Debug, Clone)]
pub struct Article {
    pub norm: Normalized,
    pub lines: Vec<Line>,
    pub title: Option<usize>,
    pub dateline: Option<DatelineMatch>,
    pub front_matter: FrontMatter,
}

impl Article {
    pub fn text(&self) -> &str {
        &self.norm.text
    }

    pub fn line_text(&self, i: usize) -> &str {
        let l = &self.lines[i];
        &self.norm.text[l.start..l.end]
    }

    /// Indices of lines of the given kind.
    pub fn lines_of(&self, kind: LineKind) -> impl Iterator<Item = usize> + '_ {
        (0..self.lines.len()).filter(move |&i| self.lines[i].kind == kind)
    }

    pub fn parse(original: &str, lex: &Lexicon) -> Article {
        let norm = Normalized::new(original);
        let mut lines = split_lines(&norm.text);
        let front_matter = read_front_matter(&norm.text, &mut lines);
        let mut article = Article { norm, lines, title: None, dateline: None, front_matter };
        article.classify(lex);
        article
    }

    fn classify(&mut self, lex: &Lexicon) {
        let n = self.lines.len();
        // Borrowed from the text (not `line_text`), so that line kinds can be set meanwhile.
        let text = &self.norm.text;
        let texts: Vec<&str> = self.lines.iter().map(|l| &text[l.start..l.end]).collect();
        let body_start = texts.iter().position(|t| is_prose(t)).unwrap_or(n);
        let mut in_related_list = false;
        // With a "By …" line at the top, a bare name line there is a topic label, not a byline.
        let explicit_byline = texts.iter().take(body_start + 3).any(|t| at_most_words(t, 16) && byline_at(t).is_some());
        for i in 0..n {
            if self.lines[i].kind == LineKind::FrontMatter {
                continue;
            }
            let t = texts[i];
            let furniture = Furniture::of(t);
            // "© Jane Doe" under a picture credits a photographer, not a copyright holder.
            let photo_credit = t.starts_with('©') && furniture.caption(t);
            let kind = if let Some(kind) = furniture.boilerplate(t).filter(|_| !photo_credit) {
                // A list of other stories runs on through its time stamps.
                // A "Related:" header opens one too.
                in_related_list = (in_related_list && kind == "timestamp") || (kind == "related" && (!t.contains(':') || t.trim_end().ends_with(':')));
                LineKind::Boilerplate(kind)
            } else if in_related_list && (is_headline_like(t) || is_teaser(t)) {
                LineKind::Boilerplate("related")
            } else {
                in_related_list = false;
                if furniture.caption(t) && !is_signed_paragraph(t) {
                    LineKind::Caption
                } else if furniture.credit(t) {
                    LineKind::Credit
                } else if i > body_start && furniture.bio(t, lex) {
                    LineKind::Bio
                } else if (i <= body_start + 2 && (byline_at(t).is_some() || (is_name_line(t, lex) && !explicit_byline)))
                    || (BYLINE.is_match(t) && is_credit_box(&texts, i))
                {
                    LineKind::Byline
                } else if i <= body_start + 6 && is_date_line(t) {
                    LineKind::DateLine
                } else if i < body_start && is_navigation(t, lex) {
                    LineKind::Navigation
                } else {
                    LineKind::Body
                }
            };
            self.lines[i].kind = kind;
        }
        self.mark_navigation_blocks();
        self.mark_subheads(body_start);
        self.mark_uncredited_captions(body_start);
        self.choose_title(body_start, lex);
        self.find_dateline(lex);
    }

    /// A tagline inside a promotion box ("Get more with X" / tagline / "Learn more") is
    /// navigation too: a line of a block sandwiched between navigation lines.
    fn mark_navigation_blocks(&mut self) {
        for i in 1..self.lines.len().saturating_sub(1) {
            let (prev, line, next) = (&self.lines[i - 1], &self.lines[i], &self.lines[i + 1]);
            let same_block = prev.block == line.block && next.block == line.block;
            if same_block && line.kind == LineKind::Body && prev.kind == LineKind::Navigation && next.kind == LineKind::Navigation {
                self.lines[i].kind = LineKind::Navigation;
            }
        }
    }

    /// A short label standing alone inside the story ("Overseas Listings", a blog's category
    /// name) is a subhead or a section name, not story text.
    fn mark_subheads(&mut self, body_start: usize) {
        for i in body_start + 1..self.lines.len() {
            let t = &self.norm.text[self.lines[i].start..self.lines[i].end];
            let alone = (i == 0 || self.lines[i - 1].block != self.lines[i].block)
                && self.lines.get(i + 1).is_none_or(|n| n.block != self.lines[i].block);
            let shouting = t.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
            if self.lines[i].kind == LineKind::Body && alone && at_most_words(t, 3) && is_label(t) && !shouting {
                self.lines[i].kind = LineKind::Section;
            }
        }
    }

    /// A picture's description printed on the line above its credit is a caption too.
    fn mark_uncredited_captions(&mut self, body_start: usize) {
        for i in 1..self.lines.len() {
            let (above, credit) = (&self.lines[i - 1], &self.lines[i]);
            let credit_only = credit.kind == LineKind::Caption && at_most_words(&self.norm.text[credit.start..credit.end], 8);
            if credit_only && above.kind == LineKind::Body && above.block == credit.block && i - 1 != body_start {
                self.lines[i - 1].kind = LineKind::Caption;
            }
        }
    }

    /// The headline: the first line before the story that reads like one (4 to 20 words, no
    /// closing full stop), once navigation, labels, captions, bylines and dates are set aside.
    fn choose_title(&mut self, body_start: usize, lex: &Lexicon) {
        if let Some((_, at)) = &self.front_matter.title {
            self.title = self.lines.iter().position(|l| l.start == *at);
        }
        let header_end = (body_start + 1).min(self.lines.len());
        // A masthead slogan sits above the site's menu bar; the headline comes after it.
        let after_menu = (0..body_start.min(self.lines.len()))
            .rev()
            .find(|&i| self.lines[i].kind == LineKind::Navigation && self.line_text(i).matches('|').count() >= 2)
            .map_or(0, |i| i + 1);
        let candidates: Vec<usize> = (after_menu..header_end)
            .filter(|&i| self.lines[i].kind == LineKind::Body && self.title.is_none())
            .filter(|&i| {
                let t = self.line_text(i);
                !is_section_label(t, lex) && (i < body_start || self.title.is_none())
            })
            .collect();
        let headline_like = |i: usize| {
            let t = self.line_text(i);
            let words = t.split_whitespace().count();
            (4..=20).contains(&words) && !t.ends_with('.') || t.ends_with("– .")
        };
        // Failing a headline-like line, the first line serves, unless it is a paragraph of text
        // (a page scraped without line breaks is one long line): that is the story, with no title.
        let short = |i: &usize| at_most_words(self.line_text(*i), 40);
        let pick = candidates
            .iter()
            .copied()
            .find(|&i| headline_like(i) && i < body_start)
            .or_else(|| candidates.first().copied().filter(short))
            .or_else(|| self.lines.iter().position(|l| l.kind != LineKind::FrontMatter).filter(short));
        let Some(title) = pick.or(self.title) else { return };
        self.title = Some(title);
        self.lines[title].kind = LineKind::Title;
        let title_text = self.line_text(title).to_string();
        for i in 0..header_end {
            if i == title {
                continue;
            }
            let t = self.line_text(i).to_string();
            if t == title_text {
                self.lines[i].kind = LineKind::RepeatedTitle;
            } else if self.lines[i].kind == LineKind::Body && i < body_start && is_section_label(&t, lex) {
                self.lines[i].kind = LineKind::Section;
            } else if self.lines[i].kind == LineKind::Body && i < title {
                self.lines[i].kind = LineKind::Navigation;
            } else if self.lines[i].kind == LineKind::Body && i > title && i < body_start && is_label(&t) {
                self.lines[i].kind = LineKind::Section;
            }
        }
    }

    fn find_dateline(&mut self, lex: &Lexicon) {
        let first_body = self.lines.iter().position(|l| l.kind == LineKind::Body);
        let Some(first) = first_body else { return };
        // The dateline opens the story; allow a standfirst or a place line before it.
        let opening: Vec<usize> = (first..self.lines.len()).filter(|&i| self.lines[i].kind == LineKind::Body).take(3).collect();
        for i in opening {
            // A press release's place on a line of its own: "BAAR, SWITZERLAND".
            let t = self.line_text(i);
            if at_most_words(t, 4) && t.chars().any(char::is_alphabetic) && t.chars().all(|c| c.is_uppercase() || " ,.'-".contains(c)) {
                let (start, end) = (self.lines[i].start, self.lines[i].end);
                self.dateline = Some(DatelineMatch { start, end, place: Some(t.trim_end_matches(',').to_string()), source: None });
                return;
            }
            let start = self.lines[i].start;
            if let Some(mut m) = match_dateline(self.line_text(i), lex) {
                m.start += start;
                m.end += start;
                self.dateline = Some(m);
                return;
            }
        }
    }
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut block = 0;
    let mut blank_before = false;
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let content = raw.trim_end_matches('\n');
        let trimmed = content.trim();
        if trimmed.is_empty() {
            blank_before = true;
        } else {
            if blank_before && !lines.is_empty() {
                block += 1;
            }
            blank_before = false;
            let lead = content.len() - content.trim_start().len();
            let start = at + lead;
            lines.push(Line { start, end: start + trimmed.len(), block, kind: LineKind::Body });
        }
        at += raw.len();
    }
    lines
}

static FRONT_MATTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i)(outlet|publisher|published|date|author|authors|byline|title|url|source)\s*:\s*(.+)$").unwrap());

/// Header lines `Key: value` at the very top, before the first blank line, all of known keys.
fn read_front_matter(text: &str, lines: &mut [Line]) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let first_block: Vec<usize> = (0..lines.len()).take_while(|&i| lines[i].block == 0).collect();
    let all_headers = first_block.len() >= 2
        && first_block.iter().all(|&i| FRONT_MATTER.is_match(&text[lines[i].start..lines[i].end]));
    if !all_headers {
        return fm;
    }
    for i in first_block {
        let line = &text[lines[i].start..lines[i].end];
        let Some(caps) = FRONT_MATTER.captures(line) else { continue };
        let value = caps[2].trim().to_string();
        let at = lines[i].start + caps.get(2).map_or(0, |m| m.start());
        match caps[1].to_lowercase().as_str() {
            "outlet" | "publisher" | "source" => fm.outlet = Some((value, at)),
            "published" | "date" => fm.published = Some((value, at)),
            "author" | "authors" | "byline" => {
                let mut offset = at;
                for name in value.split([',', ';']).flat_map(|p| p.split(" and ")) {
                    let lead = value[offset - at..].find(name.trim()).unwrap_or(0);
                    fm.authors.push((name.trim().to_string(), offset + lead));
                    offset += lead + name.trim().len();
                }
            }
            "title" => fm.title = Some((value, at)),
            _ => {}
        }
        lines[i].kind = LineKind::FrontMatter;
    }
    fm
}

fn word_count(t: &str) -> usize {
    t.split_whitespace().count()
}

/// `word_count(t) <= n` without counting a long paragraph's words past `n + 1`: most lines are
/// tested against small limits, several times each.
fn at_most_words(t: &str, n: usize) -> bool {
    // n + 1 words take at least 2n + 1 bytes.
    if t.len() <= 2 * n {
        return true;
    }
    let (mut words, mut in_word, mut at) = (0, false, 0);
    while at < t.len() {
        let (c, len) = char_at(t, at);
        let space = c.is_whitespace();
        if !space && !in_word {
            words += 1;
            if words > n {
                return false;
            }
        }
        in_word = !space;
        at += len;
    }
    true
}

/// Running story text: a long line that ends like a sentence.
pub fn is_prose(t: &str) -> bool {
    !at_most_words(t, 13) && t.trim_end().ends_with(['.', '"', '”', '’', ':', '?', '!', ')'])
}

/// Kinds of site furniture, each with its pattern; the first that matches names a line.
const BOILERPLATE_RULES: &[(&str, &str)] = &[
    ("comments", r"^(?i)(be the first to comment|what do you think\??|click to comment|leave a (reply|comment)|you must be logged in to post a comment.*|please enter your (comment|name|email).*|this site uses akismet.*|\d+ comments?|comments?|join the conversation|post a comment|add a comment|show comments|view comments|comment on this (story|article))[.!]*$"),
    ("share", r"^(?i)((share (on|via) \w+\s*)+|share|share this( article| story| post)?|tweet|email|e-mail|print|enlarge image|close|video|facebook|twitter|linkedin|whatsapp|reddit|pinterest|copy link|share on \w+|save|save article|follow us.*|listen to this article.*|(facebook|twitter|linkedin|email|whatsapp|reddit|pinterest)( (facebook|twitter|linkedin|email|whatsapp|reddit|pinterest))+)$"),
    ("newsletter", r"^(?i)(sign up|subscribe|get)(?-u:\b).*(?-u:\b)(newsletter|inbox|email updates|briefing)(?-u:\b).*|^(?i)(subscribe( now)?|newsletter|sign up|sign in|log in|register)$"),
    ("related", r"^(?i)(recent posts|also see|also read|related( stories| articles| content| coverage| posts| news)?|read more|read next|more from [\w .]+|(\S+ )*most read|most popular|most viewed|you may also like|you might also like|recommended( for you)?|trending( now)?|more stories|more news|latest news|top stories|further reading|see also|read also|what to read next|more on this story)\s*:?$"),
    ("related", r"^(ALSO SEE|READ MORE|RELATED|READ ALSO|SEE ALSO|MORE|WATCH|LISTEN|Also see|Read more|Related|Read also|See also)\s*:\s*\S.*$"),
    ("copyright", r"(?i)^(©|\(c\) |copyright(?-u:\b))|(?-u:\b)all rights reserved(?-u:\b)|^©"),
    ("notice", r"(?i)((?-u:\b)cookies?(?-u:\b).*(?-u:\b)(use|accept|consent|policy)(?-u:\b)|^error: content is protected|^advertisement$|^sponsored( content)?$|^this material may not be published|^we use cookies|^search for this author in|^(pubmed|google scholar)$)"),
    ("timestamp", r"^(?i)\d+ (seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago$"),
];
/// Every pattern a line kind test starts from: the boilerplate rules, then the caption, credit
/// and bio patterns. Story paragraphs, most lines, match none; one pass of them all is cheaper
/// than a pass of each.
static FURNITURE: LazyLock<RegexSet> = LazyLock::new(|| {
    let patterns = BOILERPLATE_RULES.iter().map(|(_, pattern)| *pattern).chain([CAPTION_PATTERN, CREDIT_PATTERN, BIO_PATTERN]);
    RegexSet::new(patterns).unwrap()
});
const CAPTION_RULE: usize = BOILERPLATE_RULES.len();
const CREDIT_RULE: usize = CAPTION_RULE + 1;
const BIO_RULE: usize = CAPTION_RULE + 2;

/// Which furniture patterns a line matches.
struct Furniture(Option<regex::SetMatches>);

impl Furniture {
    fn of(t: &str) -> Furniture {
        // A plain test first: finding every matching pattern costs more, and most lines have none.
        Furniture(FURNITURE.is_match(t).then(|| FURNITURE.matches(t)))
    }

    fn matched(&self, rule: usize) -> bool {
        self.0.as_ref().is_some_and(|m| m.matched(rule))
    }

    /// The kind of site furniture: the first boilerplate rule the line matches.
    fn boilerplate(&self, t: &str) -> Option<&'static str> {
        let rule = self.0.as_ref()?.iter().next().filter(|&i| i < BOILERPLATE_RULES.len())?;
        at_most_words(t, 40).then_some(BOILERPLATE_RULES[rule].0)
    }

    fn caption(&self, t: &str) -> bool {
        self.matched(CAPTION_RULE) && at_most_words(t, 90)
    }

    fn credit(&self, t: &str) -> bool {
        self.matched(CREDIT_RULE) && at_most_words(t, 40)
    }

    /// "Jo Lee is a reporter for …" about a person with a known given name.
    fn bio(&self, t: &str, lex: &Lexicon) -> bool {
        self.matched(BIO_RULE) && BIO.captures(t).is_some_and(|c| c[1].split_whitespace().next().is_some_and(|w| lex.is_given_name(w)))
    }
}

/// A story paragraph that ends with the wire's sign-off ("… Li said. - Reuters"), which the
/// caption rule would take for a photo credit.
pub fn is_signed_paragraph(t: &str) -> bool {
    static SIGNED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"[.!?”"’]\s+[-–—]{1,2}\s*(?:AFP|AP|EPA|Reuters|Bloomberg|Xinhua)\.?$"#).unwrap());
    SIGNED.is_match(t)
}

/// A line shaped like a headline: no closing full stop, not too long.
fn is_headline_like(t: &str) -> bool {
    let words = word_count(t);
    (1..=22).contains(&words) && !t.ends_with('.')
}

/// The clipped summary of another story in a related list.
fn is_teaser(t: &str) -> bool {
    t.ends_with('…') || t.ends_with("...")
}

const CAPTION_PATTERN: &str = concat!(
    r"(?:(?-u:\b)(?:Photo|Photos|Photograph|Image|Picture|Credit|Illustration)s?(?: by)?\s*:\s*[^.]{2,80}$",
    r"|(?-u:\b)REUTERS/|\(AP Photo|(?-u:\b)AP Photo/|/\s*(?:AFP|AP|EPA|Getty Images|Reuters|Xinhua|Bloomberg|Shutterstock|Alamy)(?-u:\b)",
    r"|(?-u:\b)Getty Images\)?\.?$|\(\s*[A-Z][A-Z .'-]+/[A-Z][A-Z .'-]+\)\s*$|(?-u:\b)(?:AFP|AP|EPA|EPA-EFE|Reuters)\s*\)?\.?$|^©\s*[A-Z][a-z]+ [A-Z][a-z]+$",
    r"|^Image:\s|^\(?(?:Photo|Image|Credit):",
    // A caption signed "… Credit Jo Lee/The Daily Planet" or "… Credit Jo Lee for The …".
    r"|(?:^|[.!?”\x22]\s+)Credit\s+(?:Credit\s+)?\p{Lu}[\w'’.-]*(?:\s+\p{Lu}[\w'’.-]*){1,3}\s*(?:/|\s+for\s+The\s)[^.]*$)"
);
const CREDIT_PATTERN: &str = concat!(
    r"^\(?\s*(?i:(?:additional )?(?:reporting|writing|editing|compiled|research|produced|reported|written|edited)(?: and \w+)?)\s+by\s+.*$",
    r"|^[•·\-–—*\s]*[A-Z][\w.&' ]+ with additional (?:editing|reporting|writing) by .+$",
    r"|^[\w.'’ -]+ contributed (?:to )?(?:(?:this|the) (?:report|story|article)|reporting)\.?$",
    r"|^Analysis: [^,]+, .+$|^Contributing:\s+\S.*$|^[-—–]*\s*With (?:additional )?(?:assistance|reporting) from\s+\S.*$",
    r"|^[—–-]\s*(?:The )?(?:Associated Press|Reuters|AFP|Bloomberg)\.?$"
);
const BIO_PATTERN: &str = r"^((?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’-]+) (?:is|was|has been) (?:a|an|the)(?-u:\b)[^.]*(?-u:\b)(?:journalist|reporter|writer|editor|correspondent|columnist|contributor|author|freelancer|producer|analyst)s?(?-u:\b)";
static BIO: LazyLock<Regex> = LazyLock::new(|| Regex::new(BIO_PATTERN).unwrap());

/// The name a bio line is about.
pub fn bio_name(t: &str) -> Option<(usize, usize)> {
    BIO.captures(t).and_then(|c| c.get(1)).map(|m| (m.start(), m.end()))
}

/// An explicit author cue: "By Jane Doe", "Author Jane Doe", "Written by Jane Doe".
pub static BYLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:by|authors?:?|written by|words by|story by|reporting by)\s+[A-Z]").unwrap());

/// Where a "By …" credit opens in a line: at its start, or in a segment after " | "
/// ("ScienceMag.org | By Martin Enserink | May 6, 2021").
pub fn byline_at(t: &str) -> Option<usize> {
    if BYLINE.is_match(t) {
        return Some(0);
    }
    t.match_indices(" | ").map(|(at, bar)| at + bar.len()).find(|&at| BYLINE.is_match(&t[at..]))
}

/// A line that starts with a person's name and holds little else: a job title, an outlet, a
/// date ("Tom Kramer, AP Auto Writer", "Jo Lee Energy correspondent", "Sarah Good March 9, 2017").
fn is_name_line(t: &str, lex: &Lexicon) -> bool {
    // The cheap tests first: most lines asked are story paragraphs, long or ending in a stop.
    if !at_most_words(t, 10) || t.ends_with('.') || t.contains(['\'', '’', ';', ':', '?', '!']) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() < 2 {
        return false;
    }
    let given = lex.is_given_name(words[0]) || (lex.ambiguous_given_names.contains(words[0]) && lex.surnames.contains(words[1]));
    let only_job_words = words.iter().filter(|w| w.chars().next().is_some_and(char::is_lowercase)).all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        lex.roles.contains(w) || matches!(w, "and" | "of" | "for" | "at" | "the" | "to" | "staff" | "writer" | "correspondent" | "reporter" | "editor" | "am" | "pm")
    });
    given && words[1].chars().next().is_some_and(char::is_uppercase) && only_job_words
}

/// An author line later on the page counts when it stands in a box of page metadata, not
/// between two paragraphs of story text (where it credits an embedded gallery or video).
fn is_credit_box(texts: &[&str], i: usize) -> bool {
    let t = texts[i];
    let prose_around = i > 0 && i + 1 < texts.len() && is_prose(texts[i - 1]) && is_prose(texts[i + 1]);
    at_most_words(t, 8) && !t.ends_with('.') && !prose_around
}

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?-u:\b)|(?-u:\b)\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{4}(?-u:\b)|(?-u:\b)\d{1,2}/\d{1,2}/\d{2,4}(?-u:\b)|(?-u:\b)\d{4}-\d{2}-\d{2}(?-u:\b)|^(published|updated|posted|last updated)(?-u:\b)").unwrap()
});

/// A short line that gives a date with its year or a clock time ("Updated 3:04 PM ET, July 23").
pub fn is_date_line(t: &str) -> bool {
    // A year or a clock time tells a date line from a headline that names a day ("by July 1").
    static YEAR_OR_TIME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(1[89]|20)\d\d(?-u:\b)|\d:\d\d|^(published|updated|posted|last updated)").unwrap());
    at_most_words(t, 16) && DATE_LINE.is_match(t) && YEAR_OR_TIME.is_match(t) && !t.ends_with('.')
}

static NAVIGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i)([^»›]{1,30}(\s*[»›]\s*[^»›]{1,30})+|[^/>]{1,25}(\s+[/>]\s+[^/>]{1,25}){2,}|.{1,40} - back to home|back to home|home\s*[>»›/].*|connect with us|get more with .*|learn more|skip to (main )?content|menu|search|home|sign in|log in|subscribe|open menu|close menu|toggle navigation|main menu|you are here:?.*|breadcrumb|back to top|.* keeping you current)$").unwrap()
});

fn is_navigation(t: &str, lex: &Lexicon) -> bool {
    if NAVIGATION.is_match(t) {
        return true;
    }
    // A menu: a row of section names ("News | Business | Sport", "MNN  US  World  Politics").
    let items: Vec<&str> = t.split(['|', '•', '·']).flat_map(|p| p.split("  ")).map(str::trim).filter(|p| !p.is_empty()).collect();
    let words: Vec<&str> = t.split(|c: char| c.is_whitespace() || "|•·".contains(c)).filter(|w| !w.is_empty()).collect();
    let sections = |parts: &[&str]| parts.iter().filter(|p| lex.sections.contains(&p.to_lowercase())).count();
    // "Subscribe | Log in", "Markets | Economy | Video": short labels between bars.
    let bar_items: Vec<&str> = t.split('|').map(str::trim).collect();
    let label_row = bar_items.len() >= 2 && bar_items.iter().all(|p| (1..=3).contains(&word_count(p)) && !p.ends_with(['.', '?', '!']));
    label_row || (items.len() >= 3 && sections(&items) + 1 >= items.len()) || (words.len() >= 4 && sections(&words) + 1 >= words.len())
}

/// A short label without sentence punctuation ("International Circuit", "Health").
fn is_label(t: &str) -> bool {
    at_most_words(t, 4) && !t.ends_with(['.', '?', '!', ':']) && t.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn is_section_label(t: &str, lex: &Lexicon) -> bool {
    lex.sections.contains(&t.to_lowercase()) || (at_most_words(t, 3) && is_label(t))
}

/// "BEIJING (Reuters) –", "LONDON, Sept 18 (Reuters) -", "March 3 (Reuters) -": a place, a
/// date or both, then the agency; a release's "MENLO PARK, Calif.–(BUSINESS WIRE)–" or
/// "BOISE, Idaho, Nov. 12, 2020 (GLOBE NEWSWIRE) —" too.
static DATELINE_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:([A-Z][A-Za-z.'’-]+(?:[ ,]+[A-Za-z.'’-]+){0,3})(?:,?\s+|\s*[-–—]\s*))?(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?),?\s+)?\(([A-Z][A-Za-z0-9 .&-]{1,40})\)\s*(?:[-–—]{1,2}|:)\s*").unwrap()
});
/// "NEW YORK (CNNMoney)" on a line of its own, the story on the next: the place in capitals.
static DATELINE_AGENCY_ALONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Z][A-Z.'’-]+(?:,? [A-Z][A-Z.'’-]+){0,3}) \(([A-Z][A-Za-z .&-]{1,40})\)$").unwrap());
static DATELINE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    // A press release dates it: "CHICAGO, September 3, 2024 – …".
    Regex::new(r"^([A-Z][A-Za-z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3}),?\s+(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\s+)?[-–—]{1,2}\s+").unwrap()
});
static DATELINE_RELEASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][A-Za-z.'’ -]+(?:, [A-Z][A-Za-z. ]+)*),? [A-Z][a-z]+\.? \d{1,2}, \d{4}\s*/\s*([A-Za-z ]+?)\s*/\s*(?:[-–—]{1,2})?\s*").unwrap()
});

fn match_dateline(t: &str, lex: &Lexicon) -> Option<DatelineMatch> {
    let at = |m: regex::Match| (m.end(), Some(m.as_str().trim().trim_end_matches(',').to_string()));
    if let Some(c) = DATELINE_AGENCY.captures(t).or_else(|| DATELINE_AGENCY_ALONE.captures(t)) {
        let source = c.get(2).map(|m| m.as_str().trim().to_string());
        let place = c.get(1).map(|m| m.as_str().trim().trim_end_matches(',').to_string());
        return Some(DatelineMatch { start: 0, end: c.get(0)?.end(), place, source });
    }
    if let Some(c) = DATELINE_RELEASE.captures(t) {
        let (_, place) = at(c.get(1)?);
        return Some(DatelineMatch { start: 0, end: c.get(0)?.end(), place, source: Some(c[2].trim().to_string()) });
    }
    let c = DATELINE_PLACE.captures(t)?;
    let place = c.get(1)?.as_str();
    let first = place.split([',', ' ']).next().unwrap_or(place);
    let shouting = place.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if shouting || lex.places.contains(place) || lex.places.contains(first) {
        return Some(DatelineMatch { start: 0, end: c.get(0)?.end(), place: Some(place.to_string()), source: None });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::builtin()
    }

    /// Each kind test reads its own pattern's place in the one set of furniture patterns.
    #[test]
    fn furniture_tells_each_kind() {
        let kinds = |t: &str| {
            let f = Furniture::of(t);
            (f.boilerplate(t), f.caption(t), f.credit(t), f.bio(t, &lex()))
        };
        assert_eq!(kinds("Share on Facebook"), (Some("share"), false, false, false));
        assert_eq!(kinds("© 2024 Acme Media. All rights reserved."), (Some("copyright"), false, false, false));
        assert_eq!(kinds("5 hours ago"), (Some("timestamp"), false, false, false));
        assert_eq!(kinds("Smoke rises over the harbour. (AP Photo/Jane Roe)"), (None, true, false, false));
        assert_eq!(kinds("Reporting by Jo Lee; Editing by Sam Poe"), (None, false, true, false));
        assert_eq!(kinds("Maria Lopez is a reporter for the Harbour Gazette."), (None, false, false, true));
        let prose = "The council approved the plan on Tuesday after a long debate.";
        assert!(Furniture::of(prose).0.is_none());
    }

    #[test]
    fn bounded_word_counts_agree_with_full_counts() {
        for t in ["", "one", " two  words ", "a b c d", "a\u{a0}b\tc\nd\u{3000}e", "w\x0Bw\u{85}w w\u{2009}é w", "naïve café ", "  "] {
            for n in 0..7 {
                assert_eq!(at_most_words(t, n), word_count(t) <= n, "{t:?} at most {n}");
            }
        }
    }

    #[test]
    fn a_paragraph_signed_by_the_wire_stays_story_text() {
        let l = lex();
        let a = Article::parse("Headline for the story about the plan\n\nThe bourse said on Friday that shares fell.\n\n“We all need to relax,” Jo Lee said. - Reuters\n\nTraders on the floor. REUTERS/Jo Lee\n", &l);
        let kinds: Vec<LineKind> = a.lines.iter().map(|l| l.kind).collect();
        assert_eq!(kinds[1..], [LineKind::Body, LineKind::Body, LineKind::Caption]);
    }

    #[test]
    fn datelines_of_wires_and_places() {
        let l = lex();
        let m = match_dateline("BEIJING (Reuters) – The regulator said", &l).unwrap();
        assert_eq!((m.place.as_deref(), m.source.as_deref()), (Some("BEIJING"), Some("Reuters")));
        let m = match_dateline("(Bloomberg) -- Tech firms rallied", &l).unwrap();
        assert_eq!((m.place, m.source.as_deref()), (None, Some("Bloomberg")));
        let m = match_dateline("WASHINGTON – Two officers were charged", &l).unwrap();
        assert_eq!(m.place.as_deref(), Some("WASHINGTON"));
        assert!(match_dateline("The company said – again – no", &l).is_none());
        let m = match_dateline("CHICAGO, September 3, 2024 – A new study", &l).unwrap();
        assert_eq!((m.place.as_deref(), m.end), (Some("CHICAGO"), "CHICAGO, September 3, 2024 – ".len()));
        let m = match_dateline("ROCHESTER, Minn. (FOX 47) -- Police have arrested a man", &l).unwrap();
        assert_eq!((m.place.as_deref(), m.source.as_deref()), (Some("ROCHESTER, Minn."), Some("FOX 47")));
        let m = match_dateline("NEW YORK (CNNMoney)", &l).unwrap();
        assert_eq!((m.place.as_deref(), m.source.as_deref()), (Some("NEW YORK"), Some("CNNMoney")));
        assert!(match_dateline("Apple (AAPL)", &l).is_none());
        // A wire's date may follow the place or stand for it.
        let m = match_dateline("LONDON, Sept 18 (Reuters) - A suspect was held", &l).unwrap();
        assert_eq!((m.place.as_deref(), m.source.as_deref(), m.end), (Some("LONDON"), Some("Reuters"), "LONDON, Sept 18 (Reuters) - ".len()));
        let m = match_dateline("March 3 (Reuters) - Shares rose", &l).unwrap();
        assert_eq!((m.place, m.source.as_deref()), (None, Some("Reuters")));
        // A release's wire: after a dash, or after a date with its year.
        let m = match_dateline("MENLO PARK, Calif.–(BUSINESS WIRE)– Acme Inc. today announced", &l).unwrap();
        assert_eq!((m.place.as_deref(), m.source.as_deref()), (Some("MENLO PARK, Calif."), Some("BUSINESS WIRE")));
        let m = match_dateline("EWING, N.J. — (BUSINESS WIRE) — Acme Inc. today announced", &l).unwrap();
        assert_eq!((m.place.as_deref(), m.source.as_deref()), (Some("EWING, N.J."), Some("BUSINESS WIRE")));
        let m = match_dateline("BOISE, Idaho, Nov. 12, 2020 (GLOBE NEWSWIRE) — Acme Inc. said", &l).unwrap();
        assert_eq!((m.place.as_deref(), m.source.as_deref()), (Some("BOISE, Idaho"), Some("GLOBE NEWSWIRE")));
    }

    #[test]
    fn title_skips_navigation_and_section_labels() {
        let text = "Connect with us\n\nInternational Circuit\n\nRegulator meets tech bosses over new rules\n\nTop executives from the largest internet companies met officials from the ministry to discuss ways to push forward.\n";
        let a = Article::parse(text, &lex());
        assert_eq!(a.line_text(a.title.unwrap()), "Regulator meets tech bosses over new rules");
        assert_eq!(a.lines[0].kind, LineKind::Navigation);
        assert_eq!(a.lines[1].kind, LineKind::Section);
    }

    #[test]
    fn repeated_title_and_boilerplate_are_marked() {
        let text = "Moguls back the plan – .\n\nMoguls back the plan – .\n\n(Bloomberg) – Tech moguls have lined up to assert their support for the policy, during the annual internet conference.\n\nPlease enter your comment!\n\n© 2021 Bloomberg LP\n";
        let a = Article::parse(text, &lex());
        assert_eq!(a.title, Some(0));
        assert_eq!(a.lines[1].kind, LineKind::RepeatedTitle);
        assert_eq!(a.lines[3].kind, LineKind::Boilerplate("comments"));
        assert_eq!(a.lines[4].kind, LineKind::Boilerplate("copyright"));
        assert_eq!(a.dateline.as_ref().unwrap().source.as_deref(), Some("Bloomberg"));
    }

    #[test]
    fn related_lists_run_until_prose() {
        let text = "Headline about the markets today\n\nThe market fell sharply on Monday as investors weighed the prospect of higher interest rates for longer.\n\nRecent Posts\n\nCarmaker Launches Budget Car in India\n\nThe carmaker leads the market, helped by subsidies…\n\n11 hours ago\n";
        let a = Article::parse(text, &lex());
        let kinds: Vec<LineKind> = a.lines.iter().map(|l| l.kind).collect();
        assert_eq!(kinds[2..], [LineKind::Boilerplate("related"), LineKind::Boilerplate("related"), LineKind::Boilerplate("related"), LineKind::Boilerplate("timestamp")]);
    }

    #[test]
    fn a_page_on_one_long_line_is_story_not_title() {
        let line = "The council said on Monday that it would approve the budget, which pays for libraries and roads. ".repeat(3);
        let a = Article::parse(&line, &lex());
        assert_eq!(a.title, None);
        assert_eq!(a.lines[0].kind, LineKind::Body);
        // A short line alone is still the title.
        let a = Article::parse("Council approves the new budget", &lex());
        assert_eq!(a.title, Some(0));
    }

    #[test]
    fn front_matter_is_read() {
        let text = "Outlet: Example Gazette\nPublished: 2023-05-04\nAuthor: Jo Bloggs and Ann Lee\n\nCouncil approves budget\n\nThe council approved the budget on Tuesday after a long debate about the new library and the roads.\n";
        let a = Article::parse(text, &lex());
        assert_eq!(a.front_matter.outlet.as_ref().unwrap().0, "Example Gazette");
        let names: Vec<&str> = a.front_matter.authors.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Jo Bloggs", "Ann Lee"]);
        let (name, at) = &a.front_matter.authors[1];
        assert_eq!(&text[*at..*at + name.len()], "Ann Lee");
        assert_eq!(a.line_text(a.title.unwrap()), "Council approves budget");
    }
}
