use autodiff_runtime::differentiable;

// Borrowed scalars are differentiated as the values they borrow.
#[differentiable]
fn f(x: &f64, y: &f64) -> f64 {
    *x * *x + x.sin() * y
}

fn main() {
    let (dx, dy) = f::grad(&3.0, &2.0);
    assert_eq!(dx, 6.0 + 3f64.cos() * 2.0);
    assert_eq!(dy, 3f64.sin());
}
