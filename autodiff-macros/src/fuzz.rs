//! The macro never panics, and its errors point inside the input: mutated versions of valid
//! functions go through [`expand::try_expand`], the path of the proc macro, and each must give
//!
//! * an expansion that parses as Rust, or
//! * errors whose `compile_error!` tokens all carry a span inside the mutated attribute
//!   arguments or item: not the call site, nor tokens that the macro made up;
//!
//! and for errors, [`expand::differentiable`], the proc macro's entry, must give the item
//! unchanged followed by exactly these errors, spans included.
//!
//! The seeds are the 46 functions of `tests/fuzz/seeds.rs`, each of which must expand to code
//! that parses, and the same through `differentiable`. They are parsed from that text, so every
//! token has a location (proc-macro2's `span-locations`, enabled for tests only). A case takes
//! a seed, one time in four with the attribute arguments of another seed, and applies 1 to 4
//! mutations, each to a token chosen uniformly at any depth of the arguments (one time in five
//! if there are any) or of the item: drop it, swap it with the next one, duplicate it, replace
//! it with a token of a seed or of [`EXTRA_TOKENS`], or insert such a token before it (the new
//! token takes its span). [`CASES_PER_SEED`] cases per seed make 10,120 cases, about 15 s in
//! a debug build; `FUZZ_SEED=n` draws others.
//! The inputs that showed bugs are checked the same way, from `tests/fuzz/regressions.rs`.

use crate::expand;
use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::quote;
use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};

const SEEDS: &str = include_str!("../tests/fuzz/seeds.rs");
const REGRESSIONS: &str = include_str!("../tests/fuzz/regressions.rs");

/// Tokens that the seeds lack, for replacements and insertions.
const EXTRA_TOKENS: &str = "where unsafe async const impl dyn self Self mut ref move static struct ? 'a @ | & && \
                            .. ..= -> :: ; , < > = == => ! # _ () [] {} 1u8 -1.5e3 'c' \"s\" true";

/// Mutated cases drawn from each seed.
const CASES_PER_SEED: usize = 220;

/// One `#[differentiable(args)] item`.
struct Case {
    name: String,
    args: TokenStream,
    item: TokenStream,
}

/// The `#[differentiable]` functions of `source`, as the tokens that the proc macro would get
/// (not printed back by syn, which drops an empty `where`, say), with their spans in `source`.
/// A function ends at its first top-level `{ ... }`.
fn cases(source: &str) -> Vec<Case> {
    let tokens: Vec<TokenTree> = source.parse::<TokenStream>().expect("the cases tokenize").into_iter().collect();
    let (mut cases, mut item, mut args) = (Vec::new(), Vec::new(), None);
    let mut i = 0;
    while i < tokens.len() {
        if let (TokenTree::Punct(p), Some(TokenTree::Group(attr))) = (&tokens[i], tokens.get(i + 1)) {
            let mut inner = attr.stream().into_iter();
            if p.as_char() == '#' && matches!(inner.next(), Some(TokenTree::Ident(id)) if id == "differentiable") {
                args = Some(inner.next().map_or_else(TokenStream::new, |t| match t {
                    TokenTree::Group(g) => g.stream(),
                    t => panic!("`#[differentiable{t}` is not a list of arguments"),
                }));
                i += 2;
                continue;
            }
        }
        item.push(tokens[i].clone());
        if matches!(&tokens[i], TokenTree::Group(g) if g.delimiter() == proc_macro2::Delimiter::Brace) {
            let name = item.iter().skip_while(|t| t.to_string() != "fn").nth(1).map(ToString::to_string);
            cases.push(Case {
                name: name.expect("a function"),
                args: args.take().expect("every case is #[differentiable]"),
                item: item.drain(..).collect(),
            });
        }
        i += 1;
    }
    cases
}

/// Every token of `ts` that is not a group, at any depth.
fn leaves(ts: &TokenStream, out: &mut Vec<TokenTree>) {
    for t in ts.clone() {
        match t {
            TokenTree::Group(g) => leaves(&g.stream(), out),
            t => out.push(t),
        }
    }
}

/// The number of tokens of `ts`, groups and their contents.
fn count(ts: &TokenStream) -> usize {
    ts.clone().into_iter().map(|t| 1 + if let TokenTree::Group(g) = t { count(&g.stream()) } else { 0 }).sum()
}

