//! Golden expansions: `tests/expand/<case>.rs` expanded and pretty-printed must equal
//! `tests/expand/<case>.expanded.rs`. Regenerate with `UPDATE_EXPAND=1 cargo test -p
//! autodiff-macros golden`, then review the diff.

use proc_macro2::TokenStream;
use quote::ToTokens;
use std::path::Path;

/// Expands every item of `file` that carries `#[differentiable]` or `#[primitive]`.
fn expand_file(source: &str) -> String {
    let file: syn::File = syn::parse_str(source).expect("case parses");
    let mut out = TokenStream::new();
    for item in file.items {
        let syn::Item::Fn(mut func) = item else {
            out.extend(item.into_token_stream());
            continue;
        };
        let pos = func.attrs.iter().position(|a| a.path().is_ident("differentiable") || a.path().is_ident("primitive"));
        let Some(pos) = pos else {
            out.extend(func.into_token_stream());
            continue;
        };
        let attr = func.attrs.remove(pos);
        let args = match &attr.meta {
            syn::Meta::List(list) => list.tokens.clone(),
            _ => TokenStream::new(),
        };
        let item = func.into_token_stream();
        out.extend(if attr.path().is_ident("differentiable") {
            crate::expand::differentiable(args, item)
        } else {
            crate::primitive::expand(args, item)
        });
    }
    let file: syn::File = syn::parse2(out).expect("expansion parses as Rust");
    prettyplease::unparse(&file)
}

#[test]
fn golden_expansions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expand");
    let update = std::env::var_os("UPDATE_EXPAND").is_some();
    let mut cases = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir).expect("tests/expand").flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".rs") || name.ends_with(".expanded.rs") {
            continue;
        }
        cases += 1;
        let expanded = expand_file(&std::fs::read_to_string(&path).unwrap());
        let golden = path.with_extension("expanded.rs");
        if update {
            std::fs::write(&golden, &expanded).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&golden)
            .unwrap_or_else(|_| panic!("missing {}; run with UPDATE_EXPAND=1", golden.display()));
        assert_eq!(expanded, want, "expansion of {name} changed; review it and run with UPDATE_EXPAND=1");
    }
    assert!(cases >= 4, "expected the golden cases in {}", dir.display());
}

/// The expansion depends on the input only: every golden case expands to the same tokens
/// twice in a row and from a fresh parse of the same text (no counters, maps or clocks leak
/// into the output).
#[test]
fn expansions_are_deterministic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expand");
    let mut cases = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/expand").flatten() {
        let path = entry.path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".rs") || name.ends_with(".expanded.rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        let first = expand_file(&source);
        assert_eq!(first, expand_file(&source), "{name} expands differently the second time");
        let reparsed = prettyplease::unparse(&syn::parse_str::<syn::File>(&source).unwrap());
        assert_eq!(first, expand_file(&reparsed), "{name} expands differently after a reformatting");
        cases += 1;
    }
    assert!(cases >= 4);
}

/// A 200-line function (straight-line arithmetic, branches and a loop) expands to code that
/// parses; run with `--nocapture` to see how long the expansion takes.
#[test]
fn two_hundred_line_function_expands() {
    let mut body = String::from("fn big(x: f64, y: f64, n: usize) -> f64 {\n    let mut s = x * y;\n");
    let mut lines = 2;
    while lines < 196 {
        let k = lines;
        body.push_str(&match k % 6 {
            0 => format!("    let a{k} = (s * 0.5 + y).sin() * x.cos();\n"),
            1 => format!("    s = s + a{} * 0.25 - (x / (1.0 + y * y)).exp();\n", k - 1),
            2 => format!("    if s > {k}.0 {{ s = s.sqrt(); }} else {{ s = s * 1.01 + x; }}\n"),
            3 => format!("    let b{k} = s.tanh().powi(2) + y.atan2(x) * {k}.0;\n"),
            4 => format!("    for _ in 0..n {{ s = s * 0.99 + b{}.ln_1p().abs() * 1e-3; }}\n", k - 1),
            _ => "    s = s.max(x).min(1e6) + x.hypot(y);\n".to_string(),
        });
        lines += 1;
    }
    body.push_str("    s\n}\n");
    assert_eq!(body.lines().count(), 198);
    let item: proc_macro2::TokenStream = body.parse().unwrap();
    let start = std::time::Instant::now();
    let out = crate::expand::differentiable(TokenStream::new(), item);
    let elapsed = start.elapsed();
    let text = out.to_string();
    assert!(!text.contains("compile_error"), "{text}");
    let file: syn::File = syn::parse2(out).expect("expansion parses");
    let generated = prettyplease::unparse(&file).lines().count();
    println!("expanded a 198-line function into {generated} lines in {elapsed:?}");
}
