//! People, companies and regulators: candidates from capitalised sequences and their context,
//! typed by lexicons and cues, then joined into entities with aliases (surnames, short forms,
//! acronyms) inside the article.

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt, HashSet};
use regex::Regex;

use crate::article::{Article, LineKind};
use crate::extract::credits::FoundCredit;
use crate::lexicon::Lexicon;
use crate::record::{self, Role};
use crate::text::{Normalized, char_at, tail_start};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Person,
    Company,
    Regulator,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Company => "company",
            Kind::Regulator => "regulator",
        }
    }
}

#[derive(Debug, Clone)]
pub struct FoundEntity {
    pub kind: Kind,
    pub name: String,
    /// Surface forms and how often each was seen.
    pub forms: BTreeMap<String, usize>,
    pub roles: Vec<Role>,
    /// The word a lone mention uses for a person ("Ma" for Pony Ma Huateng).
    pub surname: Option<String>,
}

/// The lexicon list a name was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Listed {
    Regulators,
    Companies,
    SportsClubs,
}

impl Listed {
    fn list(self, lex: &Lexicon) -> &crate::lexicon::NameList {
        match self {
            Listed::Regulators => &lex.regulators,
            Listed::Companies => &lex.companies,
            Listed::SportsClubs => &lex.sports_clubs,
        }
    }

    fn kind(self) -> Kind {
        if self == Listed::Regulators { Kind::Regulator } else { Kind::Company }
    }
}

/// Whether an article is about sport: several of these words occur in it.
fn is_sports_story(text: &str) -> bool {
    static SPORT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(league|goals?|match|coach|season|striker|midfielder|defender|goalkeeper|playoffs?|tournament|championship|scored|stadium|fixture|squad|transfer|quarterback|pitcher|inning|touchdown|referee|manager|club|football|soccer|hockey|basketball|baseball|cricket|rugby)(?-u:\b)").unwrap()
    });
    let mut seen: Vec<String> = Vec::new();
    for word in SPORT.find_iter(text).map(|m| m.as_str().to_lowercase()) {
        if !seen.contains(&word) {
            seen.push(word);
            if seen.len() == 4 {
                return true;
            }
        }
    }
    false
}

/// One occurrence of an entity, in normalised-text offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
}

#[derive(Debug, Clone, Default)]
pub struct EntityTable {
    pub entities: Vec<FoundEntity>,
    /// Sorted by position.
    pub mentions: Vec<Mention>,
    index: NameIndex,
}

/// Entity ids by the strings that can name them. Each look-up gathers the few entities a
/// string could refer to and tests only those, where comparing every mention with every
/// entity made a page of thousands of names quadratic. The lists may hold ids that no longer
/// fit (an entity merged away keeps its entries): callers test each one, so an index only has
/// to hold every id that could.
#[derive(Debug, Clone, Default)]
struct NameIndex {
    /// Every name, form and person's surname.
    by_form: HashMap<String, Vec<usize>>,
    /// Runs of two or more words of people's names ("Pony Ma", "Ma Huateng").
    by_run: HashMap<String, Vec<usize>>,
    /// Organisations' leading significant words, shorter than the name ("Alibaba").
    by_opening: HashMap<String, Vec<usize>>,
    /// Organisations' initials.
    by_initials: HashMap<String, Vec<usize>>,
}

/// Lists `id` under `key`, skipping the common repeat (the id listed last); [`sorted_ids`] drops the rest.
fn index_under(map: &mut HashMap<String, Vec<usize>>, key: &str, id: usize) {
    // Forms and surnames recur within an article: a key is allocated only when it is new.
    match map.get_mut(key) {
        Some(ids) if ids.last() != Some(&id) => ids.push(id),
        Some(_) => {}
        None => {
            map.insert(key.to_string(), vec![id]);
        }
    }
}

/// Appends the ids listed under `key`, unsorted and possibly repeated ([`sorted_ids`] tidies).
fn ids_under(map: &HashMap<String, Vec<usize>>, key: &str, into: &mut Vec<usize>) {
    if let Some(ids) = map.get(key) {
        into.extend_from_slice(ids);
    }
}

fn sorted_ids(mut ids: Vec<usize>) -> Vec<usize> {
    ids.sort_unstable();
    ids.dedup();
    ids
}

impl EntityTable {
    /// The record entries of one kind, in order of first mention.
    pub fn records(&self, kind: Kind, norm: &Normalized) -> Vec<record::Entity> {
        // One pass over the mentions: entities in order of first mention, each with its spans.
        let mut order: Vec<usize> = Vec::new();
        let mut spans_of: Vec<Vec<record::Span>> = vec![Vec::new(); self.entities.len()];
        for m in self.mentions.iter().filter(|m| self.entities[m.entity].kind == kind) {
            if spans_of[m.entity].is_empty() {
                order.push(m.entity);
            }
            spans_of[m.entity].push(norm.to_original(m.start, m.end));
        }
        order
            .into_iter()
            .map(|id| {
                let e = &self.entities[id];
                let spans = std::mem::take(&mut spans_of[id]);
                let aliases = e.forms.keys().filter(|f| **f != e.name).cloned().collect();
                let mut roles = e.roles.clone();
                roles.sort();
                roles.dedup();
                record::Entity { name: e.name.clone(), aliases, mentions: spans.len(), forms: e.forms.clone(), spans, roles }
            })
            .collect()
    }

    /// Adds an entity under its name (and a person's surname) and returns its id.
    fn create(&mut self, kind: Kind, name: String, surname: Option<String>, lex: &Lexicon) -> usize {
        let id = self.entities.len();
        let index = &mut self.index;
        index_under(&mut index.by_form, &name, id);
        if let Some(surname) = &surname {
            index_under(&mut index.by_form, surname, id);
        }
        if kind == Kind::Person {
            let words: Vec<&str> = name.split(' ').collect();
            for len in 2..=words.len() {
                for run in words.windows(len) {
                    index_under(&mut index.by_run, &run.join(" "), id);
                }
            }
        } else {
            let sig = significant_words(&name);
            for len in 1..sig.len() {
                index_under(&mut index.by_opening, &sig[..len].join(" "), id);
            }
            // And without a place it opens with ("China Huishan Dairy Holdings"), which short
            // forms drop.
            if sig.first().is_some_and(|w| lex.names_a_place(w)) {
                for len in 2..sig.len() {
                    index_under(&mut index.by_opening, &sig[1..len].join(" "), id);
                }
            }
            index_under(&mut index.by_initials, &initials(&name), id);
        }
        self.entities.push(FoundEntity { kind, name, forms: BTreeMap::new(), roles: Vec::new(), surname });
        id
    }

    /// Counts `count` more uses of a surface form of entity `id`.
    fn add_form(&mut self, id: usize, form: &str, count: usize) {
        let forms = &mut self.entities[id].forms;
        if let Some(n) = forms.get_mut(form) {
            *n += count;
        } else {
            forms.insert(form.to_string(), count);
            index_under(&mut self.index.by_form, form, id);
        }
    }

    /// Entities that use `name` as a form or as their surname, in id order.
    fn named(&self, name: &str) -> Vec<usize> {
        let mut ids = Vec::new();
        ids_under(&self.index.by_form, name, &mut ids);
        sorted_ids(ids)
            .into_iter()
            .filter(|&i| self.entities[i].forms.contains_key(name) || self.entities[i].surname.as_deref() == Some(name))
            .collect()
    }

    /// The entity a written name refers to at a position once the mentions are in text order
    /// (entities are joined): an exact form, or a surname resolved to the nearest person
    /// mentioned before (else after) that position.
    fn resolve_name_in_order(&self, name: &str, at: usize) -> Option<usize> {
        // A lone family name may fit several people: every one that uses it is a candidate.
        let candidates = self.named(strip_name(name));
        match candidates[..] {
            [] => None,
            [only] => Some(only),
            _ => {
                // Walking out from `at` finds the nearest mention without visiting every one.
                let split = self.mentions.partition_point(|m| m.start < at);
                let is_candidate = |m: &&Mention| candidates.contains(&m.entity);
                self.mentions[..split].iter().rev().find(is_candidate).or_else(|| self.mentions[split..].iter().find(is_candidate)).map(|m| m.entity)
            }
        }
    }

    /// Mentions that start before `at`, in text order.
    pub fn before(&self, at: usize) -> &[Mention] {
        &self.mentions[..self.mentions.partition_point(|m| m.start < at)]
    }

    /// Mentions that start at or after `at`, in text order.
    pub fn from(&self, at: usize) -> &[Mention] {
        &self.mentions[self.mentions.partition_point(|m| m.start < at)..]
    }

    /// The mention covering a position, if any. Mentions are sorted by start and short, so
    /// only those starting shortly before `end` can overlap.
    pub fn mention_at(&self, start: usize, end: usize) -> Option<Mention> {
        const LONGEST_NAME: usize = 400;
        let upto = self.mentions.partition_point(|m| m.start < end);
        self.mentions[..upto].iter().rev().take_while(|m| m.start + LONGEST_NAME > start).find(|m| start < m.end).copied()
    }
}

/// A written name without a leading "the" or a trailing possessive.
fn strip_name(name: &str) -> &str {
    // `strip_prefix` loops: `trim_start_matches` with a str pattern builds a searcher per call.
    let mut name = name.trim();
    while let Some(rest) = name.strip_prefix("the ") {
        name = rest;
    }
    while let Some(rest) = name.strip_prefix("The ") {
        name = rest;
    }
    strip_possessive(name)
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s").or_else(|| s.strip_suffix("’s")).or_else(|| s.strip_suffix('\'')).unwrap_or(s)
}

/// A word of a line with its byte range in that line.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// Starts a sentence (line start, or after . ! ? : or an opening quote).
    sentence_start: bool,
}

const ABBREVIATIONS: &[&str] = &[
    "Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "St", "Dr", "Mr", "Mrs", "Ms", "Rep", "Sen", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt",
    "Prof", "Rev", "Cmdr", "Adm", "Maj", "Gens", "Reps", "Sens", "Bros", "Mt", "Ft", "No", "Pty", "Bhd", "Cie",
];

/// Longer words skip the list: most words are.
const LONGEST_ABBREVIATION: usize = {
    let (mut i, mut longest) = (0, 0);
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > longest {
            longest = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    longest
};

/// Words glued to a name by a hyphen that say how something relates to it ("Tencent-owned").
const RELATION_SUFFIXES: &[&str] = &[
    "owned", "backed", "based", "led", "controlled", "listed", "made", "funded", "run", "born", "linked", "affiliated",
    "style", "era", "designed", "built", "operated", "sponsored", "supported", "headquartered", "focused", "related",
];

fn tokenize(line: &str) -> Vec<Token<'_>> {
    let bytes = line.as_bytes();
    // About one token per six bytes of prose: one allocation for most lines.
    let mut tokens = Vec::with_capacity(line.len() / 6 + 1);
    let mut i = 0;
    let mut sentence_start = true;
    while i < line.len() {
        // White space and ASCII punctuation, most of what lies between words, a byte at a time.
        match bytes[i] {
            b'.' | b'!' | b'?' | b':' | b';' | b'"' | b'(' => {
                sentence_start = true;
                i += 1;
                continue;
            }
            b if b.is_ascii_alphanumeric() => {}
            b if b.is_ascii() => {
                i += 1;
                continue;
            }
            _ => {
                let (c, len) = char_at(line, i);
                if !c.is_alphanumeric() {
                    if matches!(c, '“' | '‘' | '—' | '–' | '•') {
                        sentence_start = true;
                    }
                    i += len;
                    continue;
                }
            }
        }
        let start = i;
        let mut hyphenated = false;
        let mut at = i;
        loop {
            // ASCII letters and digits, most of every word, a byte at a time.
            while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
                at += 1;
            }
            if at == line.len() {
                break;
            }
            let (ch, len) = char_at(line, at);
            // A glue character joins two runs of letters ("O'Brien", "Hong Kong-based", "AT&T").
            let glue = || matches!(ch, '\'' | '-' | '&' | '.') && at + len < line.len() && char_at(line, at + len).0.is_alphanumeric();
            if !ch.is_alphanumeric() && !glue() {
                break;
            }
            hyphenated |= ch == '-';
            at += len;
        }
        let mut end = at;
        // "Tencent-owned", "Beijing-based": the name ends at the hyphen.
        if hyphenated
            && let Some(h) = line[start..end].rfind('-')
            && RELATION_SUFFIXES.contains(&&line[start + h + 1..end])
        {
            end = start + h;
        }
        if bytes.get(end) == Some(&b'.') && keeps_full_stop(&line[start..end]) {
            end += 1;
        }
        tokens.push(Token { start, end, text: &line[start..end], sentence_start });
        sentence_start = false;
        i = end.max(i + 1);
    }
    tokens
}

/// Whether a full stop after `word` belongs to it ("M.", "U.S.", "Inc.") rather than ending a
/// sentence.
fn keeps_full_stop(word: &str) -> bool {
    let mut chars = word.chars();
    let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    initial || word.as_bytes().contains(&b'.') || (word.len() <= LONGEST_ABBREVIATION && ABBREVIATIONS.contains(&word))
}

/// One to three capital letters, each with its full stop ("J.", "T.J.", "J.R.R.").
fn is_initials(word: &str) -> bool {
    let bytes = word.as_bytes();
    (2..=6).contains(&bytes.len()) && bytes.chunks(2).all(|pair| matches!(pair, [b'A'..=b'Z', b'.']))
}

/// An Arabic article or patronymic joined to the name after it: "al-Assad", "el-Sisi",
/// "bin-Laden".
fn is_hyphened_particle(word: &str) -> bool {
    word.split_once('-').is_some_and(|(particle, rest)| matches!(particle, "al" | "el" | "bin" | "ibn" | "abu" | "ul" | "ad" | "as" | "ash" | "at" | "az" | "ar" | "an") && is_capitalised(rest))
}

/// A generational suffix that ends a personal name ("Martin Luther King Jr.", "Dennis Saylor IV").
fn is_name_suffix(word: &str) -> bool {
    matches!(word, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV")
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Capitalised words that narrow the title after them ("Political Director", "Medical
/// Officer") and would otherwise be read as the organisation the title belongs to.
const ROLE_MODIFIERS: &[&str] = &[
    "Political", "Executive", "Managing", "Creative", "Artistic", "Medical", "Legal", "Technical", "Financial", "Editorial",
    "Musical", "Athletic", "Senior", "Principal", "Associate", "Assistant", "Acting", "Interim", "Former", "Campaign",
    "Communications", "Marketing", "Sales", "Research", "Programme", "Program", "Project", "Product", "Regional", "Digital",
    "Operations", "Policy", "Foreign", "Scientific", "Clinical", "Academic", "Commercial", "Sporting",
];

/// Lower-case words inside personal names ("Juan de la Cruz", "Ludwig van Beethoven").
/// Words that open places' names ("South Shropshire", "Loch Ness"), never a person's.
const PLACE_OPENERS: &[&str] =
    &["North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower", "Greater", "Lake", "Loch", "Mount", "Cape", "Port", "Fort"];

const NAME_PARTICLES: &[&str] = &["de", "la", "van", "von", "der", "den", "du", "da", "del", "di", "bin", "al", "le", "dos", "das", "ter"];

const CONNECTORS: &[&str] = &["of", "and", "for", "de", "la", "van", "von", "der", "den", "du", "da", "del", "di", "bin", "al", "le", "&", "on", "the"];

/// Nouns that an "of" phrase continues into one name ("Bank of England", "Secretary of State").
/// (This list and the two below are hashed: they are asked about most words of every candidate.)
static OF_HEADS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    [
        "Bank", "Republic", "State", "States", "Kingdom", "Secretary", "Minister", "Chamber", "Corporation", "Company", "Bureau",
        "Center", "Centre", "Institute", "Director", "Chief", "Governor", "Attorney", "General", "Department", "Ministry", "Office",
        "Federation", "Council", "Commission", "Authority", "Administration", "Agency", "Duke", "Prince", "Princess", "Queen", "King",
        "Archbishop", "Bishop", "Mayor", "District", "City", "Province", "Mount", "Gulf", "Sea", "Isle", "Port", "Board", "Commissioner",
    ]
    .into_iter()
    .collect()
});

/// Words that make a capitalised sequence a government body when they head it.
static REGULATOR_HEADS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    [
        "Ministry", "Ministries", "Department", "Administration", "Commission", "Authority", "Agency", "Bureau", "Council", "Office",
        "Reserve", "Police", "Service", "Inspectorate", "Regulator", "Directorate", "Cabinet", "Treasury", "Secretariat",
    ]
    .into_iter()
    .collect()
});
fn is_calendar_word(word: &str) -> bool {
    // "May" is a name as often as a month ("Theresa May").
    word != "May" && crate::extract::dates::is_calendar_name(word)
}

/// How many lower-case words at `tokens[j]` join a name to the capitalised word after them:
/// "of", "for", "and" … and "of the", "for the" ("Office for the Western District").
fn connector_span(line: &str, tokens: &[Token], j: usize) -> Option<usize> {
    let spaced = |a: &Token, b: &Token| &line[a.end..b.start] == " ";
    let t = tokens.get(j)?;
    if !CONNECTORS.contains(&t.text) {
        return None;
    }
    let next = tokens.get(j + 1)?;
    // "the Authority on Monday told": a day or month after a connector ends the name.
    if is_calendar_word(next.text) {
        return None;
    }
    if is_capitalised(next.text) && spaced(t, next) {
        return Some(1);
    }
    // Two name particles: "de la Cruz", "van der Berg".
    if NAME_PARTICLES.contains(&t.text) && NAME_PARTICLES.contains(&next.text) {
        let after = tokens.get(j + 2)?;
        return (is_capitalised(after.text) && spaced(t, next) && spaced(next, after)).then_some(2);
    }
    let after = tokens.get(j + 2)?;
    (matches!(t.text, "of" | "for" | "on") && next.text == "the" && is_capitalised(after.text) && spaced(t, next) && spaced(next, after))
        .then_some(2)
}

