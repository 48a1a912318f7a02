//! PNG line charts for the examples, shared by `examples/` and `tests/report.rs`.
//!
//! `plotters` draws into an RGB buffer in memory, with the bundled DejaVu Sans
//! (`examples/data/fonts/`, rasterised by `ab_glyph`) as its only font, and `png` encodes the
//! buffer: pure Rust, no fontconfig or freetype. The file is written only once the whole chart
//! has been drawn, and every error names it.
//!
//! Points with a non-finite coordinate (and, on a logarithmic axis, with y ≤ 0) are skipped: the
//! line joins the points on either side of them. A series with no point left draws nothing but
//! keeps its legend entry.

// Each user takes only part of this module.
#![allow(dead_code)]

use plotters::backend::BitMapBackend;
use plotters::coord::Shift;
use plotters::coord::ranged1d::{AsRangedCoord, ValueFormatter};
use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

/// Size in pixels (width, height) of a [`line_chart`].
pub const CHART_SIZE: (u32, u32) = (960, 600);
/// Size in pixels (width, height) of a [`two_panel_chart`].
pub const TWO_PANEL_SIZE: (u32, u32) = (960, 900);

/// One line of a chart, with its legend entry (none if `name` is empty).
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub points: Vec<(f64, f64)>,
}

impl Series {
    pub fn new(name: impl Into<String>, points: impl IntoIterator<Item = (f64, f64)>) -> Self {
        Series { name: name.into(), points: points.into_iter().collect() }
    }
}

/// One panel of a [`two_panel_chart`]: its y axis and its lines.
#[derive(Clone, Copy, Debug)]
pub struct Panel<'a> {
    pub y_label: &'a str,
    pub series: &'a [Series],
    /// Logarithmic y axis.
    pub y_log: bool,
}

/// Draws `series` as lines in one chart of [`CHART_SIZE`] and writes it to `path` as a PNG
/// (whatever the file's extension). `y_log` makes the y axis logarithmic.
pub fn line_chart(
    path: &Path,
    title: &str,
    x_label: &str,
    y_label: &str,
    series: &[Series],
    y_log: bool,
) -> Result<(), String> {
    let panel = Panel { y_label, series, y_log };
    let x = x_range(&[panel]);
    render(path, CHART_SIZE, |root| {
        let area = root.titled(title, (FONT, 26)).map_err(|e| e.to_string())?;
        draw_panel(&area, Some(x_label), panel, x)
    })
}

/// Draws two charts stacked in one image of [`TWO_PANEL_SIZE`], sharing the x axis (its range
/// covers the points of both panels; `x_label` is written under the bottom one), and writes it to
/// `path` as a PNG. For example the training loss per epoch on top and the validation accuracy
/// per epoch below.
pub fn two_panel_chart(
    path: &Path,
    title: &str,
    top: Panel<'_>,
    bottom: Panel<'_>,
    x_label: &str,
) -> Result<(), String> {
    let x = x_range(&[top, bottom]);
    render(path, TWO_PANEL_SIZE, |root| {
        let area = root.titled(title, (FONT, 26)).map_err(|e| e.to_string())?;
        let (upper, lower) = area.split_vertically(area.dim_in_pixel().1 / 2);
        draw_panel(&upper, None, top, x.clone())?;
        draw_panel(&lower, Some(x_label), bottom, x)
    })
}

/// The family name the bundled font is registered under; plotters' default family.
const FONT: &str = "sans-serif";
static DEJAVU_SANS: &[u8] = include_bytes!("../data/fonts/DejaVuSans.ttf");

/// matplotlib's "tab10" colours, reused in turn beyond ten series.
const COLORS: [RGBColor; 10] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(127, 127, 127),
    RGBColor(188, 189, 34),
    RGBColor(23, 190, 207),
];

/// Series with at most this many points also get a dot on each point.
const MAX_DOTTED_POINTS: usize = 60;

fn register_dejavu() -> Result<(), String> {
    static REGISTERED: OnceLock<Result<(), String>> = OnceLock::new();
    REGISTERED
        .get_or_init(|| {
            register_font(FONT, FontStyle::Normal, DEJAVU_SANS)
                .map_err(|_| "the bundled DejaVuSans.ttf is not a valid font".to_string())
        })
        .clone()
}

type Area<'a> = DrawingArea<BitMapBackend<'a>, Shift>;

/// Draws with `draw` on a white image of `size`, then writes it to `path` as a PNG.
fn render(
    path: &Path,
    (width, height): (u32, u32),
    draw: impl FnOnce(&Area<'_>) -> Result<(), String>,
) -> Result<(), String> {
    let fail = |e: String| format!("chart {}: {e}", path.display());
    register_dejavu().map_err(fail)?;
    let mut rgb = vec![0u8; width as usize * height as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| fail(e.to_string()))?;
        draw(&root).map_err(fail)?;
        root.present().map_err(|e| fail(e.to_string()))?;
    }
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder
        .write_header()
        .and_then(|mut writer| writer.write_image_data(&rgb))
        .map_err(|e| fail(format!("PNG encoding: {e}")))?;
    std::fs::write(path, png).map_err(|e| fail(e.to_string()))
}

