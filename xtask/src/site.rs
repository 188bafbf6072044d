//! The site instructors host: the book built into one folder, with the
//! listings archive beside its pages. `cargo xtask site` makes it; the
//! contract tests and the browser tests check what it makes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use flate2::{Compression, write::GzEncoder};

use crate::{cargo, mdbook};

/// The listings archive, at the top of the site: `src/` links to it.
pub const LISTINGS_ARCHIVE: &str = "listings.tar.gz";

/// The folder the archive unpacks into.
pub const ARCHIVE_FOLDER: &str = "async-rust-listings";

/// Where `cargo xtask serve` writes the listings archive, below the root.
/// mdBook copies every file of `src/` that is not a page to the book's root
/// at each build, and `mdbook serve` empties its output folder at each
/// rebuild, so a copy in `src/` is what keeps the served archive there. Git
/// ignores it; `build_site` replaces the copy with a fresh archive.
pub const SERVED_ARCHIVE: &str = "src/listings.tar.gz";

/// `cargo xtask site`'s options, as its command line gives them.
#[derive(Debug, Clone, PartialEq, Eq, clap::Parser)]
#[command(name = "site")]
pub struct SiteOptions {
    /// Where the site is served: /course/ for https://example.org/course/
    #[arg(long, value_name = "PATH", default_value = "/", value_parser = site_url)]
    pub site_url: String,
    /// The folder to build the site in, emptied first [default: target/site]
    #[arg(long, value_name = "DIR")]
    pub dest_dir: Option<PathBuf>,
}

/// A path that starts and ends with `/`, with no empty segment.
fn site_url(url: &str) -> Result<String, String> {
    if !url.starts_with('/') || !url.ends_with('/') || url.contains("//") {
        return Err(format!(
            "must be a path that starts and ends with `/`, such as \
             /course/ for https://example.org/course/; got `{url}`"
        ));
    }
    Ok(url.to_owned())
}

/// `cargo xtask site`'s arguments: where the site will be served, and the
/// folder to build it in.
#[derive(Debug, PartialEq, Eq)]
pub struct SiteArgs {
    pub site_url: String,
    pub dest: PathBuf,
}

impl SiteOptions {
    /// The options, with `default_dest` when no folder was given.
    pub fn resolve(self, default_dest: &Path) -> SiteArgs {
        SiteArgs {
            site_url: self.site_url,
            dest: self.dest_dir.unwrap_or_else(|| default_dest.to_path_buf()),
        }
    }
}

impl SiteArgs {
    /// Reads `--site-url PATH` (default `/`) and `--dest-dir DIR` (default
    /// `default_dest`) as `cargo xtask site` does; an error says what is
    /// wrong, in a line.
    pub fn parse(args: &[String], default_dest: &Path) -> Result<Self, String> {
        let command_line =
            std::iter::once("site").chain(args.iter().map(String::as_str));
        match <SiteOptions as clap::Parser>::try_parse_from(command_line) {
            Ok(options) => Ok(options.resolve(default_dest)),
            Err(error) => {
                let text = error.to_string();
                let line = text.lines().next().unwrap_or_default();
                Err(line.trim_start_matches("error: ").to_owned())
            }
        }
    }
}

/// Builds the book of the tree at `root` into `dest`, for a site served at
/// `site_url` (`/` or a sub-path such as `/course/`), and writes the
/// listings archive into it. Returns mdBook's log; on failure, the log with
/// what went wrong at its end.
pub fn build_site(
    root: &Path,
    dest: &Path,
    site_url: &str,
) -> Result<String, String> {
    let output = mdbook(root)
        .arg("build")
        .arg("--dest-dir")
        .arg(dest)
        // mdBook reads this as `output.html.site-url`. Pages link to each
        // other relatively; only the 404 page, served from any depth, needs
        // to know where the site begins.
        .env("MDBOOK_OUTPUT__HTML__SITE_URL", site_url)
        .env_remove("RUST_LOG")
        .output()
        .map_err(|error| format!("cannot run mdbook: {error}"))?;
    let mut log = String::from_utf8_lossy(&output.stderr).into_owned();
    log.push_str(&String::from_utf8_lossy(&output.stdout));
    if !output.status.success() {
        return Err(format!(
            "{log}ERROR mdbook build exited with {}\n",
            output.status
        ));
    }
    // mdBook copied any archive `cargo xtask serve` left in src/: replace
    // it, and leave none behind if the fresh one cannot be made.
    let archive = dest.join(LISTINGS_ARCHIVE);
    let _ = fs::remove_file(&archive);
    match write_listings_archive(root, &archive) {
        Ok(()) => Ok(log),
        Err(error) => Err(format!("{log}ERROR the listings archive: {error}\n")),
    }
}

/// Writes the listings archive where `cargo xtask serve`'s book finds it,
/// `SERVED_ARCHIVE`, and returns that path.
pub fn write_served_archive(root: &Path) -> Result<PathBuf, String> {
    let archive = root.join(SERVED_ARCHIVE);
    write_listings_archive(root, &archive)?;
    Ok(archive)
}

