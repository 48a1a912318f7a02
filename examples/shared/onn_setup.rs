//! The optical neural network of the article: its constants, the target image, the input
//! wavefront, the angular-spectrum transfer function, the article's plate update, and the PNG
//! frames of the intensity; shared by `examples/` and `tests/` (the differentiable model is
//! `onn_model.rs`).
//!
//! Everything reproduces `shared/peers/onn_common.py` and `onn_autograd.py` exactly. A flat
//! wavefront of radius [`APERTURE`] on a `DIM × DIM` grid of side [`SIDE`] goes through
//! [`N_PLATES`] phase plates, each followed by [`DIST`] of free space; the loss compares the
//! intensity at the end with the target image `y` (in [0, 1]):
//!
//! ```text
//! u₀ = wavefront,   uₖ₊₁ = asm_prop(uₖ · plateₖ),   I = |u_N|²
//! asm_prop(u) = ifftshift(ifft2(h · fft2(fftshift(u))))
//! h = fftshift(exp(i·2π·d·√q)),   q = max(1/λ² − fx² − fy², 0)
//! loss = mean((I − y)² + |I − y|)
//! ```
//!
//! and each training step is `plate -= lr · exp(−i·angle(∂loss/∂plate))`, with autograd's
//! complex-gradient convention (the runtime's too: see `autodiff_runtime::fft`).
//!
//! The grids are numpy's bit for bit: [`linspace`] computes `start + i·step` and ends on `stop`,
//! `meshgrid(x, x)` puts `x` along the columns (`xx[[i, j]] = x[j]`, `yy[[i, j]] = x[i]`), and
//! `q` is `(1/λ² − fx[j]²) − fy[i]²` in that order. With these, the loss of flat plates is
//! 0.486204805603448 as in the peers ([`LOSS_INIT`]).
//!
//! The examples in these docs are not run by rustdoc (this is not a library);
//! `tests/onn_setup.rs` runs the same calls.

// Each user takes only part of this module.
#![allow(dead_code)]

use autodiff_runtime::{Complex64, FftExt};
use image::codecs::png::PngDecoder;
use image::{ColorType, DynamicImage, GrayImage, ImageDecoder, ImageFormat};
use ndarray::{Array1, Array2, Zip};
use rayon::prelude::*;
use std::f64::consts::PI;
use std::path::{Path, PathBuf};

/// Pixels along each side of the grid.
pub const DIM: usize = 128;
/// Side of the grid (m): 32 mm.
pub const SIDE: f64 = 32.0e-3;
/// Radius of the flat input wavefront (m): 8 mm.
pub const APERTURE: f64 = 8.0e-3;
/// Wavelength (m): 550 nm.
pub const WAVELENGTH: f64 = 550.0e-9;
/// Free space after each plate (m): 50 mm.
pub const DIST: f64 = 50.0e-3;
/// Phase plates.
pub const N_PLATES: usize = 32;
/// Step size of `plate -= LR · exp(−i·angle(g))`.
pub const LR: f64 = 1e-3;
/// Training steps.
pub const N_STEPS: usize = 128;
/// The target image shipped with the examples.
pub const SMILEY_PNG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/smiley.png");
/// The peers' loss with every plate `exp(i·0) = 1`, before training (autograd and JAX agree to
/// 2e-16).
pub const LOSS_INIT: f64 = 0.486204805603448;
/// The peers' loss after training steps 0, 1, 10 and 127 (0-based; the loss after the update).
pub const LOSS_AT_STEP: [(usize, f64); 4] =
    [(0, 0.454276820157812), (1, 0.425633360422911), (10, 0.269526888689679), (127, 0.0158134296571289)];

/// numpy's `linspace(start, stop, n)` bit for bit: `start + i·step` with
/// `step = (stop − start)/(n − 1)`, and the last point set to `stop`.
///
/// ```ignore
/// assert_eq!(linspace(0.0, 1.0, 5).to_vec(), [0.0, 0.25, 0.5, 0.75, 1.0]);
/// ```
pub fn linspace(start: f64, stop: f64, n: usize) -> Array1<f64> {
    let step = (stop - start) / n.saturating_sub(1).max(1) as f64;
    Array1::from_shape_fn(n, |i| if n > 1 && i == n - 1 { stop } else { start + i as f64 * step })
}

