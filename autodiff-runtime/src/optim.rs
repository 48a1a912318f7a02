//! First-order optimizers over any structure of parameters.
//!
//! A model's parameters are whatever the user's gradient function takes: a scalar, an
//! `ndarray` array, a tuple, a `Vec` or an array of those, nested as deep as needed. The
//! [`Parameters`] trait visits their scalars in a fixed order, so an optimizer can keep its
//! state (velocities, moment estimates) in flat `f64` buffers sized once at construction,
//! and a step allocates nothing.
//!
//! The update rules are those of HIPS autograd's `autograd.misc.optimizers`, evaluated in the
//! same floating-point order, so a run reproduces numpy code written the same way bit for bit.
//! Arithmetic is `f64`; `f32` parameters are widened, updated and rounded back.
//!
//! ```
//! use autodiff_runtime::optim::{Adam, Optimizer};
//! use ndarray::array;
//!
//! // minimise ½‖w − c‖² + ½(b − 1)², whose gradient is (w − c, b − 1)
//! let c = array![1.0, -2.0, 3.0];
//! let mut params = (array![0.0, 0.0, 0.0], 0.0_f64);
//! let mut adam = Adam::new(&params, 0.1);
//! for _ in 0..2000 {
//!     let grad = (&params.0 - &c, params.1 - 1.0);
//!     adam.step(&mut params, &grad);
//! }
//! assert!((&params.0 - &c).iter().all(|d: &f64| d.abs() < 1e-3));
//! assert!((params.1 - 1.0).abs() < 1e-3);
//! ```

use ndarray::{Array, Dimension};

/// A structure of real parameters whose scalars are visited in a fixed order.
///
/// The order is depth-first and left to right: tuple fields in order, `Vec` and array items
/// by index, an `ndarray` array in logical (row-major) order whatever its memory layout. A
/// gradient has the same type and structure as the parameters it belongs to.
///
/// Implemented for `f64`, `f32`, `ndarray::Array<f64 | f32, D>` for any dimension `D`,
/// tuples of up to 8 parameter types, `Vec<T>` and `[T; N]`. A user's own struct implements
/// it by forwarding to its fields in a fixed order. `Vec` and `Array` have inherent `len`
/// (and `Array` `flatten`) methods that shadow these: call `Parameters::len(&v)` on them.
///
/// ```
/// use autodiff_runtime::optim::Parameters;
/// use ndarray::array;
///
/// let p = (2.0_f64, vec![array![[1.0, 2.0], [3.0, 4.0]]], [5.0_f32, 6.0]);
/// assert_eq!(p.len(), 7);
/// assert_eq!(p.flatten(), [2.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
/// ```
pub trait Parameters {
    /// The type of a gradient of these parameters: the same type, except that `ArcArray`
    /// parameters have owned `Array` gradients (the tangent type `#[differentiable]` returns).
    type Grad;

    /// The number of scalars.
    ///
    /// ```
    /// use autodiff_runtime::optim::Parameters;
    /// assert_eq!((1.0_f64, [2.0_f32; 3], vec![ndarray::Array2::<f64>::zeros((2, 4))]).len(), 12);
    /// ```
    fn len(&self) -> usize;

    /// Whether there are no scalars at all.
    ///
    /// ```
    /// use autodiff_runtime::optim::Parameters;
    /// assert!(Vec::<f64>::new().is_empty());
    /// assert!(!(0.0_f64,).is_empty());
    /// ```
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Calls `f(x)` on every scalar, in order.
    ///
    /// ```
    /// use autodiff_runtime::optim::Parameters;
    /// let mut sum = 0.0;
    /// (1.0_f64, [2.0_f32, 3.0]).for_each(&mut |x| sum += x);
    /// assert_eq!(sum, 6.0);
    /// ```
    fn for_each(&self, f: &mut impl FnMut(f64));

    /// Calls `f(&mut x)` on every scalar, in order; an `f32` sees its value widened to `f64`
    /// and keeps the result rounded back.
    ///
    /// ```
    /// use autodiff_runtime::optim::Parameters;
    /// let mut p = (1.0_f64, vec![2.0_f32, 3.0]);
    /// p.for_each_mut(&mut |x| *x *= 10.0);
    /// assert_eq!(p, (10.0, vec![20.0, 30.0]));
    /// ```
    fn for_each_mut(&mut self, f: &mut impl FnMut(&mut f64));

