//! Cross-article linking: which names in different articles are one person or organisation.
//!
//! Names become comparison keys (case, punctuation, a leading "the" and company legal suffixes
//! set aside), and keys are joined by rules that each leave a reason behind:
//! - forms one article already joined (a name and its multi-word aliases or acronym);
//! - a person's multi-word name that is part of exactly one longer name ("Pony Ma" in
//!   "Pony Ma Huateng"), or a lone family name that only one full name carries;
//! - an acronym whose letters are the initials of exactly one organisation's name;
//! - two names the lexicon lists as one organisation.
//!
//! A short name that fits several entities joins none of them, so "Ma" never merges Jack Ma and
//! Pony Ma; the ambiguity is kept as a note on the short name's entity.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::extract::entities::Kind;
use crate::lexicon::Lexicon;

/// A name as one article uses it, with the forms that article joined to it (and their counts,
/// which linking ignores).
pub struct NameUse<'a> {
    pub kind: Kind,
    pub name: &'a str,
    pub forms: &'a [(String, usize)],
}

/// Why two names were joined.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Link {
    pub name: String,
    pub joined_to: String,
    pub reason: String,
}

/// The linking result: a cluster number for every name use, and the reasons.
pub struct Linked {
    pub cluster_of_use: Vec<usize>,
    pub clusters: usize,
    /// Per cluster, the joins that built it and the joins it refused.
    pub links: Vec<Vec<Link>>,
}

/// Disjoint sets of numbered items; a set's root is its smallest member, so results do not
/// depend on the order of joins.
#[derive(Debug, Clone, Default)]
pub struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    pub fn new(len: usize) -> Self {
        DisjointSets { parent: (0..len).collect() }
    }

    /// Adds a set of one new item.
    pub fn add(&mut self) {
        self.parent.push(self.parent.len());
    }

    pub fn find(&mut self, mut n: usize) -> usize {
        while self.parent[n] != n {
            self.parent[n] = self.parent[self.parent[n]];
            n = self.parent[n];
        }
        n
    }

    /// Joins the sets of `a` and `b`; false when they were one already.
    pub fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
        ra != rb
    }
}

/// A name key: its kind and normalised words.
type Key = (Kind, String);

struct Graph {
    keys: Vec<Key>,
    /// The first surface form seen for each key, for explanations.
    shown: Vec<String>,
    /// Whether that form got its key from the lexicon.
    shown_listed: Vec<bool>,
    index: HashMap<Key, usize>,
    sets: DisjointSets,
    /// Joins made and refused, each with a node of the cluster it belongs to.
    links: Vec<(usize, Link)>,
    /// Surface forms already explained as variants of a node's key.
    variants: HashSet<(usize, String)>,
}

impl Graph {
    fn node(&mut self, (key, listed): (Key, bool), shown: &str) -> usize {
        if let Some(&n) = self.index.get(&key) {
            if self.shown[n] != shown && self.variants.insert((n, shown.to_string())) {
                let reason = if listed || self.shown_listed[n] {
                    "the lexicon lists both as one organisation"
                } else {
                    "the same name once case, punctuation, a leading \"the\" and company suffixes are set aside"
                };
                let link = Link { name: shown.to_string(), joined_to: self.shown[n].clone(), reason: reason.to_string() };
                self.links.push((n, link));
            }
            return n;
        }
        let n = self.keys.len();
        self.keys.push(key.clone());
        self.shown.push(shown.to_string());
        self.shown_listed.push(listed);
        self.index.insert(key, n);
        self.sets.add();
        n
    }

    fn find(&mut self, n: usize) -> usize {
        self.sets.find(n)
    }

    fn join(&mut self, a: usize, b: usize, reason: String) {
        if self.sets.union(a, b) {
            let link = Link { name: self.shown[a].clone(), joined_to: self.shown[b].clone(), reason };
            self.links.push((a, link));
        }
    }

    /// The distinct clusters among `nodes`, other than `n`'s own.
    fn other_roots(&mut self, n: usize, nodes: &[usize]) -> BTreeSet<usize> {
        let own = self.find(n);
        nodes.iter().map(|&m| self.find(m)).filter(|&r| r != own).collect()
    }

    fn refuse(&mut self, n: usize, roots: &BTreeSet<usize>, what: &str) {
        let names: Vec<String> = roots.iter().map(|&r| format!("\"{}\"", self.shown[r])).collect();
        let link = Link {
            name: self.shown[n].clone(),
            joined_to: String::new(),
            reason: format!("not joined: {what} fits several names ({})", names.join(", ")),
        };
        self.links.push((n, link));
    }
}

/// The words of a name, lower-cased, without punctuation at their edges.
fn words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether a name is an all-capitals short name such as "CAC" or "S.E.C.".
pub fn is_acronym(name: &str) -> bool {
    acronym_letters(name).is_some()
}

