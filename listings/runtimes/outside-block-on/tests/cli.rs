//! Whole runs of the listing: which runtimes run a task outside `block_on`.

use std::process::Command;

#[test]
fn only_the_pools_run_a_task_while_main_does_something_else() {
    let out = Command::new(env!("CARGO_BIN_EXE_outside-block-on"))
        .env_remove("SMOL_THREADS")
        .output()
        .expect("the listing runs");
    assert!(out.status.success());
    let out = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "tokio current-thread, before block_on: had not run after 300ms",
            "tokio current-thread, after block_on: ran on thread main",
            "tokio multi-thread, no block_on: ran on thread tokio-rt-worker",
            "smol::spawn, no block_on: ran on thread smol-1",
            "smol LocalExecutor, before run: had not run after 300ms",
            "smol LocalExecutor, after run: ran on thread main, \
             and borrowed \"a local\"",
        ]
    );
}