/// Whether the capitalised words that follow end in an office's head noun
/// ("… and Exchange Commission", "… and Publication Administration").
fn leads_to_office(right: &[Token]) -> bool {
    right.iter().take(4).take_while(|t| is_capitalised(t.text)).any(|t| REGULATOR_HEADS.contains(&t.text))
}

/// Titles that name a firm's people, so the name before them is a firm ("Acme CEO Jo Lee");
/// a government title ("Energy Secretary") says nothing of the kind.
fn is_business_title(title: &str) -> bool {
    const BUSINESS: &[&str] = &[
        "ceo", "chief executive", "chief executive officer", "founder", "co-founder", "chairman", "chairwoman", "chair",
        "president", "vice president", "senior vice president", "executive vice president", "executive", "director",
        "managing director", "cfo", "cto", "coo", "head", "partner", "analyst", "spokesperson", "spokesman", "spokeswoman",
        "owner", "boss", "chief", "chief financial officer", "chief operating officer", "chief technology officer",
    ];
    let lower = title.to_lowercase();
    BUSINESS.contains(&lower.as_str()) || lower.split(' ').any(|w| matches!(w, "ceo" | "founder" | "co-founder" | "chairman"))
}

/// Whether `after` opens with a firm's title in lower case and a capitalised name after it:
/// " chief executive Jane Doe". (Presidents, chairs and spokespeople serve governments, clubs
/// and charities as often.)
fn business_title_then_name(after: &str) -> bool {
    const FIRMS_ONLY: &[&str] = &[
        "ceo", "chief executive", "chief executive officer", "founder", "co-founder", "cfo", "cto", "coo", "chief financial officer",
        "chief operating officer", "chief technology officer", "managing director", "chairman",
    ];
    let Some(rest) = after.strip_prefix(' ') else { return false };
    FIRMS_ONLY.iter().any(|title| {
        rest.strip_prefix(title).and_then(|r| r.strip_prefix(' ')).is_some_and(|name| name.starts_with(|c: char| c.is_uppercase()))
    })
}

/// Words that make a sequence something other than a regulator, company or person.
static NON_ENTITY_WORDS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    [
        "University", "College", "School", "Court", "Committee", "Party", "Association", "Institute", "Museum", "Hospital", "Society",
        "Forum", "Conference", "League", "Union", "Church", "Festival", "Awards", "Award", "Prize", "Summit", "Games", "Cup",
        "Championship", "Olympics", "Law", "Act", "Bill", "Street", "Avenue", "Road", "River", "Mountain", "Island", "Park", "Center",
        "Centre", "Station", "Airport", "Day", "War", "Army", "Navy", "Force", "Forces", "Congress", "Senate", "House", "Parliament",
        "Assembly", "Legislature", "Statehouse", "Capitol", "Observatory", "Telescope", "Foundation", "Project", "Program", "Programme",
        "Initiative", "Movement", "Network", "Campaign", "Plan", "Report", "Survey", "Index", "Fund", "Show", "Expo", "Week",
        "Year", "Century", "Era", "Revolution", "Rights", "Affairs", "Studies", "Sciences", "Alliance", "Coalition",
        "Partnership", "Club", "Team", "Treaty", "Agreement", "Accord", "Protocol", "Convention", "Declaration", "Constitution",
        "Jail", "Prison", "Penitentiary", "Stadium", "Pavilion", "Theater", "Theatre", "Hotel", "Cathedral", "Mosque", "Library",
        "Gallery", "Square", "Boulevard", "Highway", "County", "Province", "Valley", "Canyon", "Final", "Finals", "Series",
        "Tournament", "Open", "Laboratory", "Trust", "Research", "Election", "Elections", "Referendum",
    ]
    .into_iter()
    .collect()
});

static COMPANY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:shares (?:of|in)|stake in|rival|giant|maker|firm|company|companies|startup|start-up|carmaker|automaker|retailer|lender|bank|brand|label|conglomerate|chipmaker|operator|provider|developer|manufacturer|supplier|distributor|publisher|studio|consultancy|subsidiary|unit|owner|operator of|such as|executives (?:from|of|at)|(?:analysts?|economists?|strategists?|partner) (?:at|with)|(?:a |an )?(?:spokesperson|spokesman|spokeswoman) for|employees (?:of|at)|works? (?:at|for)|joined|acquired|acquire|bought|buy|merger with|deal with|partnership with|partnered with|invested in|investors? in|backed by|owned by|customers of|unicorn|insurer|airline|broker|exchange operator|platform|app|service)\s+(?:the\s+)?$").unwrap()
});
static COMPANY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:-owned|-backed|-based company|'s (?:chief executive|ceo|founder|co-founder|chairman|shares|stock|board|subsidiary|unit|platform|app|website|products|revenue|profit|sales|employees|headquarters|parent)|\s+(?:shares|stock)(?-u:\b)|\s+(?:Inc|Corp|Ltd)(?-u:\b)|,\s+(?:a|an|the)\s+(?:[^\s,.]+\s+){0,5}?(?:company|firm|maker|provider|producer|giant|group|startup|start-up|retailer|bank|lender|developer|manufacturer|operator|brand|label|platform|conglomerate|carmaker|automaker|chipmaker|supplier|consultancy|insurer|airline)(?-u:\b)|\s+(?:announced|launched|unveiled|introduced|acquired|reported (?:revenue|earnings|profit|sales)|shares (?:rose|fell|jumped|slumped)|said in a statement|declined to comment|did not (?:immediately )?respond))").unwrap()
});
/// "to buy Tomahawk missiles": a name bought with a plural noun after it names the goods, not
/// the firm sold.
fn bought_as_a_product(before: &str, after: &str) -> bool {
    static BOUGHT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:acquired|acquire|bought|buy)\s+(?:the\s+)?$").unwrap());
    const NOT_PLURAL: &[&str] = &["this", "thus", "plus", "perhaps", "always", "unless", "besides", "towards", "sometimes", "whereas"];
    let next = after.strip_prefix(' ').unwrap_or("").split(|c: char| !c.is_ascii_lowercase()).next().unwrap_or("");
    let plural = next.len() >= 4 && next.ends_with('s') && !next.ends_with("ss") && !NOT_PLURAL.contains(&next);
    plural && BOUGHT.is_match_at(before, tail_start(before))
}

/// "…,” said Katherine Moore": a speech verb right before a name.
static SPEECH_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?:said|says|added|according to|wrote|explained|noted|asked)\s+$").unwrap());
static PERSON_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:,\s+(?:who|whose)(?-u:\b)|,\s+\d{1,3},|\s+\(\s*[RD]-|\s+(?:said|says|told|added|explained|noted|argued|wrote|asked|stated|recalled|testified|tweeted|insisted|warned|acknowledged)(?-u:\b))").unwrap()
});

static SET_OFF_SPEAKER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^,\s+(?:said|says|told|added|wrote|explained)(?-u:\b)").unwrap());

/// Whether the word at `line[start..end]` stands beside a person's cue: a speech verb before it
/// ("said Kettleby") or a cue after it ("Kettleby, 52,", "Kettleby said").
fn person_cue_beside(line: &str, start: usize, end: usize) -> bool {
    PERSON_AFTER.is_match(&line[end..]) || SPEECH_BEFORE.is_match_at(&line[..start], tail_start(&line[..start]))
}

/// An acronym in parentheses right after a name is its alias: "… of China (CAC)".
/// Also a stock ticker after its exchange: "… Devices, Inc. (NASDAQ:AMD)".
static ACRONYM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*\((?:[A-Z][A-Za-z]{1,7}\s?:\s?)?([A-Z][A-Za-z]{1,7})\)").unwrap());

/// A stock exchange and a ticker in parentheses: "(NYSE: ACI)", "(Nasdaq:XENT)", "(AIM: SYM)".
static LISTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\((?:NYSE(?: American| Arca)?|Nasdaq|NASDAQ|LSE|AIM|TSX(?:-V)?|TSXV|ASX|HKEX|SEHK|SGX|NSE|BSE|TSE|OTC\w*|Euronext\w*|SIX|FWB|XETRA|KRX|KOSDAQ|TWSE)\s*:\s*[A-Z0-9.]{1,8}\)").unwrap()
});

/// A hyphenated East Asian given name: "Sung-min", "Ji-woo", "Hoi-ching".
/// Each part is one syllable, six letters at most ("Hyeong-cheol"), not an English word
/// ("Steeply-raked").
static EAST_ASIAN_GIVEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[A-Z][a-z]{0,5}-[a-z]{1,6}$").unwrap());

/// Whether a word could be a Pinyin given name ("Lidong", "Yibing", "Huateng").
fn is_pinyin(word: &str) -> bool {
    static SYLLABLES: LazyLock<Regex> = LazyLock::new(|| {
        let initial = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?";
        let finals = "(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|ü)";
        Regex::new(&format!("^(?:{initial}{finals}){{1,2}}$")).unwrap()
    });
    word.len() >= 2 && SYLLABLES.is_match(&word.to_lowercase())
}

/// A typed candidate before joining.
#[derive(Debug, Clone)]
struct Candidate {
    kind: Kind,
    text: String,
    start: usize,
    end: usize,
    roles: Vec<Role>,
    /// Lexicon entry for organisations found in a lexicon.
    entry: Option<(Listed, usize)>,
    /// Whether a courtesy title calls the person a woman ("Ms Lam") or a man ("Mr Lam").
    female: Option<bool>,
}

struct Extractor<'a> {
    lex: &'a Lexicon,
    /// The article's normalised text, read only by the sports-story and common-word tests.
    text: &'a str,
    /// Whether the article is a sports story, where clubs go by their city's name: asked only
    /// of a one-word club name, so decided on first need.
    sports: OnceCell<bool>,
    /// The words the article writes in lower case: built on first need, which few runs have.
    lower_case_words: OnceCell<HashSet<&'a str>>,
    candidates: Vec<Candidate>,
    /// Acronyms introduced in parentheses, with the candidate index they name.
    acronyms: Vec<(String, usize)>,
    /// Organisations someone holds a role at ("an analyst at Collins Stewart"): whatever their
    /// names look like, no one's.
    employers: Vec<String>,
    /// Names shaped like a person's that nothing marked as one ("run by Zorya Kettleby"), as
    /// (start, end, name): a person if the article later calls them by the last word alone.
    unconfirmed: Vec<(usize, usize, String)>,
}

/// Lower-case multi-word title at `tokens[i..]`, as (words used, title).
fn title_at(tokens: &[Token], i: usize, lex: &Lexicon) -> Option<(usize, String)> {
    if !lex.may_open_title(tokens.get(i)?.text) {
        return None;
    }
    (1..=4).rev().find_map(|n| {
        let words = tokens.get(i..i + n)?;
        let phrase = words.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
        let lower = phrase.to_lowercase();
        let known = lex.roles.contains(&lower) || lex.honorifics.contains(&phrase) || lex.honorifics.contains(lower.as_str());
        known.then_some((n, phrase))
    })
}

/// The title that ends, a comma before it, right before `tokens[a]`: "the chief executive,
/// Jane Doe", "The Minister of Information and Orientation, Jane Doe".
fn title_before_comma(line: &str, tokens: &[Token], a: usize, lex: &Lexicon) -> Option<String> {
    if a == 0 || &line[tokens[a - 1].end..tokens[a].start] != ", " {
        return None;
    }
    // The phrase: up to eight words before the comma, joined by single spaces.
    let mut from = a - 1;
    while from > 0 && a - from < 8 && &line[tokens[from - 1].end..tokens[from].start] == " " {
        from -= 1;
    }
    (from..a).find_map(|i| {
        let (n, title) = title_at(&tokens[..a], i, lex)?;
        if i + n == a {
            return Some(title);
        }
        // A title and its portfolio: "Minister of Information and National Orientation", "Chief
        // executive of the council".
        let portfolio = &tokens[i + n..a];
        (matches!(portfolio[0].text, "of" | "for") && portfolio.len() >= 2).then(|| line[tokens[i].start..tokens[a - 1].end].to_string())
    })
}

impl<'a> Extractor<'a> {
    fn line(&mut self, line: &str, base: usize, tokens: &[Token]) {
        let mut i = 0;
        while i < tokens.len() {
            if !is_capitalised(tokens[i].text) {
                i += 1;
                continue;
            }
            // Grow a run of capitalised words joined by spaces and name connectors.
            let mut j = i + 1;
            while j < tokens.len() {
                let gap = &line[tokens[j - 1].end..tokens[j].start];
                let possessive = strip_possessive(tokens[j - 1].text) != tokens[j - 1].text;
                // "U.S. Attorney's Office": a possessive inside an office's name; "Harlow & Finch".
                let joined_by_gap = gap == " " || (gap == " & " && is_capitalised(tokens[j].text));
                if !joined_by_gap || (possessive && !REGULATOR_HEADS.contains(&tokens[j].text)) {
                    break;
                }
                let t = tokens[j].text;
                // "an analyst at Acme Ltd. The firm …": a legal form with its full stop ends the
                // name, and maybe the sentence ("Acme Co. Ltd." goes on, and so does "Acme Ltd.
                // CEO Jane Doe", a title its holder's).
                let previous = tokens[j - 1].text;
                if previous.ends_with('.')
                    && self.lex.company_suffixes.contains(previous)
                    && !self.lex.company_suffixes.contains(t)
                    && title_at(tokens, j, self.lex).is_none()
                {
                    break;
                }
                // "arrested Edward Gutierrez Thursday evening": a weekday ends a name.
                if crate::extract::dates::is_weekday_name(t) {
                    break;
                }
                if is_capitalised(t) || (t.chars().all(|c| c.is_ascii_digit()) && j > i) || is_hyphened_particle(t) {
                    j += 1;
                } else if let Some(skip) = connector_span(line, tokens, j)
                    && self.connector_joins(&tokens[i..j], t, &tokens[j + skip..])
                {
                    j += skip + 1;
                } else {
                    break;
                }
            }
            if tokens.get(j).is_some_and(|t| CONNECTORS.contains(&t.text)) {
                j = self.listed_through_connector(line, tokens, i, j).unwrap_or(j);
            }
            self.run(line, base, tokens, i, j);
            i = j;
        }
    }

    /// "the Centers for Disease Control and Prevention": where a name the lexicon lists ends
    /// when it runs on through the connector at `tokens[to]` that stopped the run `from..to`.
    fn listed_through_connector(&self, line: &str, tokens: &[Token], from: usize, to: usize) -> Option<usize> {
        const LONGEST_TAIL: usize = 6;
        // "The Industrial and Commercial Bank of China": the article is not the name's.
        let start = tokens[if tokens[from].text == "The" && from + 1 < to { from + 1 } else { from }].start;
        (to + 1..tokens.len().min(to + LONGEST_TAIL))
            .rev()
            .filter(|&k| is_capitalised(tokens[k].text))
            .find(|&k| {
                let name = &line[start..tokens[k].end];
                self.lex.regulators.contains(name) || self.lex.companies.contains(name)
            })
            .map(|k| k + 1)
    }

    /// Whether a lower-case connector continues a name: "and" only inside "X of Y and Z"
    /// (else it lists two names), and nothing continues a person's name ("Amon of Qualcomm").
    fn connector_joins(&self, left: &[Token], connector: &str, right: &[Token]) -> bool {
        let person = left.len() >= 2 && self.lex.is_given_name(left[0].text);
        let has_of = left.iter().any(|t| matches!(t.text, "of" | "for" | "on"));
        let last = left.last().map_or("", |t| t.text);
        let head = REGULATOR_HEADS.contains(&last) || NON_ENTITY_WORDS.contains(&last) || OF_HEADS.contains(&last);
        match connector {
            // "Securities and Exchange Commission": an office's name may join two words with "and".
            // "Hong Kong Exchanges and Clearing Ltd": a legal form ends a firm's name ("Acme
            // Corp. and Widget Ltd", "Partners Group and Acme AG" list two).
            "and" | "&" => {
                // Not after a person's name ("CEO Daniel Zhang and Tencent Holdings Ltd.").
                let firm = || {
                    let words: Vec<&str> = left.iter().map(|t| t.text).collect();
                    let name = |w: &[&str]| self.is_full_name(w) && !self.lex.places.contains(&w[..2].join(" "));
                    let ends_in_name = (2..=3.min(words.len())).any(|n| name(&words[words.len() - n..]));
                    self.leads_to_legal_form(right) && !self.ends_in_company_word(last) && !ends_in_name
                };
                // "the Department of Homeland Security and Alex Azar": nor before one.
                let opens_name = || {
                    let words: Vec<&str> = right.iter().take(3).take_while(|t| is_capitalised(t.text)).map(|t| t.text).collect();
                    (2..=words.len()).any(|n| self.is_full_name(&words[..n]))
                };
                ((has_of || leads_to_office(right)) && !person && !opens_name()) || firm()
            }
            "of" | "for" | "on" => head && !person,
            "the" => has_of,
            _ => true,
        }
    }

    fn ends_in_company_word(&self, word: &str) -> bool {
        self.lex.company_suffixes.contains(word) || self.lex.weak_company_suffixes.contains(word)
    }

    /// Whether a legal form is among the capitalised words at the start of `right` (up to four).
    fn leads_to_legal_form(&self, right: &[Token]) -> bool {
        right.iter().take(4).take_while(|t| is_capitalised(t.text)).any(|t| self.lex.company_suffixes.contains(t.text))
    }

