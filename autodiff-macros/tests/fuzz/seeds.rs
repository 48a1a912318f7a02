// Seeds of the fuzz test (`src/fuzz.rs`): valid `#[differentiable]` functions, taken from the
// integration tests and the README, one or more per construct of the supported language.
// Parsed, never compiled: the names they call need not exist. Each must expand without error.

#[differentiable]
fn straight(x: f64, y: f64) -> f64 {
    let z = x * y.sin();
    let mut s = z;
    s += (x / y).exp();
    s
}

#[differentiable]
fn rebinding(x: f64, y: f64) -> f64 {
    let a: f64 = x * y;
    let a = a + HALF;
    let mut s = a;
    s += x;
    s -= -y;
    s *= x + 1.0;
    s /= y;
    let s = -s;
    s * 2.0
}

#[differentiable]
fn casts(x: f32, w: f32, n: usize, k: i32) -> f32 {
    let c = n as f32;
    let t = x.max(w).ln_1p();
    c * t.powi(k) + k as f32 + (x > w) as i32 as f32 + x.clamp(0.0, 1.0)
}

#[differentiable]
fn ufcs(a: f64, b: f64) -> f64 {
    f64::max(a, b) * f64::sin(a) + a.mul_add(b, 1.0) + a.hypot(b).atan2(b) + a.powf(b.abs())
}

#[differentiable]
fn stepped(x: f64) -> f64 {
    let k = x.floor();
    let s = x.signum();
    (x - k) * s + x.round() + (x.abs() > 1.0) as i32 as f64
}

#[differentiable]
fn polar(p: (f64, f64)) -> (f64, f64) {
    let (x, y) = p;
    let t = (x.hypot(y), y.atan2(x));
    return (t.0, t.1 * 2.0);
}

#[differentiable]
fn uses_pair(x: f64) -> f64 {
    let (p, q) = pair(x, 3.0);
    let (_, r) = pair(x.sin(), x);
    p * q + r
}

#[differentiable]
fn tuple_param((a, b): (f64, f64), c: &f64) -> f64 {
    let mut u = a;
    let mut v = b;
    (u, v) = (v, u * c);
    u * v
}

#[differentiable]
fn piecewise(x: f64) -> f64 {
    if x < -1.0 {
        -x * 2.0
    } else if x < 1.0 {
        x * x
    } else {
        x.ln() + 1.0
    }
}

#[differentiable]
fn branch_statements(x: f64, y: f64) -> f64 {
    let mut s = x;
    if y > x {
        s = s * y;
        s += 1.0;
    }
    if x * y < 0.0 {
        s = 0.0;
    } else {
        s = s + x.sin();
    }
    let t = if s > 2.0 { s.sqrt() } else { s * 3.0 };
    t + y
}

#[differentiable(wrt(x))]
fn matcher(x: f64, k: i32, m: Mode) -> f64 {
    let a = match k {
        0 => x,
        1 | 2 => x * x,
        n if n < 0 => -x,
        _ => x.exp(),
    };
    let b = match m {
        Mode::Square => a * a,
        Mode::Cube => a * a * a,
        Mode::Identity => a,
    };
    match x > 0.0 {
        true => b,
        false => b * 2.0,
    }
}

#[differentiable]
fn ranges(x: f64, n: i64) -> f64 {
    let mut s = 0.0;
    for i in 1..=n {
        s += x.powi(i as i32) / i as f64;
    }
    for i in (0..n).rev() {
        s = s * 0.5 + (i as f64) * x;
    }
    for i in (0..10).step_by(3) {
        s += x.sin() * i as f64;
    }
    s
}

#[differentiable]
fn nested(x: f64, y: f64, n: usize) -> f64 {
    let mut acc = 0.0;
    for i in 0..n {
        let mut row = x;
        for j in 0..n {
            if j == i {
                continue;
            }
            row = row * y + (j as f64);
            if row > 50.0 {
                break;
            }
        }
        acc += row.tanh();
    }
    acc
}

