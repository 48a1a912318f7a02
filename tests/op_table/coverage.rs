//! The table is complete: every rule has an entry, in both precisions.

use super::Entry;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Runtime VJPs that no method reaches directly, and the entries that exercise them: the
/// n-ary joins behind `concatenate2`/`stack2`..., the reshape behind `into_shape_with_order`
/// and `to_shape`, and `complex::new` (exported as `complex_new`).
const BEHIND: &[(&str, &str)] = &[
    ("concatenate", "concatenate2"),
    ("stack", "stack2"),
    ("reshape", "into_shape_with_order"),
    ("new", "complex_new"),
];

/// The rule names of the macro's table (`table! { Unary false: sin cos ...; ... }` in
/// `autodiff-macros/src/rules.rs`).
fn macro_rules_table() -> BTreeSet<String> {
    let text = include_str!("../../autodiff-macros/src/rules.rs");
    let start = text.find("table! {").expect("the table in rules.rs");
    let body = &text[start + "table! {".len()..];
    let body = &body[..body.find('}').expect("the end of the table")];
    let mut names = BTreeSet::new();
    for row in body.split(';') {
        // "Unary false: sin cos ..."
        let Some((_, list)) = row.split_once(':') else { continue };
        names.extend(list.split_whitespace().map(str::to_owned));
    }
    assert!(names.len() > 90, "parsed only {} rules from rules.rs", names.len());
    names
}

/// The names `x` of the runtime's `x_vjp` functions, from the sources of `autodiff-runtime`
/// (comments and the names of macros left out).
fn runtime_vjps() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("autodiff-runtime/src");
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for item in std::fs::read_dir(&dir).expect("runtime sources") {
            let path = item.expect("directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("runtime source");
                for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                    names.extend(vjp_names(line));
                }
            }
        }
    }
    names
}

/// `x` for each identifier `x_vjp` in `line` that is not a macro (`x_vjp!`, `macro_rules! x_vjp`).
fn vjp_names(line: &str) -> Vec<String> {
    let bytes = line.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = line[from..].find("_vjp") {
        let end = from + at + "_vjp".len();
        let mut start = from + at;
        while start > 0 && is_ident(bytes[start - 1]) {
            start -= 1;
        }
        let whole_word = end == bytes.len() || !is_ident(bytes[end]);
        let macro_call = bytes.get(end) == Some(&b'!') || line[..start].trim_end().ends_with("macro_rules!");
        if whole_word && !macro_call && start < from + at && !bytes[start].is_ascii_digit() {
            out.push(line[start..from + at].to_owned());
        }
        from = end;
    }
    out
}

pub fn assert_complete(entries: &[Entry]) {
    let mut by_rule: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for e in entries {
        by_rule.entry(e.rule).or_default().insert(e.elem);
    }
    let table = macro_rules_table();
    let missing: Vec<&String> = table.iter().filter(|r| !by_rule.contains_key(r.as_str())).collect();
    assert!(missing.is_empty(), "rules of the macro's table without an entry in the operator table: {missing:?}");
    let unknown: Vec<&&str> = by_rule.keys().filter(|r| !table.contains(**r)).collect();
    assert!(unknown.is_empty(), "entries for rules the macro's table does not have: {unknown:?}");

    let behind: BTreeMap<&str, &str> = BTreeMap::from_iter(BEHIND.iter().copied());
    let runtime = runtime_vjps();
    for name in &runtime {
        let rule = behind.get(name.as_str()).copied().unwrap_or(name);
        assert!(
            by_rule.contains_key(rule),
            "the runtime's `{name}_vjp` has no entry in the operator table (add one, or name the entry that exercises it in BEHIND)"
        );
    }
    assert!(runtime.len() >= table.len(), "found only {} runtime VJPs", runtime.len());

    for (rule, elems) in &by_rule {
        for (a, b) in [("f64", "f32"), ("Complex64", "Complex32")] {
            assert_eq!(elems.contains(a), elems.contains(b), "`{rule}` is checked in one precision of {a}/{b} only");
        }
    }
}
