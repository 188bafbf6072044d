//! Whole runs of the listing. Its `--help` and bad flags are tested for
//! every listing in `book-tests`.

use user_input::{line_at, quiet_run_lines};

const PROGRAM: &str = env!("CARGO_BIN_EXE_rendezvous");

/// tokio refuses a channel that holds nothing, with this message.
#[test]
#[should_panic(expected = "mpsc bounded channel requires buffer > 0")]
fn tokio_refuses_capacity_zero() {
    let _ = tokio::sync::mpsc::channel::<u32>(0);
}

/// So does smol's channel, the async-channel crate.
#[test]
#[should_panic(expected = "capacity cannot be zero")]
fn smol_refuses_capacity_zero() {
    let _ = smol::channel::bounded::<u32>(0);
}

/// Without an acknowledgement, the producer's send of item 2 ends before
/// the consumer takes item 2; with one, the producer goes on only after the
/// consumer has taken each of the 3 items.
#[test]
fn the_producer_goes_on_only_after_its_item_is_taken() {
    for clock in ["paused", "real"] {
        let lines = quiet_run_lines(PROGRAM, &["--clock", clock]);
        let half = line_at(
            &lines,
            "-- capacity 1 and an acknowledgement: a rendezvous --",
        );
        let (ahead, rendezvous) = lines.split_at(half);
        assert!(
            line_at(ahead, "producer: sent 2") < line_at(ahead, "consumer: took 2"),
            "{lines:?}"
        );
        for item in 1..=3 {
            let offers = line_at(rendezvous, &format!("producer: offers {item}"));
            let took = line_at(rendezvous, &format!("consumer: took {item}"));
            let taken = line_at(rendezvous, &format!("producer: {item} was taken"));
            assert!(offers < took && took < taken, "{lines:?}");
            if item < 3 {
                let next =
                    line_at(rendezvous, &format!("producer: offers {}", item + 1));
                assert!(taken < next, "{lines:?}");
            }
        }
    }
}