#[differentiable]
fn newton_sqrt(a: f64) -> f64 {
    let mut x = a;
    let mut steps = 0;
    while (x * x - a).abs() > 1e-12 * a {
        x = 0.5 * (x + a / x);
        steps += 1;
        if steps > 100 {
            break;
        }
    }
    x
}

#[differentiable]
fn loop_with_value(x: f64) -> f64 {
    let mut y = x;
    let mut k = 0;
    let z = loop {
        y = y.sin() + 0.5;
        k += 1;
        if k == 4 {
            break y * 2.0;
        }
    };
    z + y
}

#[differentiable]
fn labelled(x: f64, n: usize) -> f64 {
    let mut s = x;
    'outer: for i in 0..n {
        for j in 0..n {
            if i * j > 6 {
                break 'outer;
            }
            if j > i {
                continue 'outer;
            }
            s = s * x + 1.0;
        }
    }
    s
}

#[differentiable]
fn early_return(x: f64, n: usize) -> f64 {
    let mut s = x;
    if x < 0.0 {
        return x * x;
    }
    for i in 0..n {
        s = s * 1.5 + x;
        if s > 10.0 {
            return s.ln() + i as f64;
        }
    }
    debug_assert!(n < 1000);
    s * 2.0
}

#[differentiable]
fn calls_in_loop(x: f64, v: f64, n: usize) -> f64 {
    let mut p = x;
    let mut state = (x, v);
    for i in 0..n {
        p = if i % 2 == 0 { step(p, v) } else { step(v, p) * 0.5 };
        state = (state.0 + 0.1 * state.1, state.1 - 0.1 * state.0);
    }
    {
        let q = p * state.0;
        q + state.1
    }
}

#[differentiable]
fn elementwise(x: &Array2<f64>) -> f64 {
    let y = x.mapv(f64::tanh) * x.mapv(f64::exp) + x.mapv(f64::sin) / (x * x + 1.0) - x.mapv(f64::cos);
    (&y * &y - x.mapv(f64::sqrt).mapv(f64::ln_1p)).sum()
}

#[differentiable]
fn broadcast(a: &Array2<f64>, b: &Array1<f64>, c: f64) -> f64 {
    let y = a * b + c - b / 2.0;
    let z = (c * &y - a).mean().unwrap() + (b * c).sum();
    z + (&y * &y).sum_axis(Axis(0)).sum() + (2.0 - a).mean_axis(Axis(1)).unwrap().sum()
}

#[differentiable]
fn products(w: &Array2<f64>, x: &Array2<f64>, v: &ndarray::Array1<f64>) -> f64 {
    let h = x.dot(w).mapv(f64::tanh);
    let u = h.dot(v);
    let s = v.dot(&w.t());
    u.dot(&u) + s.sum() + v.dot(v) + u.outer(v).sum()
}

#[differentiable(wrt(logits))]
fn cross_entropy(logits: &Array2<f64>, onehot: &Array2<f64>) -> f64 {
    (logits.logsumexp(Axis(1)).sum() - (logits * onehot).sum()) + logits.softmax(Axis(0)).powi(2).sum()
}

#[differentiable]
fn two_layers(w1: &Array2<f64>, w2: Array2<f64>, x: &Array2<f64>) -> f64 {
    let h = layer(w1, x);
    let out = layer(&w2, &h);
    (&out * &out).sum()
}

#[differentiable]
fn view_input(x: ArrayView1<f64>, w: ArrayView2<'_, f64>) -> f64 {
    (x.mapv(f64::exp) - 1.0).sum() + w.t().dot(&x).sum()
}

#[differentiable(wrt(x))]
fn masked(x: &Array2<f64>, scale: f64) -> f64 {
    let relu = x.mapv(|v| if v < 0.0 { 0.0 } else { v });
    let soft = x.mapv(|v: f64| {
        let e = (-v.abs()).exp();
        scale * (v.max(0.0) + e.ln_1p())
    });
    (relu * soft).sum()
}

