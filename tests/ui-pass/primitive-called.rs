use autodiff_runtime::{differentiable, primitive};

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn softplus_vjp(x: f64, _y: f64, y_bar: f64) -> f64 {
    y_bar * sigmoid(x)
}

fn softplus_jvp(x: f64, _y: f64, x_dot: f64) -> f64 {
    x_dot * sigmoid(x)
}

#[primitive(vjp = softplus_vjp, jvp = softplus_jvp)]
fn softplus(x: f64) -> f64 {
    x.exp().ln_1p()
}

#[differentiable]
fn f(x: f64, w: f64) -> f64 {
    softplus(w * x) * x
}

fn main() {
    let (x, w) = (0.5_f64, -1.5_f64);
    // f = softplus(w x) x:
    // df/dx = sigmoid(w x) w x + softplus(w x), df/dw = sigmoid(w x) x^2
    let s = sigmoid(w * x);
    let expected_dx = s * w * x + softplus(w * x);
    let expected_dw = s * x * x;

    let (dx, dw) = f::grad(x, w);
    assert!((dx - expected_dx).abs() < 1e-12, "df/dx: {dx} vs {expected_dx}");
    assert!((dw - expected_dw).abs() < 1e-12, "df/dw: {dw} vs {expected_dw}");

    let (value, tangent) = f::jvp(x, w, 1.0, 0.0);
    assert!((value - f(x, w)).abs() < 1e-12);
    assert!((tangent - expected_dx).abs() < 1e-12, "jvp: {tangent} vs {expected_dx}");

    // The primitive's own module, built from the hand-written rules.
    let d = softplus::grad(w * x);
    assert!((d - s).abs() < 1e-12, "softplus'(w x): {d} vs {s}");
}
