//! Date expressions in news text.
//!
//! [`find_dates`] finds absolute dates ("Jan. 28, 2022", "28 January", "11/13/19"), months
//! ("July 2021", "mid-December"), years ("2014", "late 2020"), ranges ("Sept. 26-28",
//! "2022/23") and a small set of relative expressions ("last month", "Friday"). Each absolute
//! expression gets an ISO-8601 value that normalises the expression itself: `XXXX` stands for a
//! year the text does not give. [`resolve`] places an expression on the calendar given the
//! publication date, and [`parse_publication_date`] reads the date of a dateline or byline.
//!
//! Each family of forms has one regex, compiled once; every match is then checked against its
//! context (a year followed by "people" is a count, "May" needs a day, a year or a preposition)
//! and, among overlapping candidates, the longest wins.
//!
//! Span conventions: prepositions are left out ("in 2014" → "2014", "on Friday" → "Friday"),
//! modifiers are kept ("late 2020", "end of August", "last October"), a weekday before a date is
//! left out ("Wednesday, November 20, 2019" → "November 20, 2019") and so is a time after it.

use regex::{Captures, Match, Regex, RegexSet};
use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// A date expression found in a piece of text. Offsets are byte offsets into the `text` passed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub start: usize,
    pub end: usize,
    /// ISO-8601 normalisation of the expression itself; None for relative expressions.
    pub value: Option<String>,
    pub kind: DateKind,
}

/// What a found expression names: a day, a month, a year, a span between two of them, or a
/// time relative to the article's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    Date,
    Month,
    Year,
    Range,
    Relative,
}

impl DateKind {
    /// "date" | "month" | "year" | "range" | "relative".
    pub fn as_str(self) -> &'static str {
        match self {
            DateKind::Date => "date",
            DateKind::Month => "month",
            DateKind::Year => "year",
            DateKind::Range => "range",
            DateKind::Relative => "relative",
        }
    }
}

/// Every date expression in `text` (one paragraph of normalised text), in text order,
/// non-overlapping, longest match wins.
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    // One pass of every pattern at once says which scanners can find anything: most lines
    // hold no date, and ten separate searches per line were about half of this stage's time.
    type Scanner = fn(&str, &mut Vec<Candidate>);
    static SCANNERS: LazyLock<(RegexSet, Vec<Scanner>)> = LazyLock::new(|| {
        let scanners: [(&LazyLock<Regex>, Scanner); 10] = [
            (&MONTH_DAY, scan_month_day),
            (&DAY_MONTH, scan_day_month),
            (&MONTH_DAY_RANGE, scan_month_day_ranges),
            (&DAY_MONTH_RANGE, scan_day_month_ranges),
            (&MONTH_YEAR_RANGE, scan_month_year_ranges),
            (&YEAR_RANGE, scan_year_ranges),
            (&YEAR, scan_years),
            (&NUMERIC, scan_numeric),
            (&MONTH_PHRASE, scan_months),
            (&RELATIVE, scan_relative),
        ];
        let set = RegexSet::new(scanners.iter().map(|(pattern, _)| pattern.as_str())).expect("date patterns are valid");
        (set, scanners.into_iter().map(|(_, scan)| scan).collect())
    });
    let (set, scanners) = &*SCANNERS;
    // A plain test first: it stops at the first match, where matches() scans for every pattern.
    if !set.is_match(text) {
        return Vec::new();
    }
    let mut candidates = Vec::new();
    for i in set.matches(text).iter() {
        scanners[i](text, &mut candidates);
    }
    select(candidates)
}

/// Place a found expression on the calendar given the article's publication date (y, m, d).
///
/// A value without a year gets the year that puts it nearest before-or-around the anchor (a
/// month more than two months after the anchor month belongs to the previous year); "last"
/// and "next" force the previous or next occurrence. Relative expressions become a day
/// (weekdays, yesterday/today/tomorrow, "N days ago"), an ISO week ("last week"), a month
/// ("next month") or a year ("this year"). Absolute values are returned unchanged.
pub fn resolve(found_text: &str, found: &FoundDate, anchor: (i32, u32, u32)) -> Option<String> {
    let (year, month, day) = anchor;
    if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 || day > days_in_month(Some(year), month) {
        return None;
    }
    match &found.value {
        Some(value) => place_value(value, Direction::of(found_text), anchor),
        None => resolve_relative(found_text, anchor),
    }
}

/// Parse a line that is (or contains) one absolute date, e.g. "Published 3:04 PM ET, Thu July
/// 23, 2015": returns (value, precision) with precision "day" | "month" | "year". The most
/// precise date wins, then the first; dates without a year are skipped.
pub fn parse_publication_date(line: &str) -> Option<(String, &'static str)> {
    find_dates(line)
        .into_iter()
        .filter_map(|d| {
            let (rank, precision) = match d.kind {
                DateKind::Date => (0, "day"),
                DateKind::Month => (1, "month"),
                DateKind::Year => (2, "year"),
                DateKind::Range | DateKind::Relative => return None,
            };
            let value = d.value.filter(|v| !v.contains('X'))?;
            Some((rank, value, precision))
        })
        .min_by_key(|(rank, _, _)| *rank)
        .map(|(_, value, precision)| (value, precision))
}

// ---------------------------------------------------------------------------------------------
// Patterns

/// ASCII word boundary: a Unicode `\b` makes the regex crate leave its fast DFA on non-ASCII text.
const B: &str = r"(?-u:\b)";

/// Month names with their abbreviations; the index + 1 is the month number.
const MONTHS: [(&str, &[&str]); 12] = [
    ("January", &["Jan"]),
    ("February", &["Feb"]),
    ("March", &["Mar"]),
    ("April", &["Apr"]),
    ("May", &[]),
    ("June", &["Jun"]),
    ("July", &["Jul"]),
    ("August", &["Aug"]),
    ("September", &["Sept", "Sep"]),
    ("October", &["Oct"]),
    ("November", &["Nov"]),
    ("December", &["Dec"]),
];

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Whether a word is a month or weekday name written in full ("March", "Monday").
pub fn is_calendar_name(word: &str) -> bool {
    MONTHS.iter().any(|(full, _)| *full == word) || is_weekday_name(word)
}

/// Whether a word is a weekday's name, capitalised ("Monday", "MONDAY").
pub fn is_weekday_name(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase()) && WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

/// A weekday written before a date ("Wednesday, ", "Thu ", "Sat. "): claimed, not reported.
const WEEKDAY_PREFIX: &str = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY),?|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun|MON|TUES?|WED|THU(?:RS?)?|FRI|SAT|SUN)\.?,?)[ ]";

/// Between the two ends of a range; "and" counts only after "between" (checked in code).
const SEP: &str = r"(?P<sep>[ ]?[-–—][ ]?|[ ](?:to|through|thru|until|till|and)[ ])";

/// Words before a month that narrow it without naming a year.
const MONTH_MODIFIER: &str =
    r"[Ee]arly|[Ll]ate|[Mm]id|[Ll]ast|[Nn]ext|[Tt]his|(?:[Ee]nd|[Ss]tart|[Bb]eginning|[Mm]iddle)[ ]of";

/// Words before a year that narrow it; the value stays the year.
const YEAR_MODIFIER: &str = r"(?:[Ee]nd|[Ss]tart|[Bb]eginning|[Mm]iddle|[Cc]lose|[Tt]urn)[ ]of|[Ee]arly|[Ll]ate|[Mm]id|(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?:[ ]of)?|(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ll]ast)[ ](?:half|quarter)[ ]of";

/// A month name in title case or capitals; an abbreviation may carry its dot.
fn month(group: &str) -> String {
    let mut forms = Vec::new();
    for (full, abbreviations) in MONTHS {
        for form in [full.to_string(), full.to_ascii_uppercase()] {
            forms.push(format!("{form}{B}"));
        }
        for abbreviation in abbreviations {
            for form in [abbreviation.to_string(), abbreviation.to_ascii_uppercase()] {
                forms.push(format!(r"{form}(?:\.|{B})"));
            }
        }
    }
    format!("(?P<{group}>{})", forms.join("|"))
}

/// A day of the month with an optional ordinal suffix (outside the group).
fn day(group: &str) -> String {
    format!(r"(?P<{group}>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?{B}")
}

/// Four digits; the range is checked in code.
fn year(group: &str) -> String {
    format!(r"(?P<{group}>[0-9]{{4}}){B}")
}

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("date patterns are valid")
}

/// "Jan. 28", "January 28th, 2022", "Thu July 23, 2015".
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(r"{B}(?:{WEEKDAY_PREFIX})?{}[ ]{}(?:,?[ ]{})?", month("m"), day("d"), year("y")))
});

