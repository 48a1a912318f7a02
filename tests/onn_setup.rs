//! `examples/shared/onn_setup.rs`: the optical network's grids, transfer function and loss
//! before training against numpy 2.4 (values printed by `shared/peers/onn_common.py`'s code),
//! the target loader on the real image and on broken ones, and the intensity frames.

#[path = "../examples/shared/onn_model.rs"]
mod onn_model;

use autodiff_runtime::{Complex64, FftExt};
use image::{GrayAlphaImage, GrayImage, ImageBuffer, ImageFormat, Luma, RgbImage};
use ndarray::{Array2, array};
use onn_model::*;
use std::path::{Path, PathBuf};

/// The sum of the bit patterns of `values`, wrapping: numpy's arrays give the same sums only if
/// every element is the same float.
fn bit_sum<'a>(values: impl IntoIterator<Item = &'a f64>) -> u64 {
    values.into_iter().fold(0u64, |s, v| s.wrapping_add(v.to_bits()))
}

#[test]
fn initial_loss_matches_the_peers() {
    let y = load_target(SMILEY_PNG, DIM).unwrap_or_else(|e| panic!("{e}"));
    let (u0, h) = (wavefront(DIM), transfer_function(DIM, DIST));
    let l = loss(&u0, &y, &flat_plates(N_PLATES, DIM), &h);
    let rel = (l - LOSS_INIT).abs() / LOSS_INIT;
    println!("loss before training {l:.17} (peers {LOSS_INIT}), relative error {rel:.1e}");
    assert!(rel < 1e-12, "loss before training {l:.17}, peers {LOSS_INIT}: relative error {rel:.1e}");
}

#[test]
fn grids_are_numpys_bit_for_bit() {
    let x = coordinates(DIM);
    assert_eq!(
        [x[0], x[1], x[64], x[127]].map(f64::to_bits),
        [0xbf90624dd2f1a9fc, 0xbf9020c49ba5e354, 0, 0x3f9020c49ba5e354]
    );
    // onp.asarray(a).view(onp.uint64).astype(object).sum() % 2**64
    assert_eq!(bit_sum(&x), 9027015093101422235);
    let fx = frequencies(DIM);
    assert_eq!((fx[0], fx[1], fx[127]), (-2000.0, -1968.75, 1968.75));
    assert_eq!(bit_sum(&fx), 262932812619841536);
    assert_eq!(linspace(0.0, 1.0, 5).to_vec(), [0.0, 0.25, 0.5, 0.75, 1.0]);
    assert_eq!(linspace(2.0, 3.0, 1).to_vec(), [2.0]);

    let u0 = wavefront(DIM);
    assert!(u0.iter().all(|z| z.im == 0.0 && (z.re == 0.0 || z.re == 1.0)));
    assert_eq!(u0.iter().filter(|z| z.re == 1.0).count(), 3209);
    // the disc is centred on pixel (64, 64), where x = 0
    assert_eq!(
        (u0[[64, 64]].re, u0[[64, 32]].re, u0[[64, 31]].re, u0[[32, 64]].re, u0[[31, 64]].re),
        (1.0, 1.0, 0.0, 1.0, 0.0)
    );
}

#[test]
fn transfer_function_matches_numpy() {
    let h = transfer_function(DIM, DIST);
    assert_eq!(h.dim(), (DIM, DIM));
    // h[0, 0] is the zero frequency: exp(i·2π·d/λ)
    assert_eq!((h[[0, 0]].re.to_bits(), h[[0, 0]].im.to_bits()), (0x3feaeb8c87666204, 0x3fe14cedf8b9196a));
    let re: Vec<f64> = h.iter().map(|z| z.re).collect();
    let im: Vec<f64> = h.iter().map(|z| z.im).collect();
    assert_eq!((bit_sum(&re), bit_sum(&im)), (8477972695522492939, 1415407633827055610), "h differs from numpy's");
    let sum: Complex64 = h.sum();
    assert!((sum - Complex64::new(15277.244048871247, 5421.684300314105)).norm() < 1e-9);
    assert!(h.iter().all(|z| (z.norm() - 1.0).abs() < 1e-15));
}

#[test]
fn propagation_matches_numpy_and_keeps_the_energy() {
    let (u0, h) = (wavefront(DIM), transfer_function(DIM, DIST));
    let one = propagate(&u0, &h);
    let total: f64 = one.iter().map(|z| z.norm()).sum();
    assert!((total - 3228.722872111887).abs() < 1e-12 * 3228.722872111887, "sum |u| after one plate: {total}");
    // |h| = 1: every propagation keeps Σ|u|² (3209 pixels of 1 in the aperture)
    let img = intensity(&forward(&u0, &flat_plates(N_PLATES, DIM), &h));
    assert!((img.sum() - 3209.0).abs() < 1e-10, "energy after the plates: {}", img.sum());
    assert!((img.iter().copied().fold(0.0, f64::max) - 1.661831443526831).abs() < 1e-12);
    assert_eq!(forward(&u0, &[], &h), u0);
    // on an even grid the two shifts cancel (a roll by n/2 multiplies the spectrum by (−1)^k,
    // and the roll back undoes it): asm_prop(u) = ifft2(h · fft2(u)) up to rounding
    let bare = (&h * &u0.fft2()).ifft2();
    let diff = (&bare - &one).iter().map(|z| z.norm()).fold(0.0, f64::max);
    assert!(diff < 1e-14, "ifft2(h · fft2(u)) differs from asm_prop(u) by {diff:.1e}");
}

