//! What control flow leaves for the reverse sweep: which values can carry a non-zero adjoint,
//! what each block records per execution, and the names of tapes, tags and trip counts.

use crate::ir::{Block, BranchHead, Function, Operand, Stmt, Var};
use crate::rules::Arity;
use proc_macro2::Span;
use quote::format_ident;
use std::collections::BTreeSet;
use syn::Ident;

/// The tape (or single-entry slot) that holds one record per execution of a block.
pub(crate) fn tape(id: usize) -> Ident {
    format_ident!("__tape{}", id, span = Span::mixed_site())
}

/// Which arm of a branch ran.
pub(crate) fn tag(id: usize) -> Ident {
    format_ident!("__tag{}", id, span = Span::mixed_site())
}

/// How many iterations a loop ran.
pub(crate) fn count(id: usize) -> Ident {
    format_ident!("__n{}", id, span = Span::mixed_site())
}

/// Values whose adjoint can be non-zero: the output's, and, going backwards, the inputs of
/// every statement whose result is reached; through branches and loops to a fixpoint.
pub(crate) fn reached(f: &Function) -> BTreeSet<Var> {
    let mut set = BTreeSet::new();
    let mut out = Vec::new();
    f.output.vars(&mut out);
    set.extend(out);
    loop {
        let n = set.len();
        walk(&f.body, &mut set);
        if set.len() == n {
            return set;
        }
    }
}

fn walk(b: &Block, set: &mut BTreeSet<Var>) {
    for stmt in b.stmts.iter().rev() {
        match stmt {
            Stmt::Inactive(_) => {}
            Stmt::Op(op) => {
                if set.contains(&op.dst) {
                    set.extend(op.args.iter().filter_map(var_of));
                }
            }
            Stmt::Call(call) => {
                let mut dst = Vec::new();
                call.dst.vars(&mut dst);
                if dst.iter().any(|v| set.contains(v)) {
                    set.extend(dst);
                    set.extend(call.args.iter().filter_map(var_of));
                }
            }
            Stmt::Branch(br) => {
                for (k, o) in br.outputs.iter().enumerate() {
                    if set.contains(o) {
                        set.extend(br.arms.iter().filter_map(|a| var_of(&a.values[k])));
                    }
                }
                for arm in &br.arms {
                    walk(&arm.block, set);
                }
            }
            Stmt::Loop(l) => {
                for s in &l.slots {
                    if set.contains(&s.var) {
                        set.extend(var_of(&s.end));
                        set.extend(var_of(&s.init));
                    }
                }
                walk(&l.body, set);
            }
        }
    }
}

pub(crate) fn var_of(op: &Operand) -> Option<Var> {
    match op {
        Operand::Var(v) => Some(*v),
        Operand::Const(_) => None,
    }
}

/// The values the forward sweep keeps from one execution of `b` for the reverse sweep: its
/// rules' saved partials, its calls' pullbacks, its branches' tags and its loops' counts.
pub(crate) fn record(f: &Function, b: &Block, reached: &BTreeSet<Var>) -> Vec<Ident> {
    let available = available(f);
    let mut items = Vec::new();
    for stmt in &b.stmts {
        match stmt {
            Stmt::Op(op) if reached.contains(&op.dst) => items.extend(saved(f, op, &available)),
            Stmt::Call(call) => {
                let first = super::forward::first_var(&call.dst);
                let mut dst = Vec::new();
                call.dst.vars(&mut dst);
                if dst.iter().any(|v| reached.contains(v)) {
                    items.push(super::pullback(f, first));
                }
            }
            Stmt::Branch(br) if has_tag(&br.head) && branch_work(br, reached) => items.push(tag(br.id)),
            Stmt::Loop(l) if loop_work(l, reached) => items.push(count(l.id)),
            _ => {}
        }
    }
    items
}

/// Whether the reverse sweep has anything to do for a block: a reached rule or call, or a
/// branch or loop with work.
pub(crate) fn block_work(b: &Block, reached: &BTreeSet<Var>) -> bool {
    b.stmts.iter().any(|s| match s {
        Stmt::Inactive(_) => false,
        Stmt::Op(op) => reached.contains(&op.dst),
        Stmt::Call(call) => {
            let mut dst = Vec::new();
            call.dst.vars(&mut dst);
            dst.iter().any(|v| reached.contains(v))
        }
        Stmt::Branch(br) => branch_work(br, reached),
        Stmt::Loop(l) => loop_work(l, reached),
    })
}

/// Whether reversing a branch does anything: an output carries an adjoint, or an arm has work.
pub(crate) fn branch_work(br: &crate::ir::Branch, reached: &BTreeSet<Var>) -> bool {
    br.outputs.iter().any(|o| reached.contains(o)) || br.arms.iter().any(|a| block_work(&a.block, reached))
}

/// Whether reversing a loop does anything: a slot carries an adjoint, or the body has work.
pub(crate) fn loop_work(l: &crate::ir::Loop, reached: &BTreeSet<Var>) -> bool {
    l.slots.iter().any(|s| reached.contains(&s.var)) || block_work(&l.body, reached)
}

