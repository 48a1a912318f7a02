use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64, y: f64) -> f64 {
    x * y.sin()
}

fn main() {
    // Hessians need `#[differentiable(order = 2)]`.
    let _ = f::hessian(1.0, 2.0);
}
