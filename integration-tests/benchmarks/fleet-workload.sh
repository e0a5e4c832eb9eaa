#!/usr/bin/env bash
# Three JVMs running the sample's workload at the same time, sharing one Redis
# (CACHE_STRATEGY=distributed), against three JVMs running it alone (CACHE_STRATEGY=memory):
# how many results each one computed (method bodies run) per operation.
# Run from the repository's root after a build: integration-tests/benchmarks/fleet-workload.sh [port] [rounds] [corpus]
# It starts its own redis-server on 127.0.0.1:<port> (default 6391) and stops it at the end. The
# corpus (default: the sample's own sources) is copied first, so that all six JVMs read the same files.
set -euo pipefail
port=${1:-6391}
rounds=${2:-2}
source_corpus=${3:-samples/src/main/java}
agent=agent/dist/target/autobot-agent.jar
sample=samples/target/autobot-samples.jar
dir=$(mktemp -d)
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" >"$dir/redis.log" 2>&1 &
redis=$!
trap 'kill $redis 2>/dev/null || true' EXIT
until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done
mkdir "$dir/corpus" && cp -r "$source_corpus"/. "$dir/corpus"

three() { # $1: name, then the JVM options of each of the three
    local name=$1; shift
    local pids=()
    for i in 1 2 3; do
        java -javaagent:"$agent" "$@" -jar "$sample" workload --rounds "$rounds" --corpus "$dir/corpus" >"$dir/$name-$i.out" 2>"$dir/$name-$i.err" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid"; done
}

three alone -Dautobot.cache=memory
three shared -Dautobot.cache=distributed -Dautobot.redis.url=redis://127.0.0.1:"$port" -Dautobot.redis.timeout=50ms

printf '| Operation | Requested per JVM | Computed alone (JVM 1, 2, 3) | Computed sharing Redis (JVM 1, 2, 3) |\n|---|---|---|---|\n'
for op in $(grep -o '^op\.[a-z_]*\.computed' "$dir/alone-1.out" | cut -d. -f2); do
    requested=$(grep "^op.$op.requested=" "$dir/alone-1.out" | cut -d= -f2)
    alone=$(for i in 1 2 3; do grep "^op.$op.computed=" "$dir/alone-$i.out" | cut -d= -f2; done | paste -sd, | sed 's/,/, /g')
    shared=$(for i in 1 2 3; do grep "^op.$op.computed=" "$dir/shared-$i.out" | cut -d= -f2; done | paste -sd, | sed 's/,/, /g')
    echo "| $op | $requested | $alone | $shared |"
done
same=yes
for i in 1 2 3; do
    cmp -s <(grep '^digest\.' "$dir/alone-1.out") <(grep '^digest\.' "$dir/shared-$i.out") || same=no
done
echo "results of every shared JVM equal to a JVM alone's: $same"
echo "total.ms alone: $(grep -h '^total.ms=' "$dir"/alone-*.out | cut -d= -f2 | paste -sd' ')," \
     "sharing: $(grep -h '^total.ms=' "$dir"/shared-*.out | cut -d= -f2 | paste -sd' ')"
echo "outputs in $dir"
