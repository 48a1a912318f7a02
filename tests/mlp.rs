//! The digits MLP against the Python peers: the same data, initial weights, minibatch order
//! and Adam steps give the same training loss.

#[path = "../examples/shared/digits_data.rs"]
mod digits_data;
#[path = "../examples/shared/mlp_model.rs"]
mod mlp_model;

use autodiff_runtime::optim::Adam;
use digits_data::{DIGITS_CSV, batches, init_params, load};
use mlp_model::{accuracy, loss_and_grad, loss_of, train_step};

/// `python mlp_autograd.py --hidden 32 --epochs 2` from `../shared/peers`: the training loss
/// (summed over the training set) after epochs 1 and 2, and the validation accuracy after 2.
const REFERENCE_H32: (f64, f64, f64) = (2831.787907328646, 2071.9611355544607, 0.6935933147632312);

#[test]
fn two_epochs_follow_the_peers() {
    let data = load(DIGITS_CSV).unwrap();
    let mut p = mlp_model::shared(init_params(32));
    let mut adam = Adam::new(&p, 1e-3);
    let mut losses = Vec::new();
    for epoch in batches(2) {
        for idx in &epoch {
            let (x, y) = data.train.batch(idx);
            train_step(&mut p, &mut adam, &x, &y);
        }
        losses.push(loss_of(&p, &data.train.x, &data.train.y));
    }
    let (l1, l2, acc) = REFERENCE_H32;
    assert!((losses[0] - l1).abs() <= 1e-9 * l1, "{} vs {l1}", losses[0]);
    assert!((losses[1] - l2).abs() <= 1e-9 * l2, "{} vs {l2}", losses[1]);
    assert_eq!(accuracy(&p, &data.valid.x, &data.valid.labels), acc);
}

#[test]
fn gradient_matches_finite_differences() {
    let data = load(DIGITS_CSV).unwrap();
    let p = mlp_model::shared(init_params(8));
    let idx: Vec<usize> = (0..16).collect();
    let (x, y) = data.train.batch(&idx);
    let (l, g) = loss_and_grad(&p, &x, &y);
    assert_eq!(l, loss_of(&p, &x, &y));
    let h = 1e-6;
    // A few entries of every weight and bias.
    let probe = |k: usize, i: usize, j: usize| {
        let bump = |d: f64| {
            let mut q = p.clone();
            match k {
                0 => q.0[[i, j]] += d,
                1 => q.1[j] += d,
                2 => q.2[[i, j]] += d,
                3 => q.3[j] += d,
                4 => q.4[[i, j]] += d,
                _ => q.5[j] += d,
            }
            loss_of(&q, &x, &y)
        };
        (bump(h) - bump(-h)) / (2.0 * h)
    };
    let got = |k: usize, i: usize, j: usize| match k {
        0 => g.0[[i, j]],
        1 => g.1[j],
        2 => g.2[[i, j]],
        3 => g.3[j],
        4 => g.4[[i, j]],
        _ => g.5[j],
    };
    for k in 0..6 {
        for (i, j) in [(0, 0), (3, 5), (7, 2)] {
            let i = if k % 2 == 1 { 0 } else { i };
            let (fd, an) = (probe(k, i, j), got(k, i, j));
            assert!((fd - an).abs() <= 1e-6 * (1.0 + fd.abs()), "parameter {k} [{i}, {j}]: {an} vs {fd}");
        }
    }
}
