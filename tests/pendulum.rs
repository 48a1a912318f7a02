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

#[test]
fn hessian_vector_products_match_differences_of_the_gradient() {
    let n = 2000;
    let p = P0;
    let grad = |q: [f64; 4]| {
        let (dl, dc, da, dw) = pendulum_loss::grad(q[0], q[1], q[2], q[3], n);
        [dl, dc, da, dw]
    };
    let h = pendulum_loss::hessian(p[0], p[1], p[2], p[3], n);
    for j in 0..4 {
        let eps = 1e-5 * p[j].abs().max(1.0);
        let (mut qp, mut qm) = (p, p);
        qp[j] += eps;
        qm[j] -= eps;
        let (gp, gm) = (grad(qp), grad(qm));
        for i in 0..4 {
            let fd = (gp[i] - gm[i]) / (2.0 * eps);
            assert!((h[[i, j]] - fd).abs() <= 1e-6 * (1e-3 + fd.abs()), "H[{i},{j}] = {} vs {fd}", h[[i, j]]);
        }
    }
    let v = [0.3, -1.0, 0.5, 2.0];
    let hv = pendulum_loss::hvp(p[0], p[1], p[2], p[3], n, v[0], v[1], v[2], v[3]);
    let want = h.dot(&ndarray::arr1(&v));
    for (i, got) in [hv.0, hv.1, hv.2, hv.3].iter().enumerate() {
        assert!((got - want[i]).abs() <= 1e-12 * (1e-3 + want[i].abs()), "Hv[{i}] {got} vs {}", want[i]);
    }
}
