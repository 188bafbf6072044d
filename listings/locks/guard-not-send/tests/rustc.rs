//! The listing does not compile, and rustc says why. Its error has no
//! error code, so the book's `fails=E....` check cannot take it: this test
//! builds the listing with its `not-send` feature and reads the message.

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

/// rustc refuses the spawned future because it is not `Send`, and names
/// the `MutexGuard` held across the `.await` as the cause; the error has
/// no code (no `error[E....]` line).
#[test]
fn the_guard_across_an_await_makes_the_task_not_send() {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(["build", "--offline", "--features", "not-send"])
        .arg("--target-dir")
        .arg(target_dir())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "it compiles:\n{log}");
    for expected in [
        "error: future cannot be sent between threads safely",
        "has type `std::sync::MutexGuard<'_, i32>` which is not `Send`",
        "required by a bound in `tokio::spawn`",
    ] {
        assert!(log.contains(expected), "no {expected:?} in:\n{log}");
    }
    assert!(!log.contains("error[E"), "an error with a code:\n{log}");
}
