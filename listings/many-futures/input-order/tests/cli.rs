//! Whole runs of the listing on the paused clock, whose order is exact. Its
//! `--help` and bad flags are tested for every listing in `book-tests`.

use user_input::line_at;

const PROGRAM: &str = env!("CARGO_BIN_EXE_input-order");

fn run() -> Vec<String> {
    user_input::quiet_run_lines(PROGRAM, &["--clock", "paused"])
}

/// The lines of the part that starts with the line `heading`, up to the
/// next part.
fn part<'a>(lines: &'a [String], heading: &str) -> &'a [String] {
    let from = line_at(lines, heading) + 1;
    let len = lines[from..]
        .iter()
        .take_while(|l| !l.starts_with("--"))
        .count();
    &lines[from..from + len]
}

/// `join!` and `join_all` get the jobs done quick, medium, slow, but give
/// their outputs slow, quick, medium, the order of the inputs, after
/// 300 ms: the time of the slowest job, not the 600 ms of all three in
/// turn.
#[test]
fn outputs_come_in_input_order_whatever_the_finish_order() {
    let lines = run();
    for heading in ["-- join! --", "-- join_all --"] {
        let part = part(&lines, heading);
        let done: Vec<&str> = part
            .iter()
            .filter_map(|l| l.split_once(": done after "))
            .map(|(name, _)| name.trim())
            .collect();
        assert_eq!(done, ["quick", "medium", "slow"], "{part:?}");
        let outputs = r#"[Ok("slow"), Ok("quick"), Ok("medium")]"#;
        let last = format!("caller: {outputs} after 300 ms");
        assert_eq!(part.last(), Some(&last), "{part:?}");
    }
}

/// At the first error, after 150 ms, `try_join_all` drops the futures
/// that have not finished: slow and medium say they were cancelled before
/// the caller gets the error, and never finish.
#[test]
fn try_join_all_drops_the_other_futures_at_the_first_error() {
    let lines = run();
    let part = part(&lines, "-- try_join_all, one job fails --");
    let caller = line_at(part, r#"caller: Err("failing failed") after 150 ms"#);
    for name in ["slow", "medium"] {
        assert!(line_at(part, &format!("  {name}: cancelled")) < caller);
        assert!(
            !part
                .iter()
                .any(|l| l.starts_with(&format!("  {name}: done")))
        );
    }
    assert!(line_at(part, "  quick: done after 100 ms") < caller);
}