/// "28 January", "28th of January", "Wednesday 20 November 2019".
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(r"{B}(?:{WEEKDAY_PREFIX})?{}(?P<of>[ ]of)?[ ]{}(?:,?[ ]{})?", day("d"), month("m"), year("y")))
});

/// "July", "Nov.", "mid-December", "end of August", "July 2021", "March of 2020".
static MONTH_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(r"{B}(?:(?P<mod>{MONTH_MODIFIER})(?:-[ ]?|[ ]))?{}(?:,?[ ](?:of[ ])?{})?", month("m"), year("y")))
});

/// "Sept. 26-28", "September 26 to 28, 2021", "Sept. 26 - Oct. 2", "Dec. 28, 2021 to Jan. 3, 2022".
static MONTH_DAY_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"{B}(?:{WEEKDAY_PREFIX})?{}[ ]{}(?:,?[ ]{})?{SEP}(?:{}[ ])?{}(?:,?[ ]{})?",
        month("m1"),
        day("d1"),
        year("y1"),
        month("m2"),
        day("d2"),
        year("y2")
    ))
});

/// "26-28 September 2021", "26 September to 2 October".
static DAY_MONTH_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"{B}(?:{WEEKDAY_PREFIX})?{}(?:[ ]{}(?:[ ]{})?)?{SEP}{}[ ]{}(?:,?[ ]{})?",
        day("d1"),
        month("m1"),
        year("y1"),
        day("d2"),
        month("m2"),
        year("y2")
    ))
});

/// "February 2016 through May 2017", "February to May 2017".
static MONTH_YEAR_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(r"{B}{}(?:,?[ ]{})?{SEP}{},?[ ]{}", month("m1"), year("y1"), month("m2"), year("y2")))
});

/// "2015 to 2016", "2008-2016", "2022/23", "2010 and 2015" (after "between").
static YEAR_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"{B}(?P<y1>[0-9]{{4}})(?P<sep>[ ]?[-–—][ ]?|/|[ ](?:to|through|until|till|and)[ ])(?P<y2>[0-9]{{4}}|[0-9]{{2}}){B}"
    ))
});

/// "2014", "late 2020", "end of 2020", "mid-2021".
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| compile(&format!(r"{B}(?:(?P<mod>{YEAR_MODIFIER})(?:-[ ]?|[ ]))?(?P<y>[0-9]{{4}}){B}")));

/// "2019-11-18" (also before "T20:51:19Z"), "2019/11/18", "11/13/19", "11/13/2019", "19.01.2020".
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"{B}(?:(?P<iy>[0-9]{{4}})(?P<is1>[-/])(?P<im>[0-9]{{2}})(?P<is2>[-/])(?P<id>[0-9]{{2}})|(?P<sa>[0-9]{{1,2}})/(?P<sb>[0-9]{{1,2}})/(?P<sy>[0-9]{{4}}|[0-9]{{2}})|(?P<da>[0-9]{{1,2}})\.(?P<db>[0-9]{{1,2}})\.(?P<dy>[0-9]{{4}}))"
    ))
});

/// Weekdays, yesterday/today/tomorrow, last/this/next week|month|year, "N days ago", "the same day".
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"{B}(?:(?:(?:[Ll]ast|[Nn]ext|[Tt]his)[ ])?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?P<day>[Yy]esterday|[Tt]oday|[Tt]omorrow)|(?:[Ll]ast|[Nn]ext|[Tt]his|(?:[Ee]arlier|[Ll]ater)[ ]this|[Tt]he[ ]past)[ ](?:week|weekend|month|year)|(?P<ago>(?:[0-9]{{1,3}}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:a[ ])?few|several))[ ](?:minute|hour|day|week|month|year|decade)s?[ ]ago)|[Tt]he[ ]same[ ]day){B}"
    ))
});

// ---------------------------------------------------------------------------------------------
// Scanners: one per pattern, each pushing the candidates that pass their context checks.

/// A possible date; `claim_start` may precede `found.start` (a weekday before a date) so that
/// the claimed text cannot also be found on its own.
struct Candidate {
    claim_start: usize,
    found: FoundDate,
}

fn push(out: &mut Vec<Candidate>, claim_start: usize, start: usize, end: usize, value: Option<String>, kind: DateKind) {
    out.push(Candidate { claim_start, found: FoundDate { start, end, value, kind } });
}

/// One end of a value: year (None = `XXXX`), month and optional day.
#[derive(Debug, Clone, Copy)]
struct Point {
    year: Option<i32>,
    month: u32,
    day: Option<u32>,
}

impl Point {
    fn iso(self) -> String {
        let year = self.year.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"));
        match self.day {
            Some(day) => format!("{year}-{:02}-{day:02}", self.month),
            None => format!("{year}-{:02}", self.month),
        }
    }

    fn valid(self) -> bool {
        (1..=12).contains(&self.month) && self.day.is_none_or(|d| d >= 1 && d <= days_in_month(self.year, self.month))
    }

    /// Order key; a range without years that runs into a smaller month wraps into the next year.
    fn key(self, wrap: bool) -> (i32, u32, u32) {
        (self.year.unwrap_or(i32::from(wrap)), self.month, self.day.unwrap_or(0))
    }
}

fn number(m: Option<Match>) -> Option<u32> {
    m?.as_str().parse().ok()
}

/// The month's number, for a name as matched ("Sept.", "NOVEMBER", "may").
fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.');
    (1..).zip(MONTHS).find_map(|(number, (full, abbreviations))| {
        let known = full.eq_ignore_ascii_case(name) || abbreviations.iter().any(|a| a.eq_ignore_ascii_case(name));
        known.then_some(number)
    })
}

/// End of a day number including its ordinal suffix ("28th").
fn day_end(text: &str, digits: Match) -> usize {
    digits.end() + text[digits.end()..].bytes().take_while(u8::is_ascii_alphabetic).count()
}

/// A year inside a date: 1000–2099, not the start of a bigger number or a count ("2,000 people").
fn year_in_date(text: &str, m: Option<Match>) -> Option<(i32, usize)> {
    let m = m?;
    let year: i32 = m.as_str().parse().ok()?;
    let fits = (1000..=2099).contains(&year) && !glued_after(text, m.end()) && !quantity_after(text, m.end());
    fits.then_some((year, m.end()))
}

fn scan_month_day(text: &str, out: &mut Vec<Candidate>) {
    for caps in MONTH_DAY.captures_iter(text) {
        let (Some(whole), Some(m), Some(d)) = (caps.get(0), caps.name("m"), caps.name("d")) else { continue };
        let year = year_in_date(text, caps.name("y"));
        let end = year.map_or_else(|| day_end(text, d), |(_, end)| end);
        let point =
            Point { year: year.map(|(y, _)| y), month: month_number(m.as_str()).unwrap_or(0), day: number(Some(d)) };
        if point.valid() && !glued_after(text, end) {
            push(out, whole.start(), m.start(), end, Some(point.iso()), DateKind::Date);
        }
    }
}

fn scan_day_month(text: &str, out: &mut Vec<Candidate>) {
    for caps in DAY_MONTH.captures_iter(text) {
        let (Some(whole), Some(m), Some(d)) = (caps.get(0), caps.name("m"), caps.name("d")) else { continue };
        // "28th of January" needs the ordinal: "4 of May's ministers" is a count.
        if (caps.name("of").is_some() && day_end(text, d) == d.end()) || glued_before(text, d.start()) {
            continue;
        }
        let year = year_in_date(text, caps.name("y"));
        let end = year.map_or(m.end(), |(_, end)| end);
        let point =
            Point { year: year.map(|(y, _)| y), month: month_number(m.as_str()).unwrap_or(0), day: number(Some(d)) };
        if point.valid() {
            push(out, whole.start(), d.start(), end, Some(point.iso()), DateKind::Date);
        }
    }
}

fn scan_months(text: &str, out: &mut Vec<Candidate>) {
    for caps in MONTH_PHRASE.captures_iter(text) {
        let Some(m) = caps.name("m") else { continue };
        let Some(number) = month_number(m.as_str()) else { continue };
        let modifier = caps.name("mod");
        let start = modifier.map_or(m.start(), |x| x.start());
        // A year that turns out to be a count leaves the bare month, judged like any other.
        if let Some((year, end)) = year_in_date(text, caps.name("y")) {
            let point = Point { year: Some(year), month: number, day: None };
            push(out, start, start, end, Some(point.iso()), DateKind::Month);
        } else if bare_month_ok(text, m, number, modifier.is_some()) {
            let point = Point { year: None, month: number, day: None };
            push(out, start, start, m.end(), Some(point.iso()), DateKind::Month);
        }
    }
}