/// A mutation of one token.
enum Edit {
    Drop,
    SwapWithNext,
    Duplicate,
    Replace(TokenTree),
    InsertBefore(TokenTree),
}

/// `t` at `span`.
fn respanned(t: &TokenTree, span: Span) -> TokenTree {
    let mut t = t.clone();
    t.set_span(span);
    t
}

/// Applies `edit` to the `k`-th token of `ts` in depth-first order, a group counting before
/// its contents.
fn edit_at(ts: TokenStream, mut k: usize, edit: &Edit) -> TokenStream {
    let mut items: Vec<TokenTree> = ts.into_iter().collect();
    let len = items.len();
    for i in 0..len {
        if k == 0 {
            match edit {
                Edit::Drop => {
                    items.remove(i);
                }
                Edit::SwapWithNext => items.swap(i, (i + 1) % len),
                Edit::Duplicate => items.insert(i, items[i].clone()),
                Edit::Replace(t) => items[i] = respanned(t, items[i].span()),
                Edit::InsertBefore(t) => items.insert(i, respanned(t, items[i].span())),
            }
            break;
        }
        k -= 1;
        if let TokenTree::Group(g) = &items[i] {
            let n = count(&g.stream());
            if k < n {
                let mut new = Group::new(g.delimiter(), edit_at(g.stream(), k, edit));
                new.set_span(g.span());
                items[i] = TokenTree::Group(new);
                break;
            }
            k -= n;
        }
    }
    items.into_iter().collect()
}

/// Tokens to put in place of others: one time in four from [`EXTRA_TOKENS`], else from the
/// seeds.
struct Pool {
    extra: Vec<TokenTree>,
    seeds: Vec<TokenTree>,
}

impl Pool {
    fn pick(&self, rng: &mut u64) -> TokenTree {
        let from = if next(rng) % 4 == 0 { &self.extra } else { &self.seeds };
        from[next(rng) as usize % from.len()].clone()
    }
}

/// `ts` with one token, chosen uniformly at any depth, dropped, swapped, duplicated, or
/// replaced by or preceded by one of `pool`.
fn mutate(ts: TokenStream, rng: &mut u64, pool: &Pool) -> TokenStream {
    let n = count(&ts);
    if n == 0 {
        return ts;
    }
    let k = next(rng) as usize % n;
    let edit = match next(rng) % 5 {
        0 => Edit::Drop,
        1 => Edit::SwapWithNext,
        2 => Edit::Duplicate,
        3 => Edit::Replace(pool.pick(rng)),
        _ => Edit::InsertBefore(pool.pick(rng)),
    };
    edit_at(ts, k, &edit)
}

/// xorshift64.
fn next(rng: &mut u64) -> u64 {
    *rng ^= *rng << 13;
    *rng ^= *rng >> 7;
    *rng ^= *rng << 17;
    *rng
}

/// The byte range of its source text that the tokens of `ts` cover.
fn extent(ts: &TokenStream) -> Option<Range<usize>> {
    let ranges = ts.clone().into_iter().map(|t| t.span().byte_range());
    ranges.reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
}

/// Where `span` points, for failure messages: `line:column..line:column` of its source text,
/// and the text there.
fn describe(span: Span) -> String {
    let (a, b) = (span.start(), span.end());
    match span.source_text() {
        Some(text) => format!("{}:{}..{}:{} `{text}`", a.line, a.column, b.line, b.column),
        None => "the call site".to_string(),
    }
}

/// Whether `a` and `b` are the same tokens with the same spans.
fn same(a: &TokenStream, b: &TokenStream) -> bool {
    let spans = |ts: &TokenStream| {
        let mut tokens = Vec::new();
        leaves(ts, &mut tokens);
        tokens.iter().map(|t| format!("{:?}", t.span())).collect::<Vec<_>>()
    };
    a.to_string() == b.to_string() && spans(a) == spans(b)
}

