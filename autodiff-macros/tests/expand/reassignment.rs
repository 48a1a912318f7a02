#[differentiable(wrt(x))]
fn g(x: f64, c: f64, n: i32) -> f64 {
    let mut s = x * x;
    s += c * x.powi(n);
    let k = s.floor();
    s - k
}
