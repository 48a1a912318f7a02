use autodiff_runtime::differentiable;

type Pair = (f64, f64);

#[differentiable]
fn pair(x: f64) -> (f64, f64) {
    (x, x * x)
}

#[differentiable]
fn f(x: f64) -> Pair {
    pair(x)
}

fn main() {}
