//! Synthetic news articles for benchmarks, built from the page patterns of `fixtures/`.
//!
//! Everything here is invented: the names, outlets, companies, quotes and events are assembled
//! at random from small word lists (real wire agencies appear only as datelines and credits,
//! as they do in the fixtures). The same seed and index always give the same article, whatever
//! order articles are generated in.
//!
//! Shared by `examples/gen_corpus.rs` and `benches/pipeline.rs` (included with `#[path]`).

use std::fmt::Write as _;

/// xorshift64* — tiny, fast and deterministic; good enough to pick words.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // splitmix64 of the seed, so nearby seeds give unrelated streams and 0 is not a state.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    /// The stream of article `index` of a corpus generated with `seed`.
    pub fn for_article(seed: u64, index: u64) -> Rng {
        Rng::new(seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Word lists (invented)
// ---------------------------------------------------------------------------------------------

const GIVEN: &[&str] = &[
    "Amara", "Tobias", "Ingrid", "Rafael", "Mei-ling", "Oluwaseun", "Katarzyna", "Dmitri", "Leilani", "Henrik",
    "Priyanka", "Mateo", "Sigrid", "Kwabena", "Yuki", "Bronwen", "Farid", "Camille", "Desmond", "Ngozi",
    "Anneliese", "Tariq", "Rosalind", "Jun-ho", "Esperanza", "Callum", "Svetlana", "Idris", "Marisol", "Bartholomew",
    "Thandiwe", "Lorenzo", "Aiko", "Gunnar", "Fatima", "Eamon", "Valentina", "Hiroshi", "Marguerite", "Obinna",
    "Ilse", "Rupert", "Soo-jin", "Alejandro", "Niamh", "Kofi", "Annika", "Vikram", "Delphine", "Ezra",
    "Linnea", "Cormac", "Ayesha", "Stellan", "Paloma", "Wendell", "Chiara", "Bao", "Rosario", "Teodor",
];

const FAMILY: &[&str] = &[
    "Okonkwo", "Lindqvist", "Achterberg", "Moreau", "Castellanos", "Nakamura", "Pettersen", "Oyelaran", "Whitcombe", "Haddad",
    "Brennan-Ruiz", "Kowalczyk", "Fairweather", "Mbeki-Laine", "Sørensen", "Delacroix", "Yamaguchi", "O'Shaughnessy", "Varga", "Ferreira",
    "Abernathy", "Quispe", "Rautio", "Bellweather", "Tanaka-Hill", "Adeyemi", "Marchetti", "Holloway", "Ivanova", "Drummond",
    "Kerrigan", "Zhou", "Mwangi", "Ostrowski", "Thorne", "Valdés", "Gallagher", "Ekström", "Nwosu", "Carrington",
    "Desai", "Lockhart", "Albrecht", "Ramírez", "Fitzwilliam", "Obuya", "Lindgren", "Petrakis", "Ashdown", "Kimura",
    "de la Fuente", "van der Linde", "MacAllister", "Boateng", "Halvorsen", "Szabo", "Pemberton", "Ruiz-Tagle", "Osei", "Vance",
];

const CITIES: &[(&str, &str)] = &[
    ("LONDON", ""), ("FRANKFURT", ""), ("SINGAPORE", ""), ("TOKYO", ""), ("NAIROBI", ""), ("SAO PAULO", ""),
    ("TORONTO", ""), ("SYDNEY", ""), ("MUMBAI", ""), ("OSLO", ""), ("MADRID", ""), ("SEOUL", ""),
    ("COLUMBUS", "Ohio"), ("DENVER", "Colo."), ("SACRAMENTO", "Calif."), ("AUSTIN", "Texas"), ("TAMPA", "Fla."),
    ("PORTLAND", "Ore."), ("ALBANY", "N.Y."), ("BOISE", "Idaho"), ("LAGOS", ""), ("WELLINGTON", ""),
];

const REGIONS: &[&str] = &[
    "the Midlands", "the Pacific Northwest", "northern Italy", "the Ruhr valley", "coastal Kenya", "Western Australia",
    "the Great Lakes region", "southern Brazil", "the Baltic states", "Hokkaido", "the Gulf Coast", "Patagonia",
];

/// Invented outlets: (name, web domain, kind).
const OUTLETS: &[(&str, &str, Style)] = &[
    ("The Harborview Tribune", "harborviewtribune.example", Style::Local),
    ("Northgate Courier", "northgatecourier.example", Style::UkSite),
    ("Meridian Business Review", "meridianbiz.example", Style::Magazine),
    ("FinLedger Daily", "finledger.example", Style::Aggregator),
    ("The Valley Sentinel", "valleysentinel.example", Style::Local),
    ("Circuit & Silicon", "circuitsilicon.example", Style::Blog),
    ("Pacific Rim Monitor", "pacrimmonitor.example", Style::Wire),
    ("The Lakeshore Gazette", "lakeshoregazette.example", Style::FrontMatter),
    ("Global Markets Wire", "gmwire.example", Style::Wire),
    ("Eastbrook Evening Post", "eastbrookpost.example", Style::UkSite),
    ("TechPulse Weekly", "techpulse.example", Style::Blog),
    ("Capital Signal", "capitalsignal.example", Style::Magazine),
    ("Newsline 24", "newsline24.example", Style::Network),
    ("Summit Broadcast News", "summitnews.example", Style::Network),
    ("The Copper County Herald", "coppercountyherald.example", Style::Local),
    ("Wire Release Hub", "wirereleasehub.example", Style::PressRelease),
];

/// Wire services credited in datelines and credit lines (names as the fixtures use them).
const AGENCIES: &[(&str, &str)] = &[("Reuters", "Reuters"), ("AP", "Associated Press"), ("AFP", "AFP"), ("Bloomberg", "Bloomberg")];

const COMPANY_STEMS: &[&str] = &[
    "Alder Peak", "Brightwater", "Cobalt Ridge", "Duneline", "Emberfield", "Fernhollow", "Granite Arc", "Halcyon Rail",
    "Ironbark", "Juniper Freight", "Kestrel Foods", "Lumenway", "Marlowe Chemicals", "Northstar Grid", "Orchard Lane",
    "Pinecrest Media", "Quarry Bay", "Redfern Motors", "Silverline Telecom", "Tidewater Energy", "Umber Textiles",
    "Vireo Robotics", "Westmarch Bank", "Yarrow Pharma", "Zephyr Aviation", "Bluehaven Insurance", "Crestmoor Steel",
    "Driftwood Games", "Evergreen Logistics", "Foxglove Semiconductors",
];

const COMPANY_SUFFIXES: &[&str] = &[
    "Inc.", "Corp.", "Ltd", "PLC", "AG", "GmbH", "NV", "SA", "Co.", "LLC", "Holdings", "Group", "Co., Ltd.", "Pte Ltd",
];

/// Government bodies: (name, acronym or "").
const AGENCY_BODIES: &[(&str, &str)] = &[
    ("Ministry of Transport", ""), ("Department of Energy", "DOE"), ("National Competition Authority", "NCA"),
    ("Financial Markets Commission", "FMC"), ("Environmental Protection Agency", "EPA"), ("State Water Board", ""),
    ("Ministry of Finance", ""), ("Office of the Telecoms Regulator", "OTR"), ("Federal Aviation Safety Board", "FASB"),
    ("Department of Health and Social Care", ""), ("Energy Markets Authority", "EMA"), ("Public Utilities Commission", "PUC"),
    ("Ministry of Agriculture and Fisheries", ""), ("Consumer Protection Bureau", "CPB"), ("Data Protection Office", "DPO"),
];

const ROLES_COMPANY: &[&str] = &[
    "chief executive", "Chief Executive Officer", "chief financial officer", "head of operations", "chief economist",
    "founder and chairman", "senior vice president for sales", "general counsel", "head of investor relations",
    "managing director", "chief technology officer", "head of research",
];

const ROLES_GOV: &[&str] = &["minister", "deputy director", "commissioner", "senior official", "chief inspector", "spokesperson"];

const PREFIX_TITLES: &[&str] = &["Dr.", "Senator", "Rep.", "Judge", "Commissioner", "Governor", "Vice Minister", "Professor", "Mayor"];

const UNIVERSITIES: &[&str] = &["Halden University", "the Institute for Trade Studies", "Kingsbridge College", "the University of Westmarch", "Eastvale Polytechnic"];

const SECTIONS: &[&str] = &["Business", "Markets", "Technology", "Energy", "Politics", "World", "Health", "Cyber Security", "Transport", "Economy"];

const HEADLINE_SUBJECTS: &[&str] = &["regulator", "watchdog", "ministry", "court", "board", "union", "investor group", "council", "senator"];

const GROUPS: &[&str] = &["lawmakers", "shareholders", "investors", "unions", "suppliers", "residents", "analysts", "officials", "economists"];

const HEADLINE_VERBS: &[&str] = &[
    "weighs fine over", "opens probe into", "approves", "warns over", "delays decision on", "backs", "cuts forecast for",
    "pushes for sale of", "blocks", "questions",
];

const TOPICS: &[&str] = &[
    "power grid upgrade", "freight rates", "chip subsidies", "data centre", "water permit", "rail franchise", "drug pricing",
    "broadband rollout", "wind farm", "port expansion", "pension fund", "airline slots", "battery plant", "steel tariffs",
];

/// Quote subjects: plural ones take the first verb form, singular ones the second.
const Q_PLURAL: &[&str] = &["We", "Our customers", "Families", "Investors", "Our members", "Small firms", "People here", "Drivers"];
const Q_SINGULAR: &[&str] = &["The company", "Everyone in this industry", "This decision", "The market", "The board", "The government", "This town", "Nobody"];

const Q_VERBS: &[(&str, &str)] = &[
    ("will not accept", "will not accept"), ("have been waiting for", "has been waiting for"), ("cannot ignore", "cannot ignore"),
    ("expect to see", "expects to see"), ("never promised", "never promised"), ("are ready for", "is ready for"),
    ("underestimated", "underestimated"), ("need", "needs"), ("will fight", "will fight"), ("welcome", "welcomes"),
    ("did not ask for", "did not ask for"), ("are still studying", "is still studying"), ("will pay for", "will pay for"),
    ("deserve", "deserves"), ("were promised", "was promised"), ("can live with", "can live with"), ("want", "wants"),
];

const Q_OBJECTS: &[&str] = &[
    "a decision like this", "the new rules", "another year of delays", "higher prices", "these numbers", "a fair hearing",
    "more clarity", "the next quarter", "a second demand", "the full report", "real competition", "this kind of risk",
    "a proper plan for the workers", "cheaper energy", "an honest answer", "the paperwork", "a bigger factory", "the old timetable",
    "a seat at the table", "lower fees", "a clean audit",
];

const Q_TAILS: &[&str] = &[
    "", " this year", " any time soon", " before the summer", ", and we said so from the start", ", whatever the board decides",
    " in the long run", " without a fight", ", frankly", " by the end of the month",
];

const PARTIALS: &[&str] = &[
    "long overdue", "deeply disappointing", "a step in the right direction", "not good enough", "open to remedies",
    "fierce competition", "a serious breach", "on track", "water positive", "a fraction of the cost", "anxious and in the dark",
];

const SAY_VERBS: &[&str] = &["said", "added", "told reporters", "said in a statement", "wrote in a letter", "said on a call with analysts"];

const FILLER: &[&str] = &[
    "The decision follows months of talks between the two sides and several delays to the timetable.",
    "Analysts had expected a smaller move, and shares swung sharply in early trading.",
    "The plan still needs the approval of shareholders at a meeting later in the year.",
    "Critics say the rules are too vague and will be challenged in court.",
    "The figures were published alongside the quarterly results and a revised outlook.",
    "Several smaller suppliers said they had not been consulted before the announcement.",
    "The project has been delayed twice because of rising costs for materials and labour.",
    "Local councils have asked for more time to study the environmental report.",
    "Prices may fall further next year if demand does not recover, according to industry estimates.",
    "Union leaders said they would march on the ministry if talks broke down.",
];

const RELATED: &[&str] = &[
    "Five things to watch in the markets this week", "Why freight costs are rising again", "Explainer: how the new rules work",
    "Opinion: the case for cheaper power", "Regional airline adds three routes", "Council approves budget after late vote",
];

const MONTHS: &[&str] = &["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_AP: &[&str] = &["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const MONTHS_SHORT: &[&str] = &["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

// ---------------------------------------------------------------------------------------------
// Article model
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Wire,
    Local,
    UkSite,
    Magazine,
    Blog,
    Aggregator,
    FrontMatter,
    Network,
    PressRelease,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marks {
    Curly,
    Straight,
    British,
}

impl Marks {
    fn open(self) -> &'static str {
        match self {
            Marks::Curly => "\u{201c}",
            Marks::Straight => "\"",
            Marks::British => "\u{2018}",
        }
    }
    fn close(self) -> &'static str {
        match self {
            Marks::Curly => "\u{201d}",
            Marks::Straight => "\"",
            Marks::British => "\u{2019}",
        }
    }
    fn apostrophe(self) -> &'static str {
        if self == Marks::Straight { "'" } else { "\u{2019}" }
    }
}

#[derive(Debug, Clone)]
struct Person {
    given: &'static str,
    family: &'static str,
    /// "Dr.", "Senator" … or "".
    prefix: &'static str,
    /// "chief executive of Brightwater Inc." or "an analyst at …".
    role: String,
    pronoun: &'static str,
    honorific: &'static str,
}

impl Person {
    fn full(&self) -> String {
        format!("{} {}", self.given, self.family)
    }
    fn titled(&self) -> String {
        if self.prefix.is_empty() { self.full() } else { format!("{} {}", self.prefix, self.full()) }
    }
}

/// One generated article and the metadata a scraper would have stored beside it.
#[derive(Debug, Clone)]
pub struct Generated {
    pub text: String,
    pub outlet: String,
    /// ISO date of publication.
    pub published: String,
    pub url: String,
    /// Windows-1252 bytes instead of UTF-8 (a few scraped files are).
    pub cp1252: bool,
}

impl Generated {
    /// The bytes to write to a `.txt` file.
    pub fn bytes(&self) -> Vec<u8> {
        if self.cp1252 { to_cp1252(&self.text) } else { self.text.as_bytes().to_vec() }
    }
}

struct Ctx<'r> {
    rng: &'r mut Rng,
    marks: Marks,
    year: u32,
    month: usize,
    people: Vec<Person>,
    companies: Vec<(String, String)>,
    bodies: Vec<(&'static str, &'static str)>,
    city: (&'static str, &'static str),
    agency: (&'static str, &'static str),
}