    /// Calls `f(&mut x, g)` on every scalar `x` of `self` and the scalar `g` at the same
    /// position in `other`, in order: the visit an optimizer's step makes.
    ///
    /// # Panics
    /// If `other` differs in structure: a `Vec` of another length or an array of another shape.
    ///
    /// ```
    /// use autodiff_runtime::optim::Parameters;
    /// use ndarray::array;
    /// let mut p = (array![1.0, 2.0], 3.0_f64);
    /// let g = (array![0.5, 0.5], 1.0);
    /// p.zip_mut_with(&g, &mut |x, g| *x -= g);
    /// assert_eq!(p, (array![0.5, 1.5], 2.0));
    /// ```
    fn zip_mut_with(&mut self, other: &Self::Grad, f: &mut impl FnMut(&mut f64, f64));

    /// As [`zip_mut_with`](Parameters::zip_mut_with), a run of scalars at a time: `f` gets
    /// matching slices of `self` and `other`, in visiting order. Contiguous `f64` arrays come
    /// whole, so that an optimizer's update is one vectorisable loop per array.
    ///
    /// ```
    /// use autodiff_runtime::optim::Parameters;
    /// use ndarray::array;
    /// let mut p = (array![1.0, 2.0], 3.0_f64);
    /// let mut runs = Vec::new();
    /// p.zip_slices_mut(&(array![0.5, 0.5], 1.0), &mut |x, g| runs.push((x.len(), g.len())));
    /// assert_eq!(runs, [(2, 2), (1, 1)]);
    /// ```
    fn zip_slices_mut(&mut self, other: &Self::Grad, f: &mut impl FnMut(&mut [f64], &[f64])) {
        self.zip_mut_with(other, &mut |x: &mut f64, g: f64| f(core::slice::from_mut(x), &[g]));
    }

    /// The scalars in visiting order, as one vector.
    ///
    /// ```
    /// use autodiff_runtime::optim::Parameters;
    /// assert_eq!((1.0_f64, [[2.0_f64, 3.0], [4.0, 5.0]]).flatten(), [1.0, 2.0, 3.0, 4.0, 5.0]);
    /// ```
    fn flatten(&self) -> Vec<f64> {
        let mut flat = Vec::with_capacity(self.len());
        self.for_each(&mut |x| flat.push(x));
        flat
    }

    /// Overwrites the scalars, in visiting order, with `flat` (the inverse of
    /// [`flatten`](Parameters::flatten); `f32` scalars are rounded).
    ///
    /// # Panics
    /// If `flat.len() != self.len()`.
    ///
    /// ```
    /// use autodiff_runtime::optim::Parameters;
    /// let mut p = (0.0_f64, vec![0.0_f64; 2]);
    /// p.unflatten_from(&[1.0, 2.0, 3.0]);
    /// assert_eq!(p, (1.0, vec![2.0, 3.0]));
    /// ```
    #[track_caller]
    fn unflatten_from(&mut self, flat: &[f64]) {
        assert_eq!(flat.len(), self.len(), "unflatten_from: {} values for {} parameters", flat.len(), self.len());
        let mut values = flat.iter();
        self.for_each_mut(&mut |x| *x = *values.next().expect("lengths checked above"));
    }
}

/// Checks that a gradient array has its parameter's shape, before a step touches either.
#[track_caller]
fn check_shapes(param: &[usize], grad: &[usize]) {
    assert!(param == grad, "optimizer step: the gradient has shape {grad:?} but the parameter has shape {param:?}");
}

/// Checks that a `Vec` of gradients has as many items as its `Vec` of parameters.
#[track_caller]
fn check_lengths(param: usize, grad: usize) {
    assert!(
        param == grad,
        "optimizer step: the gradient Vec has length {grad} but the parameter Vec has length {param}"
    );
}

