//! Shrinking a failing function: single-step reductions (delete a statement, keep one arm of a
//! branch in its place, replace a sub-expression by one of its arguments or by a parameter of
//! the same type), tried smallest first in a few crates at a time; the smallest version that
//! still fails the same way is kept, until no reduction fails or the time is up.

use super::ast::{Cond, Expr, Function, Param, Stmt, Ty};
use super::harness::{self, Crate, Entry};
use std::time::{Duration, Instant};

/// Candidates per round, and per crate.
const ROUND: usize = 24;
const PER_CRATE: usize = 8;

fn expr_variants(e: &Expr, params: &[Expr]) -> Vec<Expr> {
    let mut out = Vec::new();
    e.walk(&mut Vec::new(), &mut |path, node| {
        if let Expr::Form { args, ty, .. } = node {
            let children = args.iter().filter(|a| a.ty() == *ty);
            let same: Vec<&Expr> = params.iter().filter(|p| p.ty() == *ty).collect();
            for r in children.chain(same) {
                let mut v = e.clone();
                *v.at_mut(path) = r.clone();
                out.push(v);
            }
        }
    });
    out
}

fn cond_variants(c: &Cond, params: &[Expr]) -> Vec<Cond> {
    match c {
        Cond::Cmp(a, op, b) => {
            let left = expr_variants(a, params).into_iter().map(|a| Cond::Cmp(a, op, b.clone()));
            let right = expr_variants(b, params).into_iter().map(|b| Cond::Cmp(a.clone(), op, b));
            left.chain(right).collect()
        }
        Cond::Int(_) => Vec::new(),
    }
}

fn block_variants(b: &[Stmt], params: &[Expr]) -> Vec<Vec<Stmt>> {
    let mut out = Vec::new();
    for i in 0..b.len() {
        let with = |s: Vec<Stmt>| {
            let mut v = b[..i].to_vec();
            v.extend(s);
            v.extend_from_slice(&b[i + 1..]);
            v
        };
        out.push(with(Vec::new()));
        let exprs = |e: &Expr, make: &dyn Fn(Expr) -> Stmt| -> Vec<Vec<Stmt>> {
            expr_variants(e, params).into_iter().map(|e| with(vec![make(e)])).collect()
        };
        match &b[i] {
            Stmt::Let { name, mutable, init } => {
                out.extend(exprs(init, &|e| Stmt::Let { name: name.clone(), mutable: *mutable, init: e }))
            }
            Stmt::LetPair { names, init } => {
                out.extend(exprs(init, &|e| Stmt::LetPair { names: names.clone(), init: e }))
            }
            Stmt::Assign { name, op, value } => {
                out.extend(exprs(value, &|e| Stmt::Assign { name: name.clone(), op, value: e }))
            }
            Stmt::SetElem { name, index, value } => {
                out.extend(exprs(value, &|e| Stmt::SetElem { name: name.clone(), index: index.clone(), value: e }))
            }
            Stmt::Return(e) => out.extend(exprs(e, &Stmt::Return)),
            Stmt::If { arms } => {
                for (k, (cond, body)) in arms.iter().enumerate() {
                    out.push(with(body.clone()));
                    if k > 0 {
                        let mut a = arms.clone();
                        a.remove(k);
                        out.push(with(vec![Stmt::If { arms: a }]));
                    }
                    for body in block_variants(body, params) {
                        let mut a = arms.clone();
                        a[k].1 = body;
                        out.push(with(vec![Stmt::If { arms: a }]));
                    }
                    for c in cond.iter().flat_map(|c| cond_variants(c, params)) {
                        let mut a = arms.clone();
                        a[k].0 = Some(c);
                        out.push(with(vec![Stmt::If { arms: a }]));
                    }
                }
            }
            Stmt::Loop { kind, body } => {
                for body in block_variants(body, params) {
                    out.push(with(vec![Stmt::Loop { kind: kind.clone(), body }]));
                }
            }
            Stmt::Swap(_) | Stmt::Break | Stmt::Continue => {}
        }
    }
    out
}

/// Every single-step reduction of `f`, smallest first, without duplicates.
pub fn candidates(f: &Function) -> Vec<Function> {
    let params: Vec<Expr> = f
        .params
        .iter()
        .filter_map(|(n, p)| match p {
            Param::F64 => Some(Expr::var(n, Ty::S)),
            Param::Array { ty, by_ref } => Some(Expr::Var { name: n.clone(), ty: *ty, by_ref: *by_ref }),
            Param::Usize => None,
        })
        .collect();
    let mut out: Vec<Function> = block_variants(&f.body, &params)
        .into_iter()
        .map(|body| Function { body, ..f.clone() })
        .chain(expr_variants(&f.ret, &params).into_iter().map(|ret| Function { ret, ..f.clone() }))
        .collect();
    out.sort_by_key(Function::size);
    let mut seen = std::collections::HashSet::new();
    out.retain(|g| g.size() < f.size() && seen.insert(g.print()));
    out
}

/// Shrinks `f` (with its `callees`) while it still fails with `kind` at `first` or at the
/// random points of `seed`. Returns the smallest failing version and its failure message.
pub fn minimise(
    f: &Function,
    callees: &[Function],
    kind: &str,
    first: (Vec<f64>, usize),
    seed: u64,
    budget: Duration,
) -> (Function, String) {
    let start = Instant::now();
    let (mut best, mut message) = (f.clone(), String::new());
    let mut offset = 0;
    while start.elapsed() < budget {
        let all = candidates(&best);
        if offset >= all.len() {
            break;
        }
        let batch: Vec<Function> = all[offset..all.len().min(offset + ROUND)]
            .iter()
            .enumerate()
            .map(|(j, g)| Function { name: format!("{}_c{j}", f.name), ..g.clone() })
            .collect();
        let crates: Vec<Crate> = batch
            .chunks(PER_CRATE)
            .enumerate()
            .map(|(k, chunk)| Crate {
                name: format!("min{k}"),
                callees: callees.to_vec(),
                entries: chunk
                    .iter()
                    .map(|g| Entry { function: g.clone(), seed, first: Some(first.clone()) })
                    .collect(),
            })
            .collect();
        harness::write_workspace(&crates);
        let names: Vec<&str> = crates.iter().map(|c| c.name.as_str()).collect();
        let failed = harness::build(&names);
        let mut found = None;
        for c in crates.iter().filter(|c| !failed.contains_key(&c.name)) {
            let reports = harness::run(&c.name);
            for (j, g) in batch.iter().enumerate() {
                let Some(r) = reports.get(&g.name) else { continue };
                let Some((k, _, _, msg)) = &r.failure else { continue };
                if k == kind && found.as_ref().is_none_or(|(i, _): &(usize, String)| j < *i) {
                    found = Some((j, msg.clone()));
                }
            }
        }
        match found {
            Some((j, msg)) => {
                best = Function { name: f.name.clone(), ..batch[j].clone() };
                message = msg;
                offset = 0;
            }
            None => offset += ROUND,
        }
    }
    (best, message)
}
