//! The forward sweep of the pullback: the primal, keeping what the reverse sweep needs.
//!
//! Straight-line code keeps it in plain locals, which the pullback closure captures. A block
//! inside a branch or loop pushes one record per execution (its saved partials, its calls'
//! pullbacks, its branches' tags and its loops' trip counts) onto its own tape.

use super::control::{self, branch_work, count, has_tag, loop_work, partial_name, record, tag, tape};
use super::{callee, operand, pat, pullback, saved};
use crate::ir::{Block, Branch, BranchHead, Function, Loop, LoopHead, Op, Operand, Pat, Stmt, Var};
use crate::rules::Arity;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use std::collections::BTreeSet;

/// Shape before and after, for `let y = x.sin() * w;`:
/// ```text
/// let (t0, __t0_d) = __ad::ops::sin(&x);                  // value and ∂t0/∂x
/// let (y, (__y_d0, __y_d1)) = __ad::ops::mul(&t0, &w);    // value and (∂y/∂t0, ∂y/∂w)
/// ```
pub fn sweep(f: &Function, reached: &BTreeSet<Var>) -> TokenStream {
    let mut out = TokenStream::new();
    for (id, many) in control::tapes(f, reached) {
        let t = tape(id);
        out.extend(if many {
            quote!(let mut #t = __ad::Tape::new();)
        } else {
            quote!(let mut #t = __ad::Slot::new();)
        });
    }
    let g = Fwd { f, reached, available: control::available(f) };
    out.extend(g.block(&f.body, true));
    out
}

struct Fwd<'a> {
    f: &'a Function,
    reached: &'a BTreeSet<Var>,
    available: BTreeSet<Var>,
}

impl Fwd<'_> {
    fn block(&self, b: &Block, top: bool) -> TokenStream {
        let mut out = TokenStream::new();
        // The parameters are bound by the leading constant statements of the body.
        let bound = if top { b.stmts.iter().take_while(|s| matches!(s, Stmt::Inactive(_))).count() } else { 0 };
        if top && bound == 0 {
            out.extend(self.shapes());
        }
        for (k, stmt) in b.stmts.iter().enumerate() {
            if top && k == bound && k > 0 {
                out.extend(self.shapes());
            }
            out.extend(match stmt {
                Stmt::Inactive(tokens) => tokens.clone(),
                Stmt::Op(op) => op_fwd(self.f, op, &self.available),
                Stmt::Call(call) => {
                    let dst = pat(self.f, &call.dst, &|f, v| f.ident(v).to_token_stream());
                    let pb = pullback(self.f, first_var(&call.dst));
                    let path = callee(&call.path);
                    let args = call.args.iter().enumerate().map(|(i, a)| call.arg_tokens(i, operand(self.f, a)));
                    quote_spanned!(call.span=> let (#dst, #pb) = #path::__pullback(#(#args),*);)
                }
                Stmt::Branch(br) => self.branch(br),
                Stmt::Loop(l) => self.lp(l, top),
            });
        }
        if top && bound == b.stmts.len() && bound > 0 {
            out.extend(self.shapes());
        }
        if !top {
            let items = record(self.f, b, self.reached);
            if !items.is_empty() {
                let t = tape(b.id);
                out.extend(quote!(#t.push((#(#items,)*));));
            }
        }
        out
    }

    /// Parameters' shapes, for zero cotangents: in array code the pullback keeps these
    /// instead of borrowing the parameters.
    fn shapes(&self) -> TokenStream {
        let f = self.f;
        let mut out = TokenStream::new();
        if f.scalar {
            return out;
        }
        let mut params = Vec::new();
        for p in &f.params {
            if let Some(pat) = &p.active {
                pat.vars(&mut params);
            }
        }
        for v in params {
            let (s, x) = (super::shape(f, v), operand(f, &Operand::Var(v)));
            out.extend(quote!(let #s = __ad::Value::tangent_shape(&#x);));
        }
        out
    }

    fn branch(&self, br: &Branch) -> TokenStream {
        let f = self.f;
        let mut outs: Vec<TokenStream> = br.outputs.iter().map(|v| f.ident(*v).to_token_stream()).collect();
        outs.extend(br.result.iter().map(ToTokens::to_token_stream));
        let tagged = has_tag(&br.head) && branch_work(br, self.reached);
        if tagged {
            outs.push(tag(br.id).to_token_stream());
        }
        let arms: Vec<TokenStream> = br
            .arms
            .iter()
            .enumerate()
            .map(|(k, arm)| {
                let body = self.block(&arm.block, false);
                // An array from outside the arm (or a borrowed parameter) leaves through a copy:
                // it may still be read after the branch.
                let inside = control::defined(&arm.block);
                let mut vals: Vec<TokenStream> = arm
                    .values
                    .iter()
                    .map(|v| super::seeded(f, v, super::carried(f, v, operand(f, v), &inside)))
                    .collect();
                vals.extend(arm.result.clone());
                if tagged {
                    vals.push(quote!(#k));
                }
                if vals.is_empty() { quote!({ #body }) } else { quote!({ #body (#(#vals,)*) }) }
            })
            .collect();
        bind(&outs, head(&br.head, &arms))
    }

    fn lp(&self, l: &Loop, top: bool) -> TokenStream {
        let f = self.f;
        let (brk, skip) = (&l.brk, &l.skip);
        let (n, counting) = if loop_work(l, self.reached) {
            let n = count(l.id);
            (quote!(let mut #n = 0usize;), quote!(#n += 1;))
        } else {
            (TokenStream::new(), TokenStream::new())
        };
        let inits = l.slots.iter().map(|s| {
            let init = super::carried(f, &s.init, operand(f, &s.init), &[]);
            let (v, init) = (f.ident(s.var), super::seeded(f, &s.init, init));
            quote!(let mut #v = #init;)
        });
        let inside = control::defined(&l.body);
        let write_back = write_back(f, l, &|f, v| f.ident(v).to_token_stream(), &|f, op| {
            super::seeded(f, op, super::carried(f, op, operand(f, op), &inside))
        });
        let body = self.block(&l.body, false);
        let has_tape = !record(f, &l.body, self.reached).is_empty();
        let (reserve, head) = match &l.head {
            LoopHead::For { pat, iter } if top && has_tape => {
                let it = format_ident!("__iter{}", l.id, span = Span::mixed_site());
                let t = tape(l.body.id);
                (quote!(let #it = #iter; #t.reserve(#it.size_hint().0);), quote!(for #pat in #it))
            }
            LoopHead::For { pat, iter } => (TokenStream::new(), quote!(for #pat in #iter)),
            LoopHead::While(cond) => (TokenStream::new(), quote!(while #cond)),
            LoopHead::Loop => (TokenStream::new(), quote!(loop)),
        };
        quote! {
            #(#inits)*
            let mut #brk = false;
            let mut #skip = false;
            #n
            #reserve
            #head {
                #skip = false;
                #body
                #write_back
                #counting
                if #brk {
                    break;
                }
            }
        }
    }
}

/// `let (outs,) = value;`, or the bare statement when the branch defines nothing.
pub(crate) fn bind(outs: &[TokenStream], value: TokenStream) -> TokenStream {
    if outs.is_empty() { quote!(#value;) } else { quote!(let (#(#outs,)*) = #value;) }
}

/// `if`/`match`/block around the arms' tokens.
pub(crate) fn head(head: &BranchHead, arms: &[TokenStream]) -> TokenStream {
    match head {
        BranchHead::Block => arms[0].clone(),
        BranchHead::If(cond) => {
            let (a, b) = (&arms[0], &arms[1]);
            quote!(if #cond #a else #b)
        }
        BranchHead::Match { scrutinee, pats } => quote!(match #scrutinee { #(#pats => #arms)* }),
    }
}

/// The end of a loop body: every slot takes its new value at once (`(a, b) = (b, a)` swaps).
pub(crate) fn write_back(
    f: &Function,
    l: &Loop,
    slot: &dyn Fn(&Function, Var) -> TokenStream,
    value: &dyn Fn(&Function, &Operand) -> TokenStream,
) -> TokenStream {
    let changed: Vec<_> = l.slots.iter().filter(|s| !matches!(s.end, Operand::Var(v) if v == s.var)).collect();
    if changed.is_empty() {
        return TokenStream::new();
    }
    let lhs = changed.iter().map(|s| slot(f, s.var));
    let rhs = changed.iter().map(|s| value(f, &s.end));
    quote!((#(#lhs,)*) = (#(#rhs,)*);)
}

fn op_fwd(f: &Function, op: &Op, available: &BTreeSet<Var>) -> TokenStream {
    let y = f.ident(op.dst);
    let rule = format_ident!("{}", op.rule.name, span = op.span);
    let args = op.args.iter().map(|a| {
        let a = operand(f, a);
        quote!(&#a)
    });
    let int = op.int_arg.iter();
    let call = quote_spanned!(op.span=> __ad::ops::#rule(#(#args,)* #(#int)*));
    if op.rule.linear {
        return quote!(let #y = #call;);
    }
    let saved_pat = match op.rule.arity {
        Arity::Unary | Arity::IntPow => saved(f, op.dst).to_token_stream(),
        Arity::Binary | Arity::Ternary => {
            let keep = control::saved(f, op, available);
            let mut named = Vec::new();
            let parts = op.args.iter().enumerate().map(|(i, _)| {
                let p = partial_name(f, op, i);
                if keep.contains(&p) && !named.contains(&p) {
                    named.push(p.clone());
                    p.to_token_stream()
                } else {
                    quote!(_)
                }
            });
            let parts: Vec<TokenStream> = parts.collect();
            quote!((#(#parts,)*))
        }
    };
    quote!(let (#y, #saved_pat) = #call;)
}

/// The value whose name a call's pullback takes.
pub(crate) fn first_var(p: &Pat) -> Var {
    let mut vars = Vec::new();
    p.vars(&mut vars);
    vars[0]
}