#[test]
fn image_loss_and_the_plate_update_are_the_articles() {
    let (img, y) = (array![[0.5, 2.0], [0.0, 1.0]], array![[1.0, 0.0], [0.0, 0.5]]);
    // ((0.25 + 0.5) + (4 + 2) + 0 + (0.25 + 0.5)) / 4
    assert_eq!(image_loss(&img, &y), 7.5 / 4.0);
    assert_eq!(intensity(&array![[Complex64::new(3.0, 4.0)]]), array![[25.0]]);

    // numpy: p = ones(4, complex); p -= 1e-3 * exp(-1j * angle(g)). The direction conj(g)/|g|
    // is numpy's to rounding (1e-15 of the step); at an exactly zero g numpy's own arithmetic,
    // bit for bit.
    let g = [Complex64::new(1.0, 1.0), Complex64::new(-2.0, 0.5), Complex64::new(0.0, 0.0), Complex64::new(-0.0, 0.0)];
    let mut plates = vec![Array2::from_elem((1, 4), Complex64::new(1.0, 0.0))];
    descend(&mut plates, &[Array2::from_shape_vec((1, 4), g.to_vec()).unwrap()], LR);
    let numpy = [
        (0x3feffa3516f00032u64, 0x3f472ba43fff3717u64),
        (0x3ff003f944a4f827, 0x3f2fca2527c1366a),
        (0x3feff7ced916872b, 0),
        (0x3ff004189374bc6a, 0x3c021295b554560b),
    ];
    for (k, (z, (re, im))) in plates[0].iter().zip(numpy).enumerate() {
        let (re, im) = (f64::from_bits(re), f64::from_bits(im));
        if k >= 2 {
            assert_eq!((z.re.to_bits(), z.im.to_bits()), (re.to_bits(), im.to_bits()), "zero gradient {k}");
        } else {
            let close = |a: f64, b: f64| (a - b).abs() <= 1e-15 * LR;
            assert!(close(z.re, re) && close(z.im, im), "element {k}: {z} vs numpy {re} + {im}i");
        }
    }
}

#[test]
fn loads_the_smiley() {
    let y = load_target(SMILEY_PNG, DIM).unwrap_or_else(|e| panic!("{e}"));
    // onn_common.setup(): tgt.sum() = 395764, 1986 pixels > 0, tgt.max() = 235 = tgt[64, 24]
    assert_eq!(y.dim(), (DIM, DIM));
    assert_eq!(y.iter().filter(|&&v| v > 0.0).count(), 1986);
    assert_eq!(y.iter().copied().fold(0.0, f64::max), 1.0);
    assert_eq!(y[[64, 24]], 1.0);
    assert!((y.sum() - 395764.0 / 235.0).abs() < 1e-10);
    assert!(y.iter().all(|&v| (v * 235.0 - (v * 235.0).round()).abs() < 1e-9));
}

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("autodiff-onn-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The loader's error for `path`, which must name the file and contain `what`.
#[track_caller]
fn error_of(path: &Path, dim: usize, what: &str) {
    let e = match load_target(path, dim) {
        Ok(_) => panic!("{} loaded; expected an error containing `{what}`", path.display()),
        Err(e) => e,
    };
    assert!(e.contains(&path.display().to_string()), "the error does not name the file: {e}");
    assert!(e.contains(what), "expected `{what}` in: {e}");
}

#[test]
fn loader_errors_name_the_file_and_the_problem() {
    let dir = TempDir::new("errors");
    let smiley = std::fs::read(SMILEY_PNG).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };

    error_of(&dir.path("missing.png"), DIM, "cannot read");
    error_of(&write("empty.png", b""), DIM, "not a PNG file");
    error_of(&write("text.png", b"smiley, 128 x 128\n"), DIM, "not a PNG file");
    error_of(&write("image.pgm", b"P2\n1 1\n255\n0\n"), DIM, "a Pnm image, not a PNG");
    let mut gif = b"GIF89a".to_vec();
    gif.extend_from_slice(&[0; 32]);
    error_of(&write("image.gif", &gif), DIM, "not a PNG");

    // cut in the header, and in the image data
    error_of(&write("cut-header.png", &smiley[..20]), DIM, "corrupt or truncated PNG");
    error_of(&write("cut-data.png", &smiley[..smiley.len() / 2]), DIM, "corrupt or truncated PNG");
    // one byte of the compressed data changed: the chunk's CRC no longer matches
    let mut flipped = smiley.clone();
    let idat = smiley.windows(4).position(|w| w == b"IDAT").unwrap();
    flipped[idat + 40] ^= 0x55;
    error_of(&write("flipped.png", &flipped), DIM, "corrupt or truncated PNG");

    let rgb = dir.path("rgb.png");
    RgbImage::new(DIM as u32, DIM as u32).save_with_format(&rgb, ImageFormat::Png).unwrap();
    error_of(&rgb, DIM, "colour image");
    let gray_alpha = dir.path("gray-alpha.png");
    GrayAlphaImage::new(DIM as u32, DIM as u32).save_with_format(&gray_alpha, ImageFormat::Png).unwrap();
    error_of(&gray_alpha, DIM, "alpha channel");

    let small = dir.path("small.png");
    GrayImage::from_pixel(64, 32, Luma([7])).save_with_format(&small, ImageFormat::Png).unwrap();
    error_of(&small, DIM, "64x32 pixels; expected 128x128");
    error_of(SMILEY_PNG.as_ref(), 64, "128x128 pixels; expected 64x64");

    let black = dir.path("black.png");
    GrayImage::new(DIM as u32, DIM as u32).save_with_format(&black, ImageFormat::Png).unwrap();
    error_of(&black, DIM, "all black");
}

