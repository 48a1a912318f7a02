use autodiff_runtime::differentiable;

// Code after a `return` is unreachable; the derivative is that of the returned value.
#[allow(unreachable_code)]
#[differentiable]
fn f(x: f64) -> f64 {
    let y = x * x;
    return y;
    y * 2.0
}

fn main() {
    assert_eq!(f(3.0), 9.0);
    assert_eq!(f::grad(3.0), 6.0);
    assert_eq!(f::jvp(3.0, 0.5), (9.0, 3.0));
}
