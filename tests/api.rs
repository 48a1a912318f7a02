//! The generated API: what `grad`, `value_and_grad`, `vjp` and `jvp` return, for the
//! supported straight-line language, checked against closed forms, finite differences and
//! forward mode.

use autodiff_runtime::check::GradCheck;
use autodiff_runtime::{differentiable, primitive};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * (1.0 + b.abs())
}

#[differentiable]
fn f(x: f64, y: f64) -> f64 {
    x * y.sin() + (x / y).exp()
}

#[test]
fn design_example() {
    let (x, y) = (1.0f64, 2.0f64);
    let dx = y.sin() + (x / y).exp() / y;
    let dy = x * y.cos() - (x / y).exp() * x / (y * y);
    let (gx, gy) = f::grad(x, y);
    assert!(close(gx, dx) && close(gy, dy), "{gx} {gy}");
    let (v, (gx2, gy2)) = f::value_and_grad(x, y);
    assert_eq!((v, gx2, gy2), (f(x, y), gx, gy));
    let (v, (vx, vy)) = f::vjp(x, y, 2.0);
    assert_eq!(v, f(x, y));
    assert!(close(vx, 2.0 * dx) && close(vy, 2.0 * dy));
    let (v, t) = f::jvp(x, y, 0.5, 0.0);
    assert_eq!(v, f(x, y));
    assert!(close(t, 0.5 * dx));
}

#[differentiable]
fn cube(x: f64) -> f64 {
    x * x * x
}

#[test]
fn one_active_input_is_returned_bare() {
    let g: f64 = cube::grad(2.0);
    assert_eq!(g, 12.0);
    let (v, g): (f64, f64) = cube::vjp(2.0, 0.5);
    assert_eq!((v, g), (8.0, 6.0));
}

/// Integer and `usize` parameters are constants; `as` casts of them are fine.
#[differentiable]
fn scaled(x: f64, n: usize, k: i32) -> f64 {
    let c = n as f64;
    c * x.powi(k) + k as f64
}

#[test]
fn integer_parameters_are_constants() {
    let g = scaled::grad(1.5, 3, 4);
    assert!(close(g, 3.0 * 4.0 * 1.5f64.powi(3)));
    let (v, t) = scaled::jvp(1.5, 3, 4, 1.0);
    assert_eq!(v, scaled(1.5, 3, 4));
    assert!(close(t, g));
}

#[differentiable(wrt(w))]
fn loss(w: f64, target: f64) -> f64 {
    let e = w * 3.0 - target;
    e * e
}

#[test]
fn wrt_names_the_active_inputs() {
    // Only `w` is differentiated; `target` is a constant even though it is an `f64`.
    let g: f64 = loss::grad(2.0, 1.0);
    assert_eq!(g, 2.0 * (6.0 - 1.0) * 3.0);
}

/// `let` with and without types, shadowing, `let mut` with every compound assignment,
/// parentheses, unary minus, literals and consts.
const HALF: f64 = 0.5;

#[differentiable]
fn rebinding(x: f64, y: f64) -> f64 {
    let a: f64 = x * y;
    let a = a + HALF;
    let mut s = a;
    s += x;
    s -= -y;
    s *= x + 1.0;
    s /= y;
    let s = -s;
    s * 2.0
}

fn rebinding_by_hand(x: f64, y: f64) -> f64 {
    -(((x * y + 0.5) + x + y) * (x + 1.0) / y) * 2.0
}

#[test]
fn shadowing_and_compound_assignment() {
    let p = (0.7, 1.3);
    assert!(close(rebinding(p.0, p.1), rebinding_by_hand(p.0, p.1)));
    GradCheck::default()
        .both(
            |&(x, y): &(f64, f64)| rebinding(x, y),
            |&(x, y), &yb| rebinding::vjp(x, y, yb).1,
            |&(x, y), &(dx, dy)| rebinding::jvp(x, y, dx, dy).1,
            &p,
        )
        .unwrap();
}

/// Tuples: tuple parameters, tuple outputs, tuple destructuring, field access, `return`.
#[allow(clippy::needless_return)]
#[differentiable]
fn polar(p: (f64, f64)) -> (f64, f64) {
    let (x, y) = p;
    let t = (x.hypot(y), y.atan2(x));
    return (t.0, t.1 * 2.0);
}

#[test]
fn tuples_in_and_out() {
    let p = (0.6, -0.8);
    let (v, g) = polar::vjp(p, (1.0, 0.0));
    assert_eq!(v, polar(p));
    assert!(close(g.0, 0.6) && close(g.1, -0.8), "{g:?}");
    GradCheck::default()
        .both(|p: &(f64, f64)| polar(*p), |p, yb| polar::vjp(*p, *yb).1, |p, v| polar::jvp(*p, *v).1, &p)
        .unwrap();
}

/// Calls compose through the callee's generated code, including tuple results and
/// constant arguments.
#[differentiable]
fn pair(a: f64, b: f64) -> (f64, f64) {
    (a * b, a - b)
}

#[differentiable]
fn uses_pair(x: f64) -> f64 {
    let (p, q) = pair(x, 3.0);
    let (_, r) = pair(x.sin(), x);
    p * q + r
}

