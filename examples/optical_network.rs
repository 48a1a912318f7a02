//! The article's optical neural network: a plane wave through 32 thin phase plates, each
//! followed by 50 mm of free space (angular-spectrum propagation with complex FFTs), the
//! plates' phases trained by gradient descent so that the light forms a target image.
//!
//! ```bash
//! cargo run --release --example optical_network -- [--target examples/data/smiley.png] [--steps 128]
//!     [--frames-every 16] [--frames onn_frames] [--plot onn_loss.png | --no-plot] [--dim 128] [--plates 32]
//! ```
//!
//! The model is plain Rust in `shared/onn_model.rs` (`#[differentiable(wrt(plates))] fn loss`);
//! each step takes its gradient with respect to all plates, moves every plate by the article's
//! rule `plate -= lr · exp(−i·angle(grad))`, and evaluates the loss again. With the default
//! settings (dim 128, 32 plates, the smiley) the losses reproduce the Python peers'
//! (0.486204805603448 before training; 0.454276820157812, 0.425633360422911, 0.269526888689679,
//! 0.0158134296571289 after steps 0, 1, 10, 127), which the example prints with their relative
//! differences. It writes the output intensity every `--frames-every` steps as PNG frames and
//! the loss curve as a PNG. Any grayscale PNG of the grid's size can be the target.

#[path = "shared/onn_model.rs"]
mod onn_model;
#[path = "shared/plot.rs"]
mod plot;
#[path = "shared/progress.rs"]
mod progress;

use onn_model::*;
use progress::Progress;
use std::path::PathBuf;
use std::time::Instant;

/// Large buffers (fields, spectra, saved partials) recur every step; keeping freed ones avoids
/// the page faults of fresh memory (see `autodiff_runtime::alloc`).
#[global_allocator]
static ALLOC: autodiff_runtime::alloc::CachingAlloc = autodiff_runtime::alloc::CachingAlloc::new(1 << 30);

struct Options {
    target: Option<PathBuf>,
    steps: usize,
    frames_every: usize,
    frames: PathBuf,
    plot: Option<PathBuf>,
    dim: usize,
    plates: usize,
}

const USAGE: &str = "usage: optical_network [--target image.png] [--steps N] [--frames-every K (0: none)] [--frames DIR] [--plot out.png | --no-plot] [--dim D] [--plates P]";

fn options() -> Result<Options, String> {
    let mut o = Options {
        target: None,
        steps: N_STEPS,
        frames_every: 16,
        frames: "onn_frames".into(),
        plot: Some("onn_loss.png".into()),
        dim: DIM,
        plates: N_PLATES,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("`{a}` needs a value"));
        let number = |v: String, name: &str| v.parse::<usize>().map_err(|e| format!("{name}: {e}"));
        match a.as_str() {
            "--target" => o.target = Some(value()?.into()),
            "--steps" => o.steps = number(value()?, "--steps")?,
            "--frames-every" => o.frames_every = number(value()?, "--frames-every")?,
            "--frames" => o.frames = value()?.into(),
            "--plot" => o.plot = Some(value()?.into()),
            "--no-plot" => o.plot = None,
            "--dim" => o.dim = number(value()?, "--dim")?,
            "--plates" => o.plates = number(value()?, "--plates")?,
            "--help" | "-h" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    if o.steps == 0 || o.dim < 2 || o.plates == 0 {
        return Err(format!("--steps and --plates must be at least 1 and --dim at least 2\n{USAGE}"));
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
    // The smiley is 128 × 128; another grid size needs a target of that size.
    let target_path = o.target.clone().unwrap_or_else(|| SMILEY_PNG.into());
    let y = load_target(&target_path, o.dim)?;
    let u0 = wavefront(o.dim);
    let h = transfer_function(o.dim, DIST);
    let mut plates = flat_plates(o.plates, o.dim);
    let reference = o.target.is_none() && o.dim == DIM && o.plates == N_PLATES;
    if o.frames_every > 0 {
        std::fs::create_dir_all(&o.frames)
            .map_err(|e| format!("{}: cannot create the directory: {e}", o.frames.display()))?;
    }
    println!(
        "optical network: {d} × {d} grid, {p} plates {dist} mm apart, target {t}, {s} steps of lr {LR}",
        d = o.dim,
        p = o.plates,
        dist = DIST * 1e3,
        t = target_path.display(),
        s = o.steps
    );

    let loss_init = loss(&u0, &y, &plates, &h);
    let mut losses = Vec::with_capacity(o.steps);
    let mut times = Vec::with_capacity(o.steps);
    let bar = Progress::new(o.steps as u64, "steps");
    for step in 0..o.steps {
        let t = Instant::now();
        let l = train_step(&u0, &y, &mut plates, &h, LR);
        times.push(t.elapsed().as_secs_f64());
        losses.push(l);
        bar.set_message(&format!("loss {l:.6}"));
        bar.inc(1);
        if o.frames_every > 0 && (step % o.frames_every == 0 || step + 1 == o.steps) {
            let img = intensity(&forward(&u0, &plates, &h));
            write_intensity_png(&frame_path(&o.frames, step), &img)?;
        }
    }
    bar.finish();

    println!("loss before training: {loss_init:.15}");
    for (step, l) in losses.iter().enumerate() {
        if [0, 1, 10, o.steps - 1].contains(&step) {
            println!("loss after step {step:>3}: {l:.15}");
        }
    }
    if reference {
        println!("\nagainst the peers' reference losses:");
        let rel = |a: f64, b: f64| ((a - b) / b).abs();
        println!("  before training: {:.2e} relative", rel(loss_init, LOSS_INIT));
        for (step, want) in LOSS_AT_STEP {
            if let Some(l) = losses.get(step) {
                println!("  after step {step:>3}: {l:.15} vs {want:.15} ({:.2e} relative)", rel(*l, want));
            }
        }
    }
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    println!(
        "\nmedian step (gradient, update, loss): {:.2} ms; total {:.2} s",
        sorted[sorted.len() / 2] * 1e3,
        times.iter().sum::<f64>()
    );
    if o.frames_every > 0 {
        println!("wrote intensity frames to {}", o.frames.display());
    }
    if let Some(path) = &o.plot {
        let points =
            std::iter::once((0.0, loss_init)).chain(losses.iter().enumerate().map(|(k, &l)| ((k + 1) as f64, l)));
        let series = [plot::Series::new("training loss", points)];
        plot::line_chart(path, "Optical network: loss per step", "step", "loss", &series, true)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
