//! Lexicons: the compiled-in word lists under `src/lexicon/`, extensible at run time with
//! `--lexicon FILE.json`.
//!
//! A list file has one entry a line, `Canonical|alias|alias`, `#` comments, and optional
//! `# ---- section ----` headers that split one file into named parts.

// foldhash: lexicon look-ups run for nearly every word of every article, and SipHash (std's
// default) was most of their cost. Seeded per map, so input text cannot pick collisions.
use foldhash::{HashMap, HashSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use serde::Deserialize;

/// Named things with aliases (outlets, regulators, companies, places), searchable in text.
#[derive(Debug, Default)]
pub struct NameList {
    /// Each entry's forms; the first is the canonical name.
    entries: Vec<Vec<String>>,
    by_form: HashMap<String, usize>,
    matcher: OnceLock<(AhoCorasick, Vec<usize>)>,
}

/// A whole-word occurrence of a lexicon form in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

impl NameList {
    fn add(&mut self, forms: Vec<String>) {
        let forms: Vec<String> = forms.into_iter().map(|f| f.trim().to_string()).filter(|f| !f.is_empty()).collect();
        let Some(first) = forms.first() else { return };
        // A form already known extends that entry, so user files can add aliases to built-ins.
        let index = forms.iter().find_map(|f| self.by_form.get(f).copied()).unwrap_or_else(|| {
            self.entries.push(vec![first.clone()]);
            self.entries.len() - 1
        });
        for form in forms {
            if !self.entries[index].contains(&form) {
                self.entries[index].push(form.clone());
            }
            self.by_form.entry(form).or_insert(index);
        }
        self.matcher = OnceLock::new();
    }

    /// The entry a form (exactly as written) belongs to.
    pub fn lookup(&self, form: &str) -> Option<usize> {
        self.by_form.get(form).copied()
    }

    pub fn contains(&self, form: &str) -> bool {
        self.by_form.contains_key(form)
    }

    /// The canonical name of the entry a form belongs to, or the form itself when unknown.
    pub fn canonical_or_same(&self, form: &str) -> String {
        self.lookup(form).map_or_else(|| form.to_string(), |e| self.canonical(e).to_string())
    }

    pub fn canonical(&self, entry: usize) -> &str {
        &self.entries[entry][0]
    }

    pub fn forms(&self, entry: usize) -> &[String] {
        &self.entries[entry]
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Leftmost-longest whole-word occurrences of any form in `text`.
    pub fn find_in(&self, text: &str) -> Vec<Hit> {
        let (matcher, entry_of) = self.matcher();
        matcher
            .find_iter(text)
            .filter(|m| is_word_edge(text, m.start(), m.end()))
            .map(|m| Hit { start: m.start(), end: m.end(), entry: entry_of[m.pattern().as_usize()] })
            .collect()
    }

    /// The longest form that `text` starts with, as a whole word: the first hit of
    /// [`find_in`](Self::find_in) when that starts at 0, without searching the rest.
    pub fn find_at_start(&self, text: &str) -> Option<Hit> {
        let (matcher, entry_of) = self.matcher();
        let m = matcher.find(Input::new(text).anchored(Anchored::Yes))?;
        is_word_edge(text, m.start(), m.end()).then(|| Hit { start: m.start(), end: m.end(), entry: entry_of[m.pattern().as_usize()] })
    }

    fn matcher(&self) -> &(AhoCorasick, Vec<usize>) {
        self.matcher.get_or_init(|| {
            let mut forms: Vec<(&str, usize)> = self.by_form.iter().map(|(f, &i)| (f.as_str(), i)).collect();
            forms.sort();
            // A DFA: the lists are small enough, and it searches several times faster than
            // the NFA the builder would pick for them.
            let matcher = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .start_kind(StartKind::Both)
                .build(forms.iter().map(|(f, _)| f))
                .expect("lexicon forms build an automaton");
            (matcher, forms.into_iter().map(|(_, i)| i).collect())
        })
    }
}

/// Where `form` occurs in `text` as whole words (start offsets), without an automaton: for one
/// form at a time.
pub fn whole_word_starts<'a>(text: &'a str, form: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(form).map(|(at, _)| at).filter(move |&at| is_word_edge(text, at, at + form.len()))
}

/// True when `text[start..end]` is not glued to letters or digits on either side.
pub fn is_word_edge(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let glued = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !glued(before) && !glued(after)
}

/// Plain word sets (given names, surnames, titles …), matched exactly as written.
pub type WordSet = HashSet<String>;

#[derive(Debug, Default)]
pub struct Lexicon {
    pub outlets: NameList,
    pub photo_agencies: NameList,
    pub regulators: NameList,
    pub companies: NameList,
    /// Sports clubs, businesses in news; many go by their city's name alone ("Porto").
    pub sports_clubs: NameList,
    /// Political parties: never a company, a government body or a person.
    pub parties: NameList,
    /// Public figures named by the family name alone ("Trump"): a lone form here is a person.
    pub people: NameList,
    pub places: NameList,
    pub given_names: WordSet,
    /// Given names that are also ordinary words ("Will", "May"): names only before a surname.
    pub ambiguous_given_names: WordSet,
    pub surnames: WordSet,
    /// Given names nearly always a woman's, or a man's: who "she" and "he" can be.
    pub female_names: WordSet,
    pub male_names: WordSet,
    pub nationalities: WordSet,
    /// Titles written right before a name ("Rep.", "Vice Minister").
    pub honorifics: WordSet,
    /// Role nouns, lower case ("chief executive", "spokesperson").
    pub roles: WordSet,
    /// Legal forms that end a company name for certain ("Inc.", "GmbH").
    pub company_suffixes: WordSet,
    /// Words that often end company names but also other names ("Group", "Holdings").
    pub weak_company_suffixes: WordSet,
    /// Weak suffixes that name the corporate shell ("Group", "Holdings"), not a line of business.
    pub corporate_words: WordSet,
    /// Section and navigation labels, lower case.
    pub sections: WordSet,
    /// Chinese family names, which stand first in a name.
    pub chinese_surnames: WordSet,
    /// Capitalised words that open sentences but never belong to a name.
    pub stopwords: WordSet,
    /// First words of roles and honorifics in lower case, built on first use and dropped when
    /// either grows.
    title_openers: OnceLock<HashSet<Vec<u8>>>,
}

struct ListFile {
    name: &'static str,
    text: &'static str,
}

macro_rules! list_file {
    ($name:literal) => {
        ListFile { name: $name, text: include_str!(concat!("lexicon/", $name, ".txt")) }
    };
}

const BUILTIN: &[ListFile] = &[
    list_file!("outlets"),
    list_file!("photo_agencies"),
    list_file!("regulators"),
    list_file!("companies"),
    list_file!("sports_clubs"),
    list_file!("parties"),
    list_file!("people"),
    list_file!("places"),
    list_file!("given_names"),
    list_file!("given_names_ambiguous"),
    list_file!("given_names_gender"),
    list_file!("surnames"),
    list_file!("nationalities"),
    list_file!("titles"),
    list_file!("company_suffixes"),
    list_file!("news_sections"),
    list_file!("surnames_chinese"),
    list_file!("stopwords"),
];

/// Splits a list file into (section, forms) lines.
fn lines(text: &str) -> impl Iterator<Item = (String, Vec<String>)> + '_ {
    let mut section = String::new();
    text.lines().filter_map(move |line| {
        let line = line.trim();
        if let Some(header) = line.strip_prefix("# ----") {
            section = header.trim_matches(|c: char| c == '-' || c.is_whitespace()).to_lowercase();
            return None;
        }
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        Some((section.clone(), line.split('|').map(str::to_string).collect()))
    })
}

