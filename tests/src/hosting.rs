//! The sample GitHub Pages workflow builds the site with the command the
//! README gives instructors, and publishes the folder that command fills.

use std::fs;
use std::path::Path;

use xtask::site::SiteArgs;

use crate::Problem;

/// The sample workflow, below the root.
pub const PAGES_WORKFLOW: &str = ".github/workflows/pages.yml";

/// The workflow is there, and passes `pages_workflow_problems`.
pub fn check_pages_workflow(root: &Path) -> Vec<Problem> {
    match fs::read_to_string(root.join(PAGES_WORKFLOW)) {
        Ok(text) => pages_workflow_problems(&text),
        Err(_) => vec![Problem::new(Path::new(PAGES_WORKFLOW), "is missing")],
    }
}

/// Its one `cargo xtask site` step takes arguments that the command
/// accepts, and the folder it builds is the one the upload step publishes.
/// `text` is the workflow.
pub fn pages_workflow_problems(text: &str) -> Vec<Problem> {
    let file = Path::new(PAGES_WORKFLOW);
    let problem = |message: String| vec![Problem::new(file, message)];
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

#[cfg(test)]
mod tests {
    use super::*;

    const WORKFLOW: &str = r#"jobs:
  build:
    steps:
      - name: Build the site
        run: cargo xtask site --site-url "/${{ github.event.repository.name }}/" --dest-dir out
      - uses: actions/upload-pages-artifact@v3
        with:
          path: out
"#;

    fn messages(text: &str) -> Vec<String> {
        let problems = pages_workflow_problems(text);
        problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_workflow_publishes_what_its_one_site_step_builds() {
        assert_eq!(messages(WORKFLOW), Vec::<String>::new());
        assert_eq!(
            messages(&WORKFLOW.replace("path: out", "path: book")),
            [format!(
                "{PAGES_WORKFLOW}: builds the site in out but publishes \
                 [\"book\"]"
            )]
        );
    }

    #[test]
    fn a_workflow_with_no_site_step_or_two_or_a_refused_one_is_named() {
        let step = "        run: cargo xtask site";
        let none = WORKFLOW.replace(step, "        run: cargo build");
        assert_eq!(
            messages(&none),
            [format!(
                "{PAGES_WORKFLOW}: has 0 `run: cargo xtask site` steps, not one"
            )]
        );
        let twice = WORKFLOW.replace(step, &format!("{step}\n{step}"));
        assert!(
            messages(&twice)[0]
                .ends_with("has 2 `run: cargo xtask site` steps, not one")
        );
        let refused = messages(&WORKFLOW.replace("--site-url", "--colour"));
        assert_eq!(refused.len(), 1);
        assert!(
            refused[0].contains("`cargo xtask site` refuses it: "),
            "{refused:?}"
        );
    }
}
