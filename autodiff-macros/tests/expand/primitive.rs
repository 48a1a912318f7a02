#[primitive(vjp = softplus_vjp, jvp = softplus_jvp)]
fn softplus(x: f64) -> f64 {
    x.exp().ln_1p()
}