/// The target image `y = img / max(img)` (in [0, 1], row-major as numpy reads it) of a
/// `dim × dim` grayscale PNG of 8 or 16 bits per pixel (also 1, 2 or 4, widened to 8 by the
/// decoder).
///
/// # Errors
/// A message naming the file and the problem, never a panic: the file cannot be read, is not
/// a PNG, is truncated or corrupt, is not grayscale (colour, indexed colour, an alpha channel),
/// is not `dim × dim`, or is all black (its maximum is 0, and the target is the image divided
/// by its maximum).
///
/// ```ignore
/// let y = load_target(SMILEY_PNG, DIM)?;
/// assert_eq!((y.dim(), y.fold(0.0, |m: f64, &v| m.max(v))), ((DIM, DIM), 1.0));
/// ```
pub fn load_target(path: impl AsRef<Path>, dim: usize) -> Result<Array2<f64>, String> {
    let path = path.as_ref();
    let file = path.display();
    let bytes = std::fs::read(path).map_err(|e| format!("{file}: cannot read the target image: {e}"))?;
    match image::guess_format(&bytes) {
        Ok(ImageFormat::Png) => {}
        Ok(other) => {
            return Err(format!("{file}: a {other:?} image, not a PNG; the target must be a grayscale PNG"));
        }
        Err(_) => return Err(format!("{file}: not a PNG file (no PNG signature); the target must be a grayscale PNG")),
    }
    let corrupt = |e: image::ImageError| format!("{file}: corrupt or truncated PNG: {e}");
    let decoder = PngDecoder::new(std::io::Cursor::new(&bytes)).map_err(|e| match e {
        image::ImageError::Unsupported(e) => {
            format!("{file}: unsupported PNG ({e}); the target must be a grayscale PNG of 8 or 16 bits per pixel")
        }
        e => corrupt(e),
    })?;
    let color = decoder.color_type();
    if !matches!(color, ColorType::L8 | ColorType::L16) {
        let kind = if color.has_color() { "a colour image" } else { "a grayscale image with an alpha channel" };
        return Err(format!(
            "{file}: {kind} ({color:?}); the target must be a grayscale PNG of 8 or 16 bits per pixel"
        ));
    }
    let (width, height) = decoder.dimensions();
    if (width as usize, height as usize) != (dim, dim) {
        return Err(format!("{file}: the image is {width}x{height} pixels; expected {dim}x{dim}"));
    }
    let pixels: Vec<f64> = match DynamicImage::from_decoder(decoder).map_err(corrupt)? {
        DynamicImage::ImageLuma8(img) => img.into_raw().into_iter().map(f64::from).collect(),
        DynamicImage::ImageLuma16(img) => img.into_raw().into_iter().map(f64::from).collect(),
        other => return Err(format!("{file}: decoded as {:?}, expected grayscale", other.color())),
    };
    let max = pixels.iter().copied().fold(0.0, f64::max);
    if max == 0.0 {
        return Err(format!(
            "{file}: the image is all black (its maximum is 0); the target is the image divided by its maximum"
        ));
    }
    let img = Array2::from_shape_vec((dim, dim), pixels).expect("dim × dim pixels were decoded");
    Ok(img / max)
}

/// The pixel coordinates of the grid (m): `linspace(−SIDE/2, SIDE/2 − px, dim)`, px = SIDE/dim.
pub fn coordinates(dim: usize) -> Array1<f64> {
    let px = SIDE / dim as f64;
    linspace(-SIDE / 2.0, SIDE / 2.0 - px, dim)
}

/// The spatial frequencies of the grid (1/m): `linspace(−1/(2px), 1/(2px) − 1/(dim·px), dim)`,
/// px = SIDE/dim, in steps of 1/SIDE.
pub fn frequencies(dim: usize) -> Array1<f64> {
    let px = SIDE / dim as f64;
    linspace(-1.0 / (2.0 * px), 1.0 / (2.0 * px) - 1.0 / (dim as f64 * px), dim)
}

/// The input: 1 on the disc `√(x² + y²) ≤ APERTURE` of the grid's coordinates, 0 elsewhere
/// (3,209 pixels of 128 × 128 are 1).
///
/// ```ignore
/// let u = wavefront(DIM);
/// assert_eq!(u.iter().filter(|z| z.re == 1.0).count(), 3209);
/// ```
pub fn wavefront(dim: usize) -> Array2<Complex64> {
    let x = coordinates(dim);
    Array2::from_shape_fn((dim, dim), |(i, j)| {
        // numpy: xx, yy = meshgrid(x, x); rr = sqrt(xx**2 + yy**2)
        let (xx, yy) = (x[j], x[i]);
        let rr = (xx * xx + yy * yy).sqrt();
        Complex64::new(if rr <= APERTURE { 1.0 } else { 0.0 }, 0.0)
    })
}

