//! Truncated Taylor-series arithmetic: the recurrences that give the coefficients of `f(u(t))`
//! from those of `u(t)`, each exact in the coefficients (no finite differences), in O(N²).
//!
//! Coefficients are normalised: `u[k] = u⁽ᵏ⁾(0) / k!`.

use crate::Real;

/// `(a · b)[k] = Σⱼ a[j] b[k−j]`.
pub(super) fn mul<T: Real, const N: usize>(a: &[T; N], b: &[T; N]) -> [T; N] {
    core::array::from_fn(|k| (0..=k).fold(T::zero(), |s, j| s + a[j] * b[k - j]))
}

/// `(a / b)[k] = (a[k] − Σ_{j≥1} b[j] q[k−j]) / b[0]`.
pub(super) fn div<T: Real, const N: usize>(a: &[T; N], b: &[T; N]) -> [T; N] {
    let mut q = [T::zero(); N];
    for k in 0..N {
        let s = (1..=k).fold(a[k], |s, j| s - b[j] * q[k - j]);
        q[k] = s / b[0];
    }
    q
}

/// The series of `∫ h`, with constant term `c0`: `[c0, h[0], h[1]/2, h[2]/3, ...]`.
pub(super) fn integral<T: Real, const N: usize>(c0: T, h: &[T; N]) -> [T; N] {
    core::array::from_fn(|k| if k == 0 { c0 } else { h[k - 1] / T::c(k as f64) })
}

/// The series of `u'` (the derivative in `t`), truncated: its last coefficient is unknown
/// at this order and set to zero, which only the unused top coefficient of an integral reads.
pub(super) fn derivative<T: Real, const N: usize>(u: &[T; N]) -> [T; N] {
    core::array::from_fn(|k| if k + 1 < N { u[k + 1] * T::c((k + 1) as f64) } else { T::zero() })
}

/// `f(u)` for an `f` whose derivative series `g = f'(u)` is known: `f(u) = f(u₀) + ∫ g·u'`.
pub(super) fn compose<T: Real, const N: usize>(f0: T, g: &[T; N], u: &[T; N]) -> [T; N] {
    integral(f0, &mul(g, &derivative(u)))
}

/// `exp(u)`: `e[k] = (1/k) Σ_{j=1..k} j u[j] e[k−j]`.
pub(super) fn exp<T: Real, const N: usize>(u: &[T; N]) -> [T; N] {
    let mut e = [T::zero(); N];
    if N > 0 {
        e[0] = u[0].exp();
    }
    for k in 1..N {
        let s = (1..=k).fold(T::zero(), |s, j| s + T::c(j as f64) * u[j] * e[k - j]);
        e[k] = s / T::c(k as f64);
    }
    e
}

/// `ln(u)` with the given constant term (so that `ln_1p` keeps its accuracy):
/// `l[k] = (u[k] − (1/k) Σ_{j=1..k−1} j l[j] u[k−j]) / u[0]`.
pub(super) fn ln<T: Real, const N: usize>(l0: T, u: &[T; N]) -> [T; N] {
    let mut l = [T::zero(); N];
    if N > 0 {
        l[0] = l0;
    }
    for k in 1..N {
        let s = (1..k).fold(T::zero(), |s, j| s + T::c(j as f64) * l[j] * u[k - j]);
        l[k] = (u[k] - s / T::c(k as f64)) / u[0];
    }
    l
}

/// `(sin u, cos u)` (or, with `hyperbolic`, `(sinh u, cosh u)`), by the coupled recurrences
/// `s[k] = (1/k) Σ j u[j] c[k−j]`, `c[k] = ∓(1/k) Σ j u[j] s[k−j]`.
pub(super) fn sin_cos<T: Real, const N: usize>(u: &[T; N], hyperbolic: bool) -> ([T; N], [T; N]) {
    let (mut s, mut c) = ([T::zero(); N], [T::zero(); N]);
    if N > 0 {
        (s[0], c[0]) = if hyperbolic { (u[0].sinh(), u[0].cosh()) } else { u[0].sin_cos() };
    }
    for k in 1..N {
        let (mut ss, mut cs) = (T::zero(), T::zero());
        for j in 1..=k {
            let ju = T::c(j as f64) * u[j];
            ss += ju * c[k - j];
            cs += ju * s[k - j];
        }
        let kk = T::c(k as f64);
        s[k] = ss / kk;
        c[k] = if hyperbolic { cs / kk } else { -cs / kk };
    }
    (s, c)
}

/// `tanh(u)` (or `tan(u)` with `circular`): `t' = (1 ∓ t²) u'`, built up one order at a time.
pub(super) fn tanh<T: Real, const N: usize>(u: &[T; N], circular: bool) -> [T; N] {
    let (mut t, mut g) = ([T::zero(); N], [T::zero(); N]);
    if N == 0 {
        return t;
    }
    let sign = if circular { T::one() } else { -T::one() };
    t[0] = if circular { u[0].tan() } else { u[0].tanh() };
    g[0] = T::one() + sign * t[0] * t[0];
    for k in 1..N {
        let s = (1..=k).fold(T::zero(), |s, j| s + T::c(j as f64) * u[j] * g[k - j]);
        t[k] = s / T::c(k as f64);
        g[k] = sign * (0..=k).fold(T::zero(), |s, i| s + t[i] * t[k - i]);
    }
    t
}

/// `√u`: `r[k] = (u[k] − Σ_{j=1..k−1} r[j] r[k−j]) / (2 r[0])`.
pub(super) fn sqrt<T: Real, const N: usize>(u: &[T; N]) -> [T; N] {
    let mut r = [T::zero(); N];
    if N > 0 {
        r[0] = u[0].sqrt();
    }
    for k in 1..N {
        let s = (1..k).fold(u[k], |s, j| s - r[j] * r[k - j]);
        r[k] = s / (T::c(2.0) * r[0]);
    }
    r
}

/// `u^a` for a constant `a`, given `p0 = u₀^a`: from `u p' = a p u'`,
/// `p[k] = (1/(k u[0])) Σ_{j=0..k−1} (a(k−j) − j) u[k−j] p[j]`.
pub(super) fn powf<T: Real, const N: usize>(p0: T, u: &[T; N], a: T) -> [T; N] {
    let mut p = [T::zero(); N];
    if N > 0 {
        p[0] = p0;
    }
    for k in 1..N {
        let s = (0..k).fold(T::zero(), |s, j| s + (a * T::c((k - j) as f64) - T::c(j as f64)) * u[k - j] * p[j]);
        p[k] = s / (T::c(k as f64) * u[0]);
    }
    p
}

/// `uⁿ` by repeated squaring: exact at `u₀ = 0` too, where the `powf` recurrence divides by 0.
pub(super) fn powi<T: Real, const N: usize>(u: &[T; N], n: u32) -> [T; N] {
    let mut result = [T::zero(); N];
    if N > 0 {
        result[0] = T::one();
    }
    let (mut base, mut n) = (*u, n);
    while n > 0 {
        if n & 1 == 1 {
            result = mul(&result, &base);
        }
        n >>= 1;
        if n > 0 {
            base = mul(&base, &base);
        }
    }
    result
}
