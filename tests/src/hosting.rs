//! The sample GitHub Pages workflow builds the site with the command the
//! README gives instructors, and publishes the folder that command fills.

use std::fs;
use std::path::Path;

use xtask::site::SiteArgs;

use crate::Problem;

/// The sample workflow, below the root.
pub const PAGES_WORKFLOW: &str = ".github/workflows/pages.yml";

/// Its one `cargo xtask site` step takes arguments that the command
/// accepts, and the folder it builds is the one the upload step publishes.
pub fn check_pages_workflow(root: &Path) -> Vec<Problem> {
    let file = Path::new(PAGES_WORKFLOW);
    let problem = |message: String| vec![Problem::new(file, message)];
    let Ok(text) = fs::read_to_string(root.join(file)) else {
        return problem("is missing".into());
    };
    let commands: Vec<&str> = text
        .lines()
        .filter_map(|line| line.trim().strip_prefix("run: cargo xtask site"))
        .collect();
    let [args] = commands[..] else {
        return problem(format!(
            "has {} `run: cargo xtask site` steps, not one",
            commands.len()
        ));
    };
    // GitHub fills in the expression; the shell then drops the quotes.
    let args: Vec<String> = args
        .replace("${{ github.event.repository.name }}", "course")
        .replace('"', "")
        .split_whitespace()
        .map(String::from)
        .collect();
    let site = match SiteArgs::parse(&args, Path::new("target/site")) {
        Ok(site) => site,
        Err(error) => {
            return problem(format!("`cargo xtask site` refuses it: {error}"));
        }
    };
    let uploads: Vec<&str> = text
        .lines()
        .skip_while(|line| !line.contains("actions/upload-pages-artifact"))
        .filter_map(|line| line.trim().strip_prefix("path: "))
        .take(1)
        .collect();
    if uploads != [site.dest.to_string_lossy()] {
        return problem(format!(
            "builds the site in {} but publishes {uploads:?}",
            site.dest.display()
        ));
    }
    Vec::new()
}