/// A branch with more than one arm records which one ran.
pub(crate) fn has_tag(head: &BranchHead) -> bool {
    !matches!(head, BranchHead::Block)
}

/// The partials a rule saves: one for a unary rule, one per active argument of a binary or
/// ternary rule, none for a linear rule. A product needs none for an argument whose partial
/// (the other argument) is a scalar the reverse sweep can read itself (see
/// [`reused_partial`]), and one for both arguments of a square `x * x`.
pub(crate) fn saved(f: &Function, op: &crate::ir::Op, available: &BTreeSet<Var>) -> Vec<Ident> {
    if op.rule.linear {
        return Vec::new();
    }
    match op.rule.arity {
        Arity::Unary | Arity::IntPow => vec![super::saved(f, op.dst)],
        Arity::Binary | Arity::Ternary => {
            let mut out: Vec<Ident> = Vec::new();
            for (i, a) in op.args.iter().enumerate() {
                if matches!(a, Operand::Var(_)) && reused_partial(op, i, available).is_none() {
                    let p = partial_name(f, op, i);
                    if !out.contains(&p) {
                        out.push(p);
                    }
                }
            }
            out
        }
    }
}

/// For a product `a * b`, the partial with respect to argument `i` is the other argument;
/// when that is a pure constant or a value the reverse sweep can read (a parameter or a value
/// computed once at the top of the function), it is read there instead of saved.
pub(crate) fn reused_partial<'o>(op: &'o crate::ir::Op, i: usize, available: &BTreeSet<Var>) -> Option<&'o Operand> {
    if op.rule.name != "mul" {
        return None;
    }
    let other = &op.args[1 - i];
    match other {
        Operand::Var(v) if available.contains(v) => Some(other),
        Operand::Const(_) if op.pure[1 - i] => Some(other),
        _ => None,
    }
}

/// The name of the saved partial `∂y/∂xᵢ`; the two partials of a square `x * x` share one.
pub(crate) fn partial_name(f: &Function, op: &crate::ir::Op, i: usize) -> Ident {
    if op.rule.name == "mul"
        && i == 1
        && matches!((&op.args[0], &op.args[1]), (Operand::Var(a), Operand::Var(b)) if a == b)
    {
        return partial(f, op.dst, 0);
    }
    partial(f, op.dst, i)
}

/// Values the reverse sweep can read wherever it is: the parameters and the values defined
/// once at the top of the function (not the slots of its loops, which change).
pub(crate) fn available(f: &Function) -> BTreeSet<Var> {
    let mut out = Vec::new();
    if !f.scalar {
        // Values of unknown type may be arrays, which a partial must own.
        return BTreeSet::new();
    }
    for p in &f.params {
        if let Some(pat) = &p.active {
            pat.vars(&mut out);
        }
    }
    for stmt in &f.body.stmts {
        match stmt {
            Stmt::Op(op) => out.push(op.dst),
            Stmt::Call(call) => call.dst.vars(&mut out),
            Stmt::Branch(br) => out.extend(&br.outputs),
            Stmt::Loop(_) | Stmt::Inactive(_) => {}
        }
    }
    out.into_iter().collect()
}

/// The saved partial `∂y/∂xᵢ` of a binary or ternary rule.
pub(crate) fn partial(f: &Function, v: Var, i: usize) -> Ident {
    format_ident!("__{}_d{}", f.ident(v), i, span = Span::mixed_site())
}

/// The values a block defines, whose adjoints the reverse of that block declares.
pub(crate) fn defined(b: &Block) -> Vec<Var> {
    let mut out = Vec::new();
    for stmt in &b.stmts {
        match stmt {
            Stmt::Op(op) => out.push(op.dst),
            Stmt::Call(call) => call.dst.vars(&mut out),
            Stmt::Branch(br) => out.extend(&br.outputs),
            Stmt::Loop(l) => out.extend(l.slots.iter().map(|s| s.var)),
            Stmt::Inactive(_) => {}
        }
    }
    out
}

/// Every block with a non-empty record, and whether it runs inside a loop (a tape of many
/// records) or at most once (a single slot).
pub(crate) fn tapes(f: &Function, reached: &BTreeSet<Var>) -> Vec<(usize, bool)> {
    fn visit(f: &Function, b: &Block, in_loop: bool, reached: &BTreeSet<Var>, out: &mut Vec<(usize, bool)>) {
        for stmt in &b.stmts {
            match stmt {
                Stmt::Branch(br) => {
                    for arm in &br.arms {
                        if !record(f, &arm.block, reached).is_empty() {
                            out.push((arm.block.id, in_loop));
                        }
                        visit(f, &arm.block, in_loop, reached, out);
                    }
                }
                Stmt::Loop(l) => {
                    if !record(f, &l.body, reached).is_empty() {
                        out.push((l.body.id, true));
                    }
                    visit(f, &l.body, true, reached, out);
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    visit(f, &f.body, false, reached, &mut out);
    out
}
