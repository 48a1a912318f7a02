//! The exact derivatives of sinc at the article's 256 points, and the error table the sinc
//! example prints, shared by `examples/sinc.rs` and `tests/sinc.rs`.

// Each user takes only part of this module.
#![allow(dead_code)]

use ndarray::{Array1, Array2};
use std::path::Path;

/// Derivative orders in the table: 0 (the function) to 9.
pub const ORDERS: usize = 10;
/// Points: `linspace(-31.4, 31.4, 256)`.
pub const POINTS: usize = 256;
/// The reference file shipped with the examples.
pub const SINC_REF_CSV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/sinc_derivatives_ref.csv");

/// numpy's `linspace(-31.4, 31.4, 256)`, bit for bit (numpy computes `start + i·step`, and
/// sets the last point to `stop`).
pub fn points() -> Array1<f64> {
    let (start, stop) = (-31.4f64, 31.4f64);
    let step = (stop - start) / (POINTS - 1) as f64;
    Array1::from_shape_fn(POINTS, |i| if i == POINTS - 1 { stop } else { start + i as f64 * step })
}

/// The reference: the points and a `POINTS × ORDERS` matrix of exact derivatives.
///
/// Every problem (unreadable file, wrong header, a row of the wrong length, a number that does
/// not parse, a point that is not the expected one, too few or too many rows) is an error that
/// names the file and the line.
pub fn load(path: impl AsRef<Path>) -> Result<(Array1<f64>, Array2<f64>), String> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let mut lines = text.lines();
    let header: Vec<String> = (0..ORDERS).map(|k| format!("d{k}")).collect();
    let want = format!("x,{}", header.join(","));
    match lines.next() {
        Some(h) if h.trim() == want => {}
        Some(h) => return Err(format!("{}:1: expected the header `{want}`, found `{}`", path.display(), h.trim())),
        None => return Err(format!("{}: the file is empty", path.display())),
    }
    let expected = points();
    let mut xs = Vec::with_capacity(POINTS);
    let mut ds = Vec::with_capacity(POINTS * ORDERS);
    for (i, line) in lines.enumerate() {
        let line_no = i + 2;
        if line.trim().is_empty() {
            continue;
        }
        if xs.len() == POINTS {
            return Err(format!("{}:{line_no}: more than {POINTS} data rows", path.display()));
        }
        let fields: Vec<&str> = line.split(',').collect();
        if fields.len() != ORDERS + 1 {
            return Err(format!(
                "{}:{line_no}: expected {} comma-separated numbers, found {}",
                path.display(),
                ORDERS + 1,
                fields.len()
            ));
        }
        let mut row = Vec::with_capacity(ORDERS + 1);
        for (j, f) in fields.iter().enumerate() {
            let v: f64 = f.trim().parse().map_err(|_| {
                format!("{}:{line_no}: column {} is not a number: `{}`", path.display(), j + 1, f.trim())
            })?;
            if !v.is_finite() {
                return Err(format!("{}:{line_no}: column {} is not finite: `{}`", path.display(), j + 1, f.trim()));
            }
            row.push(v);
        }
        let k = xs.len();
        if row[0] != expected[k] {
            return Err(format!(
                "{}:{line_no}: point {k} is x = {}, but linspace(-31.4, 31.4, {POINTS}) has {}",
                path.display(),
                row[0],
                expected[k]
            ));
        }
        xs.push(row[0]);
        ds.extend_from_slice(&row[1..]);
    }
    if xs.len() != POINTS {
        return Err(format!("{}: {} data rows, expected {POINTS}", path.display(), xs.len()));
    }
    let ds = Array2::from_shape_vec((POINTS, ORDERS), ds).expect("POINTS rows of ORDERS values");
    Ok((Array1::from(xs), ds))
}

/// The errors of one order's derivatives against the reference.
#[derive(Clone, Debug, PartialEq)]
pub struct OrderErrors {
    /// Largest relative error over every finite result.
    pub max_rel: f64,
    /// Where it is reached.
    pub x_at_max_rel: f64,
    /// Largest relative error over the points with |x| > 2.
    pub max_rel_far: f64,
    /// Results that are NaN or infinite.
    pub non_finite: usize,
}

/// Relative errors of `computed[k]` (order `k`, one value per point) against `reference`.
pub fn errors(xs: &Array1<f64>, computed: &[Array1<f64>], reference: &Array2<f64>) -> Vec<OrderErrors> {
    computed
        .iter()
        .enumerate()
        .map(|(k, d)| {
            let mut e = OrderErrors { max_rel: 0.0, x_at_max_rel: f64::NAN, max_rel_far: 0.0, non_finite: 0 };
            for (i, (&x, &v)) in xs.iter().zip(d).enumerate() {
                if !v.is_finite() {
                    e.non_finite += 1;
                    continue;
                }
                let r = reference[[i, k]];
                let rel = (v - r).abs() / r.abs();
                if rel > e.max_rel || e.x_at_max_rel.is_nan() {
                    e.max_rel = rel;
                    e.x_at_max_rel = x;
                }
                if x.abs() > 2.0 {
                    e.max_rel_far = e.max_rel_far.max(rel);
                }
            }
            e
        })
        .collect()
}
