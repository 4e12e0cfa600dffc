#!/usr/bin/env bash
# Benchmark (not a test): streams a generated multi-gigabyte JSON Lines file through a file source with -Xmx256m
# and reports items/s. Nothing is written (no DynamoDB at all), so the figure is the file source plus mapping, not the
# network or the write budget.
#
# Usage: bench/jsonl.sh [SIZE_MB]       (default 2048 = 2 GB; the file is generated once and kept)
# Environment: MODE=source (default: FileSourceBenchmark, the file source and the mapping, as a step's reader and
#              processor run them) or MODE=dry-run (the whole job through the jar: job repository, dry-run findings);
#              BENCH_DIR (default /tmp/dynamo-migrate-jsonl-bench), BUILD_DIR (default target), JAR (default
#              $BUILD_DIR/dynamo-migrate.jar), HEAP (default 256m)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${1:-2048}
DIR=${BENCH_DIR:-/tmp/dynamo-migrate-jsonl-bench}
BUILD=${BUILD_DIR:-target}
JAR=${JAR:-$BUILD/dynamo-migrate.jar}
HEAP=${HEAP:-256m}
FILE="$DIR/plays-${SIZE_MB}mb.jsonl"
mkdir -p "$DIR"

if [ ! -f "$FILE" ]; then
  echo "Generating $FILE (${SIZE_MB} MB of plays, deterministic)..."
  awk -v limit=$((SIZE_MB * 1024 * 1024)) 'BEGIN {
    split("mobile desktop web speaker car", devices, " ");
    for (id = 1; bytes < limit; id++) {
      line = sprintf("{\"play_id\":%d,\"user_id\":%d,\"track_id\":%d,\"played_at\":\"2024-%02d-%02dT%02d:%02d:%02d.000Z\",\"ms_played\":%d,\"device\":\"%s\",\"completed\":%s,\"rating\":%d.%02d}",
        id, id % 200 + 1, (id * 7919) % 9010 + 1, id % 12 + 1, id % 28 + 1, id % 24, id % 60, (id * 7) % 60,
        (id * 31337) % 300000, devices[id % 5 + 1], (id % 3 ? "true" : "false"), id % 5, id % 100);
      print line; bytes += length(line) + 1;
    }
  }' > "$FILE.tmp"
  mv "$FILE.tmp" "$FILE"
fi
LINES=$(wc -l < "$FILE")
echo "File: $FILE, $(du -h "$FILE" | cut -f1), $LINES lines"

cat > "$DIR/bench-jsonl.yml" <<YAML
name: bench-jsonl
tables:
  - { name: plays, partitionKey: { name: play_id, type: N } }
items:
  - name: plays
    table: plays
    chunkSize: 1000
    source: { file: "$FILE", key: [play_id] }
    attributes:
      play_id: "\${play_id}"
      user_id: "\${user_id}"
      track_id: "\${track_id}"
      played_at: "\${played_at}"
      ms_played: "\${ms_played}"
      device: "\${device}"
      completed: "\${completed}"
      rating: "\${rating}"
YAML

MODE=${MODE:-source}
if [ "$MODE" = "source" ]; then
  # the file source and the mapping, as a step's reader and processor run them (no job repository, no writer)
  [ -d "$BUILD/test-classes" ] || { echo "Build the tests first: ./mvnw -q test-compile"; exit 2; }
  ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$DIR/classpath.txt" >/dev/null
  echo "Streaming with -Xmx$HEAP: file source + mapping, nothing written..."
  /usr/bin/time -f "max RSS %M KB, %e s elapsed, %P CPU" \
    java -Xmx$HEAP -Dlogging.level.root=INFO -cp "$BUILD/classes:$BUILD/test-classes:$(cat "$DIR/classpath.txt")" \
    io.dynamomigrate.bench.FileSourceBenchmark "$DIR/bench-jsonl.yml" 2>&1 | grep -v DEBUG
else
  # the whole job: Spring Batch steps, job repository, dry-run findings (keys on disk), report
  [ -f "$JAR" ] || { echo "Build first: ./mvnw -q package -DskipTests (or set JAR)"; exit 2; }
  rm -rf "$DIR/state"
  echo "Streaming with -Xmx$HEAP: dry-run job (read, map, check; nothing written)..."
  START=$(date +%s.%N)
  /usr/bin/time -f "max RSS %M KB, %e s elapsed, %P CPU" \
    java -Xmx$HEAP -jar "$JAR" dry-run "$DIR/bench-jsonl.yml" --no-target-check --state-dir "$DIR/state" \
    --report "$DIR/report" 2>&1 | grep -vE '^\s*$' | tail -25
  END=$(date +%s.%N)
  awk -v n="$LINES" -v s="$START" -v e="$END" \
    'BEGIN { printf "%d items in %.1f s: %.0f items/s (JVM start included)\n", n, e - s, n / (e - s) }'
fi
