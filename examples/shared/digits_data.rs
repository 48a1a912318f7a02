//! The digits data and the numpy-compatible random numbers of the MLP example, shared by
//! `examples/` and `tests/digits_data.rs`.
//!
//! Everything here reproduces `shared/peers/mlp_common.py` exactly: the same split of
//! `examples/data/digits.csv`, the same initial weights (`RandomState(1).randn`) and the same
//! minibatches (`RandomState(0).permutation` per epoch), so a Rust run starts from the very
//! numbers the Python peers start from.
//!
//! The examples in these docs are not run by rustdoc (this is not a library); `tests/digits_data.rs`
//! runs the same calls.

// Each user takes only part of this module.
#![allow(dead_code)]

use ndarray::{Array, Array1, Array2, Axis, Dimension, IntoDimension};
use std::path::Path;

/// Pixels per image (8×8).
pub const N_PIXELS: usize = 64;
/// Digit classes.
pub const N_CLASSES: usize = 10;
/// Data rows in `digits.csv`.
pub const N_ROWS: usize = 1797;
/// Training rows: those whose 0-based index `i` has `i % 5 != 4`.
pub const N_TRAIN: usize = 1438;
/// Validation rows: those whose 0-based index `i` has `i % 5 == 4`.
pub const N_VALID: usize = 359;
/// Minibatch size; the last batch of an epoch has 1438 − 44·32 = 30 rows.
pub const BATCH: usize = 32;
/// Seed of the `RandomState` that draws the initial parameters.
pub const INIT_SEED: u32 = 1;
/// Seed of the `RandomState` that shuffles the training rows.
pub const SHUFFLE_SEED: u32 = 0;
/// The data file shipped with the examples.
pub const DIGITS_CSV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/digits.csv");

/// Images, one-hot targets and labels of one part of the data.
///
/// ```ignore
/// let data = load(DIGITS_CSV)?;
/// assert_eq!(data.train.x.dim(), (N_TRAIN, N_PIXELS));
/// assert_eq!(data.valid.y.dim(), (N_VALID, N_CLASSES));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    /// One image per row: the 64 pixel counts divided by 16, in [0, 1].
    pub x: Array2<f64>,
    /// One-hot targets: row `i` has a 1 in column `labels[i]`.
    pub y: Array2<f64>,
    /// The digits, 0..=9.
    pub labels: Vec<usize>,
}

impl Split {
    /// The rows `idx` of `x` and `y`, in the order given (one minibatch).
    ///
    /// ```ignore
    /// let (xb, yb) = data.train.batch(&[3, 0]);
    /// assert_eq!(xb.row(1), data.train.x.row(0));
    /// ```
    pub fn batch(&self, idx: &[usize]) -> (Array2<f64>, Array2<f64>) {
        (self.x.select(Axis(0), idx), self.y.select(Axis(0), idx))
    }

    /// The number of rows.
    ///
    /// ```ignore
    /// assert_eq!(data.valid.len(), N_VALID);
    /// ```
    pub fn len(&self) -> usize {
        self.labels.len()
    }
}

/// The digits data split for training and validation, in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Digits {
    /// The 1438 rows whose 0-based index `i` has `i % 5 != 4`.
    pub train: Split,
    /// The 359 rows whose 0-based index `i` has `i % 5 == 4`.
    pub valid: Split,
}

