//! The checks every entry of the table runs, on values seen as flat coordinate vectors.

use autodiff_runtime::Complex;
use autodiff_runtime::ndarray::{Array, Dimension, IxDyn};

/// How one entry fared: which checks ran.
pub struct Outcome {
    pub points: usize,
    pub second_order: bool,
}

/// One registered rule, at one element type, with the function that exercises it.
pub struct Entry {
    /// The rule's name in the macro's table (`autodiff-macros/src/rules.rs`).
    pub rule: &'static str,
    /// The element type: `f64`, `f32`, `Complex64` or `Complex32`.
    pub elem: &'static str,
    /// Why there is no second-order check, if there is none.
    pub first_order_only: Option<&'static str>,
    /// The entry's module and function, for failure messages.
    pub code: &'static str,
    /// Draws sample inputs from the entry's domain and runs the checks at each.
    pub run: fn(&mut Rng) -> Result<Outcome, String>,
}

/// Where sample inputs are drawn: every real coordinate in `lo..hi`, or `±(lo..hi)`; for
/// complex numbers, the real and the imaginary part each in its own range.
#[derive(Clone, Copy, Debug)]
pub enum Domain {
    Span(f64, f64),
    Away(f64, f64),
    Complex((f64, f64), (f64, f64)),
    /// Square matrices: elements in `lo..hi`, `shift` added to the diagonal.
    Dominant(f64, f64, f64),
    /// Arrays of elements in `lo..hi` at least `(hi − lo)/2n` apart: no ties for `amax`.
    Apart(f64, f64),
}

pub fn span(lo: f64, hi: f64) -> Domain {
    Domain::Span(lo, hi)
}

/// `±m`, `m` in `lo..hi`: both sides of an excluded point (a pole, a kink, a branch cut).
pub fn away(lo: f64, hi: f64) -> Domain {
    Domain::Away(lo, hi)
}

pub fn cspan(re: (f64, f64), im: (f64, f64)) -> Domain {
    Domain::Complex(re, im)
}

impl Domain {
    fn real(&self, rng: &mut Rng) -> f64 {
        match *self {
            Domain::Span(lo, hi) | Domain::Dominant(lo, hi, _) | Domain::Apart(lo, hi) => rng.uniform(lo, hi),
            Domain::Away(lo, hi) => rng.uniform(lo, hi) * if rng.next() % 2 == 0 { 1.0 } else { -1.0 },
            Domain::Complex(re, _) => rng.uniform(re.0, re.1),
        }
    }

    fn imaginary(&self, rng: &mut Rng) -> f64 {
        match *self {
            Domain::Complex(_, im) => rng.uniform(im.0, im.1),
            _ => self.real(rng),
        }
    }
}

/// A deterministic xorshift generator.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn vector(&mut self, n: usize) -> Vec<f64> {
        (0..n).map(|_| self.uniform(-1.0, 1.0)).collect()
    }
}

/// A value as a vector of real coordinates: scalars, complex numbers (re, im), arrays in
/// logical order, tuples item after item.
pub trait Flat: Clone {
    /// The machine epsilon of the value's precision.
    const EPSILON: f64;
    fn push(&self, out: &mut Vec<f64>);
    /// A value shaped like `self` from the next coordinates.
    fn rebuild(&self, it: &mut dyn Iterator<Item = f64>) -> Self;
    /// The coordinates that pair with a tangent's by the dot product: for a complex cotangent
    /// `∂L/∂x − i ∂L/∂y`, `(re, −im)`.
    fn push_cotangent(&self, out: &mut Vec<f64>) {
        self.push(out)
    }
    fn rebuild_cotangent(&self, it: &mut dyn Iterator<Item = f64>) -> Self {
        self.rebuild(it)
    }
}

/// A value drawn from a domain, of a given shape (ignored by scalars).
pub trait Sample: Sized {
    fn sample(shape: &[usize], domain: &Domain, rng: &mut Rng) -> Self;
}

