use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64, n: usize) -> f64 {
    let p = if n > 0 { (x, x * x) } else { (x * x, x) };
    p.0 + p.1
}

fn main() {}
