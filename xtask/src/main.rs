//! `cargo xtask <command>`: the one place for the course's tooling.

use std::env;
use std::path::Path;
use std::process::{Command, ExitCode};

use xtask::{cargo, install_tools, mdbook, root};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [ARGS]  serve the book at http://localhost:3000 with live reload
                (ARGS go to `mdbook serve`, e.g. --open)
  test          run every test: format, lints, listings, book contract
  tools         install the pinned mdBook tools into .tools/";

fn main() -> ExitCode {
    let mut args = env::args().skip(1);
    let command = args.next();
    let rest: Vec<String> = args.collect();
    let root = root();
    let result = match command.as_deref() {
        Some("serve") => install().and_then(|()| serve(&root, &rest)),
        Some("test") if rest.is_empty() => install().and_then(|()| test(&root)),
        Some("tools") if rest.is_empty() => install(),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn install() -> Result<(), String> {
    install_tools().map_err(|error| format!("cannot install tools: {error}"))
}

fn serve(root: &Path, args: &[String]) -> Result<(), String> {
    let mut serve = mdbook(root);
    serve.args(["serve", "--port", "3000"]).args(args);
    run(&mut serve)
}

/// Every check CI runs, cheapest first, so a slip fails fast.
fn test(root: &Path) -> Result<(), String> {
    let steps: [&[&str]; 4] = [
        &["fmt", "--all", "--check"],
        &[
            "clippy",
            "--locked",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        // The contract tests run the listings' binaries: build them all first.
        &["build", "--locked", "--workspace", "--bins"],
        &["test", "--locked", "--workspace"],
    ];
    for step in steps {
        run(Command::new(cargo()).current_dir(root).args(step))?;
    }
    Ok(())
}

fn run(command: &mut Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|error| format!("cannot start {command:?}: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed ({status})"))
    }
}
