//! The optical network's training: its losses against the peers' reference values for the
//! first steps at full size, and its gradient against finite differences on a small grid.

#[path = "../examples/shared/onn_model.rs"]
mod onn_model;

use autodiff_runtime::Complex64;
use ndarray::Array2;
use onn_model::*;

fn rel(a: f64, b: f64) -> f64 {
    ((a - b) / b).abs()
}

#[test]
fn first_steps_reproduce_the_reference_losses() {
    let (u0, y) = (wavefront(DIM), load_target(SMILEY_PNG, DIM).unwrap());
    let h = transfer_function(DIM, DIST);
    let mut plates = flat_plates(N_PLATES, DIM);
    let l0 = loss(&u0, &y, &plates, &h);
    assert!(rel(l0, LOSS_INIT) < 1e-9, "initial loss {l0} vs {LOSS_INIT}");
    for (step, want) in LOSS_AT_STEP.iter().take_while(|(s, _)| *s <= 1) {
        let l = train_step(&u0, &y, &mut plates, &h, LR);
        assert!(rel(l, *want) < 1e-9, "loss after step {step}: {l} vs {want}");
    }
}

/// `∂L/∂x − i ∂L/∂y` of one plate pixel by central differences.
fn fd_pixel(
    u0: &Array2<Complex64>,
    y: &Array2<f64>,
    plates: &[Array2<Complex64>],
    h: &Array2<Complex64>,
    (k, i, j): (usize, usize, usize),
) -> Complex64 {
    let e = 1e-6;
    let at = |dz: Complex64| {
        let mut p = plates.to_vec();
        p[k][[i, j]] += dz;
        loss(u0, y, &p, h)
    };
    let dx = (at(Complex64::new(e, 0.0)) - at(Complex64::new(-e, 0.0))) / (2.0 * e);
    let dy = (at(Complex64::new(0.0, e)) - at(Complex64::new(0.0, -e))) / (2.0 * e);
    Complex64::new(dx, -dy)
}

#[test]
fn gradient_matches_differences_on_a_small_grid_over_two_steps() {
    let dim = 16;
    let u0 = wavefront(dim);
    let y = Array2::from_shape_fn(
        (dim, dim),
        |(i, j)| if (i as i64 - 8).abs() + (j as i64 - 8).abs() < 4 { 0.05 } else { 0.0 },
    );
    let h = transfer_function(dim, DIST);
    let mut plates = flat_plates(4, dim);
    for step in 0..2 {
        let g = loss::grad(&u0, &y, &plates, &h);
        assert_eq!(g.len(), 4);
        for pixel in [(0, 8, 8), (1, 3, 12), (2, 10, 5), (3, 8, 9)] {
            let (k, i, j) = pixel;
            let fd = fd_pixel(&u0, &y, &plates, &h, pixel);
            let d = (g[k][[i, j]] - fd).norm();
            assert!(
                d <= 1e-6 * (1e-6 + fd.norm()) + 1e-10,
                "step {step}, plate {k} ({i}, {j}): {} vs {fd}",
                g[k][[i, j]]
            );
        }
        // Forward mode along a random direction pairs with the gradient as Re Σ ḡ·v.
        let dirs: Vec<Array2<Complex64>> = (0..4)
            .map(|k| {
                Array2::from_shape_fn((dim, dim), |(i, j)| {
                    Complex64::from_polar(1.0, ((k * 97 + i * dim + j) as f64).sin() * 3.0)
                })
            })
            .collect();
        let (_, t) = loss::jvp(&u0, &y, &plates, &h, dirs.clone());
        let want: f64 = g.iter().zip(&dirs).map(|(a, b)| a.iter().zip(b).map(|(a, b)| (a * b).re).sum::<f64>()).sum();
        assert!(rel(t, want) < 1e-10, "jvp {t} vs {want}");
        let before = loss(&u0, &y, &plates, &h);
        let after = train_step(&u0, &y, &mut plates, &h, 1e-2);
        assert!(after < before, "step {step}: loss {before} → {after}");
    }
}
