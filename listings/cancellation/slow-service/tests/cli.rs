//! A whole run of the listing, against its own delay service on 127.0.0.1.

use user_input::quiet_run_lines;

const PROGRAM: &str = env!("CARGO_BIN_EXE_slow-service");

/// The 30 ms request beats the 200 ms timeout and the 400 ms one does not;
/// in the race, the 40 ms request wins. Each request that lost was dropped,
/// which closed its connection: the server says so before the next part,
/// which starts 50 ms later.
#[test]
fn the_requests_that_lose_are_dropped_and_their_connections_closed() {
    let lines = quiet_run_lines(PROGRAM, &[]);
    assert_eq!(
        lines,
        [
            "-- timeout --",
            "client: asked for 30 ms, got \"done after 30 ms\"",
            "client: asked for 400 ms, gave up after 200ms",
            "server: the client of the 400 ms request hung up",
            "-- select! --",
            "client: the 40 ms request won: \"done after 40 ms\"",
            "server: the client of the 300 ms request hung up",
        ]
    );
}
