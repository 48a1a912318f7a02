use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    if let Some(y) = Some(x * 2.0) { y } else { x }
}

fn main() {}
