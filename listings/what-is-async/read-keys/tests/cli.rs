//! What a reader sees when running the listing: the same keys for a seed.
//! Its `--help` and bad flags are tested once for every listing, in
//! `book-tests` (`tests/src/flags.rs`).

use std::process::Output;

const READ_KEYS: &str = env!("CARGO_BIN_EXE_read-keys");

/// A run that no busy machine made late (see `run_on_time`).
fn run(args: &[&str]) -> Output {
    user_input::run_on_time(READ_KEYS, args)
}

#[test]
fn a_seed_gives_the_same_keys_at_any_pace() {
    let keys = |period: &str| {
        let out = run(&["--period", period, "--seed", "11"]);
        assert!(out.status.success(), "--period {period}");
        assert!(out.stderr.is_empty(), "--period {period}: a read came late");
        String::from_utf8(out.stdout).unwrap()
    };
    let fast = keys("0.1");
    assert_eq!(fast.lines().count(), 10, "{fast}");
    assert_eq!(fast, keys("0.25"));
}
