#[differentiable]
fn pair(a: f64, b: f64) -> (f64, f64) {
    (a * b, a - b)
}

#[differentiable]
fn uses_pair(x: f64) -> f64 {
    let (p, q) = pair(x, 3.0);
    p * q
}
