//! Placeholder until the date finder lands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate { pub start: usize, pub end: usize, pub value: Option<String>, pub kind: DateKind }
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind { Date, Month, Year, Range, Relative }
impl DateKind { pub fn as_str(self) -> &'static str { match self { DateKind::Date => "date", DateKind::Month => "month", DateKind::Year => "year", DateKind::Range => "range", DateKind::Relative => "relative" } } }
pub fn find_dates(_text: &str) -> Vec<FoundDate> { Vec::new() }
pub fn resolve(_t: &str, _f: &FoundDate, _a: (i32, u32, u32)) -> Option<String> { None }
pub fn parse_publication_date(_line: &str) -> Option<(String, &'static str)> { None }