    /// Splits a run at titles ("Alibaba CEO Daniel Zhang") and classifies each part.
    fn run(&mut self, line: &str, base: usize, tokens: &[Token], from: usize, to: usize) {
        // "the “Investor Relations” page": in quotation marks, the words are a name as a whole,
        // their titles no one's.
        if line[..tokens[from].start].ends_with(['“', '"', '‘']) && line[tokens[to - 1].end..].starts_with(['”', '"', '’']) {
            return self.part(line, base, tokens, from, to, &[], None, None);
        }
        // "Chief Operating Officer" on its own names a job, not anyone.
        // "Executive Vice President & Chief Financial Officer": nor do two joined.
        let ends_the_run = |at: usize| title_at(&tokens[..to], at, self.lex).map(|(n, _)| at + n);
        let ampersand = |end: usize| &line[tokens[end - 1].end..tokens[end].start] == " & ";
        if let Some(end) = ends_the_run(from)
            && (end == to
                || (end < to && ampersand(end) && ends_the_run(end) == Some(to))
                || (end + 1 < to && tokens[end].text == "and" && ends_the_run(end + 1) == Some(to)))
        {
            return;
        }
        let mut parts: Vec<(usize, usize)> = Vec::new();
        let mut titles: Vec<(usize, String)> = Vec::new();
        let mut start = from;
        let mut k = from;
        while k < to {
            if let Some((n, title)) = title_at(&tokens[..to], k, self.lex) {
                let (n, mut title) = self.portfolio(tokens, k, n, to).unwrap_or((n, title));
                // "the General Administration Department": what follows a title must end like a
                // name for the title to be someone's.
                let rest: Vec<&str> = tokens[(k + n).min(to)..to].iter().map(|t| t.text).collect();
                let person_follows = k + n < to && !CONNECTORS.contains(&tokens[k + n].text) && self.ends_like_a_name(&rest);
                let left_is_given_name = k == start + 1 && self.lex.is_given_name(tokens[start].text);
                // "the Ministry of Lands and Natural Resources Minister said": a title ending
                // the run names no one, and the organisation before it is whole without it.
                // ("Office of the Prime Minister": a title after a connector is the name's; "an
                // LA Entertainment Reporter" describes a job.)
                let described_job = from > 0 && matches!(tokens[from - 1].text, "a" | "an" | "A" | "An");
                // ("Kevin King": after a given name, a title-like word is a family name.)
                // ("MP Oona King": nor a family name after a titled one-word name, which a title
                // ending the run cannot be about.)
                let titled_word_before =
                    k == start + 1 && titles.last().is_some_and(|(at, _)| *at == parts.len()) && self.lex.surnames.contains(tokens[k].text);
                let name_before = k > start && (self.lex.is_given_name(tokens[k - 1].text) || titled_word_before);
                if k + n == to && k > start {
                    if !name_before && !described_job && !CONNECTORS.contains(&tokens[k - 1].text) {
                        parts.push((start, k));
                        start = to;
                    }
                    break;
                }
                if person_follows && !left_is_given_name {
                    // "ABC News' Political Director Rick Klein": a word of the title, not a firm.
                    if k == start + 1 && ROLE_MODIFIERS.contains(&tokens[start].text) {
                        title = format!("{} {title}", tokens[start].text);
                    } else if k > start {
                        parts.push((start, k));
                    }
                    titles.push((parts.len(), title));
                    k += n;
                    start = k;
                    continue;
                }
            }
            k += 1;
        }
        if start < to {
            parts.push((start, to));
        }
        for (p, &(a, b)) in parts.iter().enumerate() {
            let title_before: Vec<String> = titles.iter().filter(|(at, _)| *at == p).map(|(_, t)| t.clone()).collect();
            let org_before = p > 0 && titles.iter().any(|(at, _)| *at == p);
            let title_after = titles.iter().find(|(at, _)| *at == p + 1).map(|(_, t)| t.as_str());
            // "When Coach Jo Lee said": a word that opens sentences is no one's employer.
            let names_something = |&(oa, ob): &(usize, usize)| !tokens[oa..ob].iter().all(|t| self.lex.stopwords.contains(t.text));
            let org_for_roles = if org_before && p > 0 { Some(parts[p - 1]).filter(names_something) } else { None };
            self.part(line, base, tokens, a, b, &title_before, title_after, org_for_roles);
        }
    }

    /// "Minister of Information Jamal Jarrah", "Director for Policy Ana Ruiz": a title of `n`
    /// words at `k` takes the portfolio after it when the run `..to` ends in a full name. The
    /// title's width and text, when it does.
    fn portfolio(&self, tokens: &[Token], k: usize, n: usize, to: usize) -> Option<(usize, String)> {
        if !matches!(tokens.get(k + n)?.text, "of" | "for") {
            return None;
        }
        let words: Vec<&str> = tokens[..to].iter().map(|t| t.text).collect();
        // "Commissioner of Police Kanti Rana Tata": after a one-word portfolio, any run shaped
        // like a name, known given name or not.
        let one_word_portfolio = || Some(k + n + 2).filter(|&g| (2..=3).contains(&to.saturating_sub(g)) && self.person_shaped(&words[g..]) && self.ends_like_a_name(&words[g..]));
        let name = (k + n + 2..to).find(|&g| (2..=3).contains(&(to - g)) && self.is_full_name(&words[g..])).or_else(one_word_portfolio)?;
        Some((name - k, words[k..name].join(" ")))
    }

