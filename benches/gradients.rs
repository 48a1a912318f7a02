//! Cost of the generated derivatives relative to the primal.
//!
//! For three scalar functions of 50–200 operations each, one criterion group per function
//! times the plain function (`primal`), one forward and one reverse sweep
//! (`value_and_grad`), and forward mode along one direction (`jvp`).
//!
//! Before anything is timed, `main` checks once that every gradient and directional
//! derivative agrees with central finite differences, and that one `value_and_grad` and one
//! `jvp` call of each function perform no heap allocation.
//!
//! Run with `cargo bench --bench gradients`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use autodiff_runtime::differentiable;
use criterion::{BenchmarkId, Criterion, criterion_group};

// ---------------------------------------------------------------------------------------
// The functions
// ---------------------------------------------------------------------------------------

/// A polynomial of degree 40 in four variables (degree 10 in each), evaluated by Horner
/// steps that cycle through the variables: 80 operations.
#[differentiable]
fn poly(x: f64, y: f64, z: f64, w: f64) -> f64 {
    let p = 0.7 * x + 0.35;
    let p = p * y + 0.892;
    let p = p * z + 0.127;
    let p = p * w - 0.825;
    let p = p * x - 0.568;
    let p = p * y + 0.521;
    let p = p * z + 0.847;
    let p = p * w - 0.068;
    let p = p * x - 0.883;
    let p = p * y - 0.405;
    let p = p * z + 0.666;
    let p = p * w + 0.761;
    let p = p * x - 0.259;
    let p = p * y - 0.9;
    let p = p * z - 0.222;
    let p = p * w + 0.781;
    let p = p * x + 0.64;
    let p = p * y - 0.438;
    let p = p * z - 0.875;
    let p = p * w - 0.029;
    let p = p * x + 0.859;
    let p = p * y + 0.489;
    let p = p * z - 0.597;
    let p = p * w - 0.808;
    let p = p * x + 0.165;
    let p = p * y + 0.897;
    let p = p * z + 0.315;
    let p = p * w - 0.728;
    let p = p * x - 0.704;
    let p = p * y + 0.351;
    let p = p * z + 0.892;
    let p = p * w + 0.126;
    let p = p * x - 0.825;
    let p = p * y - 0.568;
    let p = p * z + 0.521;
    let p = p * w + 0.846;
    let p = p * x - 0.068;
    let p = p * y - 0.883;
    let p = p * z - 0.404;
    p * w + 0.667
}

/// A chain of transcendental functions and arithmetic over three inputs.
#[differentiable]
fn transcendental(a: f64, b: f64, c: f64) -> f64 {
    let s = a.sin() * b.cos() + c.tanh();
    let r = (a * a + b * b + 1.0).sqrt();
    let e = (-(s * s)).exp() + (c / r).atan();
    let l = (1.0 + r * e).ln() - 0.25 * (b * c).sinh();
    let h = a.hypot(l) + (0.5 * s).asinh();
    let t = (0.8 * (e * c).tanh()).asin() + (r + 0.5).acosh();
    let u = h.cbrt() * t.cos() + (0.3 * l).exp_m1();
    let v = (u * u + 0.1).log10() + b.atan2(r) * s.cosh();
    let q = (0.2 * v).tan() + (h * h + 1.0).log2() - (0.4 * t).exp2();
    let m = (q * q + 1.0).powf(0.3 + 0.1 * s.abs()) * (0.5 * u).acos();
    let n = (1.0 + e * e).ln_1p() + (0.7 * q).atanh() * r.recip();
    let o = m.max(n) + m.min(0.5 * n) + (2.0 + v * v).log(3.0);
    let k = (o * 0.3).sin().powi(3) + (e + m).mul_add(0.1, n.cos());
    let j = (k * a).cosh().sqrt() / (1.0 + (t - o).exp());
    j * o + k * k.sin() - (q / (1.0 + m * m)).tanh()
}

/// A recurrent cell: a sigmoid gate blending the state `h` with a `tanh` candidate.
#[differentiable]
fn cell(x: f64, h: f64) -> f64 {
    let gate = 1.0 / (1.0 + (-(0.7 * x + 0.3 * h)).exp());
    let candidate = (0.9 * x - 0.5 * h + 0.2).tanh();
    gate * h + (1.0 - gate) * candidate
}

/// A normalised mixture of three values.
#[differentiable]
fn mix(a: f64, b: f64, c: f64) -> f64 {
    let norm = (a * a + b * b + c * c + 1e-3).sqrt();
    (a * b.sin() + c * a.cos()) / norm
}

/// Six `cell` and three `mix` calls, composed through their generated code.
#[differentiable]
fn composed(x: f64, y: f64, z: f64) -> f64 {
    let h1 = cell(x, 0.0);
    let h2 = cell(y, h1);
    let h3 = cell(z, h2);
    let m1 = mix(h1, h2, h3);
    let h4 = cell(m1, h3);
    let h5 = cell(x * y, h4);
    let m2 = mix(h4, h5, z);
    let h6 = cell(m2 - m1, h5);
    let m3 = mix(h6, m2, x);
    h6 * m3 + m1 * m2
}

