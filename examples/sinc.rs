//! The derivatives of sinc(x) = sin(x)/x of orders 0 to 9, at 256 points, exact.
//!
//! ```text
//! cargo run --release --example sinc -- [--plot sinc.png | --no-plot] [--reference examples/data/sinc_derivatives_ref.csv] [--repeat 200]
//! ```
//!
//! `sinc` is plain array code. `#[differentiable(order = 2)]` also generates its Taylor-mode
//! derivatives: `sinc::derivatives::<10>(&x)` runs the function once with every element a
//! truncated Taylor series of 10 coefficients, which gives the ten orders at once, elementwise
//! (the elementwise gradient applied to its own result nine times, as in autograd's example,
//! but exact: no rule is differentiated numerically). The example prints the largest relative
//! error of each order against the exact values (computed with 60-digit arithmetic), the time
//! of one call, and draws the ten curves.

use autodiff_runtime::differentiable;
use ndarray::Array1;
use std::path::PathBuf;
use std::time::Instant;

#[path = "shared/plot.rs"]
mod plot;
#[path = "shared/sinc_reference.rs"]
mod sinc_reference;

use sinc_reference::{ORDERS, SINC_REF_CSV};

/// sin(x)/x, elementwise.
#[differentiable(order = 2)]
fn sinc(x: &Array1<f64>) -> Array1<f64> {
    x.sin() / x
}

struct Options {
    plot: Option<PathBuf>,
    reference: PathBuf,
    repeat: usize,
}

fn options() -> Result<Options, String> {
    let mut o = Options { plot: Some("sinc.png".into()), reference: SINC_REF_CSV.into(), repeat: 200 };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--plot" => o.plot = Some(value("--plot")?.into()),
            "--no-plot" => o.plot = None,
            "--reference" => o.reference = value("--reference")?.into(),
            "--repeat" => {
                o.repeat = value("--repeat")?.parse().map_err(|_| "--repeat takes a positive integer".to_string())?;
                if o.repeat == 0 {
                    return Err("--repeat takes a positive integer".into());
                }
            }
            _ => {
                return Err(format!(
                    "unknown argument `{a}`\nusage: sinc [--plot sinc.png | --no-plot] [--reference file.csv] [--repeat N]"
                ));
            }
        }
    }
    Ok(o)
}

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let o = options()?;
    let (xs, reference) = sinc_reference::load(&o.reference)?;

    let ds: [Array1<f64>; ORDERS] = sinc::derivatives::<ORDERS>(&xs);

    let mut times = Vec::with_capacity(o.repeat);
    for _ in 0..o.repeat {
        let t = Instant::now();
        std::hint::black_box(sinc::derivatives::<ORDERS>(std::hint::black_box(&xs)));
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];

    let errors = sinc_reference::errors(&xs, &ds, &reference);
    println!("sinc(x) = sin(x)/x at linspace(-31.4, 31.4, 256): derivatives of orders 0..9 by Taylor mode");
    println!();
    println!("order | max rel. error, |x| > 2 | max rel. error, all points | at x        | non-finite");
    println!("------|-------------------------|----------------------------|-------------|-----------");
    for (k, e) in errors.iter().enumerate() {
        println!(
            "{k:>5} | {:>23.2e} | {:>26.2e} | {:>11.6} | {:>10}",
            e.max_rel_far, e.max_rel, e.x_at_max_rel, e.non_finite
        );
    }
    let non_finite: usize = errors.iter().map(|e| e.non_finite).sum();
    let worst_far = errors.iter().map(|e| e.max_rel_far).fold(0.0, f64::max);
    println!();
    println!("non-finite values: {non_finite} of {}", ORDERS * xs.len());
    println!("worst relative error for |x| > 2, all orders: {worst_far:.2e}");
    println!("all ten orders at 256 points: {:.3} ms per call (median of {})", median * 1e3, o.repeat);

    if let Some(path) = &o.plot {
        let series: Vec<plot::Series> = ds
            .iter()
            .enumerate()
            .map(|(k, d)| plot::Series::new(format!("order {k}"), xs.iter().copied().zip(d.iter().copied())))
            .collect();
        plot::line_chart(
            path,
            "sinc(x) = sin(x)/x and its derivatives of orders 1 to 9",
            "x",
            "dᵏ/dxᵏ sinc(x)",
            &series,
            false,
        )?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
