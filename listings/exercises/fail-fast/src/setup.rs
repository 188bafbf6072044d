use std::pin::Pin;

/// What a job ends with: a number, or a message that says what failed.
pub type JobResult = Result<u32, String>;

/// A job: a future that a task can run. It is boxed, so that one list can
/// hold jobs whose code differs.
pub type Job = Pin<Box<dyn Future<Output = JobResult> + Send>>;
