//! The macro never panics: mutated versions of valid functions (tokens dropped, swapped,
//! duplicated) must expand to Rust that parses, or to the user's tokens plus
//! `compile_error!`.

use proc_macro2::{TokenStream, TokenTree};
use quote::quote;

const SEEDS: &[&str] = &[
    "fn f(x: f64, y: f64) -> f64 { let z = x * y.sin(); let mut s = z; s += (x / y).exp(); s }",
    "fn g(p: (f64, f64), n: usize) -> (f64, f64) { let (a, b) = p; let k = n as f64; return (a.powi(2) * k, b.atan2(a)); }",
    "fn h(x: f32, w: f32) -> f32 { let t = x.max(w).ln_1p(); let (u, v) = other(t, 2.0); -u * v + (x > w) as i32 as f32 }",
];

/// Flattens a stream into a list of trees and rebuilds it, so that mutations can reach
/// inside groups.
fn mutate(ts: &TokenStream, rng: &mut u64) -> TokenStream {
    let mut items: Vec<TokenTree> = ts.clone().into_iter().collect();
    if items.is_empty() {
        return TokenStream::new();
    }
    let i = (next(rng) as usize) % items.len();
    match next(rng) % 4 {
        0 => {
            items.remove(i);
        }
        1 if items.len() > 1 => {
            let j = (i + 1) % items.len();
            items.swap(i, j);
        }
        2 => {
            let t = items[i].clone();
            items.insert(i, t);
        }
        _ => {
            if let TokenTree::Group(g) = &items[i] {
                let inner = mutate(&g.stream(), rng);
                let mut ng = proc_macro2::Group::new(g.delimiter(), inner);
                ng.set_span(g.span());
                items[i] = TokenTree::Group(ng);
            } else {
                items.remove(i);
            }
        }
    }
    items.into_iter().collect()
}

fn next(rng: &mut u64) -> u64 {
    *rng ^= *rng << 13;
    *rng ^= *rng >> 7;
    *rng ^= *rng << 17;
    *rng
}

#[test]
fn mutated_inputs_never_panic() {
    let mut rng = 0x2545_f491_4f6c_dd1d_u64;
    let mut tried = 0;
    for seed in SEEDS {
        let base: TokenStream = seed.parse().unwrap();
        for _ in 0..700 {
            let mut item = base.clone();
            for _ in 0..1 + next(&mut rng) % 3 {
                item = mutate(&item, &mut rng);
            }
            let args = if next(&mut rng) % 5 == 0 { quote!(wrt(x, q)) } else { TokenStream::new() };
            let out = std::panic::catch_unwind(|| crate::expand::differentiable(args.clone(), item.clone()))
                .unwrap_or_else(|_| panic!("macro panicked on `{item}` with args `{args}`"));
            let text = out.to_string();
            let ok = text.contains("compile_error") || syn::parse2::<syn::File>(out).is_ok();
            assert!(ok, "expansion of `{item}` is neither valid Rust nor an error:\n{text}");
            tried += 1;
        }
    }
    assert_eq!(tried, 2100);
}
