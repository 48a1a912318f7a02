use autodiff_runtime::differentiable;

#[differentiable(wrt(x, s))]
fn f(x: f64, s: String) -> f64 {
    x * s.len() as f64
}

fn main() {}
