//! The digits MLP: a 64 → 704 → 704 → 10 network with tanh, trained with Adam on the 8x8
//! digits, its gradient generated at compile time by `#[differentiable]`.
//!
//! ```bash
//! cargo run --release --example mlp_digits -- [--epochs 100] [--hidden 704] [--data examples/data/digits.csv] [--plot mlp_digits.png]
//! ```
//!
//! The data split, initial weights (numpy's `RandomState(1).randn`), minibatch order
//! (`RandomState(0).permutation`) and Adam settings are those of the Python peers, so the
//! run follows their trajectory: training loss 164.280270118184 after the first epoch
//! (summed over the training set) and 98.33 % validation accuracy at epoch 100.

#[path = "shared/digits_data.rs"]
mod digits_data;
#[path = "shared/mlp_model.rs"]
mod mlp_model;
#[path = "shared/plot.rs"]
mod plot;
#[path = "shared/progress.rs"]
mod progress;

use autodiff_runtime::optim::Adam;
use digits_data::{DIGITS_CSV, batches, init_params, load};
use mlp_model::{accuracy, loss_of, train_step};
use plot::{Panel, Series, two_panel_chart};
use progress::Progress;
use std::path::Path;
use std::time::Instant;

/// Large buffers (results, partials, gradients) recur every step; keeping freed ones avoids
/// the page faults of fresh memory (see `autodiff_runtime::alloc`).
#[global_allocator]
static ALLOC: autodiff_runtime::alloc::CachingAlloc = autodiff_runtime::alloc::CachingAlloc::new(1 << 30);

struct Options {
    epochs: usize,
    hidden: usize,
    data: String,
    plot: Option<String>,
}

fn options() -> Result<Options, String> {
    let mut o = Options { epochs: 100, hidden: 704, data: DIGITS_CSV.to_string(), plot: Some("mlp_digits.png".into()) };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("`{a}` needs a value"));
        match a.as_str() {
            "--epochs" => o.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--hidden" => o.hidden = value()?.parse().map_err(|e| format!("--hidden: {e}"))?,
            "--data" => o.data = value()?,
            "--plot" => o.plot = Some(value()?),
            "--no-plot" => o.plot = None,
            "--help" | "-h" => {
                println!(
                    "usage: mlp_digits [--epochs N] [--hidden H] [--data digits.csv] [--plot out.png | --no-plot]"
                );
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument `{other}` (try --help)")),
        }
    }
    if o.epochs == 0 || o.hidden == 0 {
        return Err("--epochs and --hidden must be at least 1".into());
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
    let data = load(&o.data)?;
    let mut p = mlp_model::shared(init_params(o.hidden));
    let mut adam = Adam::new(&p, 1e-3);
    println!(
        "digits MLP 64 -> {h} -> {h} -> 10: {} training rows, {} validation rows, {} epochs",
        data.train.len(),
        data.valid.len(),
        o.epochs,
        h = o.hidden
    );
    let mut history = Vec::new();
    let mut times = Vec::new();
    let all = batches(o.epochs);
    let bar = Progress::new((o.epochs * all.first().map_or(0, Vec::len)) as u64, "training");
    for (epoch, epoch_batches) in all.iter().enumerate() {
        // Timed as the peers time an epoch: the training steps only.
        let t0 = Instant::now();
        for idx in epoch_batches {
            let (x, y) = data.train.batch(idx);
            train_step(&mut p, &mut adam, &x, &y);
            bar.inc(1);
        }
        times.push(t0.elapsed().as_secs_f64());
        let train_loss = loss_of(&p, &data.train.x, &data.train.y);
        let acc = accuracy(&p, &data.valid.x, &data.valid.labels);
        let train_acc = accuracy(&p, &data.train.x, &data.train.labels);
        history.push((train_loss, acc));
        let e = epoch + 1;
        bar.set_message(&format!(
            "epoch {e}: loss {train_loss:.3}, accuracy {:.2} % training, {:.2} % validation",
            100.0 * train_acc,
            100.0 * acc
        ));
        if e == 1 || e % 10 == 0 || e == o.epochs {
            bar.suspend(|| {
                println!(
                    "epoch {e:4}: training loss {train_loss:.12}, validation accuracy {:.2} %, {:.1} ms",
                    100.0 * acc,
                    1e3 * times[epoch]
                )
            });
        }
    }
    bar.finish();
    // The median over epochs after the first, as the peers report it.
    let mut sorted = times[1.min(times.len() - 1)..].to_vec();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[sorted.len() / 2];
    println!("median epoch time {:.1} ms over {} epochs", 1e3 * median, times.len());
    if let Some((loss, acc)) = history.last() {
        println!("final: training loss {loss:.6}, validation accuracy {:.2} %", 100.0 * acc);
    }
    if let Some(path) = &o.plot {
        let epochs = |f: &dyn Fn(&(f64, f64)) -> f64| -> Vec<(f64, f64)> {
            history.iter().enumerate().map(|(k, h)| ((k + 1) as f64, f(h))).collect()
        };
        let loss = [Series::new("training loss (summed over 1438 rows)", epochs(&|h| h.0))];
        let acc = [Series::new("validation accuracy (%)", epochs(&|h| 100.0 * h.1))];
        two_panel_chart(
            Path::new(path),
            &format!("digits MLP 64-{h}-{h}-10, Adam 1e-3", h = o.hidden),
            Panel { y_label: "training loss", series: &loss, y_log: true },
            Panel { y_label: "validation accuracy (%)", series: &acc, y_log: false },
            "epoch",
        )?;
        println!("wrote {path}");
    }
    Ok(())
}
