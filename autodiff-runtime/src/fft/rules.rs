//! The FFT rules: primal, JVP and VJP side by side, and their partials.
//!
//! Every rule here is linear, so the partial keeps no values, only what the transform was
//! (its axes, direction and shapes); pulling back and pushing forward both apply a transform
//! (see the table in the [module docs](crate::fft)).

use super::kernels::{Par, roll, transform_axes};
use super::{Axes, FftElem, check_shape};
use crate::{Accumulate, Adjoint, Partial};
use core::marker::PhantomData;
use ndarray::{Array, ArrayBase, Axis, Data, Dimension};
use num_complex::Complex;
use rustfft::FftDirection;

/// The partial of a DFT rule (`fft`, `ifft`, `fft2`, ...) on an input of element type `E`:
/// which transform it was, and the input's shape.
///
/// The DFT matrices are symmetric, so under the [convention](crate::fft) the VJP is the same
/// transform as the primal (`x̄ += fft(ȳ)` for `fft`, `x̄ += ifft(ȳ)` for `ifft`), and so is the
/// JVP. For a real input, pulling back keeps the real part.
///
/// ```
/// use autodiff_runtime::{ops, Complex64, Partial};
/// use ndarray::array;
/// let (_, d) = ops::fft(&array![1.0f64, 2.0]);
/// // the cotangent of a real input is real: Re fft(ȳ)
/// assert_eq!(d.pull(&array![Complex64::new(1.0, 5.0), Complex64::new(0.5, 0.0)]), array![1.5, 0.5]);
/// ```
#[derive(Clone, Debug)]
pub struct Dft<E, D> {
    op: &'static str,
    axes: Axes,
    direction: FftDirection,
    shape: D,
    _e: PhantomData<E>,
}

impl<E: FftElem, D: Dimension> Dft<E, D> {
    /// The transform of the primal, applied to `c` in place.
    fn apply(&self, c: &mut Array<Complex<E::Real>, D>) {
        transform_axes(c, self.axes, self.direction, Par::Auto);
    }
}

impl<E: FftElem, D: Dimension> Partial<Array<Complex<E::Real>, D>> for Dft<E, D> {
    type X = Array<E, D>;
    #[track_caller]
    fn pull(&self, y_bar: &Array<Complex<E::Real>, D>) -> Array<E, D> {
        self.pull_owned(y_bar.to_owned())
    }
    #[track_caller]
    fn pull_owned(&self, mut y_bar: Array<Complex<E::Real>, D>) -> Array<E, D> {
        check_shape(self.op, "cotangent", self.shape.slice(), y_bar.shape());
        self.apply(&mut y_bar);
        E::from_cotangent_array(y_bar)
    }
    #[track_caller]
    fn push(&self, x_dot: &Array<E, D>) -> Array<Complex<E::Real>, D> {
        check_shape(self.op, "tangent", self.shape.slice(), x_dot.shape());
        let mut t = E::into_complex_array(x_dot.to_owned());
        self.apply(&mut t);
        t
    }
}

/// The transform of `x` along `axes`, and its partial.
#[allow(clippy::type_complexity)]
fn dft<E: FftElem, S: Data<Elem = E>, D: Dimension>(
    op: &'static str,
    x: &ArrayBase<S, D>,
    axes: Axes,
    direction: FftDirection,
) -> (Array<Complex<E::Real>, D>, Dft<E, D>) {
    let mut y = x.map(|v| v.to_complex());
    transform_axes(&mut y, axes, direction, Par::Auto);
    (y, Dft { op, axes, direction, shape: x.raw_dim(), _e: PhantomData })
}

