//! Fields of `#[derive(Parameters)]` structs: `p.w` in `#[differentiable]` code.

use crate::{Accumulate, Adjoint, ShapeOf, Value, Zeros};

/// The partial of a field read `y = s.w`: the struct's shape, to make its zero cotangent,
/// and the way to the field in it.
pub struct Field<S: Zeros, M> {
    shape: ShapeOf<S>,
    get_mut: M,
}

/// `y = s.w`: the field, borrowed, and its partial. The macro passes the way to the field
/// twice, for reading and for writing (`|s| &s.w`, `|s| &mut s.w`).
///
/// ```
/// use autodiff_runtime::ops;
/// #[derive(Clone, autodiff_runtime::Parameters)]
/// struct P { a: f64, b: f64 }
/// let p = P { a: 1.0, b: 2.0 };
/// let (b, _) = ops::field(&p, |s| &s.b, |s| &mut s.b);
/// assert_eq!(*b, 2.0);
/// ```
#[inline(always)]
pub fn field<S, F, G, M>(s: &S, get: G, get_mut: M) -> (&F, Field<S, M>)
where
    S: Value<Tangent = S> + Zeros,
    G: Fn(&S) -> &F,
    M: Fn(&mut S) -> &mut F,
{
    (get(s), Field { shape: s.tangent_shape(), get_mut })
}

/// Forward mode of [`field`]: the field of the tangent.
#[inline(always)]
pub fn field_jvp<'a, S, F, G, M>(s: &'a S, get: G, _get_mut: M, s_dot: &S) -> (&'a F, F)
where
    G: Fn(&S) -> &F,
    M: Fn(&mut S) -> &mut F,
    F: Clone,
{
    (get(s), get(s_dot).clone())
}

/// Reverse mode of [`field`]: `s̄.w += ȳ`, making `s̄` a zero struct first if nothing has
/// contributed to it yet.
#[inline(always)]
pub fn field_vjp<S, F, M>(y_bar: Adjoint<F>, s_bar: &mut Adjoint<S>, d: Field<S, M>)
where
    S: Zeros + Accumulate,
    F: Accumulate,
    M: Fn(&mut S) -> &mut F,
{
    if let Some(yb) = y_bar.get() {
        let s = s_bar.get_or_insert_with(|| d.shape.zeros());
        (d.get_mut)(s).accumulate(yb);
    }
}
