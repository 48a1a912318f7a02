#!/usr/bin/env bash
# Side-by-side timings of this library and the autograd, JAX and PyTorch programs of
# ../shared/peers, in one run on this machine. Prints Markdown tables.
#
#   ../shared/peers/setup.sh                  # once: the peers' virtual environment
#   bash benches/compare_peers.sh             # every workload, ~10 minutes
#   bash benches/compare_peers.sh pendulum    # or one: pendulum | mlp | sinc | onn
#
# Run nothing else CPU-heavy meanwhile. Peer results land in $PEERS_RESULTS (./peer-results).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
peers=${PEERS_DIR:-$(cd ../shared/peers && pwd)}
py=${PEERS_PY:-${PEERS_VENV:-$HOME/.peers-venv}/bin/python}
export PEERS_RESULTS=${PEERS_RESULTS:-$PWD/peer-results}
mkdir -p "$PEERS_RESULTS"
run() { (cd "$peers" && env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" "$@" >/dev/null); }

if [[ $what == all || $what == pendulum ]]; then
  cargo bench --bench pendulum -- --warm-up-time 2 --measurement-time 10 >/dev/null
  cargo build --release --example pendulum >/dev/null 2>&1
  /usr/bin/time -f '%M' -o "$PEERS_RESULTS/rust_pendulum_rss_kb.txt" target/release/examples/pendulum >/dev/null
  run loop_jax.py
  run loop_torch.py --n 100000 --reps 3
  run loop_autograd.py --n 10000 --reps 3
  python3 - "$PEERS_RESULTS" <<'PY'
import json, os, sys
res = sys.argv[1]
def crit(name):
    with open(f"target/criterion/pendulum/{name}/100000/new/estimates.json") as f:
        return json.load(f)["median"]["point_estimate"] / 1e9
def peer(name):
    with open(os.path.join(res, name + ".json")) as f:
        return json.load(f)
primal, grad, jvp = crit("primal"), crit("value_and_grad"), crit("jvp")
rss = int(open(os.path.join(res, "rust_pendulum_rss_kb.txt")).read().split()[-1]) / 1024
jax, torch, ag = peer("loop_jax"), peer("loop_torch"), peer("loop_autograd_n10000")
print("| W4 pendulum, N = 100,000 | gradient | gradient / primal | peak RSS |")
print("|---|---|---|---|")
print(f"| this library (value_and_grad) | {grad*1e3:.2f} ms | {grad/primal:.2f} (primal {primal*1e3:.2f} ms; jvp {jvp*1e3:.2f} ms) | {rss:.0f} MB |")
print(f"| JAX (jit, lax.scan) | {jax['median_grad_s']*1e3:.2f} ms (+{jax['compile_s']:.2f} s compile) | | {jax['peak_rss_mb']:.0f} MB |")
print(f"| PyTorch | {torch['median_grad_s']:.1f} s | | {torch['peak_rss_mb']:.0f} MB |")
print(f"| autograd (N = 10,000, x10) | {ag['median_grad_s']*10:.1f} s | | {ag['peak_rss_mb']:.0f} MB |")
print(f"\nspeed-up over JAX: {jax['median_grad_s']/grad:.2f}x\n")
PY
fi

if [[ $what == all || $what == mlp ]]; then
  epochs=${MLP_EPOCHS:-20}
  cargo bench --bench mlp -- --warm-up-time 2 --measurement-time 8 >/dev/null
  cargo build --release --example mlp_digits >/dev/null 2>&1
  /usr/bin/time -f '%M' -o "$PEERS_RESULTS/rust_mlp_rss_kb.txt" \
    target/release/examples/mlp_digits --epochs "$epochs" --no-plot >"$PEERS_RESULTS/rust_mlp.txt"
  run mlp_jax.py --epochs "$epochs"
  run mlp_torch.py --epochs "$epochs"
  run mlp_autograd.py --epochs "$epochs"
  python3 - "$PEERS_RESULTS" "$epochs" <<'PY'
import json, os, re, sys
res, epochs = sys.argv[1], sys.argv[2]
def crit(name):
    with open(f"target/criterion/mlp/{name}/new/estimates.json") as f:
        return json.load(f)["median"]["point_estimate"] / 1e9
def peer(name):
    with open(os.path.join(res, name + ".json")) as f:
        return json.load(f)
out = open(os.path.join(res, "rust_mlp.txt")).read()
epoch = float(re.search(r"median epoch time ([0-9.]+) ms", out).group(1)) / 1e3
first = float(re.search(r"epoch +1: training loss ([0-9.]+)", out).group(1))
rss = int(open(os.path.join(res, "rust_mlp_rss_kb.txt")).read().split()[-1]) / 1024
fwd, vag, step = crit("forward"), crit("value_and_grad"), crit("train_step")
rows = [("this library", epoch, rss, first)]
for name, label in [("mlp_jax", "JAX (jit)"), ("mlp_torch", "PyTorch"), ("mlp_autograd", "autograd")]:
    p = peer(name)
    rows.append((label, p["median_epoch_s"], p["peak_rss_mb"], p["train_loss_epoch1"]))
print(f"| W2 digits MLP, H = 704, {epochs} epochs | median epoch | peak RSS | training loss after epoch 1 |")
print("|---|---|---|---|")
for label, e, r, l in rows:
    print(f"| {label} | {e*1e3:.1f} ms | {r:.0f} MB | {l:.12f} |")
print(f"\none minibatch of 32: forward {fwd*1e3:.2f} ms, value_and_grad {vag*1e3:.2f} ms ({vag/fwd:.2f}x), training step {step*1e3:.2f} ms")
print(f"speed-up over JAX: {rows[1][1]/epoch:.2f}x")
PY
fi

if [[ $what == all || $what == sinc ]]; then
  cargo bench --bench higher -- --warm-up-time 2 --measurement-time 8 >/dev/null
  cargo build --release --example sinc >/dev/null 2>&1
  target/release/examples/sinc --no-plot >"$PEERS_RESULTS/rust_sinc.txt"
  run sinc_jax.py
  run sinc_torch.py
  run sinc_autograd.py
  python3 - "$PEERS_RESULTS" <<'PY'
import json, os, re, sys
res = sys.argv[1]
def crit(path):
    with open(f"target/criterion/{path}/new/estimates.json") as f:
        return json.load(f)["median"]["point_estimate"] / 1e9
def peer(name):
    with open(os.path.join(res, name + ".json")) as f:
        return json.load(f)
ours = crit("sinc/all_ten_orders")
out = open(os.path.join(res, "rust_sinc.txt")).read()
table = re.findall(r"^\s*(\d) \|\s*([0-9.e+-]+) \|\s*([0-9.e+-]+) \|\s*[-0-9.]+ \|\s*(\d+)$", out, re.M)
rows = [("this library (Taylor mode, `derivatives::<10>`)", ours, None,
         [float(t[2]) for t in table], [float(t[1]) for t in table], sum(int(t[3]) for t in table))]
for name, label in [("sinc_jax", "JAX (jit(vmap(grad^n)))"), ("sinc_torch", "PyTorch"), ("sinc_autograd", "autograd")]:
    p = peer(name)
    errs = p["errors"]
    rows.append((label, p["median_total_s"], p.get("compile_s"), [e["max_rel"] for e in errs],
                 [e["max_rel_abs_x_gt_2"] for e in errs], sum(e["n_nonfinite"] for e in errs)))
print("| W1 sinc, orders 0..9 at 256 points | time, all ten orders | non-finite | worst rel. error, abs(x) > 2 | rel. error at all points, orders 5, 6, 7, 8, 9 |")
print("|---|---|---|---|---|")
for label, t, comp, allp, far, nf in rows:
    ts = f"{t*1e3:.3f} ms" + (f" (+{comp:.1f} s compile)" if comp else "")
    hi = ", ".join(f"{e:.1e}" for e in allp[5:])
    print(f"| {label} | {ts} | {nf} | {max(far):.1e} | {hi} |")
hv = {k: crit(f"hvp/{k}") for k in ["pendulum_grad/100000", "pendulum_hvp/100000", "rosenbrock_grad/100000",
                                      "rosenbrock_hvp/100000", "mlp_grad/32x64x32", "mlp_hvp/32x64x32"]}
print(f"\nspeed-up over JAX (run time): {rows[1][1]/ours:.2f}x")
print("\n| Hessian-vector product vs one gradient | gradient | hvp | ratio |")
print("|---|---|---|---|")
for name, label in [("pendulum", "pendulum, N = 100,000 (scalar loop)"), ("rosenbrock", "Rosenbrock, n = 100,000 (arrays)"), ("mlp", "MLP loss, 32x64x32 (matrix products)")]:
    g = [v for k, v in hv.items() if k.startswith(name + "_grad")][0]
    h = [v for k, v in hv.items() if k.startswith(name + "_hvp")][0]
    print(f"| {label} | {g*1e3:.3f} ms | {h*1e3:.3f} ms | {h/g:.2f} |")
PY
fi

if [[ $what == all || $what == onn ]]; then
  cargo bench --bench onn -- --warm-up-time 2 --measurement-time 10 "/128" >/dev/null
  RAYON_NUM_THREADS=1 cargo bench --bench onn -- --warm-up-time 2 --measurement-time 10 "value_and_grad/512" --save-baseline one-thread >/dev/null
  RAYON_NUM_THREADS=2 cargo bench --bench onn -- --warm-up-time 2 --measurement-time 10 "value_and_grad/512" --save-baseline two-threads >/dev/null
  cargo build --release --example optical_network >/dev/null 2>&1
  /usr/bin/time -f '%M' -o "$PEERS_RESULTS/rust_onn_rss_kb.txt" \
    target/release/examples/optical_network --no-plot --frames-every 0 >"$PEERS_RESULTS/rust_onn.txt"
  run onn_jax.py
  run onn_torch.py
  run onn_autograd.py
  python3 - "$PEERS_RESULTS" <<'PY'
import json, os, re, sys
res = sys.argv[1]
def crit(path, which="new"):
    with open(f"target/criterion/{path}/{which}/estimates.json") as f:
        return json.load(f)["median"]["point_estimate"] / 1e9
def peer(name):
    with open(os.path.join(res, name + ".json")) as f:
        return json.load(f)
out = open(os.path.join(res, "rust_onn.txt")).read()
step = float(re.search(r"median step \(gradient, update, loss\): ([0-9.]+) ms", out).group(1)) / 1e3
losses = {int(k): float(v) for k, v in re.findall(r"loss after step +(\d+): ([0-9.]+)", out)}
rss = int(open(os.path.join(res, "rust_onn_rss_kb.txt")).read().split()[-1]) / 1024
fwd, vag, bstep = crit("onn/loss/128"), crit("onn/value_and_grad/128"), crit("onn/train_step/128")
one, two = crit("onn/value_and_grad/512", "one-thread"), crit("onn/value_and_grad/512", "two-threads")
rows = [("this library", step, rss, losses)]
for name, label in [("onn_jax", "JAX (jit)"), ("onn_torch", "PyTorch"), ("onn_autograd", "autograd")]:
    p = peer(name)
    rows.append((label + (f" (+{p['compile_s']:.1f} s compile)" if p.get("compile_s") else ""), p["median_step_s"], p["peak_rss_mb"],
                 {int(k): v for k, v in p["loss_at_step"].items()}))
print("| W3 optical network, dim 128, 32 plates, 128 steps | median step | peak RSS | loss after steps 0, 1, 10, 127 |")
print("|---|---|---|---|")
for label, t, r, l in rows:
    print(f"| {label} | {t*1e3:.1f} ms | {r:.0f} MB | {l[0]:.15f}, {l[1]:.15f}, {l[10]:.15f}, {l[127]:.15f} |")
print(f"\nspeed-up over JAX: {rows[1][1]/step:.2f}x")
print(f"criterion, dim 128: loss (forward through 32 plates) {fwd*1e3:.2f} ms, value_and_grad {vag*1e3:.2f} ms ({vag/fwd:.2f}x the forward), training step {bstep*1e3:.2f} ms")
print(f"dim 512, value_and_grad: {one*1e3:.1f} ms on 1 thread, {two*1e3:.1f} ms on 2 threads (speed-up {one/two:.2f}x)")
PY
fi