#[test]
fn sixteen_bit_gray_png_round_trips() {
    let dir = TempDir::new("sixteen");
    let path = dir.path("gray16.png");
    let (w, h) = (4u32, 4u32);
    // values an 8-bit decoder would lose: low bytes, odd values, the full range
    let values: Vec<u16> = vec![0, 1, 255, 256, 257, 12345, 40000, 65535, 3, 65534, 511, 4097, 30000, 2, 7, 60001];
    let img: ImageBuffer<Luma<u16>, Vec<u16>> = ImageBuffer::from_raw(w, h, values.clone()).unwrap();
    img.save_with_format(&path, ImageFormat::Png).unwrap();
    let y = load_target(&path, 4).unwrap_or_else(|e| panic!("{e}"));
    let max = f64::from(*values.iter().max().unwrap());
    assert_eq!(max, 65535.0);
    let expected = Array2::from_shape_vec((4, 4), values.iter().map(|&v| f64::from(v) / max).collect()).unwrap();
    assert_eq!(y, expected);
}

#[test]
fn four_bit_gray_png_is_widened() {
    let dir = TempDir::new("four");
    let path = dir.path("gray4.png");
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, 2, 2);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Four);
    // rows (0, 3) and (15, 5), two pixels a byte
    encoder.write_header().unwrap().write_image_data(&[0x03, 0xf5]).unwrap();
    std::fs::write(&path, bytes).unwrap();
    let y = load_target(&path, 2).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(y, array![[0.0, 3.0 / 15.0], [1.0, 5.0 / 15.0]]);
}

#[test]
fn intensity_frames_are_8_bit_pngs_normalised_by_their_maximum() {
    let dir = TempDir::new("frames");
    let path = frame_path(&dir.0, 42);
    assert!(path.ends_with("frame_0042.png"));
    let img = array![[0.0, 1.0, 2.0], [3.0, 4.0, 0.5]];
    write_intensity_png(&path, &img).unwrap_or_else(|e| panic!("{e}"));
    // the frame read back as a target: round(255 · v / 4) / 255
    let decoded = image::open(&path).unwrap().into_luma8();
    assert_eq!(decoded.dimensions(), (3, 2));
    assert_eq!(decoded.into_raw(), [0, 64, 128, 191, 255, 32]);

    let black = dir.path("black.png");
    write_intensity_png(&black, &Array2::zeros((2, 2))).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(image::open(&black).unwrap().into_luma8().into_raw(), [0; 4]);

    // a real frame: the intensity after the flat plates
    let (u0, h) = (wavefront(DIM), transfer_function(DIM, DIST));
    let frame = dir.path("flat.png");
    write_intensity_png(&frame, &intensity(&forward(&u0, &flat_plates(2, DIM), &h))).unwrap();
    let back = load_target(&frame, DIM).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.iter().copied().fold(0.0, f64::max), 1.0);

    let nan = dir.path("nan.png");
    let e = write_intensity_png(&nan, &array![[1.0, f64::NAN]]).unwrap_err();
    assert!(e.contains(&nan.display().to_string()) && e.contains("NaN"), "{e}");
    let nowhere = dir.path("no-such-dir").join("frame.png");
    let e = write_intensity_png(&nowhere, &img).unwrap_err();
    assert!(e.contains(&nowhere.display().to_string()), "{e}");
}
