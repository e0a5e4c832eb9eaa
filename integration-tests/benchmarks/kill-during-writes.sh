#!/usr/bin/env bash
# A JVM writing disk-cache entries as fast as it can (the CrashHost of the integration tests),
# killed with SIGKILL at a random moment, again and again on one DISK_CACHE_PATH: how each next
# start found the store. A start after a kill opens the store as it was at its last commit, or
# finds that the kill cut a commit short (docs/caching.md, "Crash safety"): it keeps the store if
# it reads through, and otherwise sets it aside and rebuilds it with what can still be read.
# Run from the repository's root after `mvn -B install -DskipTests` and
# `(cd integration-tests/tests && mvn -B test-compile)`: integration-tests/benchmarks/kill-during-writes.sh [kills]
set -euo pipefail
kills=${1:-40}
agent=${AGENT:-agent/dist/target/autobot-agent.jar} # AGENT: another build to compare
classes=integration-tests/tests/target/test-classes:agent/annotations/target/autobot-annotations-0.1.0-SNAPSHOT.jar
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

for k in $(seq 1 "$kills"); do
    CACHE_STRATEGY=disk DISK_CACHE_PATH="$dir/cache" java -javaagent:"$agent" -cp "$classes" \
        io.autobot.optimizer.it.hosts.CrashHost write $((k * 1000000)) >"$dir/out" 2>"$dir/err-$k" &
    pid=$!
    target=$((200 + RANDOM % 600)) # entries written before the kill, then 0.6 to 1.4 s more
    for _ in $(seq 1 1200); do
        written=$(grep -o '^written=[0-9]*' "$dir/out" | tail -1 | cut -d= -f2 || true)
        [ -n "$written" ] && [ "$written" -ge "$target" ] && break
        sleep 0.05
    done
    sleep "0.$((RANDOM % 9 + 1))"; sleep 0.5
    kill -9 "$pid"; wait "$pid" 2>/dev/null || true
done

count() { cat "$dir"/err-* | grep -c "$1" || true; }
echo "kills: $kills"
echo "starts that opened the store as it was at its last commit: $((kills - 1 - $(count 'was set aside') - $(count 'reads through and is kept')))"
echo "starts that found a commit cut short, read the store through and kept it: $(count 'reads through and is kept')"
echo "starts that found a commit cut short, store set aside and rebuilt with entries: $(count 'did not finish.*entries that could still be read')"
echo "starts that found a commit cut short, store set aside and rebuilt empty: $(count 'did not finish.*, empty')"
echo "starts that found the store damaged otherwise, rebuilt with entries: $(($(count 'was set aside.*entries that could still be read') - $(count 'did not finish.*entries that could still be read')))"
echo "starts that found the store damaged otherwise, rebuilt empty: $(($(count 'was set aside.*, empty') - $(count 'did not finish.*, empty')))"
echo "runs that could not write the store: $(count 'cannot be written')"
