//! Neither binary of the listing compiles, and rustc says why. Its error
//! has no error code, so the book's `fails=E....` check cannot take it:
//! these tests build each binary with the `not-send` feature and read the
//! message.

use std::path::PathBuf;
use std::process::Command;

/// Where the build goes: the folder the book's contract tests build their
/// compile-fail listings in, so that tokio is built there once.
fn target_dir() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../..");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), PathBuf::from);
    target.join("contract/compile-fail")
}

/// What rustc prints when it refuses to build `bin`.
fn refused(bin: &str) -> String {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(["build", "--offline", "--features", "not-send", "--bin", bin])
        .arg("--target-dir")
        .arg(target_dir())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    let log = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "{bin} compiles:\n{log}");
    log
}

/// rustc refuses the spawned future because it is not `Send`, and names
/// the `MutexGuard` held across the `.await` as the cause; the error has
/// no code (no `error[E....]` line).
fn assert_not_send(log: &str) {
    for expected in [
        "error: future cannot be sent between threads safely",
        "has type `std::sync::MutexGuard<'_, u32>` which is not `Send`",
        "await occurs here, with `mut guard` maybe used later",
        "required by a bound in `tokio::spawn`",
    ] {
        assert!(log.contains(expected), "no {expected:?} in:\n{log}");
    }
    assert!(!log.contains("error[E"), "an error with a code:\n{log}");
}

#[test]
fn the_guard_across_an_await_makes_the_task_not_send() {
    assert_not_send(&refused("guard-not-send"));
}

/// `drop(guard)` before the `.await` does not help once the guard has been
/// borrowed (`*guard` borrows it): rustc 1.95 counts it as held.
#[test]
fn a_guard_dropped_by_drop_still_counts_as_held() {
    assert_not_send(&refused("drop-guard"));
}