/// Generates, for each DFT rule, its primal (documented by the caller), JVP and VJP.
macro_rules! dft_rules {
    ($(
        $(#[$doc:meta])*
        $name:ident, $jvp:ident, $vjp:ident ($($arg:ident: $ty:ty = $ex:expr),*) => |$nd:ident| $axes:expr, $dir:ident;
    )*) => {$(
        $(#[$doc])*
        #[track_caller]
        pub fn $name<E: FftElem, S: Data<Elem = E>, D: Dimension>(
            x: &ArrayBase<S, D>,
            $($arg: $ty,)*
        ) -> (Array<Complex<E::Real>, D>, Dft<E, D>) {
            let $nd = x.shape();
            dft(stringify!($name), x, $axes, FftDirection::$dir)
        }

        #[doc = concat!("Forward mode of [`", stringify!($name), "`]: the tangent is transformed as the value is, `ẏ = ", stringify!($name), "(ẋ)`.")]
        ///
        /// # Panics
        /// As the primal does, and if `x_dot` does not have the shape of `x`.
        ///
        /// ```
        /// use autodiff_runtime::{ops, Complex64};
        /// use ndarray::{array, Axis};
        /// let c = Complex64::new;
        /// let x = array![[c(1.0, 2.0), c(0.5, -1.0), c(0.0, 1.0)], [c(-0.25, 0.0), c(2.0, 1.0), c(1.0, 1.0)]];
        /// let x_dot = x.mapv(|v| v * c(0.0, 2.0));
        #[doc = concat!("let (y, y_dot) = ops::", stringify!($jvp), "(&x, ", $(stringify!($ex), ", ",)* "&x_dot);")]
        #[doc = concat!("assert_eq!(y, ops::", stringify!($name), "(&x", $(", ", stringify!($ex),)* ").0);")]
        /// // ẋ = 2i·x, and the rule is linear: ẏ = 2i·y
        /// for (t, y) in y_dot.iter().zip(&y) {
        ///     assert!((t - y * c(0.0, 2.0)).norm() < 1e-12);
        /// }
        /// ```
        #[track_caller]
        pub fn $jvp<E: FftElem, S: Data<Elem = E>, D: Dimension>(
            x: &ArrayBase<S, D>,
            $($arg: $ty,)*
            x_dot: &Array<E, D>,
        ) -> (Array<Complex<E::Real>, D>, Array<Complex<E::Real>, D>) {
            let (y, d) = $name(x, $($arg),*);
            (y, d.push(x_dot))
        }

        #[doc = concat!("Reverse mode of [`", stringify!($name), "`]: `x̄ += ", stringify!($name), "(ȳ)` (the transpose of the transform is itself; the real part for a real input).")]
        ///
        /// The check below is the adjoint identity `⟨ȳ, J ẋ⟩ = ⟨Jᵀȳ, ẋ⟩` in the pairing
        /// `⟨a, b⟩ = Re Σ a·b` of the [convention](crate::fft).
        ///
        /// # Panics
        /// If `ȳ` does not have the shape of the output.
        ///
        /// ```
        /// use autodiff_runtime::{ops, Adjoint, Complex64};
        /// use ndarray::{array, Array2, Axis};
        /// let c = Complex64::new;
        /// let x = array![[c(1.0, 2.0), c(0.5, -1.0), c(0.0, 1.0)], [c(-0.25, 0.0), c(2.0, 1.0), c(1.0, 1.0)]];
        /// let x_dot = array![[c(0.3, -0.2), c(1.0, 0.5), c(0.0, 0.1)], [c(0.0, 1.0), c(-0.7, 0.1), c(0.2, 0.2)]];
        /// let y_bar = array![[c(1.0, -1.0), c(0.25, 2.0), c(0.5, 0.0)], [c(-0.5, 0.5), c(1.5, 0.0), c(0.0, -3.0)]];
        #[doc = concat!("let (_, d) = ops::", stringify!($name), "(&x", $(", ", stringify!($ex),)* ");")]
        #[doc = concat!("let (_, y_dot) = ops::", stringify!($jvp), "(&x, ", $(stringify!($ex), ", ",)* "&x_dot);")]
        /// let mut x_bar = Adjoint::zero();
        #[doc = concat!("ops::", stringify!($vjp), "(Adjoint::new(y_bar.clone()), &mut x_bar, d);")]
        /// let x_bar = x_bar.get().unwrap();
        /// let pair = |a: &Array2<Complex64>, b: &Array2<Complex64>| (a * b).sum().re;
        /// assert!((pair(&y_bar, &y_dot) - pair(&x_bar, &x_dot)).abs() < 1e-12);
        /// ```
        #[track_caller]
        pub fn $vjp<E: FftElem, D: Dimension>(
            y_bar: Adjoint<Array<Complex<E::Real>, D>>,
            x_bar: &mut Adjoint<Array<E, D>>,
            d: Dft<E, D>,
        ) where
            Array<E, D>: Accumulate,
        {
            if let Some(yb) = y_bar.get() {
                x_bar.add(d.pull_owned(yb));
            }
        }
    )*};
}

dft_rules! {
    /// `y = fft(x)` along the last axis (numpy's `np.fft.fft(x)`), unnormalised:
    /// `yₖ = Σⱼ xⱼ e^{−2πi jk/n}`, for every lane along that axis. A real input is taken as
    /// complex. The partial keeps only the shape.
    ///
    /// # Panics
    /// If `x` has no axis (0 dimensions).
    ///
    /// ```
    /// use autodiff_runtime::{ops, Complex64};
    /// use ndarray::array;
    /// let (y, _) = ops::fft(&array![1.0f64, 2.0, 3.0, 4.0]);
    /// let c = Complex64::new;
    /// let expected = [c(10.0, 0.0), c(-2.0, 2.0), c(-2.0, 0.0), c(-2.0, -2.0)];
    /// assert!(y.iter().zip(&expected).all(|(a, b)| (a - b).norm() < 1e-12));
    /// ```
    fft, fft_jvp, fft_vjp () => |nd| Axes::last("fft", nd, 1), Forward;

    /// `x = ifft(y)` along the last axis (numpy's `np.fft.ifft(y)`), normalised by `1/n`:
    /// `xⱼ = (1/n) Σₖ yₖ e^{2πi jk/n}`, the inverse of [`fft`].
    ///
    /// # Panics
    /// If `x` has no axis (0 dimensions).
    ///
    /// ```
    /// use autodiff_runtime::{ops, Complex64};
    /// use ndarray::array;
    /// let c = Complex64::new;
    /// let (x, _) = ops::ifft(&array![c(10.0, 0.0), c(-2.0, 2.0), c(-2.0, 0.0), c(-2.0, -2.0)]);
    /// let expected = [c(1.0, 0.0), c(2.0, 0.0), c(3.0, 0.0), c(4.0, 0.0)];
    /// assert!(x.iter().zip(&expected).all(|(a, b)| (a - b).norm() < 1e-12));
    /// ```
    ifft, ifft_jvp, ifft_vjp () => |nd| Axes::last("ifft", nd, 1), Inverse;

    /// `y = fft(x)` along `axis` (numpy's `np.fft.fft(x, axis=k)`); see [`fft`].
    ///
    /// # Panics
    /// If `axis` is out of range.
    ///
    /// ```
    /// use autodiff_runtime::{ops, Complex64};
    /// use ndarray::{array, Axis};
    /// let (y, _) = ops::fft_axis(&array![[1.0f64, 2.0], [3.0, 4.0]], Axis(0));
    /// assert_eq!(y, array![[4.0, 6.0], [-2.0, -2.0]].mapv(|v| Complex64::new(v, 0.0)));
    /// ```
    fft_axis, fft_axis_jvp, fft_axis_vjp (axis: Axis = Axis(0)) => |nd| Axes::from_list("fft_axis", nd, &[axis]), Forward;

    /// `x = ifft(y)` along `axis` (numpy's `np.fft.ifft(y, axis=k)`); see [`ifft`].
    ///
    /// # Panics
    /// If `axis` is out of range.
    ///
    /// ```
    /// use autodiff_runtime::{ops, Complex64};
    /// use ndarray::{array, Axis};
    /// let (x, _) = ops::ifft_axis(&array![[4.0f64, 6.0], [-2.0, -2.0]], Axis(0));
    /// assert_eq!(x, array![[1.0, 2.0], [3.0, 4.0]].mapv(|v| Complex64::new(v, 0.0)));
    /// ```
    ifft_axis, ifft_axis_jvp, ifft_axis_vjp (axis: Axis = Axis(0)) => |nd| Axes::from_list("ifft_axis", nd, &[axis]), Inverse;

    /// `y = fft2(x)`: the transform along the last two axes (numpy's `np.fft.fft2(x)`),
    /// unnormalised.
    ///
    /// # Panics
    /// If `x` has fewer than two axes.
    ///
    /// ```
    /// use autodiff_runtime::{ops, Complex64};
    /// use ndarray::array;
    /// let (y, _) = ops::fft2(&array![[1.0f64, 2.0], [3.0, 4.0]]);
    /// assert_eq!(y, array![[10.0, -2.0], [-4.0, 0.0]].mapv(|v| Complex64::new(v, 0.0)));
    /// ```
    fft2, fft2_jvp, fft2_vjp () => |nd| Axes::last("fft2", nd, 2), Forward;

    /// `x = ifft2(y)`: the inverse transform along the last two axes (numpy's
    /// `np.fft.ifft2(y)`), divided by the product of their lengths.
    ///
    /// # Panics
    /// If `x` has fewer than two axes.
    ///
    /// ```
    /// use autodiff_runtime::{ops, Complex64};
    /// use ndarray::array;
    /// let (x, _) = ops::ifft2(&array![[10.0f64, -2.0], [-4.0, 0.0]]);
    /// assert_eq!(x, array![[1.0, 2.0], [3.0, 4.0]].mapv(|v| Complex64::new(v, 0.0)));
    /// ```
    ifft2, ifft2_jvp, ifft2_vjp () => |nd| Axes::last("ifft2", nd, 2), Inverse;

    /// `y = fftn(x)`: the transform along every axis (numpy's `np.fft.fftn(x)`),
    /// unnormalised. A 0-dimensional array is its own transform.
    ///
    /// ```
    /// use autodiff_runtime::{ops, Complex64};
    /// use ndarray::array;
    /// let (y, _) = ops::fftn(&array![[[1.0f64, 2.0], [3.0, 4.0]]]);
    /// assert_eq!(y, array![[[10.0, -2.0], [-4.0, 0.0]]].mapv(|v| Complex64::new(v, 0.0)));
    /// ```
    fftn, fftn_jvp, fftn_vjp () => |nd| Axes::all(nd.len()), Forward;

    /// `x = ifftn(y)`: the inverse transform along every axis (numpy's `np.fft.ifftn(y)`),
    /// divided by the number of elements.
    ///
    /// ```
    /// use autodiff_runtime::{ops, Complex64};
    /// use ndarray::array;
    /// let (x, _) = ops::ifftn(&array![[[10.0f64, -2.0], [-4.0, 0.0]]]);
    /// assert_eq!(x, array![[[1.0, 2.0], [3.0, 4.0]]].mapv(|v| Complex64::new(v, 0.0)));
    /// ```
    ifftn, ifftn_jvp, ifftn_vjp () => |nd| Axes::all(nd.len()), Inverse;
}

// ---------------------------------------------------------------------------------------
// fftshift, ifftshift

/// The partial of `fftshift` and `ifftshift`: the roll applied along each axis, and the
/// shape. A roll is a permutation, whose transpose is the opposite roll: the VJP of
/// `fftshift` is `ifftshift` and the other way round.
///
/// ```
/// use autodiff_runtime::{ops, Partial};
/// use ndarray::array;
/// let (y, d) = ops::fftshift(&array![0.0f64, 1.0, 2.0, 3.0, 4.0]);
/// assert_eq!(y, array![3.0, 4.0, 0.0, 1.0, 2.0]);
/// assert_eq!(d.pull(&y), array![0.0, 1.0, 2.0, 3.0, 4.0]);
/// ```
#[derive(Clone, Debug)]
pub struct Shift<E, D> {
    op: &'static str,
    shifts: D,
    shape: D,
    _e: PhantomData<E>,
}

impl<E: FftElem, D: Dimension> Partial<Array<E, D>> for Shift<E, D> {
    type X = Array<E, D>;
    #[track_caller]
    fn pull(&self, y_bar: &Array<E, D>) -> Array<E, D> {
        check_shape(self.op, "cotangent", self.shape.slice(), y_bar.shape());
        let back: Vec<usize> = self.shifts.slice().iter().zip(self.shape.slice()).map(|(&s, &n)| n - s).collect();
        roll(y_bar, &back)
    }
    #[track_caller]
    fn push(&self, x_dot: &Array<E, D>) -> Array<E, D> {
        check_shape(self.op, "tangent", self.shape.slice(), x_dot.shape());
        roll(x_dot, self.shifts.slice())
    }
}

/// Rolls `x` by `⌊n/2⌋` (`forward`) or `−⌊n/2⌋` along each axis in `axes` (repeats add up,
/// as in numpy).
#[track_caller]
fn shift<E: FftElem, S: Data<Elem = E>, D: Dimension>(
    op: &'static str,
    x: &ArrayBase<S, D>,
    axes: Option<&[Axis]>,
    forward: bool,
) -> (Array<E, D>, Shift<E, D>) {
    let shape = x.raw_dim();
    let mut shifts = D::zeros(x.ndim());
    let mut add = |k: usize| {
        let n = shape[k];
        if n > 0 {
            let s = if forward { n / 2 } else { n - n / 2 };
            shifts[k] = (shifts[k] + s) % n;
        }
    };
    match axes {
        None => (0..x.ndim()).for_each(&mut add),
        Some(list) => {
            for a in list {
                let k = a.index();
                assert!(k < x.ndim(), "{op}: axis {k} is out of range for an array of shape {:?}", x.shape());
                add(k);
            }
        }
    }
    let y = roll(x, shifts.slice());
    (y, Shift { op, shifts, shape, _e: PhantomData })
}

/// Generates, for each shift rule, its primal (documented by the caller), JVP and VJP.
macro_rules! shift_rules {
    ($(
        $(#[$doc:meta])*
        $name:ident, $jvp:ident, $vjp:ident ($($arg:ident: $ty:ty = $ex:expr),*) => $axes:expr, $forward:expr, $inverse:literal;
    )*) => {$(
        $(#[$doc])*
        #[track_caller]
        pub fn $name<E: FftElem, S: Data<Elem = E>, D: Dimension>(
            x: &ArrayBase<S, D>,
            $($arg: $ty,)*
        ) -> (Array<E, D>, Shift<E, D>) {
            shift(stringify!($name), x, $axes, $forward)
        }

        #[doc = concat!("Forward mode of [`", stringify!($name), "`]: `ẏ = ", stringify!($name), "(ẋ)`.")]
        ///
        /// # Panics
        /// As the primal does, and if `x_dot` does not have the shape of `x`.
        ///
        /// ```
        /// use autodiff_runtime::ops;
        /// use ndarray::{array, Axis};
        /// let x = array![[1.0f64, 2.0, 3.0], [4.0, 5.0, 6.0]];
        #[doc = concat!("let (y, y_dot) = ops::", stringify!($jvp), "(&x, ", $(stringify!($ex), ", ",)* "&(&x * 10.0));")]
        /// assert_eq!(y_dot, &y * 10.0);
        /// ```
        #[track_caller]
        pub fn $jvp<E: FftElem, S: Data<Elem = E>, D: Dimension>(
            x: &ArrayBase<S, D>,
            $($arg: $ty,)*
            x_dot: &Array<E, D>,
        ) -> (Array<E, D>, Array<E, D>) {
            let (y, d) = $name(x, $($arg),*);
            (y, d.push(x_dot))
        }

        #[doc = concat!("Reverse mode of [`", stringify!($name), "`]: `x̄ += ", $inverse, "(ȳ)`, the opposite roll.")]
        ///
        /// # Panics
        /// If `ȳ` does not have the shape of the output.
        ///
        /// ```
        /// use autodiff_runtime::{ops, Adjoint};
        /// use ndarray::{array, Axis};
        /// let x = array![[1.0f64, 2.0, 3.0], [4.0, 5.0, 6.0]];
        #[doc = concat!("let (y, d) = ops::", stringify!($name), "(&x", $(", ", stringify!($ex),)* ");")]
        /// let mut x_bar = Adjoint::zero();
        #[doc = concat!("ops::", stringify!($vjp), "(Adjoint::new(y), &mut x_bar, d);")]
        /// assert_eq!(x_bar.get(), Some(x)); // a permutation's transpose undoes it
        /// ```
        #[track_caller]
        pub fn $vjp<E: FftElem, D: Dimension>(y_bar: Adjoint<Array<E, D>>, x_bar: &mut Adjoint<Array<E, D>>, d: Shift<E, D>)
        where
            Array<E, D>: Accumulate,
        {
            if let Some(yb) = y_bar.get() {
                x_bar.add(d.pull_owned(yb));
            }
        }
    )*};
}

shift_rules! {
    /// `y = fftshift(x)`: the zero-frequency term moved to the centre, along every axis
    /// (numpy's `np.fft.fftshift(x)`): a circular roll by `⌊n/2⌋`.
    ///
    /// ```
    /// use autodiff_runtime::ops;
    /// use ndarray::array;
    /// let (y, _) = ops::fftshift(&array![[0.0f64, 1.0, 2.0], [3.0, 4.0, 5.0]]);
    /// assert_eq!(y, array![[5.0, 3.0, 4.0], [2.0, 0.0, 1.0]]);
    /// ```
    fftshift, fftshift_jvp, fftshift_vjp () => None, true, "ifftshift";

    /// `x = ifftshift(y)`: the inverse of [`fftshift`], along every axis (numpy's
    /// `np.fft.ifftshift(y)`): a circular roll by `−⌊n/2⌋`.
    ///
    /// ```
    /// use autodiff_runtime::ops;
    /// use ndarray::array;
    /// let (x, _) = ops::ifftshift(&array![3.0f64, 4.0, 0.0, 1.0, 2.0]);
    /// assert_eq!(x, array![0.0, 1.0, 2.0, 3.0, 4.0]);
    /// ```
    ifftshift, ifftshift_jvp, ifftshift_vjp () => None, false, "fftshift";

    /// `y = fftshift(x)` along the given axes only (numpy's `np.fft.fftshift(x, axes)`); a
    /// repeated axis is rolled once per mention, as in numpy.
    ///
    /// # Panics
    /// If an axis is out of range.
    ///
    /// ```
    /// use autodiff_runtime::ops;
    /// use ndarray::{array, Axis};
    /// let (y, _) = ops::fftshift_axes(&array![[0.0f64, 1.0, 2.0], [3.0, 4.0, 5.0]], &[Axis(1)]);
    /// assert_eq!(y, array![[2.0, 0.0, 1.0], [5.0, 3.0, 4.0]]);
    /// ```
    fftshift_axes, fftshift_axes_jvp, fftshift_axes_vjp (axes: &[Axis] = &[Axis(1)]) => Some(axes), true, "ifftshift_axes";

    /// `x = ifftshift(y)` along the given axes only (numpy's `np.fft.ifftshift(y, axes)`).
    ///
    /// # Panics
    /// If an axis is out of range.
    ///
    /// ```
    /// use autodiff_runtime::ops;
    /// use ndarray::{array, Axis};
    /// let (x, _) = ops::ifftshift_axes(&array![[2.0f64, 0.0, 1.0], [5.0, 3.0, 4.0]], &[Axis(1)]);
    /// assert_eq!(x, array![[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]);
    /// ```
    ifftshift_axes, ifftshift_axes_jvp, ifftshift_axes_vjp (axes: &[Axis] = &[Axis(1)]) => Some(axes), false, "fftshift_axes";
}
