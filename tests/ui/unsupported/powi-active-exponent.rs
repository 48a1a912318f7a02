use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    x.powi(x as i32)
}

fn main() {}