/// `Parameters` for owned (`Array`) and shared (`ArcArray`) arrays of `$t`.
macro_rules! array_parameters {
    ($t:ty, $s:ty) => {
        impl<D: Dimension> Parameters for ndarray::ArrayBase<$s, D> {
            type Grad = Array<$t, D>;

            fn len(&self) -> usize {
                ndarray::ArrayBase::len(self)
            }

            fn for_each(&self, f: &mut impl FnMut(f64)) {
                self.iter().for_each(|x| x.for_each(f));
            }

            fn for_each_mut(&mut self, f: &mut impl FnMut(&mut f64)) {
                self.iter_mut().for_each(|x| x.for_each_mut(f));
            }

            fn zip_mut_with(&mut self, other: &Self::Grad, f: &mut impl FnMut(&mut f64, f64)) {
                check_shapes(self.shape(), other.shape());
                self.iter_mut().zip(other.iter()).for_each(|(x, y)| x.zip_mut_with(y, f));
            }

            fn zip_slices_mut(&mut self, other: &Self::Grad, f: &mut impl FnMut(&mut [f64], &[f64])) {
                check_shapes(self.shape(), other.shape());
                if let Some(g) = other.as_slice().and_then(<$t as Scalar64>::as_f64) {
                    if let Some(x) = self.as_slice_mut().and_then(<$t as Scalar64>::as_f64_mut) {
                        f(x, g);
                        return;
                    }
                }
                Parameters::zip_mut_with(self, other, &mut |x: &mut f64, g: f64| f(core::slice::from_mut(x), &[g]));
            }
        }
    };
}

macro_rules! scalar_parameters {
    ($($t:ty),*) => {$(
        impl Parameters for $t {
            type Grad = $t;

            fn len(&self) -> usize {
                1
            }

            fn for_each(&self, f: &mut impl FnMut(f64)) {
                f(f64::from(*self));
            }

            fn for_each_mut(&mut self, f: &mut impl FnMut(&mut f64)) {
                let mut x = f64::from(*self);
                f(&mut x);
                *self = x as $t;
            }

            fn zip_mut_with(&mut self, other: &Self::Grad, f: &mut impl FnMut(&mut f64, f64)) {
                let mut x = f64::from(*self);
                f(&mut x, f64::from(*other));
                *self = x as $t;
            }
        }

        array_parameters!($t, ndarray::OwnedRepr<$t>);
        array_parameters!($t, ndarray::OwnedArcRepr<$t>);
    )*};
}

scalar_parameters!(f64, f32);

/// Element types whose contiguous runs an optimizer can update in place as `f64`.
trait Scalar64: Sized {
    fn as_f64_mut(s: &mut [Self]) -> Option<&mut [f64]>;
    fn as_f64(s: &[Self]) -> Option<&[f64]>;
}

impl Scalar64 for f64 {
    fn as_f64_mut(s: &mut [f64]) -> Option<&mut [f64]> {
        Some(s)
    }
    fn as_f64(s: &[f64]) -> Option<&[f64]> {
        Some(s)
    }
}

impl Scalar64 for f32 {
    fn as_f64_mut(_: &mut [f32]) -> Option<&mut [f64]> {
        None
    }
    fn as_f64(_: &[f32]) -> Option<&[f64]> {
        None
    }
}

impl<T: Parameters> Parameters for Vec<T> {
    type Grad = Vec<T::Grad>;

    fn len(&self) -> usize {
        self.iter().map(Parameters::len).sum()
    }

    fn for_each(&self, f: &mut impl FnMut(f64)) {
        self.iter().for_each(|x| x.for_each(f));
    }

    fn for_each_mut(&mut self, f: &mut impl FnMut(&mut f64)) {
        self.iter_mut().for_each(|x| x.for_each_mut(f));
    }

    fn zip_mut_with(&mut self, other: &Self::Grad, f: &mut impl FnMut(&mut f64, f64)) {
        check_lengths(self.as_slice().len(), other.as_slice().len());
        self.iter_mut().zip(other).for_each(|(x, y)| x.zip_mut_with(y, f));
    }

    fn zip_slices_mut(&mut self, other: &Self::Grad, f: &mut impl FnMut(&mut [f64], &[f64])) {
        check_lengths(self.as_slice().len(), other.as_slice().len());
        self.iter_mut().zip(other).for_each(|(x, y)| x.zip_slices_mut(y, f));
    }
}

impl<T: Parameters, const N: usize> Parameters for [T; N] {
    type Grad = [T::Grad; N];

    fn len(&self) -> usize {
        self.iter().map(Parameters::len).sum()
    }

    fn for_each(&self, f: &mut impl FnMut(f64)) {
        self.iter().for_each(|x| x.for_each(f));
    }

