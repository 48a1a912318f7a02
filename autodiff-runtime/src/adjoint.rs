//! Cotangent accumulators of the reverse sweep.

use crate::{Accumulate, Value};

/// The cotangent of one value in the reverse sweep, accumulated from every use of that value.
///
/// It starts empty, which stands for zero, so that a value whose cotangent nothing
/// contributes to costs nothing, and the first contribution is moved in rather than added
/// to a zero. Generated code declares one per active value (`__y_bar`) and passes it by value
/// to the rule that defined the value, once every use has contributed.
///
/// ```
/// use autodiff_runtime::Adjoint;
/// let mut x_bar = Adjoint::zero();
/// x_bar.add(2.0);
/// x_bar.add(0.5);
/// assert_eq!(x_bar.into_tangent(&1.0f64), 2.5);
/// assert_eq!(Adjoint::<f64>::zero().into_tangent(&7.0), 0.0);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub struct Adjoint<T>(Option<T>);

impl<T> Default for Adjoint<T> {
    fn default() -> Self {
        Adjoint(None)
    }
}

impl<T> Adjoint<T> {
    /// An empty (zero) cotangent.
    #[inline(always)]
    pub fn zero() -> Self {
        Adjoint(None)
    }

    /// A cotangent holding `v`.
    #[inline(always)]
    pub fn new(v: T) -> Self {
        Adjoint(Some(v))
    }

    /// The accumulated value, or `None` when nothing contributed.
    #[inline(always)]
    pub fn get(self) -> Option<T> {
        self.0
    }

    /// A reference to the accumulated value, or `None` when nothing contributed.
    #[inline(always)]
    pub fn peek(&self) -> Option<&T> {
        self.0.as_ref()
    }

    /// The accumulated value, made by `f` first if nothing has contributed yet.
    #[inline(always)]
    pub fn get_or_insert_with(&mut self, f: impl FnOnce() -> T) -> &mut T {
        self.0.get_or_insert_with(f)
    }

    /// Whether nothing has contributed yet.
    #[inline(always)]
    pub fn is_zero(&self) -> bool {
        self.0.is_none()
    }

    /// Takes the accumulated value out, leaving the adjoint empty.
    #[inline(always)]
    pub fn take(&mut self) -> Self {
        Adjoint(self.0.take())
    }
}

impl<T: Accumulate> Adjoint<T> {
    /// `self += v`.
    #[inline(always)]
    pub fn add(&mut self, v: T) {
        match &mut self.0 {
            Some(a) => a.accumulate(v),
            None => self.0 = Some(v),
        }
    }

    /// `self += other`, where `other` may be empty.
    #[inline(always)]
    pub fn merge(&mut self, other: Adjoint<T>) {
        if let Some(v) = other.0 {
            self.add(v);
        }
    }

    /// The accumulated value, or a zero tangent of `shape` when nothing contributed.
    #[inline(always)]
    pub fn into_tangent_shaped(self, shape: &crate::ShapeOf<T>) -> T
    where
        T: crate::Zeros,
    {
        match self.0 {
            Some(v) => v,
            None => shape.zeros(),
        }
    }

    /// The accumulated value, or the zero tangent of `primal` when nothing contributed.
    #[inline(always)]
    pub fn into_tangent<V: Value<Tangent = T> + ?Sized>(self, primal: &V) -> T {
        match self.0 {
            Some(v) => v,
            None => primal.zero_tangent(),
        }
    }
}

/// The derivative slot of a parameter that is not differentiated (an integer, a `bool`, or a
/// parameter left out of `wrt(...)`).
///
/// Generated pullbacks return it in that parameter's place, and generated forward-mode code
/// takes it there.
///
/// ```
/// use autodiff_runtime::NoTangent;
/// assert_eq!(NoTangent, NoTangent::default());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoTangent;

/// A cotangent that a call's pullback hands back for one argument, to be added into the
/// caller's adjoint of that argument.
///
/// Implemented for every tangent type; not for [`NoTangent`], so that an active argument
/// passed to a parameter the callee does not differentiate is a compile error rather than a
/// silently dropped derivative.
///
/// ```
/// use autodiff_runtime::{Adjoint, Contribution};
/// let mut x_bar = Adjoint::zero();
/// 2.0f64.add_to(&mut x_bar);
/// assert_eq!(x_bar.get(), Some(2.0));
/// ```
#[diagnostic::on_unimplemented(
    message = "the called function does not differentiate with respect to this argument, but the argument depends on an active input",
    label = "its derivative would be lost here",
    note = "list the parameter in the callee's `#[differentiable(wrt(...))]`, or give it a differentiable type"
)]
pub trait Contribution<T> {
    /// Adds `self` into `bar`.
    fn add_to(self, bar: &mut Adjoint<T>);
}

impl<T: Accumulate> Contribution<T> for T {
    #[inline(always)]
    fn add_to(self, bar: &mut Adjoint<T>) {
        bar.add(self)
    }
}
