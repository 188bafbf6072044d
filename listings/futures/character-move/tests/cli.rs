//! What a reader sees when running the listing: whole runs. Its `--help`
//! and bad flags are tested once for every listing, in `book-tests`
//! (`tests/src/flags.rs`).

use std::process::Output;

const CHARACTER_MOVE: &str = env!("CARGO_BIN_EXE_character-move");

/// A run that no busy machine made late (see `run_on_time`).
fn run(args: &[&str]) -> Output {
    user_input::run_on_time(CHARACTER_MOVE, args)
}

/// Five moves, then `Bye!`; between moves only lines of dots. (A busy
/// machine may make a read late, which costs a key but not this shape.)
#[test]
fn a_run_makes_five_moves_then_says_bye() {
    for seed in ["1", "2", "3"] {
        let out = run(&["--seed", seed, "--period", "0.02"]);
        assert!(out.status.success(), "seed {seed}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.last(), Some(&"Bye!"), "seed {seed}: {stdout}");
        let moves = lines.iter().filter(|line| line.contains(" → ")).count();
        assert_eq!(moves, 5, "seed {seed}: {stdout}");
        let others = &lines[..lines.len() - 1];
        for line in others.iter().filter(|line| !line.contains(" → ")) {
            assert!(line.chars().all(|c| c == '.'), "seed {seed}: {line:?}");
        }
    }
}

#[test]
fn a_seed_gives_the_same_run_at_any_pace() {
    let stdout = |period: &str| {
        let out = run(&["--seed", "3", "--period", period]);
        assert!(out.status.success(), "--period {period}");
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(stdout("0.1"), stdout("0.25"));
}
