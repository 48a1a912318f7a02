//! Numeric checks of generated derivatives against central finite differences.
//!
//! The checks are directional, as autograd's `check_grads` and JAX's `check_grads` are: for
//! random directions `v` (inputs) and `ȳ` (outputs) drawn from a fixed seed, reverse mode must
//! satisfy `⟨vjp(ȳ), v⟩ = ⟨ȳ, J·v⟩` and forward mode `jvp(v) = J·v`, where `J·v` is a
//! fourth-order central difference of `f` along `v`. [`check_grads`] runs both and checks that
//! the two modes agree with each other to rounding.

use crate::Real;
use core::fmt;

/// A value that can be flattened into a list of `f64` coordinates and rebuilt from one:
/// real scalars, complex numbers, and tuples of those.
///
/// ```
/// use autodiff_runtime::check::Flatten;
/// let mut flat = Vec::new();
/// (1.0f64, (2.0f32, 3.0f64)).flatten_into(&mut flat);
/// assert_eq!(flat, [1.0, 2.0, 3.0]);
/// let back = <(f64, (f32, f64))>::unflatten(&mut flat.into_iter()).unwrap();
/// assert_eq!(back, (1.0, (2.0, 3.0)));
/// ```
pub trait Flatten: Sized {
    /// The machine epsilon of the least precise part; sets default step sizes and tolerances.
    const EPSILON: f64;
    /// Appends this value's coordinates to `out`.
    fn flatten_into(&self, out: &mut Vec<f64>);
    /// Rebuilds a value from the next coordinates of `it`; `None` if it runs out.
    fn unflatten(it: &mut dyn Iterator<Item = f64>) -> Option<Self>;
    /// Appends the coordinates of this value read as a cotangent, those that pair with the
    /// tangent's coordinates by the dot product. The same as [`flatten_into`](Flatten::flatten_into)
    /// except for complex numbers: a cotangent `z̄ = ∂L/∂x − i ∂L/∂y` (the convention of
    /// [`crate::fft`]) has the coordinates `(Re z̄, −Im z̄)`.
    fn flatten_cotangent_into(&self, out: &mut Vec<f64>) {
        self.flatten_into(out)
    }
    /// Rebuilds a cotangent from coordinates written by
    /// [`flatten_cotangent_into`](Flatten::flatten_cotangent_into).
    fn unflatten_cotangent(it: &mut dyn Iterator<Item = f64>) -> Option<Self> {
        Self::unflatten(it)
    }
}

/// A complex number has the coordinates `(re, im)`; as a cotangent, `(re, −im)`.
///
/// ```
/// use autodiff_runtime::check::GradCheck;
/// use autodiff_runtime::Complex64;
/// // y = z², holomorphic: the VJP multiplies by 2z (no conjugate), the JVP too
/// let f = |z: &Complex64| z * z;
/// let vjp = |z: &Complex64, y_bar: &Complex64| y_bar * 2.0 * z;
/// let jvp = |z: &Complex64, z_dot: &Complex64| 2.0 * z * z_dot;
/// let z = Complex64::new(0.5, -1.5);
/// GradCheck::default().both(f, vjp, jvp, &z).unwrap();
/// // the conjugate (steepest-ascent) convention is caught
/// assert!(GradCheck::default().vjp(f, |z: &Complex64, y_bar: &Complex64| y_bar * 2.0 * z.conj(), &z).is_err());
/// ```
impl<T: Flatten + crate::Real> Flatten for num_complex::Complex<T> {
    const EPSILON: f64 = T::EPSILON;
    fn flatten_into(&self, out: &mut Vec<f64>) {
        self.re.flatten_into(out);
        self.im.flatten_into(out);
    }
    fn unflatten(it: &mut dyn Iterator<Item = f64>) -> Option<Self> {
        Some(num_complex::Complex::new(T::unflatten(it)?, T::unflatten(it)?))
    }
    fn flatten_cotangent_into(&self, out: &mut Vec<f64>) {
        self.re.flatten_into(out);
        (-self.im).flatten_into(out);
    }
    fn unflatten_cotangent(it: &mut dyn Iterator<Item = f64>) -> Option<Self> {
        Some(num_complex::Complex::new(T::unflatten(it)?, -T::unflatten(it)?))
    }
}

