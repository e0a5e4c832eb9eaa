#!/usr/bin/env bash
# Discovery's overhead on the sample, side by side: pairs of runs of the plain workload (the
# sample without annotations), one alone and one with a discovery window started DELAY seconds
# in (the CLI's start and the agent's attach included). For each pair it counts the prompts the
# workload finished while the CLI ran, and in the same stretch of the run without discovery, and
# the CPU time the workload's JVM used meanwhile: it prints the change of throughput (prompts per
# second) and of CPU time per prompt, then the medians over the pairs. On a machine shared with
# other work the throughput swings with their load; the CPU time per prompt much less. The runs'
# result digests must be equal. Run from the checkout's root after building the agent and the samples:
#
#   samples/scripts/discovery-overhead.sh [pairs, default 3]
#
# Environment: ROUNDS (24), WINDOW (30s), DELAY (12), TOP (15), JAVA (java); KEEP=<dir> keeps the
# last window's table (discovery.txt) and rules file (discovery.rules) there. TARGET_OPTS: JVM
# options for both runs of the workload, e.g. the agent loaded at start for discovery only
# (TARGET_OPTS=-javaagent:agent/dist/target/autobot-agent.jar=command=discovery), with which the
# window's class redefinitions no longer make HotSpot throw away all its compiled code
# (docs/discovery.md#overhead).
set -euo pipefail
PAIRS=${1:-3}
ROUNDS=${ROUNDS:-24}
WINDOW=${WINDOW:-30s}
DELAY=${DELAY:-12}
TOP=${TOP:-15}
JAVA=${JAVA:-java}
read -r -a TARGET <<< "${TARGET_OPTS:-}"
AGENT=agent/dist/target/autobot-agent.jar
SAMPLES=samples/target/autobot-samples.jar
for jar in "$AGENT" "$SAMPLES"; do
  [ -f "$jar" ] || { echo "discovery-overhead: $jar not found: build the agent and the samples first" >&2; exit 2; }
done
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
now() { date +%s%3N; }
ticks=$(getconf CLK_TCK)

cpu_log() { # $1: pid, $2: file; the JVM's CPU time (utime + stime, in ms) every 200 ms while it runs
  while [ -r "/proc/$1/stat" ]; do
    local stat; stat=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) || break
    set -- "$1" "$2" $stat
    if [ $# -ge 15 ]; then # a read racing with the JVM's exit may come back short
      echo "$(now) $(( (${14} + ${15}) * 1000 / ticks ))" >> "$2"
    fi
    set -- "$1" "$2"
    sleep 0.2
  done
}

alone() { # $1: run name
  "$JAVA" ${TARGET[@]+"${TARGET[@]}"} -jar "$SAMPLES" --plain workload --rounds "$ROUNDS" --timeline "$OUT/$1.timeline" > "$OUT/$1.out" &
  local pid=$!
  cpu_log "$pid" "$OUT/$1.cpu" &
  wait "$pid"
}

with_window() { # $1: run name
  "$JAVA" ${TARGET[@]+"${TARGET[@]}"} -jar "$SAMPLES" --plain workload --rounds "$ROUNDS" --timeline "$OUT/$1.timeline" > "$OUT/$1.out" &
  local pid=$!
  cpu_log "$pid" "$OUT/$1.cpu" &
  sleep "$DELAY"
  local start; start=$(now)
  "$JAVA" -jar "$AGENT" discover "$pid" --duration "$WINDOW" --top "$TOP" --rules-out "$OUT/$1.rules" \
    > "$OUT/$1.discovery"
  local end; end=$(now)
  echo "$start $end" > "$OUT/$1.window"
  wait "$pid"
}