// Where the benchmarks evaluate, and the direction of `jvp`.
const POLY_AT: [f64; 4] = [0.9, -0.7, 0.8, 0.6];
const POLY_DIR: [f64; 4] = [0.3, -0.5, 0.7, 0.2];
const TRANSCENDENTAL_AT: [f64; 3] = [0.7, -0.4, 0.9];
const TRANSCENDENTAL_DIR: [f64; 3] = [0.6, 0.2, -0.4];
const COMPOSED_AT: [f64; 3] = [0.5, -1.2, 0.8];
const COMPOSED_DIR: [f64; 3] = [-0.3, 0.8, 0.5];

// ---------------------------------------------------------------------------------------
// Finite-difference check
// ---------------------------------------------------------------------------------------

/// Fourth-order central difference of `f` at `x` along `v`.
fn central_difference<const N: usize>(f: impl Fn([f64; N]) -> f64, x: [f64; N], v: [f64; N]) -> f64 {
    let h = 1e-3;
    let at = |t: f64| f(std::array::from_fn(|i| x[i] + t * v[i]));
    (8.0 * (at(h) - at(-h)) - (at(2.0 * h) - at(-2.0 * h))) / (12.0 * h)
}

/// Checks `grad` and `jvp` at `x` against central differences of `f`, to `1e-6` relative
/// (per component, relative to the largest of that component and the gradient's norm
/// times `1e-3`, so that a component that is zero by cancellation is not held to an
/// absolute `1e-20`); returns the largest relative error seen.
fn check<const N: usize>(
    name: &str,
    f: impl Fn([f64; N]) -> f64,
    value_and_grad: impl Fn([f64; N]) -> (f64, [f64; N]),
    jvp: impl Fn([f64; N], [f64; N]) -> (f64, f64),
    x: [f64; N],
    v: [f64; N],
) -> f64 {
    let (value, grad) = value_and_grad(x);
    assert_eq!(value, f(x), "{name}: value_and_grad's value differs from the primal at {x:?}");
    let norm = grad.iter().map(|g| g * g).sum::<f64>().sqrt();
    let mut worst: f64 = 0.0;
    let mut compare = |what: String, ad: f64, fd: f64| {
        let scale = ad.abs().max(fd.abs()).max(1e-3 * norm);
        let err = (ad - fd).abs() / scale;
        assert!(err < 1e-6, "{name}: {what} at {x:?}: autodiff {ad:e}, finite differences {fd:e}");
        worst = worst.max(err);
    };
    for (i, &g) in grad.iter().enumerate() {
        let e_i = std::array::from_fn(|j| if i == j { 1.0 } else { 0.0 });
        compare(format!("∂/∂x{i}"), g, central_difference(&f, x, e_i));
    }
    let (jvp_value, tangent) = jvp(x, v);
    assert_eq!(jvp_value, f(x), "{name}: jvp's value differs from the primal at {x:?}");
    compare(format!("jvp along {v:?}"), tangent, central_difference(&f, x, v));
    let dot: f64 = grad.iter().zip(v).map(|(g, v)| g * v).sum();
    compare("jvp vs ⟨grad, v⟩".to_string(), tangent, dot);
    worst
}

fn check_all() {
    let shifts = [[0.0; 4], [0.13, -0.21, 0.08, -0.05], [-0.3, 0.4, -0.2, 0.25]];
    for s in shifts {
        let at = std::array::from_fn(|i| POLY_AT[i] + s[i]);
        let err = check(
            "poly",
            |[x, y, z, w]| poly(x, y, z, w),
            |[x, y, z, w]| {
                let (value, (gx, gy, gz, gw)) = poly::value_and_grad(x, y, z, w);
                (value, [gx, gy, gz, gw])
            },
            |[x, y, z, w], [vx, vy, vz, vw]| poly::jvp(x, y, z, w, vx, vy, vz, vw),
            at,
            POLY_DIR,
        );
        println!("finite-difference check: poly at {at:.2?}: max relative error {err:.1e}");
    }
    for s in shifts {
        let at = std::array::from_fn(|i| TRANSCENDENTAL_AT[i] + s[i]);
        let err = check(
            "transcendental",
            |[a, b, c]| transcendental(a, b, c),
            |[a, b, c]| {
                let (value, (ga, gb, gc)) = transcendental::value_and_grad(a, b, c);
                (value, [ga, gb, gc])
            },
            |[a, b, c], [va, vb, vc]| transcendental::jvp(a, b, c, va, vb, vc),
            at,
            TRANSCENDENTAL_DIR,
        );
        println!("finite-difference check: transcendental at {at:.2?}: max relative error {err:.1e}");
    }
    for s in shifts {
        let at = std::array::from_fn(|i| COMPOSED_AT[i] + s[i]);
        let err = check(
            "composed",
            |[x, y, z]| composed(x, y, z),
            |[x, y, z]| {
                let (value, (gx, gy, gz)) = composed::value_and_grad(x, y, z);
                (value, [gx, gy, gz])
            },
            |[x, y, z], [vx, vy, vz]| composed::jvp(x, y, z, vx, vy, vz),
            at,
            COMPOSED_DIR,
        );
        println!("finite-difference check: composed at {at:.2?}: max relative error {err:.1e}");
    }
}

