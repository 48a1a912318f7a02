use autodiff_runtime::differentiable;

#[differentiable]
fn f(v: [f64; 2]) -> f64 {
    v[0] * v[1]
}

fn main() {}
