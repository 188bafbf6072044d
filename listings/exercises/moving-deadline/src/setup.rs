use std::time::Duration;

/// How long `collect_until_idle` waits for the next item before it gives
/// up: the idle period.
pub const IDLE: Duration = Duration::from_millis(50);
