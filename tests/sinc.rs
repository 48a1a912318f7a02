//! The sinc example's claims: all ten orders finite at the 256 points, within 1e-11 of the
//! exact values wherever |x| > 2, and near x = 0 no worse than the best of the Python peers;
//! and the reference loader's errors on malformed files.

use autodiff_runtime::differentiable;
use ndarray::Array1;

#[path = "../examples/shared/sinc_reference.rs"]
mod sinc_reference;

use sinc_reference::{ORDERS, SINC_REF_CSV};

#[differentiable(order = 2)]
fn sinc(x: &Array1<f64>) -> Array1<f64> {
    x.sin() / x
}

#[test]
fn ten_orders_match_the_exact_values() {
    let (xs, reference) = sinc_reference::load(SINC_REF_CSV).unwrap();
    let ds = sinc::derivatives::<ORDERS>(&xs);
    let errors = sinc_reference::errors(&xs, &ds, &reference);
    // JAX's errors at all points for orders 5..9 (the best of the peers, measured by
    // `../shared/peers/run_all.sh`): 4.3e-8, 5.0e-7, 8.2e-5, 6.4e-3, 0.99.
    let best_peer = [
        f64::INFINITY,
        f64::INFINITY,
        f64::INFINITY,
        f64::INFINITY,
        f64::INFINITY,
        4.3e-8,
        5.0e-7,
        8.2e-5,
        6.4e-3,
        0.99,
    ];
    for (k, e) in errors.iter().enumerate() {
        assert_eq!(e.non_finite, 0, "order {k}: non-finite values");
        assert!(e.max_rel_far <= 1e-11, "order {k}: relative error {:e} for |x| > 2", e.max_rel_far);
        assert!(e.max_rel <= best_peer[k], "order {k}: relative error {:e} at x = {}", e.max_rel, e.x_at_max_rel);
    }
    // Orders 0..4 near 0 are far from the loss of digits of the higher ones.
    assert!(errors[..5].iter().all(|e| e.max_rel < 1e-9), "{errors:?}");
}

#[test]
fn points_are_numpys_linspace() {
    let (xs, _) = sinc_reference::load(SINC_REF_CSV).unwrap();
    assert_eq!(xs, sinc_reference::points());
}

fn load_text(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("autodiff-sinc-{}-{name}.csv", std::process::id()));
    std::fs::write(&path, text).unwrap();
    let err = sinc_reference::load(&path).unwrap_err();
    std::fs::remove_file(&path).unwrap();
    assert!(err.contains(&path.display().to_string()), "error does not name the file: {err}");
    err
}

#[test]
fn malformed_reference_files_are_errors_that_name_the_file_and_line() {
    let good = std::fs::read_to_string(SINC_REF_CSV).unwrap();
    let lines: Vec<&str> = good.lines().collect();

    assert!(load_text("empty", "").contains("empty"));
    assert!(load_text("header", "x,y\n1,2\n").contains(":1: expected the header"));
    let truncated = lines[..100].join("\n");
    assert!(load_text("truncated", &truncated).contains("99 data rows, expected 256"));
    let mut short_row = lines.clone();
    let cut = short_row[5].rsplit_once(',').unwrap().0.to_string();
    short_row[5] = &cut;
    assert!(
        load_text("short-row", &short_row.join("\n")).contains(":6: expected 11 comma-separated numbers, found 10")
    );
    let mut bad_number = lines.clone();
    let mut fields: Vec<&str> = bad_number[3].split(',').collect();
    fields[1] = "0.1.2";
    let bad = fields.join(",");
    bad_number[3] = &bad;
    assert!(load_text("bad-number", &bad_number.join("\n")).contains(":4: column 2 is not a number"));
    let mut nan = lines.clone();
    let with_nan = format!("{},NaN", nan[7].rsplit_once(',').unwrap().0);
    nan[7] = &with_nan;
    assert!(load_text("nan", &nan.join("\n")).contains(":8: column 11 is not finite"));
    let mut moved = lines.clone();
    let shifted = moved[10].replacen(moved[10].split(',').next().unwrap(), "3.0", 1);
    moved[10] = &shifted;
    assert!(load_text("moved", &moved.join("\n")).contains(":11: point 9 is x = 3"));
    let extra = format!("{good}{}\n", lines[1]);
    assert!(load_text("extra", &extra).contains("more than 256 data rows"));
    let missing = std::env::temp_dir().join("autodiff-sinc-no-such-file.csv");
    assert!(sinc_reference::load(&missing).unwrap_err().contains("cannot read"));
}