    #[allow(clippy::too_many_arguments)]
    fn part(
        &mut self,
        line: &str,
        base: usize,
        tokens: &[Token],
        mut a: usize,
        b: usize,
        titles_before: &[String],
        title_after: Option<&str>,
        org_part: Option<(usize, usize)>,
    ) {
        let lex = self.lex;
        // "New England Compounding Pharmacy Inc.": a word that opens sentences may open a place
        // that opens the name.
        let opens_place = |a: usize| a + 1 < b && &line[tokens[a].end..tokens[a + 1].start] == " " && lex.names_a_place(&line[tokens[a].start..tokens[a + 1].end]);
        // "In 2012, a research group …": once the opening word goes, a number opens nothing.
        let opened_at = a;
        // "the CEO of New Media Investment Group": these open sentences, but written with a
        // capital inside one they open a name.
        let names_mid_sentence = |a: usize| !tokens[a].sentence_start && a + 1 < b && matches!(tokens[a].text, "New" | "First" | "Next" | "One");
        while a < b
            && (CONNECTORS.contains(&tokens[a].text)
                || (lex.stopwords.contains(tokens[a].text) && !opens_place(a) && !names_mid_sentence(a))
                || (a > opened_at && tokens[a].text.starts_with(|c: char| c.is_ascii_digit())))
        {
            a += 1;
        }
        let mut b = b;
        while b > a && CONNECTORS.contains(&tokens[b - 1].text) {
            b -= 1;
        }
        if a >= b {
            return;
        }
        let run: Vec<&str> = tokens[a..b].iter().map(|t| t.text).collect();
        let mut run = &run[..];
        // "Australian Timothy Weeks", "Employee Steve Castro": a nationality or a word the
        // article also writes in lower case, before a full name, describes the person.
        // ("Teenager LaShawn Merritt": so does a word that is capitalised only because it opens
        // the sentence and is no one's name.)
        let opening_descriptor = || {
            tokens[a].sentence_start
                && !lex.is_given_name(run[0])
                && !lex.surnames.contains(run[0])
                && !lex.names_a_place(run[0])
                && lex.surnames.contains(run[run.len() - 1])
        };
        if run.len() >= 3 && self.is_full_name(&run[1..]) && (lex.nationalities.contains(run[0]) || self.is_common_word(run[0]) || opening_descriptor()) {
            a += 1;
            run = &run[1..];
        }
        // "Advisors Goldman Sachs are …": a word opening the sentence before a name the lexicon
        // lists is no part of it.
        let listed_from = |from: usize| {
            let text = &line[tokens[from].start..tokens[b - 1].end];
            lex.companies.contains(text) || lex.regulators.contains(text)
        };
        if run.len() >= 3 && tokens[a].sentence_start && !lex.is_given_name(run[0]) && !listed_from(a) && listed_from(a + 1) {
            a += 1;
            run = &run[1..];
        }
        // "the leader of the Commons Oliver Heald": a full name after "the" and one word; the
        // word ends what comes before and the name stands alone.
        if run.len() >= 3 && self.is_full_name(&run[1..]) && line[..tokens[a].start].ends_with("the ") && !opens_place(a) {
            self.part(line, base, tokens, a, a + 1, titles_before, None, org_part);
            self.part(line, base, tokens, a + 1, b, &[], title_after, None);
            return;
        }
        // "Karma Automotive Andreas Thurner, vice president …", "Minnesota Wild Jonas Brodin
        // (25) celebrates": a caption runs an organisation into the person who works for it.
        if let Some(k) = self.organisation_then_person(run) {
            self.part(line, base, tokens, a, a + k, titles_before, None, org_part);
            self.part(line, base, tokens, a + k, b, &[], title_after, None);
            return;
        }
        let s = tokens[a].start;
        let last = tokens[b - 1].text;
        let mut e = tokens[b - 1].end - (last.len() - strip_possessive(last).len());
        // "Nintendo Co., Ltd.", "Dräger, Inc.": a legal form after a comma still belongs to the name.
        static LEGAL_TAIL: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^,\s(?:Inc\.|Ltd\.|LLC|L\.L\.C\.|Limited|S\.A\.|N\.V\.|AG|plc|PLC|Corp\.|Co\.)").unwrap());
        // Patterns anchored at the name's end (this one, ADMINISTRATION, ACRONYM) need a literal
        // there; testing for it first spares most names a regex call.
        if line[e..].starts_with(',')
            && let Some(m) = LEGAL_TAIL.find(&line[e..])
        {
            e += m.end();
        }
        let text = &line[s..e];
        let words: Vec<&str> = text.split(' ').collect();
        let before = &line[..s];
        let after = &line[e..];
        // Lower-case role words just before: "chairman Zhang Lidong", "founder and CEO Pony Ma".
        static ROLE_BEFORE: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"([a-z][a-z-]*(?: [a-z][a-z-]*){0,3}) $").unwrap());
        // The pattern ends in a lower-case word and a space; most names have neither before them.
        let role_shaped = matches!(before.as_bytes(), [.., b'a'..=b'z' | b'-', b' ']);
        let lower_title = role_shaped
            .then(|| ROLE_BEFORE.find_at(before, tail_start(before)))
            .flatten()
            .and_then(|m| {
                // The group is the match less its final space; its words are joined by single
                // spaces, so each run of last words is a slice of it. The longest role wins.
                let phrase = m.as_str().strip_suffix(' ')?;
                let word_starts = std::iter::once(0).chain(phrase.match_indices(' ').map(|(at, _)| at + 1));
                word_starts.map(|at| &phrase[at..]).find(|p| lex.roles.contains(*p))
            });
        // A lower-case role before a single word is weak evidence ("TikTok owner ByteDance"):
        // it takes a known family name ("chairman Zhang").
        let lower_title = lower_title.filter(|_| words.len() >= 2 || lex.surnames.contains(words[0]) || lex.chinese_surnames.contains(words[0]));
        let has_title = !titles_before.is_empty() || lower_title.is_some();
        let sentence_start = tokens[a].sentence_start;

        // A club that goes by its city's name ("Porto") is a club only in a sports story.
        let lexicon_hit = lex
            .regulators
            .lookup(text)
            .map(|e| (Listed::Regulators, e))
            .or_else(|| lex.companies.lookup(text).map(|e| (Listed::Companies, e)))
            .or_else(|| lex.sports_clubs.lookup(text).filter(|_| words.len() >= 2 || *self.sports.get_or_init(|| is_sports_story(self.text))).map(|e| (Listed::SportsClubs, e)));
        // "Shenzhen-Hong Kong": places joined by a hyphen name a link between them.
        let linked_places = || text.contains('-') && text.split('-').all(|p| lex.places.contains(p));
        let is_place = lex.names_a_place(text) || lex.outlets.contains(text) || linked_places();
        // "(NYSE:SNE)": an exchange naming a listing, not a firm the story is about.
        if before.ends_with('(') && after.starts_with(':') && after.contains(')') && ACRONYM.is_match(&line[s - 1..]) {
            return;
        }
        // "Lib Dem chairman …", "UKIP, the group …": a political party is no firm, body or person.
        if lexicon_hit.is_none() && lex.parties.contains(text) {
            return;
        }
        // "National News Agency" heads its name like a government agency, but is a news
        // organisation: a source, never a regulator.
        if lexicon_hit.is_none() && (text.ends_with(" News Agency") || text.ends_with(" Press Agency")) {
            return;
        }
        // "MPs", "CEOs": an abbreviation made plural names a kind of people.
        let plural_abbreviation = |w: &str| w.len() >= 3 && w.strip_suffix('s').is_some_and(|a| a.len() >= 2 && a.bytes().all(|b| b.is_ascii_uppercase()));
        if lexicon_hit.is_none() && words.len() == 1 && plural_abbreviation(words[0]) {
            return;
        }
        // "Inc.", "the Company": a legal form or a corporate word alone names no one firm.
        if lexicon_hit.is_none() && words.len() == 1 && lex.is_corporate_suffix(words[0]) {
            return;
        }
        // "the Commissioner of Police": a title and its portfolio name a job, not a body.
        if lexicon_hit.is_none() && words.len() >= 3 && matches!(words[1], "of" | "for") && lex.roles.contains(&words[0].to_lowercase()) {
            return;
        }
        // "your Microsoft Office application": a firm's name before an office word names its
        // product or a branch, not a government body; the firm is named.
        if lexicon_hit.is_none()
            && b - a >= 2
            && REGULATOR_HEADS.contains(tokens[b - 1].text)
            && lex.companies.contains(&line[tokens[a].start..tokens[b - 2].end])
        {
            return self.part(line, base, tokens, a, b - 1, titles_before, title_after, org_part);
        }
        // "Wolong Nature Reserve": a reserve of nature or game is a place, not a central bank.
        if lexicon_hit.is_none() && words.len() >= 2 && words[words.len() - 1] == "Reserve" && matches!(words[words.len() - 2], "Nature" | "Game" | "Wildlife" | "Forest" | "Marine" | "Biosphere") {
            return;
        }
        // "White House National Security Council Ukraine expert": the name ends at its head.
        // (A head alone, "Police Kanti Rana Tata" after "Commissioner of", names no body.)
        if lexicon_hit.is_none()
            && let Some(h) = words.iter().rposition(|w| REGULATOR_HEADS.contains(w))
            && h + 1 < words.len()
            && !matches!(words[h + 1], "of" | "for" | "on")
        {
            if h == 0 {
                return;
            }
            let cut: usize = words[..=h].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
            return self.part_text(line, base, s, s + cut, Kind::Regulator);
        }
        // "Investment Industry Regulatory Organization": a body named for regulating.
        let head_regulator = words.iter().any(|w| REGULATOR_HEADS.contains(w) || matches!(*w, "Regulatory" | "Supervisory"));
        let last_is_head = words.last().is_some_and(|w| REGULATOR_HEADS.contains(w));
        // The head noun decides: "Central Park", "University of Tokyo" are not entities, but
        // "Park Sung-min" after a title is a person.
        let heads_phrase = words.windows(2).any(|w| matches!(w[1], "of" | "for" | "on") && NON_ENTITY_WORDS.contains(&w[0]));
        // "Office for Civil Rights", "Ministry of Land": an office heads the phrase.
        let office_phrase = words.windows(2).any(|w| matches!(w[1], "of" | "for" | "on") && REGULATOR_HEADS.contains(&w[0]));
        // "Daniel Park": a given name and a family name make a person whatever the last word means.
        let full_name = words.len() >= 2 && lex.is_given_name(words[0]) && words.last().is_some_and(|w| lex.surnames.contains(*w));
        // A room or a desk, not a government office.
        let not_a_body = matches!(text, "Oval Office" | "Box Office" | "Front Office" | "Head Office" | "Back Office");
        let non_entity = ((words.last().is_some_and(|w| NON_ENTITY_WORDS.contains(w)) || heads_phrase)
            && !last_is_head
            && !office_phrase
            && !has_title
            && !full_name)
            || not_a_body;
        // "Jamshedpur FC", "FC Goa", "Valencia CF": a football club's form of its name.
        let club_form = |w: &str| matches!(w, "FC" | "F.C." | "AFC" | "CF");
        let strong_suffix = lex.company_suffixes.contains(*words.last().unwrap_or(&""))
            || (words.len() >= 2 && (club_form(words[0]) || words.last().is_some_and(|w| club_form(w))));
        let weak_suffix = lex.weak_company_suffixes.contains(*words.last().unwrap_or(&""));
        // Searched only when nothing above has decided.
        // Asked by the person test and again for a name nothing marked: worked out once.
        let shaped = OnceCell::new();
        let name_shaped = |ex: &Self| {
            *shaped.get_or_init(|| {
                ex.person_shaped(&words)
                    && ex.ends_like_a_name(&words)
                    // "Executive Member of …": a lone role word after a title is no one's name.
                    && !(words.len() == 1 && !lex.surnames.contains(words[0]) && lex.roles.contains(&words[0].to_lowercase()))
            })
        };
        // "Kestrel Digital president Zhou Mingyu": a firm's job title in lower case after the run,
        // its holder's name after that (a lone family name may be someone's: "Biden spokesman").
        let lower_business_title_after = || (words.len() >= 2 || !lex.surnames.contains(words[0])) && business_title_then_name(after);
        // "the “Investor Relations” page": a phrase in quotation marks is a page's or a work's
        // name, not a person's.
        let quoted = || before.ends_with(['“', '"', '‘']) && after.starts_with(['”', '"', '’']);
        // "he supported Trump": a public figure known by the family name alone (the "Trump
        // administration" is a government, below).
        let public_figure = || lex.people.contains(text) && !after.starts_with(" administration") && !after.starts_with("'s administration");
        // "Albertsons Companies (NYSE: ACI)": a stock listing is a firm's.
        let listed = || after.trim_start().starts_with('(') && LISTING.is_match(after);
        let company_cue = || {
            listed()
                || (COMPANY_BEFORE.is_match_at(before, tail_start(before)) && !bought_as_a_product(before, after))
                || COMPANY_AFTER.is_match(after)
                || ((title_after.is_some_and(is_business_title) || lower_business_title_after()) && !has_title)
        };

        let kind = if let Some((listed, _)) = lexicon_hit {
            Some(listed.kind())
        } else if is_place && !has_title {
            None
        } else if strong_suffix && words.len() >= 2 {
            Some(Kind::Company)
        } else if head_regulator && !non_entity && words.len() >= 2 {
            Some(Kind::Regulator)
        } else if non_entity {
            None
        // "Port Dickson MP Anwar Ibrahim": a run before a title someone holds is where they
        // hold it, not another person.
        } else if public_figure() || (title_after.is_none() && !quoted() && name_shaped(self) && (has_title || self.person_cue(&words, before, after))) {
            Some(Kind::Person)
        } else if (weak_suffix && words.len() >= 2) || (company_cue() && !(sentence_start && words.len() == 1 && lex.stopwords.contains(words[0]))) {
            Some(Kind::Company)
        } else {
            None
        };
        // "Trump administration": a government named after its leader.
        static ADMINISTRATION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:'s)? administration(?-u:\b)").unwrap());
        if (kind.is_none() || kind == Some(Kind::Person))
            && (line[e..].starts_with(" administration") || line[e..].starts_with("'s administration"))
            && let Some(m) = ADMINISTRATION.find(&line[e..])
                && words.len() <= 2 && !is_place {
                    let name = format!("{} administration", words.last().unwrap_or(&text));
                    self.push(Kind::Regulator, name, base + s, base + e + m.end(), Vec::new(), None);
                }
        let Some(kind) = kind else {
            // "Questioning Vindman, …": a sentence may open with a verb's -ing form.
            let opens_with_verb = sentence_start && words[0].len() >= 6 && words[0].ends_with("ing");
            let unmarked = (2..=3).contains(&words.len()) && !opens_with_verb && !words.iter().any(|w| self.ends_in_company_word(w));
            if unmarked && !is_place && !non_entity && name_shaped(self) {
                self.unconfirmed.push((base + s, base + e, text.to_string()));
            }
            return;
        };
        let mut roles = Vec::new();
        if kind == Kind::Person {
            // "But British Casino Association Chairman Jo Lee": a word opening the sentence is
            // none of the organisation's name.
            let org = org_part.map(|(mut oa, ob)| {
                while oa + 1 < ob
                    && tokens[oa].sentence_start
                    && lex.stopwords.contains(tokens[oa].text)
                    && !lex.names_a_place(&line[tokens[oa].start..tokens[oa + 1].end])
                {
                    oa += 1;
                }
                line[tokens[oa].start..tokens[ob - 1].end].to_string()
            });
            // Courtesy titles ("Ms", "Mr.") say nothing of a person's role.
            let courtesy = |t: &str| matches!(t.trim_end_matches('.'), "Mr" | "Mrs" | "Ms" | "Miss" | "Mx" | "Messrs");
            // "The Minister of Information, Mohammed Idris, said": a title set off before the name.
            let apposed_title = (!has_title && (after.is_empty() || after.starts_with([',', '.']))).then(|| title_before_comma(line, tokens, a, lex)).flatten();
            for t in titles_before.iter().map(String::as_str).chain(lower_title).chain(apposed_title.as_deref()).filter(|t| !courtesy(t)) {
                roles.push(Role { title: t.to_string(), org: org.clone() });
            }
            let (apposed, employer) = appositive_roles(after, lex);
            if employer && let Some(org) = apposed.first().and_then(|r| r.org.clone()) {
                self.employers.push(org);
            }
            roles.extend(apposed);
        }
        let index = self.push(kind, text.to_string(), base + s, base + e, roles, lexicon_hit);
        if kind == Kind::Person {
            self.candidates[index].female = titles_before.iter().find_map(|t| match t.trim_end_matches('.') {
                "Mr" => Some(false),
                "Ms" | "Mrs" | "Miss" => Some(true),
                _ => None,
            });
        } else {
            self.note_acronym(index, after);
        }
    }

    /// Government bodies written in lower case after a country or place: "Russia's foreign
    /// ministry", "the French foreign ministry", "the Inner Mongolia health commission".
    fn lower_case_bodies(&mut self, line: &str, base: usize, tokens: &[Token]) {
        const HEADS: [&str; 8] = ["ministry", "ministries", "commission", "office", "department", "bureau", "authority", "agency"];
        static BODY: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(&format!(r"(?:(?-u:\b)[Tt]he\s+)?(?-u:\b)((?:[A-Z][\w.-]*\s)?[A-Z][\w.-]*(?:'s)?)\s+((?:foreign|defen[cs]e|finance|health|interior|justice|economy|economic|trade|education|environment|agriculture|energy|transport|culture|labou?r|commerce|industry|information|communications?|security|home|public security|state security|emergency)\s+(?:{}))(?-u:\b)", HEADS.join("|"))).unwrap()
        });
        // The pattern needs a word that opens with one of its head nouns, which most lines
        // lack; the line's tokens already say so. (The heads' first letters, and none is
        // shorter than six, turn most words away before the list is tried.)
        let opens_with_head = |t: &Token| {
            matches!(t.text.as_bytes(), [b'a' | b'b' | b'c' | b'd' | b'm' | b'o', _, _, _, _, _, ..])
                && HEADS.iter().any(|h| t.text.strip_prefix(h).is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphanumeric())))
        };
        if !tokens.iter().any(opens_with_head) {
            return;
        }
        for c in BODY.captures_iter(line) {
            let (Some(all), Some(place)) = (c.get(0), c.get(1)) else { continue };
            let bare = strip_possessive(place.as_str());
            let known = self.lex.names_a_place(bare);
            if known && !c[2].ends_with("ministries") {
                self.push(Kind::Regulator, all.as_str().to_string(), base + all.start(), base + all.end(), Vec::new(), None);
            }
        }
    }

    /// A name ends in a family name, not in a word that heads an organisation, event or place
    /// ("General Assembly", "Justice Department", "Ascom North America").
    fn ends_like_a_name(&self, words: &[&str]) -> bool {
        let lex = self.lex;
        let words = match words {
            [name @ .., suffix] if name.len() >= 2 && is_name_suffix(suffix) => name,
            _ => words,
        };
        let Some(&last) = words.last() else { return false };
        lex.surnames.contains(last)
            || !(REGULATOR_HEADS.contains(&last)
                || NON_ENTITY_WORDS.contains(&last)
                || self.ends_in_company_word(last)
                || (lex.places.contains(last) && !self.plainly_given(words))
                || lex.nationalities.contains(last))
    }

    /// "Rick Dearborn", "Jack London": a name of two or more words opened by a given name that
    /// is no place's may end in one. (A place named by the whole run, "Alice Springs", is
    /// ruled out before names are tried.)
    fn plainly_given(&self, words: &[&str]) -> bool {
        words.len() >= 2 && self.lex.is_given_name(words[0]) && !self.lex.places.contains(words[0]) && !self.lex.ambiguous_given_names.contains(words[0])
    }

    /// Records an organisation candidate for `line[s..e]`, with its acronym if one follows.
    fn part_text(&mut self, line: &str, base: usize, s: usize, e: usize, kind: Kind) {
        let index = self.push(kind, line[s..e].to_string(), base + s, base + e, Vec::new(), None);
        self.note_acronym(index, &line[e..]);
    }

    /// An acronym in parentheses right after an organisation's name is its alias.
    fn note_acronym(&mut self, candidate: usize, after: &str) {
        if after.trim_start().starts_with('(')
            && let Some(c) = ACRONYM.captures(after)
            // "OGE Group (Israel)": a place in parentheses says where, not what the name is short for.
            && !self.lex.names_a_place(&c[1])
        {
            self.acronyms.push((c[1].to_string(), candidate));
        }
    }

    fn person_shaped(&self, words: &[&str]) -> bool {
        let lex = self.lex;
        (1..=5).contains(&words.len())
            && !PLACE_OPENERS.contains(&words[0])
            && words.iter().enumerate().all(|(i, w)| {
                // "Charlotte", "Jordan": a place's name that is also a person's name may be one,
                // and so may one that is mostly a place's ("Alexandria") when a name follows it.
                let opens_name = i == 0 && words.len() >= 2 && lex.ambiguous_given_names.contains(*w);
                let name_word = lex.is_given_name(w) || lex.surnames.contains(*w) || opens_name || (i > 0 && self.plainly_given(words));
                (is_capitalised(w) || NAME_PARTICLES.contains(w) || (i > 0 && is_hyphened_particle(w)))
                    && !lex.stopwords.contains(*w)
                    && (name_word || !lex.places.contains(w))
                    && !lex.nationalities.contains(*w)
                    && !w.chars().any(|c| c.is_ascii_digit())
            })
            // Names hold initials ("J.R."), not acronyms ("SK Hynix"); a suffix ends one.
            && !words.iter().enumerate().any(|(i, w)| {
                let suffix = i > 0 && i + 1 == words.len() && is_name_suffix(w);
                w.len() > 1 && !w.contains('.') && w.chars().all(char::is_uppercase) && !suffix
            })
    }

    /// A given name and more words that are person-shaped and end like a name.
    /// A capitalised word that is no given name and that the article also writes in lower case,
    /// alone or as a plural ("Employee" beside "employees").
    fn is_common_word(&self, word: &str) -> bool {
        if self.lex.is_given_name(word) || !word.starts_with(|c: char| c.is_ascii_uppercase()) {
            return false;
        }
        let lower = self.lower_case_words.get_or_init(|| {
            self.text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.starts_with(|c: char| c.is_ascii_lowercase())).collect()
        });
        let word = word.to_lowercase();
        lower.contains(word.as_str()) || lower.contains(format!("{word}s").as_str())
    }

    fn is_full_name(&self, words: &[&str]) -> bool {
        words.first().is_some_and(|w| self.lex.is_given_name(w)) && self.person_shaped(words) && self.ends_like_a_name(words)
    }

    /// Where a run of words splits into an organisation the lexicon or a legal form names and a
    /// person's full name after it (a given name and one or two more words), if it does: the
    /// index of the name's first word.
    fn organisation_then_person(&self, words: &[&str]) -> Option<usize> {
        let lex = self.lex;
        let k = (1..words.len()).find(|&k| (2..=3).contains(&(words.len() - k)) && lex.is_given_name(words[k]))?;
        let (org, person) = words.split_at(k);
        if !self.is_full_name(person) {
            return None;
        }
        let name = org.join(" ");
        let last = *org.last()?;
        // "European Union Gordon Sondland" after "Ambassador to the": a body named by its head
        // word, or a place, before the name.
        let headed = NON_ENTITY_WORDS.contains(last) || REGULATOR_HEADS.contains(&last) || lex.names_a_place(&name);
        let listed = lex.companies.lookup(&name).is_some()
            || lex.regulators.lookup(&name).is_some()
            || (org.len() >= 2 && lex.sports_clubs.lookup(&name).is_some())
            || headed;
        let legal_form = org.len() >= 2 && self.ends_in_company_word(last);
        (listed || legal_form).then_some(k)
    }

    fn person_cue(&self, words: &[&str], before: &str, after: &str) -> bool {
        let lex = self.lex;
        let first = words[0];
        let last = words[words.len() - 1];
        if words.len() >= 2 {
            if lex.is_given_name(first) && !lex.companies.contains(last) {
                return true;
            }
            if lex.ambiguous_given_names.contains(first) && lex.surnames.contains(last) {
                return true;
            }
            // "T.J. Harden", "J. Okafor": initials stand for given names (not "U.S.", a place's).
            if is_initials(first) && !lex.places.contains(first) {
                return true;
            }
            // "Dong-hyun Lee", "Park Sung-min": a hyphenated East Asian given name.
            // The other word is a plain family name ("Lee"), not another hyphenated word.
            if words.len() == 2 && words.iter().any(|w| EAST_ASIAN_GIVEN.is_match(w)) && !words.iter().all(|w| w.contains('-')) {
                return true;
            }
            let chinese = |i: usize| lex.chinese_surnames.contains(words[i]) && words.get(i + 1).is_some_and(|w| is_pinyin(w));
            if (words.len() == 2 && chinese(0)) || (words.len() == 3 && chinese(1)) {
                return true;
            }
            // Both patterns after the name open with a comma or white space.
            let cue_after = after.starts_with(|c: char| c == ',' || c.is_whitespace()) && (PERSON_AFTER.is_match(after) || APPOSITIVE_ROLE.is_match(after));
            if cue_after || SPEECH_BEFORE.is_match_at(before, tail_start(before)) {
                return true;
            }
            return words.len() <= 3 && lex.surnames.contains(last) && !lex.stopwords.contains(first);
        }
        // "Reid (D-Nev.) told reporters": a party and state tag follows only a politician.
        static PARTY_TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s\((?:[DRI]|Dem|Rep|Ind)-[A-Z]").unwrap());
        // "“…?” Schiff asked": a family name with a speech verb, named in full nowhere (not
        // "Huntington of Findlay, who": a town may be a family name too).
        static SPEECH_AFTER: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^\s+(?:said|says|told|added|asked|explained|noted|argued|wrote|stated|testified|tweeted|insisted|warned)(?-u:\b)").unwrap());
        let surname_with_cue = || {
            lex.surnames.contains(first)
                && ((after.starts_with(' ') && SPEECH_AFTER.is_match(after)) || SPEECH_BEFORE.is_match_at(before, tail_start(before)))
        };
        (after.starts_with(" (") && PARTY_TAG.is_match(after)) || surname_with_cue()
    }

    fn push(&mut self, kind: Kind, text: String, start: usize, end: usize, roles: Vec<Role>, entry: Option<(Listed, usize)>) -> usize {
        self.candidates.push(Candidate { kind, text, start, end, roles, entry, female: None });
        self.candidates.len() - 1
    }
}

/// ", a spokesman at Acme": the roles and the preposition; the organisation's name, from the
/// capital letter that ends the match, is read by [`organisation_run`]. (Read by the pattern,
/// its Unicode word class made the capture search a tenth of finding entities.)
static APPOSITIVE_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,\s+(?:the\s+|a\s+|an\s+)?(?:former\s+|then-|acting\s+|interim\s+)?((?:(?:[a-z][a-z-]*|[A-Z]{2,4})\s+){0,3}?(?:[a-z][a-z-]*|[A-Z]{2,4}))(?:\s+and\s+((?:(?:[a-z][a-z-]*|[A-Z]{2,4})\s*){1,3}))?\s+(of|at|for|with)\s+((?:the\s+)?[A-Z])").unwrap()
});

/// Where a capitalised run of words that opens at `from` ends: capitalised words (letters,
/// digits, `.&'-`) joined by white space and "of", "and", "for", "the". What the pattern
/// `[A-Z][\w.&'-]*(?:\s+(?:of|and|for|the|[A-Z][\w.&'-]*))*` matches, a connector that opens a
/// longer word included ("Acme of" in "Acme often"): [`org_name`] trims those.
fn organisation_run(text: &str, from: usize) -> usize {
    let word_end = |at: usize| {
        let rest = &text[at..];
        at + rest.find(|c: char| !(regex_syntax::is_word_character(c) || matches!(c, '.' | '&' | '\'' | '-'))).unwrap_or(rest.len())
    };
    let mut end = word_end(from + 1);
    loop {
        let rest = &text[end..];
        let next = end + rest.find(|c: char| !c.is_whitespace()).unwrap_or(rest.len());
        if next == end {
            break;
        }
        let word = &text[next..];
        end = match ["of", "and", "for", "the"].into_iter().find(|w| word.starts_with(w)) {
            Some(connector) => next + connector.len(),
            None if word.starts_with(|c: char| c.is_ascii_uppercase()) => word_end(next + 1),
            None => break,
        };
    }
    end
}

/// Roles given in an apposition after a name: ", founder and chief executive of Tencent"; and
/// whether the organisation is the person's employer (a role "at", "of" or "with" it, not
/// "for" it: "a spokesman for Jo Lee").
fn appositive_roles(after: &str, lex: &Lexicon) -> (Vec<Role>, bool) {
    // The pattern opens with a comma; most names have none after them.
    let Some(c) = after.starts_with(',').then(|| APPOSITIVE_ROLE.captures(after)).flatten() else { return (Vec::new(), false) };
    let read = c.get(4).map(|m| &after[m.start()..organisation_run(after, m.end() - 1)]);
    // "co-founder of Norfolk-based Magazine Jukebox": where a firm is based is not its name.
    let based = |name: &str| name.split_once(' ').filter(|(first, _)| first.ends_with("-based")).map_or(name, |(_, rest)| rest).to_string();
    // "CEO of Chinese internet giant Tencent": a nationality describes the firm, naming none.
    // "head of the Tate's digital programme": the possessor is the organisation.
    let org = read.map(|read| based(strip_possessive(org_name(read).trim_start_matches("the ")))).filter(|org| !lex.nationalities.contains(org.as_str()));
    let roles: Vec<Role> = [c.get(1), c.get(2)]
        .into_iter()
        .flatten()
        .map(|m| m.as_str().trim().to_string())
        .filter(|t| lex.roles.contains(t) || lex.roles.contains(&t.to_lowercase()))
        .map(|title| Role { title, org: org.clone() })
        .collect();
    let employer = !roles.is_empty() && &c[3] != "for";
    (roles, employer)
}

/// An organisation's name as the apposition pattern over-reads it, cut at the end of its
/// sentence ("Ministry of Fisheries. Prices fell" → "Ministry of Fisheries"; "Acme Co. Ltd" and
/// "U.S. Treasury" keep their stops) and without connectors left hanging ("Acme Ltd and").
fn org_name(read: &str) -> &str {
    let mut name = read;
    let mut at = 0;
    for word in read.split(' ') {
        if let Some(bare) = word.strip_suffix('.')
            && !keeps_full_stop(bare)
        {
            name = &read[..at + bare.len()];
            break;
        }
        at += word.len() + 1;
    }
    while let Some((rest, last)) = name.rsplit_once(' ')
        && matches!(last, "of" | "and" | "for" | "the" | "")
    {
        name = rest;
    }
    name
}

/// Words of an organisation name that carry meaning for acronyms and short forms.
fn significant_words(name: &str) -> Vec<&str> {
    // "Dräger, Inc.": the comma before a legal form is no part of the word.
    name.split(' ').map(|w| w.trim_end_matches(',')).filter(|w| !CONNECTORS.contains(w) && *w != "The").collect()
}

