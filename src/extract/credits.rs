//! Authors and other credits from bylines, credit lines, photo credits and author bios.

use std::sync::LazyLock;

use regex::Regex;

use crate::article::{Article, LineKind, bio_name};
use crate::lexicon::Lexicon;

/// A credited person before spans are mapped to the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundCredit {
    pub name: String,
    pub role: &'static str,
    pub start: usize,
    pub end: usize,
}

/// Words that end the name part of a byline: job titles and the outlet's own description.
const BYLINE_STOP_WORDS: &[&str] = &[
    "Ap", "AP", "Staff", "Senior", "Special", "Chief", "Writer", "Reporter", "Correspondent", "Editor", "Contributor",
    "News", "Published", "Updated", "Posted", "On", "Associated", "Reuters", "Bloomberg", "For", "Of", "Via", "In",
];

static NAME_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{Lu}[\p{Ll}'’-]*\p{Ll}(?:-\p{Lu}\p{Ll}+)?|[A-Z]\.|[A-Z]\.[A-Z]\.|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O'[A-Z][a-z]+|[A-Z]{2,}|van|von|de|der|den|da|del|la|le|bin|al|Jr\.?|Sr\.?|II|III)$").unwrap()
});

/// The person name at the start of `piece`, as a byte range: consecutive name-shaped tokens,
/// stopping at an outlet name, a job title or anything that is not a name.
fn leading_name(piece: &str, lex: &Lexicon) -> Option<(usize, usize)> {
    let mut end = None;
    let mut tokens = 0;
    let mut at = 0;
    for word in piece.split(' ') {
        let start = at;
        at += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        let clean = word.trim_end_matches([',', ';', ':']);
        let rest = &piece[start..];
        let outlet_here = lex.outlets.find_at_start(rest).is_some();
        let shouting = clean.len() > 2 && clean.chars().all(|c| c.is_uppercase());
        // "Abena Osei Energy correspondent": a desk label before a lower-case job title.
        let desk_label = piece[at.min(piece.len())..].split(' ').next().is_some_and(|next| lex.roles.contains(next));
        if desk_label && tokens >= 2 {
            break;
        }
        if BYLINE_STOP_WORDS.contains(&clean) || outlet_here || !NAME_TOKEN.is_match(clean) || (shouting && tokens >= 2) {
            break;
        }
        tokens += 1;
        end = Some(start + clean.len());
        if clean.len() != word.len() || tokens == 4 {
            break;
        }
    }
    let end = end?;
    let name = &piece[..end];
    let words = name.split_whitespace().count();
    let lower_first = name.chars().next().is_some_and(char::is_lowercase);
    (words >= 2 && !lower_first && !looks_like_organisation(name, lex)).then_some((0, end))
}

fn looks_like_organisation(name: &str, lex: &Lexicon) -> bool {
    const ORG_WORDS: &[&str] = &["Foundation", "Staff", "Team", "Desk", "Newsroom", "Media", "Press", "Agency", "Board", "Group", "Inc", "Inc."];
    lex.outlets.contains(name)
        || lex.companies.contains(name)
        || name.split_whitespace().any(|w| ORG_WORDS.contains(&w) || lex.company_suffixes.contains(w))
}

/// Splits a list of names ("A, B and C") into (start, end) ranges of `list`.
fn name_pieces(list: &str) -> Vec<(usize, usize)> {
    static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*").unwrap());
    let mut pieces = Vec::new();
    let mut at = 0;
    for sep in SEPARATOR.find_iter(list) {
        pieces.push((at, sep.start()));
        at = sep.end();
    }
    pieces.push((at, list.len()));
    pieces
}