macro_rules! real_scalar {
    ($($t:ident)*) => {$(
        impl Flat for $t {
            const EPSILON: f64 = $t::EPSILON as f64;
            fn push(&self, out: &mut Vec<f64>) {
                out.push(f64::from(*self));
            }
            fn rebuild(&self, it: &mut dyn Iterator<Item = f64>) -> Self {
                it.next().expect("enough coordinates") as $t
            }
        }

        impl Sample for $t {
            fn sample(_: &[usize], domain: &Domain, rng: &mut Rng) -> Self {
                domain.real(rng) as $t
            }
        }

        impl Flat for Complex<$t> {
            const EPSILON: f64 = $t::EPSILON as f64;
            fn push(&self, out: &mut Vec<f64>) {
                out.extend([f64::from(self.re), f64::from(self.im)]);
            }
            fn rebuild(&self, it: &mut dyn Iterator<Item = f64>) -> Self {
                let re = it.next().expect("enough coordinates") as $t;
                Complex::new(re, it.next().expect("enough coordinates") as $t)
            }
            fn push_cotangent(&self, out: &mut Vec<f64>) {
                self.conj().push(out)
            }
            fn rebuild_cotangent(&self, it: &mut dyn Iterator<Item = f64>) -> Self {
                self.rebuild(it).conj()
            }
        }

        impl Sample for Complex<$t> {
            fn sample(_: &[usize], domain: &Domain, rng: &mut Rng) -> Self {
                Complex::new(domain.real(rng) as $t, domain.imaginary(rng) as $t)
            }
        }
    )*};
}

real_scalar!(f64 f32);

impl<T: Flat, D: Dimension> Flat for Array<T, D> {
    const EPSILON: f64 = T::EPSILON;
    fn push(&self, out: &mut Vec<f64>) {
        self.iter().for_each(|x| x.push(out))
    }
    // Rebuilt in logical order (`map` visits elements in memory order, which differs for
    // the transposed layouts that `t()` or `permuted_axes` return).
    fn rebuild(&self, it: &mut dyn Iterator<Item = f64>) -> Self {
        let values = self.iter().map(|x| x.rebuild(it)).collect();
        Array::from_shape_vec(self.raw_dim(), values).expect("one value per element")
    }
    fn push_cotangent(&self, out: &mut Vec<f64>) {
        self.iter().for_each(|x| x.push_cotangent(out))
    }
    fn rebuild_cotangent(&self, it: &mut dyn Iterator<Item = f64>) -> Self {
        let values = self.iter().map(|x| x.rebuild_cotangent(it)).collect();
        Array::from_shape_vec(self.raw_dim(), values).expect("one value per element")
    }
}

impl<T: Sample, D: Dimension> Sample for Array<T, D> {
    fn sample(shape: &[usize], domain: &Domain, rng: &mut Rng) -> Self {
        let n: usize = shape.iter().product();
        if let Domain::Apart(lo, hi) = *domain {
            // Element `i` in the first half of slot `i` of `n`, then shuffled.
            let w = (hi - lo) / n as f64;
            let mut slots: Vec<f64> = (0..n).map(|i| lo + w * (i as f64 + rng.uniform(0.0, 0.5))).collect();
            for i in (1..n).rev() {
                slots.swap(i, (rng.next() % (i as u64 + 1)) as usize);
            }
            let values = slots.iter().map(|&v| T::sample(&[], &Domain::Span(v, v), rng)).collect();
            let a = Array::from_shape_vec(IxDyn(shape), values).expect("sample shape");
            return a.into_dimensionality().expect("the shape's length is the array's dimension");
        }
        let values = (0..n)
            .map(|i| match *domain {
                Domain::Dominant(lo, hi, shift) if i % (shape[0] + 1) == 0 => {
                    assert!(shape.len() == 2 && shape[0] == shape[1], "a dominant domain needs square matrices");
                    T::sample(&[], &Domain::Span(lo + shift, hi + shift), rng)
                }
                _ => T::sample(&[], domain, rng),
            })
            .collect();
        let a = Array::from_shape_vec(IxDyn(shape), values).expect("sample shape");
        a.into_dimensionality().expect("the shape's length is the array's dimension")
    }
}

macro_rules! tuple {
    ($($t:ident $i:tt),+) => {
        impl<$($t: Flat),+> Flat for ($($t,)+) {
            const EPSILON: f64 = { let mut e = 0.0; $(if $t::EPSILON > e { e = $t::EPSILON; })+ e };
            fn push(&self, out: &mut Vec<f64>) {
                $(self.$i.push(out);)+
            }
            fn rebuild(&self, it: &mut dyn Iterator<Item = f64>) -> Self {
                ($(self.$i.rebuild(it),)+)
            }
            fn push_cotangent(&self, out: &mut Vec<f64>) {
                $(self.$i.push_cotangent(out);)+
            }
            fn rebuild_cotangent(&self, it: &mut dyn Iterator<Item = f64>) -> Self {
                ($(self.$i.rebuild_cotangent(it),)+)
            }
        }
    };
}