for pair in $(seq 1 "$PAIRS"); do
  if (( pair % 2 )); then alone "alone$pair"; with_window "with$pair"; else with_window "with$pair"; alone "alone$pair"; fi
  if diff <(grep '^digest\.' "$OUT/alone$pair.out") <(grep '^digest\.' "$OUT/with$pair.out") > "$OUT/diff$pair"; then
    echo "pair $pair: results equal (every digest)"
  else # the plain sample's API validation can end on a 429 when the registry is slow: see the api lines
    echo "pair $pair: results differ: $(grep -o '^[<>] digest\.[a-z_]*' "$OUT/diff$pair" | sort -u | tr '\n' ' ')"
    grep -h '^api\.' "$OUT/alone$pair.out" "$OUT/with$pair.out" | tr '\n' ' '; echo
  fi
  grep -q 'original code back: yes' "$OUT/with$pair.discovery" || { echo "pair $pair: code not restored" >&2; exit 1; }
  if [ -n "${KEEP:-}" ]; then
    mkdir -p "$KEEP" && cp "$OUT/with$pair.discovery" "$KEEP/discovery.txt" && cp "$OUT/with$pair.rules" "$KEEP/discovery.rules"
  fi
done

python3 - "$OUT" "$PAIRS" <<'PY'
import statistics, sys
out, pairs = sys.argv[1], int(sys.argv[2])

def timeline(name):
    times = [int(line) for line in open(f"{out}/{name}.timeline") if line.strip()]
    return times[0], times[1:]

def cpu(name):
    return [tuple(int(x) for x in line.split()) for line in open(f"{out}/{name}.cpu") if len(line.split()) == 2]

def cpu_at(log, t):
    """CPU time used by time t, interpolated between two readings (before the first: the first, as the
    JVM had barely started; a window may open before the other run's session did, on a loaded machine)."""
    if log and t < log[0][0]:
        return log[0][1]
    for (t0, c0), (t1, c1) in zip(log, log[1:]):
        if t0 <= t <= t1:
            return c0 + (c1 - c0) * (t - t0) / max(1, t1 - t0)
    raise SystemExit(f"no CPU reading around {t} (readings from {log[0][0] if log else '-'} to {log[-1][0] if log else '-'})")

def done_at(ends, start, t):
    """Prompts finished by time t, interpolated linearly between two ends (none before the session)."""
    if t <= start:
        return 0
    previous_time, count = start, 0
    for end in ends:
        if end >= t:
            return count + (t - previous_time) / max(1, end - previous_time)
        previous_time, count = end, count + 1
    raise SystemExit("the run ended before the window did: raise ROUNDS")

losses, costs = [], []
for pair in range(1, pairs + 1):
    w_start, w_ends = timeline(f"with{pair}")
    a_start, a_ends = timeline(f"alone{pair}")
    window_start, window_end = (int(x) for x in open(f"{out}/with{pair}.window").read().split())
    offset, length = window_start - w_start, window_end - window_start
    with_work = done_at(w_ends, w_start, window_end) - done_at(w_ends, w_start, window_start)
    alone_work = done_at(a_ends, a_start, a_start + offset + length) - done_at(a_ends, a_start, a_start + offset)
    w_cpu, a_cpu = cpu(f"with{pair}"), cpu(f"alone{pair}")
    with_cpu = cpu_at(w_cpu, window_end) - cpu_at(w_cpu, window_start)
    alone_cpu = cpu_at(a_cpu, a_start + offset + length) - cpu_at(a_cpu, a_start + offset)
    loss = 1 - with_work / alone_work
    cost = (with_cpu / with_work) / (alone_cpu / alone_work) - 1
    losses.append(loss)
    costs.append(cost)
    print(f"pair {pair}: window {length / 1000:.1f} s from {offset / 1000:.1f} s into the session; prompts done "
          f"alone {alone_work:.1f}, with discovery {with_work:.1f}: throughput {-loss * 100:+.1f}%; CPU per prompt "
          f"{alone_cpu / alone_work:.0f} ms alone, {with_cpu / with_work:.0f} ms with discovery ({cost * 100:+.1f}%)")
print(f"median over {pairs} pairs: throughput {-statistics.median(losses) * 100:+.1f}%, CPU time per prompt "
      f"{statistics.median(costs) * 100:+.1f}% during discovery")
PY
