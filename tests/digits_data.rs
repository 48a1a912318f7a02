//! `examples/shared/digits_data.rs`: the loader on the real file and on broken ones, and the
//! numpy-compatible random numbers against values printed by numpy 2.4 (`RandomState` is
//! numpy's frozen legacy stream, so they hold for any numpy version).

#[path = "../examples/shared/digits_data.rs"]
mod digits_data;

use digits_data::*;
use std::path::PathBuf;

#[test]
fn loads_and_splits_the_digits() {
    let data = load(DIGITS_CSV).unwrap_or_else(|e| panic!("{e}"));
    let (train, valid) = (&data.train, &data.valid);
    assert_eq!((train.x.dim(), train.y.dim(), train.len()), ((N_TRAIN, N_PIXELS), (N_TRAIN, N_CLASSES), N_TRAIN));
    assert_eq!((valid.x.dim(), valid.y.dim(), valid.len()), ((N_VALID, N_PIXELS), (N_VALID, N_CLASSES), N_VALID));
    // the peers' split (shared/peers/mlp_common.py `load()`):
    // ytr[:6], yva[:6], ytr[-3:], yva[-3:], Xtr[1437].sum(), Xva[358].sum(), Xtr[0,:8]
    assert_eq!(train.labels[..6], [0, 1, 2, 3, 5, 6]);
    assert_eq!(valid.labels[..6], [4, 9, 4, 9, 4, 9]);
    assert_eq!(train.labels[N_TRAIN - 3..], [0, 9, 8]);
    assert_eq!(valid.labels[N_VALID - 3..], [5, 8, 8]);
    assert_eq!(train.x.row(N_TRAIN - 1).sum(), 24.5);
    assert_eq!(valid.x.row(N_VALID - 1).sum(), 23.375);
    assert_eq!(train.x.row(0).as_slice().unwrap()[..8], [0.0, 0.0, 0.3125, 0.8125, 0.5625, 0.0625, 0.0, 0.0]);
    for split in [train, valid] {
        for (row, &label) in split.y.rows().into_iter().zip(&split.labels) {
            assert_eq!(row.sum(), 1.0);
            assert_eq!(row[label], 1.0);
        }
    }
    let (xb, yb) = train.batch(&[3, 0]);
    assert_eq!((xb.row(1), yb.row(0)), (train.x.row(0), train.y.row(3)));
}

/// A file in a fresh directory under the system temp dir, removed on drop.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("autodiff-digits-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("digits.csv");
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(self.0.parent().unwrap());
    }
}

fn real_csv() -> String {
    std::fs::read_to_string(DIGITS_CSV).unwrap()
}

/// The real file with line `n` (1-based, the header is line 1) replaced.
fn with_line(n: usize, line: &str) -> String {
    let mut lines: Vec<String> = real_csv().lines().map(str::to_string).collect();
    lines[n - 1] = line.to_string();
    lines.join("\n") + "\n"
}

/// Loads `contents` from a temp file and returns the error, which must name the file and
/// contain every one of `needles`.
fn load_error(name: &str, contents: &str, needles: &[&str]) -> String {
    let file = TempFile::new(name, contents);
    let err = load(&file.0).expect_err("a broken file must not load");
    assert!(err.contains(&file.0.display().to_string()), "{err}");
    for needle in needles {
        assert!(err.contains(needle), "`{needle}` missing from: {err}");
    }
    err
}

fn row(pixels: &[&str], label: &str) -> String {
    let mut fields: Vec<&str> = vec!["0"; N_PIXELS];
    fields[..pixels.len()].copy_from_slice(pixels);
    fields.push(label);
    fields.join(",")
}

#[test]
fn reports_a_missing_file() {
    let path = std::env::temp_dir().join(format!("autodiff-digits-{}-absent/digits.csv", std::process::id()));
    let err = load(&path).unwrap_err();
    assert!(err.contains(&path.display().to_string()) && err.contains("cannot read"), "{err}");
}

#[test]
fn reports_a_bad_header() {
    load_error("empty", "", &["empty file"]);
    load_error("header", &with_line(1, "a,b,c"), &[":1:", "bad header"]);
    let short_header: Vec<String> = (0..N_PIXELS).map(|i| format!("p{i}")).collect();
    load_error("short-header", &with_line(1, &short_header.join(",")), &[":1:", "bad header"]);
}

#[test]
fn reports_a_wrong_column_count() {
    load_error("short-row", &with_line(3, "0,1,2"), &[":3:", "3 columns", "expected 65"]);
    load_error("long-row", &with_line(5, &(row(&[], "1") + ",7")), &[":5:", "66 columns"]);
}

#[test]
fn reports_a_value_that_is_not_an_integer() {
    load_error("float", &with_line(2, &row(&["0", "1.5"], "0")), &[":2:", "`p1`", "`1.5` is not an integer"]);
    load_error("word", &with_line(4, &row(&[], "seven")), &[":4:", "`label`", "`seven` is not an integer"]);
    load_error("blank-field", &with_line(4, &row(&["", "3"], "1")), &[":4:", "`p0`", "is not an integer"]);
}

#[test]
fn reports_values_out_of_range() {
    load_error("pixel-17", &with_line(6, &row(&["0", "0", "17"], "2")), &[":6:", "`p2`", "17 is outside 0..=16"]);
    load_error("pixel-negative", &with_line(6, &row(&["-1"], "2")), &[":6:", "`p0`", "-1 is outside 0..=16"]);
    load_error("label-10", &with_line(7, &row(&[], "10")), &[":7:", "`label`", "10 is outside 0..=9"]);
}