/// A user lexicon file: every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserLexicon {
    #[serde(default)]
    pub outlets: Vec<UserEntry>,
    #[serde(default)]
    pub photo_agencies: Vec<UserEntry>,
    #[serde(default)]
    pub regulators: Vec<UserEntry>,
    #[serde(default)]
    pub companies: Vec<UserEntry>,
    #[serde(default)]
    pub parties: Vec<UserEntry>,
    #[serde(default)]
    pub people: Vec<UserEntry>,
    #[serde(default)]
    pub places: Vec<UserEntry>,
    #[serde(default)]
    pub given_names: Vec<String>,
    #[serde(default)]
    pub surnames: Vec<String>,
    #[serde(default)]
    pub female_names: Vec<String>,
    #[serde(default)]
    pub male_names: Vec<String>,
    #[serde(default)]
    pub nationalities: Vec<String>,
    #[serde(default)]
    pub honorifics: Vec<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub company_suffixes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserEntry {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Lexicon {
    /// The compiled-in lexicons.
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon::default();
        for file in BUILTIN {
            for (section, forms) in lines(file.text) {
                lex.add_builtin(file.name, &section, forms);
            }
        }
        lex
    }

    fn add_builtin(&mut self, file: &str, section: &str, forms: Vec<String>) {
        self.title_openers = OnceLock::new();
        let words = |set: &mut WordSet, forms: Vec<String>| set.extend(forms.into_iter().map(|f| f.trim().to_string()));
        match file {
            "outlets" => self.outlets.add(forms),
            "photo_agencies" => self.photo_agencies.add(forms),
            "regulators" if section.starts_with("international") => {}
            "regulators" => self.regulators.add(forms),
            "companies" => self.companies.add(forms),
            "sports_clubs" => self.sports_clubs.add(forms),
            "parties" => self.parties.add(forms),
            "people" => self.people.add(forms),
            "places" => self.places.add(forms),
            "given_names" => words(&mut self.given_names, forms),
            "given_names_ambiguous" => words(&mut self.ambiguous_given_names, forms),
            "given_names_gender" if section == "female" => words(&mut self.female_names, forms),
            "given_names_gender" => words(&mut self.male_names, forms),
            "surnames" => words(&mut self.surnames, forms),
            "nationalities" => words(&mut self.nationalities, forms),
            "titles" if section.starts_with("honorific") => words(&mut self.honorifics, forms),
            "titles" => words(&mut self.roles, forms.into_iter().map(|f| f.to_lowercase()).collect()),
            "company_suffixes" if section.starts_with("corporate") => {
                words(&mut self.weak_company_suffixes, forms.clone());
                words(&mut self.corporate_words, forms);
            }
            "company_suffixes" if section.starts_with("weak") => words(&mut self.weak_company_suffixes, forms),
            "company_suffixes" => words(&mut self.company_suffixes, forms),
            "news_sections" => words(&mut self.sections, forms.into_iter().map(|f| f.to_lowercase()).collect()),
            "surnames_chinese" => words(&mut self.chinese_surnames, forms),
            "stopwords" => words(&mut self.stopwords, forms),
            _ => {}
        }
    }

    /// Adds a user lexicon (JSON) on top of what is there.
    pub fn extend(&mut self, user: UserLexicon) {
        self.title_openers = OnceLock::new();
        let entries = |list: &mut NameList, entries: Vec<UserEntry>| {
            for e in entries {
                list.add(std::iter::once(e.name).chain(e.aliases).collect());
            }
        };
        entries(&mut self.outlets, user.outlets);
        entries(&mut self.photo_agencies, user.photo_agencies);
        entries(&mut self.regulators, user.regulators);
        entries(&mut self.companies, user.companies);
        entries(&mut self.parties, user.parties);
        entries(&mut self.people, user.people);
        entries(&mut self.places, user.places);
        self.given_names.extend(user.given_names);
        self.surnames.extend(user.surnames);
        self.female_names.extend(user.female_names);
        self.male_names.extend(user.male_names);
        self.nationalities.extend(user.nationalities);
        self.honorifics.extend(user.honorifics);
        self.roles.extend(user.roles.into_iter().map(|r| r.to_lowercase()));
        self.company_suffixes.extend(user.company_suffixes);
    }

    /// Reads and adds a user lexicon file.
    pub fn extend_from_file(&mut self, path: &std::path::Path) -> anyhow::Result<()> {
        use anyhow::Context;
        let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read lexicon", path.display()))?;
        let user: UserLexicon =
            serde_json::from_str(&text).with_context(|| format!("{}: not a valid lexicon file", path.display()))?;
        self.extend(user);
        Ok(())
    }

    /// Whether `word` names a place or its people ("China", "Chinese").
    pub fn names_a_place(&self, word: &str) -> bool {
        self.places.contains(word) || self.nationalities.contains(word)
    }

    /// Whether the person called `name` can be "he" (`female` false) or "she": yes unless the
    /// given name it opens with is known to be the other's.
    pub fn may_be(&self, female: bool, name: &str) -> bool {
        let first = name.split(' ').next().unwrap_or_default();
        if female { !self.male_names.contains(first) } else { !self.female_names.contains(first) }
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    /// A legal form or a word naming the corporate shell ("Inc.", "Holdings"), as written.
    pub fn is_corporate_suffix(&self, word: &str) -> bool {
        self.company_suffixes.contains(word) || self.corporate_words.contains(word)
    }

    /// Whether a title (a role, or an honorific as written or in lower case) could start with
    /// `word`: most capitalised words cannot, and then no phrase from them needs building. (It
    /// may say yes to a case the title lookup then rejects, "SEN." for "Sen.", never the
    /// reverse: one lookup of the lower-cased word decides.)
    pub fn may_open_title(&self, word: &str) -> bool {
        let openers = self.title_openers.get_or_init(|| {
            let first_word = |t: &String| t.split(' ').next().unwrap_or_default().to_lowercase().into_bytes();
            self.roles.iter().chain(&self.honorifics).map(first_word).collect()
        });
        // Most words are short and ASCII: lower-case those on the stack, not in a new String.
        let mut buf = [0u8; 32];
        if word.is_ascii() && word.len() <= buf.len() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            return openers.contains(&*lower);
        }
        openers.contains(word.to_lowercase().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_lists_find_whole_words_only() {
        let mut list = NameList::default();
        list.add(vec!["Associated Press".into(), "AP".into()]);
        let text = "CAPITAL (AP) — The Associated Press said";
        let hits: Vec<&str> = list.find_in(text).iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(hits, ["AP", "Associated Press"]);
    }

    #[test]
    fn user_entries_extend_known_ones() {
        let mut lex = Lexicon::default();
        lex.companies.add(vec!["Acme Corp.".into(), "Acme".into()]);
        let user: UserLexicon =
            serde_json::from_str(r#"{"companies":[{"name":"Acme","aliases":["ACME Widgets"]}]}"#).unwrap();
        lex.extend(user);
        assert_eq!(lex.companies.len(), 1);
        assert_eq!(lex.companies.lookup("ACME Widgets"), Some(0));
        assert_eq!(lex.companies.canonical(0), "Acme Corp.");
    }

    #[test]
    fn title_openers_cover_roles_and_honorifics_and_follow_user_additions() {
        let mut lex = Lexicon::default();
        lex.roles.insert("chief executive".into());
        lex.honorifics.insert("Rep.".into());
        assert!(lex.may_open_title("Chief") && lex.may_open_title("chief") && lex.may_open_title("Rep."));
        assert!(!lex.may_open_title("Acme") && !lex.may_open_title("executive"));
        lex.extend(serde_json::from_str(r#"{"roles":["Acme Fellow"]}"#).unwrap());
        assert!(lex.may_open_title("Acme"));
    }

    #[test]
    fn builtin_lists_load() {
        let lex = Lexicon::builtin();
        assert!(lex.outlets.lookup("Reuters").is_some());
        assert!(lex.given_names.contains("Daniel"));
        assert!(lex.surnames.contains("Zhang"));
        assert!(lex.company_suffixes.contains("Inc."));
        assert!(lex.people.contains("Trump") && lex.parties.contains("Lib Dems"));
        assert!(lex.female_names.contains("Maria") && lex.male_names.contains("Daniel"));
        assert!(lex.may_be(true, "Maria") && !lex.may_be(true, "Daniel") && lex.may_be(false, "Jordan"));
    }
}
