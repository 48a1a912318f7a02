//! Random-program differential testing: random `#[differentiable]` functions inside the
//! supported language, their reverse mode checked against finite differences and forward mode.
//!
//! The test generates functions deterministically from a seed (`random_programs/gen.rs`: scalar
//! code with every float method, `let`, shadowing, reassignment, tuples, branches, `match`,
//! loops with carried state, `break`/`continue`, early `return` and calls between generated
//! functions; array code with broadcasting, `mapv`, reductions and products; a few
//! `order = 2` functions), writes them as crates of [`BATCH`] functions under
//! `target/random-programs/`, builds those with one job and one target directory (the runtime
//! compiles once), and runs them: each crate checks its functions at 3 random points
//! (`random_programs/check.rs`: values, reverse against forward mode to 1e-10, reverse against
//! fourth-order central differences of two steps to 1e-6, `hvp` against differences of
//! `grad`; points where the differences of the two steps disagree, a kink or a branch switch
//! inside the stencil, are drawn again). A mismatch prints the function, the point and both
//! gradients, then the smallest variant that still fails (`random_programs/minimise.rs`).
//!
//! `AUTODIFF_RANDOM_PROGRAMS` (default 300) and `AUTODIFF_RANDOM_SEED` (default 20260501) set
//! the count and the seed, `AUTODIFF_RANDOM_MINIMISE` how many failures to minimise (default 3).
//! Thousands of programs with a new seed:
//!
//! ```text
//! AUTODIFF_RANDOM_PROGRAMS=3000 AUTODIFF_RANDOM_SEED=$RANDOM cargo test --test random_programs -- --nocapture
//! ```

#[path = "random_programs/ast.rs"]
mod ast;
#[path = "random_programs/gen.rs"]
mod generator;
#[path = "random_programs/harness.rs"]
mod harness;
#[path = "random_programs/minimise.rs"]
mod minimise;

use ast::Function;
use generator::{Callee, Kind, Rng};
use harness::{Crate, Entry, Report};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Functions per generated crate.
const BATCH: usize = 40;

fn env(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v.trim().parse().unwrap_or_else(|_| panic!("{name} must be an integer, not {v:?}")),
        Err(_) => default,
    }
}

