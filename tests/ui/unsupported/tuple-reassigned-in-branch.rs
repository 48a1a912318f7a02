use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64, n: usize) -> f64 {
    let mut p = (x, 1.0);
    if n > 0 {
        p = (x * x, x);
    }
    p.0 + p.1
}

fn main() {}
