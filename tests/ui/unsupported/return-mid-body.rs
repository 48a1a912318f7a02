use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let y = x * x;
    return y;
    y * 2.0
}

fn main() {}