/// Checks one case; `Err` says what is wrong.
fn check(args: &TokenStream, item: &TokenStream) -> Result<(), String> {
    let expanded = catch_unwind(AssertUnwindSafe(|| expand::try_expand(args.clone(), item.clone())))
        .map_err(|_| "the macro panicked".to_string())?;
    let err = match expanded {
        Ok(out) => {
            return syn::parse2::<syn::File>(out)
                .map(drop)
                .map_err(|e| format!("the expansion does not parse: `{e}` at {}", describe(e.span())));
        }
        Err(err) => err,
    };
    // The arguments and the item come from one source text, which `anchor` is in.
    let anchor = item.clone().into_iter().chain(args.clone()).next().map(|t| t.span());
    let inputs: Vec<Range<usize>> = [args, item].into_iter().filter_map(extent).collect();
    let inside = |s: Span| {
        let r = s.byte_range();
        anchor.and_then(|a| a.join(s)).is_some() && inputs.iter().any(|i| i.start <= r.start && r.end <= i.end)
    };
    for e in err.clone() {
        let mut tokens = Vec::new();
        leaves(&e.to_compile_error(), &mut tokens);
        if let Some(t) = tokens.iter().find(|t| !inside(t.span())) {
            return Err(format!("error `{e}` is spanned at {}, outside the input", describe(t.span())));
        }
    }
    let out = catch_unwind(AssertUnwindSafe(|| expand::differentiable(args.clone(), item.clone())))
        .map_err(|_| "`differentiable` panicked where `try_expand` did not".to_string())?;
    let errors = err.to_compile_error();
    if !same(&out, &quote!(#item #errors)) {
        return Err(format!("`differentiable` gives `{out}`, not the item and the errors"));
    }
    Ok(())
}

#[test]
fn mutated_inputs_expand_or_fail_inside_the_input() {
    let seeds = cases(SEEDS);
    for seed in &seeds {
        let out = expand::try_expand(seed.args.clone(), seed.item.clone());
        let out = out.unwrap_or_else(|e| panic!("seed `{}` does not expand: {e}", seed.name));
        // Generated literals have fresh spans in each expansion (quote parses them): compare text.
        let again = expand::differentiable(seed.args.clone(), seed.item.clone());
        assert_eq!(out.to_string(), again.to_string(), "`differentiable` differs from `try_expand`");
        syn::parse2::<syn::File>(out).unwrap_or_else(|e| panic!("seed `{}` expands to invalid Rust: {e}", seed.name));
    }

    let mut pool =
        Pool { extra: EXTRA_TOKENS.parse::<TokenStream>().expect("tokens").into_iter().collect(), seeds: Vec::new() };
    seeds.iter().for_each(|s| leaves(&s.item, &mut pool.seeds));
    let other_args: Vec<&TokenStream> = seeds.iter().map(|s| &s.args).filter(|a| !a.is_empty()).collect();
    let env = std::env::var("FUZZ_SEED").ok().and_then(|s| s.parse().ok());
    let start: u64 = env.filter(|&s| s != 0).unwrap_or(0x2545_f491_4f6c_dd1d);
    let mut rng = start;
    let (mut cases, mut failures) = (0, Vec::new());
    for seed in &seeds {
        for _ in 0..CASES_PER_SEED {
            let mut args = seed.args.clone();
            if next(&mut rng) % 4 == 0 {
                args = other_args[next(&mut rng) as usize % other_args.len()].clone();
            }
            let mut item = seed.item.clone();
            for _ in 0..1 + next(&mut rng) % 4 {
                if !args.is_empty() && next(&mut rng) % 5 == 0 {
                    args = mutate(args, &mut rng, &pool);
                } else {
                    item = mutate(item, &mut rng, &pool);
                }
            }
            cases += 1;
            if let Err(why) = check(&args, &item) {
                failures.push(format!("seed `{}`, #[differentiable({args})]\n{item}\n=> {why}", seed.name));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed (FUZZ_SEED={start}); the first ones:\n\n{}",
        failures.len(),
        failures[..failures.len().min(10)].join("\n\n")
    );
    assert_eq!(cases, 10_120, "the module documentation gives the number of cases");
}

#[test]
fn regressions_expand_or_fail_inside_the_input() {
    let failures: Vec<String> = cases(REGRESSIONS)
        .iter()
        .filter_map(|case| check(&case.args, &case.item).err().map(|why| format!("`{}`: {why}", case.name)))
        .collect();
    assert!(failures.is_empty(), "regressions:\n{}", failures.join("\n"));
}