tuple!(A 0, B 1);
tuple!(A 0, B 1, C 2);

fn flat<X: Flat>(x: &X) -> Vec<f64> {
    let mut out = Vec::new();
    x.push(&mut out);
    out
}

fn flat_cotangent<X: Flat>(x: &X) -> Vec<f64> {
    let mut out = Vec::new();
    x.push_cotangent(&mut out);
    out
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(a.len(), b.len(), "coordinate counts differ");
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The generated derivatives of one function, as closures of the tuple of its active inputs.
pub struct Modes<'a, X, Y> {
    pub f: &'a dyn Fn(&X) -> Y,
    /// `(value, x̄)` for a cotangent `ȳ`.
    pub vjp: &'a dyn Fn(&X, &Y) -> (Y, X),
    /// `(value, ẏ)` for a tangent `ẋ`.
    pub jvp: &'a dyn Fn(&X, &X) -> (Y, Y),
    /// With `order = 2`: `taylor::<3>(x, v)` (the derivatives of orders 0, 1, 2 along `v`) and
    /// the Hessian-vector product of `⟨w, f(x)⟩` for a weight `w` shaped like the output.
    pub second: Option<Second<'a, X, Y>>,
}

/// `taylor::<3>` and the weighted Hessian-vector product of a function with `order = 2`.
pub type Second<'a, X, Y> = (&'a dyn Fn(&X, &X) -> [Y; 3], &'a dyn Fn(&X, &Y, &X) -> X);

/// Tolerances and the finite-difference step for one precision.
struct Tol {
    rtol: f64,
    atol: f64,
    step: f64,
}

fn tol(epsilon: f64) -> Tol {
    if epsilon > 1e-10 {
        Tol { rtol: 1e-2, atol: 1e-3, step: 1e-2 }
    } else {
        Tol { rtol: 1e-6, atol: 1e-8, step: 1e-3 }
    }
}

/// `d/dt g(x + t·v)` at `t = 0` by a fourth-order central difference, flattened.
fn directional<X: Flat, Z: Flat>(g: &dyn Fn(&X) -> Z, x: &X, v: &[f64], h: f64) -> Vec<f64> {
    let xf = flat(x);
    let at = |t: f64| {
        let shifted: Vec<f64> = xf.iter().zip(v).map(|(a, b)| a + t * b).collect();
        flat(&g(&x.rebuild(&mut shifted.into_iter())))
    };
    let (m2, m1, p1, p2) = (at(-2.0 * h), at(-h), at(h), at(2.0 * h));
    (0..m2.len()).map(|i| (m2[i] - 8.0 * m1[i] + 8.0 * p1[i] - p2[i]) / (12.0 * h)).collect()
}

/// `⟨w, d/dt g(x + t·v)⟩` by differences of steps `h/2` (the estimate) and `h`: their
/// difference bounds the estimate's truncation error (about a sixteenth of it) near a pole
/// of `g`'s derivatives. Also returns the scale of the sum, `Σ |wᵢ (dg/dt)ᵢ|`, against
/// which cancellation in it is judged.
struct Difference {
    estimate: f64,
    error: f64,
    scale: f64,
}

fn difference<X: Flat, Z: Flat>(g: &dyn Fn(&X) -> Z, x: &X, v: &[f64], w: &[f64], h: f64) -> Difference {
    let (coarse, fine) = (directional(g, x, v, h), directional(g, x, v, h / 2.0));
    Difference {
        estimate: dot(w, &fine),
        error: (dot(w, &coarse) - dot(w, &fine)).abs(),
        scale: w.iter().zip(&fine).map(|(a, b)| (a * b).abs()).sum(),
    }
}

fn compare(what: &str, analytic: f64, numeric: f64, rtol: f64, atol: f64) -> Result<(), String> {
    let tolerance = atol + rtol * numeric.abs();
    if (analytic - numeric).abs() <= tolerance && analytic.is_finite() {
        Ok(())
    } else {
        Err(format!("{what}: {analytic:e} vs {numeric:e} (tolerance {tolerance:e})"))
    }
}

