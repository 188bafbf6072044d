/// A CPU-bound step: it computes, or blocks its thread, for a long time
/// with no `.await` (a hash of a large file, a page to compress), then
/// returns a number. It is `Send` and `'static`, so another thread may run
/// it.
pub type Step = Box<dyn FnOnce() -> u64 + Send>;