impl Flatten for f64 {
    const EPSILON: f64 = f64::EPSILON;
    fn flatten_into(&self, out: &mut Vec<f64>) {
        out.push(*self);
    }
    fn unflatten(it: &mut dyn Iterator<Item = f64>) -> Option<Self> {
        it.next()
    }
}

impl Flatten for f32 {
    const EPSILON: f64 = f32::EPSILON as f64;
    fn flatten_into(&self, out: &mut Vec<f64>) {
        out.push(self.to_f64_lossy());
    }
    fn unflatten(it: &mut dyn Iterator<Item = f64>) -> Option<Self> {
        it.next().map(|v| v as f32)
    }
}

macro_rules! tuple_flatten {
    ($(($($t:ident $i:tt),+))*) => {$(
        impl<$($t: Flatten),+> Flatten for ($($t,)+) {
            const EPSILON: f64 = {
                let mut e = 0.0;
                $(if $t::EPSILON > e { e = $t::EPSILON; })+
                e
            };
            fn flatten_into(&self, out: &mut Vec<f64>) {
                $(self.$i.flatten_into(out);)+
            }
            fn unflatten(it: &mut dyn Iterator<Item = f64>) -> Option<Self> {
                Some(($($t::unflatten(it)?,)+))
            }
            fn flatten_cotangent_into(&self, out: &mut Vec<f64>) {
                $(self.$i.flatten_cotangent_into(out);)+
            }
            fn unflatten_cotangent(it: &mut dyn Iterator<Item = f64>) -> Option<Self> {
                Some(($($t::unflatten_cotangent(it)?,)+))
            }
        }
    )*};
}

tuple_flatten! {
    (A 0)
    (A 0, B 1)
    (A 0, B 1, C 2)
    (A 0, B 1, C 2, D 3)
    (A 0, B 1, C 2, D 3, E 4)
    (A 0, B 1, C 2, D 3, E 4, F 5)
}

/// A derivative that disagrees with finite differences (or reverse mode with forward mode).
#[derive(Clone, Debug, PartialEq)]
pub struct GradCheckError {
    /// Which check failed: `"reverse mode"`, `"forward mode"` or `"reverse vs forward mode"`.
    pub mode: &'static str,
    /// The point `x`, flattened.
    pub point: Vec<f64>,
    /// The input direction `v`, flattened.
    pub direction: Vec<f64>,
    /// The derivative computed by the code under test, projected on the directions.
    pub analytic: f64,
    /// The reference value: the finite difference (or the other mode).
    pub numeric: f64,
    /// The tolerance that was exceeded: `atol + rtol · |numeric|`.
    pub tolerance: f64,
}

impl fmt::Display for GradCheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} derivative check failed at x = {:?} along v = {:?}: analytic {:e}, numeric {:e} \
             (difference {:e} exceeds tolerance {:e})",
            self.mode,
            self.point,
            self.direction,
            self.analytic,
            self.numeric,
            (self.analytic - self.numeric).abs(),
            self.tolerance
        )
    }
}

impl std::error::Error for GradCheckError {}

/// Settings of a gradient check: tolerances, finite-difference step, number of directions.
///
/// [`GradCheck::default`] chooses them from the precision of the input type; the builder
/// methods override them.
///
/// ```
/// use autodiff_runtime::check::GradCheck;
/// // d/dx x³ = 3x², checked in reverse mode along 4 random directions.
/// let f = |x: &f64| x * x * x;
/// let vjp = |x: &f64, y_bar: &f64| 3.0 * x * x * y_bar;
/// GradCheck::default().directions(4).vjp(f, vjp, &1.5).unwrap();
/// // A wrong derivative is caught:
/// assert!(GradCheck::default().vjp(f, |x: &f64, y_bar: &f64| 2.0 * x * y_bar, &1.5).is_err());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct GradCheck {
    rtol: Option<f64>,
    atol: Option<f64>,
    step: Option<f64>,
    directions: usize,
    seed: u64,
}