/// Reads `digits.csv` (header `p0,…,p63,label`, then 1797 rows of 64 pixel counts in 0..=16 and
/// a label in 0..=9) and splits it. Blank lines are skipped, as numpy's `loadtxt` does.
///
/// # Errors
/// A message naming the file and, for a bad row, its line and column: the file is missing or
/// unreadable, the header is not the expected one, a row has other than 65 columns, a value is
/// not an integer, a pixel is outside 0..=16 or a label outside 0..=9, or the file has other
/// than 1797 rows.
///
/// ```ignore
/// let data = load(DIGITS_CSV).unwrap_or_else(|e| panic!("{e}"));
/// assert_eq!(data.train.labels[..3], [0, 1, 2]);
/// ```
pub fn load(path: impl AsRef<Path>) -> Result<Digits, String> {
    let path = path.as_ref();
    let file = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{file}: cannot read the digits data: {e}"))?;
    let mut lines = text.lines().enumerate().map(|(i, line)| (i + 1, line.trim())).filter(|(_, l)| !l.is_empty());

    let expected: Vec<String> = (0..N_PIXELS).map(|i| format!("p{i}")).chain(["label".to_string()]).collect();
    match lines.next() {
        Some((_, header)) if header.split(',').map(str::trim).eq(expected.iter().map(String::as_str)) => {}
        Some((n, header)) => {
            let mut shown: String = header.chars().take(40).collect();
            if shown.len() < header.len() {
                shown.push('…');
            }
            return Err(format!("{file}:{n}: bad header `{shown}`; expected `p0,p1,…,p63,label`"));
        }
        None => return Err(format!("{file}: empty file; expected the header `p0,p1,…,p63,label` and {N_ROWS} rows")),
    }

    let mut pixels = Vec::with_capacity(N_ROWS * N_PIXELS);
    let mut labels = Vec::with_capacity(N_ROWS);
    for (n, line) in lines {
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if fields.len() != N_PIXELS + 1 {
            return Err(format!(
                "{file}:{n}: {} columns; expected {} (64 pixels and a label)",
                fields.len(),
                N_PIXELS + 1
            ));
        }
        for (col, field) in fields.iter().enumerate() {
            let name = if col < N_PIXELS { format!("p{col}") } else { "label".to_string() };
            let value: i64 =
                field.parse().map_err(|_| format!("{file}:{n}: column `{name}`: `{field}` is not an integer"))?;
            let max = if col < N_PIXELS { 16 } else { 9 };
            if !(0..=max).contains(&value) {
                return Err(format!("{file}:{n}: column `{name}`: {value} is outside 0..={max}"));
            }
            if col < N_PIXELS {
                pixels.push(value as f64 / 16.0);
            } else {
                labels.push(value as usize);
            }
        }
    }
    if labels.len() != N_ROWS {
        return Err(format!("{file}: {} data rows; expected {N_ROWS}", labels.len()));
    }

    let x = Array2::from_shape_vec((N_ROWS, N_PIXELS), pixels).expect("64 pixels were pushed per row");
    let part = |keep: fn(usize) -> bool| {
        let rows: Vec<usize> = (0..N_ROWS).filter(|&i| keep(i)).collect();
        let labels: Vec<usize> = rows.iter().map(|&i| labels[i]).collect();
        let y = Array2::from_shape_fn((rows.len(), N_CLASSES), |(i, k)| f64::from(u8::from(labels[i] == k)));
        Split { x: x.select(Axis(0), &rows), y, labels }
    };
    Ok(Digits { train: part(|i| i % 5 != 4), valid: part(|i| i % 5 == 4) })
}

/// numpy's legacy `numpy.random.RandomState`: the MT19937 generator with the distributions
/// `RandomState` has always used, bit for bit (only the parts the MLP needs).
///
/// ```ignore
/// let mut rng = RandomState::new(1);
/// assert_eq!(rng.randn(), 1.6243453636632417); // numpy.random.RandomState(1).randn()
/// ```
#[derive(Clone)]
pub struct RandomState {
    key: [u32; MT_N],
    pos: usize,
    /// The second value of the last polar Box–Muller pair, returned by the next `randn`.
    gauss: Option<f64>,
}

const MT_N: usize = 624;
const MT_M: usize = 397;

