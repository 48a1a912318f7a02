//! Numerically stable `logsumexp` and `softmax` along an axis, as array methods.

use crate::{Partial, Real};
use ndarray::{Array, ArrayBase, Axis, Data, RemoveAxis, Zip};

/// Array methods that ndarray lacks and `#[differentiable]` code can call: import the trait
/// (`use autodiff_runtime::ArrayExt;`) and write `logits.logsumexp(Axis(1))`.
///
/// ```
/// use autodiff_runtime::ArrayExt;
/// use ndarray::{array, Axis};
/// let x = array![[1000.0f64, 1000.0], [0.0, f64::ln(3.0)]];
/// let l = x.logsumexp(Axis(1));
/// assert!((l[0] - (1000.0 + 2f64.ln())).abs() < 1e-12);
/// assert!((l[1] - 4f64.ln()).abs() < 1e-12);
/// let p = x.softmax(Axis(1));
/// assert!((p[[1, 1]] - 0.75).abs() < 1e-15);
/// ```
pub trait ArrayExt<T, D: RemoveAxis> {
    /// `ln Σ exp(x)` along `axis`, computed as `m + ln Σ exp(x − m)` with `m` the lane's
    /// maximum, so that it neither overflows nor underflows.
    fn logsumexp(&self, axis: Axis) -> Array<T, D::Smaller>;
    /// `exp(x) / Σ exp(x)` along `axis`, computed from shifted exponentials.
    fn softmax(&self, axis: Axis) -> Array<T, D>;
}

impl<T: Real, S: Data<Elem = T>, D: RemoveAxis> ArrayExt<T, D> for ArrayBase<S, D> {
    fn logsumexp(&self, axis: Axis) -> Array<T, D::Smaller> {
        logsumexp_with_softmax("logsumexp", self, axis).0
    }
    fn softmax(&self, axis: Axis) -> Array<T, D> {
        logsumexp_with_softmax("softmax", self, axis).1
    }
}

/// `logsumexp` along `axis`, and the softmax probabilities (its partials); `op` names the
/// caller in the panic of an axis out of range.
#[track_caller]
pub(crate) fn logsumexp_with_softmax<T: Real, S: Data<Elem = T>, D: RemoveAxis>(
    op: &str,
    x: &ArrayBase<S, D>,
    axis: Axis,
) -> (Array<T, D::Smaller>, Array<T, D>) {
    assert!(
        axis.index() < x.ndim(),
        "{op}: axis {} is out of range for an array of shape {:?}",
        axis.index(),
        x.shape()
    );
    let mut p = x.to_owned();
    let mut l = Array::zeros(x.raw_dim().remove_axis(axis));
    Zip::from(p.lanes_mut(axis)).and(&mut l).for_each(|mut lane, l| {
        let m = lane.fold(T::neg_infinity(), |m, &v| if v > m { v } else { m });
        let m = if m.is_finite() { m } else { T::zero() };
        let mut s = T::zero();
        lane.mapv_inplace(|v| {
            let e = (v - m).exp();
            s += e;
            e
        });
        lane.mapv_inplace(|e| e / s);
        *l = m + s.ln();
    });
    (l, p)
}

/// The partial of `logsumexp` along an axis: the softmax probabilities.
#[derive(Clone, Debug)]
pub struct LogSumExpPartial<T, D: ndarray::Dimension> {
    pub(crate) p: Array<T, D>,
    pub(crate) axis: Axis,
}

impl<T: Real, D: RemoveAxis> Partial<Array<T, D::Smaller>> for LogSumExpPartial<T, D> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &Array<T, D::Smaller>) -> Array<T, D> {
        let yb = y_bar.view().insert_axis(self.axis);
        let yb = yb.into_dimensionality::<D>().expect("one axis more");
        let mut out = self.p.clone();
        Zip::from(&mut out).and_broadcast(&yb).for_each(|o, &y| *o *= y);
        out
    }
    fn push(&self, x_dot: &Array<T, D>) -> Array<T, D::Smaller> {
        (&self.p * x_dot).sum_axis(self.axis)
    }
}

/// The partial of `softmax` along an axis: the probabilities `p`, with
/// `x̄ = p ⊙ (ȳ − Σₖ ȳ p)` and `ẏ = p ⊙ (ẋ − Σₖ ẋ p)`.
#[derive(Clone, Debug)]
pub struct SoftmaxPartial<T, D: ndarray::Dimension> {
    pub(crate) p: Array<T, D>,
    pub(crate) axis: Axis,
}

impl<T: Real, D: RemoveAxis> SoftmaxPartial<T, D> {
    fn apply(&self, t: &Array<T, D>) -> Array<T, D> {
        let s = (&self.p * t).sum_axis(self.axis).insert_axis(self.axis);
        let s = s.into_dimensionality::<D>().expect("one axis more");
        let mut out = t.to_owned();
        Zip::from(&mut out).and(&self.p).and_broadcast(&s).for_each(|o, &p, &s| *o = p * (*o - s));
        out
    }
}

impl<T: Real, D: RemoveAxis> Partial<Array<T, D>> for SoftmaxPartial<T, D> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &Array<T, D>) -> Array<T, D> {
        self.apply(y_bar)
    }
    fn push(&self, x_dot: &Array<T, D>) -> Array<T, D> {
        self.apply(x_dot)
    }
}
