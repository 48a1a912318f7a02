//! Typed tapes: what the forward sweep of a loop or branch keeps for the reverse sweep.
//!
//! Generated code gives every block inside a loop a [`Tape`] of records, one record per
//! execution, holding exactly what that block's reverse needs: the local partial derivatives
//! of its rules (one `f64` for a unary rule such as `sin`, one per active input of a binary
//! rule such as `mul`, nothing for `+`, `−` and negation), the pullbacks of its calls, the
//! tag of each branch it contains and the trip count of each loop it contains. A record is
//! therefore a tuple of those values and a tape costs `size_of::<record>()` bytes per
//! iteration, reserved once for a `for` loop whose trip count is known. A block inside a
//! branch that runs at most once (outside any loop) uses a [`Slot`] instead, which never
//! allocates.

/// A stack of per-iteration records, pushed by the forward sweep and popped in reverse.
///
/// ```
/// use autodiff_runtime::Tape;
/// let mut tape = Tape::with_capacity(3);
/// for i in 0..3 {
///     tape.push((i as f64, i * 2));
/// }
/// assert_eq!(tape.pop(), (2.0, 4));
/// assert_eq!(tape.len(), 2);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Tape<T> {
    records: Vec<T>,
}

impl<T> Tape<T> {
    /// An empty tape; allocates on the first push.
    #[inline]
    pub fn new() -> Self {
        Tape { records: Vec::new() }
    }

    /// An empty tape with room for `n` records.
    #[inline]
    pub fn with_capacity(n: usize) -> Self {
        Tape { records: Vec::with_capacity(n) }
    }

    /// Makes room for `n` more records at once, so that pushing them does not reallocate.
    #[inline]
    pub fn reserve(&mut self, n: usize) {
        self.records.reserve(n);
    }

    /// Records one execution.
    #[inline(always)]
    pub fn push(&mut self, record: T) {
        self.records.push(record);
    }

    /// The most recent record.
    ///
    /// # Panics
    /// If the tape is empty: the reverse sweep popped more records than the forward sweep
    /// pushed, which generated code never does.
    #[inline(always)]
    #[track_caller]
    pub fn pop(&mut self) -> T {
        self.records.pop().expect("tape underflow: the reverse sweep popped more records than were pushed")
    }

    /// Number of records held.
    #[inline]
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether no record is held.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Bytes held per record: `size_of::<T>()`.
    pub const fn bytes_per_record() -> usize {
        core::mem::size_of::<T>()
    }
}

/// A tape of at most one record, for a block that runs at most once; it never allocates.
///
/// ```
/// use autodiff_runtime::Slot;
/// let mut slot = Slot::new();
/// slot.push(1.5f64);
/// assert_eq!(slot.pop(), 1.5);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Slot<T> {
    record: Option<T>,
}

impl<T> Slot<T> {
    /// An empty slot.
    #[inline]
    pub fn new() -> Self {
        Slot { record: None }
    }

    /// Records the one execution.
    #[inline(always)]
    pub fn push(&mut self, record: T) {
        debug_assert!(self.record.is_none(), "a slot holds one record");
        self.record = Some(record);
    }

    /// Takes the record.
    ///
    /// # Panics
    /// If nothing was recorded, which generated code never asks for.
    #[inline(always)]
    #[track_caller]
    pub fn pop(&mut self) -> T {
        self.record.take().expect("slot underflow: the reverse sweep popped a record that was never pushed")
    }
}
