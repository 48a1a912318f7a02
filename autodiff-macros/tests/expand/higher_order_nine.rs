#[differentiable(order = 9)]
fn sinc(x: f64) -> f64 {
    x.sin() / x
}
