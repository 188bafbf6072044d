//! Exercise: an executor for many tasks on one thread that polls a task only
//! when it is new or its waker was called, in the order of the wake-ups.
//!
//! Your code goes in `src/exercise.rs`: change anything there, and add the
//! types, functions and imports you need. Test it with
//! `cargo test -p poll-woken -- --include-ignored`. The model answer is
//! `solution/exercise.rs`, which `--features solution` builds instead.

// The starter code may not use what an answer will.
#![cfg_attr(not(feature = "solution"), allow(dead_code))]

mod setup;
pub use setup::*;

// The file you edit, or with `--features solution`, the model answer.
#[cfg(not(feature = "solution"))]
mod exercise;
#[cfg(feature = "solution")]
#[path = "../solution/exercise.rs"]
mod exercise;
// What either file makes public is the crate's (it may hold only impls).
#[allow(unused_imports)]
pub use exercise::*;
