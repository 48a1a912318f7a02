use autodiff_runtime::differentiable;
const G: f64 = 9.81;
const THETA0: f64 = 0.2;
const OMEGA0: f64 = 0.0;
const DT: f64 = 1e-3;
#[differentiable]
fn pendulum_loss(l: f64, c: f64, a: f64, w: f64, n: usize) -> f64 {
    let g_over_l = G / l;
    let mut theta = THETA0;
    let mut omega = OMEGA0;
    let mut sum = 0.0;
    for k in 0..n {
        let t = k as f64 * DT;
        let acc = -g_over_l * theta.sin() - c * omega + a * (w * t).cos();
        (theta, omega) = (theta + DT * omega, omega + DT * acc);
        sum = sum + theta * theta;
    }
    sum / n as f64
}
fn main() {
    println!("{}", pendulum_loss::SOURCE);
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let v = pendulum_loss(1.0, 0.5, 0.3, 1.5, 100000);
        let t1 = t.elapsed();
        let t = std::time::Instant::now();
        let g = pendulum_loss::value_and_grad(1.0, 0.5, 0.3, 1.5, 100000);
        let t2 = t.elapsed();
        println!("{v} {:?} {t1:?} {t2:?}", g.1.0);
    }
}
