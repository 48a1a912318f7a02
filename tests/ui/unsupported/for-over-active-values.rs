use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64, y: f64) -> f64 {
    let mut s = 0.0;
    for t in [x, y] {
        s += t * t;
    }
    s
}

fn main() {}
