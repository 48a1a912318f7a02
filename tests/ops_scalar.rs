//! Every scalar rule the macro knows (`RULES` in `autodiff-macros/src/rules.rs`), checked
//! through `#[differentiable]` functions, in `f64` and in `f32`:
//!
//! * reverse and forward mode against central finite differences, and against each other, at
//!   random points of each rule's domain, near-edge points included (`span` and `away` always
//!   offer the ends of their ranges);
//! * each operand of the binary and ternary rules also held constant (the `None` branches);
//! * the documented values at kinks and other special points, exactly;
//! * that the checks, with the same settings, reject wrong derivatives.

use autodiff_runtime::Real;
use autodiff_runtime::check::{Flatten, GradCheck, GradCheckError};
use autodiff_runtime::differentiable;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use std::f64::consts::{FRAC_PI_2, LN_2};

const INF: f64 = f64::INFINITY;

/// Settings of the checks for one precision.
struct Tol {
    /// How close near-edge points come to an edge of the domain: pole, branch point, cut, kink.
    edge: f64,
    /// Largest finite-difference step as a fraction of the distance to the edge: small enough
    /// that the stencil never crosses it and that its truncation error stays well within `rtol`.
    frac: f64,
    rtol: f64,
    atol: f64,
}

const F64: Tol = Tol { edge: 1e-3, frac: 0.01, rtol: 1e-6, atol: 1e-8 };
// f32 differences are good to about 1e-4 of a partial at these steps, hence the wider margin.
const F32: Tol = Tol { edge: 1e-2, frac: 0.05, rtol: 2e-3, atol: 1e-3 };

fn config() -> ProptestConfig {
    // No regression files: a failure prints its input.
    ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(64) }
}

/// `lo`, `hi` (the near-edge points) and anything in between.
fn span(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    prop_oneof![Just(lo), Just(hi), lo..=hi]
}

/// `±m` for `m` in `span(lo, hi)`: both sides of an excluded point.
fn away(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    (span(lo, hi), any::<bool>()).prop_map(|(m, neg)| if neg { -m } else { m })
}

/// Checks a function's reverse and forward modes (returning `(value, derivative)`, as the
/// generated `vjp` and `jvp` do) at `x`: their values against `f`, their derivatives against
/// finite differences and each other. `r` is the distance from `x` to the nearest edge.
fn check<X: Flatten, Y: Flatten + PartialEq + std::fmt::Debug>(
    tol: &Tol,
    r: f64,
    x: X,
    modes: (impl Fn(&X) -> Y, impl Fn(&X, &Y) -> (Y, X), impl Fn(&X, &X) -> (Y, Y)),
) -> Result<(), TestCaseError> {
    let y = modes.0(&x);
    prop_assert!(modes.1(&x, &y).0 == y, "vjp's value differs from {y:?}");
    prop_assert!(modes.2(&x, &x).0 == y, "jvp's value differs from {y:?}");
    grad_check(tol, r, x, modes).map_err(|e| TestCaseError::fail(e.to_string()))
}

/// The derivative checks of [`check`], with a step that stays within `tol.frac · r`.
fn grad_check<X: Flatten, Y: Flatten>(
    tol: &Tol,
    r: f64,
    x: X,
    (f, vjp, jvp): (impl Fn(&X) -> Y, impl Fn(&X, &Y) -> (Y, X), impl Fn(&X, &X) -> (Y, Y)),
) -> Result<(), GradCheckError> {
    let mut flat = Vec::new();
    x.flatten_into(&mut flat);
    let scale = flat.iter().fold(1.0f64, |m, c| m.max(c.abs()));
    let step = X::EPSILON.powf(0.2).min(tol.frac * r / scale);
    let settings = GradCheck::default().rtol(tol.rtol).atol(tol.atol).step(step);
    settings.both(f, |x, y_bar| vjp(x, y_bar).1, |x, v| jvp(x, v).1, &x)
}