/// Writes `archive`: the listings as a cargo workspace of their own, with
/// every crate they depend on vendored, so that a student can build and run
/// them with no network. It unpacks into `ARCHIVE_FOLDER/`, which holds
/// `listings/`, `README.md` (from `listings/README.md`), `Cargo.toml` (the
/// root's, with the listings as its only members), `Cargo.lock`,
/// `rustfmt.toml`, `vendor/` and `.cargo/config.toml` pointing cargo at it.
pub fn write_listings_archive(root: &Path, archive: &Path) -> Result<(), String> {
    let staging = tempfile::tempdir().map_err(|e| e.to_string())?;
    let top = staging.path().join(ARCHIVE_FOLDER);
    copy_dir(&root.join("listings"), &top.join("listings"))?;
    copy(&root.join("listings/README.md"), &top.join("README.md"))?;
    copy(&root.join("Cargo.lock"), &top.join("Cargo.lock"))?;
    copy(&root.join("rustfmt.toml"), &top.join("rustfmt.toml"))?;
    fs::write(top.join("Cargo.toml"), listings_manifest(root)?)
        .map_err(|e| e.to_string())?;

    // `cargo vendor` trims the lock file to the listings' dependencies,
    // keeping their versions, and copies their sources into vendor/.
    let vendor = Command::new(cargo())
        .current_dir(&top)
        .args(["vendor", "--versioned-dirs", "vendor"])
        .output()
        .map_err(|e| format!("cannot run cargo vendor: {e}"))?;
    if !vendor.status.success() {
        return Err(format!(
            "cargo vendor failed:\n{}",
            String::from_utf8_lossy(&vendor.stderr)
        ));
    }
    fs::create_dir_all(top.join(".cargo")).map_err(|e| e.to_string())?;
    // What cargo vendor printed: the source replacement that uses vendor/.
    fs::write(top.join(".cargo/config.toml"), &vendor.stdout)
        .map_err(|e| e.to_string())?;

    if let Some(parent) = archive.parent() {
        fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    let file = fs::File::create(archive).map_err(|e| e.to_string())?;
    let mut tar = tar::Builder::new(GzEncoder::new(file, Compression::default()));
    // Unpacked files keep their sources' times, so that a rebuild after an
    // edit sees what changed; owners are left out.
    tar.mode(tar::HeaderMode::Complete);
    tar.follow_symlinks(false);
    tar.append_dir_all(ARCHIVE_FOLDER, &top)
        .map_err(|e| e.to_string())?;
    tar.into_inner()
        .and_then(GzEncoder::finish)
        .map(drop)
        .map_err(|e| format!("cannot write {}: {e}", archive.display()))
}

/// The root's Cargo.toml with the listings as the workspace's only members
/// and no profiles: the course's tests and tooling stay out of the archive.
fn listings_manifest(root: &Path) -> Result<String, String> {
    let text =
        fs::read_to_string(root.join("Cargo.toml")).map_err(|e| e.to_string())?;
    let mut manifest: toml::Table =
        text.parse().map_err(|e| format!("Cargo.toml: {e}"))?;
    let members = manifest
        .get_mut("workspace")
        .and_then(|workspace| workspace.get_mut("members"))
        .and_then(toml::Value::as_array_mut)
        .ok_or("Cargo.toml has no workspace.members")?;
    members.retain(|member| {
        member.as_str().is_some_and(|m| m.starts_with("listings/"))
    });
    // The tooling's build settings, about crates the listings do not use.
    manifest.remove("profile");
    toml::to_string(&manifest).map_err(|e| e.to_string())
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    fs::copy(from, to)
        .map(drop)
        .map_err(|e| format!("cannot copy {}: {e}", from.display()))
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| e.to_string())?;
    let entries =
        fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let target: PathBuf = to.join(entry.file_name());
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            copy(&entry.path(), &target)?;
            // fs::copy keeps permissions, not times: keep the time too.
            let modified = entry.metadata().and_then(|m| m.modified());
            if let Ok(time) = modified {
                let _ = fs::File::options()
                    .write(true)
                    .open(&target)
                    .and_then(|f| f.set_modified(time));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<SiteArgs, String> {
        let args: Vec<String> = args.iter().map(ToString::to_string).collect();
        SiteArgs::parse(&args, Path::new("target/site"))
    }

    #[test]
    fn defaults_to_the_top_of_a_host_and_target_site() {
        let site = parse(&[]).unwrap();
        assert_eq!(
            (site.site_url.as_str(), site.dest),
            ("/", "target/site".into())
        );
    }

    #[test]
    fn takes_a_sub_path_and_a_folder() {
        let site = parse(&["--site-url", "/course/", "--dest-dir", "out"]).unwrap();
        assert_eq!(
            (site.site_url.as_str(), site.dest),
            ("/course/", "out".into())
        );
    }

    #[test]
    fn refuses_what_it_cannot_use_and_says_why() {
        for (args, says) in [
            (
                &["--site-url", "course"][..],
                "must be a path that starts and ends",
            ),
            (&["--site-url", "/course"], "got `/course`"),
            (&["--site-url", "/a//b/"], "got `/a//b/`"),
            (
                &["--site-url"],
                "a value is required for '--site-url <PATH>'",
            ),
            (&["--out", "x"], "unexpected argument '--out'"),
            (&["/course/"], "unexpected argument '/course/'"),
        ] {
            let error = parse(args).unwrap_err();
            assert!(error.contains(says), "{args:?} gave {error:?}");
            assert_eq!(error.lines().count(), 1, "{args:?} gave {error:?}");
        }
    }
}
