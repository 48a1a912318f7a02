use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64, n: usize) -> f64 {
    let mut p = (0.0, 1.0);
    for _ in 0..n {
        p = (p.1 * x, p.0);
    }
    p.0
}

fn main() {}
