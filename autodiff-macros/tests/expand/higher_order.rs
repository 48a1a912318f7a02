#[differentiable(order = 2)]
fn sinc(x: f64) -> f64 {
    let mut s = x.sin();
    if x != 0.0 {
        s = s / x;
    } else {
        s = 1.0;
    }
    s
}
