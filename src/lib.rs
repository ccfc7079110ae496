//! Putokaz builds multilingual transparency portals for national action plans against
//! trafficking in human beings from Markdown pages and plan data.
//!
//! Data flows one way: [`config`] and [`content`] load the sources, [`site`] links them into
//! the pages to publish, [`render`] turns each page into HTML, and [`output`] writes the result
//! safely. [`pipeline`] runs those stages in order; [`serve`] repeats it on every change.
//! See `ARCHITECTURE.md` for the map and the rules that keep it simple.

pub mod bytes;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod help;
pub mod i18n;
pub mod import;
pub mod minify;
pub mod opendata;
pub mod output;
pub mod pipeline;
pub mod plan;
pub mod reads;
pub mod render;
pub mod scaffold;
pub mod scan;
pub mod search;
pub mod serve;
pub mod site;
pub mod stats;
pub mod theme;

pub use pipeline::{BuildError, BuildOptions, BuildReport, build};
