use autodiff_runtime::differentiable;

#[differentiable(order = 0)]
fn f(x: f64) -> f64 {
    x * x
}

fn main() {}