fn names_in(list: &str, offset: usize, role: &'static str, lex: &Lexicon, out: &mut Vec<FoundCredit>) {
    const JOBS: &[&str] = &["Writer", "Reporter", "Correspondent", "Editor", "Contributor"];
    for (k, (s, e)) in name_pieces(list).into_iter().enumerate() {
        let piece = &list[s..e];
        if let Some((ns, ne)) = leading_name(piece, lex) {
            // "By Ann Lee, Local Democracy Reporter": words before a job after the first name
            // are the job's description.
            let job_follows = piece[ne..].split_whitespace().next().is_some_and(|w| JOBS.contains(&w));
            if k > 0 && job_follows {
                continue;
            }
            let name = tidy_case(&piece[ns..ne]);
            out.push(FoundCredit { name, role, start: offset + s + ns, end: offset + s + ne });
        }
    }
}

/// "Jaafar ASHTIYEH" → "Jaafar Ashtiyeh": photo credits often shout the surname.
fn tidy_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            if w.len() > 2 && w.chars().all(|c| !c.is_lowercase()) && w.chars().any(char::is_alphabetic) && !w.contains('.') {
                let mut cs = w.chars();
                cs.next().map_or_else(String::new, |f| f.to_string() + &cs.as_str().to_lowercase())
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

static BYLINE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+[|•·@]\s*|\s*[|•·]|\s+[-–—]\s+|\s+(?i:on|published|updated|posted)\s|\s+\d|\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d").unwrap()
});

static CREDIT_SEGMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*\(?\s*(additional reporting|reporting|writing|editing|compiled|research|produced|reported|written|edited|photographs?|photos?)(?: and (\w+))?\s+by\s+(.+?)\s*\)?\.?\s*$").unwrap()
});

static ADDITIONAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"with additional (editing|reporting|writing) by (.+?)\.?$").unwrap());
// "Fox News' Jane Doe contributed …": the name after an outlet's possessive.
// "Associated Press writer Jo Lee in Cincinnati contributed …": the name between the job and the place.
static CONTRIBUTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:.*?['’]s?\s+|.*?(?-u:\b)(?:writers?|reporters?|correspondents?|staff)\s+)?(.+?)(?:\s+in\s+[A-Z][\w .]+?)? contributed (?:to )?(?:(?:this|the) (?:report|story|article)|reporting)|^Contributing:\s+(.+?)\.?$").unwrap()
});
static ASSISTANCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-—–]*\s*With (?:additional )?(?:assistance|reporting) from\s+(.+)$").unwrap());
static ANALYSIS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^Analysis: ([^,]+),").unwrap());

fn role_of_verb(verb: &str) -> &'static str {
    match verb.to_lowercase().as_str() {
        "editing" | "edited" | "produced" => "editor",
        v if v.starts_with("photo") => "photographer",
        _ => "reporter",
    }
}

fn credit_line(t: &str, offset: usize, lex: &Lexicon, out: &mut Vec<FoundCredit>) {
    if let Some(c) = ADDITIONAL.captures(t) {
        let m = c.get(2).expect("group 2 always takes part");
        names_in(m.as_str(), offset + m.start(), role_of_verb(&c[1]), lex, out);
        return;
    }
    if let Some(c) = CONTRIBUTED.captures(t) {
        let Some(m) = c.get(1).or_else(|| c.get(2)) else { return };
        names_in(m.as_str(), offset + m.start(), "contributor", lex, out);
        return;
    }
    if let Some(c) = ASSISTANCE.captures(t) {
        let m = c.get(1).expect("group 1 always takes part");
        names_in(m.as_str().trim_end_matches('.'), offset + m.start(), "reporter", lex, out);
        return;
    }
    if let Some(c) = ANALYSIS.captures(t) {
        let m = c.get(1).expect("group 1 always takes part");
        names_in(m.as_str(), offset + m.start(), "reporter", lex, out);
        return;
    }
    let mut at = 0;
    for segment in t.split(';') {
        if let Some(c) = CREDIT_SEGMENT.captures(segment) {
            let m = c.get(3).expect("group 3 always takes part");
            names_in(m.as_str(), offset + at + m.start(), role_of_verb(&c[1]), lex, out);
        }
        at += segment.len() + 1;
    }
}

