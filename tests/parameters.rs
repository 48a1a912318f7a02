//! Model structs with `#[derive(Parameters)]`: fields read in `#[differentiable]` code,
//! gradients of the struct's shape, optimizer steps over every field.

use autodiff_runtime::ndarray::{Array1, Array2, array};
use autodiff_runtime::optim::{Adam, Optimizer};
use autodiff_runtime::{Parameters, differentiable};

#[derive(Clone, Debug, PartialEq, Parameters)]
struct Layer {
    w: Array2<f64>,
    b: Array1<f64>,
    scale: f64,
}

#[differentiable(wrt(p))]
fn loss(p: &Layer, x: &Array2<f64>) -> f64 {
    let h = (x.dot(&p.w) + &p.b).mapv(f64::tanh) * p.scale;
    (&h * &h).sum() + p.b.sum() * p.scale
}

fn layer() -> Layer {
    Layer {
        w: Array2::from_shape_fn((3, 2), |(i, j)| ((i * 2 + j) as f64 * 0.7).sin()),
        b: array![0.1, -0.3],
        scale: 1.5,
    }
}

#[test]
fn fields_get_their_gradients() {
    let (p, x) = (layer(), array![[0.5, -1.0, 2.0], [0.3, 0.2, -0.1]]);
    let g = loss::grad(&p, &x);
    let h = 1e-6;
    let mut flat = p.flatten();
    let gf = g.flatten();
    assert_eq!(flat.len(), 3 * 2 + 2 + 1);
    for i in 0..flat.len() {
        let bump = |d: f64, flat: &mut Vec<f64>| {
            let mut q = p.clone();
            flat[i] += d;
            q.unflatten_from(flat);
            flat[i] -= d;
            loss(&q, &x)
        };
        let fd = (bump(h, &mut flat) - bump(-h, &mut flat)) / (2.0 * h);
        assert!((gf[i] - fd).abs() < 1e-7 * (1.0 + fd.abs()), "parameter {i}: {} vs {fd}", gf[i]);
    }
    // Forward mode along the gradient itself gives its squared norm.
    let (_, d) = loss::jvp(&p, &x, g.clone());
    assert!((d - gf.iter().map(|v| v * v).sum::<f64>()).abs() < 1e-9);
}

#[test]
fn optimizers_step_over_every_field() {
    let x = array![[0.5, -1.0, 2.0], [0.3, 0.2, -0.1]];
    let mut p = layer();
    let mut adam = Adam::new(&p, 0.05);
    let first = loss(&p, &x);
    for _ in 0..50 {
        let g = loss::grad(&p, &x);
        adam.step(&mut p, &g);
    }
    assert!(loss(&p, &x) < first - 1.0, "{first} -> {}", loss(&p, &x));
}