/// The letters of an all-capitals short name, lower-cased.
fn acronym_letters(name: &str) -> Option<String> {
    let letters: String = name.chars().filter(|c| *c != '.' && *c != '&').collect();
    let ok = (2..=8).contains(&letters.chars().count()) && letters.chars().all(|c| c.is_uppercase());
    ok.then(|| letters.to_lowercase())
}

/// The initials of an organisation's significant words, lower-cased ("Cyberspace
/// Administration of China" → "cac"), for names of two or more words.
fn initials(name: &str) -> Option<String> {
    let letters = crate::extract::entities::initials(name);
    (name.split_whitespace().count() >= 2 && letters.chars().count() >= 2).then(|| letters.to_lowercase())
}

struct Keyer<'a> {
    lex: &'a Lexicon,
}

impl Keyer<'_> {
    /// The key of a name, and whether the lexicon's canonical name gave it.
    fn key(&self, kind: Kind, name: &str) -> (Key, bool) {
        let list = match kind {
            Kind::Person => None,
            Kind::Company => Some(&self.lex.companies),
            Kind::Regulator => Some(&self.lex.regulators),
        };
        // Names the lexicon lists as one body share its canonical name's key.
        let canonical = list.and_then(|l| l.lookup(name).map(|e| l.canonical(e))).filter(|c| *c != name);
        ((kind, self.words_key(kind, canonical.unwrap_or(name))), canonical.is_some())
    }

    fn words_key(&self, kind: Kind, name: &str) -> String {
        let mut w = words(name);
        if kind != Kind::Person {
            if w.len() > 1 && w[0] == "the" {
                w.remove(0);
            }
            if kind == Kind::Company {
                while w.len() > 1 && self.is_suffix(w.last().unwrap()) {
                    w.pop();
                }
            }
        }
        w.join(" ")
    }

    /// Key words are lower-cased and stripped of dots, so the casings lexicons write are tried
    /// ("inc" as "inc", "Inc", "INC", "Inc.").
    fn is_suffix(&self, word: &str) -> bool {
        self.lex.is_corporate_suffix(word)
            || self.lex.is_corporate_suffix(&capitalised(word))
            || self.lex.is_corporate_suffix(&word.to_uppercase())
            || self.lex.is_corporate_suffix(&format!("{}.", capitalised(word)))
    }
}