impl Default for GradCheck {
    fn default() -> Self {
        GradCheck { rtol: None, atol: None, step: None, directions: 3, seed: 0x9e37_79b9_7f4a_7c15 }
    }
}

impl GradCheck {
    /// Relative tolerance (default `1e-6` for `f64`, `1e-2` for `f32`).
    pub fn rtol(mut self, rtol: f64) -> Self {
        self.rtol = Some(rtol);
        self
    }
    /// Absolute tolerance (default `1e-8` for `f64`, `1e-3` for `f32`).
    pub fn atol(mut self, atol: f64) -> Self {
        self.atol = Some(atol);
        self
    }
    /// Finite-difference step, relative to `max(1, |x|∞)` (default `ε^(1/5)`).
    pub fn step(mut self, step: f64) -> Self {
        self.step = Some(step);
        self
    }
    /// Number of random directions to check (default 3).
    pub fn directions(mut self, n: usize) -> Self {
        self.directions = n;
        self
    }
    /// Seed of the random directions.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    fn tolerances<X: Flatten>(&self) -> (f64, f64) {
        let single = X::EPSILON > 1e-10;
        let rtol = self.rtol.unwrap_or(if single { 1e-2 } else { 1e-6 });
        let atol = self.atol.unwrap_or(if single { 1e-3 } else { 1e-8 });
        (rtol, atol)
    }

    /// `J·v` by a fourth-order central difference of `f` at `x` along `v`.
    fn directional<X: Flatten, Y: Flatten>(&self, f: &impl Fn(&X) -> Y, x: &[f64], v: &[f64]) -> Vec<f64> {
        let scale = x.iter().fold(1.0f64, |m, a| m.max(a.abs()));
        let h = self.step.unwrap_or(X::EPSILON.powf(0.2)) * scale;
        let eval = |t: f64| {
            let shifted: Vec<f64> = x.iter().zip(v).map(|(a, b)| a + t * b).collect();
            let xs = X::unflatten(&mut shifted.into_iter()).expect("flatten round trip");
            let mut out = Vec::new();
            f(&xs).flatten_into(&mut out);
            out
        };
        let (m2, m1, p1, p2) = (eval(-2.0 * h), eval(-h), eval(h), eval(2.0 * h));
        (0..m2.len()).map(|i| (m2[i] - 8.0 * m1[i] + 8.0 * p1[i] - p2[i]) / (12.0 * h)).collect()
    }

    /// Checks a reverse-mode derivative `vjp(x, ȳ) = Jᵀȳ` of `f` at `x`.
    pub fn vjp<X: Flatten, Y: Flatten>(
        &self,
        f: impl Fn(&X) -> Y,
        vjp: impl Fn(&X, &Y) -> X,
        x: &X,
    ) -> Result<(), GradCheckError> {
        let (rtol, atol) = self.tolerances::<X>();
        let xf = flat(x);
        let yf = flat(&f(x));
        let mut rng = Rng(self.seed);
        for _ in 0..self.directions {
            let v = rng.vector(xf.len());
            let y_bar = rng.vector(yf.len());
            let jv = self.directional(&f, &xf, &v);
            let numeric = dot(&y_bar, &jv);
            let yb = Y::unflatten_cotangent(&mut y_bar.iter().copied()).expect("flatten round trip");
            let analytic = dot(&flat_cotangent(&vjp(x, &yb)), &v);
            compare("reverse mode", &xf, &v, analytic, numeric, rtol, atol)?;
        }
        Ok(())
    }

    /// Checks a forward-mode derivative `jvp(x, v) = J·v` of `f` at `x`.
    pub fn jvp<X: Flatten, Y: Flatten>(
        &self,
        f: impl Fn(&X) -> Y,
        jvp: impl Fn(&X, &X) -> Y,
        x: &X,
    ) -> Result<(), GradCheckError> {
        let (rtol, atol) = self.tolerances::<X>();
        let xf = flat(x);
        let yf = flat(&f(x));
        let mut rng = Rng(self.seed);
        for _ in 0..self.directions {
            let v = rng.vector(xf.len());
            let y_bar = rng.vector(yf.len());
            let numeric = dot(&y_bar, &self.directional(&f, &xf, &v));
            let vx = X::unflatten(&mut v.iter().copied()).expect("flatten round trip");
            let analytic = dot(&y_bar, &flat(&jvp(x, &vx)));
            compare("forward mode", &xf, &v, analytic, numeric, rtol, atol)?;
        }
        Ok(())
    }

    /// Checks both modes against finite differences, and against each other to rounding.
    pub fn both<X: Flatten, Y: Flatten>(
        &self,
        f: impl Fn(&X) -> Y,
        vjp: impl Fn(&X, &Y) -> X,
        jvp: impl Fn(&X, &X) -> Y,
        x: &X,
    ) -> Result<(), GradCheckError> {
        self.vjp(&f, &vjp, x)?;
        self.jvp(&f, &jvp, x)?;
        let xf = flat(x);
        let yf = flat(&f(x));
        let tight = X::EPSILON.sqrt() * 1e-2;
        let mut rng = Rng(self.seed ^ 0x5555);
        for _ in 0..self.directions {
            let v = rng.vector(xf.len());
            let y_bar = rng.vector(yf.len());
            let vx = X::unflatten(&mut v.iter().copied()).expect("flatten round trip");
            let yb = Y::unflatten_cotangent(&mut y_bar.iter().copied()).expect("flatten round trip");
            let forward = dot(&y_bar, &flat(&jvp(x, &vx)));
            let reverse = dot(&flat_cotangent(&vjp(x, &yb)), &v);
            compare("reverse vs forward mode", &xf, &v, reverse, forward, tight, tight)?;
        }
        Ok(())
    }
}