pub fn initials(name: &str) -> String {
    significant_words(name).iter().filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect()
}

/// Joins candidates into entities and finds the remaining mentions (surnames, short forms,
/// acronyms) across the article's content lines.
pub fn find_entities(article: &Article, lex: &Lexicon, credits: &[FoundCredit]) -> EntityTable {
    let mut ex = Extractor { lex, text: article.text(), sports: OnceCell::new(), lower_case_words: OnceCell::new(), candidates: Vec::new(), acronyms: Vec::new(), employers: Vec::new(), unconfirmed: Vec::new() };
    let content: Vec<usize> = (0..article.lines.len())
        .filter(|&i| matches!(article.lines[i].kind, LineKind::Body | LineKind::Caption | LineKind::Bio))
        .collect();
    // Headline case ("Tina Brown Tracks Down Oscar Wilde") hides where names end: such lines,
    // like the title, only repeat names found elsewhere.
    // Tokens of each content line, shared with the search for short mentions below.
    let tokens: Vec<Vec<Token>> = content.iter().map(|&i| tokenize(article.line_text(i))).collect();
    for (k, &i) in content.iter().enumerate().filter(|&(_, &i)| !is_headline_case(article.line_text(i))) {
        ex.line(article.line_text(i), article.lines[i].start, &tokens[k]);
    }
    for (k, &i) in content.iter().enumerate() {
        ex.lower_case_bodies(article.line_text(i), article.lines[i].start, &tokens[k]);
    }
    // A credited name the text already gave is one mention, not two; a cue word run into it
    // ("Credit Jo Lee/The Times") is no part of the name.
    for c in credits {
        if ex.candidates.iter().any(|k| k.start == c.start && k.end == c.end) {
            continue;
        }
        if let Some(k) = ex.candidates.iter_mut().find(|k| k.kind == Kind::Person && k.start < c.start && k.end == c.end) {
            k.start = c.start;
            k.text = c.name.clone();
        } else {
            ex.push(Kind::Person, c.name.clone(), c.start, c.end, Vec::new(), None);
        }
    }
    confirm_by_last_word(article, &content, &tokens, lex, &mut ex);
    let Extractor { mut candidates, acronyms, employers, .. } = ex;
    // "Braun-owned": a word typed as a firm only by its context is the person of that name when
    // the article has one: a surname, the end of a full name ("Van Der Beek's announcement"),
    // or a name a title gave someone ("Prince Andrew … Andrew's interview").
    let mut surnames: HashSet<String> = HashSet::default();
    for c in candidates.iter().filter(|c| c.kind == Kind::Person) {
        if !c.text.contains(' ') {
            if !c.roles.is_empty() {
                surnames.insert(c.text.clone());
            }
            continue;
        }
        surnames.extend(surname_of(&c.text, lex));
        let words: Vec<&str> = c.text.split(' ').collect();
        surnames.extend((1..words.len().saturating_sub(1)).map(|k| words[k..].join(" ")));
    }
    // "Sierra Crest said": a short form of a firm named in full elsewhere ("Sierra Crest Power
    // Corp.") is that firm, even when it looked like a person's name. Keyed by every leading run
    // of words of each organisation's name; the first organisation named wins.
    let mut organisation_openings: HashMap<&str, Kind> = HashMap::new();
    for c in candidates.iter().filter(|c| c.kind != Kind::Person) {
        // "Eastvale Dairy said" for "China Eastvale Dairy Holdings": the place may be dropped.
        let without_place = c.text.split_once(' ').filter(|(first, _)| lex.names_a_place(first)).map(|(_, rest)| rest);
        for name in std::iter::once(c.text.as_str()).chain(without_place) {
            for (at, _) in name.match_indices(' ') {
                organisation_openings.entry(&name[..at]).or_insert(c.kind);
            }
        }
    }
    // "a letter to Abbott" beside Tony Abbott is him, though a firm is listed as "Abbott": a
    // listed firm keeps a lone word only when the article names it in full.
    let named_in_full = |entry| candidates.iter().any(|o| o.entry == Some(entry) && o.text.contains(' '));
    let retyped: Vec<Option<Kind>> = candidates
        .iter()
        .map(|c| {
            if c.kind != Kind::Person && surnames.contains(&c.text) && c.entry.is_none_or(|entry| !named_in_full(entry)) {
                Some(Kind::Person)
            } else if c.kind == Kind::Person && c.roles.is_empty() && employers.contains(&c.text) {
                Some(Kind::Company)
            } else if c.kind == Kind::Person && c.roles.is_empty() && c.text.contains(' ') {
                organisation_openings.get(c.text.as_str()).copied()
            } else {
                None
            }
        })
        .collect();
    for (c, kind) in candidates.iter_mut().zip(retyped) {
        if let Some(kind) = kind {
            c.kind = kind;
        }
    }
    let mut table = EntityTable::default();
    let mut owner: Vec<usize> = vec![usize::MAX; candidates.len()];
    // Where each entity has been mentioned so far, as (start, order of joining): the mentions
    // are not in text order until every candidate is joined.
    let mut mentioned_at: Vec<Vec<(usize, usize)>> = Vec::new();
    // Longer names first, so shorter forms join the fullest one.
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_cached_key(|&i| (std::cmp::Reverse(candidates[i].text.split(' ').count()), candidates[i].start));
    for (joined, &i) in order.iter().enumerate() {
        let c = &candidates[i];
        // A lone family name belongs to the nearest person of that name ("Gonzalez declined").
        let by_surname = (c.kind == Kind::Person && !c.text.contains(' '))
            .then(|| {
                // "Ms Lam" beside Victor and Grace Lam: the one a courtesy title can address.
                let addressed = |id: usize| c.female.is_none_or(|f| lex.may_be(f, &table.entities[id].name));
                nearest_named(&table, &mentioned_at, &c.text, c.start, addressed)
            })
            .flatten()
            .filter(|&id| table.entities[id].kind == Kind::Person);
        let id = by_surname.or_else(|| owning_entity(&table, c, lex)).unwrap_or_else(|| {
            let surname = (c.kind == Kind::Person).then(|| surname_of(&c.text, lex)).flatten();
            mentioned_at.push(Vec::new());
            table.create(c.kind, c.text.clone(), surname, lex)
        });
        let (start, form) = match by_surname.and_then(|id| with_particles(article.text(), c.start, c.end, &table.entities[id].name)) {
            Some(at) => (at, &article.text()[at..c.end]),
            None => (c.start, c.text.as_str()),
        };
        table.add_form(id, form, 1);
        table.entities[id].roles.extend(c.roles.iter().cloned());
        owner[i] = id;
        table.mentions.push(Mention { start, end: c.end, entity: id });
        mentioned_at[id].push((c.start, joined));
    }
    for (acronym, i) in &acronyms {
        table.add_form(owner[*i], acronym, 0);
    }
    // Organisations found only by their acronym elsewhere join the full name: the acronym of
    // its initials, or one given after it.
    let initials_of = (0..table.entities.len())
        .filter(|&id| table.entities[id].kind != Kind::Person)
        .map(|id| (id, initials(&table.entities[id].name)))
        .collect::<Vec<_>>();
    for (id, short) in initials_of.into_iter().chain(acronyms.into_iter().map(|(acronym, i)| (owner[i], acronym))) {
        if short.len() >= 2
            && let Some(other) = table.named(&short).into_iter().find(|&o| o != id && table.entities[o].name == short) {
                merge(&mut table, other, id);
            }
    }
    table.mentions.sort();
    table.mentions.dedup();
    add_short_mentions(article, &content, &tokens, lex, &mut table);
    add_descriptive_aliases(article, &content, &mut table);
    drop_empty(&mut table);
    table
}

/// A one-word title or honorific ("Minister", "Dr."), as written or in lower case.
fn is_title_word(word: &str, lex: &Lexicon) -> bool {
    lex.honorifics.contains(word) || lex.roles.contains(&word.to_lowercase())
}

/// "Zorya Kettleby … Kettleby, 52, declined": people go by their family name alone, organisations do
/// not go by their last word ("Stack Overflow" is never "Overflow"). A name no cue marked
/// becomes a person's when its last word stands alone elsewhere: mid-sentence, where only a
/// proper noun is capitalised, or opening one with a person's cue after it.
fn confirm_by_last_word(article: &Article, content: &[usize], tokens: &[Vec<Token>], lex: &Lexicon, ex: &mut Extractor) {
    let unconfirmed = std::mem::take(&mut ex.unconfirmed);
    let last_words: Vec<Option<String>> = unconfirmed.iter().map(|(.., name)| surname_of(name, lex)).collect();
    let wanted: HashSet<&str> = last_words.iter().flatten().map(String::as_str).collect();
    // The last words used alone; the cue patterns run only beside one of them.
    let mut alone: HashSet<&str> = HashSet::default();
    for (k, &i) in content.iter().enumerate() {
        let line = article.line_text(i);
        for tok in &tokens[k] {
            let word = strip_possessive(tok.text);
            if alone.contains(word) || !wanted.contains(word) {
                continue;
            }
            // "the Minister says": a title alone stands for someone, but is no one's name.
            if !inside_longer_name(line, tok.start, tok.start + word.len()) && !is_title_word(word, lex) && person_cue_beside(line, tok.start, tok.start + word.len()) {
                alone.insert(word);
            }
        }
    }
    let taken: HashSet<usize> = ex.candidates.iter().map(|c| c.start).collect();
    for ((start, end, name), last) in unconfirmed.into_iter().zip(last_words) {
        if last.is_some_and(|last| alone.contains(last.as_str())) && !taken.contains(&start) {
            ex.push(Kind::Person, name, start, end, Vec::new(), None);
        }
    }
}

/// Moves everything of entity `from` into `into`.
fn merge(table: &mut EntityTable, from: usize, into: usize) {
    let forms = std::mem::take(&mut table.entities[from].forms);
    for (f, n) in forms {
        table.add_form(into, &f, n);
    }
    let roles = std::mem::take(&mut table.entities[from].roles);
    table.entities[into].roles.extend(roles);
    for m in &mut table.mentions {
        if m.entity == from {
            m.entity = into;
        }
    }
}

fn drop_empty(table: &mut EntityTable) {
    let mut keep = vec![false; table.entities.len()];
    for m in &table.mentions {
        keep[m.entity] = true;
    }
    let mut new_id = vec![usize::MAX; keep.len()];
    let mut entities = Vec::new();
    for (i, e) in std::mem::take(&mut table.entities).into_iter().enumerate() {
        if keep[i] {
            new_id[i] = entities.len();
            entities.push(e);
        }
    }
    table.entities = entities;
    for m in &mut table.mentions {
        m.entity = new_id[m.entity];
    }
}

/// The word a lone mention would use: the family name.
fn surname_of(name: &str, lex: &Lexicon) -> Option<String> {
    let words: Vec<&str> = name.split(' ').filter(|w| !is_name_suffix(w)).collect();
    if words.len() < 2 {
        return words.first().map(|w| w.to_string());
    }
    // "Park Sung-min", "Victor Lam Ka-wing": a hyphenated East Asian given name follows the
    // family name, after any Western given name.
    if let [.., family, given] = words[..]
        && EAST_ASIAN_GIVEN.is_match(given)
    {
        return Some(family.to_string());
    }
    // "Zhang Lidong", "Pony Ma Huateng": the Chinese family name precedes a Pinyin given name.
    for i in 0..words.len() - 1 {
        if lex.chinese_surnames.contains(words[i]) && is_pinyin(words[i + 1]) && i + 2 == words.len() {
            return Some(words[i].to_string());
        }
    }
    // "Bashar al-Assad" is "Assad" on his own.
    words.last().map(|w| if is_hyphened_particle(w) { w.split_once('-').map_or(*w, |(_, core)| core) } else { w }.to_string())
}

/// The entity a lone name refers to while candidates are being joined, of those that `fits`:
/// the only one using it, else the one mentioned last before `at`, else the first mentioned
/// after it.
fn nearest_named(table: &EntityTable, mentioned_at: &[Vec<(usize, usize)>], name: &str, at: usize, fits: impl Fn(usize) -> bool) -> Option<usize> {
    let mut candidates = table.named(strip_name(name));
    // When none fits, the hint was wrong (a name the lexicon genders wrongly): all stay.
    if candidates.iter().any(|&id| fits(id)) {
        candidates.retain(|&id| fits(id));
    }
    if let [only] = candidates[..] {
        return Some(only);
    }
    let at_of = |&id: &usize| mentioned_at[id].iter().map(move |&(start, joined)| (start, joined, id));
    let before = candidates.iter().flat_map(at_of).filter(|&(start, ..)| start < at).max();
    before.or_else(|| candidates.iter().flat_map(at_of).min()).map(|(.., id)| id)
}

/// The entity a candidate is another form of. A short form that opens several names
/// ("Alibaba" before "Alibaba Group Holding Ltd." and "Alibaba Health Information Technology")
/// goes to the one that adds only corporate suffixes to it.
fn owning_entity(table: &EntityTable, c: &Candidate, lex: &Lexicon) -> Option<usize> {
    // "Von der Leyen said", opening a sentence, is "Ursula von der Leyen".
    if c.kind == Kind::Person
        && let Some((first, rest)) = c.text.split_once(' ')
        && NAME_PARTICLES.contains(&first.to_lowercase().as_str())
        && is_capitalised(first)
    {
        let lowered = Candidate { text: format!("{} {rest}", first.to_lowercase()), roles: Vec::new(), ..*c };
        if let Some(id) = owning_entity(table, &lowered, lex) {
            return Some(id);
        }
    }
    if let Some(id) = knight_by_given_name(table, c) {
        return Some(id);
    }
    let index = &table.index;
    let mut ids = Vec::new();
    ids_under(&index.by_form, &c.text, &mut ids);
    if c.kind == Kind::Person {
        ids_under(&index.by_run, &c.text, &mut ids);
        // People sharing a family name, for a name that abbreviates a middle one.
        if let Some((_, last)) = c.text.rsplit_once(' ') {
            ids_under(&index.by_form, last, &mut ids);
        }
    } else {
        if let Some((listed, entry)) = c.entry {
            for form in listed.list(lex).forms(entry) {
                ids_under(&index.by_form, form, &mut ids);
            }
        }
        // "DHS" beside "Department of Homeland Security" and "DHS Office of Inspector General":
        // an acronym stands for the name it abbreviates before one it opens.
        if c.text.len() >= 2 && c.text.chars().all(|ch| ch.is_ascii_uppercase()) {
            let mut spelled = Vec::new();
            ids_under(&index.by_initials, &c.text, &mut spelled);
            let spelled: Vec<usize> = sorted_ids(spelled).into_iter().filter(|&i| initials(&table.entities[i].name) == c.text).collect();
            if let [only] = spelled[..] {
                return Some(only);
            }
        }
        ids_under(&index.by_opening, &significant_words(&c.text).join(" "), &mut ids);
    }
    let owners: Vec<usize> = sorted_ids(ids).into_iter().filter(|&i| same_entity(&table.entities[i], c, lex)).collect();
    if owners.len() > 1
        && let Some(&plain) = owners.iter().find(|&&i| adds_only_suffixes(&table.entities[i].name, &c.text, lex))
    {
        return Some(plain);
    }
    owners.first().copied()
}

/// "Sir John" after "Sir John Bourn": a knight or dame goes by the given name, so a lone
/// given name with the title is the one titled person who has it.
fn knight_by_given_name(table: &EntityTable, c: &Candidate) -> Option<usize> {
    let knighted = |roles: &[Role]| roles.iter().any(|r| matches!(r.title.as_str(), "Sir" | "Dame"));
    if c.kind != Kind::Person || c.text.contains(' ') || !knighted(&c.roles) {
        return None;
    }
    let mut holders = table.entities.iter().enumerate().filter(|(_, e)| {
        e.kind == Kind::Person && e.name.split_once(' ').is_some_and(|(given, _)| given == c.text) && knighted(&e.roles)
    });
    match (holders.next(), holders.next()) {
        (Some((id, _)), None) => Some(id),
        _ => None,
    }
}

/// "Samuel A. Jinapor" and "Samuel Abu Jinapor": the same first and last names, and each
/// middle name the same or given by its initial.
/// "Ajay Kumar Bhalla" and "Ajay Bhalla": a middle name may be left out too.
fn middle_initials_agree(a: &[&str], b: &[&str]) -> bool {
    let agree = |x: &str, y: &str| {
        let initial_of = |i: &str, w: &str| i.len() == 2 && i.ends_with('.') && w.len() > 2 && w.starts_with(&i[..1]);
        x == y || initial_of(x, y) || initial_of(y, x)
    };
    let ends_agree = a.len() >= 2 && b.len() >= 2 && a[0] == b[0] && a[a.len() - 1] == b[b.len() - 1];
    let middle_left_out = a.len().abs_diff(b.len()) == 1 && a.len().min(b.len()) == 2;
    ends_agree && ((a.len() >= 3 && a.len() == b.len() && a.iter().zip(b).all(|(x, y)| agree(x, y))) || middle_left_out)
}

fn adds_only_suffixes(name: &str, short: &str, lex: &Lexicon) -> bool {
    name.strip_prefix(short).is_some_and(|rest| {
        rest.starts_with(' ')
            && rest.split_whitespace().all(|w| lex.is_corporate_suffix(w.trim_end_matches(',')))
    })
}

