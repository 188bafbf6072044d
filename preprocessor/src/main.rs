//! `mdbook-course`, run by mdBook as `[preprocessor.course]`: see the
//! library's documentation for what it expands.

use std::io;
use std::process::ExitCode;

use mdbook_course::Course;
use mdbook_preprocessor::{Preprocessor, parse_input};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    if args.next().as_deref() == Some("supports") {
        // Every renderer needs the listings and numbers expanded.
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // One line, naming the file: mdBook shows it as it is.
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let (ctx, book) =
        parse_input(io::stdin()).map_err(|e| format!("mdbook-course: {e:#}"))?;
    let book = Course.run(&ctx, book).map_err(|e| e.to_string())?;
    serde_json::to_writer(io::stdout(), &book)
        .map_err(|e| format!("mdbook-course: {e}"))
}
