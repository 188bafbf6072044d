//! Exercise: two consumers share one stream of work items, and report which
//! of them took each item.
//!
//! Your code goes in `src/exercise.rs`: change anything there, and add the
//! types, functions and imports you need. Test it with
//! `cargo test -p two-consumers -- --include-ignored`. The model answer is
//! `solution/exercise.rs`, which `--features solution` builds instead.

// The starter code calls nothing of the setup: only an answer does.
#![cfg_attr(not(feature = "solution"), allow(dead_code))]

mod setup;
pub use setup::*;

// The file you edit, or with `--features solution`, the model answer.
#[cfg(not(feature = "solution"))]
mod exercise;
#[cfg(feature = "solution")]
#[path = "../solution/exercise.rs"]
mod exercise;
// What either file makes public is the crate's.
#[allow(unused_imports)]
pub use exercise::*;
