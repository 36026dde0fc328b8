#!/usr/bin/env bash
# Macro benchmark of Event Stitching, end to end: generate N events (seeded, into a temp folder
# outside the repository), run `irengine stitch --full` on them, print events/s, wall time per stage
# and peak memory. Usage: bench/stitch-bench.sh [N ...]   (default: 1000000 10000000)
# Environment: BENCH_DIR (default: $TMPDIR/irengine-stitch-bench), BENCH_KEEP=1 keeps the data,
# BENCH_RUNS (default 1) repeats each stitch run on the same data, then prints the median, best and worst.
# BENCH_PAUSE=S waits S seconds before each full run: on a VM that hands freed memory back to its host,
# a run that follows another at once reuses memory the host still backs, while a nightly run starts
# cold (bench/results/event-stitching.md).
# BENCH_RERUN=1 also follows each full run with an incremental rerun of its output (no new events: the nightly
# run's fixed cost of restoring the state, reading the input and rewriting the tables), reported the same way.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000000 10000000)
work="${BENCH_DIR:-${TMPDIR:-/tmp}/irengine-stitch-bench}"
runs="${BENCH_RUNS:-1}"

dotnet build "$root/src/Dinmo.IrEngine.Cli" -c Release -v quiet -nologo >/dev/null
irengine="$root/src/Dinmo.IrEngine.Cli/bin/Release/net10.0/irengine"

# stitch_once N DATA full|rerun WALLS: one run (full, or incremental over the last full run's output), printed, its wall kept.
stitch_once() {
  local n=$1 data=$2 kind=$3 walls=$4 mode=(--full --run-id bench)
  [ "$kind" = rerun ] && mode=(--run-id rerun)
  /usr/bin/time -v -o "$work/time-$n.txt" "$irengine" stitch "$data/events.json" --out "$work/out-$n" "${mode[@]}" \
    --log-format json 2>/dev/null | tail -1 > "$work/summary-$n.json"
  python3 - "$n" "$work/summary-$n.json" "$work/time-$n.txt" "$walls" "$kind" <<'PY'
import json, re, sys
n, summary, timing, kind = int(sys.argv[1]), json.load(open(sys.argv[2])), open(sys.argv[3]).read(), sys.argv[5]
wall = summary["elapsed_seconds"]
with open(sys.argv[4], "a") as walls: walls.write(f"{wall}\n")
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing).group(1)) / 1024 / 1024
cpu = sum(float(re.search(rf"{k} time \(seconds\): ([\d.]+)", timing).group(1)) for k in ("User", "System"))
stages = " ".join(f"{k} {v:.1f}" for k, v in summary["stage_seconds"].items())
label = "events" if kind == "full" else "rerun "
print(f"{n:>10,} {label}  {wall:6.1f} s  {n / wall:>9,.0f} events/s  peak {rss:.2f} GiB  cpu {cpu:.1f} s  "
      f"gc pause {summary.get('gc_pause_seconds', 0):.1f} s  stitch_rate {summary['stitch_rate']:.4f}  profiles_live {summary['profiles_live']:,}")
print(f"{'':>10}  stages (s): {stages}")
PY
}

# spread N full|rerun WALLS: the median, best and worst of the runs.
spread() {
  python3 - "$1" "$2" "$3" <<'PY'
import statistics, sys
n, kind, walls = int(sys.argv[1]), sys.argv[2], sorted(float(w) for w in open(sys.argv[3]))
median = statistics.median(walls)
label = "events" if kind == "full" else "rerun "
print(f"{n:>10,} {label}  {len(walls)} runs: median {median:.1f} s ({n / median:,.0f} events/s), best {walls[0]:.1f} s, worst {walls[-1]:.1f} s")
PY
}

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(dotnet --version)"
for n in "${sizes[@]}"; do
  data="$work/$n"
  if [ ! -f "$data/events.json" ]; then
    start=$(date +%s.%N)
    "$irengine" generate --events "$data" --count "$n" >/dev/null
    printf 'generated %d events in %.1f s (%s)\n' "$n" "$(echo "$(date +%s.%N) - $start" | bc)" "$(du -sh "$data" | cut -f1)"
  fi
  : > "$work/walls-$n.txt"
  : > "$work/walls-rerun-$n.txt"
  for run in $(seq 1 "$runs"); do
    rm -rf "$work/out-$n" "$work/.out-$n.runs" "$work/.out-$n.lock"
    sleep "${BENCH_PAUSE:-0}"
    stitch_once "$n" "$data" full "$work/walls-$n.txt"
    if [ "${BENCH_RERUN:-0}" = 1 ]; then stitch_once "$n" "$data" rerun "$work/walls-rerun-$n.txt"; fi
  done
  # The host's speed drifts from run to run (bench/results/event-stitching.md): with several runs, their spread.
  if [ "$runs" -gt 1 ]; then
    spread "$n" full "$work/walls-$n.txt"
    if [ "${BENCH_RERUN:-0}" = 1 ]; then spread "$n" rerun "$work/walls-rerun-$n.txt"; fi
  fi
  rm -f "$work/walls-rerun-$n.txt"
  rm -f "$work/walls-$n.txt"
  rm -rf "$work/out-$n" "$work/.out-$n.runs" "$work/.out-$n.lock"
  [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$data"
done
