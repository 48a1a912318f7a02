//! `rp_check`: the checks every generated crate runs on its functions (this file is the library
//! of a crate that `tests/random_programs.rs` writes beside the generated ones; it is not
//! compiled as part of the test).
//!
//! For each function, at a few random points (inputs in [-1.5, 1.5], `n` in 0..4):
//! - the values that `vjp` and `jvp` return equal the function's (bitwise for scalar code;
//!   to 1e-12 for array code, whose products may sum in another order than ndarray's);
//! - forward mode (`jvp` along each axis and along a random direction) equals reverse mode
//!   (`vjp`) to 1e-10, relative to the gradient's size;
//! - reverse mode equals fourth-order central differences of steps `h` and `h/2`
//!   (`h = 1e-3 · max(1, |x|∞)`) to 1e-6; where the two steps disagree, a branch or a kink
//!   lies inside the stencil and the point is drawn again;
//! - for `order = 2` functions, `grad` equals `vjp`, and `hvp` equals differences of `grad`.
//!
//! It prints one line per function, `PROG\tname\tchecked\tskipped`, and one per mismatch,
//! `FAIL\tname\tkind\tx0,x1,..\tn\tmessage`.

use autodiff_runtime::Coords;
use autodiff_runtime::ndarray::{Array1, Array2};
use std::panic::{AssertUnwindSafe, catch_unwind};

pub type F = fn(&[f64], usize) -> f64;
pub type Vjp = fn(&[f64], usize) -> (f64, Vec<f64>);
pub type Jvp = fn(&[f64], usize, &[f64]) -> (f64, f64);
pub type Grad = fn(&[f64], usize) -> Vec<f64>;
pub type Hvp = fn(&[f64], usize, &[f64]) -> Vec<f64>;

/// A generated function behind wrappers that take its float inputs flattened into `x`.
pub struct Program {
    pub name: &'static str,
    pub inputs: usize,
    pub has_n: bool,
    /// Values must equal the function's bitwise.
    pub exact: bool,
    pub seed: u64,
    pub f: F,
    pub vjp: Vjp,
    pub jvp: Jvp,
    /// `grad` and `hvp` of an `order = 2` function.
    pub order2: Option<(Grad, Hvp)>,
    /// A point to check first (the minimiser's failing point).
    pub first: Option<(&'static [f64], usize)>,
}

/// Points per function, and draws per point before it counts as skipped.
const POINTS: usize = 3;
const DRAWS: usize = 8;

pub fn scalar(x: &[f64], k: &mut usize) -> f64 {
    *k += 1;
    x[*k - 1]
}

pub fn vector(x: &[f64], k: &mut usize, n: usize) -> Array1<f64> {
    *k += n;
    Array1::from(x[*k - n..*k].to_vec())
}

pub fn matrix(x: &[f64], k: &mut usize, r: usize, c: usize) -> Array2<f64> {
    *k += r * c;
    Array2::from_shape_vec((r, c), x[*k - r * c..*k].to_vec()).unwrap()
}

/// A gradient (a float, an array or a tuple of them) as a flat vector.
pub fn coords<T: Coords<Elem = f64>>(g: T) -> Vec<f64> {
    let mut out = Vec::new();
    g.push_coords(&mut out);
    out
}

struct Rng(u64);

impl Rng {
    fn next_f64(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }
    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.next_f64()
    }
    /// Entries of magnitude in [0.1, 1] and random sign, so that no coordinate is left out.
    fn direction(&mut self, n: usize) -> Vec<f64> {
        (0..n).map(|_| if self.next_f64() < 0.5 { -1.0 } else { 1.0 } * self.uniform(0.1, 1.0)).collect()
    }
}

enum Outcome {
    Checked,
    /// Not finite, or a kink inside the stencil: draw another point.
    Redraw,
    Failed(&'static str, String),
}

fn shifted(x: &[f64], v: &[f64], t: f64) -> Vec<f64> {
    x.iter().zip(v).map(|(a, b)| a + t * b).collect()
}

fn axis(i: usize, n: usize) -> Vec<f64> {
    (0..n).map(|j| if i == j { 1.0 } else { 0.0 }).collect()
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(a, b)| a * b).sum()
}

fn inf_norm(a: &[f64]) -> f64 {
    a.iter().fold(0.0, |m, v| m.max(v.abs()))
}

/// Fourth-order central difference of a vector-valued `g` along `v`; `None` if not finite.
fn diff(g: &dyn Fn(&[f64]) -> Vec<f64>, x: &[f64], v: &[f64], h: f64) -> Option<Vec<f64>> {
    let at = |t: f64| g(&shifted(x, v, t * h));
    let (a, b, c, d) = (at(-2.0), at(-1.0), at(1.0), at(2.0));
    let out: Vec<f64> = (0..a.len()).map(|i| (a[i] - 8.0 * b[i] + 8.0 * c[i] - d[i]) / (12.0 * h)).collect();
    out.iter().all(|v| v.is_finite()).then_some(out)
}

/// Compares `analytic` with differences of steps `h` and `h/2`: `Ok(None)` if they agree,
/// `Ok(Some(msg))` on a mismatch, `Err(())` if the differences do not settle (a kink).
fn against_differences(
    analytic: &[f64],
    g: &dyn Fn(&[f64]) -> Vec<f64>,
    x: &[f64],
    v: &[f64],
    h: f64,
    rtol: f64,
) -> Result<Option<(usize, f64)>, ()> {
    let (d1, d2) = match (diff(g, x, v, h), diff(g, x, v, h / 2.0)) {
        (Some(a), Some(b)) => (a, b),
        _ => return Err(()),
    };
    let mut bad = None;
    for i in 0..d1.len() {
        let tol = rtol * (1.0 + d2[i].abs());
        let spread = (d1[i] - d2[i]).abs();
        if spread > tol {
            return Err(());
        }
        if (analytic[i] - d2[i]).abs() > tol.max(10.0 * spread) && bad.is_none() {
            bad = Some((i, d2[i]));
        }
    }
    Ok(bad)
}