/// A unary rule's name, function, a point, its distance to the edge, the right derivative and
/// a typical slip.
type Case<T> = (&'static str, fn(T) -> T, f64, f64, fn(T) -> T, fn(T) -> T);

/// Asserts that [`grad_check`] passes the right derivative by hand and rejects, in the mode
/// that should catch it: the slip; the right derivative off by 5·rtol, in both modes, then in
/// forward mode only; and modes that differ by rtol/10 (within the finite-difference checks).
fn assert_checks_bite<T: Real + Flatten>(tol: &Tol, (name, f, x, r, right, slip): Case<T>) {
    let x = T::c(x);
    let mode = |dr: &dyn Fn(T) -> T, df: &dyn Fn(T) -> T| {
        let f = |x: &T| f(*x);
        let vjp = |x: &T, y_bar: &T| (f(x), *y_bar * dr(*x));
        let jvp = |x: &T, v: &T| (f(x), *v * df(*x));
        grad_check(tol, r, x, (f, vjp, jvp)).map_or_else(|e| e.mode, |()| "none")
    };
    let off = |x| right(x) * T::c(1.0 + 5.0 * tol.rtol);
    let slightly_off = |x| right(x) * T::c(1.0 + tol.rtol / 10.0);
    assert_eq!(mode(&right, &right), "none", "{name} at {x}: the right derivative");
    assert_eq!(mode(&slip, &slip), "reverse mode", "{name} at {x}: the slip");
    assert_eq!(mode(&off, &off), "reverse mode", "{name} at {x}: 5·rtol off");
    assert_eq!(mode(&right, &off), "forward mode", "{name} at {x}: 5·rtol off in forward mode");
    let disagree = mode(&right, &slightly_off);
    assert_eq!(disagree, "reverse vs forward mode", "{name} at {x}: rtol/10 off in forward mode");
}

/// The generated function `f::$f`, its `vjp` and its `jvp`, as closures of one real or a tuple.
macro_rules! modes {
    ($f:ident($x:ident; $dx:ident)) => {(
        |&$x: &_| f::$f($x),
        |&$x: &_, &y_bar: &_| f::$f::vjp($x, y_bar),
        |&$x: &_, &$dx: &_| f::$f::jvp($x, $dx),
    )};
    ($f:ident($($x:ident),+; $($dx:ident),+)) => {(
        |&($($x),+): &_| f::$f($($x),+),
        |&($($x),+): &_, &y_bar: &_| f::$f::vjp($($x,)+ y_bar),
        |&($($x),+): &_, &($($dx),+): &_| f::$f::jvp($($x,)+ $($dx),+),
    )};
}

/// `#[differentiable] pub fn $f(x: $t) -> $t { x.$f() }` for each method.
macro_rules! unary_fns {
    ($t:ident: $($f:ident)*) => {$(
        #[differentiable]
        pub fn $f(x: $t) -> $t { x.$f() }
    )*};
}

/// `#[differentiable] pub fn $f(a: $t, ..) -> $t { body }` for each entry.
macro_rules! fns {
    ($t:ident; $($f:ident($($x:ident),+) { $($body:tt)* })*) => {$(
        #[differentiable]
        pub fn $f($($x: $t),+) -> $t { $($body)* }
    )*};
}

/// One property test per unary rule: `x` drawn from the strategy, `r` its distance to the edge.
macro_rules! unary_tests {
    ($($f:ident: $x:ident in $s:expr, r = $r:expr;)*) => {
        proptest! {
            #![proptest_config(config())]
            $(#[test] fn $f($x in $s) { check(&TOL, $r, $x as T, modes!($f(x; dx)))?; })*
        }
    };
}

macro_rules! suite {
    ($m:ident, $t:ident, $tol:ident) => {
        mod $m {
            use super::*;

            type T = $t;
            const TOL: Tol = $tol;
            const E: f64 = TOL.edge;

            /// One function per rule. A suffix names the only active operands, the others
            /// being constants: `powf_a` is `a.powf(2.5)`, `powf_b` is `2.0.powf(b)`.
            mod f {
                use super::*;
                unary_fns!($t: sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh
                    exp exp2 exp_m1 ln log2 log10 ln_1p sqrt cbrt recip abs to_degrees to_radians
                    fract);
                fns! { $t;
                    neg(x) { -x }
                    add(a, b) { a + b }         add_a(a) { a + 0.3 }    add_b(b) { 0.3 + b }
                    sub(a, b) { a - b }         sub_a(a) { a - 0.3 }    sub_b(b) { 0.3 - b }
                    mul(a, b) { a * b }         mul_a(a) { a * 0.3 }    mul_b(b) { 0.3 * b }
                    square(a) { a * a }
                    div(a, b) { a / b }         div_a(a) { a / 0.3 }    div_b(b) { 0.3 / b }
                    powf(a, b) { a.powf(b) }    powf_a(a) { a.powf(2.5) }
                    powf_b(b) { let c: $t = 2.0; c.powf(b) }
                    powf_3(a) { a.powf(3.0) }
                    log(a, b) { a.log(b) }      log_a(a) { a.log(3.0) }
                    log_b(b) { $t::log(5.0, b) }
                    atan2(a, b) { a.atan2(b) }  atan2_a(a) { a.atan2(0.3) }
                    atan2_b(b) { let c: $t = 0.3; c.atan2(b) }
                    hypot(a, b) { a.hypot(b) }  hypot_a(a) { a.hypot(0.3) }
                    hypot_b(b) { $t::hypot(0.3, b) }
                    max(a, b) { a.max(b) }      max_a(a) { a.max(0.3) }
                    max_b(b) { let c: $t = 0.3; c.max(b) }
                    min(a, b) { a.min(b) }      min_a(a) { a.min(0.3) }
                    min_b(b) { let c: $t = 0.3; c.min(b) }
                    mul_add(a, b, c) { a.mul_add(b, c) }
                    mul_add_bc(b, c) { let a: $t = 0.3; a.mul_add(b, c) }
                    mul_add_ac(a, c) { a.mul_add(0.3, c) }
                    mul_add_ab(a, b) { a.mul_add(b, 0.5) }
                    powi_3(x) { x.powi(3) }     powi_m2(x) { x.powi(-2) }   powi_0(x) { x.powi(0) }
                }
                #[differentiable]
                pub fn powi(x: $t, n: i32) -> $t { x.powi(n) }
            }

            unary_tests! {
                sin: x in span(-6.0, 6.0), r = INF;
                cos: x in span(-6.0, 6.0), r = INF;
                tan: x in span(-FRAC_PI_2 + E, FRAC_PI_2 - E), r = FRAC_PI_2 - x.abs();
                asin: x in span(-1.0 + E, 1.0 - E), r = 1.0 - x.abs();
                acos: x in span(-1.0 + E, 1.0 - E), r = 1.0 - x.abs();
                atan: x in span(-5.0, 5.0), r = INF;
                sinh: x in span(-4.0, 4.0), r = INF;
                cosh: x in span(-4.0, 4.0), r = INF;
                tanh: x in span(-4.0, 4.0), r = INF;
                asinh: x in span(-5.0, 5.0), r = INF;
                acosh: x in span(1.0 + E, 10.0), r = x - 1.0;
                atanh: x in span(-1.0 + E, 1.0 - E), r = 1.0 - x.abs();
                exp: x in span(-5.0, 5.0), r = INF;
                exp2: x in span(-6.0, 6.0), r = INF;
                exp_m1: x in span(-5.0, 5.0), r = INF;
                ln: x in span(E, 10.0), r = x;
                log2: x in span(E, 10.0), r = x;
                log10: x in span(E, 10.0), r = x;
                ln_1p: x in span(-1.0 + E, 5.0), r = x + 1.0;
                sqrt: x in span(E, 10.0), r = x;
                cbrt: x in away(E, 10.0), r = x.abs();
                recip: x in away(E, 5.0), r = x.abs();
                abs: x in away(E, 5.0), r = x.abs();
                neg: x in span(-10.0, 10.0), r = INF;
                to_degrees: x in span(-10.0, 10.0), r = INF;
                to_radians: x in span(-10.0, 10.0), r = INF;
                // `n + t` with `t` in (0, 1): away from the integers, where `fract` jumps.
                fract: x in (-3i32..=3, span(E, 1.0 - E)).prop_map(|(n, t)| f64::from(n) + t),
                    r = (x - x.round()).abs();
            }

            proptest! {
                #![proptest_config(config())]

                #[test]
                fn add(a in span(-5.0, 5.0), b in span(-5.0, 5.0)) {
                    check(&TOL, INF, (a as T, b as T), modes!(add(a, b; da, db)))?;
                    check(&TOL, INF, a as T, modes!(add_a(a; da)))?;
                    check(&TOL, INF, b as T, modes!(add_b(b; db)))?;
                }

                #[test]
                fn sub(a in span(-5.0, 5.0), b in span(-5.0, 5.0)) {
                    check(&TOL, INF, (a as T, b as T), modes!(sub(a, b; da, db)))?;
                    check(&TOL, INF, a as T, modes!(sub_a(a; da)))?;
                    check(&TOL, INF, b as T, modes!(sub_b(b; db)))?;
                }

                #[test]
                fn mul(a in span(-5.0, 5.0), b in span(-5.0, 5.0)) {
                    check(&TOL, INF, (a as T, b as T), modes!(mul(a, b; da, db)))?;
                    check(&TOL, INF, a as T, modes!(mul_a(a; da)))?;
                    check(&TOL, INF, b as T, modes!(mul_b(b; db)))?;
                    check(&TOL, INF, a as T, modes!(square(a; da)))?;
                }

                // Near a pole, the partials are so large that the f32 rounding of a directional
                // difference can exceed what is left of it when they cancel: the pole `b = 0` is
                // approached to `E` with `a` constant, and to `10 E` with both active.
                #[test]
                fn div(a in span(-5.0, 5.0), b in away(10.0 * E, 5.0), b_near in away(E, 5.0)) {
                    check(&TOL, b.abs(), (a as T, b as T), modes!(div(a, b; da, db)))?;
                    check(&TOL, INF, a as T, modes!(div_a(a; da)))?;
                    check(&TOL, b_near.abs(), b_near as T, modes!(div_b(b; db)))?;
                }

                #[test]
                fn powf(a in span(E, 4.0), b in span(-2.0, 3.0)) {
                    check(&TOL, a, (a as T, b as T), modes!(powf(a, b; da, db)))?;
                    check(&TOL, a, a as T, modes!(powf_a(a; da)))?;
                    check(&TOL, INF, b as T, modes!(powf_b(b; db)))?;
                }

                // As for `div`, the pole `b = 1` is approached with `a` constant only.
                #[test]
                fn log(a in span(E, 10.0), b in prop_oneof![span(E, 0.5), span(1.5, 10.0)]) {
                    check(&TOL, a.min(b), (a as T, b as T), modes!(log(a, b; da, db)))?;
                    check(&TOL, a, a as T, modes!(log_a(a; da)))?;
                }

                #[test]
                fn log_b(b in prop_oneof![span(E, 1.0 - E), span(1.0 + E, 10.0)]) {
                    check(&TOL, b.min((b - 1.0).abs()), b as T, modes!(log_b(b; db)))?;
                }

                // `a` away from 0: away from the origin and from the cut `a = 0, b < 0`.
                #[test]
                fn atan2(a in away(E, 3.0), b in prop_oneof![Just(0.0), span(-3.0, 3.0)]) {
                    let r = if b < 0.0 { a.abs() } else { a.hypot(b) };
                    check(&TOL, r, (a as T, b as T), modes!(atan2(a, b; da, db)))?;
                    check(&TOL, INF, a as T, modes!(atan2_a(a; da)))?;
                    check(&TOL, INF, b as T, modes!(atan2_b(b; db)))?;
                }

                #[test]
                fn hypot(a in away(E, 3.0), b in prop_oneof![Just(0.0), span(-3.0, 3.0)]) {
                    check(&TOL, a.hypot(b), (a as T, b as T), modes!(hypot(a, b; da, db)))?;
                    check(&TOL, INF, a as T, modes!(hypot_a(a; da)))?;
                    check(&TOL, INF, b as T, modes!(hypot_b(b; db)))?;
                }

                // `d` is the distance from the tie, with the other operand or the constant 0.3.
                #[test]
                fn max(a in span(-5.0, 5.0), d in away(E, 3.0)) {
                    check(&TOL, d.abs(), (a as T, (a + d) as T), modes!(max(a, b; da, db)))?;
                    check(&TOL, d.abs(), (0.3 + d) as T, modes!(max_a(a; da)))?;
                    check(&TOL, d.abs(), (0.3 + d) as T, modes!(max_b(b; db)))?;
                }

                #[test]
                fn min(a in span(-5.0, 5.0), d in away(E, 3.0)) {
                    check(&TOL, d.abs(), (a as T, (a + d) as T), modes!(min(a, b; da, db)))?;
                    check(&TOL, d.abs(), (0.3 + d) as T, modes!(min_a(a; da)))?;
                    check(&TOL, d.abs(), (0.3 + d) as T, modes!(min_b(b; db)))?;
                }

                #[test]
                fn mul_add(a in span(-5.0, 5.0), b in span(-5.0, 5.0), c in span(-5.0, 5.0)) {
                    let (a, b, c) = (a as T, b as T, c as T);
                    check(&TOL, INF, (a, b, c), modes!(mul_add(a, b, c; da, db, dc)))?;
                    check(&TOL, INF, (b, c), modes!(mul_add_bc(b, c; db, dc)))?;
                    check(&TOL, INF, (a, c), modes!(mul_add_ac(a, c; da, dc)))?;
                    check(&TOL, INF, (a, b), modes!(mul_add_ab(a, b; da, db)))?;
                }

                #[test]
                fn powi(x in away(E, 3.0), n in -3..=4) {
                    let modes = (
                        |&x: &T| f::powi(x, n),
                        |&x: &T, &y_bar: &T| f::powi::vjp(x, n, y_bar),
                        |&x: &T, &dx: &T| f::powi::jvp(x, n, dx),
                    );
                    check(&TOL, if n < 0 { x.abs() } else { INF }, x as T, modes)?;
                    check(&TOL, INF, x as T, modes!(powi_3(x; dx)))?;
                    check(&TOL, x.abs(), x as T, modes!(powi_m2(x; dx)))?;
                    check(&TOL, INF, x as T, modes!(powi_0(x; dx)))?;
                }
            }

            #[test]
            fn special_values() {
                for x in [0.0, -0.0] {
                    assert_eq!(f::abs::value_and_grad(x), (0.0, 0.0), "|x| at {x}");
                    assert_eq!(f::abs::jvp(x, 1.0), (0.0, 0.0), "|x| at {x}");
                }
                for v in [-2.0, 0.0, 0.3, 7.5] {
                    assert_eq!(f::max::value_and_grad(v, v), (v, (0.5, 0.5)), "max({v}, {v})");
                    assert_eq!(f::min::value_and_grad(v, v), (v, (0.5, 0.5)), "min({v}, {v})");
                    assert_eq!(f::max::jvp(v, v, 1.0, 0.0), (v, 0.5), "max({v}, {v})");
                    assert_eq!(f::min::jvp(v, v, 0.0, 1.0), (v, 0.5), "min({v}, {v})");
                }
                for g in [f::max_a::grad, f::max_b::grad, f::min_a::grad, f::min_b::grad] {
                    assert_eq!(g(0.3), 0.5, "tie with the constant 0.3");
                }
                // ∂(aᵇ)/∂b = aᵇ·ln a is taken as 0 at a = 0 (where ∂/∂a is b·0^(b−1)).
                for (b, da) in [(0.5, INF as T), (1.0, 1.0), (2.5, 0.0)] {
                    assert_eq!(f::powf::grad(0.0, b), (da, 0.0), "0^{b}");
                }
                assert_eq!(f::powf::jvp(0.0, 2.5, 0.0, 1.0), (0.0, 0.0));
                // The partial of a constant operand is not used (∂/∂b = y·ln a is NaN at a < 0).
                assert_eq!(f::powf_3::value_and_grad(-2.0), (-8.0, 12.0));
                assert_eq!(f::powf_3::jvp(-2.0, 1.0), (-8.0, 12.0));
                // A NaN operand is ignored, as `max` and `min` ignore it.
                assert_eq!(f::max::grad(T::NAN, 1.0), (0.0, 1.0));
                assert_eq!(f::min::grad(1.0, T::NAN), (1.0, 0.0));
                for x in [0.0, 2.0, -3.0] {
                    assert_eq!(f::powi::value_and_grad(x, 0), (1.0, 0.0), "{x}^0");
                    assert_eq!(f::powi::jvp(x, 0, 1.0), (1.0, 0.0), "{x}^0");
                    assert_eq!(f::powi_0::grad(x), 0.0, "{x}^0");
                }
            }

            /// The settings and near-edge points above are tight enough to catch wrong derivatives.
            #[test]
            fn checks_bite() {
                let cases: [Case<T>; 8] = [
                    ("sin", f::sin, 1.0, INF, |x| x.cos(), |x| -x.cos()),
                    ("tan", f::tan, FRAC_PI_2 - E, E, |x| 1.0 + x.tan().powi(2), |x| 1.0 + x * x),
                    ("asin", f::asin, 1.0 - E, E, |x| (1.0 - x * x).sqrt().recip(), |x| {
                        (1.0 - x * x).recip()
                    }),
                    ("acosh", f::acosh, 1.0 + E, E, |x| (x * x - 1.0).sqrt().recip(), |x| {
                        (x * x + 1.0).sqrt().recip()
                    }),
                    ("sqrt", f::sqrt, E, E, |x| (2.0 * x.sqrt()).recip(), |x| x.sqrt().recip()),
                    ("ln_1p", f::ln_1p, -1.0 + E, E, |x| (1.0 + x).recip(), |x| x.recip()),
                    ("log10", f::log10, 0.5, 0.5, |x| (x * (10.0 as T).ln()).recip(), |x| {
                        (x * LN_2 as T).recip()
                    }),
                    ("recip", f::recip, -E, E, |x| -(x * x).recip(), |x| (x * x).recip()),
                ];
                for case in cases {
                    assert_checks_bite(&TOL, case);
                }
            }
        }
    };
}

suite!(double, f64, F64);
suite!(single, f32, F32);
