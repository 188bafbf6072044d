//! `cargo xtask`'s own command line: help on every command, and errors that
//! stop before any work.

use std::process::{Command, Output};

const XTASK: &str = env!("CARGO_BIN_EXE_xtask");

const COMMANDS: [&str; 8] = [
    "serve",
    "site",
    "test",
    "check",
    "bless",
    "test-browser",
    "bench-weight",
    "tools",
];

fn xtask(args: &[&str]) -> Output {
    Command::new(XTASK)
        .args(args)
        .output()
        .expect("xtask starts")
}

#[test]
fn every_command_has_help_and_the_list_names_them_all() {
    let out = xtask(&["--help"]);
    assert!(out.status.success());
    let list = String::from_utf8(out.stdout).unwrap();
    for command in COMMANDS {
        assert!(
            list.contains(&format!("\n  {command} ")),
            "{command}: {list}"
        );
        let out = xtask(&[command, "--help"]);
        assert!(out.status.success(), "{command}");
        let help = String::from_utf8(out.stdout).unwrap();
        let usage = format!("Usage: cargo xtask {command}");
        assert!(help.contains(&usage), "{command}: {help}");
    }
}

#[test]
fn bless_refuses_an_unknown_listing_in_one_line_before_building() {
    let out = xtask(&["bless", "read-keys", "no-such-listing"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "xtask: unknown listing `no-such-listing` (no crate \
         listings/*/no-such-listing)\n"
    );
}

#[test]
fn bad_arguments_are_refused_with_a_pointer_to_help_and_exit_code_2() {
    for args in [
        &["site", "--site-url", "course"][..],
        &["site", "--out", "x"],
        &["test", "extra"],
        &["serve", "--port", "http"],
        &["no-such-command"],
        &[],
    ] {
        let out = xtask(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("--help"), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}