#[differentiable]
fn shapes(a: &Array2<f64>, v: &Array1<f64>) -> f64 {
    let corner = a[[0, 1]] * v[2];
    let top = a.slice(s![..2, 1..]);
    let r = a.row(1);
    let c = a.column(0);
    let picked = a.select(Axis(1), &[0, 2, 2]);
    let flat = a.to_shape(12).unwrap();
    let lifted = v.view().insert_axis(Axis(0));
    let swapped = a.view().permuted_axes([1, 0]);
    corner
        + (&top * &top).sum()
        + r.dot(&c.slice(s![..3]))
        + picked.mapv(f64::sin).sum()
        + (&flat * &flat).mean().unwrap()
        + (&lifted * &r.slice(s![..3])).sum()
        + swapped.index_axis(Axis(0), 1).mapv(f64::exp).sum()
        + a.view().into_shape_with_order((2, 6)).unwrap().sum_axis(Axis(1)).dot(&v.slice(s![..2]))
}

#[differentiable]
fn layers(ws: &[Array2<f64>], x: &Array1<f64>, more: Vec<Array1<f64>>) -> f64 {
    let h = ws[0].dot(x).mapv(f64::tanh);
    let out = ws[1].dot(&h);
    out[0] * out[1] + ws[0][[1, 2]] * x[2] + more[0].sum()
}

#[differentiable]
fn methods(x: &Array2<f64>, u: &Array1<f64>, v: &Array1<f64>) -> f64 {
    let e = x.tanh() * x.exp() - x.sin().abs() + x.cos().powi(2);
    e.sum() + e.amax() - x.amin() + u.norm_l2() + x.view().reversed_axes().dot(u).sum() + v.to_owned().sum()
}

#[differentiable]
fn joined(a: &Array2<f64>, b: &Array2<f64>, v: &Array1<f64>) -> f64 {
    let rows = concatenate(Axis(0), &[a.view(), b.view()]).unwrap();
    let pair = stack(Axis(0), &[v.view(), v.mapv(f64::sin).view()]).unwrap();
    (&rows * &rows).sum() + pair.dot(v).sum()
}

#[differentiable(wrt(w, x))]
fn recurrent(w: &Array2<f64>, x: &Array1<f64>, steps: usize) -> f64 {
    let mut h = x.clone();
    let mut total = 0.0;
    for k in 0..steps {
        let pre = w.dot(&h);
        h = if k % 2 == 0 { pre.mapv(f64::tanh) } else { pre.mapv(|v| v.max(0.0)) + &h * 0.5 };
        total += h.sum();
    }
    total + x.sum() + h.norm_l2()
}

#[allow(clippy::assign_op_pattern)]
#[differentiable(wrt(x, c))]
fn smooth(x: &Array1<f64>, c: f64, passes: usize) -> f64 {
    let mut y = x.clone();
    for _ in 0..passes {
        for i in 1..y.len() {
            y[i] = y[i] + 0.5 * y[i - 1];
            y[i - 1] *= c;
        }
    }
    let mut z = Array1::zeros(3);
    z[0] = y[0] * y[1];
    z[2] += c.sin();
    (&y * &y).sum() + z.sum()
}

#[differentiable(wrt(a, v, c))]
fn patched(a: &Array2<f64>, v: &Array1<f64>, c: f64) -> f64 {
    let mut b = a.clone();
    b.slice_mut(s![1.., ..2]).assign(&v.slice(s![..2]));
    let n = b.nrows();
    for i in 0..n {
        b[[i, 2]] += c * b[[i, 0]];
    }
    let mut z = Array2::zeros((2, 3));
    z.slice_mut(s![0, ..]).assign(v);
    (&b * &b).sum() + (&z * &b.slice(s![..2, ..])).sum()
}

#[differentiable]
fn element_then_updated(a: &Array1<f64>, x: f64) -> f64 {
    let mut v = a[0];
    v -= x;
    let mut w = x * 2.0;
    if x > a[1] {
        w = a[1];
    }
    v * x + w
}