fn same_entity(e: &FoundEntity, c: &Candidate, lex: &Lexicon) -> bool {
    if e.forms.contains_key(&c.text) || e.name == c.text {
        return e.kind == c.kind || c.kind != Kind::Person && e.kind != Kind::Person;
    }
    match (e.kind, c.kind) {
        (Kind::Person, Kind::Person) => {
            // "Pony Ma" and "Ma Huateng" are parts of "Pony Ma Huateng".
            let long: Vec<&str> = e.name.split(' ').collect();
            let short: Vec<&str> = c.text.split(' ').collect();
            (short.len() >= 2 && long.windows(short.len()).any(|w| w == short.as_slice())) || middle_initials_agree(&long, &short)
        }
        (Kind::Person, _) | (_, Kind::Person) => false,
        _ => {
            if let Some((listed, entry)) = c.entry {
                let list = listed.list(lex);
                if e.forms.keys().any(|f| list.lookup(f) == Some(entry)) {
                    return true;
                }
            }
            // "Alibaba" and "Alibaba Group Holding Ltd.": a short form opens the full name. A
            // place alone ("China" before "China Mobile") is not one; a place and more words
            // ("Fayetteville Police") may be.
            let long: Vec<&str> = significant_words(&e.name);
            let short: Vec<&str> = significant_words(&c.text);
            // "Huishan Dairy" is short for "China Huishan Dairy Holdings" too: a place or
            // nationality before a firm's name is often dropped.
            let opens = |long: &[&str]| short.len() < long.len() && long.starts_with(&short);
            !short.is_empty()
                && (opens(&long) || (long.len() > 2 && lex.names_a_place(long[0]) && opens(&long[1..])))
                && (short.len() >= 2 || !lex.names_a_place(short[0]))
        }
    }
}

/// A line with (nearly) every word capitalised.
fn is_headline_case(line: &str) -> bool {
    // Words (split at white space) that open with a letter, and those of them capitalised. A
    // byte loop: it runs on every line, and `split_whitespace` decoded every character.
    let (mut words, mut capitalised) = (0, 0);
    let mut word_start = true;
    let mut at = 0;
    while at < line.len() {
        let (c, len) = char_at(line, at);
        if c.is_whitespace() {
            word_start = true;
        } else {
            if word_start && c.is_alphabetic() {
                words += 1;
                capitalised += usize::from(c.is_uppercase());
            }
            word_start = false;
        }
        at += len;
    }
    // A list of titles and names ("Mayor Ann Lee, MLA Raj Rao and others greeted him.") is
    // capitalised like a headline but punctuated like prose: a comma, and a full stop to end.
    let prose = line.contains(',') && line.trim_end().ends_with('.');
    words >= 5 && capitalised * 10 >= words * 8 && !prose
}

/// Lone surnames, short forms and acronyms of known entities, and every known form in the
/// title (headline case makes new candidates there unreliable).
/// Whether a capitalised word at `start..end` is flanked by another capitalised word, as
/// "Digital" in "Kestrel Digital": then it is part of a longer name, not a short form.
fn inside_longer_name(line: &str, start: usize, end: usize) -> bool {
    let before = line[..start].strip_suffix(' ').and_then(|b| b.split(' ').next_back());
    let after = line[end..].strip_prefix(' ').and_then(|a| a.split(' ').next());
    // The word before may open the sentence ("Nimbus said"), so only a capitalised word that
    // does not end a sentence counts.
    let opens_sentence = line[..start].trim_end().is_empty() || line[..start].trim_end().ends_with(['.', '!', '?', ':', '“', '"']);
    before.is_some_and(|w| is_capitalised(w) && !opens_sentence) || after.is_some_and(is_capitalised)
}

/// "von der Leyen said", "De Blasio left": where the particles of `name` that the line writes
/// before its family name (`line[start..end]`) begin, if it does.
fn with_particles(line: &str, start: usize, end: usize, name: &str) -> Option<usize> {
    let mut at = start;
    while let Some(before) = line[..at].strip_suffix(' ')
        && let Some(particle) = before.rsplit(' ').next()
        && NAME_PARTICLES.contains(&particle.to_lowercase().as_str())
    {
        at = before.len() - particle.len();
    }
    let form = &line[at..end];
    let mut chars = form.chars();
    let lowered = chars.next().map(|c| c.to_lowercase().chain(chars).collect::<String>())?;
    (at < start && name.strip_suffix(lowered.as_str()).is_some_and(|given| given.ends_with(' '))).then_some(at)
}

/// `tokens` holds the tokens of each content line.
fn add_short_mentions(article: &Article, content: &[usize], tokens: &[Vec<Token>], lex: &Lexicon, table: &mut EntityTable) {
    let title_tokens = article.title.map(|t| tokenize(article.line_text(t)));
    let mut lines: Vec<(usize, &[Token])> = content.iter().copied().zip(tokens.iter().map(Vec::as_slice)).collect();
    if let (Some(t), Some(title_tokens)) = (article.title, &title_tokens) {
        lines.push((t, title_tokens));
    }
    lines.sort_unstable_by_key(|&(i, _)| i);
    // "…,” said Gillian": a person called by the given name alone, where no one else has it.
    let mut by_given_name: HashMap<String, Option<usize>> = HashMap::default();
    for (id, e) in table.entities.iter().enumerate().filter(|(_, e)| e.kind == Kind::Person) {
        // ("Dale Ford … Dale wrote": a given name that is also a word counts once the article
        // gives it as one; the cue beside it is asked below.)
        if let Some((given, _)) = e.name.split_once(' ')
            && (lex.is_given_name(given) || lex.ambiguous_given_names.contains(given))
        {
            by_given_name.entry(given.to_string()).and_modify(|owner| *owner = None).or_insert(Some(id));
        }
    }
    let given_name_owner = |line: &str, tok: &Token, word: &str| {
        let end = tok.start + word.len();
        // "her mother, Fiona, said": set off by commas before a speech verb.
        let set_off = || line[..tok.start].ends_with(", ") && SET_OFF_SPEAKER.is_match(&line[end..]);
        by_given_name.get(word).copied().flatten().filter(|_| !inside_longer_name(line, tok.start, end) && (person_cue_beside(line, tok.start, end) || set_off()))
    };
    let mut found = Vec::new();
    for &(i, line_tokens) in &lines {
        let line = article.line_text(i);
        let base = article.lines[i].start;
        for tok in line_tokens {
            let word = strip_possessive(tok.text);
            if !is_capitalised(word) || lex.stopwords.contains(word) || is_title_word(word, lex) {
                continue;
            }
            let (s, e) = (base + tok.start, base + tok.start + word.len());
            if table.mention_at(s, e).is_some() {
                continue;
            }
            // The mentions are in text order here (sorted above; new ones wait in `found`).
            let owner = table
                .resolve_name_in_order(word, s)
                .or_else(|| (!inside_longer_name(line, tok.start, tok.start + word.len())).then(|| short_form_owner(table, word, lex)).flatten())
                .or_else(|| given_name_owner(line, tok, word));
            if let Some(id) = owner {
                let (s, form) = match with_particles(line, tok.start, tok.start + word.len(), &table.entities[id].name) {
                    Some(at) => (base + at, &line[at..tok.start + word.len()]),
                    None => (s, word),
                };
                found.push(Mention { start: s, end: e, entity: id });
                table.add_form(id, form, 1);
            }
        }
    }
    // Multi-word known forms in the title.
    if let Some(t) = article.title {
        let line = article.line_text(t);
        let base = article.lines[t].start;
        for (id, e) in table.entities.iter().enumerate() {
            for form in e.forms.keys().filter(|f| f.contains(' ')) {
                for at in crate::lexicon::whole_word_starts(line, form) {
                    found.push(Mention { start: base + at, end: base + at + form.len(), entity: id });
                }
            }
        }
    }
    table.mentions.extend(found);
    table.mentions.sort();
    table.mentions.dedup_by(|a, b| a.start < b.end && b.start < a.end);
}

/// "The cyberspace watchdog", "the regulator", "the firm": a description that can name only
/// one body of the article (the only regulator, or the only company) is an alias of it.
fn add_descriptive_aliases(article: &Article, content: &[usize], table: &mut EntityTable) {
    static DESCRIPTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)[Tt]he ((?:[a-z-]+ )?(?:watchdog|regulator|agency|ministry|commission|authority|bureau|department|company|firm|giant|carmaker|automaker|chipmaker|lender|bank|insurer|retailer|group|startup|operator|airline|manufacturer|maker|developer))(?-u:\b)").unwrap()
    });
    let only = |kind: Kind| {
        let mut of_kind = table.entities.iter().enumerate().filter(|(_, e)| e.kind == kind).map(|(i, _)| i);
        of_kind.next().filter(|_| of_kind.next().is_none())
    };
    let (regulator, company) = (only(Kind::Regulator), only(Kind::Company));
    if regulator.is_none() && company.is_none() {
        return;
    }
    // (owner, form, start, end): added after the search, so the overlap test reads the mentions
    // as they were sorted before it.
    let mut found: Vec<(usize, String, usize, usize)> = Vec::new();
    for &i in content {
        let base = article.lines[i].start;
        for m in DESCRIPTION.find_iter(article.line_text(i)) {
            // The description is the match less its "The " (a plain match is cheaper than captures).
            let (start, end) = (base + m.start() + "the ".len(), base + m.end());
            let description = &m.as_str()["the ".len()..];
            let noun = description.rsplit(' ').next().unwrap_or("");
            let regulator_noun = matches!(noun, "watchdog" | "regulator" | "agency" | "ministry" | "commission" | "authority" | "bureau" | "department");
            // "the ministry" is a ministry's description, not the Competition Authority's;
            // "the agency", "the regulator" and "the watchdog" describe any body.
            let names_its_kind = |owner: usize| {
                !matches!(noun, "ministry" | "commission" | "authority" | "department" | "bureau")
                    || table.entities[owner].name.split(' ').any(|w| w.eq_ignore_ascii_case(noun))
            };
            // "the only firm", "the other company", "the parent company": words that set the
            // body apart from, or beside, another one describe no particular one.
            let modifier = description.split_once(' ').map(|(m, _)| m);
            let sets_apart = modifier.is_some_and(|m| {
                matches!(m, "only" | "other" | "first" | "second" | "third" | "last" | "next" | "rival" | "former" | "parent" | "previous" | "new")
            });
            if let Some(owner) = if regulator_noun { regulator } else { company }
                && !sets_apart
                && names_its_kind(owner)
                && table.mention_at(start, end).is_none()
            {
                found.push((owner, description.to_string(), start, end));
            }
        }
    }
    for (owner, form, start, end) in found {
        table.add_form(owner, &form, 1);
        table.mentions.push(Mention { start, end, entity: owner });
    }
    table.mentions.sort();
}