/// The points of `points` that can be drawn.
fn drawable(points: &[(f64, f64)], y_log: bool) -> Vec<(f64, f64)> {
    points.iter().copied().filter(|&(x, y)| x.is_finite() && y.is_finite() && (!y_log || y > 0.0)).collect()
}

fn min_max(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values.fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

fn x_range(panels: &[Panel<'_>]) -> Range<f64> {
    let xs = panels
        .iter()
        .flat_map(|p| p.series.iter().flat_map(move |s| drawable(&s.points, p.y_log).into_iter().map(|(x, _)| x)));
    match min_max(xs) {
        None => 0.0..1.0,
        Some((lo, hi)) if lo == hi => lo - 0.5..hi + 0.5,
        Some((lo, hi)) => lo..hi,
    }
}

/// The y range of `lines`, padded by 5% of their span on each side (a factor on a log axis).
fn y_range(lines: &[Vec<(f64, f64)>], y_log: bool) -> Range<f64> {
    let ys = lines.iter().flatten().map(|&(_, y)| y);
    if y_log {
        match min_max(ys) {
            None => 1.0..10.0,
            Some((lo, hi)) if lo == hi => lo / 2.0..hi * 2.0,
            Some((lo, hi)) => {
                let pad = (hi / lo).powf(0.05);
                lo / pad..hi * pad
            }
        }
    } else {
        match min_max(ys) {
            None => 0.0..1.0,
            Some((lo, hi)) => {
                let span = hi - lo;
                let pad = if span > 0.0 {
                    0.05 * span
                } else if lo != 0.0 {
                    0.1 * lo.abs()
                } else {
                    1.0
                };
                lo - pad..hi + pad
            }
        }
    }
}

/// The corner of the plot the lines cross least, for the legend.
fn legend_corner(lines: &[Vec<(f64, f64)>], x: &Range<f64>, y: &Range<f64>, y_log: bool) -> SeriesLabelPosition {
    let scale_y = |v: f64| if y_log { v.log10() } else { v };
    let (y0, y1) = (scale_y(y.start), scale_y(y.end));
    let to_unit = |(px, py): (f64, f64)| ((px - x.start) / (x.end - x.start), (scale_y(py) - y0) / (y1 - y0));
    // the legend's box, as a fraction of the plot: about 35% wide, one line of text per series
    let (w, h) = (0.35, (0.07 * (lines.len() as f64 + 1.0)).min(0.5));
    let corners = [
        (SeriesLabelPosition::UpperRight, 1.0 - w, 1.0 - h),
        (SeriesLabelPosition::UpperLeft, 0.0, 1.0 - h),
        (SeriesLabelPosition::LowerRight, 1.0 - w, 0.0),
        (SeriesLabelPosition::LowerLeft, 0.0, 0.0),
    ];
    let mut crossings = [0usize; 4];
    for line in lines {
        let unit: Vec<(f64, f64)> = line.iter().copied().map(to_unit).collect();
        // the points, and 8 points along each segment between them
        let samples = unit.iter().copied().chain(unit.windows(2).flat_map(|pair| {
            let ((ax, ay), (bx, by)) = (pair[0], pair[1]);
            (1..8).map(move |k| {
                let t = k as f64 / 8.0;
                (ax + t * (bx - ax), ay + t * (by - ay))
            })
        }));
        for (u, v) in samples {
            for (count, &(_, cx, cy)) in crossings.iter_mut().zip(&corners) {
                if (cx..=cx + w).contains(&u) && (cy..=cy + h).contains(&v) {
                    *count += 1;
                }
            }
        }
    }
    let best = (0..4).min_by_key(|&i| crossings[i]).unwrap_or(0);
    corners[best].0.clone()
}

/// A tick label: up to 4 decimals without trailing zeros, or scientific notation for very
/// large and very small magnitudes. Below 1e-12 a tick is zero up to the rounding of the
/// tick positions (`-5.6e-17` for the tick at 0 of a symmetric range), and labelled `0`.
fn tick(v: f64) -> String {
    let v = if v.abs() < 1e-12 { 0.0 } else { v };
    let a = v.abs();
    let s = if a != 0.0 && !(1e-3..1e5).contains(&a) { format!("{v:.1e}") } else { format!("{v:.4}") };
    let (mantissa, exponent) = match s.find('e') {
        Some(i) => s.split_at(i),
        None => (s.as_str(), ""),
    };
    let mantissa = if mantissa.contains('.') { mantissa.trim_end_matches('0').trim_end_matches('.') } else { mantissa };
    let text = format!("{mantissa}{exponent}");
    if text == "-0" { "0".to_string() } else { text }
}

/// The labelled and the light grid lines of a logarithmic axis over `range` (0 < start < end):
/// the decades, with 2 and 5 (or every mantissa) between them when the range spans few decades,
/// or every n-th decade when it spans many.
fn log_ticks(range: &Range<f64>) -> (Vec<f64>, Vec<f64>) {
    let (lo, hi) = (range.start, range.end);
    let decades = (hi / lo).log10();
    let in_range = |mantissas: &[f64], every: i32| {
        let mut ticks = Vec::new();
        for k in lo.log10().floor() as i32..=hi.log10().ceil() as i32 {
            if k.rem_euclid(every) == 0 {
                ticks.extend(mantissas.iter().map(|m| m * 10f64.powi(k)).filter(|v| (lo..=hi).contains(v)));
            }
        }
        ticks
    };
    let all: Vec<f64> = (1..10).map(f64::from).collect();
    let (mut major, minor) = if decades > 6.0 {
        let every = (decades / 6.0).ceil() as i32;
        (in_range(&[1.0], every), in_range(&[1.0], 1))
    } else if decades > 2.0 {
        (in_range(&[1.0], 1), in_range(&all, 1))
    } else if decades > 0.8 {
        (in_range(&[1.0, 2.0, 5.0], 1), in_range(&all, 1))
    } else {
        (in_range(&all, 1), Vec::new())
    };
    if major.len() < 2 {
        // within a fraction of a decade: evenly spaced ticks, 1, 2 or 5 times a power of 10 apart
        let rough = (hi - lo) / 4.0;
        let unit = 10f64.powi(rough.log10().floor() as i32);
        let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * unit).find(|&s| s >= rough).unwrap_or(10.0 * unit);
        major = ((lo / step).ceil() as i64..=(hi / step).floor() as i64).map(|i| i as f64 * step).collect();
    }
    let minor = minor.into_iter().filter(|v| !major.contains(v)).collect();
    (major, minor)
}

fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    x_label: Option<&str>,
    panel: Panel<'_>,
    x: Range<f64>,
) -> Result<(), String> {
    let lines: Vec<Vec<(f64, f64)>> = panel.series.iter().map(|s| drawable(&s.points, panel.y_log)).collect();
    let y = y_range(&lines, panel.y_log);
    let corner = legend_corner(&lines, &x, &y, panel.y_log);
    if panel.y_log {
        // plotters' own logarithmic ticks crowd (0.7, 0.8, 0.9, 1 at times) and skip decades
        let (major, minor) = log_ticks(&y);
        plot(area, x_label, panel, &lines, x, y.log_scale().with_key_points(major).with_light_points(minor), corner)
    } else {
        plot(area, x_label, panel, &lines, x, y, corner)
    }
}

