/// Two futures polled side by side. Each output is kept here as soon as
/// its future is ready, until the other one is ready too.
pub struct Join<A: Future, B: Future> {
    pub(crate) a: A,
    pub(crate) b: B,
    pub(crate) a_output: Option<A::Output>,
    pub(crate) b_output: Option<B::Output>,
}

/// Runs `a` and `b` at once. Both must be `Unpin`, so that `poll` can reach
/// them through a plain `&mut`; to join a future that is not, pass
/// `pin!(future)` or `Box::pin(future)`, pointers that are.
pub fn join<A, B>(a: A, b: B) -> Join<A, B>
where
    A: Future + Unpin,
    B: Future + Unpin,
{
    Join {
        a,
        b,
        a_output: None,
        b_output: None,
    }
}

// `Join` never pins what it holds in place, so moving it is always fine.
impl<A: Future + Unpin, B: Future + Unpin> Unpin for Join<A, B> {}