/// The organisation a one-word form opens ("Didi" for "Didi Chuxing") or abbreviates.
fn short_form_owner(table: &EntityTable, word: &str, lex: &Lexicon) -> Option<usize> {
    if lex.names_a_place(word) || lex.given_names.contains(word) {
        return None;
    }
    let mut ids = Vec::new();
    ids_under(&table.index.by_opening, word, &mut ids);
    ids_under(&table.index.by_initials, word, &mut ids);
    let owners: Vec<usize> = sorted_ids(ids)
        .into_iter()
        .filter(|&i| table.entities[i].kind != Kind::Person)
        .filter(|&i| {
            let name = &table.entities[i].name;
            let sig = significant_words(name);
            (sig.len() >= 2 && sig[0] == word) || (word.len() >= 2 && word.chars().all(char::is_uppercase) && initials(name) == word)
        })
        .collect();
    (owners.len() == 1).then(|| owners[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(text: &str) -> Vec<(Kind, String, Vec<String>)> {
        let lex = Lexicon::builtin();
        let article = Article::parse(text, &lex);
        let table = find_entities(&article, &lex, &[]);
        let mut out: Vec<(Kind, String, Vec<String>)> = table
            .entities
            .iter()
            .map(|e| (e.kind, e.name.clone(), e.forms.keys().filter(|f| **f != e.name).cloned().collect()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn tokens_keep_glued_words_initials_and_abbreviations() {
        fn words(line: &str) -> Vec<&str> {
            tokenize(line).iter().map(|t| t.text).collect()
        }
        assert_eq!(words("O'Brien of AT&T met Jean-Luc Dupré."), ["O'Brien", "of", "AT&T", "met", "Jean-Luc", "Dupré"]);
        assert_eq!(words("The Tencent-owned app, U.S. Steel Corp. and J. Smith"), ["The", "Tencent", "owned", "app", "U.S.", "Steel", "Corp.", "and", "J.", "Smith"]);
        assert_eq!(words("-dash' end- ‘quoted’ naïve café 2024"), ["dash", "end", "quoted", "naïve", "café", "2024"]);
        let starts: Vec<bool> = tokenize("He left. “Then she came").iter().map(|t| t.sentence_start).collect();
        assert_eq!(starts, [true, false, true, false, false]);
    }

    #[test]
    fn pinyin_given_names() {
        for w in ["Lidong", "Yibing", "Huateng", "Jinping", "Yong", "Weimin"] {
            assert!(is_pinyin(w), "{w}");
        }
        for w in ["Smith", "Robert", "Baptista"] {
            assert!(!is_pinyin(w), "{w}");
        }
    }

    #[test]
    fn surnames_follow_name_order() {
        let lex = Lexicon::builtin();
        assert_eq!(surname_of("Zhang Lidong", &lex).as_deref(), Some("Zhang"));
        assert_eq!(surname_of("Pony Ma Huateng", &lex).as_deref(), Some("Ma"));
        assert_eq!(surname_of("Kendra Schaefer", &lex).as_deref(), Some("Schaefer"));
        assert_eq!(surname_of("Patrick Carlineo Jr.", &lex).as_deref(), Some("Carlineo"));
        assert_eq!(surname_of("Park Sung-min", &lex).as_deref(), Some("Park"));
        assert_eq!(surname_of("Hye-jin Park", &lex).as_deref(), Some("Park"));
    }

    #[test]
    fn a_listed_firm_named_like_a_person_here_is_the_person() {
        let people = |text: &str| names_of(&entities(text), Kind::Person);
        let companies = |text: &str| names_of(&entities(text), Kind::Company);
        let text = "Headline for the story\n\nPrime Minister Tony Abbott wants the bill passed. Bill Shorten wrote to Abbott last month.\n";
        assert_eq!(people(text), ["Bill Shorten", "Tony Abbott"]);
        assert!(companies(text).is_empty());
        // Named in full, the firm keeps its short form.
        let text = "Headline for the story\n\nTony Abbott met Abbott Laboratories staff. Abbott makes tests.\n";
        assert_eq!(companies(text), ["Abbott Laboratories"]);
    }

    #[test]
    fn trusts_and_research_firms_are_no_one() {
        let got = entities("Headline for the story\n\nThe deal used a Reverse Morris Trust, according to Coresight Research.\n");
        assert!(names_of(&got, Kind::Person).is_empty(), "{got:?}");
    }

    #[test]
    fn a_firm_typed_only_by_context_is_the_person_named_so() {
        let got = entities("Headline for the story\n\nThe real Prince Edmund was busy. The interview should be a nail in the coffin to Edmund’s apparent guilt in associating with him.\n\nActor Jake Van Der Meer spoke. The elimination came in light of Van Der Meer’s announcement.\n");
        assert!(names_of(&got, Kind::Company).is_empty(), "{got:?}");
    }

    #[test]
    fn sentence_openers_inside_a_sentence_may_open_a_name() {
        let got = entities("Headline for the story\n\nSaid Jo Lee, the CEO of New Meadow Investment Group, the parent. New rules came.\n\nFormer National Widget Council official Fiona Hale testified.\n");
        assert_eq!(names_of(&got, Kind::Company), ["New Meadow Investment Group"]);
        assert_eq!(names_of(&got, Kind::Regulator), ["National Widget Council"]);
    }

    #[test]
    fn particles_belong_to_the_family_name() {
        let text = "Headline for the story\n\nCommission President Greta von der Marwe spoke on Monday, after Mayor Bill de Vassio. \
            Von der Marwe said little. “It is late,” de Vassio said.\n\nPresident Bashar al-Kassem spoke. Kassem left.\n";
        let got = entities(text);
        let people: Vec<(&str, Vec<&str>)> = got.iter().filter(|(k, ..)| *k == Kind::Person).map(|(_, n, f)| (n.as_str(), f.iter().map(String::as_str).collect())).collect();
        assert_eq!(
            people,
            [("Bashar al-Kassem", vec!["Kassem"]), ("Bill de Vassio", vec!["de Vassio"]), ("Greta von der Marwe", vec!["Von der Marwe"])]
        );
    }

    #[test]
    fn an_appositive_organisation_ends_with_its_sentence() {
        let lex = Lexicon::builtin();
        let orgs = |after: &str| appositive_roles(after, &lex).0.into_iter().map(|r| r.org.unwrap_or_default()).collect::<Vec<_>>();
        assert_eq!(orgs(", deputy director at the Ministry of Fisheries. Prices fell."), ["Ministry of Fisheries"]);
        assert_eq!(orgs(", director at the Ministry of Fisheries."), ["Ministry of Fisheries"]);
        assert_eq!(orgs(", chief executive of Acme Co. Ltd and others"), ["Acme Co. Ltd"]);
        assert_eq!(orgs(", director of the U.S. Geological Survey. She"), ["U.S. Geological Survey"]);
    }

    #[test]
    fn an_employer_named_like_a_person_is_an_organisation() {
        let got = entities("Headline for the story\n\nSimon Okafor, an analyst at Collins Stewart in London, agreed. Alex Brog, a spokesman for Maria Lopez, declined to comment.\n");
        assert_eq!(names_of(&got, Kind::Company), ["Collins Stewart"]);
        assert_eq!(names_of(&got, Kind::Person), ["Alex Brog", "Maria Lopez", "Simon Okafor"]);
    }

    proptest::proptest! {
        /// The organisation read by hand is what the apposition pattern once read with its
        /// last group.
        #[test]
        fn an_apposition_reads_the_organisation_the_whole_pattern_read(words in proptest::collection::vec(proptest::sample::select(vec![
            "of", "and", "for", "the", "often", "theory", "Acme", "U.S.", "AT&T", "O'Neil", "Ré", "e\u{301}", "x_y", "Co.", "spokesman", "at", "a", ",", ", ", "  ", "\u{a0}", "-", "Ünal",
        ]), 0..12), gap in proptest::sample::select(vec![" ", "", "\t", "  "])) {
            static WHOLE: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"^,\s+(?:the\s+|a\s+|an\s+)?(?:former\s+|then-|acting\s+|interim\s+)?((?:(?:[a-z][a-z-]*|[A-Z]{2,4})\s+){0,3}?(?:[a-z][a-z-]*|[A-Z]{2,4}))(?:\s+and\s+((?:(?:[a-z][a-z-]*|[A-Z]{2,4})\s*){1,3}))?\s+(of|at|for|with)\s+((?:the\s+)?[A-Z][\w.&'-]*(?:\s+(?:of|and|for|the|[A-Z][\w.&'-]*))*)").unwrap()
            });
            let text = format!(", a spokesman at{}", words.join(gap));
            let expected = WHOLE.captures(&text).map(|c| (c.get(1).map(|m| m.range()), c.get(4).map(|m| m.range())));
            let got = APPOSITIVE_ROLE.captures(&text).map(|c| (c.get(1).map(|m| m.range()), c.get(4).map(|m| m.start()..organisation_run(&text, m.end() - 1))));
            proptest::prop_assert_eq!(got, expected, "{:?}", text);
        }
    }

    #[test]
    fn an_organisation_run_into_a_full_name_splits() {
        let got = entities("Headline for the story\n\nBrightwater Motors Daniel Okafor, left, and a colleague unveil a car at a show.\n");
        assert!(got.iter().any(|(k, n, _)| *k == Kind::Person && n == "Daniel Okafor"), "{got:?}");
        assert!(got.iter().any(|(k, n, _)| *k == Kind::Company && n == "Brightwater Motors"), "{got:?}");
        // Not without an organisation's mark on the left ("Okafor" is no company).
        let got = entities("Headline for the story\n\nThe winner, Harlow Daniel Okafor, left the stage to cheers from everyone there.\n");
        assert!(!got.iter().any(|(_, n, _)| n == "Daniel Okafor"), "{got:?}");
    }

    #[test]
    fn a_place_name_opens_a_name_after_a_title() {
        let got = entities("Headline for the story\n\nThe motion was drafted by Sen. Alexandria Okafor-Lindqvist (D-Ohio) last year.\n");
        assert!(got.iter().any(|(k, n, _)| *k == Kind::Person && n == "Alexandria Okafor-Lindqvist"), "{got:?}");
    }

    #[test]
    fn a_nationality_before_a_full_name_is_left_out() {
        let got = entities("Headline for the story\n\nThe two, both teachers, were freed with Australian Daniel Okafor on the border.\n");
        assert!(got.iter().any(|(k, n, _)| *k == Kind::Person && n == "Daniel Okafor"), "{got:?}");
        let got = entities("Headline for the story\n\nThe report was written for the German Marshall Fund in the spring of that year.\n");
        assert!(!got.iter().any(|(k, _, _)| *k == Kind::Person), "{got:?}");
    }

    #[test]
    fn titles_split_organisations_from_people() {
        let got = entities("Headline for the story\n\nAcme Holdings CEO Daniel Okafor said the company would grow, and chairman Wei Lidong agreed with the plan today.\n");
        assert!(got.iter().any(|(k, n, _)| *k == Kind::Person && n == "Daniel Okafor"), "{got:?}");
        assert!(got.iter().any(|(k, n, _)| *k == Kind::Person && n == "Wei Lidong"), "{got:?}");
        assert!(got.iter().any(|(k, n, _)| *k == Kind::Company && n == "Acme Holdings"), "{got:?}");
        let got = entities("Headline for the story\n\nThe network's Political Director Maria Okafor said so.\n");
        assert_eq!(got, [(Kind::Person, "Maria Okafor".to_string(), vec![])]);
    }

    #[test]
    fn a_title_takes_its_portfolio_before_a_full_name() {
        let lex = Lexicon::builtin();
        let text = "Headline for the story\n\nMinister of Information Daniel Okafor announced the plan, and Minister of Information Affairs said nothing.\n";
        let article = Article::parse(text, &lex);
        let table = find_entities(&article, &lex, &[]);
        let names: Vec<(Kind, &str)> = table.entities.iter().map(|e| (e.kind, e.name.as_str())).collect();
        assert_eq!(names, [(Kind::Person, "Daniel Okafor")]);
        assert_eq!(table.entities[0].roles[0].title, "Minister of Information");
    }

    #[test]
    fn a_title_set_off_by_a_comma_before_a_name_is_its_role() {
        let lex = Lexicon::builtin();
        let titles = |body: &str| -> Vec<String> {
            let text = format!("Headline for the story\n\n{body}\n");
            let article = Article::parse(&text, &lex);
            let table = find_entities(&article, &lex, &[]);
            table.entities.iter().flat_map(|e| e.roles.iter().map(|r| r.title.clone())).collect()
        };
        assert_eq!(titles("The Minister of Information and Orientation, Daniel Okafor, made this known."), ["Minister of Information and Orientation"]);
        assert_eq!(titles("The company's chief executive, Daniel Okafor, said so."), ["chief executive"]);
        assert_eq!(titles("He thanked the minister, Daniel Okafor."), ["minister"]);
        assert_eq!(titles("Chief executive of the council, Daniel Okafor, chaired it."), ["Chief executive of the council"]);
        // Not set off: the name opens the clause after the comma.
        assert!(titles("Asked about the minister, Daniel Okafor said nothing.").is_empty());
        assert_eq!(titles("The minister and the mayor, Daniel Okafor, spoke."), ["mayor"]);
    }

    #[test]
    fn an_apposition_gives_an_acronym_title_and_the_firm_without_its_base() {
        let lex = Lexicon::builtin();
        let roles = |body: &str| -> Vec<(String, Option<String>)> {
            let text = format!("Headline for the story\n\n{body}\n");
            let table = find_entities(&Article::parse(&text, &lex), &lex, &[]);
            table.entities.iter().flat_map(|e| e.roles.iter().map(|r| (r.title.clone(), r.org.clone()))).collect()
        };
        let role = |title: &str, org: Option<&str>| (title.to_string(), org.map(str::to_string));
        assert_eq!(roles("Prices will rise, said Daniel Okafor, CEO of Kestrel Digital."), [role("CEO", Some("Kestrel Digital"))]);
        assert_eq!(
            roles("Prices will rise, said Daniel Okafor, co-founder and CFO of Eastvale-based Nimbus Freight."),
            [role("co-founder", Some("Nimbus Freight")), role("CFO", Some("Nimbus Freight"))]
        );
        assert_eq!(roles("Daniel Okafor, CEO of Chinese internet giant Kestrel, agreed to the deal."), [role("CEO", None)]);
    }

    #[test]
    fn a_name_before_a_comma_and_a_legal_form_is_its_short_form() {
        let got = entities("Headline for the story\n\nKestrelwerk, Inc. reported results on Monday. Kestrelwerk is based in Ohio.\n");
        assert_eq!(got, [(Kind::Company, "Kestrelwerk, Inc.".to_string(), vec!["Kestrelwerk".to_string()])]);
    }

    #[test]
    fn a_title_and_its_portfolio_name_a_job_not_a_body() {
        let got = entities("Headline for the story\n\nHe met the Commissioner of Police for Westvale and Police Zorya Kettleby on Monday.\n");
        assert!(names_of(&got, Kind::Regulator).is_empty(), "{got:?}");
    }

    #[test]
    fn a_ticker_is_an_alias_and_its_exchange_no_firm() {
        let got = entities("Headline for the story\n\nShares of Gadget Widgets, Inc. (NASDAQ:GWX) rose after Acme Holdings Corp. (NYSE: AHC) said it would buy a stake. GWX declined to comment.\n");
        let companies: Vec<(&str, &[String])> = got.iter().filter(|e| e.0 == Kind::Company).map(|e| (e.1.as_str(), e.2.as_slice())).collect();
        assert_eq!(companies, [("Acme Holdings Corp.", &["AHC".to_string()][..]), ("Gadget Widgets, Inc.", &["GWX".to_string()][..])]);
    }

    #[test]
    fn a_place_and_more_words_is_a_short_form() {
        let got = entities("Headline for the story\n\nThe Leeds Police Department said a man was held. Leeds Police said more would follow, and China Mobile said nothing to China.\n");
        let regulators: Vec<_> = got.iter().filter(|e| e.0 == Kind::Regulator).map(|e| (e.1.as_str(), e.2.clone())).collect();
        assert_eq!(regulators, [("Leeds Police Department", vec!["Leeds Police".to_string()])]);
    }

    /// One-line cases of who is a person, each with the rule it checks.
    #[test]
    fn people_by_context() {
        let cases: [(&str, &str, &[&str]); 13] = [
            (
                "places joined by a hyphen are no name",
                "Headline for the story\n\nThe Shenzhen-Hong Kong link said nothing to Daniel Kong.\n",
                &["Daniel Kong"],
            ),
            (
                "a weekday ends a name",
                "Headline for the story\n\nDetectives arrested 34-year-old Edward Okafor Thursday evening.\n",
                &["Edward Okafor"],
            ),
            (
                "a party tag makes a lone name a person",
                "Headline for the story\n\nBut Okafor (D-Nev.) told reporters the vote would fail, and Widgetco (NYSE) did not.\n",
                &["Okafor"],
            ),
            (
                "a place may end a name that a plain given name opens (\"Alice Springs\" stays a place)",
                "Headline for the story\n\nDeputy Chief of Staff Rick Dearborn said the plan would pass, and visitors to Alice Springs agreed.\n",
                &["Rick Dearborn"],
            ),
            (
                "a title with a one-word portfolio before any name; a title and portfolio alone are a job",
                "Headline for the story\n\nHe met Eastvale Commissioner of Police Zorya Kettleby and the Commissioner of Police for Westvale.\n",
                &["Zorya Kettleby"],
            ),
            (
                "a family name alone with a speech verb is a person's, but not a town's after \"of\"",
                "Headline for the story\n\n“Is it fixed yet?” Varga asked, and Rep. Daniel Okafor of Dickson, who chairs the panel, sighed.\n",
                &["Daniel Okafor", "Varga"],
            ),
            (
                "a body named by its head word may run into a full name",
                "Headline for the story\n\nHe met the Ambassador to the Eastern Trade Union Daniel Okafor on Monday.\n",
                &["Daniel Okafor"],
            ),
            (
                "words in quotation marks are a name as a whole, their titles no one's",
                "Headline for the story\n\nVisit the “Investor Relations” page, where “Daniel Okafor” is a song title, said Ann Smith.\n",
                &["Ann Smith"],
            ),
            (
                "a run before a title someone holds is where they hold it",
                "Headline for the story\n\nHe met Port Varga MP Daniel Okafor on Monday.\n",
                &["Daniel Okafor"],
            ),
            (
                "a name is a person's when its last word stands alone with a person's cue",
                "Headline for the story\n\nThe fund was run by Zorya Kettleby until March. Kettleby, 52, declined to comment.\n",
                &["Zorya Kettleby"],
            ),
            (
                "the lone last word may follow a speech verb",
                "Headline for the story\n\nThe fund was run by Zorya Kettleby until March, said Kettleby.\n",
                &["Zorya Kettleby"],
            ),
            (
                "a lone last word without a cue confirms nothing",
                "Headline for the story\n\nFans packed the Velvet Harbour on Friday, and Harbour staff counted them.\n",
                &[],
            ),
            (
                "a title standing alone is no last name, nor is a sentence's opening verb a given name",
                "Headline for the story\n\nHe quit as a Government Minister. The Minister says he is sorry. Questioning Kettleby, they left. Kettleby said no.\n",
                &[],
            ),
        ];
        for (rule, text, people) in cases {
            assert_eq!(names_of(&entities(text), Kind::Person), people, "{rule}");
        }
    }

    #[test]
    fn a_title_ending_a_run_is_cut_from_the_organisation() {
        let got = entities("Headline for the story\n\nThe Ministry of Widget Safety Minister said on Monday that Daniel King, an Eastvale Entertainment Reporter, had left the Office of the Prime Minister.\n");
        assert_eq!(names_of(&got, Kind::Regulator), ["Ministry of Widget Safety", "Office of the Prime Minister"]);
        assert_eq!(names_of(&got, Kind::Person), ["Daniel King"]);
        assert!(names_of(&got, Kind::Company).is_empty(), "{got:?}");
    }

    #[test]
    fn and_joins_a_name_that_ends_in_a_legal_form() {
        let got = entities("Headline for the story\n\nShares of Hong Kong Exchanges and Clearing Ltd rose, while Daniel Okafor and Maria Lopez sold Acme Motor Corp. and Widget Tools Ltd. to CEO Daniel Zhang and Eastvale Holdings Ltd.\n");
        assert_eq!(names_of(&got, Kind::Company), ["Acme Motor Corp.", "Eastvale Holdings Ltd.", "Hong Kong Exchanges and Clearing Ltd", "Widget Tools Ltd."]);
        assert_eq!(names_of(&got, Kind::Person), ["Daniel Okafor", "Daniel Zhang", "Maria Lopez"]);
    }

    #[test]
    fn a_firm_is_named_without_the_place_it_opens_with() {
        let got = entities("Headline for the story\n\nShares in China Eastvale Dairy Holdings fell. Eastvale Dairy said it was unaware why.\n");
        assert_eq!(got, [(Kind::Company, "China Eastvale Dairy Holdings".to_string(), vec!["Eastvale Dairy".to_string()])]);
    }

    #[test]
    fn a_word_that_opens_sentences_stays_when_it_opens_a_place() {
        let got = entities("Headline for the story\n\nThe assets belong to New England Widget Pharmacy Inc., its filing said. New York Eastvale Insurance Co. declined. New rules from Acme Corp. apply.\n");
        assert_eq!(names_of(&got, Kind::Company), ["Acme Corp.", "New England Widget Pharmacy Inc.", "New York Eastvale Insurance Co."]);
    }

    #[test]
    fn a_generational_suffix_ends_a_name() {
        let got = entities("Headline for the story\n\nU.S. District Judge Daniel Okafor IV issued the order, and Sen. Maria Lopez Jr. said it was wrong.\n");
        assert_eq!(names_of(&got, Kind::Person), ["Daniel Okafor IV", "Maria Lopez Jr."]);
    }

    #[test]
    fn a_function_word_opening_a_sentence_is_no_part_of_a_name() {
        let got = entities("Headline for the story\n\nBecause Brightwave pays less, staff left. Would Maria Lopez agree? Whatever Kestrel does, it wins.\n");
        assert_eq!(names_of(&got, Kind::Person), ["Maria Lopez"]);
    }

    #[test]
    fn a_common_word_before_a_full_name_describes_the_person() {
        let got = entities("Headline for the story\n\nTwo employees spoke. Employee Steve Castro said the store closed, and Will Warren agreed that it will reopen.\n");
        assert_eq!(names_of(&got, Kind::Person), ["Steve Castro", "Will Warren"]);
    }

    #[test]
    fn places_buildings_and_events_are_named_by_their_last_word() {
        let got = entities("Headline for the story\n\nThe men were taken to Bartholomew County Jail after the Davis Cup Finals near Jet Propulsion Laboratory.\n");
        assert_eq!(names_of(&got, Kind::Person), Vec::<String>::new());
    }

    #[test]
    fn a_year_after_an_opening_word_names_nothing() {
        let got = entities("Headline for the story\n\nIn 2012, a research group led by Noam Cohen found it. In 2019 Brightwave Ltd. did too.\n");
        assert_eq!(names_of(&got, Kind::Company), ["Brightwave Ltd."]);
    }

    #[test]
    fn and_does_not_join_an_office_to_a_person() {
        let got = entities("Headline for the story\n\nHe wrote to the Department of Homeland Security and Alex Azar, and to the Department of Health and Human Services.\n");
        assert_eq!(names_of(&got, Kind::Regulator), ["Department of Health and Human Services", "Department of Homeland Security"]);
        assert_eq!(names_of(&got, Kind::Person), ["Alex Azar"]);
    }

    #[test]
    fn rooms_and_desks_called_offices_are_no_bodies() {
        let got = entities("Headline for the story\n\nThe film led the Box Office while the president met aides in the Oval Office and the Cabinet Office.\n");
        assert_eq!(names_of(&got, Kind::Regulator), ["Cabinet Office"]);
    }

    #[test]
    fn british_council_and_police_abbreviations_are_titles() {
        let got = entities("Headline for the story\n\nCouncil leader Cllr Gareth Pryce and Det Sgt Nina Hale spoke after Supt Alan Reed left.\n");
        assert_eq!(names_of(&got, Kind::Person), ["Alan Reed", "Gareth Pryce", "Nina Hale"]);
        // A title shared by the names after it.
        let got = entities("Headline for the story\n\nThe bill was backed by Sens. Cory Booker and Kamala Harris on Monday.\n");
        assert_eq!(names_of(&got, Kind::Person), ["Cory Booker", "Kamala Harris"]);
    }

    #[test]
    fn a_middle_initial_joins_the_middle_name() {
        let got = entities("Headline for the story\n\nMinister Samuel Abu Okafor spoke on Monday. Later, Hon. Samuel A. Okafor said the plan stood, while Samuel B. Okafor disagreed.\n");
        let people: Vec<(&str, &[String])> = got.iter().filter(|e| e.0 == Kind::Person).map(|e| (e.1.as_str(), e.2.as_slice())).collect();
        assert_eq!(people, [("Samuel Abu Okafor", &["Samuel A. Okafor".to_string()][..]), ("Samuel B. Okafor", &[][..])]);
        let got = entities("Headline for the story\n\nHome Secretary Ajay Kumar Okafor filed it on Monday. Later, Ajay Okafor denied the claim.\n");
        assert_eq!(got, [(Kind::Person, "Ajay Kumar Okafor".to_string(), vec!["Ajay Okafor".to_string()])]);
    }

    #[test]
    fn acronyms_and_surnames_become_aliases() {
        let got = entities("Headline for the story\n\nThe Federal Widget Administration (FWA) fined the firm on Friday, officials from the agency said on Monday.\n\nThe FWA said Maria Gonzalez, a lawyer for the firm, would appeal. Gonzalez declined to comment.\n");
        let fwa = got.iter().find(|(_, n, _)| n == "Federal Widget Administration").expect("regulator");
        assert_eq!(fwa.0, Kind::Regulator);
        assert_eq!(fwa.2, ["FWA", "agency"]);
        let maria = got.iter().find(|(_, n, _)| n == "Maria Gonzalez").expect("person");
        assert_eq!(maria.2, ["Gonzalez"]);
    }

    #[test]
    fn a_place_in_parentheses_is_no_acronym() {
        let got = entities("Headline for the story\n\nThe Lumen Works Group (Portugal) designed the installation, and the Northwind Data Group (NDG) built its software.\n");
        let aliases = |name: &str| got.iter().find(|(_, n, _)| n == name).map(|e| e.2.clone()).expect(name);
        assert!(aliases("Lumen Works Group").is_empty());
        assert_eq!(aliases("Northwind Data Group"), ["NDG"]);
    }

    /// ", the …company" describes the name before it only as a short phrase, not as the next
    /// clause's object.
    #[test]
    fn an_appositive_description_is_a_short_phrase() {
        let clause = entities("Headline for the story\n\nAs with the roomy GTX, the new coupe has both a wide cockpit and the automaker's own screens.\n");
        assert!(clause.is_empty(), "{clause:?}");
        let phrase = entities("Headline for the story\n\nShe joined Brightwave, a Denver-based software company, in May.\n");
        assert!(phrase.iter().any(|(k, n, _)| *k == Kind::Company && n == "Brightwave"), "{phrase:?}");
    }

    #[test]
    fn hyphenated_english_words_are_no_east_asian_given_name() {
        assert!(entities("Headline for the story\n\nIts doors open wide. Steeply-raked D-pillars give it a distinctive profile.\n").is_empty());
        let got = entities("Headline for the story\n\nThe bank hired Seo-yeon Park in March to run its lending desk.\n");
        assert!(got.iter().any(|(k, n, _)| *k == Kind::Person && n == "Seo-yeon Park"), "{got:?}");
    }

    /// A club that goes by its city's name is a club only in a sports story.
    #[test]
    fn one_word_clubs_only_in_sports_stories() {
        let sport = "Headline for the story\n\nThe coach said the striker scored twice as Porto won the league match, their best of the season.\n";
        let travel = "Headline for the story\n\nThe ferry from Porto runs twice a day in the summer, the tourist office said.\n";
        assert!(entities(sport).iter().any(|(k, n, _)| *k == Kind::Company && n == "Porto"), "{:?}", entities(sport));
        assert!(!entities(travel).iter().any(|(_, n, _)| n == "Porto"), "{:?}", entities(travel));
    }

    fn names_of(got: &[(Kind, String, Vec<String>)], kind: Kind) -> Vec<String> {
        got.iter().filter(|(k, ..)| *k == kind).map(|(_, n, _)| n.clone()).collect()
    }

    #[test]
    fn legal_suffixes_and_cues_make_companies() {
        let got = entities("Headline for the story

Shares of Brightwave rose after Kessler Logistics AG agreed to buy Nordhaven Freight Ltd., the Tencent-owned app said.
The regulator looked into Harbourside Bank Plc over its loans.
");
        let companies = names_of(&got, Kind::Company);
        for want in ["Brightwave", "Kessler Logistics AG", "Nordhaven Freight Ltd.", "Tencent", "Harbourside Bank Plc"] {
            assert!(companies.contains(&want.to_string()), "{want} in {companies:?}");
        }
        // Goods bought are no firm; the firm that sells them is.
        let got = entities("Headline for the story\n\nThe army will buy Tomahawk missiles and agreed to buy Brightwave this year.\n");
        assert_eq!(names_of(&got, Kind::Company), ["Brightwave"]);
        let got = entities("Headline for the story\n\nRivertown FC lost 1-0 to FC Eastvale at home on Monday.\n");
        assert_eq!(names_of(&got, Kind::Company), ["FC Eastvale", "Rivertown FC"]);
        // A firm's title in lower case between the run and a name; a president's or a chair's
        // may be a government's or a charity's.
        let got = entities("Headline for the story\n\nKestrel Digital chief executive Daniel Okafor met Harbour Trust president Maria Lopez and Planning Commission chair Ann Smith.\n");
        assert_eq!(names_of(&got, Kind::Company), ["Kestrel Digital"]);
        // Analysts, economists and partners work at firms; a legal form with its full stop ends
        // a name even where the next sentence opens with a capital.
        let got = entities("Headline for the story\n\nPrices will rise, said Ann Smith, an analyst at Brightwave Ltd. The economists at Kessler Partners agreed.\n");
        assert_eq!(names_of(&got, Kind::Company), ["Brightwave Ltd.", "Kessler Partners"]);
        // A stock listing marks a firm; a corporate word alone, or two titles joined, none.
        let got = entities("Headline for the story\n\nHarbourline Markets (NYSE: HBL) said Ann Smith, Executive Vice President & Chief Financial Officer, would visit the Company's website.\n");
        assert_eq!(names_of(&got, Kind::Company), ["Harbourline Markets"]);
        let lex = Lexicon::builtin();
        let article = Article::parse("Headline for the story\n\nAcme Holdings Ltd. CEO Daniel Okafor agreed to the deal on Monday.\n", &lex);
        let table = find_entities(&article, &lex, &[]);
        let roles: Vec<(&str, Option<&str>)> = table.entities.iter().flat_map(|e| e.roles.iter().map(|r| (r.title.as_str(), r.org.as_deref()))).collect();
        assert_eq!(roles, [("CEO", Some("Acme Holdings Ltd."))]);
    }

    #[test]
    fn initials_open_a_personal_name() {
        let got = entities("Headline for the story\n\nThe team ran 96 yards, with T.J. Okonkwo leading the way and J. Marlowe close behind, as U.S. Army officials watched.\n");
        assert_eq!(names_of(&got, Kind::Person), ["J. Marlowe", "T.J. Okonkwo"]);
    }

    #[test]
    fn a_word_opening_the_sentence_is_no_employer() {
        let lex = Lexicon::builtin();
        let article = Article::parse("Headline for the story\n\nWhen Coach Okonkwo was asked about it, he smiled.\n", &lex);
        let table = find_entities(&article, &lex, &[]);
        let roles: Vec<(String, Option<String>)> = table.entities.iter().flat_map(|e| e.roles.iter().map(|r| (r.title.clone(), r.org.clone()))).collect();
        assert_eq!(roles, [("Coach".to_string(), None)]);
    }

    #[test]
    fn a_credited_name_the_text_gives_is_one_mention() {
        let text = "Headline for the story\n\nPrices rose on Monday, the agency said.\nPhotograph: Jo Lee/Example Images\n";
        let r = crate::extract::parse_article("t.txt", text, text.as_bytes(), "utf-8", &Lexicon::builtin(), &crate::extract::Stated::default());
        let counts: Vec<(&str, usize, usize)> = r.people.iter().map(|p| (p.name.as_str(), p.mentions, p.forms.values().sum())).collect();
        assert_eq!(counts, [("Jo Lee", 1, 1)]);
    }

    #[test]
    fn a_listed_name_runs_on_through_its_connectors() {
        let got = entities("Headline for the story\n\nThat is according to the Centers for Disease Control and Prevention, while Acme Corp. and Widget Ltd. disagreed.\n");
        assert_eq!(names_of(&got, Kind::Regulator), ["Centers for Disease Control and Prevention"]);
        assert_eq!(names_of(&got, Kind::Company), ["Acme Corp.", "Widget Ltd."]);
        let got = entities("Headline for the story\n\nThe Centers for Disease Control and Prevention said so.\n");
        assert_eq!(names_of(&got, Kind::Regulator), ["Centers for Disease Control and Prevention"]);
    }

    #[test]
    fn offices_and_lower_case_ministries_are_regulators() {
        let got = entities("Headline for the story

The Ministry of Widget Safety and the Federal Gadget Commission met the U.S. Attorney's Office for the Western District of New York, while Russia's foreign ministry said the Trump administration erred.
");
        let regulators = names_of(&got, Kind::Regulator);
        for want in ["Ministry of Widget Safety", "Federal Gadget Commission", "U.S. Attorney's Office for the Western District of New York", "Russia's foreign ministry", "Trump administration"] {
            assert!(regulators.contains(&want.to_string()), "{want} in {regulators:?}");
        }
        let got = entities("Headline for the story\n\nThe Federal Gadget Agency told the Eastland News Agency on Monday that the Widget Industry Regulatory Organization would act.\n");
        assert_eq!(names_of(&got, Kind::Regulator), ["Federal Gadget Agency", "Widget Industry Regulatory Organization"]);
        // A title opens a person's name only if what follows ends like one.
        let got = entities("Headline for the story\n\nThe General Administration Department (GAD) issued an order, and General Maria Okafor signed it.\n");
        assert_eq!(names_of(&got, Kind::Regulator), ["General Administration Department"]);
        assert_eq!(names_of(&got, Kind::Person), ["Maria Okafor"]);
    }

    #[test]
    fn places_nationalities_and_titles_are_not_entities() {
        let got = entities("Headline for the story

Beijing said on Monday that Hong Kong and Chinese officials would meet the Chief Operating Officer in Geneva.
");
        assert!(got.is_empty(), "{got:?}");
        let got = entities("Headline for the story\n\nA call by Executive Member of the Widget Party, Joseph Okafor, went unanswered.\n");
        assert_eq!(names_of(&got, Kind::Person), ["Joseph Okafor"]);
    }

    #[test]
    fn a_description_of_the_only_regulator_is_its_alias() {
        let got = entities("Headline for the story\n\nThe Competition and Markets Authority blocked the deal on Monday. The competition watchdog said prices would rise.\n");
        let cma = got.iter().find(|(_, n, _)| n == "Competition and Markets Authority").expect("regulator");
        assert_eq!(cma.2, ["competition watchdog"]);
        // A ministry is no authority.
        let got = entities("Headline for the story\n\nThe Competition and Markets Authority blocked the deal. Unions marched on the ministry.\n");
        let cma = got.iter().find(|(_, n, _)| n == "Competition and Markets Authority").expect("regulator");
        assert!(cma.2.is_empty(), "{:?}", cma.2);
    }

    #[test]
    fn an_acronym_stands_for_the_name_it_spells_not_one_it_opens() {
        let got = entities("Headline for the story\n\nThe Department of Homeland Security sent a letter, and the DHS Office of Inspector General found faults. The new DHS secretary agreed.\n");
        let dhs = got.iter().find(|(_, n, _)| n == "Department of Homeland Security").expect("regulator");
        assert_eq!(dhs.2, ["DHS"]);
        assert!(got.iter().any(|(_, n, aliases)| n == "DHS Office of Inspector General" && aliases.is_empty()), "{got:?}");
    }

    #[test]
    fn a_title_after_a_titled_word_is_its_family_name() {
        let got = entities("Headline for the story\n\nShe stood against sitting MP Oona King, who won in 2001.\n");
        assert_eq!(names_of(&got, Kind::Person), ["Oona King"]);
        // An event is no one, whatever title opens it.
        assert!(entities("Headline for the story\n\nAhead of the General Election, parties campaigned for the election.\n").is_empty());
    }

    #[test]
    fn an_opening_word_before_a_listed_name_is_none_of_it() {
        let got = entities("Headline for the story\n\nAdvisors Goldman Sachs are understood to have valued the unit.\n");
        assert_eq!(got, [(Kind::Company, "Goldman Sachs".to_string(), vec![])]);
    }

    #[test]
    fn a_word_after_the_before_a_full_name_ends_a_title() {
        let got = entities("Headline for the story\n\nShadow leader of the Commons Oliver Heald said it was wrong. Tourists love the San Francisco Bay Area.\n");
        assert_eq!(names_of(&got, Kind::Person), ["Oliver Heald"]);
    }

    #[test]
    fn a_place_opener_opens_no_name() {
        let got = entities("Headline for the story\n\nOtis Ward, joint leader of the South Shropshire Hunt, said so, as did the member for the Loch Ness West, who spoke.\n");
        assert_eq!(names_of(&got, Kind::Person), ["Otis Ward"]);
    }

    #[test]
    fn a_firm_before_an_office_word_names_a_product() {
        let got = entities("Headline for the story\n\nOpen the file in your Microsoft Office application, the guide says.\n");
        assert_eq!(got, [(Kind::Company, "Microsoft".to_string(), vec![])]);
    }

    #[test]
    fn the_only_firm_describes_no_particular_one() {
        let got = entities("Headline for the story\n\nIn 1985 Vodafone was the only firm with a network. The other company followed.\n");
        assert_eq!(got, [(Kind::Company, "Vodafone".to_string(), vec![])]);
    }

    #[test]
    fn a_possessor_is_the_organisation_of_a_role() {
        let lex = Lexicon::builtin();
        let (roles, _) = appositive_roles(", head of the Tate's digital programme, said", &lex);
        assert_eq!(roles, [Role { title: "head".into(), org: Some("Tate".into()) }]);
    }

    #[test]
    fn a_word_opening_the_sentence_before_a_full_name_describes_the_person() {
        let got = entities("Headline for the story\n\nSinger-guitarists Tom Johnston and others will tour. Super Mario Run was a hit.\n");
        assert_eq!(names_of(&got, Kind::Person), ["Tom Johnston"]);
    }

    #[test]
    fn a_party_is_no_firm_and_no_one() {
        let got = entities("Headline for the story\n\nLib Dem chairman Matthew Taylor wrote to the watchdog. The Lib Dems warned of a loophole, and UKIP, the group he left, said nothing.\n");
        assert_eq!(got, [(Kind::Person, "Matthew Taylor".to_string(), vec![])]);
    }

    #[test]
    fn a_nature_reserve_is_no_central_bank() {
        assert!(entities("Headline for the story\n\nThe pandas live in the Wolong Nature Reserve, high in the hills.\n").is_empty());
    }

    #[test]
    fn a_word_opening_the_sentence_is_none_of_a_titles_organisation() {
        let lex = Lexicon::builtin();
        let article = Article::parse("Headline for the story\n\nBut Widget Casino Association Chairman Penny Cobham said her members were angry.\n", &lex);
        let table = find_entities(&article, &lex, &[]);
        let person = table.entities.iter().find(|e| e.name == "Penny Cobham").expect("person");
        assert_eq!(person.roles, [Role { title: "Chairman".into(), org: Some("Widget Casino Association".into()) }]);
    }

    #[test]
    fn a_nationality_noun_is_none_of_the_name() {
        let got = entities("Headline for the story\n\nHis fellow Welshman Terry Griffiths won the title in 1979.\n");
        assert_eq!(names_of(&got, Kind::Person), ["Terry Griffiths"]);
    }

    #[test]
    fn a_plural_abbreviation_is_no_one() {
        assert!(entities("Headline for the story\n\nThe agency hired software firms such as MPs to check the figures.\n").is_empty());
    }

    #[test]
    fn a_public_figure_known_by_the_family_name_alone() {
        let got = entities("Headline for the story\n\nWhen he was approached, he told police he supported Trump and hated the plan.\n");
        assert_eq!(got, [(Kind::Person, "Trump".to_string(), vec![])]);
        // The administration named after one is a government, and no mention of the person.
        let got = entities("Headline for the story\n\nThe rule was written under the Obama administration in 2014.\n");
        assert_eq!(got, [(Kind::Regulator, "Obama administration".to_string(), vec![])]);
    }

    #[test]
    fn a_knight_goes_by_the_given_name() {
        let got = entities("Headline for the story\n\nAuditor General Sir Colin Marlowe said the figures were rising. Sir Colin added that more was needed.\n");
        assert_eq!(got, [(Kind::Person, "Colin Marlowe".to_string(), vec!["Colin".to_string()])]);
    }

    #[test]
    fn headline_case_is_four_in_five_words_capitalised() {
        assert!(is_headline_case("Mayor Tracks Down Oscar wilde"));
        assert!(!is_headline_case("Mayor Tracks down Oscar wilde"));
        // Words that do not open with a letter are not counted; five words are needed.
        assert!(!is_headline_case("Four Capitalised Words Here 2024 — “quoted”"));
        assert!(is_headline_case("Élan Über Mayor Tracks Down 2024 — “quoted”"));
        // Capitalised like a headline, punctuated like prose: a list of titles and names.
        assert!(!is_headline_case("Mayor Ann Lee, Joint Collector Raj Kettleby, MLA Dan Okafor Greeted Collector Tom Varga."));
    }

    #[test]
    fn headline_case_lines_add_no_names() {
        let got = entities("Headline for the story

Mayor Tracks Down Oscar Wilde Letters In City Archive
");
        assert!(names_of(&got, Kind::Person).is_empty(), "{got:?}");
    }

    #[test]
    fn two_people_sharing_a_surname_stay_apart() {
        let got = entities("Headline for the story\n\nDaniel Park met Park Ji-hoon on Friday to talk about the merger of the two companies in Seoul.\n");
        let people: Vec<&String> = got.iter().filter(|(k, ..)| *k == Kind::Person).map(|(_, n, _)| n).collect();
        assert!(people.contains(&&"Daniel Park".to_string()), "{got:?}");
    }

    #[test]
    fn a_courtesy_title_picks_the_namesake_it_can_address() {
        let lex = Lexicon::builtin();
        let text = "Headline for the story\n\nDaniel Okafor met Maria Okafor on Friday. Mr Okafor left first, and Ms Okafor stayed.\n";
        let article = Article::parse(text, &lex);
        let table = find_entities(&article, &lex, &[]);
        let owner = |form: &str| {
            let at = text.find(form).unwrap() + form.len() - "Okafor".len();
            table.mentions.iter().find(|m| m.start == at).map(|m| table.entities[m.entity].name.as_str())
        };
        assert_eq!((owner("Mr Okafor"), owner("Ms Okafor")), (Some("Daniel Okafor"), Some("Maria Okafor")));
    }
}
