#!/usr/bin/env bash
# Where the gate's small workload spends the agent's one-time costs: runs the workload of the quick
# benchmark (--prompts 2 --rounds 2 --components 6) without the agent, at the defaults (hybrid) and
# under CACHE_STRATEGY=disk, in turn, each agent run on a fresh disk directory, and prints for each
# run component analysis's time in the first prompt (op.component_analysis.first.ms: class loading,
# the JIT, the agent's first calls land there) and in the whole session, then the medians. Run from
# the checkout's root after building the agent and the samples:
#
#   samples/scripts/first-prompt.sh [runs, default 6]
#
# Environment: AGENTS (agent/dist/target/autobot-agent.jar; comma-separated jars, e.g. two builds,
# each run in turn with every strategy: columns <strategy>#<n>; a jar may carry agent arguments,
# as -javaagent takes them: <jar>=parallel=false), STRATEGIES (hybrid disk),
# OPERATION (component_analysis), JAVA (java), WORKLOAD (the workload's options, those above by
# default; the full benchmark's are --prompts 4 --rounds 3 --components 12), WARM (1: each agent
# run is a warm restart, after a run of the same workload that filled its disk directory).
set -euo pipefail
RUNS=${1:-6}
OPERATION=${OPERATION:-component_analysis}
JAVA=${JAVA:-java}
IFS=, read -r -a AGENTS <<< "${AGENTS:-agent/dist/target/autobot-agent.jar}"
read -r -a STRATEGIES <<< "${STRATEGIES:-hybrid disk}"
read -r -a WORKLOAD <<< "${WORKLOAD:---prompts 2 --rounds 2 --components 6}"
SAMPLES=samples/target/autobot-samples.jar
for jar in "${AGENTS[@]}" "$SAMPLES"; do
  [ -f "${jar%%=*}" ] || { echo "first-prompt: ${jar%%=*} not found: build the agent and the samples first" >&2; exit 2; }
done
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
SIDES=(without)
for n in "${!AGENTS[@]}"; do
  for strategy in "${STRATEGIES[@]}"; do SIDES+=("$strategy#$((n + 1))"); done
done

agent_run() { # $1: side, $2: disk directory; prints the workload's lines
  CACHE_STRATEGY=${1%#*} DISK_CACHE_PATH=$2 "$JAVA" -javaagent:"${AGENTS[${1#*#} - 1]}" -jar "$SAMPLES" \
    workload --corpus samples/src/main/java "${WORKLOAD[@]}" 2>/dev/null
}

run() { # $1: side; prints "<first ms> <session ms>"
  local disk="$OUT/disk" lines
  rm -rf "$disk"
  case "$1" in
    without) lines=$("$JAVA" -jar "$SAMPLES" workload --corpus samples/src/main/java "${WORKLOAD[@]}") ;;
    *)
      if [ "${WARM:-0}" = 1 ]; then agent_run "$1" "$disk" > /dev/null; fi
      lines=$(agent_run "$1" "$disk") ;;
  esac
  echo "$(grep "^op.$OPERATION.first.ms=" <<< "$lines" | cut -d= -f2) $(grep "^op.$OPERATION.ms=" <<< "$lines" | cut -d= -f2)"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

printf '%-4s' run; for side in "${SIDES[@]}"; do printf ' | %-8s first  session' "$side"; done; echo
for i in $(seq 1 "$RUNS"); do
  printf '%-4s' "$i"
  for side in "${SIDES[@]}"; do
    read -r first session <<< "$(run "$side")"
    echo "$first" >> "$OUT/$side.first"; echo "$session" >> "$OUT/$side.session"
    printf ' | %-8s %6.0f %8.0f' "" "$first" "$session"
  done
  echo
done
printf '%-4s' median
for side in "${SIDES[@]}"; do
  printf ' | %-8s %6.0f %8.0f' "" "$(median < "$OUT/$side.first")" "$(median < "$OUT/$side.session")"
done
echo
