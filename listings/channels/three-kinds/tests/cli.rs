//! Whole runs of the listing. Its `--help` and bad flags are tested for
//! every listing in `book-tests`.

use std::process::Command;

const PROGRAM: &str = env!("CARGO_BIN_EXE_three-kinds");

/// The lines of a run with the given flags.
fn run(args: &[&str]) -> Vec<String> {
    let out = Command::new(PROGRAM)
        .args(args)
        .output()
        .expect("the listing runs");
    assert!(out.status.success(), "{args:?}");
    assert!(out.stderr.is_empty(), "{args:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines().map(String::from).collect()
}

/// Where `line` is in `lines`; a panic if it is not there.
fn at(lines: &[String], line: &str) -> usize {
    lines
        .iter()
        .position(|l| l == line)
        .unwrap_or_else(|| panic!("no line {line:?} in {lines:?}"))
}

/// oneshot: one reply, or an error when the sender is dropped unused.
/// broadcast, capacity 2: the receiver that read after each send got all
/// 4 values; the other one learns it missed 2, then gets the last 2.
/// watch: three sends, and the receiver sees only the last value.
#[test]
fn each_kind_shows_its_behaviour() {
    let lines = run(&[]);
    for line in [
        "reply: Ok(42)",
        "no reply: Err(RecvError(()))",
        "quick got Ok(4)",
        "slow got Err(Lagged(2))",
        "slow got Err(Closed)",
        "after three sends: running",
        "after the drop: Err(RecvError(()))",
    ] {
        at(&lines, line);
    }
    let slow: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("slow got "))
        .collect();
    assert_eq!(slow, ["Err(Lagged(2))", "Ok(3)", "Ok(4)", "Err(Closed)"]);
}
