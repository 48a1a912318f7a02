//! The pendulum example's gradient against the complex-step reference (N = 10,000) and
//! against forward mode.

#[path = "../examples/shared/pendulum_model.rs"]
mod pendulum_model;

use pendulum_model::{P0, REFERENCE, pendulum_loss};

#[test]
fn gradient_matches_the_complex_step_reference() {
    let (n, ref_loss, ref_grad) = REFERENCE[1];
    assert_eq!(n, 10_000);
    let (loss, (dl, dc, da, dw)) = pendulum_loss::value_and_grad(P0[0], P0[1], P0[2], P0[3], n);
    let rel = |a: f64, b: f64| ((a - b) / b).abs();
    assert!(rel(loss, ref_loss) < 1e-12, "loss {loss} vs {ref_loss}");
    for (g, r) in [dl, dc, da, dw].iter().zip(ref_grad) {
        assert!(rel(*g, r) < 1e-9, "gradient {g} vs reference {r}");
    }
}

#[test]
fn forward_mode_agrees_with_reverse_mode() {
    let n = 3000;
    let (_, (dl, dc, da, dw)) = pendulum_loss::value_and_grad(P0[0], P0[1], P0[2], P0[3], n);
    let grad = [dl, dc, da, dw];
    for (i, g) in grad.iter().enumerate() {
        let mut t = [0.0; 4];
        t[i] = 1.0;
        let (_, d) = pendulum_loss::jvp(P0[0], P0[1], P0[2], P0[3], n, t[0], t[1], t[2], t[3]);
        assert!((d - g).abs() <= 1e-12 * g.abs(), "component {i}: forward {d}, reverse {g}");
    }
}