fn company(rng: &mut Rng) -> (String, String) {
    let stem = rng.pick(COMPANY_STEMS);
    (format!("{stem} {}", rng.pick(COMPANY_SUFFIXES)), stem.to_string())
}

fn person(rng: &mut Rng, companies: &[(String, String)], bodies: &[(&'static str, &'static str)]) -> Person {
    let given = rng.pick(GIVEN);
    let family = rng.pick(FAMILY);
    let (pronoun, honorific) = if rng.chance(0.5) { ("she", "Ms") } else { ("he", "Mr") };
    let mut prefix = "";
    let role = match rng.below(6) {
        0 | 1 => {
            let (c, _) = &companies[rng.below(companies.len())];
            format!("{} of {c}", rng.pick(ROLES_COMPANY))
        }
        2 => {
            let (c, _) = &companies[rng.below(companies.len())];
            format!("an analyst at {c}")
        }
        3 if !bodies.is_empty() => {
            let (b, _) = bodies[rng.below(bodies.len())];
            format!("{} at the {b}", rng.pick(ROLES_GOV))
        }
        4 => {
            prefix = rng.pick(PREFIX_TITLES);
            format!("who teaches economics at {}", rng.pick(UNIVERSITIES))
        }
        _ => format!("a resident of {}", rng.pick(REGIONS)),
    };
    Person { given, family, prefix, role, pronoun, honorific }
}