impl RandomState {
    /// `RandomState(seed)`: MT19937's `init_genrand(seed)`.
    ///
    /// ```ignore
    /// let mut rng = RandomState::new(0);
    /// assert_eq!(rng.next_u32(), 2357136044); // RandomState(0).randint(2**32, dtype=np.uint32)
    /// ```
    pub fn new(seed: u32) -> Self {
        let mut key = [0u32; MT_N];
        key[0] = seed;
        for i in 1..MT_N {
            let prev = key[i - 1];
            key[i] = 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        Self { key, pos: MT_N, gauss: None }
    }

    /// Regenerates the 624 words of state (MT19937's twist).
    fn twist(&mut self) {
        const UPPER: u32 = 0x8000_0000;
        const MATRIX_A: u32 = 0x9908_b0df;
        for i in 0..MT_N {
            let y = (self.key[i] & UPPER) | (self.key[(i + 1) % MT_N] & !UPPER);
            let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
            self.key[i] = self.key[(i + MT_M) % MT_N] ^ (y >> 1) ^ mag;
        }
        self.pos = 0;
    }

    /// The next 32 random bits (tempered MT19937 output).
    ///
    /// ```ignore
    /// assert_eq!(RandomState::new(0).next_u32(), 2357136044);
    /// ```
    pub fn next_u32(&mut self) -> u32 {
        if self.pos == MT_N {
            self.twist();
        }
        let mut y = self.key[self.pos];
        self.pos += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random_sample()`: a uniform double in [0, 1) from 53 bits of two words.
    ///
    /// ```ignore
    /// assert_eq!(RandomState::new(1).random_sample(), 0.417022004702574);
    /// ```
    pub fn random_sample(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) / 9_007_199_254_740_992.0
    }

    /// `randn()`: a standard normal by the polar Box–Muller method, which makes two at a time
    /// and keeps the second for the next call.
    ///
    /// ```ignore
    /// let mut rng = RandomState::new(1);
    /// assert_eq!([rng.randn(), rng.randn()], [1.6243453636632417, -0.6117564136500754]);
    /// ```
    pub fn randn(&mut self) -> f64 {
        if let Some(g) = self.gauss.take() {
            return g;
        }
        loop {
            let x1 = 2.0 * self.random_sample() - 1.0;
            let x2 = 2.0 * self.random_sample() - 1.0;
            let r2 = x1 * x1 + x2 * x2;
            if r2 < 1.0 && r2 != 0.0 {
                let f = (-2.0 * r2.ln() / r2).sqrt();
                self.gauss = Some(f * x1);
                return f * x2;
            }
        }
    }

    /// `randn(*shape)`: standard normals filling an array of `shape` in row-major order.
    ///
    /// ```ignore
    /// let w = RandomState::new(1).randn_array((2, 3));
    /// assert_eq!(w[[0, 1]], -0.6117564136500754);
    /// ```
    pub fn randn_array<D: Dimension>(&mut self, shape: impl IntoDimension<Dim = D>) -> Array<f64, D> {
        let shape = shape.into_dimension();
        let values = (0..shape.size()).map(|_| self.randn()).collect();
        Array::from_shape_vec(shape, values).expect("one value per element")
    }

    /// A uniform integer in `0..=max` by masked rejection: draw `next_u32() & mask` (or 64
    /// bits past `u32::MAX`), with `mask` the smallest all-ones word covering `max`, until it
    /// is at most `max` (numpy's `random_interval`).
    ///
    /// ```ignore
    /// let j = RandomState::new(0).random_interval(1437);
    /// assert!(j <= 1437);
    /// ```
    pub fn random_interval(&mut self, max: u64) -> u64 {
        if max == 0 {
            return 0;
        }
        let mask = u64::MAX >> max.leading_zeros();
        loop {
            let value = if max <= u64::from(u32::MAX) {
                u64::from(self.next_u32()) & mask
            } else {
                ((u64::from(self.next_u32()) << 32) | u64::from(self.next_u32())) & mask
            };
            if value <= max {
                return value;
            }
        }
    }

    /// `permutation(n)`: `0..n` shuffled by Fisher–Yates from the end, swapping item `i` with
    /// item `random_interval(i)` for `i = n−1, …, 1`.
    ///
    /// ```ignore
    /// let p = RandomState::new(0).permutation(1438);
    /// assert_eq!(p[..4], [34, 1061, 1255, 333]);
    /// ```
    pub fn permutation(&mut self, n: usize) -> Vec<usize> {
        let mut items: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = self.random_interval(i as u64) as usize;
            items.swap(i, j);
        }
        items
    }
}

/// The initial parameters `(W1, b1, W2, b2, W3, b3)` of the 64 → `hidden` → `hidden` → 10
/// MLP: each is `RandomState(1).randn(shape) * 0.1`, drawn in that order from one generator.
///
/// ```ignore
/// let (w1, b1, w2, b2, w3, b3) = init_params(3);
/// assert_eq!((w1.dim(), b1.dim(), w2.dim(), b2.dim(), w3.dim(), b3.dim()), ((64, 3), 3, (3, 3), 3, (3, 10), 10));
/// ```
#[allow(clippy::type_complexity)]
pub fn init_params(hidden: usize) -> (Array2<f64>, Array1<f64>, Array2<f64>, Array1<f64>, Array2<f64>, Array1<f64>) {
    fn scaled<D: Dimension>(rng: &mut RandomState, shape: impl IntoDimension<Dim = D>) -> Array<f64, D> {
        rng.randn_array(shape).mapv_into(|x| x * 0.1)
    }
    let mut rng = RandomState::new(INIT_SEED);
    let w1 = scaled(&mut rng, (N_PIXELS, hidden));
    let b1 = scaled(&mut rng, hidden);
    let w2 = scaled(&mut rng, (hidden, hidden));
    let b2 = scaled(&mut rng, hidden);
    let w3 = scaled(&mut rng, (hidden, N_CLASSES));
    let b3 = scaled(&mut rng, N_CLASSES);
    (w1, b1, w2, b2, w3, b3)
}

/// The minibatches of every epoch, as lists of training-row indices: for each epoch the next
/// `RandomState(0).permutation(1438)`, cut into batches of 32 (45 per epoch, the last of 30).
///
/// ```ignore
/// let epochs = batches(2);
/// assert_eq!((epochs.len(), epochs[0].len(), epochs[0][44].len()), (2, 45, 30));
/// ```
pub fn batches(epochs: usize) -> Vec<Vec<Vec<usize>>> {
    let mut rng = RandomState::new(SHUFFLE_SEED);
    (0..epochs).map(|_| rng.permutation(N_TRAIN).chunks(BATCH).map(<[usize]>::to_vec).collect()).collect()
}
