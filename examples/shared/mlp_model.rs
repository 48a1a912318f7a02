//! The digits MLP, shared by `examples/mlp_digits.rs`, `benches/mlp.rs` and `tests/mlp.rs`.
//!
//! ```text
//! h₁ = tanh(X·W₁ + b₁),  h₂ = tanh(h₁·W₂ + b₂),  logits = h₂·W₃ + b₃
//! loss = Σ_rows (logsumexp(logits) − Σ logits ⊙ Y)       (softmax cross-entropy, summed)
//! ```

// Each user takes only part of this module.
#![allow(dead_code)]

use autodiff_runtime::ndarray::{ArcArray1, ArcArray2, Array1, Array2, Axis};
use autodiff_runtime::optim::{Adam, Optimizer};
use autodiff_runtime::{ArrayExt, differentiable};

/// The weights and biases `(W₁, b₁, W₂, b₂, W₃, b₃)`, held as `ArcArray`s so that the
/// partials a gradient keeps share them instead of copying them.
pub type Params = (ArcArray2<f64>, ArcArray1<f64>, ArcArray2<f64>, ArcArray1<f64>, ArcArray2<f64>, ArcArray1<f64>);

/// Their gradient: owned arrays of the same shapes.
pub type Grads = (Array2<f64>, Array1<f64>, Array2<f64>, Array1<f64>, Array2<f64>, Array1<f64>);

/// Parameters from owned arrays (of the same types as a gradient).
pub fn shared(p: Grads) -> Params {
    (p.0.into_shared(), p.1.into_shared(), p.2.into_shared(), p.3.into_shared(), p.4.into_shared(), p.5.into_shared())
}

/// The network's output scores for the rows of `x`.
pub fn forward(p: &Params, x: &Array2<f64>) -> Array2<f64> {
    let h1 = (x.dot(&p.0) + &p.1).mapv(f64::tanh);
    let h2 = (h1.dot(&p.2) + &p.3).mapv(f64::tanh);
    h2.dot(&p.4) + &p.5
}

/// Softmax cross-entropy of the network on the rows of `x` with one-hot labels `y`,
/// summed over the rows.
#[allow(clippy::too_many_arguments)]
#[differentiable(wrt(w1, b1, w2, b2, w3, b3))]
pub fn loss(
    w1: &ArcArray2<f64>,
    b1: &ArcArray1<f64>,
    w2: &ArcArray2<f64>,
    b2: &ArcArray1<f64>,
    w3: &ArcArray2<f64>,
    b3: &ArcArray1<f64>,
    x: &Array2<f64>,
    y: &Array2<f64>,
) -> f64 {
    let h1 = (x.dot(w1) + b1).mapv(f64::tanh);
    let h2 = (h1.dot(w2) + b2).mapv(f64::tanh);
    let logits = h2.dot(w3) + b3;
    logits.logsumexp(Axis(1)).sum() - (&logits * y).sum()
}

/// The loss of `p` on `(x, y)`.
pub fn loss_of(p: &Params, x: &Array2<f64>, y: &Array2<f64>) -> f64 {
    loss(&p.0, &p.1, &p.2, &p.3, &p.4, &p.5, x, y)
}

/// The loss and its gradient with respect to every weight and bias.
pub fn loss_and_grad(p: &Params, x: &Array2<f64>, y: &Array2<f64>) -> (f64, Grads) {
    loss::value_and_grad(&p.0, &p.1, &p.2, &p.3, &p.4, &p.5, x, y)
}

/// One Adam step on the minibatch `(x, y)`; returns the minibatch loss before the step.
pub fn train_step(p: &mut Params, adam: &mut Adam, x: &Array2<f64>, y: &Array2<f64>) -> f64 {
    let (l, g) = loss_and_grad(p, x, y);
    adam.step(p, &g);
    l
}

/// The fraction of rows of `x` whose highest score is at their label.
pub fn accuracy(p: &Params, x: &Array2<f64>, labels: &[usize]) -> f64 {
    let scores = forward(p, x);
    let hits = scores
        .rows()
        .into_iter()
        .zip(labels)
        .filter(|(row, label)| {
            let best =
                row.iter().enumerate().fold((0, f64::NEG_INFINITY), |b, (k, &v)| if v > b.1 { (k, v) } else { b });
            best.0 == **label
        })
        .count();
    hits as f64 / labels.len() as f64
}