/// Checks reverse and forward mode of `f` at `x` with the default [`GradCheck`].
///
/// `vjp(x, ȳ)` returns the cotangent of `x`; `jvp(x, v)` the tangent of the output.
///
/// ```
/// use autodiff_runtime::{check_grads, differentiable};
///
/// #[differentiable]
/// fn f(x: f64, y: f64) -> f64 { x * y.sin() + (x / y).exp() }
///
/// check_grads(
///     |&(x, y): &(f64, f64)| f(x, y),
///     |&(x, y), &y_bar| f::vjp(x, y, y_bar).1,
///     |&(x, y), &(dx, dy)| f::jvp(x, y, dx, dy).1,
///     &(1.0, 2.0),
/// )
/// .unwrap();
/// ```
pub fn check_grads<X: Flatten, Y: Flatten>(
    f: impl Fn(&X) -> Y,
    vjp: impl Fn(&X, &Y) -> X,
    jvp: impl Fn(&X, &X) -> Y,
    x: &X,
) -> Result<(), GradCheckError> {
    GradCheck::default().both(f, vjp, jvp, x)
}

fn compare(
    mode: &'static str,
    point: &[f64],
    direction: &[f64],
    analytic: f64,
    numeric: f64,
    rtol: f64,
    atol: f64,
) -> Result<(), GradCheckError> {
    let tolerance = atol + rtol * numeric.abs();
    // A NaN on either side fails the check: it is not within any tolerance.
    let within = (analytic - numeric).abs() <= tolerance;
    if !within {
        return Err(GradCheckError {
            mode,
            point: point.to_vec(),
            direction: direction.to_vec(),
            analytic,
            numeric,
            tolerance,
        });
    }
    Ok(())
}

fn flat<X: Flatten>(x: &X) -> Vec<f64> {
    let mut out = Vec::new();
    x.flatten_into(&mut out);
    out
}

fn flat_cotangent<X: Flatten>(x: &X) -> Vec<f64> {
    let mut out = Vec::new();
    x.flatten_cotangent_into(&mut out);
    out
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(a, b)| a * b).sum()
}

/// A small xorshift generator: the checks need reproducible directions, not a dependency.
struct Rng(u64);

impl Rng {
    fn next_f64(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Entries uniform in `[-1, -0.1] ∪ [0.1, 1]`, so that no coordinate is left unchecked.
    fn vector(&mut self, n: usize) -> Vec<f64> {
        (0..n)
            .map(|_| {
                let u = self.next_f64();
                let m = 0.1 + 0.9 * self.next_f64();
                if u < 0.5 { -m } else { m }
            })
            .collect()
    }
}