    fn for_each_mut(&mut self, f: &mut impl FnMut(&mut f64)) {
        self.iter_mut().for_each(|x| x.for_each_mut(f));
    }

    fn zip_mut_with(&mut self, other: &Self::Grad, f: &mut impl FnMut(&mut f64, f64)) {
        self.iter_mut().zip(other).for_each(|(x, y)| x.zip_mut_with(y, f));
    }

    fn zip_slices_mut(&mut self, other: &Self::Grad, f: &mut impl FnMut(&mut [f64], &[f64])) {
        self.iter_mut().zip(other).for_each(|(x, y)| x.zip_slices_mut(y, f));
    }
}

macro_rules! tuple_parameters {
    ($(($($name:ident $i:tt),+))*) => {$(
        impl<$($name: Parameters),+> Parameters for ($($name,)+) {
            type Grad = ($($name::Grad,)+);

            fn len(&self) -> usize {
                0 $(+ self.$i.len())+
            }

            fn for_each(&self, f: &mut impl FnMut(f64)) {
                $(self.$i.for_each(f);)+
            }

            fn for_each_mut(&mut self, f: &mut impl FnMut(&mut f64)) {
                $(self.$i.for_each_mut(f);)+
            }

            fn zip_mut_with(&mut self, other: &Self::Grad, f: &mut impl FnMut(&mut f64, f64)) {
                $(self.$i.zip_mut_with(&other.$i, f);)+
            }

            fn zip_slices_mut(&mut self, other: &Self::Grad, f: &mut impl FnMut(&mut [f64], &[f64])) {
                $(self.$i.zip_slices_mut(&other.$i, f);)+
            }
        }
    )*};
}

tuple_parameters! {
    (A 0)
    (A 0, B 1)
    (A 0, B 1, C 2)
    (A 0, B 1, C 2, E 3)
    (A 0, B 1, C 2, E 3, F 4)
    (A 0, B 1, C 2, E 3, F 4, G 5)
    (A 0, B 1, C 2, E 3, F 4, G 5, H 6)
    (A 0, B 1, C 2, E 3, F 4, G 5, H 6, I 7)
}

/// An update rule: moves parameters against their gradient, keeping whatever state it needs.
///
/// ```
/// use autodiff_runtime::optim::{Optimizer, Parameters, Sgd};
///
/// fn descend<P: Parameters>(opt: &mut impl Optimizer, p: &mut P, grad: impl Fn(&P) -> P::Grad, steps: usize) {
///     for _ in 0..steps {
///         let g = grad(p);
///         opt.step(p, &g);
///     }
/// }
/// let mut x = 4.0_f64;
/// descend(&mut Sgd::new(0.5), &mut x, |x| 2.0 * x, 1);
/// assert_eq!(x, 0.0);
/// ```
pub trait Optimizer {
    /// Updates `params` in place given `grad`, the gradient at `params` of the loss being
    /// minimised; allocates nothing.
    ///
    /// # Panics
    /// If `grad` differs from `params` in structure, or (for an optimizer with state) `params`
    /// has a different number of scalars from the parameters the optimizer was made for.
    ///
    /// ```
    /// use autodiff_runtime::optim::{Optimizer, Sgd};
    /// let mut p = [1.0_f64, 2.0];
    /// Sgd::new(0.1).step(&mut p, &[10.0, -10.0]);
    /// assert_eq!(p, [0.0, 3.0]);
    /// ```
    fn step<P: Parameters>(&mut self, params: &mut P, grad: &P::Grad);
}

#[track_caller]
fn check_len(state: usize, params: &impl Parameters) {
    assert!(
        state == params.len(),
        "optimizer step: the optimizer was made for {state} parameters but is stepped with {}",
        params.len()
    );
}

/// Plain gradient descent: `x −= lr·g`.
///
/// ```
/// use autodiff_runtime::optim::{Optimizer, Sgd};
/// let mut x = 1.0_f64;
/// Sgd::new(0.25).step(&mut x, &2.0);
/// assert_eq!(x, 0.5);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Sgd {
    /// The step size.
    pub lr: f64,
}

impl Sgd {
    /// Gradient descent with step size `lr`.
    ///
    /// ```
    /// use autodiff_runtime::optim::Sgd;
    /// assert_eq!(Sgd::new(0.1).lr, 0.1);
    /// ```
    pub fn new(lr: f64) -> Self {
        Self { lr }
    }
}

