//! The contract between the book and its listings, checked on this tree.
//! `cargo xtask test` runs these after building every listing.

use std::path::PathBuf;
use std::sync::OnceLock;

use book_tests::{
    archive, assert_none, book, claims, flags, hosting, instructors, listings,
    markdown, quizzes, root,
};

/// Where cargo puts what it builds, and so where the listings' binaries are.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root().join("target"), PathBuf::from)
}

/// The site, built once for every test that reads it: (its folder, its
/// log). `cargo xtask test` builds it before these tests run, for the
/// browser tests too, and names it in `COURSE_SITE_DIR` and
/// `COURSE_SITE_LOG`; without them, it is built here.
fn built_book() -> &'static (PathBuf, String) {
    static BUILT: OnceLock<(PathBuf, String)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let given = std::env::var_os("COURSE_SITE_DIR")
            .zip(std::env::var_os("COURSE_SITE_LOG"));
        if let Some((dir, log)) = given {
            let log =
                std::fs::read_to_string(&log).expect("COURSE_SITE_LOG is readable");
            return (PathBuf::from(dir), log);
        }
        let out = target_dir().join("contract/book");
        let _ = std::fs::remove_dir_all(&out);
        let log = book::build(&root(), &out);
        (out, log)
    })
}

#[test]
fn the_book_builds_with_no_error_or_warning() {
    assert_none(book::check_build_log(&root(), &built_book().1));
}

#[test]
fn internal_links_and_fragments_resolve() {
    assert_none(book::check_links(&root(), &built_book().0));
}

#[test]
fn the_listings_archive_builds_and_runs_offline() {
    let file = built_book().0.join(xtask::site::LISTINGS_ARCHIVE);
    let work = target_dir().join("contract/archive");
    assert_none(archive::check_archive(&file, &work));
}

#[test]
fn the_pages_workflow_publishes_what_xtask_site_builds() {
    assert_none(hosting::check_pages_workflow(&root()));
}

#[test]
fn includes_name_files_and_anchors_that_exist() {
    assert_none(markdown::check_includes(&root()));
}

#[test]
fn shown_output_comes_from_output_files() {
    assert_none(markdown::check_console_blocks(&root()));
}

#[test]
fn every_listing_is_shown_and_in_the_workspace() {
    assert_none(listings::check_included(&root()));
}

/// Listings and their tests reach no other machine.
#[test]
fn listings_name_no_host_but_the_loopback() {
    assert_none(listings::check_hosts(&root()));
}

/// A Run button that can only fail is worse than none.
#[test]
fn listings_with_a_run_button_use_only_what_the_playground_has() {
    assert_none(listings::check_playground(&root()));
}

/// mdBook silently leaves out a page that SUMMARY.md does not list.
#[test]
fn every_page_under_src_is_listed_in_summary_md() {
    assert_none(markdown::check_pages_listed(&root()));
}

#[test]
fn unwritten_chapters_are_drafts_not_placeholder_pages() {
    assert_none(markdown::check_no_placeholders(&root()));
}

/// Builds the listings first, so that an edited listing is what runs. Also
/// checks that each run leaves no process behind: see `run_listing`.
#[test]
fn listings_print_the_shown_output_and_leave_no_process_behind() {
    assert_none(listings::check_outputs(
        &root(),
        &target_dir(),
        xtask::outputs::RUN_LIMIT,
    ));
}

/// The one test of every listing's `--help` and bad input (the listings'
/// own tests check only what is theirs): see `book_tests::flags`.
#[test]
fn listings_with_flags_answer_help_and_bad_input() {
    assert_none(flags::check_flags(
        &root(),
        &target_dir(),
        flags::ANSWER_LIMIT,
    ));
}

#[test]
fn listings_shown_as_failing_fail_with_the_named_error() {
    let target = target_dir().join("contract/compile-fail");
    assert_none(listings::check_compile_fail(&root(), &target));
}

#[test]
fn the_quiz_preprocessor_gets_only_keys_it_knows() {
    assert_none(book::check_quiz_config(&root()));
}

/// mdbook-quiz cannot run tokio code: the tests run it for the quiz.
#[test]
fn quiz_questions_showing_crate_code_show_a_listing_and_its_output() {
    assert_none(quizzes::check_quiz_code(&root()));
}

#[test]
fn every_quiz_question_keeps_its_id() {
    assert_none(book::check_quiz_ids(&root()));
}

#[test]
fn sentences_about_a_test_state_only_numbers_in_its_code() {
    assert_none(claims::check_test_claims(&root()));
}

#[test]
fn every_discussion_question_has_an_answer_for_instructors() {
    assert_none(instructors::check_discussion_answers(&root()));
}

/// The preprocessor puts each timed page in exactly one session plan, and
/// writes the plans' tables: `the_book_builds_with_no_error_or_warning`.
#[test]
fn every_page_a_class_reads_has_timed_speaker_notes() {
    assert_none(instructors::check_speaker_notes(&root()));
}

#[test]
fn every_timed_page_leaves_time_to_read_its_core_text() {
    assert_none(instructors::check_pace(&root()));
}

#[test]
fn chapters_without_instructor_material_are_pending_only_until_they_have_it() {
    assert_none(instructors::check_pending_chapters(
        &root(),
        instructors::PENDING,
    ));
}

#[test]
fn exercise_pages_show_the_starter_and_solution_pages_the_solution() {
    assert_none(instructors::check_exercise_pages(&root()));
}

/// Builds each exercise twice, starter and solution, in a target folder of
/// its own so that it never waits for the lock of the build that runs it.
#[test]
fn exercise_tests_fail_on_the_starter_and_pass_on_the_solution() {
    let target = target_dir().join("contract/exercises");
    assert_none(instructors::check_exercises(&root(), &target));
}