#[differentiable]
fn field(x: &Array1<f64>) -> Array1<f64> {
    let y = x.mapv(|v| v * v);
    &y * x[0] + x.sin()
}

#[differentiable(wrt(p))]
fn struct_loss(p: &Layer, x: &Array2<f64>) -> f64 {
    let h = (x.dot(&p.w) + &p.b).mapv(f64::tanh) * p.scale;
    (&h * &h).sum() + p.b.sum() * p.scale
}

#[differentiable]
fn scalar_mix(z: Complex64, w: Complex64, s: f64) -> f64 {
    let u = z * w + z.exp() - w / z + s * z;
    let v = (u.conj() * w).re + u.im * s;
    let r = (z.ln() + w.sqrt()).norm_sqr() + z.norm() + w.arg() * 0.3;
    let c = Complex64::new(s, v) + Complex64::from_polar(s, r);
    v + r + c.norm() - (-z).re
}

#[differentiable]
fn holomorphic(z: Complex64) -> Complex64 {
    z * z.exp() + z.sqrt() / (z + 2.0)
}

#[differentiable(wrt(plates))]
fn network_loss(plates: &[Array2<Complex64>], u0: &Array2<Complex64>, h: &Array2<Complex64>, y: &Array2<f64>) -> f64 {
    let mut u = u0.clone();
    for i in 0..plates.len() {
        let v = &u * &plates[i];
        u = (&v.fftshift().fft2() * h).ifft2().ifftshift();
    }
    let img = u.mapv(|z| z.norm_sqr() + z.re * z.im);
    let d = &img - y;
    (&d * &d + d.abs()).mean().unwrap()
}

#[differentiable(order = 3)]
fn hypot_atan(x: f64) -> f64 {
    (1.0 + x * x).sqrt() + x.atan() + x.powf(2.5) + x.powi(-2)
}

#[differentiable]
fn slope_energy(x: f64) -> f64 {
    let g = sinc::grad(x);
    0.5 * g * g
}

#[differentiable(order = 2)]
fn rosenbrock(x: &Array1<f64>) -> f64 {
    let a = x.slice(s![..-1]);
    let b = x.slice(s![1..]);
    let u = 1.0 - &a;
    let v = &b - &a * &a;
    (&u * &u + 100.0 * &v * &v).sum()
}

#[differentiable(order = 2, wrt(w1, w2))]
fn mlp_loss(w1: &Array2<f64>, w2: &Array1<f64>, x: &Array2<f64>, y: &Array1<f64>) -> f64 {
    let hidden = x.dot(w1).tanh();
    let out = hidden.dot(w2);
    let r = &out - y;
    (&r * &r).mean().unwrap() * 0.5
}

/// A recurrence with a branch, differentiated twice.
#[differentiable(order = 2)]
fn recurrence(x: f64, w: f64, n: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..n {
        if i % 2 == 0 {
            s = (s * w + x).sin();
        } else {
            s += x * w * 0.5;
        }
    }
    s * s
}

#[differentiable(order = 2)]
pub fn softplus(x: &Array1<f64>) -> Array1<f64> {
    x.exp().ln_1p()
}

#[differentiable(order = 2, wrt(x))]
fn controlled(x: f64, k: i32, n: usize) -> f64 {
    let mut s = match k {
        0 => x,
        1 | 2 => x * x,
        _ => x.exp(),
    };
    let mut i = 0;
    while i < n {
        s = s * 0.5 + x.sin();
        i += 1;
        if s > 4.0 {
            return s.ln();
        }
    }
    let (a, b) = (s, x * 2.0);
    a * b + f64::cos(x) + (n as f64) * 1.5
}

#[differentiable(order = 2)]
fn masked_twice(x: &Array1<f64>) -> f64 {
    x.mapv(|v| if v > 0.0 { v * v } else { 0.5 * v }).sum() + x[0] * x.dot(x)
}