impl Optimizer for Sgd {
    fn step<P: Parameters>(&mut self, params: &mut P, grad: &P::Grad) {
        let lr = self.lr;
        params.zip_mut_with(grad, &mut |x, g| *x -= lr * g);
    }
}

/// Gradient descent with momentum, as autograd's `sgd`: `v = mass·v − (1 − mass)·g`, then
/// `x += lr·v`, with the velocity `v` starting at zero.
///
/// ```
/// use autodiff_runtime::optim::{Momentum, Optimizer};
/// let mut x = 1.0_f64;
/// let mut opt = Momentum::new(&x, 0.1);
/// opt.step(&mut x, &2.0); // v = −0.1·2
/// assert!((x - (1.0 - 0.1 * 0.2)).abs() < 1e-15);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Momentum {
    /// The step size (autograd's `step_size`, default 0.1).
    pub lr: f64,
    /// How much of the velocity is kept each step (default 0.9).
    pub mass: f64,
    velocity: Vec<f64>,
}

impl Momentum {
    /// Momentum descent for parameters shaped like `params`, with step size `lr` and
    /// `mass` 0.9.
    ///
    /// ```
    /// use autodiff_runtime::optim::Momentum;
    /// let opt = Momentum::new(&[0.0_f64; 3], 0.1);
    /// assert_eq!((opt.lr, opt.mass), (0.1, 0.9));
    /// ```
    pub fn new(params: &impl Parameters, lr: f64) -> Self {
        Self { lr, mass: 0.9, velocity: vec![0.0; params.len()] }
    }

    /// Sets `mass`.
    ///
    /// ```
    /// use autodiff_runtime::optim::Momentum;
    /// assert_eq!(Momentum::new(&0.0_f64, 0.1).with_mass(0.5).mass, 0.5);
    /// ```
    pub fn with_mass(self, mass: f64) -> Self {
        Self { mass, ..self }
    }
}

impl Optimizer for Momentum {
    fn step<P: Parameters>(&mut self, params: &mut P, grad: &P::Grad) {
        check_len(self.velocity.len(), params);
        let (lr, mass) = (self.lr, self.mass);
        let mut velocity = &mut self.velocity[..];
        params.zip_slices_mut(grad, &mut |xs, gs| {
            let vs = next_run(&mut velocity, xs.len());
            for ((x, &g), v) in xs.iter_mut().zip(gs).zip(vs) {
                *v = mass * *v - (1.0 - mass) * g;
                *x += lr * *v;
            }
        });
    }
}

/// RMSProp, as autograd's `rmsprop`: `s = γ·s + g²·(1 − γ)`, then `x −= lr·g / (√s + ε)`,
/// with the running mean square `s` starting at one (as in autograd).
///
/// ```
/// use autodiff_runtime::optim::{Optimizer, RmsProp};
/// let mut x = 1.0_f64;
/// let mut opt = RmsProp::new(&x, 0.1);
/// opt.step(&mut x, &2.0); // s = 0.9 + 0.4
/// assert!((x - (1.0 - 0.1 * 2.0 / (1.3f64.sqrt() + 1e-8))).abs() < 1e-15);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RmsProp {
    /// The step size (autograd's `step_size`, default 0.1).
    pub lr: f64,
    /// The decay of the running mean square (default 0.9).
    pub gamma: f64,
    /// Added to the root mean square to avoid dividing by zero (default 1e-8).
    pub eps: f64,
    avg_sq: Vec<f64>,
}

impl RmsProp {
    /// RMSProp for parameters shaped like `params`, with step size `lr`, `gamma` 0.9 and
    /// `eps` 1e-8.
    ///
    /// ```
    /// use autodiff_runtime::optim::RmsProp;
    /// let opt = RmsProp::new(&vec![0.0_f64; 4], 0.01);
    /// assert_eq!((opt.lr, opt.gamma, opt.eps), (0.01, 0.9, 1e-8));
    /// ```
    pub fn new(params: &impl Parameters, lr: f64) -> Self {
        Self { lr, gamma: 0.9, eps: 1e-8, avg_sq: vec![1.0; params.len()] }
    }