/// The functions `p0`, `p1`, ... and the seeds of their points. A function calls only functions
/// of its own crate generated before it.
fn generate(count: usize, seed: u64) -> Vec<(Function, u64)> {
    let mut out: Vec<(Function, u64)> = Vec::new();
    let mut callees: Vec<Callee> = Vec::new();
    for k in 0..count {
        if k % BATCH == 0 {
            callees.clear();
        }
        let mut rng =
            Rng(seed.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ (k as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let r = rng.below(100);
        let (kind, order2) = match r {
            0..=3 => (Kind::Scalar, true),
            4..=6 => (Kind::Array, true),
            7..=39 => (Kind::Array, false),
            _ => (Kind::Scalar, false),
        };
        let (f, bound) = generator::function(&mut rng, &format!("p{k}"), kind, order2, &callees);
        callees.extend(Callee::new(k, &f, bound));
        out.push((f, rng.next()));
    }
    out
}

/// `f`'s callees, transitively, in the order they were generated.
fn callees_of(f: &Function, all: &[(Function, u64)]) -> Vec<Function> {
    let mut idx = f.callees.clone();
    let mut i = 0;
    while i < idx.len() {
        idx.extend(all[idx[i]].0.callees.iter().filter(|c| !idx.contains(c)).copied().collect::<Vec<_>>());
        i += 1;
    }
    idx.sort();
    idx.iter().map(|&i| all[i].0.clone()).collect()
}

/// The functions whose lines (the function and its wrappers) hold a compile error.
fn culprits(c: &Crate, errors: &str) -> Vec<String> {
    let src = harness::source(c);
    let starts: Vec<(usize, &str)> = c
        .entries
        .iter()
        .map(|e| {
            let at = src.find(&format!("\nfn {}(", e.function.name)).unwrap();
            (src[..at].lines().count(), e.function.name.as_str())
        })
        .collect();
    let mut out = Vec::new();
    for line in errors.lines() {
        let Some(rest) = line.split("src/main.rs:").nth(1) else { continue };
        let Some(n) = rest.split(':').next().and_then(|n| n.parse::<usize>().ok()) else { continue };
        if let Some((_, name)) = starts.iter().rev().find(|(s, _)| *s < n) {
            if !out.contains(&name.to_string()) {
                out.push(name.to_string());
            }
        }
    }
    out
}

#[test]
fn random_programs_match_finite_differences_and_forward_mode() {
    let count = env("AUTODIFF_RANDOM_PROGRAMS", 300) as usize;
    let seed = env("AUTODIFF_RANDOM_SEED", 20_260_501);
    let to_minimise = env("AUTODIFF_RANDOM_MINIMISE", 3) as usize;
    let start = Instant::now();
    let all = generate(count, seed);
    let mut crates: Vec<Crate> = all
        .chunks(BATCH)
        .enumerate()
        .map(|(b, chunk)| Crate {
            name: format!("b{b:03}"),
            callees: Vec::new(),
            entries: chunk.iter().map(|(f, s)| Entry { function: f.clone(), seed: *s, first: None }).collect(),
        })
        .collect();
    // Build; a crate that fails to compile is built again without the functions its errors
    // point at, which count as failures.
    let mut compile_errors: Vec<(String, String)> = Vec::new();
    for attempt in 0..2 {
        harness::write_workspace(&crates);
        let names: Vec<&str> = crates.iter().map(|c| c.name.as_str()).collect();
        let failed = harness::build(&names);
        if failed.is_empty() {
            break;
        }
        for c in crates.iter_mut().filter(|c| failed.contains_key(&c.name)) {
            let errors = &failed[&c.name];
            let bad = culprits(c, errors);
            if attempt == 1 || bad.is_empty() {
                compile_errors.push((c.name.clone(), errors.clone()));
                c.entries.clear();
                continue;
            }
            for name in &bad {
                compile_errors.push((name.clone(), errors.clone()));
            }
            // Their callers go too (unchecked).
            let mut gone: Vec<usize> =
                all.iter().enumerate().filter(|(_, (f, _))| bad.contains(&f.name)).map(|(i, _)| i).collect();
            for (i, (f, _)) in all.iter().enumerate() {
                if f.callees.iter().any(|c| gone.contains(c)) {
                    gone.push(i);
                }
            }
            c.entries.retain(|e| !gone.iter().any(|&i| all[i].0.name == e.function.name));
        }
    }
    let built = start.elapsed();
    crates.retain(|c| !c.entries.is_empty());
    let mut reports: BTreeMap<String, Report> = BTreeMap::new();
    for c in &crates {
        reports.extend(harness::run(&c.name));
    }
    let (checked, skipped): (usize, usize) = reports.values().fold((0, 0), |(a, b), r| (a + r.checked, b + r.skipped));
    let kinds = |p: fn(&Function) -> bool| all.iter().filter(|(f, _)| p(f)).count();
    println!(
        "random programs: {count} functions ({} scalar, {} array, {} of order 2), seed {seed}: {checked} points \
         checked, {skipped} skipped (not finite, or a kink at every draw), {} failed, {} do not compile; \
         built in {:.0?}, checked in {:.0?}",
        kinds(|f| !f.is_array()),
        kinds(Function::is_array),
        kinds(|f| f.order2),
        reports.values().filter(|r| r.failure.is_some()).count(),
        compile_errors.len(),
        built,
        start.elapsed() - built,
    );
    let mut failures = Vec::new();
    for (name, errors) in &compile_errors {
        let Some((f, _)) = all.iter().find(|(f, _)| &f.name == name) else {
            failures.push(format!("{name} does not compile:\n{errors}"));
            continue;
        };
        let callees: String = callees_of(f, &all).iter().map(Function::print).collect();
        failures.push(format!("{name} does not compile:\n{callees}{}\n{errors}", f.print()));
    }
    for (f, point_seed) in &all {
        let Some((kind, x, n, msg)) = reports.get(&f.name).and_then(|r| r.failure.clone()) else { continue };
        let callees = callees_of(f, &all);
        let shown: String = callees.iter().map(Function::print).collect();
        let mut text = format!(
            "{} fails ({kind}) at x = {x:?}, n = {n}:\n  {}\n{shown}{}",
            f.name,
            msg.replace("; ", "\n  "),
            f.print()
        );
        println!("\n{text}");
        if failures.len() < to_minimise {
            let (small, msg) =
                minimise::minimise(f, &callees, &kind, (x.clone(), n), *point_seed, Duration::from_secs(240));
            let part = format!(
                "minimised ({} nodes from {}):\n  {}\n{}",
                small.size(),
                f.size(),
                msg.replace("; ", "\n  "),
                small.print()
            );
            println!("{part}");
            text += &part;
        }
        failures.push(text);
    }
    assert!(
        failures.is_empty(),
        "{} of {count} random programs fail (seed {seed}):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
