//! A progress bar for the examples' long loops, shared by `examples/` and `tests/report.rs`.
//!
//! The bar is drawn on stderr only when stderr is a terminal; otherwise (redirected output, CI,
//! `cargo test`) it draws nothing and only counts.

// Each user takes only part of this module.
#![allow(dead_code)]

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar of `total` steps, labelled `what`.
    pub fn new(total: u64, what: &str) -> Self {
        let target =
            if std::io::stderr().is_terminal() { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
        let bar = ProgressBar::with_draw_target(Some(total), target);
        let style = ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {elapsed} (eta {eta}) {msg}")
            .expect("a valid template")
            .progress_chars("=> ");
        bar.set_style(style);
        bar.set_prefix(what.to_string());
        Progress { bar }
    }

    /// The text after the bar, e.g. the latest loss.
    pub fn set_message(&self, message: &str) {
        self.bar.set_message(message.to_string());
    }

    pub fn inc(&self, steps: u64) {
        self.bar.inc(steps);
    }

    /// Runs `f` (e.g. a `println!`) with the bar cleared, then draws it again.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Leaves the bar drawn in its final state.
    pub fn finish(&self) {
        self.bar.finish();
    }

    /// Steps counted so far.
    pub fn position(&self) -> u64 {
        self.bar.position()
    }
}
