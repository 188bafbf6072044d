//! Whole runs of the listing's three parts, on the paused clock and the
//! real one.

use user_input::{masked, quiet_run_lines};

const PROGRAM: &str = env!("CARGO_BIN_EXE_framed-select");

/// The lines of a run of `part` on the paused clock. A run on the real
/// clock must print the same lines, numbers masked: every event of the
/// writer is at least 30 ms from a tick. A machine busy enough to stall
/// the process for longer fires a tick and a write in one turn, in either
/// order, and that run tells nothing about the code: on a 2-core machine
/// with a load of 30 to 40, 4 of 90 `--part broken` runs came out so. So
/// up to five real runs are tried, as `user_input::run_on_time` does; a
/// mistake in the code fails all five.
fn both_clocks(part: &str) -> Vec<String> {
    let paused = quiet_run_lines(PROGRAM, &["--clock", "paused", "--part", part]);
    let mask =
        |lines: &[String]| lines.iter().map(|l| masked(l)).collect::<Vec<_>>();
    let mut real = Vec::new();
    for _ in 0..5 {
        real = quiet_run_lines(PROGRAM, &["--clock", "real", "--part", part]);
        if mask(&real) == mask(&paused) {
            break;
        }
    }
    assert_eq!(mask(&real), mask(&paused), "--part {part}");
    paused
}

/// The ticks that precede message 3: its header comes at 250 ms, the tick
/// at 300 ms, its body at 350 ms.
const BEFORE_THE_THIRD: [&str; 6] = [
    "   0 ms  tick 1",
    "  60 ms  message 1: \"one\"",
    " 100 ms  tick 2",
    " 160 ms  message 2: \"two\"",
    " 200 ms  tick 3",
    " 300 ms  tick 4",
];

/// The tick at 300 ms drops the `read_message` that had read message 3's
/// header: the next one reads the body's first byte, `t` (116), as a
/// length, and the reader stops with two of the four messages.
#[test]
fn a_tick_between_header_and_body_loses_the_header() {
    let lines = both_clocks("broken");
    let mut expected = BEFORE_THE_THIRD.to_vec();
    expected.extend([
        " 350 ms  out of step: a header says 116 bytes, the limit is 16",
        "2 of 4 messages read",
    ]);
    assert_eq!(lines, expected);
    assert_eq!(u8::try_from('t').unwrap(), 116);
}

/// The same run, with the fixes: all four messages, in order, and the
/// ticks keep their times.
#[test]
fn a_pinned_read_and_a_kept_buffer_lose_nothing() {
    let mut expected = BEFORE_THE_THIRD.to_vec();
    expected.extend([
        " 350 ms  message 3: \"three\"",
        " 400 ms  tick 5",
        " 460 ms  message 4: \"four\"",
        " 460 ms  end of stream",
        "4 of 4 messages read",
    ]);
    assert_eq!(both_clocks("pinned"), expected);
    assert_eq!(both_clocks("buffered"), expected);
}
