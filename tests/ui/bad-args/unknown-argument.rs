use autodiff_runtime::differentiable;

#[differentiable(mode = "reverse")]
fn f(x: f64) -> f64 {
    x * x
}

fn main() {}