impl Ctx<'_> {
    fn apos(&self) -> &'static str {
        self.marks.apostrophe()
    }

    /// One to three invented quoted sentences, with the article's apostrophes.
    fn quote_text(&mut self) -> String {
        let n = self.rng.range(1, 3);
        let mut out = String::new();
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            let (s, v) = if self.rng.chance(0.5) {
                (self.rng.pick(Q_PLURAL), Q_VERBS[self.rng.below(Q_VERBS.len())].0)
            } else {
                (self.rng.pick(Q_SINGULAR), Q_VERBS[self.rng.below(Q_VERBS.len())].1)
            };
            let o = self.rng.pick(Q_OBJECTS);
            let t = self.rng.pick(Q_TAILS);
            let sentence = format!("{s} {v} {o}{t}");
            // Contractions give the apostrophe rules something to do.
            let sentence = if self.rng.chance(0.3) {
                sentence.replacen("will not", &format!("won{}t", self.apos()), 1).replacen("did not", &format!("didn{}t", self.apos()), 1)
            } else {
                sentence
            };
            out.push_str(&sentence);
            out.push('.');
        }
        out
    }

    fn date_phrase(&mut self) -> String {
        let y = self.year;
        let m = self.rng.below(12);
        let d = self.rng.range(1, 28);
        match self.rng.below(16) {
            0 => format!("{} {d}, {y}", MONTHS[m]),
            1 => format!("{} {d}", MONTHS_AP[m]),
            2 => format!("{d} {} {y}", MONTHS[m]),
            3 => format!("{y}-{:02}-{d:02}", m + 1),
            4 => format!("{:02}/{d:02}/{}", m + 1, y % 100),
            5 => format!("{d:02}/{:02}/{y}", m + 1),
            6 => format!("{} {d}-{}", MONTHS_AP[m], d + 2),
            7 => format!("mid-{}", MONTHS[m]),
            8 => format!("the end of {}", y - 1),
            9 => format!("last {}", WEEKDAYS[self.rng.below(5)]),
            10 => format!("fiscal {y}"),
            11 => format!("{} {y}", MONTHS[m]),
            12 => format!("{d} to {} {}", d + 2, MONTHS[m]),
            13 => format!("Q{} {}", self.rng.range(1, 4), y - 1),
            14 => "early next year".to_string(),
            _ => format!("{} {d}", MONTHS[m]),
        }
    }

    fn money(&mut self) -> String {
        match self.rng.below(5) {
            0 => format!("${}.{} billion", self.rng.range(1, 40), self.rng.below(10)),
            1 => format!("{} million euros", self.rng.range(5, 900)),
            2 => format!("\u{a3}{}.{}bn", self.rng.range(1, 9), self.rng.below(10)),
            3 => format!("{} trillion won", self.rng.range(1, 9)),
            _ => format!("CHF {} million", self.rng.range(10, 500)),
        }
    }

    fn pick_person(&mut self) -> Person {
        let i = self.rng.below(self.people.len());
        self.people[i].clone()
    }

    fn pick_company(&mut self) -> (String, String) {
        let i = self.rng.below(self.companies.len());
        self.companies[i].clone()
    }

    /// A body paragraph, sometimes followed by a plain sentence of background.
    fn paragraph(&mut self, first_mention: &mut [bool]) -> String {
        // A company name ending in "Co." closes its sentence with that one full stop.
        let mut p = self.shaped(first_mention).replace("..", ".");
        if self.rng.chance(0.4) && !p.ends_with(self.marks.close()) {
            p.push(' ');
            p.push_str(self.rng.pick(FILLER));
        }
        p
    }

    /// One of many paragraph shapes found in the fixtures.
    fn shaped(&mut self, first_mention: &mut [bool]) -> String {
        let (o, c) = (self.marks.open(), self.marks.close());
        let pi = self.rng.below(self.people.len());
        let p = self.people[pi].clone();
        // Full name and role on first mention, surname (or Ms/Mr) afterwards.
        let intro = if first_mention[pi] {
            first_mention[pi] = false;
            format!("{}, {},", p.titled(), p.role)
        } else if self.marks == Marks::British && self.rng.chance(0.5) {
            format!("{} {}", p.honorific, p.family)
        } else {
            p.family.to_string()
        };
        // "“…,” Ana Vance, an analyst at X, said." on first mention, "Vance said" later.
        let short = intro.clone();
        match self.rng.below(14) {
            0 => {
                let q = self.quote_text();
                let q = q.trim_end_matches('.');
                format!("{o}{q},{c} said {}, {}.", p.titled(), p.role)
            }
            1 => {
                let q = self.quote_text();
                format!("{intro} said: {o}{q}{c}")
            }
            2 => {
                let (q1, q2) = (self.quote_text(), self.quote_text());
                let q1 = q1.trim_end_matches('.');
                format!("{o}{q1},{c} {short} said. {o}{q2}{c}")
            }
            3 => {
                let part = self.rng.pick(PARTIALS);
                let d = self.date_phrase();
                format!("{intro} said the plan was {o}{part}{c} and would be reviewed again by {d}.")
            }
            4 => {
                let (co, stem) = self.pick_company();
                let money = self.money();
                let pct = self.rng.range(1, 30);
                format!(
                    "Shares of {stem} fell {pct}.{}% in early trading after {co} said it would spend {money} on the {}, according to a regulatory filing dated {}.",
                    self.rng.below(10),
                    self.rng.pick(TOPICS),
                    self.date_phrase()
                )
            }
            5 if !self.bodies.is_empty() => {
                let (b, acr) = self.bodies[self.rng.below(self.bodies.len())];
                let d = self.date_phrase();
                let (co, _) = self.pick_company();
                if acr.is_empty() {
                    format!("The {b} said on {} that it had opened a review of {co} and would publish its findings by {d}.", self.rng.pick(WEEKDAYS))
                } else {
                    format!("The {b} ({acr}) said it would decide by {d} whether {co} had broken the rules. The {acr} declined to comment further.")
                }
            }
            6 => {
                let q = self.quote_text();
                let agency = self.agency.0;
                format!("{intro} told {agency}: {o}{q}{c}")
            }
            7 => {
                let (co, stem) = self.pick_company();
                let part = self.rng.pick(PARTIALS);
                format!("A spokesperson for {stem} said the company welcomed {o}{part}{c} and had not changed its plans. {co} declined to comment on the timing.")
            }
            8 => {
                let q = self.quote_text();
                let q = q.trim_end_matches('.');
                let verb = self.rng.pick(SAY_VERBS);
                format!("{o}{q},{c} {} {verb}.", if self.rng.chance(0.5) { p.pronoun.to_string() } else { short.clone() })
            }
            9 => {
                let other = self.pick_person();
                let q = self.quote_text();
                format!(
                    "Asked about the {}, which is due by {}, {short} said {} had spoken to {} {} of {}. {o}{q}{c}",
                    self.rng.pick(TOPICS),
                    self.date_phrase(),
                    p.pronoun,
                    other.given,
                    other.family,
                    self.pick_company().0
                )
            }
            10 => {
                let a = self.apos();
                let d = self.date_phrase();
                format!(
                    "{}{a}s {} had been expected since {d}, and {} said in {} that the cost of the {} would rise by {}% over the next two years.",
                    self.pick_company().1,
                    self.rng.pick(TOPICS),
                    self.rng.pick(GROUPS),
                    title_case(&self.city.0.to_lowercase()),
                    self.rng.pick(TOPICS),
                    self.rng.range(2, 40)
                )
            }
            11 => {
                // An opening mark never closed in this paragraph, continued in the next one.
                let (q1, q2) = (self.quote_text(), self.quote_text());
                let q2 = q2.trim_end_matches('.');
                format!("{o}{q1}\n\n{o}{q2},{c} {short} said.")
            }
            12 => {
                let money = self.money();
                format!("{} {} The deal is valued at {money}.", self.rng.pick(FILLER), self.rng.pick(FILLER))
            }
            _ => {
                let part = self.rng.pick(PARTIALS);
                format!("{} According to {intro} the outlook was {o}{part}{c} for {}.", self.rng.pick(FILLER), self.date_phrase())
            }
        }
    }
}

