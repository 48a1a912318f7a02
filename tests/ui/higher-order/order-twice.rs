use autodiff_runtime::differentiable;

#[differentiable(order = 2, wrt(x), order = 3)]
fn f(x: f64, y: f64) -> f64 {
    x * y
}

fn main() {}
