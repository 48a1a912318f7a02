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