fn check_point(p: &Program, x: &[f64], n: usize, rng: &mut Rng) -> Outcome {
    let d = p.inputs;
    let y = (p.f)(x, n);
    if !y.is_finite() {
        return Outcome::Redraw;
    }
    let same = |a: f64| if p.exact { a.to_bits() == y.to_bits() } else { (a - y).abs() <= 1e-12 * (1.0 + y.abs()) };
    let (y_rev, g) = (p.vjp)(x, n);
    if !same(y_rev) {
        return Outcome::Failed("value", format!("vjp returns the value {y_rev:e}, the function {y:e}"));
    }
    if g.len() != d {
        return Outcome::Failed("shape", format!("vjp returns {} coordinates for {d} inputs", g.len()));
    }
    let scale = 1.0 + inf_norm(&g);
    let mut fwd = Vec::new();
    for i in 0..d {
        let (y_fwd, t) = (p.jvp)(x, n, &axis(i, d));
        if !same(y_fwd) {
            return Outcome::Failed("value", format!("jvp returns the value {y_fwd:e}, the function {y:e}"));
        }
        fwd.push(t);
    }
    let v = rng.direction(d);
    let (_, t_v) = (p.jvp)(x, n, &v);
    let mismatch = (0..d).find(|&i| (fwd[i] - g[i]).abs() > 1e-10 * scale);
    if mismatch.is_some() || (t_v - dot(&g, &v)).abs() > 1e-10 * scale * d as f64 {
        return Outcome::Failed(
            "forward",
            format!(
                "reverse {g:?} and forward {fwd:?} disagree (along v = {v:?}: forward {t_v:e}, reverse {:e})",
                dot(&g, &v)
            ),
        );
    }
    let h = 1e-3 * inf_norm(x).max(1.0);
    let f = |x: &[f64]| vec![(p.f)(x, n)];
    let mut differences = Vec::new();
    for i in 0..d {
        match against_differences(&g[i..=i], &f, x, &axis(i, d), h, 1e-6) {
            Err(()) => return Outcome::Redraw,
            Ok(Some((_, fd))) => {
                let rest: Vec<f64> = (i + 1..d)
                    .map(|j| diff(&f, x, &axis(j, d), h / 2.0).map_or(f64::NAN, |v| v[0]))
                    .collect();
                differences.push(fd);
                differences.extend(rest);
                return Outcome::Failed(
                    "reverse",
                    format!(
                        "∂/∂x[{i}]: reverse {:e}, finite differences {fd:e}; reverse (vjp) {g:?}; forward (jvp) {fwd:?}; finite differences {differences:?}",
                        g[i]
                    ),
                );
            }
            Ok(None) => differences.push(diff(&f, x, &axis(i, d), h / 2.0).map_or(f64::NAN, |v| v[0])),
        }
    }
    if let Some((grad, hvp)) = p.order2 {
        let g2 = grad(x, n);
        if g2.len() != d || (0..d).any(|i| (g2[i] - g[i]).abs() > 1e-10 * scale) {
            return Outcome::Failed("grad", format!("grad {g2:?} and vjp {g:?} disagree"));
        }
        let v = rng.direction(d);
        let hv = hvp(x, n, &v);
        let gf = |x: &[f64]| grad(x, n);
        match against_differences(&hv, &gf, x, &v, h, 1e-5) {
            Err(()) => return Outcome::Redraw,
            Ok(Some((i, fd))) => {
                return Outcome::Failed(
                    "hvp",
                    format!("hvp along v = {v:?}: {hv:?}; coordinate {i}: differences of grad {fd:e}"),
                );
            }
            Ok(None) => {}
        }
    }
    Outcome::Checked
}

/// Checks every program and prints the results.
pub fn main(programs: &[Program]) {
    std::panic::set_hook(Box::new(|_| {}));
    for p in programs {
        let mut rng = Rng(p.seed);
        let (mut checked, mut skipped) = (0, 0);
        let mut failure = None;
        'points: for point in 0..POINTS {
            for draw in 0..DRAWS {
                let (x, n) = match p.first {
                    Some((x, n)) if point == 0 && draw == 0 => (x.to_vec(), n),
                    _ => ((0..p.inputs).map(|_| rng.uniform(-1.5, 1.5)).collect(), (rng.next_f64() * 4.0) as usize),
                };
                let n = if p.has_n { n } else { 0 };
                let outcome = catch_unwind(AssertUnwindSafe(|| check_point(p, &x, n, &mut rng)));
                let outcome = outcome.unwrap_or_else(|e| {
                    let msg = e
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    Outcome::Failed("panic", format!("panicked: {msg}"))
                });
                match outcome {
                    Outcome::Checked => {
                        checked += 1;
                        continue 'points;
                    }
                    Outcome::Redraw => {}
                    Outcome::Failed(kind, msg) => {
                        failure = Some((kind, x, n, msg));
                        break 'points;
                    }
                }
            }
            skipped += 1;
        }
        println!("PROG\t{}\t{checked}\t{skipped}", p.name);
        if let Some((kind, x, n, msg)) = failure {
            let x: Vec<String> = x.iter().map(|v| format!("{v:?}")).collect();
            let msg = msg.replace(['\t', '\n'], " ");
            println!("FAIL\t{}\t{kind}\t{}\t{n}\t{msg}", p.name, x.join(","));
        }
    }
}
