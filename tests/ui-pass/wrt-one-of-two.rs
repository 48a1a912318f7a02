use autodiff_runtime::differentiable;

#[differentiable(wrt(x))]
fn f(x: f64, y: f64) -> f64 {
    x * y.sin() + x.exp()
}

fn main() {
    let (x, y) = (1.0_f64, 2.0_f64);
    // d/dx (x sin y + e^x) = sin y + e^x; `y` is a constant.
    let expected = y.sin() + x.exp();
    let dx = f::grad(x, y);
    assert!((dx - expected).abs() < 1e-12, "grad: {dx} vs {expected}");

    let (value, dx) = f::value_and_grad(x, y);
    assert_eq!(value, f(x, y));
    assert!((dx - expected).abs() < 1e-12, "value_and_grad: {dx} vs {expected}");

    let (value, tangent) = f::jvp(x, y, 1.0);
    assert_eq!(value, f(x, y));
    assert!((tangent - expected).abs() < 1e-12, "jvp: {tangent} vs {expected}");
}
