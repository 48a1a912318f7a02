//! The optical neural network as `#[differentiable]` code, and its training step; shared by
//! `examples/optical_network.rs`, `tests/` and `benches/onn.rs` (the constants, grids, target
//! and plate update are in `onn_setup.rs`).
//!
//! Each function is the article's arithmetic written as plain Rust; the macro derives the
//! gradient of [`loss`] with respect to the plates through the plates' loop, the FFTs, the
//! shifts and the complex products, in autograd's convention (`∂L/∂Re − i ∂L/∂Im`).

// Each user takes only part of this module.
#![allow(dead_code)]

#[path = "onn_setup.rs"]
mod onn_setup;

use autodiff_runtime::{Complex64, ComplexMath, FftExt, differentiable};
use ndarray::Array2;
pub use onn_setup::*;

/// The article's `asm_prop`: `ifftshift(ifft2(h · fft2(fftshift(u))))`, one stretch of free
/// space with the transfer function `h` from [`transfer_function`]. On an even grid the two
/// shifts cancel (rolling by n/2 multiplies the spectrum by (−1)^k, and rolling back divides it
/// out again), so this is `ifft2(h · fft2(u))` up to rounding (`tests/onn_setup.rs`); the shifts
/// are kept to follow the article's arithmetic.
///
/// # Panics
/// If `h` has another shape than `u`.
#[differentiable(wrt(u))]
pub fn propagate(u: &Array2<Complex64>, h: &Array2<Complex64>) -> Array2<Complex64> {
    let spectrum = u.fftshift().fft2();
    (h * &spectrum).ifft2().ifftshift()
}

/// The field after the plates: `u ← propagate(u · plate, h)` for each plate in turn, starting
/// from `wavefront`.
///
/// # Panics
/// If a plate or `h` has another shape than `wavefront`.
// `#[differentiable]` loops over indices: iterators of active values are not supported.
#[allow(clippy::needless_range_loop)]
#[differentiable(wrt(plates))]
pub fn forward(
    wavefront: &Array2<Complex64>,
    plates: &[Array2<Complex64>],
    h: &Array2<Complex64>,
) -> Array2<Complex64> {
    let mut u = wavefront.clone();
    for i in 0..plates.len() {
        let lit = &u * &plates[i];
        u = propagate(&lit, h);
    }
    u
}

/// The intensity `|u|²`, as numpy's `abs(u)**2` computes it (`hypot(re, im)` squared).
#[differentiable]
pub fn intensity(u: &Array2<Complex64>) -> Array2<f64> {
    let a = u.norm();
    &a * &a
}

/// `mean((img − y)² + |img − y|)`, the article's loss of an intensity `img` against the target
/// `y`.
///
/// # Panics
/// If the shapes differ.
#[differentiable(wrt(img))]
pub fn image_loss(img: &Array2<f64>, target: &Array2<f64>) -> f64 {
    let e = img - target;
    (&e * &e + e.abs()).mean().unwrap()
}

/// The article's `get_loss`: [`image_loss`] of the intensity after [`forward`].
///
/// ```ignore
/// let (u0, y) = (wavefront(DIM), load_target(SMILEY_PNG, DIM)?);
/// let h = transfer_function(DIM, DIST);
/// let l = loss(&u0, &y, &flat_plates(N_PLATES, DIM), &h);
/// assert!((l - LOSS_INIT).abs() < 1e-12 * LOSS_INIT);
/// let g: Vec<Array2<Complex64>> = loss::grad(&u0, &y, &flat_plates(N_PLATES, DIM), &h);
/// ```
#[differentiable(wrt(plates))]
pub fn loss(
    wavefront: &Array2<Complex64>,
    target: &Array2<f64>,
    plates: &[Array2<Complex64>],
    h: &Array2<Complex64>,
) -> f64 {
    let u = forward(wavefront, plates, h);
    let img = intensity(&u);
    image_loss(&img, target)
}

/// One training step of the article: the gradient of [`loss`], the update
/// `plate -= lr · exp(−i·angle(g))` ([`descend`]), and the loss after it.
pub fn train_step(
    wavefront: &Array2<Complex64>,
    target: &Array2<f64>,
    plates: &mut [Array2<Complex64>],
    h: &Array2<Complex64>,
    lr: f64,
) -> f64 {
    let grads = loss::grad(wavefront, target, plates, h);
    descend(plates, &grads, lr);
    loss(wavefront, target, plates, h)
}
