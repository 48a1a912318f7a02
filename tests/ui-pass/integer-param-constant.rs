use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64, n: usize) -> f64 {
    (n as f64) * x * x + x.powi(n as i32)
}

fn main() {
    let (x, n) = (1.5_f64, 3_usize);
    // d/dx (n x^2 + x^n) = 2 n x + n x^(n-1) = 9 + 3 * 2.25
    let expected = 2.0 * 3.0 * x + 3.0 * x * x;
    assert!((expected - 15.75).abs() < 1e-12);
    let dx = f::grad(x, n);
    assert!((dx - expected).abs() < 1e-12, "grad: {dx} vs {expected}");

    let (value, tangent) = f::jvp(x, n, 1.0);
    assert!((value - f(x, n)).abs() < 1e-12);
    assert!((tangent - expected).abs() < 1e-12, "jvp: {tangent} vs {expected}");
}
