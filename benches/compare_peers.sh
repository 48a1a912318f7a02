#!/usr/bin/env bash
# Side-by-side timings of this library and the autograd, JAX and PyTorch programs of
# ../shared/peers, in one run on this machine. Prints Markdown tables.
#
#   ../shared/peers/setup.sh                  # once: the peers' virtual environment
#   bash benches/compare_peers.sh             # both workloads, ~8 minutes
#   bash benches/compare_peers.sh pendulum    # or one: pendulum | mlp
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