fn capitalised(word: &str) -> String {
    let mut c = word.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Links the name uses of a whole corpus.
pub fn link(uses: &[NameUse], lex: &Lexicon) -> Linked {
    let keyer = Keyer { lex };
    let mut g = Graph {
        keys: Vec::new(),
        shown: Vec::new(),
        shown_listed: Vec::new(),
        index: HashMap::new(),
        sets: DisjointSets::default(),
        links: Vec::new(),
        variants: HashSet::new(),
    };
    let mut node_of_use = Vec::with_capacity(uses.len());
    for u in uses {
        let n = g.node(keyer.key(u.kind, u.name), u.name);
        node_of_use.push(n);
        for form in u.forms.iter().map(|(f, _)| f).filter(|f| f.as_str() != u.name) {
            // Descriptions ("the regulator") name different bodies in different articles.
            let proper = form.chars().next().is_some_and(char::is_uppercase);
            let bridges = proper && (form.split_whitespace().count() > 1 || is_acronym(form) || u.kind != Kind::Person);
            if bridges {
                let m = g.node(keyer.key(u.kind, form), form);
                g.join(m, n, "the same article uses both for one entity".to_string());
            }
        }
    }
    join_contained_names(&mut g);
    join_lone_names(&mut g);

    let mut cluster_of_root = BTreeMap::new();
    let roots: Vec<usize> = (0..g.keys.len()).map(|n| g.find(n)).collect();
    for &r in &roots {
        let next = cluster_of_root.len();
        cluster_of_root.entry(r).or_insert(next);
    }
    let mut links = vec![Vec::new(); cluster_of_root.len()];
    for (n, link) in std::mem::take(&mut g.links) {
        links[cluster_of_root[&roots[n]]].push(link);
    }
    for l in &mut links {
        l.sort();
        l.dedup();
    }
    Linked {
        cluster_of_use: node_of_use.iter().map(|&n| cluster_of_root[&roots[n]]).collect(),
        clusters: cluster_of_root.len(),
        links,
    }
}

/// A person's multi-word name joins the one longer name it is part of: a run of its words, or
/// its first and last word.
fn join_contained_names(g: &mut Graph) {
    let mut containing: HashMap<String, Vec<usize>> = HashMap::new();
    let people: Vec<usize> = (0..g.keys.len()).filter(|&n| g.keys[n].0 == Kind::Person).collect();
    for &n in &people {
        let w: Vec<&str> = g.keys[n].1.split(' ').collect();
        let mut parts = BTreeSet::new();
        for len in 2..w.len() {
            for start in 0..=w.len() - len {
                parts.insert(w[start..start + len].join(" "));
            }
        }
        if w.len() > 2 {
            parts.insert(format!("{} {}", w[0], w[w.len() - 1]));
        }
        for p in parts {
            containing.entry(p).or_default().push(n);
        }
    }
    let mut by_length = people;
    by_length.sort_by_key(|&n| (std::cmp::Reverse(g.keys[n].1.split(' ').count()), n));
    for n in by_length {
        if g.keys[n].1.split(' ').count() < 2 {
            continue;
        }
        let Some(longer) = containing.get(&g.keys[n].1).cloned() else { continue };
        let roots = g.other_roots(n, &longer);
        match roots.len() {
            0 => {}
            1 => {
                let into = longer.iter().copied().find(|&m| g.find(m) == *roots.first().unwrap()).unwrap();
                let reason = format!("\"{}\" is part of \"{}\" and of no other person's name", g.shown[n], g.shown[into]);
                g.join(n, into, reason);
            }
            _ => g.refuse(n, &roots, "the name"),
        }
    }
}

/// A lone family name joins the one person whose full name begins or ends with it; an acronym
/// joins the one organisation whose initials it spells.
fn join_lone_names(g: &mut Graph) {
    let mut by_edge_word: HashMap<(Kind, String), Vec<usize>> = HashMap::new();
    for n in 0..g.keys.len() {
        let (kind, key) = &g.keys[n];
        let w: Vec<&str> = key.split(' ').collect();
        if w.len() < 2 {
            continue;
        }
        if *kind == Kind::Person {
            by_edge_word.entry((Kind::Person, w[0].to_string())).or_default().push(n);
            by_edge_word.entry((Kind::Person, w[w.len() - 1].to_string())).or_default().push(n);
        } else if let Some(i) = initials(&g.shown[n]) {
            by_edge_word.entry((*kind, i)).or_default().push(n);
        }
    }
    for n in 0..g.keys.len() {
        let (kind, key) = g.keys[n].clone();
        let lone = if kind == Kind::Person {
            !key.contains(' ')
        } else {
            acronym_letters(&g.shown[n]).is_some_and(|a| a == key)
        };
        if !lone {
            continue;
        }
        let Some(candidates) = by_edge_word.get(&(kind, key)).cloned() else { continue };
        let roots = g.other_roots(n, &candidates);
        match roots.len() {
            0 => {}
            1 => {
                let into = candidates.iter().copied().find(|&m| g.find(m) == *roots.first().unwrap()).unwrap();
                let reason = if kind == Kind::Person {
                    format!("\"{}\" is a word of \"{}\" and of no other person's full name", g.shown[n], g.shown[into])
                } else {
                    format!("\"{}\" spells the initials of \"{}\" and of no other name", g.shown[n], g.shown[into])
                };
                g.join(n, into, reason);
            }
            _ => g.refuse(n, &roots, if kind == Kind::Person { "the lone name" } else { "the acronym" }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clusters(names: &[(Kind, &str, &[&str])]) -> Vec<usize> {
        let owned: Vec<Vec<(String, usize)>> =
            names.iter().map(|(_, _, f)| f.iter().map(|s| (s.to_string(), 1)).collect()).collect();
        let uses: Vec<NameUse> =
            names.iter().zip(&owned).map(|((kind, name, _), forms)| NameUse { kind: *kind, name, forms }).collect();
        link(&uses, &Lexicon::builtin()).cluster_of_use
    }

    #[test]
    fn name_parts_join_the_one_fuller_name() {
        let p = Kind::Person;
        let c = clusters(&[(p, "Pony Ma Huateng", &[]), (p, "Pony Ma", &[]), (p, "Ma Huateng", &[]), (p, "Jack Ma", &[])]);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[0], c[2]);
        assert_ne!(c[0], c[3]);
    }

    #[test]
    fn a_lone_surname_shared_by_two_people_joins_neither() {
        let p = Kind::Person;
        let c = clusters(&[(p, "Pony Ma", &[]), (p, "Jack Ma", &[]), (p, "Ma", &[])]);
        assert_ne!(c[2], c[0]);
        assert_ne!(c[2], c[1]);
        let c = clusters(&[(p, "Zhang Lidong", &[]), (p, "Zhang Yiming", &[]), (p, "Lidong", &[])]);
        assert_ne!(c[0], c[1]);
        assert_eq!(c[2], c[0]);
    }

    #[test]
    fn company_suffixes_and_acronyms_join() {
        let (co, re) = (Kind::Company, Kind::Regulator);
        let c = clusters(&[
            (co, "Alibaba Group Holding Ltd.", &[]),
            (co, "Alibaba", &[]),
            (co, "Alibaba Group", &[]),
            (co, "Tencent Music Entertainment", &[]),
            (co, "Tencent Holdings", &["Tencent"]),
            (re, "Cyberspace Administration of China", &[]),
            (re, "CAC", &[]),
        ]);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[0], c[2]);
        assert_ne!(c[3], c[4]);
        assert_eq!(c[5], c[6]);
    }

    #[test]
    fn a_person_and_a_company_never_join() {
        let c = clusters(&[(Kind::Person, "Morgan Stanley", &[]), (Kind::Company, "Morgan Stanley", &[])]);
        assert_ne!(c[0], c[1]);
    }
}
