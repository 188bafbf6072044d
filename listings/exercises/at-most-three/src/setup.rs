use std::pin::Pin;

/// A job: a future that ends with a number. It is boxed, so that one list
/// can hold jobs whose code differs, and `Send`, so that a task may run it.
pub type Job = Pin<Box<dyn Future<Output = u32> + Send>>;