/// How many body paragraphs: mostly 5–17, a few short items, some long reads, rare very long ones.
fn paragraph_count(rng: &mut Rng) -> usize {
    let r = rng.below(1000);
    if r < 80 {
        rng.range(1, 2)
    } else if r < 930 {
        rng.range(12, 26)
    } else if r < 990 {
        rng.range(30, 60)
    } else {
        rng.range(140, 220)
    }
}

/// Generates article `index` of the corpus for `seed`.
pub fn article(seed: u64, index: u64) -> Generated {
    let mut rng = Rng::for_article(seed, index);
    let paragraphs = paragraph_count(&mut rng);
    build(&mut rng, index, paragraphs)
}

fn build(rng: &mut Rng, index: u64, paragraphs: usize) -> Generated {
    let &(outlet, domain, style) = &OUTLETS[rng.below(OUTLETS.len())];
    let marks = match style {
        Style::UkSite => Marks::British,
        Style::Blog | Style::PressRelease => Marks::Straight,
        _ if rng.chance(0.25) => Marks::Straight,
        _ => Marks::Curly,
    };
    let year = rng.range(2015, 2025) as u32;
    let month = rng.below(12);
    let day = rng.range(1, 28) as u32;
    let companies: Vec<(String, String)> = (0..rng.range(1, 4)).map(|_| company(rng)).collect();
    let bodies: Vec<(&str, &str)> = (0..rng.range(0, 2)).map(|_| AGENCY_BODIES[rng.below(AGENCY_BODIES.len())]).collect();
    let people: Vec<Person> = (0..rng.range(2, 6)).map(|_| person(rng, &companies, &bodies)).collect();
    let city = CITIES[rng.below(CITIES.len())];
    let agency = AGENCIES[rng.below(AGENCIES.len())];
    let authors: Vec<String> = (0..rng.range(1, 3)).map(|_| format!("{} {}", rng.pick(GIVEN), rng.pick(FAMILY))).collect();
    let mut ctx = Ctx { rng, marks, year, month, people, companies, bodies, city, agency };
    let mut t = String::with_capacity(paragraphs * 400 + 1500);

    // Headline.
    let subject = ctx.rng.pick(HEADLINE_SUBJECTS);
    let verb = ctx.rng.pick(HEADLINE_VERBS);
    let topic = ctx.rng.pick(TOPICS);
    let co_stem = ctx.companies[0].1.clone();
    let title = if ctx.rng.chance(0.2) {
        let part = ctx.rng.pick(PARTIALS);
        format!("{} {subject} says {topic} plan {}{part}{}", capitalize(&co_stem), if marks == Marks::Straight { "'" } else { "\u{2018}" }, if marks == Marks::Straight { "'" } else { "\u{2019}" })
    } else {
        format!("{} {verb} {co_stem} {topic}", capitalize(subject))
    };
    let title = if style == Style::Blog { title_case(&title) } else { title };

    let month_name = MONTHS[ctx.month];
    let published = format!("{year}-{:02}-{day:02}", ctx.month + 1);
    let byline = format!("By {}", join_names(&authors));
    let hour = ctx.rng.range(1, 12);
    let minute = ctx.rng.below(60);

    // Page header, per style.
    match style {
        Style::FrontMatter => {
            let _ = writeln!(t, "Outlet: {outlet}\nPublished: {published}\nAuthor: {}\n", authors[0]);
            let _ = writeln!(t, "{title}\n");
        }
        Style::UkSite => {
            t.push_str("Skip to content\nConnect with us\nMenu\nNews | Business | Sport | Opinion | Life\n");
            let _ = writeln!(t, "{}\n{title}\n{title}\n", ctx.rng.pick(SECTIONS));
            let _ = writeln!(t, "{}. Photo: {}\n", caption_text(&mut ctx), ctx.agency.0);
            let _ = writeln!(t, "{}, Business Editor\n{day} {month_name} {year}\n", byline);
        }
        Style::Local => {
            let _ = writeln!(t, "{outlet}\nSubscribe | Log in | e-Edition\n\n{title}\n");
            let _ = writeln!(t, "{} (AP Photo/{} {})\n", caption_text(&mut ctx), ctx.rng.pick(GIVEN), ctx.rng.pick(FAMILY));
            let _ = writeln!(t, "{}, {}\nPublished {hour}:{minute:02} PM EST {} {day}, {year}\n", authors[0], ctx.agency.1, MONTHS_SHORT[ctx.month]);
        }
        Style::Blog => {
            let _ = writeln!(t, "{}\n{title}\n\n{} | {outlet}\n", ctx.rng.pick(SECTIONS), byline);
            let _ = writeln!(t, "Updated {hour}:{minute:02} am EST, {}, {month_name} {day}, {year}\n", ctx.rng.pick(WEEKDAYS));
            t.push_str("Share on Facebook Share on Twitter Share on LinkedIn Share via Email\n\nClick to comment\n\n");
        }
        Style::Magazine => {
            let _ = writeln!(t, "{}\n{title}\n\n{byline}\n{month_name} {day}, {year}, {hour}:{minute:02} AM EDT\n", ctx.rng.pick(SECTIONS));
        }
        Style::Aggregator => {
            let _ = writeln!(t, "Home \u{bb} {} \u{bb} {}\n{title}\n\n{}\n\nPublished: {hour}:{minute:02}am, {day} {} {year}\n", ctx.rng.pick(SECTIONS), ctx.rng.pick(SECTIONS), authors[0], MONTHS_SHORT[ctx.month]);
        }
        Style::Network => {
            let _ = writeln!(t, "{}  US  World  Politics  Business  Health  Video\n{title}\n", initials(outlet));
            let _ = writeln!(t, "{byline}, {}\nPublished {hour}:{minute:02} PM ET, {} {month_name} {day}, {year}\n", initials(outlet), &WEEKDAYS[ctx.rng.below(7)][..3]);
            let _ = writeln!(t, "{}.\n{} {}/AFP via Getty Images\n", caption_text(&mut ctx), ctx.rng.pick(GIVEN).to_uppercase(), ctx.rng.pick(FAMILY).to_uppercase());
        }
        Style::PressRelease => {
            let (co, _) = ctx.companies[0].clone();
            let _ = writeln!(t, "News provided by\n{co}\n{} {day:02}, {year}, {hour:02}:00 ET\n\n{title}\n", MONTHS_SHORT[ctx.month]);
        }
        Style::Wire => {
            let _ = writeln!(t, "{}\n{title}\n\n{byline}\n\n{month_name} {day}, {year} {hour}:{minute:02} AM GMT Updated {} hours ago\n", ctx.rng.pick(SECTIONS), ctx.rng.range(1, 9));
        }
    }

    // Dateline and the lead paragraph.
    let (city, state) = ctx.city;
    let dateline = match style {
        Style::PressRelease => format!("{city}, {month_name} {day}, {year} /PRNewswire/ --"),
        Style::Network => format!("({}) \u{2013}", initials(outlet)),
        Style::UkSite | Style::FrontMatter => String::new(),
        _ if ctx.agency.0 == "Bloomberg" => "(Bloomberg) --".to_string(),
        _ if !state.is_empty() => format!("{city}, {state} ({}) \u{2014}", ctx.agency.0),
        _ => format!("{city} ({}) \u{2013}", ctx.agency.0),
    };
    let (lead_co, _) = ctx.companies[0].clone();
    let lead = format!(
        "{lead_co} said on {} that it would {} the {}, a move that {} said could cost as much as {} and affect thousands of jobs across {}.",
        WEEKDAYS[ctx.rng.below(5)],
        ctx.rng.pick(&["expand", "sell", "close", "review", "delay"]),
        ctx.rng.pick(TOPICS),
        ctx.rng.pick(GROUPS),
        ctx.money(),
        ctx.rng.pick(REGIONS)
    );
    if dateline.is_empty() {
        let _ = writeln!(t, "{lead}\n");
    } else {
        let _ = writeln!(t, "{dateline} {lead}\n");
    }

    // Body.
    let mut first = vec![true; ctx.people.len()];
    for i in 0..paragraphs {
        let para = ctx.paragraph(&mut first);
        t.push_str(&para);
        t.push_str("\n\n");
        // Page furniture inside the body now and then.
        if i == paragraphs / 2 && ctx.rng.chance(0.3) {
            let _ = writeln!(t, "Related: {}\n", ctx.rng.pick(RELATED));
        }
        if i == 1 && ctx.rng.chance(0.15) {
            let _ = writeln!(t, "{}\n{} {}/Getty Images\n", caption_text(&mut ctx), ctx.rng.pick(GIVEN), ctx.rng.pick(FAMILY));
        }
    }

    // Footer: credits, boilerplate, copyright.
    match style {
        Style::Wire => {
            let _ = writeln!(t, "(Reporting by {}; Editing by {} {})\n", join_names(&authors), ctx.rng.pick(GIVEN), ctx.rng.pick(FAMILY));
        }
        Style::Local => {
            let _ = writeln!(t, "{} writer {} {} in {} contributed to this report.\n", ctx.agency.1, ctx.rng.pick(GIVEN), ctx.rng.pick(FAMILY), capitalize(&city.to_lowercase()));
            let _ = writeln!(t, "Copyright {year} The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.\n\nComments\nPlease log in to comment.\n");
        }
        Style::UkSite => {
            let _ = writeln!(t, "Additional reporting by {} {}\n\nShare this article\nFacebook Twitter WhatsApp Email\n\nSign up for our newsletter\n\nMost Read\n1. {}\n2. {}\n", ctx.rng.pick(GIVEN), ctx.rng.pick(FAMILY), ctx.rng.pick(RELATED), ctx.rng.pick(RELATED));
        }
        Style::Blog => {
            let _ = writeln!(t, "{} is a senior reporter at {outlet} who covers {} and {}.\n", authors[0], ctx.rng.pick(TOPICS), ctx.rng.pick(TOPICS));
            let _ = writeln!(t, "Tags: {}, {}\n\nLeave a Reply\n\nRecent Posts\n\n{}\n{} hours ago\n\n{}\n1 day ago\n", ctx.rng.pick(TOPICS), ctx.rng.pick(TOPICS), ctx.rng.pick(RELATED), ctx.rng.range(1, 20), ctx.rng.pick(RELATED));
        }
        Style::Magazine | Style::Network => {
            let _ = writeln!(t, "{}{a}s {} {} contributed to this report.\n", initials(outlet), ctx.rng.pick(GIVEN), ctx.rng.pick(FAMILY), a = marks.apostrophe());
        }
        Style::Aggregator => {
            let _ = writeln!(t, "This article originally appeared on {}.\n\nRelated Articles\n\n{}\n{}\n", ctx.rng.pick(&["Fortune.com", "the South China Morning Post", "Bloomberg"]), ctx.rng.pick(RELATED), ctx.rng.pick(RELATED));
        }
        Style::PressRelease => {
            let (co, _) = ctx.companies[0].clone();
            let _ = writeln!(t, "Forward-Looking Statements\n\nThis press release contains forward-looking statements. Actual results may differ materially.\n\nMedia Contact:\n{} {}\nHead of Communications, {co}\npress@{domain}\n\nSOURCE {co}\n", ctx.rng.pick(GIVEN), ctx.rng.pick(FAMILY));
        }
        Style::FrontMatter => {
            let _ = writeln!(t, "{} covers {} for the paper. Reach {} at desk@{domain}.\n", authors[0], ctx.rng.pick(TOPICS), ctx.rng.pick(&["her", "him"]));
        }
    }
    let _ = write!(t, "\u{a9} {year} {outlet} Media Ltd. All rights reserved.");
    if ctx.rng.chance(0.3) {
        t.push_str(" We use cookies to give you the best experience on our site.");
    }
    t.push('\n');

    // A few files come with CRLF line ends or in Windows-1252, as scraped files do.
    let r = ctx.rng.below(1000);
    if r < 15 {
        t = t.replace('\n', "\r\n");
    }
    let cp1252 = (15..17).contains(&r);
    let slug: String = title.to_lowercase().chars().map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' }).collect();
    let slug: String = slug.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-");
    Generated { text: t, outlet: outlet.to_string(), published, url: format!("https://www.{domain}/{year}/{:02}/{slug}-{index}", month + 1), cp1252 }
}