/// A month name without day or year: title case, a full name or a dotted abbreviation ("Jan"
/// is a name), and for the names that are also words or names ("May", "March", "June Carter")
/// a context that makes it a time.
fn bare_month_ok(text: &str, m: Match, number: u32, has_modifier: bool) -> bool {
    let name = m.as_str();
    let is_full = MONTHS.iter().any(|(full, _)| *full == name);
    let dotted_abbreviation = is_title(name) && name.ends_with('.');
    if !(is_full || dotted_abbreviation) {
        return false;
    }
    if has_modifier || month_trigger_before(text, m.start(), number == 5) {
        return true;
    }
    // Next to a number, a month is part of a date that failed ("Feb. 30", "31 April").
    let next = word_after(text, m.end());
    let (previous, previous_start) = word_before(text, m.start());
    if [next, previous].iter().any(|w| w.bytes().next().is_some_and(|b| b.is_ascii_digit())) {
        return false;
    }
    match number {
        5 => false,
        3 => {
            // "the March on Washington", "Women's March", "the Long March".
            let verb_or_noun =
                at_sentence_start(text, m.start()) || is_one_of(next, &["on", "to", "through", "against", "for", "of"]);
            let named = possessive_before(text, m.start())
                || (is_capitalised(previous) && !at_sentence_start(text, previous_start));
            !(verb_or_noun || named)
        }
        // "June Carter", "April Ryan": a month is not followed by a capitalised name.
        _ => !is_capitalised(next),
    }
}

/// "in May", "since March", "April and May": the word before makes a month name a time.
fn month_trigger_before(text: &str, start: usize, is_may: bool) -> bool {
    const ANY: [&str; 6] = ["in", "since", "until", "till", "by", "during"];
    // "after May resigned", "a letter from May": not for the Prime Minister's surname.
    const NOT_MAY: [&str; 6] = ["through", "throughout", "from", "between", "before", "after"];
    let (previous, previous_start) = word_before(text, start);
    if is_one_of(previous, &ANY) || (!is_may && is_one_of(previous, &NOT_MAY)) {
        return true;
    }
    if is_one_of(previous, &["and", "or", "to", "through", "until"]) {
        let (two_back, _) = word_before(text, previous_start);
        return is_title(two_back) && month_number(two_back).is_some();
    }
    false
}

/// "Sept. 26-28", "Dec. 28, 2021 to Jan. 3, 2022".
fn scan_month_day_ranges(text: &str, out: &mut Vec<Candidate>) {
    for caps in MONTH_DAY_RANGE.captures_iter(text) {
        let (Some(whole), Some(m1), Some(d1), Some(d2)) =
            (caps.get(0), caps.name("m1"), caps.name("d1"), caps.name("d2"))
        else {
            continue;
        };
        let month1 = month_number(m1.as_str()).unwrap_or(0);
        let month2 = caps.name("m2").map_or(Some(month1), |m| month_number(m.as_str())).unwrap_or(0);
        let Some((year1, year2, end)) = range_years(text, &caps, day_end(text, d2)) else { continue };
        let from = Point { year: year1, month: month1, day: number(Some(d1)) };
        let to = Point { year: year2, month: month2, day: number(Some(d2)) };
        out.extend(range_candidate(text, &caps, whole.start(), m1.start(), end, from, to));
    }
}

/// "26-28 September 2021", "26 September to 2 October".
fn scan_day_month_ranges(text: &str, out: &mut Vec<Candidate>) {
    for caps in DAY_MONTH_RANGE.captures_iter(text) {
        let (Some(whole), Some(d1), Some(d2), Some(m2)) =
            (caps.get(0), caps.name("d1"), caps.name("d2"), caps.name("m2"))
        else {
            continue;
        };
        if glued_before(text, d1.start()) {
            continue;
        }
        let month2 = month_number(m2.as_str()).unwrap_or(0);
        let month1 = caps.name("m1").map_or(Some(month2), |m| month_number(m.as_str())).unwrap_or(0);
        let Some((year1, year2, end)) = range_years(text, &caps, m2.end()) else { continue };
        let from = Point { year: year1, month: month1, day: number(Some(d1)) };
        let to = Point { year: year2, month: month2, day: number(Some(d2)) };
        out.extend(range_candidate(text, &caps, whole.start(), d1.start(), end, from, to));
    }
}

/// "February 2016 through May 2017", "February to May 2017".
fn scan_month_year_ranges(text: &str, out: &mut Vec<Candidate>) {
    for caps in MONTH_YEAR_RANGE.captures_iter(text) {
        let (Some(whole), Some(m1), Some(m2)) = (caps.get(0), caps.name("m1"), caps.name("m2")) else { continue };
        let Some((year1, year2, end)) = range_years(text, &caps, m2.end()) else { continue };
        let from = Point { year: year1, month: month_number(m1.as_str()).unwrap_or(0), day: None };
        let to = Point { year: year2, month: month_number(m2.as_str()).unwrap_or(0), day: None };
        out.extend(range_candidate(text, &caps, whole.start(), m1.start(), end, from, to));
    }
}

/// The years of a range from its `y1`/`y2` groups and its end; one given year serves both ends
/// ("Dec. 28 - Jan. 3, 2022" starts in 2021). None when a year present is not one.
fn range_years(text: &str, caps: &Captures, end_without_year: usize) -> Option<(Option<i32>, Option<i32>, usize)> {
    let year1 = match caps.name("y1") {
        Some(m) => Some(year_in_date(text, Some(m))?.0),
        None => None,
    };
    let (year2, end) = match caps.name("y2") {
        Some(m) => {
            let (year, end) = year_in_date(text, Some(m))?;
            (Some(year), end)
        }
        None => (None, end_without_year),
    };
    Some((year1, year2, end))
}

/// Checks shared by the day and month ranges: "and" only after "between", real days, the end
/// after the start, nothing glued after.
fn range_candidate(
    text: &str,
    caps: &Captures,
    claim_start: usize,
    start: usize,
    end: usize,
    mut from: Point,
    mut to: Point,
) -> Option<Candidate> {
    let wraps = to.month < from.month;
    match (from.year, to.year) {
        (Some(y), None) => to.year = Some(y + i32::from(wraps)),
        (None, Some(y)) => from.year = Some(y - i32::from(wraps)),
        _ => {}
    }
    if !separator_ok(text, caps, claim_start)
        || !from.valid()
        || !to.valid()
        || from.key(false) >= to.key(from.year.is_none() && wraps)
        || glued_after(text, end)
    {
        return None;
    }
    let value = Some(format!("{}/{}", from.iso(), to.iso()));
    Some(Candidate { claim_start, found: FoundDate { start, end, value, kind: DateKind::Range } })
}

/// "2010 and 2015" is a range only in "between 2010 and 2015".
fn separator_ok(text: &str, caps: &Captures, claim_start: usize) -> bool {
    caps.name("sep").is_none_or(|sep| {
        sep.as_str().trim() != "and" || word_before(text, claim_start).0.eq_ignore_ascii_case("between")
    })
}

/// "2015 to 2016", "2008-2016", "2022/23" (value 2022/2023), "between 2010 and 2015".
fn scan_year_ranges(text: &str, out: &mut Vec<Candidate>) {
    for caps in YEAR_RANGE.captures_iter(text) {
        let (Some(whole), Some(y1), Some(y2), Some(sep)) =
            (caps.get(0), caps.name("y1"), caps.name("y2"), caps.name("sep"))
        else {
            continue;
        };
        let (Ok(first), Ok(second)) = (y1.as_str().parse::<i32>(), y2.as_str().parse::<i32>()) else { continue };
        let last = if y2.len() == 2 {
            // Only a tight "2019-20" or "2022/23" abbreviates the second year.
            if !["-", "–", "—", "/"].contains(&sep.as_str()) {
                continue;
            }
            let century = first - first % 100;
            if century + second > first { century + second } else { century + 100 + second }
        } else {
            second
        };
        let plausible = |y: i32| (1800..=2099).contains(&y);
        if !plausible(first)
            || !plausible(last)
            || last <= first
            || !separator_ok(text, &caps, whole.start())
            || !free_before(text, whole.start())
            || glued_after(text, whole.end())
            || quantity_after(text, whole.end())
        {
            continue;
        }
        push(out, whole.start(), whole.start(), whole.end(), Some(format!("{first}/{last}")), DateKind::Range);
    }
}

