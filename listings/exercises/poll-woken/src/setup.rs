use std::pin::Pin;

/// A task's future, boxed, so that futures of any type fit in one `Vec`.
pub type BoxedTask = Pin<Box<dyn Future<Output = ()>>>;