#[test]
fn reports_a_wrong_row_count() {
    let text = real_csv();
    let lines: Vec<&str> = text.lines().collect();
    load_error("truncated", &(lines[..1001].join("\n") + "\n"), &["1000 data rows", "expected 1797"]);
    load_error("extra-row", &(text.clone() + &row(&[], "3") + "\n"), &["1798 data rows"]);
    load_error("header-only", &(lines[0].to_string() + "\n"), &["0 data rows"]);
    // a file cut in the middle of a row
    load_error("cut", &text[..text.len() - 20], &[":1798:", "columns"]);
}

#[test]
fn tolerates_crlf_and_blank_lines() {
    let text = real_csv().replace('\n', "\r\n") + "\r\n\r\n";
    let file = TempFile::new("crlf", &text);
    assert_eq!(load(&file.0).unwrap(), load(DIGITS_CSV).unwrap());
}

// python -c 'import numpy as np; r = np.random.RandomState(1); print([repr(float(x)) for x in r.randn(6)])'
const RANDN_SEED1: [f64; 6] = [
    1.6243453636632417,
    -0.6117564136500754,
    -0.5281717522634557,
    -1.0729686221561705,
    0.8654076293246785,
    -2.3015386968802827,
];

#[test]
fn randn_matches_numpy() {
    let mut rng = RandomState::new(1);
    assert_eq!(RANDN_SEED1.map(|_| rng.randn()), RANDN_SEED1);
    // far into the stream (160 twists, many rejections):
    // python -c 'import numpy as np; x = np.random.RandomState(1).randn(100001); print(repr(x[99999]), repr(x[100000]))'
    let x = RandomState::new(1).randn_array(100_001);
    assert_eq!((x[99_999], x[100_000]), (-0.7475562464191521, -2.252118359519573));
    // python -c 'import numpy as np; print(np.random.RandomState(1).random_sample(),
    //   np.random.RandomState(0).randint(2**32, dtype=np.uint32))'
    assert_eq!(RandomState::new(1).random_sample(), 0.417022004702574);
    assert_eq!(RandomState::new(0).next_u32(), 2357136044);
}

#[test]
fn permutation_matches_numpy() {
    // python -c 'import numpy as np; r = np.random.RandomState(0);
    //   print(r.permutation(1438)[:12].tolist(), r.permutation(1438)[:8].tolist())'
    let mut rng = RandomState::new(0);
    let first = rng.permutation(N_TRAIN);
    assert_eq!(first[..12], [34, 1061, 1255, 333, 141, 364, 548, 278, 467, 1127, 679, 642]);
    assert_eq!(rng.permutation(N_TRAIN)[..8], [854, 704, 70, 352, 118, 124, 1270, 298]);
    let mut sorted = first.clone();
    sorted.sort_unstable();
    assert!(sorted.iter().copied().eq(0..N_TRAIN));
    assert_eq!(RandomState::new(5).permutation(1), [0]);
    assert!(RandomState::new(5).permutation(0).is_empty());
}

#[test]
fn init_params_and_batches_match_the_peers() {
    // cd shared/peers && python -c 'import mlp_common as M; p = M.init_params(3);
    //   print([repr(float(q.ravel()[-1])) for q in p]); p = M.init_params(704);
    //   print(repr(float(p[5][-1])), repr(float(p[2][703, 703])))'
    let (w1, b1, w2, b2, w3, b3) = init_params(3);
    assert_eq!((w1.dim(), b1.dim(), w2.dim(), b2.dim(), w3.dim(), b3.dim()), ((64, 3), 3, (3, 3), 3, (3, 10), 10));
    assert_eq!(w1[[0, 0]], RANDN_SEED1[0] * 0.1);
    assert_eq!(w1[[1, 2]], RANDN_SEED1[5] * 0.1);
    let last = [w1[[63, 2]], b1[2], w2[[2, 2]], b2[2], w3[[2, 9]], b3[9]];
    assert_eq!(
        last,
        [
            0.036949271637572376,
            0.06590497961002102,
            0.19548780750090344,
            -0.16507212658241002,
            -0.11823181265096337,
            0.06185391307862932
        ]
    );
    let (_, _, w2, _, _, b3) = init_params(704);
    assert_eq!((b3[9], w2[[703, 703]]), (0.0015363252371088532, -0.037095684541533135));

    // cd shared/peers && python -c 'import mlp_common as M; b = M.batches_for_all_epochs(3);
    //   print(len(b[0]), len(b[0][-1]), b[2][-1].tolist(), b[1][0][:5].tolist())'
    let epochs = batches(3);
    assert_eq!(epochs.len(), 3);
    assert!(epochs.iter().all(|e| e.len() == 45 && e[..44].iter().all(|b| b.len() == BATCH) && e[44].len() == 30));
    assert_eq!(epochs[1][0][..5], [854, 704, 70, 352, 118]);
    assert_eq!(
        epochs[2][44],
        [
            826, 404, 454, 1254, 131, 1416, 1096, 764, 894, 1292, 2, 800, 786, 1047, 864, 674, 563, 512, 711, 43, 755,
            238, 427, 714, 204, 923, 240, 652, 1241, 670
        ]
    );
}
