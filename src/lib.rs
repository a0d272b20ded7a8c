//! `corpus`: structured records from folders of scraped news articles.
//!
//! The data flows one way: [`input`] reads and decodes files → [`article`] finds the page
//! structure → [`extract`] fills the record's fields → [`record`] is the serialised contract →
//! [`output`] prints records as JSON Lines, JSON or a table.

pub mod article;
pub mod corpus;
pub mod extract;
pub mod input;
pub mod lexicon;
pub mod output;
pub mod query;
pub mod record;
pub mod run;
pub mod text;