/// "2014", "late 2020", "end of 2020".
fn scan_years(text: &str, out: &mut Vec<Candidate>) {
    for caps in YEAR.captures_iter(text) {
        let (Some(whole), Some(y)) = (caps.get(0), caps.name("y")) else { continue };
        let Ok(year) = y.as_str().parse::<i32>() else { continue };
        let ok = if caps.name("mod").is_some() {
            (1800..=2099).contains(&year) && !glued_after(text, y.end()) && !quantity_after(text, y.end())
        } else {
            bare_year_ok(text, y, year)
        };
        if ok {
            push(out, whole.start(), whole.start(), whole.end(), Some(year.to_string()), DateKind::Year);
        }
    }
}

/// Four digits used as a time: 1800–2099 (1000 and up after "in", "since" or "year"), not part
/// of a bigger number, an amount, a label ("No. 2014"), a count ("2000 people") or a list of
/// counts ("1200, 1500 and 2000").
fn bare_year_ok(text: &str, y: Match, year: i32) -> bool {
    let lowest = if is_one_of(word_before(text, y.start()).0, &["in", "since", "year"]) { 1000 } else { 1800 };
    (lowest..=2099).contains(&year)
        && free_before(text, y.start())
        && !glued_after(text, y.end())
        && !quantity_after(text, y.end())
        && !in_count_list(text, y.start(), y.end())
        && !quoted_alone(text, y.start(), y.end())
}

/// "2014's “1989.”": a year that is all of a quotation is a title (an album, a novel), not a time.
fn quoted_alone(text: &str, start: usize, end: usize) -> bool {
    let opens = matches!(char_before(text, start), Some('“' | '"'));
    let closes = text[end..].trim_start_matches(['.', ',', '!', '?']).starts_with(['”', '"']);
    opens && closes
}

/// "2019-11-18", "11/13/19", "19.01.2020".
fn scan_numeric(text: &str, out: &mut Vec<Candidate>) {
    for caps in NUMERIC.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let point = if let Some(y) = caps.name("iy") {
            if caps.name("is1").map(|m| m.as_str()) != caps.name("is2").map(|m| m.as_str()) {
                continue;
            }
            Point {
                year: y.as_str().parse().ok(),
                month: number(caps.name("im")).unwrap_or(0),
                day: number(caps.name("id")),
            }
        } else if let Some(y) = caps.name("sy") {
            // Month first, as in US usage, unless the first number cannot be a month.
            let (a, b) = (number(caps.name("sa")).unwrap_or(0), number(caps.name("sb")).unwrap_or(0));
            let (month, day) = if a > 12 { (b, a) } else { (a, b) };
            Point { year: full_year(y.as_str()), month, day: Some(day) }
        } else {
            Point {
                year: caps.name("dy").and_then(|y| y.as_str().parse().ok()),
                month: number(caps.name("db")).unwrap_or(0),
                day: number(caps.name("da")),
            }
        };
        let year_ok = point.year.is_some_and(|y| (1800..=2099).contains(&y));
        if year_ok && point.valid() && !glued_before(text, whole.start()) && !glued_after(text, whole.end()) {
            push(out, whole.start(), whole.start(), whole.end(), Some(point.iso()), DateKind::Date);
        }
    }
}

/// Two-digit years: 00–69 are 20xx, 70–99 are 19xx.
fn full_year(digits: &str) -> Option<i32> {
    let year: i32 = digits.parse().ok()?;
    Some(match (digits.len(), year) {
        (2, 0..=69) => 2000 + year,
        (2, _) => 1900 + year,
        _ => year,
    })
}

fn scan_relative(text: &str, out: &mut Vec<Candidate>) {
    // Which alternative matched shows in the match's own text, and a plain search is cheaper
    // than capturing: only the weekday forms end in a weekday's name, only "… ago" in "ago",
    // and "yesterday", "today", "tomorrow" stand alone.
    for whole in RELATIVE.find_iter(text) {
        let (start, end, found) = (whole.start(), whole.end(), whole.as_str());
        let last = found.rsplit(' ').next().unwrap_or(found);
        let ok = if WEEKDAYS.iter().any(|w| last.eq_ignore_ascii_case(w)) {
            !weekday_is_a_name(text, end - last.len(), end)
        } else if matches!(found, "Yesterday" | "yesterday" | "Today" | "today" | "Tomorrow" | "tomorrow") {
            // "USA Today", "the Today programme": capitalised inside a sentence it is a title.
            !is_capitalised(found) || at_sentence_start(text, start)
        } else if found.ends_with(" ago") {
            !glued_before(text, start)
        } else {
            true
        };
        if ok {
            push(out, start, start, end, None, DateKind::Relative);
        }
    }
}

/// "Black Friday", "Good Friday", "the Sunday Times", "Saturday Night Live", "the Mail on Sunday".
fn weekday_is_a_name(text: &str, start: usize, end: usize) -> bool {
    const BEFORE: [&str; 12] =
        ["Black", "Cyber", "Good", "Holy", "Ash", "Palm", "Easter", "Super", "Bloody", "Giving", "Maundy", "Small"];
    const AFTER: [&str; 12] = [
        "Times",
        "Telegraph",
        "Mirror",
        "Express",
        "Post",
        "Herald",
        "Mail",
        "Night",
        "Star",
        "Sport",
        "Independent",
        "Tribune",
    ];
    let (previous, previous_start) = word_before(text, start);
    BEFORE.contains(&previous)
        || AFTER.contains(&word_after(text, end))
        || (previous == "on" && word_before(text, previous_start).0 == "Mail")
}

/// Overlapping candidates: the longest claim wins, then the earliest.
fn select(mut candidates: Vec<Candidate>) -> Vec<FoundDate> {
    candidates.sort_by_key(|c| (Reverse(c.found.end - c.claim_start), c.claim_start));
    // Accepted claims by start; they never overlap, so only the nearest one before an end can.
    let mut taken: BTreeMap<usize, (usize, FoundDate)> = BTreeMap::new();
    for c in candidates {
        let overlaps = taken.range(..c.found.end).next_back().is_some_and(|(_, (end, _))| *end > c.claim_start);
        if !overlaps {
            taken.insert(c.claim_start, (c.found.end, c.found));
        }
    }
    taken.into_values().map(|(_, found)| found).collect()
}

// ---------------------------------------------------------------------------------------------
// Context

/// Counts and units after a number: "2000 people", "1500 km", "2014 %", "2000-strong", "1900 GMT".
#[rustfmt::skip]
const QUANTITY_WORDS: &[&str] = &[
    "people", "persons", "users", "members", "employees", "workers", "staff", "jobs", "students", "children",
    "troops", "soldiers", "residents", "visitors", "tourists", "patients", "cases", "deaths", "votes", "voters",
    "households", "homes", "houses", "families", "companies", "firms", "cars", "vehicles", "units", "shares",
    "points", "pages", "words", "copies", "items", "tons", "tonnes", "barrels", "km", "kilometres", "kilometers",
    "miles", "metres", "meters", "m", "feet", "ft", "kg", "kilograms", "pounds", "lbs", "dollars", "euros", "yuan",
    "yen", "calories", "acres", "hectares", "sq", "square", "mw", "gw", "kw", "mph", "times", "years", "months",
    "weeks", "days", "hours", "minutes", "seconds", "percent", "per", "pc", "gmt", "utc", "et", "est", "edt", "bst",
    "cet", "hrs", "local", "strong", "protesters", "passengers", "flights", "stores", "schools", "beds", "officers",
];

/// Words that make a number a label rather than a time: "No. 2014", "Room 2019", "page 1999".
#[rustfmt::skip]
const LABEL_WORDS: &[&str] = &[
    "no", "nos", "number", "room", "flight", "route", "highway", "suite", "apt", "page", "pages", "pp", "p",
    "article", "section", "chapter", "model", "version", "resolution", "rule", "item", "lot", "box", "unit", "code",
    "tel", "phone", "fax", "ext", "gate",
];