fn byline(t: &str, offset: usize, lex: &Lexicon, out: &mut Vec<FoundCredit>) {
    static CUE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?i:by|authors?:?|written by|words by|story by|reporting by)\s+").unwrap());
    let skip = CUE.find(t).map_or(0, |m| m.end());
    let rest = &t[skip..];
    let list_end = BYLINE_END.find(rest).map_or(rest.len(), |m| m.start());
    names_in(&rest[..list_end], offset + skip, "reporter", lex, out);
}

static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:REUTERS|AP Photo|Reuters|AFP|EPA)/\s*([^/)]+?)\s*(?:/|\)|$)",
        r"|(?:Photo|Photograph|Picture|Image|Credit)s?(?: by)?:\s*([^/,;]+?)\s*(?:[/,;]|$)",
        r"|([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2})\s*/\s*(?:AFP|AP|EPA|Getty Images|Reuters|Xinhua|Shutterstock|Alamy|[A-Z][A-Z ]+)(?-u:\b)",
        r"|^©\s*([A-Z][a-z]+ [A-Z][a-z]+)$",
        r"|(?:^|\s)Credit\s+(?:Credit\s+)?(\p{Lu}[\w'’.-]*(?: \p{Lu}[\w'’.-]*){1,3})\s*(?:/|\s+for\s)"
    ))
    .unwrap()
});

fn photo_credits(t: &str, offset: usize, lex: &Lexicon, out: &mut Vec<FoundCredit>) {
    for c in PHOTO_CREDIT.captures_iter(t) {
        let Some(m) = (1..c.len()).find_map(|g| c.get(g)) else { continue };
        if let Some((mut s, e)) = leading_name(m.as_str(), lex) {
            // "… a cabaret in Paris Jo Lee/Reuters": the caption's last word is no part of the name.
            if let Some((first, rest)) = m.as_str()[s..e].split_once(' ')
                && rest.contains(' ')
                && lex.names_a_place(first)
            {
                s += first.len() + 1;
            }
            let name = tidy_case(&m.as_str()[s..e]);
            if lex.photo_agencies.contains(&name) || lex.outlets.contains(&name) {
                continue;
            }
            out.push(FoundCredit { name, role: "photographer", start: offset + m.start() + s, end: offset + m.start() + e });
        }
    }
}

/// Everyone the page credits, in text order; one entry per person (the first credit wins, but
/// a person with an author bio is an author).
pub fn find_credits(article: &Article, lex: &Lexicon) -> Vec<FoundCredit> {
    let mut found = Vec::new();
    for (name, at) in &article.front_matter.authors {
        found.push(FoundCredit { name: name.clone(), role: "reporter", start: *at, end: at + name.len() });
    }
    let mut bios = Vec::new();
    for (i, line) in article.lines.iter().enumerate() {
        let t = article.line_text(i);
        match line.kind {
            LineKind::Byline => {
                let from = crate::article::byline_at(t).unwrap_or(0);
                byline(&t[from..], line.start + from, lex, &mut found);
            }
            LineKind::Credit => credit_line(t, line.start, lex, &mut found),
            LineKind::Caption => photo_credits(t, line.start, lex, &mut found),
            LineKind::Bio => {
                if let Some((s, e)) = bio_name(t) {
                    bios.push(t[s..e].to_string());
                    found.push(FoundCredit { name: t[s..e].to_string(), role: "reporter", start: line.start + s, end: line.start + e });
                }
            }
            _ => {}
        }
    }
    let mut unique: Vec<FoundCredit> = Vec::new();
    for credit in found {
        match unique.iter_mut().find(|u| u.name == credit.name) {
            Some(known) if bios.contains(&known.name) => known.role = "reporter",
            Some(_) => {}
            None => unique.push(credit),
        }
    }
    unique
}