    /// Sets `gamma`.
    ///
    /// ```
    /// use autodiff_runtime::optim::RmsProp;
    /// assert_eq!(RmsProp::new(&0.0_f64, 0.1).with_gamma(0.99).gamma, 0.99);
    /// ```
    pub fn with_gamma(self, gamma: f64) -> Self {
        Self { gamma, ..self }
    }

    /// Sets `eps`.
    ///
    /// ```
    /// use autodiff_runtime::optim::RmsProp;
    /// assert_eq!(RmsProp::new(&0.0_f64, 0.1).with_eps(1e-6).eps, 1e-6);
    /// ```
    pub fn with_eps(self, eps: f64) -> Self {
        Self { eps, ..self }
    }
}

impl Optimizer for RmsProp {
    fn step<P: Parameters>(&mut self, params: &mut P, grad: &P::Grad) {
        check_len(self.avg_sq.len(), params);
        let (lr, gamma, eps) = (self.lr, self.gamma, self.eps);
        let mut avg_sq = &mut self.avg_sq[..];
        params.zip_slices_mut(grad, &mut |xs, gs| {
            let ss = next_run(&mut avg_sq, xs.len());
            for ((x, &g), s) in xs.iter_mut().zip(gs).zip(ss) {
                *s = *s * gamma + g * g * (1.0 - gamma);
                *x -= lr * g / (s.sqrt() + eps);
            }
        });
    }
}

/// Adam (Kingma & Ba), as autograd's `adam`: at step `t = 1, 2, …`
/// `m = (1 − β₁)·g + β₁·m`, `v = (1 − β₂)·g² + β₂·v`, `m̂ = m / (1 − β₁ᵗ)`,
/// `v̂ = v / (1 − β₂ᵗ)`, then `x −= lr·m̂ / (√v̂ + ε)`, with `m` and `v` starting at zero.
///
/// ```
/// use autodiff_runtime::optim::{Adam, Optimizer};
/// let mut x = 1.0_f64;
/// let mut opt = Adam::new(&x, 0.1);
/// opt.step(&mut x, &2.0); // m̂ = 2, v̂ = 4: the first step is lr·sign(g)
/// assert!((x - 0.9).abs() < 1e-8);
/// assert_eq!(opt.steps(), 1);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Adam {
    /// The step size (default 1e-3).
    pub lr: f64,
    /// The decay of the first-moment estimate (default 0.9).
    pub b1: f64,
    /// The decay of the second-moment estimate (default 0.999).
    pub b2: f64,
    /// Added to `√v̂` to avoid dividing by zero (default 1e-8).
    pub eps: f64,
    m: Vec<f64>,
    v: Vec<f64>,
    t: u64,
}

impl Adam {
    /// Adam for parameters shaped like `params`, with step size `lr` (autograd's default is
    /// 1e-3), `b1` 0.9, `b2` 0.999 and `eps` 1e-8.
    ///
    /// ```
    /// use autodiff_runtime::optim::Adam;
    /// let opt = Adam::new(&(ndarray::Array2::<f64>::zeros((3, 3)), 0.0_f64), 1e-3);
    /// assert_eq!((opt.lr, opt.b1, opt.b2, opt.eps), (1e-3, 0.9, 0.999, 1e-8));
    /// ```
    pub fn new(params: &impl Parameters, lr: f64) -> Self {
        let n = params.len();
        Self { lr, b1: 0.9, b2: 0.999, eps: 1e-8, m: vec![0.0; n], v: vec![0.0; n], t: 0 }
    }

    /// Sets `b1` and `b2`.
    ///
    /// ```
    /// use autodiff_runtime::optim::Adam;
    /// let opt = Adam::new(&0.0_f64, 1e-3).with_betas(0.8, 0.99);
    /// assert_eq!((opt.b1, opt.b2), (0.8, 0.99));
    /// ```
    pub fn with_betas(self, b1: f64, b2: f64) -> Self {
        Self { b1, b2, ..self }
    }

    /// Sets `eps`.
    ///
    /// ```
    /// use autodiff_runtime::optim::Adam;
    /// assert_eq!(Adam::new(&0.0_f64, 1e-3).with_eps(1e-7).eps, 1e-7);
    /// ```
    pub fn with_eps(self, eps: f64) -> Self {
        Self { eps, ..self }
    }