fn is_one_of(word: &str, list: &[&str]) -> bool {
    !word.is_empty() && list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn is_capitalised(word: &str) -> bool {
    word.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
}

/// "May" but not "MAY" or "may".
fn is_title(word: &str) -> bool {
    let mut bytes = word.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_uppercase()) && bytes.next().is_none_or(|b| b.is_ascii_lowercase())
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The ASCII word just before `pos` (spaces skipped) and where it starts; "" when there is none.
fn word_before(text: &str, pos: usize) -> (&str, usize) {
    let bytes = text.as_bytes();
    let mut end = pos.min(bytes.len());
    while end > 0 && bytes[end - 1] == b' ' {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
        start -= 1;
    }
    // Only ASCII bytes were stepped over, so both ends are character boundaries.
    (text.get(start..end).unwrap_or(""), start)
}

/// The ASCII word just after `pos` (spaces skipped); "" when there is none.
fn word_after(text: &str, pos: usize) -> &str {
    let rest = text.get(pos..).unwrap_or("").trim_start_matches(' ');
    leading_word(rest)
}

fn leading_word(s: &str) -> &str {
    let len = s.bytes().take_while(u8::is_ascii_alphanumeric).count();
    &s[..len]
}

/// Nothing before a sentence-initial word but punctuation that ends or opens a sentence.
fn at_sentence_start(text: &str, pos: usize) -> bool {
    match text.get(..pos).unwrap_or("").trim_end_matches(' ').chars().next_back() {
        None => true,
        Some(c) => !(c.is_alphanumeric() || c == ',' || c == ';'),
    }
}

/// "Women's March", "Women’s March".
fn possessive_before(text: &str, pos: usize) -> bool {
    let (word, start) = word_before(text, pos);
    word == "s" && matches!(char_before(text, start), Some('\'' | '’'))
}

/// A currency or number sign, or a digit and a separator, right before `pos`: "$2019", "#2019",
/// "1,2019", "555-2014".
fn glued_before(text: &str, pos: usize) -> bool {
    match char_before(text, pos) {
        Some('$' | '£' | '€' | '¥' | '#' | '+' | '@') => true,
        Some(c @ ('.' | ',' | ':' | '/' | '-' | '–')) => {
            char_before(text, pos - c.len_utf8()).is_some_and(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// A bare year also must not hang on a code or label: "COVID-2019", "No. 2014".
fn free_before(text: &str, pos: usize) -> bool {
    if glued_before(text, pos) {
        return false;
    }
    if char_before(text, pos) == Some('-') && char_before(text, pos - 1).is_some_and(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let (mut word, start) = word_before(text, pos);
    if word.is_empty() && text.get(..start).unwrap_or("").trim_end_matches(' ').ends_with('.') {
        let dot = text[..start].trim_end_matches(' ').len() - 1;
        word = word_before(text, dot).0;
    }
    !is_one_of(word, LABEL_WORDS)
}

/// More of a number right after `pos`: a digit, "%", "°", or a separator and a digit ("2019.5").
fn glued_after(text: &str, pos: usize) -> bool {
    let mut chars = text.get(pos..).unwrap_or("").chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some('%' | '°') => true,
        Some('.' | ',' | ':' | '/' | '-' | '–') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// A unit or counted noun right after a number: "2000 people", "1500-km", "2019 %", "2019-nCoV".
fn quantity_after(text: &str, pos: usize) -> bool {
    let rest = text.get(pos..).unwrap_or("");
    if let Some(hyphenated) = rest.strip_prefix('-') {
        let word = leading_word(hyphenated);
        return is_one_of(word, QUANTITY_WORDS) || word.eq_ignore_ascii_case("ncov");
    }
    let rest = rest.trim_start_matches(' ');
    rest.starts_with('%') || is_one_of(leading_word(rest), QUANTITY_WORDS)
}

/// A four-digit number in a list with numbers that are not years ("1200, 1500 and 2000",
/// "555 2014") is one more count.
fn in_count_list(text: &str, start: usize, end: usize) -> bool {
    const LIST: [&str; 3] = [", ", " and ", " or "];
    let mut pos = start;
    for _ in 0..8 {
        let before = text.get(..pos).unwrap_or("");
        let Some(rest) = LIST.iter().chain(&[" "]).find_map(|s| before.strip_suffix(s)) else { break };
        let token = trailing_number(rest);
        if token.is_empty() {
            break;
        }
        if !is_year_token(token) {
            return true;
        }
        pos = rest.len() - token.len();
    }
    let mut pos = end;
    for _ in 0..8 {
        let after = text.get(pos..).unwrap_or("");
        let Some((separator, rest)) = LIST.iter().find_map(|s| after.strip_prefix(s).map(|r| (*s, r))) else { break };
        let token = leading_number(rest);
        let tail = &rest[token.len()..];
        // "In 2015, 300 people died": after a comma, a number is in the list only if it goes on.
        if token.is_empty() || (separator == ", " && !LIST.iter().any(|s| tail.starts_with(s))) {
            break;
        }
        // "1990 and 2000 votes": a count at the end makes the whole list counts.
        if !is_year_token(token) || quantity_after(text, text.len() - tail.len()) {
            return true;
        }
        pos = text.len() - tail.len();
    }
    false
}

/// The number ending `s` ("1,200" in "sold 1,200"), or "".
fn trailing_number(s: &str) -> &str {
    let len = s.bytes().rev().take_while(|b| b.is_ascii_digit() || *b == b',' || *b == b'.').count();
    let start = s.len() - len;
    let token = s[start..].trim_start_matches([',', '.']);
    // "Q1" is a name, not a number.
    let in_word = s[..start].bytes().next_back().is_some_and(|b| b.is_ascii_alphabetic());
    if token.ends_with(|c: char| c.is_ascii_digit()) && !in_word { token } else { "" }
}

/// The number starting `s` ("1,200" in "1,200 people"), or "".
fn leading_number(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut len = 0;
    while len < bytes.len() {
        let digit_follows = bytes.get(len + 1).is_some_and(u8::is_ascii_digit);
        if bytes[len].is_ascii_digit() || (len > 0 && matches!(bytes[len], b',' | b'.') && digit_follows) {
            len += 1;
        } else {
            break;
        }
    }
    &s[..len]
}

fn is_year_token(token: &str) -> bool {
    token.len() == 4 && token.parse::<u32>().is_ok_and(|y| (1800..=2099).contains(&y))
}

// ---------------------------------------------------------------------------------------------
// Calendar

fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        // Without a year, 29 February may still be a date.
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let m = i64::from(month);
    let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u32;
    (year_of_era + era * 400 + i64::from(month <= 2), month, day)
}

/// Monday = 0.
fn weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7)
}

fn iso_day(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// "2019-W47": the ISO week containing `days`.
fn iso_week(days: i64) -> String {
    let thursday = days - weekday(days) + 3;
    let (year, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(year as i32, 1, 1)) / 7 + 1;
    format!("{year:04}-W{week:02}")
}

/// "YYYY-MM" shifted by `delta` months.
fn shift_month(year: i32, month: u32, delta: i64) -> String {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + delta;
    format!("{:04}-{:02}", index.div_euclid(12), index.rem_euclid(12) + 1)
}

/// Which occurrence of a yearless month the text means.
#[derive(Clone, Copy)]
enum Direction {
    Nearest,
    Before,
    After,
    Same,
}

impl Direction {
    fn of(found_text: &str) -> Direction {
        let first = leading_word(found_text.trim_start());
        if first.eq_ignore_ascii_case("last") {
            Direction::Before
        } else if first.eq_ignore_ascii_case("next") {
            Direction::After
        } else if first.eq_ignore_ascii_case("this") {
            Direction::Same
        } else {
            Direction::Nearest
        }
    }

    fn year_for(self, month: u32, (year, anchor_month, _): (i32, u32, u32)) -> i32 {
        match self {
            Direction::Same => year,
            Direction::Before => year - i32::from(month >= anchor_month),
            Direction::After => year + i32::from(month <= anchor_month),
            Direction::Nearest => {
                let ahead = (month + 12 - anchor_month) % 12;
                match (ahead, month < anchor_month) {
                    (0, _) => year,
                    (1..=2, wraps) => year + i32::from(wraps),
                    (_, earlier) => year - i32::from(!earlier),
                }
            }
        }
    }
}

/// "XXXX-01-28" → "2022-01-28"; a range's yearless end follows its start.
fn place_value(value: &str, direction: Direction, anchor: (i32, u32, u32)) -> Option<String> {
    if !value.contains('X') {
        return Some(value.to_string());
    }
    let mut parts = value.split('/');
    let mut from = parse_point(parts.next()?)?;
    let to = parts.next().map(parse_point);
    if parts.next().is_some() {
        return None;
    }
    if from.year.is_none() {
        from.year = Some(match to {
            Some(Some(Point { year: Some(y), month, .. })) => y - i32::from(from.month > month),
            _ => direction.year_for(from.month, anchor),
        });
    }
    match to {
        None => Some(from.iso()),
        Some(to) => {
            let mut to = to?;
            if to.year.is_none() {
                to.year = from.year.map(|y| y + i32::from(to.month < from.month));
            }
            Some(format!("{}/{}", from.iso(), to.iso()))
        }
    }
}

/// "XXXX-09-26" or "2021-07" → a point; None for a bare year or anything else.
fn parse_point(s: &str) -> Option<Point> {
    let mut fields = s.split('-');
    let year = fields.next()?;
    let year = if year == "XXXX" { None } else { Some(year.parse().ok().filter(|y| (0..=9999).contains(y))?) };
    let month = fields.next()?.parse().ok()?;
    let day = match fields.next() {
        Some(d) => Some(d.parse().ok()?),
        None => None,
    };
    let point = Point { year, month, day };
    (fields.next().is_none() && point.valid()).then_some(point)
}

fn resolve_relative(found_text: &str, (year, month, day): (i32, u32, u32)) -> Option<String> {
    let lower = found_text.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let today = days_from_civil(year, month, day);
    if let Some(target) = words.iter().find_map(|w| WEEKDAYS.iter().position(|d| d == w)) {
        let back = (weekday(today) - target as i64).rem_euclid(7);
        let ahead = (7 - back) % 7;
        let offset = match words.first() {
            Some(&"last") => -(if back == 0 { 7 } else { back }),
            Some(&"next") => {
                if ahead == 0 {
                    7
                } else {
                    ahead
                }
            }
            Some(&"this") => ahead,
            // Plain "Friday" in news is the most recent one.
            _ => -back,
        };
        return Some(iso_day(today + offset));
    }
    match words.as_slice() {
        ["yesterday"] => Some(iso_day(today - 1)),
        ["today"] => Some(iso_day(today)),
        ["tomorrow"] => Some(iso_day(today + 1)),
        [.., count, unit, "ago"] => {
            let n = count_word(count)?;
            match unit.trim_end_matches('s') {
                "minute" => Some(iso_day(today - n / 1440)),
                "hour" => Some(iso_day(today - n / 24)),
                "day" => Some(iso_day(today - n)),
                "week" => Some(iso_day(today - 7 * n)),
                "month" => Some(shift_month(year, month, -n)),
                "year" => Some(format!("{:04}", i64::from(year) - n)),
                _ => None,
            }
        }
        [modifier @ .., unit] => {
            let step: i64 = match modifier {
                ["last"] => -1,
                ["next"] => 1,
                ["this"] | ["earlier" | "later", "this"] => 0,
                _ => return None,
            };
            match *unit {
                "week" => Some(iso_week(today + 7 * step)),
                "month" => Some(shift_month(year, month, step)),
                "year" => Some(format!("{:04}", i64::from(year) + step)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// "3" → 3, "a"/"one" → 1, … "twelve" → 12; None for "few", "several".
fn count_word(word: &str) -> Option<i64> {
    const WORDS: [&str; 12] =
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    match word {
        "a" | "an" => Some(1),
        _ => word.parse().ok().or_else(|| (1..).zip(WORDS).find_map(|(n, w)| (w == word).then_some(n))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Row = (String, Option<String>, &'static str);

    /// (span text, value, kind) of every date found.
    fn found(text: &str) -> Vec<Row> {
        find_dates(text).into_iter().map(|d| (text[d.start..d.end].to_string(), d.value, d.kind.as_str())).collect()
    }

    fn row(span: &str, value: Option<&str>, kind: &'static str) -> Row {
        (span.to_string(), value.map(str::to_string), kind)
    }

    fn one(text: &str, span: &str, value: &str, kind: &'static str) {
        assert_eq!(found(text), vec![row(span, Some(value), kind)], "in {text:?}");
    }

    fn relative(text: &str, span: &str) {
        assert_eq!(found(text), vec![row(span, None, "relative")], "in {text:?}");
    }

    fn nothing(text: &str) {
        assert_eq!(found(text), vec![], "in {text:?}");
    }

    #[test]
    fn a_year_that_is_all_of_a_quotation_is_a_title() {
        nothing("Her albums include the record \u{201c}1989.\u{201d} and others.");
        nothing("She sang songs from \"1989,\" her best seller.");
        one("She sang songs from \"the class of 1989,\" her best seller.", "1989", "1989", "year");
    }

    #[test]
    fn month_and_day_without_year() {
        one("The deal closed on Jan. 28 after talks.", "Jan. 28", "XXXX-01-28", "date");
        one("The deal closed on Jan 28 after talks.", "Jan 28", "XXXX-01-28", "date");
        one("The deal closed on January 28.", "January 28", "XXXX-01-28", "date");
        one("The deal closed on January 28th.", "January 28th", "XXXX-01-28", "date");
        one("The deal closed on 28 January.", "28 January", "XXXX-01-28", "date");
        one("The deal closed on the 28th of January.", "28th of January", "XXXX-01-28", "date");
        one("Talks resume on Sept. 1st in Geneva.", "Sept. 1st", "XXXX-09-01", "date");
        one("A vote is due May 4, officials said.", "May 4", "XXXX-05-04", "date");
        one("TALKS END ON NOV 19", "NOV 19", "XXXX-11-19", "date");
    }

    #[test]
    fn full_dates() {
        one("It opened on January 28, 2022 in Paris.", "January 28, 2022", "2022-01-28", "date");
        one("It opened on Jan. 28, 2022, in Paris.", "Jan. 28, 2022", "2022-01-28", "date");
        one("It opened on 28 January 2022.", "28 January 2022", "2022-01-28", "date");
        one("Posted Wednesday, November 20, 2019 by staff", "November 20, 2019", "2019-11-20", "date");
        one("Posted Wednesday 20 November 2019 by staff", "20 November 2019", "2019-11-20", "date");
        one("It rained on November 20th, 2019.", "November 20th, 2019", "2019-11-20", "date");
        one("Filed Nov 19, 2019.", "Nov 19, 2019", "2019-11-19", "date");
        one("Signed on July 4, 1776.", "July 4, 1776", "1776-07-04", "date");
        one("Leap day, Feb. 29, 2020, came.", "Feb. 29, 2020", "2020-02-29", "date");
    }

    #[test]
    fn impossible_days_are_not_dates() {
        nothing("Not on Feb. 30 nor on 31 April.");
        nothing("Feb. 29, 2021 never came.");
    }

    #[test]
    fn times_and_weekdays_stay_out_of_the_span() {
        one("PUBLISHED: November 19, 2019 at 8:59 pm", "November 19, 2019", "2019-11-19", "date");
        one("By Kim Lee - 11/18/19 11:04 PM EST", "11/18/19", "2019-11-18", "date");
        one("Sat, Nov 19 at noon", "Nov 19", "XXXX-11-19", "date");
        one("Thu July 23, 2015", "July 23, 2015", "2015-07-23", "date");
    }

    #[test]
    fn day_ranges() {
        one("The fair runs Sept. 26-28 downtown.", "Sept. 26-28", "XXXX-09-26/XXXX-09-28", "range");
        one("The fair runs September 26 to 28.", "September 26 to 28", "XXXX-09-26/XXXX-09-28", "range");
        one("The fair runs September 26-28, 2021.", "September 26-28, 2021", "2021-09-26/2021-09-28", "range");
        one("The fair runs Sept. 26 - Oct. 2.", "Sept. 26 - Oct. 2", "XXXX-09-26/XXXX-10-02", "range");
        one("Closed Dec. 28 - Jan. 3, 2022.", "Dec. 28 - Jan. 3, 2022", "2021-12-28/2022-01-03", "range");
        one("Closed Dec. 28 – Jan. 3.", "Dec. 28 – Jan. 3", "XXXX-12-28/XXXX-01-03", "range");
        one("From Dec. 28, 2021 to Jan. 3, 2022.", "Dec. 28, 2021 to Jan. 3, 2022", "2021-12-28/2022-01-03", "range");
        one("Held 26-28 September 2021.", "26-28 September 2021", "2021-09-26/2021-09-28", "range");
        one("Held 26 September to 2 October.", "26 September to 2 October", "XXXX-09-26/XXXX-10-02", "range");
        one("Held between May 5 and 7.", "May 5 and 7", "XXXX-05-05/XXXX-05-07", "range");
    }

    #[test]
    fn and_without_between_is_two_dates() {
        assert_eq!(
            found("Rallies on May 5 and 7 drew crowds."),
            vec![row("May 5", Some("XXXX-05-05"), "date")],
            "a bare 7 is no date"
        );
    }

    #[test]
    fn year_ranges() {
        one("Sales rose from 2015 to 2016.", "2015 to 2016", "2015/2016", "range");
        one("Sales rose 2015 to 2016.", "2015 to 2016", "2015/2016", "range");
        one("Sales rose between 2010 and 2015.", "2010 and 2015", "2010/2015", "range");
        one("He served 2008-2016 as mayor.", "2008-2016", "2008/2016", "range");
        one("He served 2008–16 as mayor.", "2008–16", "2008/2016", "range");
        one("The 2022/23 season starts soon.", "2022/23", "2022/2023", "range");
        one("The 1999/00 season started late.", "1999/00", "1999/2000", "range");
        one("The 2019-20 budget passed.", "2019-20", "2019/2020", "range");
        one(
            "Prices fell February 2016 through May 2017.",
            "February 2016 through May 2017",
            "2016-02/2017-05",
            "range",
        );
        one("Prices fell from February to May 2017.", "February to May 2017", "2017-02/2017-05", "range");
        one("Prices fell from November to February 2017.", "November to February 2017", "2016-11/2017-02", "range");
    }

    #[test]
    fn backwards_ranges_are_not_ranges() {
        nothing("Scores of 2016-2015 appear.");
        nothing("He won 1990 and 2000 votes.");
    }

    #[test]
    fn months() {
        one("Sales rose in July 2021.", "July 2021", "2021-07", "month");
        one("Sales rose in July, 2021.", "July, 2021", "2021-07", "month");
        one("Sales rose in March of 2020.", "March of 2020", "2020-03", "month");
        one("Sales rose in July.", "July", "XXXX-07", "month");
        one("Sales rose sharply in Nov. and fell.", "Nov.", "XXXX-11", "month");
        one("Sales rose in May.", "May", "XXXX-05", "month");
        one("Sales rose in May 2021.", "May 2021", "2021-05", "month");
        one("Sales rose until May, he said.", "May", "XXXX-05", "month");
        one("The report is due in mid-December.", "mid-December", "XXXX-12", "month");
        one("The report is due in late January.", "late January", "XXXX-01", "month");
        one("Early January is quiet.", "Early January", "XXXX-01", "month");
        one("The report is due by the end of August.", "end of August", "XXXX-08", "month");
        one("The report came out last October.", "last October", "XXXX-10", "month");
        one("The report is due in late July 2021.", "late July 2021", "2021-07", "month");
        one("Shops reopen this May.", "this May", "XXXX-05", "month");
        one("The March jobs report beat forecasts.", "March", "XXXX-03", "month");
        one("Sales fell in March.", "March", "XXXX-03", "month");
    }

    #[test]
    fn a_month_after_a_month_and_conjunction() {
        assert_eq!(
            found("Sales fell in April and May."),
            vec![row("April", Some("XXXX-04"), "month"), row("May", Some("XXXX-05"), "month")]
        );
    }

    #[test]
    fn years() {
        one("He moved there in 2014.", "2014", "2014", "year");
        one("He has lived there since 2015.", "2015", "2015", "year");
        one("Emissions must fall by 2030.", "2030", "2030", "year");
        one("The 2020 election was close.", "2020", "2020", "year");
        one("Pre-2020 levels are far off.", "2020", "2020", "year");
        one("© 2021 Bloomberg LP", "2021", "2021", "year");
        one("Rates rise by the end of 2020.", "end of 2020", "2020", "year");
        one("Rates rise by end of 2020.", "end of 2020", "2020", "year");
        one("Rates rose in late 2020.", "late 2020", "2020", "year");
        one("Rates fall in early 2021.", "early 2021", "2021", "year");
        one("Rates fall by mid-2021.", "mid-2021", "2021", "year");
        one("Mid-2021 looks better.", "Mid-2021", "2021", "year");
        one("Profits grew in the first quarter of 2021.", "first quarter of 2021", "2021", "year");
        one("The castle fell in 1066.", "1066", "1066", "year");
        one("In the year 1066 it fell.", "1066", "1066", "year");
        one("In Q1 2021, profit rose.", "2021", "2021", "year");
        assert_eq!(
            found("Sales rose in 2014, 2015 and 2016."),
            vec![
                row("2014", Some("2014"), "year"),
                row("2015", Some("2015"), "year"),
                row("2016", Some("2016"), "year")
            ]
        );
        one("In 2015, 300 people died.", "2015", "2015", "year");
    }

    #[test]
    fn numeric_dates() {
        one("Filed 2019-11-18 by staff", "2019-11-18", "2019-11-18", "date");
        one("2019-11-18T20:51:19Z", "2019-11-18", "2019-11-18", "date");
        one("Filed 2019/11/18 by staff", "2019/11/18", "2019-11-18", "date");
        one("Filed 11/13/19 by staff", "11/13/19", "2019-11-13", "date");
        one("Filed 11/13/2019 by staff", "11/13/2019", "2019-11-13", "date");
        one("Filed 13/11/2019 by staff", "13/11/2019", "2019-11-13", "date");
        one("Filed 4/5/85 by staff", "4/5/85", "1985-04-05", "date");
        one("Filed 19.01.2020 by staff", "19.01.2020", "2020-01-19", "date");
        one("Filed 01.02.2020 by staff", "01.02.2020", "2020-02-01", "date");
    }

    #[test]
    fn numeric_lookalikes() {
        nothing("Mixed 2019-11/18 separators, 13/13/2019, 2019-13-01, 1.19.01.2020 and 9/11.");
        nothing("Open 24/7, a 1/3 share, version 1.2.20 and 12/25/2019/4.");
    }

    #[test]
    fn relative_expressions() {
        relative("He resigned on Friday.", "Friday");
        relative("Tuesday was calm.", "Tuesday");
        relative("He resigned last Friday.", "last Friday");
        relative("He resigned yesterday.", "yesterday");
        relative("Today, markets fell.", "Today");
        relative("Markets fell today.", "today");
        relative("He leaves tomorrow.", "tomorrow");
        relative("Sales fell last month.", "last month");
        relative("Sales fell last week.", "last week");
        relative("Sales fell last year.", "last year");
        relative("Sales fell this year.", "this year");
        relative("Sales rise next year.", "next year");
        relative("Sales rise next month.", "next month");
        relative("Sales fell earlier this month.", "earlier this month");
        relative("Sales fell over the past year.", "the past year");
        relative("He left three days ago.", "three days ago");
        relative("He left 5 hours ago.", "5 hours ago");
        relative("A year ago it was worse.", "A year ago");
        relative("He left the same day.", "the same day");
    }

    #[test]
    fn weekday_and_day_names() {
        nothing("Black Friday sales and Good Friday services.");
        nothing("The Sunday Times and the Mail on Sunday ran it.");
        nothing("She told USA Today about it.");
        nothing("Sun, Wed and Sat are abbreviations.");
        nothing("Fridays are quiet.");
    }

    #[test]
    fn month_words_that_are_not_months() {
        nothing("Investors may sell.");
        nothing("May I ask a question?");
        nothing("Theresa May said no.");
        nothing("A deal that Prime Minister May backed.");
        nothing("May May May");
        nothing("Protesters march on the capital.");
        nothing("The March on Washington drew crowds.");
        nothing("They joined the Women's March.");
        nothing("They joined the Women’s March.");
        nothing("March to the square, he urged.");
        nothing("Jan Smith said so.");
        nothing("The august institution spoke.");
        nothing("June Carter sang.");
        nothing("APRIL was shouted.");
    }

    #[test]
    fn abbreviated_january_with_a_day_is_a_date() {
        one("The Jan 6 probe", "Jan 6", "XXXX-01-06", "date");
        one("The Jan. 6 probe", "Jan. 6", "XXXX-01-06", "date");
    }

    #[test]
    fn numbers_that_are_not_years() {
        nothing("Code 6005 failed.");
        nothing("They won 4-1.");
        nothing("Located at 32° 34’S.");
        nothing("It cost $2019 and 2,019 euros.");
        nothing("It grew 1.2 times in 10 years.");
        nothing("About 2,000 people came.");
        nothing("About 2000 people came, 1500 km away, 3000 users.");
        nothing("A 2000-strong crowd gathered at 1900 GMT.");
        nothing("He is No. 1 and No. 2014 on the list.");
        nothing("Room 2019 is on page 1999.");
        nothing("COVID-19 hit Boeing 737 lines, Windows 10, iPhone 11 and 5G.");
        nothing("Call 555-2014 or (212) 555 2014.");
        nothing("The 2019-nCoV virus and COVID-2019.");
        nothing("Growth of 2014% or 2014 % or 2019.5 points.");
        nothing("Years 2100 and 1700 are out of range.");
        nothing("Scores were 1200, 1500 and 2000.");
        nothing("The chart shows 2000, 2500 and 3000.");
        nothing("The #2019 tag.");
    }

    #[test]
    fn several_dates_in_text_order() {
        let text = "On Friday, Nov. 15, 2019, talks began; by late 2020 and last month they stalled.";
        assert_eq!(
            found(text),
            vec![
                row("Nov. 15, 2019", Some("2019-11-15"), "date"),
                row("late 2020", Some("2020"), "year"),
                row("last month", None, "relative"),
            ]
        );
    }

    #[test]
    fn odd_input_never_panics() {
        let inputs = [
            "",
            " ",
            "2019",
            "0000000000000000",
            "12345678901234567890",
            "日本語のテキスト 2019年",
            "😀 May 😀 2019 😀",
            "May May May",
            "–—–",
            "1/1/1",
            "31/31/31",
            "2019-",
            "-2019",
            "$",
            "No.",
            "é2019é",
            "Jan.",
            "’19",
            "“May 4”",
            "Sept. 26 - ",
            "between 2010 and",
            "29.02.2019",
            "Mail on Sunday",
        ];
        for input in inputs {
            for d in find_dates(input) {
                assert!(input.is_char_boundary(d.start) && input.is_char_boundary(d.end) && d.start < d.end);
                let _ = resolve(&input[d.start..d.end], &d, (2022, 2, 3));
            }
            let _ = parse_publication_date(input);
        }
        assert_eq!(found("“May 4”"), vec![row("May 4", Some("XXXX-05-04"), "date")]);
        assert_eq!(found("日本語 in 2019 😀"), vec![row("2019", Some("2019"), "year")]);
    }

    /// Every pair and triple of awkward fragments: spans must stay valid, sorted and disjoint.
    #[test]
    fn generated_input_never_panics() {
        let fragments = [
            "May", " ", "2019", "-", "–", "/", ".", ",", "Jan.", "28", "th", "of", "between", "and", "😀", "é", "’",
            "last", "Friday", "ago", "3", "12", "$", "No.", "mid-", "end of ", "T", ":", "%", "people",
        ];
        let mut text = String::new();
        for a in fragments {
            for b in fragments {
                for c in fragments {
                    text.clear();
                    text.extend([a, b, c, " ", a, c]);
                    let dates = find_dates(&text);
                    for pair in dates.windows(2) {
                        assert!(pair[0].end <= pair[1].start, "in {text:?}");
                    }
                    for d in &dates {
                        assert!(d.start < d.end && text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
                        let _ = resolve(&text[d.start..d.end], d, (2020, 2, 29));
                    }
                    let _ = parse_publication_date(&text);
                }
            }
        }
    }

    fn resolved(text: &str, anchor: (i32, u32, u32)) -> Option<String> {
        let dates = find_dates(text);
        assert_eq!(dates.len(), 1, "in {text:?}");
        resolve(&text[dates[0].start..dates[0].end], &dates[0], anchor)
    }

    #[test]
    fn resolve_yearless_values() {
        assert_eq!(resolved("Jan. 28", (2022, 2, 3)).as_deref(), Some("2022-01-28"));
        assert_eq!(resolved("Dec. 28", (2022, 1, 5)).as_deref(), Some("2021-12-28"));
        assert_eq!(resolved("Jan. 3", (2021, 12, 20)).as_deref(), Some("2022-01-03"));
        assert_eq!(resolved("in August", (2021, 6, 1)).as_deref(), Some("2021-08"));
        assert_eq!(resolved("in September", (2021, 6, 1)).as_deref(), Some("2020-09"));
        assert_eq!(resolved("last October", (2022, 11, 2)).as_deref(), Some("2022-10"));
        assert_eq!(resolved("last October", (2022, 10, 2)).as_deref(), Some("2021-10"));
        assert_eq!(resolved("next March", (2022, 3, 2)).as_deref(), Some("2023-03"));
        assert_eq!(resolved("Dec. 28 - Jan. 3", (2022, 1, 10)).as_deref(), Some("2021-12-28/2022-01-03"));
        assert_eq!(resolved("Sept. 26-28", (2021, 10, 1)).as_deref(), Some("2021-09-26/2021-09-28"));
        assert_eq!(resolved("January 28, 2020", (2022, 2, 3)).as_deref(), Some("2020-01-28"));
        assert_eq!(resolved("2015 to 2016", (2022, 2, 3)).as_deref(), Some("2015/2016"));
    }

    #[test]
    fn resolve_relative_expressions() {
        let wednesday = (2019, 11, 20);
        assert_eq!(resolved("on Friday", wednesday).as_deref(), Some("2019-11-15"));
        assert_eq!(resolved("on Wednesday", wednesday).as_deref(), Some("2019-11-20"));
        assert_eq!(resolved("last Wednesday", wednesday).as_deref(), Some("2019-11-13"));
        assert_eq!(resolved("next Friday", wednesday).as_deref(), Some("2019-11-22"));
        assert_eq!(resolved("this Friday", wednesday).as_deref(), Some("2019-11-22"));
        assert_eq!(resolved("yesterday", (2020, 3, 1)).as_deref(), Some("2020-02-29"));
        assert_eq!(resolved("today", wednesday).as_deref(), Some("2019-11-20"));
        assert_eq!(resolved("tomorrow", (2019, 12, 31)).as_deref(), Some("2020-01-01"));
        assert_eq!(resolved("last month", (2022, 1, 5)).as_deref(), Some("2021-12"));
        assert_eq!(resolved("next month", (2022, 12, 5)).as_deref(), Some("2023-01"));
        assert_eq!(resolved("earlier this month", (2022, 12, 5)).as_deref(), Some("2022-12"));
        assert_eq!(resolved("last year", wednesday).as_deref(), Some("2018"));
        assert_eq!(resolved("this year", wednesday).as_deref(), Some("2019"));
        assert_eq!(resolved("next year", wednesday).as_deref(), Some("2020"));
        assert_eq!(resolved("last week", wednesday).as_deref(), Some("2019-W46"));
        assert_eq!(resolved("next week", (2020, 12, 30)).as_deref(), Some("2021-W01"));
        assert_eq!(resolved("three days ago", wednesday).as_deref(), Some("2019-11-17"));
        assert_eq!(resolved("2 months ago", wednesday).as_deref(), Some("2019-09"));
        assert_eq!(resolved("the past year", wednesday), None);
        assert_eq!(resolved("the same day", wednesday), None);
        assert_eq!(resolved("a few days ago", wednesday), None);
    }

    #[test]
    fn resolve_rejects_impossible_anchors() {
        assert_eq!(resolved("yesterday", (2019, 2, 30)), None);
        assert_eq!(resolved("yesterday", (2019, 0, 1)), None);
        assert_eq!(resolved("next year", (i32::MAX, 1, 1)), None);
        let forged = FoundDate { start: 0, end: 0, value: Some("2147483647-12/XXXX-01".into()), kind: DateKind::Range };
        assert_eq!(resolve("", &forged, (2020, 1, 1)), None);
    }

    #[test]
    fn calendar_round_trip() {
        for days in [-800_000, -1, 0, 1, 18_000, 19_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y as i32, m, d), days);
        }
        assert_eq!(iso_day(0), "1970-01-01");
        assert_eq!(weekday(days_from_civil(2019, 11, 20)), 2);
        assert_eq!(iso_week(days_from_civil(2021, 1, 3)), "2020-W53");
    }

    #[test]
    fn publication_dates() {
        let cases = [
            ("Published 3:04 PM ET, Thu July 23, 2015", ("2015-07-23", "day")),
            ("Updated 1:39 am EST, Wednesday, November 20, 2019", ("2019-11-20", "day")),
            ("By Kim Lee - 11/18/19 11:04 PM EST", ("2019-11-18", "day")),
            ("2019-11-18T20:51:19Z", ("2019-11-18", "day")),
            ("© 2021 Bloomberg LP", ("2021", "year")),
            ("Last Updated: January 7, 2025", ("2025-01-07", "day")),
            ("PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 20, 2019 at 9:00 am", ("2019-11-19", "day")),
            ("Posted in March 2020", ("2020-03", "month")),
            ("Copyright 2020. Posted 2021-02-03", ("2021-02-03", "day")),
        ];
        for (line, (value, precision)) in cases {
            assert_eq!(parse_publication_date(line), Some((value.to_string(), precision)), "in {line:?}");
        }
        assert_eq!(parse_publication_date("BEIJING, Jan 28 (Reuters) -"), None);
        assert_eq!(parse_publication_date("Posted on Friday"), None);
    }

    #[test]
    fn kinds_have_their_names() {
        let kinds = [DateKind::Date, DateKind::Month, DateKind::Year, DateKind::Range, DateKind::Relative];
        assert_eq!(kinds.map(DateKind::as_str), ["date", "month", "year", "range", "relative"]);
    }
}