/// One long article of at least `target_bytes`: a normal header and footer around the body
/// paragraphs of many generated articles (the linearity test input).
pub fn single_article(seed: u64, target_bytes: usize) -> String {
    let mut head = article(seed, 0).text;
    // Keep the header up to and including the dateline paragraph, the first long one.
    let mut cut = 0;
    for p in head.split("\n\n") {
        cut += p.len() + 2;
        if p.len() >= 200 {
            break;
        }
    }
    head.truncate(cut.min(head.len()));
    let mut out = head;
    let mut i = 1u64;
    while out.len() < target_bytes {
        let a = article(seed, i);
        i += 1;
        if a.cp1252 {
            continue;
        }
        let text = a.text.replace("\r\n", "\n");
        // Body: the paragraphs between the lead and the footer (long prose paragraphs).
        for p in text.split("\n\n").filter(|p| p.len() >= 200) {
            out.push_str(p);
            out.push_str("\n\n");
            if out.len() >= target_bytes {
                break;
            }
        }
    }
    out.push_str("\u{a9} 2024 The Harborview Tribune Media Ltd. All rights reserved.\n");
    out
}

fn caption_text(ctx: &mut Ctx<'_>) -> String {
    let p = ctx.pick_person();
    format!("{} speaks at a news conference in {}", p.titled(), title_case(&ctx.city.0.to_lowercase()))
}

/// "A", "A and B", "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn capitalize(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

fn title_case(s: &str) -> String {
    s.split(' ').map(capitalize).collect::<Vec<_>>().join(" ")
}

fn initials(name: &str) -> String {
    name.split_whitespace().filter_map(|w| w.chars().next()).filter(|c| c.is_alphanumeric()).collect()
}

/// UTF-8 text to Windows-1252 bytes; characters outside it become '?'.
pub fn to_cp1252(s: &str) -> Vec<u8> {
    s.chars()
        .map(|ch| match ch {
            '\u{20ac}' => 0x80,
            '\u{2013}' => 0x96,
            '\u{2014}' => 0x97,
            '\u{2018}' => 0x91,
            '\u{2019}' => 0x92,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            c if (c as u32) < 0x80 || (0xa0..=0xff).contains(&(c as u32)) => c as u32 as u8,
            _ => b'?',
        })
        .collect()
}