// ---------------------------------------------------------------------------------------
// Allocation check
// ---------------------------------------------------------------------------------------

/// The system allocator, counting the allocations made through it.
struct CountingAllocator;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every method forwards to `System` with the caller's arguments unchanged.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded from our caller, who upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as for `alloc`; `ptr` was allocated by `System` through this allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as for `realloc`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// The number of heap allocations `f` makes.
fn allocations_of<R>(f: impl FnOnce() -> R) -> usize {
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    black_box(f());
    ALLOCATIONS.load(Ordering::SeqCst) - before
}

fn check_no_allocation() {
    let [x, y, z, w] = POLY_AT;
    let [vx, vy, vz, vw] = POLY_DIR;
    let [a, b, c] = TRANSCENDENTAL_AT;
    let [va, vb, vc] = TRANSCENDENTAL_DIR;
    let [p, q, r] = COMPOSED_AT;
    let [vp, vq, vr] = COMPOSED_DIR;
    let counts = [
        (
            "poly::value_and_grad",
            allocations_of(|| poly::value_and_grad(black_box(x), black_box(y), black_box(z), black_box(w))),
        ),
        (
            "poly::jvp",
            allocations_of(|| poly::jvp(black_box(x), black_box(y), black_box(z), black_box(w), vx, vy, vz, vw)),
        ),
        (
            "transcendental::value_and_grad",
            allocations_of(|| transcendental::value_and_grad(black_box(a), black_box(b), black_box(c))),
        ),
        (
            "transcendental::jvp",
            allocations_of(|| transcendental::jvp(black_box(a), black_box(b), black_box(c), va, vb, vc)),
        ),
        (
            "composed::value_and_grad",
            allocations_of(|| composed::value_and_grad(black_box(p), black_box(q), black_box(r))),
        ),
        ("composed::jvp", allocations_of(|| composed::jvp(black_box(p), black_box(q), black_box(r), vp, vq, vr))),
    ];
    // The counter sees every allocation; make sure it works before trusting its zeros.
    assert_eq!(allocations_of(|| Box::new(black_box(1.0f64))), 1, "the counting allocator is not in use");
    for (name, n) in counts {
        assert_eq!(n, 0, "{name} allocated {n} times");
        println!("allocation check: {name}: {n} allocations");
    }
}

// ---------------------------------------------------------------------------------------
// Benchmarks
// ---------------------------------------------------------------------------------------

/// One group `name` with the three benchmarks `primal`, `value_and_grad` and `jvp`.
fn compare<A, B, C>(
    c: &mut Criterion,
    name: &str,
    primal: impl Fn() -> A,
    value_and_grad: impl Fn() -> B,
    jvp: impl Fn() -> C,
) {
    let mut group = c.benchmark_group(name);
    group.bench_function(BenchmarkId::from_parameter("primal"), |b| b.iter(|| black_box(primal())));
    group.bench_function(BenchmarkId::from_parameter("value_and_grad"), |b| b.iter(|| black_box(value_and_grad())));
    group.bench_function(BenchmarkId::from_parameter("jvp"), |b| b.iter(|| black_box(jvp())));
    group.finish();
}

fn bench_poly(c: &mut Criterion) {
    let [x, y, z, w] = POLY_AT;
    let [vx, vy, vz, vw] = POLY_DIR;
    compare(
        c,
        "poly",
        || poly(black_box(x), black_box(y), black_box(z), black_box(w)),
        || poly::value_and_grad(black_box(x), black_box(y), black_box(z), black_box(w)),
        || {
            poly::jvp(
                black_box(x),
                black_box(y),
                black_box(z),
                black_box(w),
                black_box(vx),
                black_box(vy),
                black_box(vz),
                black_box(vw),
            )
        },
    );
}

fn bench_transcendental(c: &mut Criterion) {
    let [a, b, cc] = TRANSCENDENTAL_AT;
    let [va, vb, vc] = TRANSCENDENTAL_DIR;
    compare(
        c,
        "transcendental",
        || transcendental(black_box(a), black_box(b), black_box(cc)),
        || transcendental::value_and_grad(black_box(a), black_box(b), black_box(cc)),
        || transcendental::jvp(black_box(a), black_box(b), black_box(cc), black_box(va), black_box(vb), black_box(vc)),
    );
}

fn bench_composed(c: &mut Criterion) {
    let [x, y, z] = COMPOSED_AT;
    let [vx, vy, vz] = COMPOSED_DIR;
    compare(
        c,
        "composed",
        || composed(black_box(x), black_box(y), black_box(z)),
        || composed::value_and_grad(black_box(x), black_box(y), black_box(z)),
        || composed::jvp(black_box(x), black_box(y), black_box(z), black_box(vx), black_box(vy), black_box(vz)),
    );
}

criterion_group!(benches, bench_poly, bench_transcendental, bench_composed);

fn main() {
    check_all();
    check_no_allocation();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
