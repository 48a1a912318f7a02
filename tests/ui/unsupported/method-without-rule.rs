use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    x.rem_euclid(1.0)
}

fn main() {}