    /// The number of steps taken so far.
    ///
    /// ```
    /// use autodiff_runtime::optim::{Adam, Optimizer};
    /// let mut x = 0.0_f64;
    /// let mut opt = Adam::new(&x, 1e-3);
    /// assert_eq!(opt.steps(), 0);
    /// opt.step(&mut x, &1.0);
    /// assert_eq!(opt.steps(), 1);
    /// ```
    pub fn steps(&self) -> u64 {
        self.t
    }
}

/// The next `n` values of an optimizer's state, which runs through the parameters in
/// visiting order alongside them.
fn next_run<'a>(state: &mut &'a mut [f64], n: usize) -> &'a mut [f64] {
    let (run, rest) = core::mem::take(state).split_at_mut(n);
    *state = rest;
    run
}

/// The constants of one Adam step.
struct AdamStep {
    lr: f64,
    b1: f64,
    b2: f64,
    eps: f64,
    r1: f64,
    r2: f64,
}

impl AdamStep {
    /// The update of one run of parameters, with 4-wide AVX2 arithmetic where the processor
    /// has it (the operations are the same IEEE ones, so the results are identical).
    fn apply(&self, xs: &mut [f64], gs: &[f64], ms: &mut [f64], vs: &mut [f64]) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor supports AVX2, checked just above.
            return unsafe { self.apply_avx2(xs, gs, ms, vs) };
        }
        self.apply_plain(xs, gs, ms, vs)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn apply_avx2(&self, xs: &mut [f64], gs: &[f64], ms: &mut [f64], vs: &mut [f64]) {
        self.apply_plain(xs, gs, ms, vs)
    }

    /// A plain loop over equal-length slices, which the compiler vectorises.
    #[inline(always)]
    fn apply_plain(&self, xs: &mut [f64], gs: &[f64], ms: &mut [f64], vs: &mut [f64]) {
        let n = xs.len();
        let (gs, ms, vs) = (&gs[..n], &mut ms[..n], &mut vs[..n]);
        for i in 0..n {
            let g = gs[i];
            let m = (1.0 - self.b1) * g + self.b1 * ms[i];
            let v = (1.0 - self.b2) * (g * g) + self.b2 * vs[i];
            ms[i] = m;
            vs[i] = v;
            xs[i] -= self.lr * (m * self.r1) / ((v * self.r2).sqrt() + self.eps);
        }
    }
}

/// Runs `f` over matching runs of four slices: whole below the parallel threshold, else in
/// one chunk per rayon task, so that each task is long enough to pay for itself.
fn for_chunks(
    xs: &mut [f64],
    gs: &[f64],
    ms: &mut [f64],
    vs: &mut [f64],
    f: &(impl Fn(&mut [f64], &[f64], &mut [f64], &mut [f64]) + Sync),
) {
    if xs.len() < crate::array::PARALLEL_THRESHOLD {
        return f(xs, gs, ms, vs);
    }
    use rayon::prelude::*;
    let chunk = xs.len().div_ceil(rayon::current_num_threads().max(1) * 2);
    xs.par_chunks_mut(chunk)
        .zip(gs.par_chunks(chunk))
        .zip(ms.par_chunks_mut(chunk))
        .zip(vs.par_chunks_mut(chunk))
        .for_each(|(((x, g), m), v)| f(x, g, m, v));
}

