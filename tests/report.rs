//! `examples/shared/plot.rs` and `examples/shared/progress.rs`: the charts are real PNG files of
//! the documented size, non-drawable points are skipped, and errors name the file.

#[path = "../examples/shared/plot.rs"]
mod plot;
#[path = "../examples/shared/progress.rs"]
mod progress;

use plot::{CHART_SIZE, Panel, Series, TWO_PANEL_SIZE, line_chart, two_panel_chart};
use std::path::PathBuf;

/// A file name in the temporary directory that no other test (or test run) uses.
fn temp_png(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("autodiff-report-{}-{name}.png", std::process::id()))
}

/// Reads the file, checks that it is a PNG and returns it with its (width, height).
fn read_png(path: &PathBuf) -> (Vec<u8>, (u32, u32)) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(bytes.len() > 24, "{} has {} bytes", path.display(), bytes.len());
    assert_eq!(bytes[..8], *b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(bytes[12..16], *b"IHDR", "the first chunk is IHDR");
    let be = |b: &[u8]| u32::from_be_bytes(b.try_into().unwrap());
    let size = (be(&bytes[16..20]), be(&bytes[20..24]));
    (bytes, size)
}

fn curves() -> Vec<Series> {
    vec![
        Series::new("loss", (0..50).map(|i| (i as f64, (-0.1 * i as f64).exp()))),
        Series::new("validation loss", (0..50).map(|i| (i as f64, 1.2 * (-0.08 * i as f64).exp()))),
    ]
}

#[test]
fn writes_a_png_line_chart() {
    for y_log in [false, true] {
        let path = temp_png(&format!("line-{y_log}"));
        line_chart(&path, "Training", "epoch", "loss", &curves(), y_log).unwrap();
        let (_, size) = read_png(&path);
        assert_eq!(size, CHART_SIZE);
        std::fs::remove_file(&path).unwrap();
    }
}

#[test]
fn writes_a_two_panel_png() {
    let path = temp_png("two-panel");
    let loss = curves();
    let accuracy = [Series::new("validation", (1..=30).map(|e| (e as f64, 1.0 - 0.5 / e as f64)))];
    let top = Panel { y_label: "loss", series: &loss, y_log: true };
    let bottom = Panel { y_label: "accuracy", series: &accuracy, y_log: false };
    two_panel_chart(&path, "MLP on digits", top, bottom, "epoch").unwrap();
    let (_, size) = read_png(&path);
    assert_eq!(size, TWO_PANEL_SIZE);
    std::fs::remove_file(&path).unwrap();
}

/// A chart with non-drawable points is the very image of the chart without them.
#[test]
fn skips_non_finite_points() {
    let (nan, inf) = (f64::NAN, f64::INFINITY);
    let clean = [(0.0, 1.0), (2.0, 0.5), (4.0, 0.25), (5.0, 0.3)];
    let dirty = [(0.0, 1.0), (1.0, nan), (2.0, 0.5), (3.0, inf), (nan, 0.7), (4.0, 0.25), (-inf, 2.0), (5.0, 0.3)];
    let with_log_only = [(0.0, 1.0), (1.0, 0.0), (2.0, 0.5), (3.0, -1.0), (4.0, 0.25), (5.0, 0.3)];
    let draw = |name: &str, points: &[(f64, f64)], y_log: bool| {
        let path = temp_png(name);
        line_chart(&path, "t", "x", "y", &[Series::new("s", points.iter().copied())], y_log).unwrap();
        let (bytes, size) = read_png(&path);
        assert_eq!(size, CHART_SIZE);
        std::fs::remove_file(&path).unwrap();
        bytes
    };
    for y_log in [false, true] {
        assert!(draw(&format!("clean-{y_log}"), &clean, y_log) == draw(&format!("dirty-{y_log}"), &dirty, y_log));
    }
    // y ≤ 0 cannot be drawn on a log axis only
    assert!(draw("clean-log", &clean, true) == draw("nonpositive-log", &with_log_only, true));
    assert!(draw("clean-lin", &clean, false) != draw("nonpositive-lin", &with_log_only, false));
    // nothing drawable at all, or nothing at all: an empty chart
    for y_log in [false, true] {
        let path = temp_png(&format!("empty-{y_log}"));
        let series = [Series::new("all NaN", [(nan, nan), (1.0, nan)]), Series::new("", [])];
        line_chart(&path, "t", "x", "y", &series, y_log).unwrap();
        line_chart(&path, "t", "x", "y", &[], y_log).unwrap();
        assert_eq!(read_png(&path).1, CHART_SIZE);
        std::fs::remove_file(&path).unwrap();
    }
}

#[test]
fn an_unwritable_path_is_an_error_naming_it() {
    let dir = std::env::temp_dir().join(format!("autodiff-report-{}-missing-dir", std::process::id()));
    let path = dir.join("chart.png");
    let e = line_chart(&path, "t", "x", "y", &curves(), false).unwrap_err();
    assert!(e.contains(&path.display().to_string()), "{e}");
    let panel = Panel { y_label: "y", series: &[], y_log: false };
    let e = two_panel_chart(&path, "t", panel, panel, "x").unwrap_err();
    assert!(e.contains(&path.display().to_string()), "{e}");
    assert!(!dir.exists());
}

#[test]
fn progress_counts_without_a_terminal() {
    // Under `cargo test` stderr is usually not a terminal and the bar draws nothing; it counts anyway.
    let progress = progress::Progress::new(10, "steps");
    progress.set_message("loss 1.0");
    progress.inc(3);
    progress.inc(4);
    assert_eq!(progress.suspend(|| 5), 5);
    assert_eq!(progress.position(), 7);
    progress.finish(); // fills the bar
    assert_eq!(progress.position(), 10);
}