/// The angular-spectrum transfer function of `distance` metres of free space on the
/// `dim × dim` grid, in FFT order (zero frequency at `[0, 0]`):
/// `fftshift(exp(i·2π·d·√q))`, `q = max(1/λ² − fx² − fy², 0)`, with the [`frequencies`] `fx`.
///
/// The phase is computed as numpy does it, `(2π·d)·√q`; on the article's grid no frequency is
/// evanescent (q > 0 everywhere), so the clamp changes nothing there.
pub fn transfer_function(dim: usize, distance: f64) -> Array2<Complex64> {
    let l2 = (1.0 / WAVELENGTH) * (1.0 / WAVELENGTH);
    let fx = frequencies(dim);
    let k = 2.0 * PI * distance;
    let h = Array2::from_shape_fn((dim, dim), |(i, j)| {
        // numpy: fxx, fyy = meshgrid(fx, fx); q = l2 - fxx**2 - fyy**2; q[q < 0] = 0
        let (fxx, fyy) = (fx[j], fx[i]);
        let q = l2 - fxx * fxx - fyy * fyy;
        let q = if q < 0.0 { 0.0 } else { q };
        let phase = k * q.sqrt();
        Complex64::new(phase.cos(), phase.sin())
    });
    h.fftshift()
}

/// `n` plates of `dim × dim`, all `exp(i·0) = 1`: the article's starting point.
pub fn flat_plates(n: usize, dim: usize) -> Vec<Array2<Complex64>> {
    vec![Array2::from_elem((dim, dim), Complex64::new(1.0, 0.0)); n]
}

/// The article's update, `plate -= lr · exp(−i·angle(g))` for each plate and its gradient `g`
/// (autograd's convention: `g = ∂L/∂Re − i ∂L/∂Im`), as numpy evaluates it: `angle` is
/// `atan2(im, re)`, so an exactly zero gradient (plate 0 outside the aperture) moves by `lr`
/// along a direction that depends on the zero's signs and does not change the loss.
///
/// # Panics
/// If the numbers of plates and gradients, or their shapes, differ.
pub fn descend(plates: &mut [Array2<Complex64>], grads: &[Array2<Complex64>], lr: f64) {
    assert_eq!(plates.len(), grads.len(), "descend: {} plates but {} gradients", plates.len(), grads.len());
    // exp(−i·angle(g)) = conj(g)/|g|: numpy's direction to within an ulp or two, without its
    // three transcendental calls per element (a tenth of the time); an exactly zero g keeps
    // numpy's arithmetic (atan2 of signed zeros), which sets the direction there.
    let step = |p: &mut Complex64, g: &Complex64| {
        // √(re² + im²) rather than `hypot`: the gradients are far from overflow and underflow.
        let r = g.norm_sqr().sqrt();
        *p -= if r > 0.0 {
            Complex64::new(lr * (g.re / r), -(lr * (g.im / r)))
        } else {
            let a = g.arg();
            Complex64::new(lr * a.cos(), -(lr * a.sin()))
        };
    };
    plates.par_iter_mut().zip(grads).for_each(|(plate, g)| Zip::from(plate).and(g).for_each(step));
}

/// Writes an intensity frame as an 8-bit grayscale PNG, normalised by its maximum
/// (`round(255 · v / max)`; an all-zero frame is written black). Rows of the array are rows
/// of the image, as in the target.
///
/// # Errors
/// A message naming the file: a value is negative or not finite, or the file cannot be written.
///
/// ```ignore
/// for step in 0..N_STEPS {
///     // ... one training step ...
///     if step % every == 0 {
///         write_intensity_png(&frame_path(dir, step), &intensity(&forward(&u0, &plates, &h)))?;
///     }
/// }
/// ```
pub fn write_intensity_png(path: &Path, intensity: &Array2<f64>) -> Result<(), String> {
    let file = path.display();
    if let Some(v) = intensity.iter().find(|v| !v.is_finite() || **v < 0.0) {
        return Err(format!("{file}: cannot write the intensity frame: it holds {v}"));
    }
    let max = intensity.iter().copied().fold(0.0, f64::max);
    let scale = if max > 0.0 { 255.0 / max } else { 0.0 };
    let (rows, cols) = intensity.dim();
    let pixels: Vec<u8> = intensity.iter().map(|&v| (v * scale).round().clamp(0.0, 255.0) as u8).collect();
    let too_large = || format!("{file}: cannot write a {cols}x{rows} frame as a PNG");
    let (width, height) =
        (u32::try_from(cols).map_err(|_| too_large())?, u32::try_from(rows).map_err(|_| too_large())?);
    let img = GrayImage::from_raw(width, height, pixels).ok_or_else(too_large)?;
    img.save_with_format(path, ImageFormat::Png).map_err(|e| format!("{file}: cannot write the intensity frame: {e}"))
}

/// The file of the frame after `step` in `dir`: `frame_0042.png`.
pub fn frame_path(dir: &Path, step: usize) -> PathBuf {
    dir.join(format!("frame_{step:04}.png"))
}