/// [`compare`] with a difference: within `atol + rtol·scale + error`.
fn compare_difference(what: &str, analytic: f64, d: &Difference, tol: &Tol) -> Result<(), String> {
    let tolerance = tol.atol + tol.rtol * d.scale + d.error;
    if (analytic - d.estimate).abs() <= tolerance && analytic.is_finite() {
        Ok(())
    } else {
        Err(format!("{what}: {analytic:e} vs {:e} (tolerance {tolerance:e})", d.estimate))
    }
}

/// Runs every check of `modes` at `x`, along `directions` random directions:
///
/// * the values of `vjp`, `jvp` and `taylor` are `f(x)`, bit for bit;
/// * reverse mode: `⟨vjp(ȳ), v⟩ = ⟨ȳ, J·v⟩`, `J·v` by central differences of `f`;
/// * forward mode: `⟨ȳ, jvp(v)⟩` against the same difference, and against reverse mode to
///   rounding;
/// * second order: `taylor`'s second coefficient against differences of `jvp` along `v`, and
///   the Hessian-vector product of `⟨w, f⟩` against differences of `vjp(w)` along `v`.
pub fn check<X: Flat, Y: Flat>(x: &X, modes: &Modes<X, Y>, directions: usize, rng: &mut Rng) -> Result<(), String> {
    let tol = tol(X::EPSILON.max(Y::EPSILON));
    let xf = flat(x);
    let y = (modes.f)(x);
    let yf = flat(&y);
    let scale = xf.iter().fold(1.0f64, |m, a| m.max(a.abs()));
    let h = tol.step * scale;
    let tight = X::EPSILON.max(Y::EPSILON).sqrt() * 1e-2;
    let at = |what: &str, v: &[f64], e: String| format!("{what} at x = {xf:?} along v = {v:?}: {e}");
    for _ in 0..directions {
        let v = rng.vector(xf.len());
        let y_bar = rng.vector(yf.len());
        let vx = x.rebuild(&mut v.iter().copied());
        let yb = y.rebuild_cotangent(&mut y_bar.iter().copied());
        let numeric = difference(modes.f, x, &v, &y_bar, h);
        let (y_rev, x_bar) = (modes.vjp)(x, &yb);
        let (y_fwd, y_dot) = (modes.jvp)(x, &vx);
        if flat(&y_rev) != yf || flat(&y_fwd) != yf {
            return Err(at("value", &v, "vjp's or jvp's value differs from the function's".into()));
        }
        let reverse = dot(&flat_cotangent(&x_bar), &v);
        let forward = dot(&y_bar, &flat(&y_dot));
        compare_difference("reverse mode", reverse, &numeric, &tol).map_err(|e| at("reverse", &v, e))?;
        compare_difference("forward mode", forward, &numeric, &tol).map_err(|e| at("forward", &v, e))?;
        compare("reverse vs forward", reverse, forward, tight, tight).map_err(|e| at("modes", &v, e))?;
        if let Some((taylor, hvp)) = modes.second {
            let series = taylor(x, &vx);
            if flat(&series[0]) != yf {
                return Err(at("taylor", &v, "the zeroth coefficient differs from the value".into()));
            }
            compare("taylor, order 1", dot(&y_bar, &flat(&series[1])), forward, tight, tight)
                .map_err(|e| at("taylor", &v, e))?;
            let second = difference(&|x: &X| (modes.jvp)(x, &vx).1, x, &v, &y_bar, h);
            compare_difference("taylor, order 2", dot(&y_bar, &flat(&series[2])), &second, &tol)
                .map_err(|e| at("taylor", &v, e))?;
            // The weight is a cotangent read as a value (for real outputs they coincide).
            let w = y.rebuild(&mut y_bar.iter().copied());
            let u = rng.vector(xf.len());
            let hv = dot(&flat(&hvp(x, &w, &vx)), &u);
            let grad = |x: &X| (modes.vjp)(x, &w).1;
            let numeric = difference(&grad, x, &v, &u, h);
            compare_difference("hvp", hv, &numeric, &tol).map_err(|e| at("hvp", &v, e))?;
        }
    }
    Ok(())
}

/// Draws `points` inputs with `sample` and checks `modes` at each.
pub fn run<X: Flat, Y: Flat>(
    rng: &mut Rng,
    points: usize,
    sample: impl Fn(&mut Rng) -> X,
    modes: Modes<X, Y>,
) -> Result<Outcome, String> {
    for _ in 0..points {
        let x = sample(rng);
        check(&x, &modes, 2, rng)?;
    }
    Ok(Outcome { points, second_order: modes.second.is_some() })
}
