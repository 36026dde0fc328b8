#!/usr/bin/env bash
# Macro benchmark of Event Stitching, end to end: generate N events (seeded, into a temp folder
# outside the repository), run `irengine stitch --full` on them, print events/s, wall time per stage
# and peak memory. Usage: bench/stitch-bench.sh [N ...]   (default: 1000000 10000000)
# Environment: BENCH_DIR (default: $TMPDIR/irengine-stitch-bench), BENCH_KEEP=1 keeps the data,
# BENCH_RUNS (default 1) repeats each stitch run on the same data, then prints the median, best and worst.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000000 10000000)
work="${BENCH_DIR:-${TMPDIR:-/tmp}/irengine-stitch-bench}"
runs="${BENCH_RUNS:-1}"

dotnet build "$root/src/Dinmo.IrEngine.Cli" -c Release -v quiet -nologo >/dev/null
irengine="$root/src/Dinmo.IrEngine.Cli/bin/Release/net10.0/irengine"

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(dotnet --version)"
for n in "${sizes[@]}"; do
  data="$work/$n"
  if [ ! -f "$data/events.json" ]; then
    start=$(date +%s.%N)
    "$irengine" generate --events "$data" --count "$n" >/dev/null
    printf 'generated %d events in %.1f s (%s)\n' "$n" "$(echo "$(date +%s.%N) - $start" | bc)" "$(du -sh "$data" | cut -f1)"
  fi
  : > "$work/walls-$n.txt"
  for run in $(seq 1 "$runs"); do
    rm -rf "$work/out-$n" "$work/.out-$n.runs" "$work/.out-$n.lock"
    /usr/bin/time -v -o "$work/time-$n.txt" "$irengine" stitch "$data/events.json" --out "$work/out-$n" --full \
      --run-id bench --log-format json 2>/dev/null | tail -1 > "$work/summary-$n.json"
    python3 - "$n" "$work/summary-$n.json" "$work/time-$n.txt" "$work/walls-$n.txt" <<'PY'
import json, re, sys
n, summary, timing = int(sys.argv[1]), json.load(open(sys.argv[2])), open(sys.argv[3]).read()
wall = summary["elapsed_seconds"]
with open(sys.argv[4], "a") as walls: walls.write(f"{wall}\n")
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing).group(1)) / 1024 / 1024
cpu = sum(float(re.search(rf"{k} time \(seconds\): ([\d.]+)", timing).group(1)) for k in ("User", "System"))
stages = " ".join(f"{k} {v:.1f}" for k, v in summary["stage_seconds"].items())
print(f"{n:>10,} events  {wall:6.1f} s  {n / wall:>9,.0f} events/s  peak {rss:.2f} GiB  cpu {cpu:.1f} s  "
      f"gc pause {summary.get('gc_pause_seconds', 0):.1f} s  stitch_rate {summary['stitch_rate']:.4f}  profiles_live {summary['profiles_live']:,}")
print(f"{'':>10}  stages (s): {stages}")
PY
  done
  # The host's speed drifts from run to run (bench/results/event-stitching.md): with several runs, their spread.
  if [ "$runs" -gt 1 ]; then
    python3 - "$n" "$work/walls-$n.txt" <<'PY'
import statistics, sys
n, walls = int(sys.argv[1]), sorted(float(w) for w in open(sys.argv[2]))
median = statistics.median(walls)
print(f"{n:>10,} events  {len(walls)} runs: median {median:.1f} s ({n / median:,.0f} events/s), best {walls[0]:.1f} s, worst {walls[-1]:.1f} s")
PY
  fi
  rm -f "$work/walls-$n.txt"
  rm -rf "$work/out-$n" "$work/.out-$n.runs" "$work/.out-$n.lock"
  [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$data"
done