/// Roles that make a credited person an author of the piece.
pub fn is_author_role(role: &str) -> bool {
    matches!(role, "reporter" | "contributor")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credits(text: &str) -> Vec<(String, &'static str)> {
        let lex = Lexicon::builtin();
        let article = Article::parse(text, &lex);
        find_credits(&article, &lex).into_iter().map(|c| (c.name, c.role)).collect()
    }

    const BODY: &str = "The regulator said on Friday that it would review the merger of the two largest companies in the sector.";

    #[test]
    fn a_byline_may_sit_between_the_outlet_and_the_date() {
        let text = format!("Headline of the story here\n\nFishes seen on a reef in the bay.\nDaniel Okafor\n\nReefwatch.org | By Ann Lee | May 6, 2021\n\n{BODY}\n");
        assert_eq!(credits(&text), [("Ann Lee".into(), "reporter")]);
    }

    #[test]
    fn reuters_credit_line_splits_roles() {
        let text = format!("Headline of the story here\n\n{BODY}\n\n(Reporting by Ann Lee and Bo Chen; Editing by Cy Twombly and Dee Dee Myers)\n");
        let got = credits(&text);
        assert_eq!(
            got,
            [("Ann Lee".into(), "reporter"), ("Bo Chen".into(), "reporter"), ("Cy Twombly".into(), "editor"), ("Dee Dee Myers".into(), "editor")]
        );
    }

    #[test]
    fn bylines_stop_at_outlets_titles_and_dates() {
        let cases = [
            ("By Julia Young | Fox News", vec!["Julia Young"]),
            ("Tom Kramer, Ap Auto Writer", vec!["Tom Kramer"]),
            ("Kevin Jones and Karen McCoy USA TODAY", vec!["Kevin Jones", "Karen McCoy"]),
            ("By Lia Evans and Yaron Stein", vec!["Lia Evans", "Yaron Stein"]),
            ("By Kashmira Gandhi On 11/13/19 at 4:00 PM EST", vec!["Kashmira Gandhi"]),
            ("Sarah Good March 9, 2017 13", vec!["Sarah Good"]),
            ("By Wikimedia Foundation•15 January 2020", vec![]),
            ("By Rachel Dunmore, Local Democracy Reporter", vec!["Rachel Dunmore"]),
        ];
        for (line, want) in cases {
            let text = format!("Headline of the story here\n\n{line}\n\n{BODY}\n");
            let got: Vec<String> = credits(&text).into_iter().map(|(n, _)| n).collect();
            assert_eq!(got, want, "{line}");
        }
    }

    #[test]
    fn photo_credits_name_photographers() {
        let text = format!("Headline of the story here\n\nA man walks past the building. Jaafar ASHTIYEH / AFP\n\nREUTERS/Thomas Whyte/Illustration\n\n{BODY}\n");
        let got = credits(&text);
        assert_eq!(got, [("Jaafar Ashtiyeh".into(), "photographer"), ("Thomas Whyte".into(), "photographer")]);
        let text = format!("Headline of the story here\n\nThe Moulin Rouge cabaret in Paris Benoit Tessier/Reuters\n\n{BODY}\n");
        assert_eq!(credits(&text), [("Benoit Tessier".into(), "photographer")]);
    }

    #[test]
    fn a_caption_signed_credit_names_its_photographer() {
        let text = format!(
            "Headline of the story here\n\n{BODY}\n\nWorkers repair a main in Queens. Credit Credit Ãngel Franco/The Daily Planet\n\nA flooded street in 1978. Credit Émile Brun for The Daily Planet\n\nCredit Suisse said on Monday it would cut jobs.\n"
        );
        assert_eq!(credits(&text), [("Ãngel Franco".into(), "photographer"), ("Émile Brun".into(), "photographer")]);
        let r = crate::extract::parse_article("t.txt", &text, text.as_bytes(), "utf-8", &Lexicon::builtin(), &crate::extract::Stated::default());
        let people: Vec<String> = r.people.into_iter().map(|p| p.name).collect();
        assert!(people.contains(&"Ãngel Franco".to_string()) && !people.iter().any(|p| p.starts_with("Credit")), "{people:?}");
    }

    #[test]
    fn bio_makes_an_editor_an_author() {
        let text = format!("Headline of the story here\n\n{BODY}\n\nReuters with additional editing by Jim Pollock\n\nJim Pollock is an Australian journalist based in Thailand.\n");
        assert_eq!(credits(&text), [("Jim Pollock".into(), "reporter")]);
    }
}
