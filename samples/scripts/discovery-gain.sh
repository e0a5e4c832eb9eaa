#!/usr/bin/env bash
# What a rules file written by discovery gains on the sample, against the annotated sample: the
# plain workload without the agent, the plain workload with the agent applying the rules, and the
# annotated workload with the agent (both agents with a memory cache, so that nothing is read from
# an earlier run's disk cache). Prints each session's time and the speed-ups; the result digests of
# the three must be equal. Run from the checkout's root after building the agent and the samples:
#
#   samples/scripts/discovery-gain.sh <rules file> [rounds, default 4]
set -euo pipefail
RULES=${1:?usage: discovery-gain.sh <rules file> [rounds]}
ROUNDS=${2:-4}
JAVA=${JAVA:-java}
AGENT=agent/dist/target/autobot-agent.jar
SAMPLES=samples/target/autobot-samples.jar
[ -f "$RULES" ] || { echo "discovery-gain: rules file $RULES not found" >&2; exit 2; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

"$JAVA" -jar "$SAMPLES" --plain workload --rounds "$ROUNDS" > "$OUT/plain.out"
"$JAVA" "-javaagent:$AGENT=cache=memory,rules=$(realpath "$RULES")" -jar "$SAMPLES" --plain workload \
  --rounds "$ROUNDS" > "$OUT/rules.out"
"$JAVA" "-javaagent:$AGENT=cache=memory" -jar "$SAMPLES" workload --rounds "$ROUNDS" > "$OUT/annotated.out"

for run in plain rules annotated; do
  if ! diff <(grep '^digest\.' "$OUT/plain.out") <(grep '^digest\.' "$OUT/$run.out") >&2; then
    echo "discovery-gain: the $run run's results differ from the plain run's (above)" >&2
  fi
done
total() { grep '^total.ms=' "$OUT/$1.out" | cut -d= -f2; }
python3 - "$(total plain)" "$(total rules)" "$(total annotated)" <<'PY'
import sys
plain, rules, annotated = (float(x) for x in sys.argv[1:])
print(f"plain, no agent:           {plain / 1000:7.1f} s")
print(f"plain + discovered rules:  {rules / 1000:7.1f} s  (x{plain / rules:.2f})")
print(f"annotated + agent:         {annotated / 1000:7.1f} s  (x{plain / annotated:.2f})")
print(f"the rules save {(plain - rules) / max(1e-9, plain - annotated) * 100:.0f}% of the time the annotations save")
PY
