//! The listings archive that the site offers students: unpacked on its own,
//! it builds with no network and no crates.io cache, and its listings run.

use std::fs;
use std::path::Path;
use std::process::Command;

use flate2::read::GzDecoder;
use xtask::outputs::RUN_LIMIT;
use xtask::site::ARCHIVE_FOLDER;

use crate::Problem;
use crate::listings::{again_if_differs, parse_output_file, run_listing};

/// The listing run from the unpacked archive: it reads the simulated
/// keyboard, so it needs `rand` from `vendor/`.
pub const PROBE: &str = "listings/what-is-async/read-keys";

/// Unpacks `archive` into `work/` and builds every listing in it offline,
/// with a cargo home of its own (so nothing comes from this machine's
/// crates.io cache), then runs `PROBE` as its output file says and compares.
/// `work/target` survives between runs, so a run with nothing changed
/// builds nothing; the unpacked files keep their sources' times, so an
/// edited listing is rebuilt.
pub fn check_archive(archive: &Path, work: &Path) -> Vec<Problem> {
    let problem = |message: String| vec![Problem::new(archive, message)];
    let unpacked = work.join("unpacked");
    let cargo_home = work.join("cargo-home");
    for dir in [&unpacked, &cargo_home] {
        let _ = fs::remove_dir_all(dir);
    }
    let unpack = fs::File::open(archive)
        .and_then(|file| tar::Archive::new(GzDecoder::new(file)).unpack(&unpacked));
    if let Err(error) = unpack {
        return problem(format!("cannot be unpacked: {error}"));
    }
    let top = unpacked.join(ARCHIVE_FOLDER);
    let build = Command::new(xtask::cargo())
        .current_dir(&top)
        .args(["build", "--offline", "--locked", "--workspace", "--bins"])
        .arg("--target-dir")
        .arg(work.join("target"))
        .env("CARGO_HOME", &cargo_home)
        .env_remove("CARGO_TARGET_DIR")
        .output();
    match build {
        Ok(out) if out.status.success() => {}
        Ok(out) => {
            let log = String::from_utf8_lossy(&out.stderr);
            return problem(format!("its listings do not build offline:\n{log}"));
        }
        Err(error) => return problem(format!("cannot run cargo: {error}")),
    }
    let output_file = top.join(PROBE).join("output.txt");
    let recorded = match fs::read_to_string(&output_file)
        .map_err(|e| e.to_string())
        .and_then(|text| parse_output_file(&text))
    {
        Ok(recorded) => recorded,
        Err(error) => return problem(format!("{PROBE}/output.txt: {error}")),
    };
    let bin = work.join("target/debug").join(&recorded.bin);
    let run = run_listing(&bin, &recorded.args, RUN_LIMIT)
        .map(|run| again_if_differs(run, &output_file, &bin, &recorded, RUN_LIMIT));
    match run {
        Ok(printed) if printed == recorded.expected => Vec::new(),
        Ok(printed) => problem(format!(
            "{PROBE}, built from the archive, prints:\n{printed}\
             and not what its output.txt shows:\n{}",
            recorded.expected
        )),
        Err(error) => problem(format!("{PROBE}, built from the archive: {error}")),
    }
}