/// Draws one chart: generic over the y coordinate, linear or logarithmic.
fn plot<DB, Y>(
    area: &DrawingArea<DB, Shift>,
    x_label: Option<&str>,
    panel: Panel<'_>,
    lines: &[Vec<(f64, f64)>],
    x: Range<f64>,
    y: Y,
    corner: SeriesLabelPosition,
) -> Result<(), String>
where
    DB: DrawingBackend,
    Y: AsRangedCoord<Value = f64>,
    Y::CoordDescType: ValueFormatter<f64>,
{
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let mut chart = ChartBuilder::on(area)
        .margin(16)
        .x_label_area_size(if x_label.is_some() { 56 } else { 32 })
        .y_label_area_size(96)
        .build_cartesian_2d(x, y)
        .map_err(err)?;
    let mut mesh = chart.configure_mesh();
    mesh.y_desc(panel.y_label)
        .x_label_formatter(&|v| tick(*v))
        .y_label_formatter(&|v| tick(*v))
        .label_style((FONT, 16))
        .axis_desc_style((FONT, 20))
        .bold_line_style(BLACK.mix(0.12))
        .light_line_style(BLACK.mix(0.04));
    if let Some(x_label) = x_label {
        mesh.x_desc(x_label);
    }
    mesh.draw().map_err(err)?;

    for (i, (series, points)) in panel.series.iter().zip(lines).enumerate() {
        let color = COLORS[i % COLORS.len()];
        let dots = if points.len() <= MAX_DOTTED_POINTS { 3 } else { 0 };
        let drawn = chart
            .draw_series(LineSeries::new(points.iter().copied(), color.stroke_width(2)).point_size(dots))
            .map_err(err)?;
        if !series.name.is_empty() {
            drawn
                .label(series.name.as_str())
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 24, y)], color.stroke_width(3)));
        }
    }
    if panel.series.iter().any(|s| !s.name.is_empty()) {
        chart
            .configure_series_labels()
            .position(corner)
            .label_font((FONT, 16))
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK.mix(0.4))
            .draw()
            .map_err(err)?;
    }
    Ok(())
}
