//! Whole runs of the listing: the same facts on every run, however the
//! threads are scheduled.

use std::process::Command;

/// A run of the listing, with smol's global executor at its default size.
fn run() -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_three-runtimes"))
        .env_remove("SMOL_THREADS")
        .output()
        .expect("the listing runs");
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Each runtime wakes the tasks shortest sleep first, all on one kind of
/// thread: the main thread, tokio's workers, smol's one thread.
#[test]
fn each_runtime_runs_the_tasks_on_its_own_threads_in_the_order_they_wake() {
    let out = run();
    let mut expected = String::new();
    for (title, thread) in [
        ("tokio, current-thread runtime:", "main"),
        (
            "tokio, multi-thread runtime with 2 workers:",
            "tokio-rt-worker",
        ),
        ("smol, block_on and its global executor:", "smol-1"),
    ] {
        expected += &format!("{title}\n");
        for n in 1..=4 {
            expected += &format!("    task {n} woke on thread {thread}\n");
        }
        expected += "  sum of squares: 30\n";
    }
    assert_eq!(out, expected);
}