impl Optimizer for Adam {
    fn step<P: Parameters>(&mut self, params: &mut P, grad: &P::Grad) {
        check_len(self.m.len(), params);
        self.t += 1;
        let (lr, b1, b2, eps) = (self.lr, self.b1, self.b2, self.eps);
        // `powf` is the C library's `pow`, which numpy's `b1 ** t` calls too.
        let (c1, c2) = (1.0 - b1.powf(self.t as f64), 1.0 - b2.powf(self.t as f64));
        // The bias corrections as factors: one division per element instead of three.
        let (r1, r2) = (c1.recip(), c2.recip());
        let (mut ms, mut vs) = (&mut self.m[..], &mut self.v[..]);
        params.zip_slices_mut(grad, &mut |xs, gs| {
            let (m, v) = (next_run(&mut ms, xs.len()), next_run(&mut vs, xs.len()));
            let k = AdamStep { lr, b1, b2, eps, r1, r2 };
            for_chunks(xs, gs, m, v, &|x, g, m, v| k.apply(x, g, m, v));
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array2, array};

    type Mixed = (f64, Array2<f64>, [f32; 2], Vec<f64>);

    fn target() -> Mixed {
        (1.5, array![[1.0, -2.0], [0.5, 3.0]], [-1.0, 2.0], vec![0.25, -0.75, 4.0])
    }

    /// The gradient of ½ Σ aᵢ (xᵢ − cᵢ)², aᵢ = 1 + i/4, and the largest |xᵢ − cᵢ|.
    fn grad(p: &Mixed) -> (Mixed, f64) {
        let (mut g, c) = (p.clone(), target());
        let (flat_c, mut flat_g) = (c.flatten(), Vec::new());
        let mut worst = 0.0_f64;
        p.for_each(&mut |x| {
            let (i, ci) = (flat_g.len(), flat_c[flat_g.len()]);
            worst = worst.max((x - ci).abs());
            flat_g.push((1.0 + i as f64 / 4.0) * (x - ci));
        });
        g.unflatten_from(&flat_g);
        (g, worst)
    }

    fn minimise(opt: &mut impl Optimizer, steps: usize) -> f64 {
        let mut p: Mixed = (0.0, Array2::zeros((2, 2)), [0.0; 2], vec![0.0; 3]);
        for _ in 0..steps {
            let (g, _) = grad(&p);
            opt.step(&mut p, &g);
        }
        grad(&p).1
    }

    #[test]
    fn every_optimizer_converges_on_a_quadratic() {
        let p: Mixed = target();
        assert!(minimise(&mut Sgd::new(0.1), 500) < 1e-6);
        assert!(minimise(&mut Momentum::new(&p, 0.1), 1000) < 1e-6);
        assert!(minimise(&mut RmsProp::new(&p, 0.01), 1000) < 1e-6);
        assert!(minimise(&mut Adam::new(&p, 0.05), 2000) < 1e-6);
    }

    #[test]
    fn adam_steps_match_hand_computed_values() {
        let (mut x, mut adam) = (1.0_f64, Adam::new(&1.0_f64, 0.1));
        // t = 1, g = 2: m = 0.2, v = 0.004, m̂ = 2, v̂ = 4, x = 1 − 0.1·2/(2 + 1e-8)
        adam.step(&mut x, &2.0);
        assert!((x - 0.900_000_000_5).abs() < 1e-15, "{x}");
        // t = 2, g = 1: m = 0.28, v = 0.004996, m̂ = 0.28/0.19, v̂ = 0.004996/0.001999,
        // x −= 0.1·m̂/(√v̂ + 1e-8) = 0.0932179632…; bit for bit what autograd's formula gives:
        // python3 -c 'from math import sqrt;b1,b2,x,m,v=.9,.999,1.,0.,0.
        // for t,g in ((1,2.),(2,1.)):m=(1-b1)*g+b1*m;v=(1-b2)*(g*g)+b2*v;x-=.1*(m/(1-b1**t))/(sqrt(v/(1-b2**t))+1e-8)
        // print(repr(x))'
        adam.step(&mut x, &1.0);
        assert_eq!(x, 0.806_782_037_208_510_4);
    }

    #[test]
    fn structures_are_visited_in_order() {
        let mut p = (1.0_f64, [vec![2.0_f32, 3.0], vec![4.0]], (array![[5.0, 6.0, 7.0], [8.0, 9.0, 10.0]],));
        assert_eq!(p.len(), 10);
        let flat: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(p.flatten(), flat);
        // a transposed (column-major) array is still visited row by row
        let t = array![[1.0, 3.0], [2.0, 4.0]].reversed_axes();
        assert_eq!(Parameters::flatten(&t), [1.0, 2.0, 3.0, 4.0]);
        let doubled: Vec<f64> = flat.iter().map(|x| 2.0 * x).collect();
        p.unflatten_from(&doubled);
        assert_eq!(p.flatten(), doubled);
        assert_eq!(p.1, [vec![4.0, 6.0], vec![8.0]]);
        assert_eq!(p.2.0[[1, 0]], 16.0);
    }

    #[test]
    #[should_panic(expected = "optimizer step: the gradient has shape [3, 2] but the parameter has shape [2, 3]")]
    fn mismatched_shapes_panic() {
        let mut p = Array2::<f64>::zeros((2, 3));
        Sgd::new(0.1).step(&mut p, &Array2::zeros((3, 2)));
    }
}