#[test]
fn calls_compose() {
    for x in [0.3, 1.7, -2.2] {
        GradCheck::default()
            .both(|x: &f64| uses_pair(*x), |x, yb| uses_pair::vjp(*x, *yb).1, |x, v| uses_pair::jvp(*x, *v).1, &x)
            .unwrap();
    }
}

#[differentiable]
fn twice_same_value(x: f64) -> f64 {
    let y = x * x;
    let z = y.hypot(y);
    let (zz, _) = pair(z, z);
    zz + z
}

#[test]
fn a_value_used_twice_in_one_rule() {
    // z = √2·x², pair(z, z).0 = z², so the function is 2x⁴ + √2·x².
    let x = 1.1f64;
    let expected = 8.0 * x.powi(3) + 2.0 * 2f64.sqrt() * x;
    assert!(close(twice_same_value::grad(x), expected));
}

/// Non-differentiable methods read primal values and act as constants.
#[differentiable]
fn stepped(x: f64) -> f64 {
    let k = x.floor();
    let s = x.signum();
    (x - k) * s + x.round() + (x.abs() > 1.0) as i32 as f64
}

#[test]
fn piecewise_constant_parts_have_zero_derivative() {
    assert_eq!(stepped::grad(2.3), 1.0);
    assert_eq!(stepped::grad(-2.3), -1.0);
}

/// An input that does not reach the output gets an exact zero.
#[differentiable]
fn ignores_y(x: f64, y: f64) -> f64 {
    let _unused = y.exp();
    x * 2.0
}

#[test]
fn unused_input_has_zero_gradient() {
    assert_eq!(ignores_y::grad(1.0, 5.0), (2.0, 0.0));
    assert_eq!(ignores_y::jvp(1.0, 5.0, 0.0, 1.0).1, 0.0);
}

/// `f32` uses the same rules.
#[differentiable]
fn single(x: f32, y: f32) -> f32 {
    (x * y).tanh() + x.sqrt()
}

#[test]
fn f32_functions() {
    let (gx, gy) = single::grad(0.5, 2.0);
    let t = 1.0f32.tanh();
    assert!((gx - ((1.0 - t * t) * 2.0 + 0.5 / 0.5f32.sqrt())).abs() < 1e-6);
    assert!((gy - (1.0 - t * t) * 0.5).abs() < 1e-6);
}

/// Float methods called through their type: `f64::max(a, b)`.
#[differentiable]
fn ufcs(a: f64, b: f64) -> f64 {
    f64::max(a, b) * f64::sin(a)
}

#[test]
fn methods_called_through_the_type() {
    let (ga, gb) = ufcs::grad(2.0, 1.0);
    assert!(close(ga, 2f64.sin() + 2.0 * 2f64.cos()));
    assert_eq!(gb, 0.0);
}

/// A user-defined primitive with hand-written rules, called from generated code.
#[primitive(vjp = softplus_vjp, jvp = softplus_jvp)]
fn softplus(x: f64) -> f64 {
    x.max(0.0) + (-x.abs()).exp().ln_1p()
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// x̄ = ȳ · σ(x)
fn softplus_vjp(x: f64, _y: f64, y_bar: f64) -> f64 {
    y_bar * sigmoid(x)
}

/// ẏ = σ(x) · ẋ
fn softplus_jvp(x: f64, _y: f64, x_dot: f64) -> f64 {
    sigmoid(x) * x_dot
}

#[differentiable]
fn uses_softplus(x: f64, w: f64) -> f64 {
    softplus(w * x) * w
}

#[test]
fn user_primitives_compose() {
    assert!(close(softplus::grad(0.3), sigmoid(0.3)));
    for p in [(0.5, -1.5), (2.0, 0.25)] {
        GradCheck::default()
            .both(
                |&(x, w): &(f64, f64)| uses_softplus(x, w),
                |&(x, w), &yb| uses_softplus::vjp(x, w, yb).1,
                |&(x, w), &(dx, dw)| uses_softplus::jvp(x, w, dx, dw).1,
                &p,
            )
            .unwrap();
    }
}

#[test]
fn generated_source_is_readable() {
    assert!(f::SOURCE.contains("fn __pullback"), "{}", f::SOURCE);
    assert!(f::SOURCE.contains("__ad::ops::sin_vjp"), "{}", f::SOURCE);
    assert!(f::SOURCE.contains("fn __jvp"), "{}", f::SOURCE);
}

#[differentiable]
fn clamped(x: f64, lo: f64) -> f64 {
    x.clamp(lo, 1.0) * 2.0
}

#[test]
fn clamp_passes_the_derivative_to_the_chosen_input() {
    assert_eq!(clamped::grad(0.5, 0.0), (2.0, 0.0));
    assert_eq!(clamped::grad(-0.5, 0.0), (0.0, 2.0));
    assert_eq!(clamped::grad(1.5, 0.0), (0.0, 0.0));
    assert_eq!(clamped::jvp(-0.5, 0.0, 1.0, 3.0), (0.0, 6.0));
    for (x, lo) in [(0.3, -0.2), (-0.7, -0.2), (1.4, 0.1)] {
        GradCheck::default()
            .both(
                |&(x, lo): &(f64, f64)| clamped(x, lo),
                |&(x, lo), &yb| clamped::vjp(x, lo, yb).1,
                |&(x, lo), &(dx, dl)| clamped::jvp(x, lo, dx, dl).1,
                &(x, lo),
            )
            .unwrap();
    }
}
