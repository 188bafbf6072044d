//! Exercise: run CPU-bound steps off the runtime's thread, so that the
//! other tasks on that thread go on running meanwhile.
//!
//! Your code goes in `src/exercise.rs`: change anything there, and add the
//! types, functions and imports you need. Test it with
//! `cargo test -p off-the-thread -- --include-ignored`. The model answer is
//! `solution/exercise.rs`, which `--features solution` builds instead.

// A starter may leave part of the setup unused (this one uses all of it).
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
