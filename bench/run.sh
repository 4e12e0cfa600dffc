#!/usr/bin/env bash
# Benchmark: dynamo-migrate against the tools a user would pick instead, on the same rows and endpoints.
#
#   bench/run.sh [N]        N generated plays (default 1,000,000)
#
# 1. loads the music sample plus N generated plays into PostgreSQL (schema "bench" of database "test" on
#    127.0.0.1:5432, user postgres), with `dynamo-migrate sample --plays N`;
# 2. runs dynamo-migrate (bench/plays.yml, -Xmx256m) into (a) dynalite and (b) the sink, a DynamoDB-protocol server
#    that validates every BatchWriteItem and discards it (src/test/.../testing/DynamoDbSink.java);
# 3. runs the peer a user would write (bench/peer_boto3.py: psycopg2 + boto3 batch_writer) on the same rows into the
#    same endpoints, and the raw-SDK ceiling (bench/src/RawCeiling.java: pre-built BatchWriteItem requests sent as
#    fast as 8 threads can) into the sink; and two floors of the stack, into the sink: raw_direct_sink (RawCeiling
#    direct: the same requests as bodies written once, up front, sent through our direct path: SDK signer and HTTP
#    client only) and lean_sink (bench/src/LeanLoader.java: plain JDBC, bodies written into a StringBuilder, the
#    direct path; no mapping, checks or checkpoints);
# 4. prints items/s, ratios, peak RSS, and the WCU/s the sink measured for a run with a budget below its capacity
#    (mean and worst 1-second window), and a 1,000-row mapping end to end (JVM start to exit) with `java -jar`;
# 5. ours_launcher: the same through the launcher of the extracted application, target/dynamo-migrate/bin/dynamo-migrate:
#    the 1,000-row mapping twice (the first run writes the class data sharing archive, the second maps it), then the
#    N-row run into the sink with that archive.
#
# Environment: BENCH_BUDGET (WCU/s for the budget run, default 5000), BENCH_CONCURRENCY (default 8), BENCH_XMX (default
# 256m), BENCH_PYTHON (default /usr/bin/python3), BENCH_SKIP_DYNALITE=1 (skip the dynalite runs), BUILD_DIR (default
# target), BENCH_SEND_PATH (--send-path of dynamo-migrate: direct or sdk; default: the tool's default, direct),
# BENCH_MAPPING (the mapping file, default bench/plays.yml), BENCH_NO_BUILD=1 (use the jar and classes already in
# BUILD_DIR), BENCH_ONLY (space-separated runs to make, of ours_sink raw_sink boto3_sink budget_sink ours_small
# ours_launcher raw_direct_sink lean_sink ours_dynalite boto3_dynalite; default all), BENCH_SKIP_LOAD=1 (keep the plays already in schema bench),
# BENCH_JAVA_OPTS (more JVM options for dynamo-migrate, e.g. -XX:StartFlightRecording=filename=/tmp/x.jfr,settings=profile).
# Needs Java 17, Node.js (dynalite), python3-boto3 and python3-psycopg2, psql.
set -euo pipefail

N=${1:-1000000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD_DIR:-$ROOT/target}
WORK=${BENCH_WORK:-/tmp/dynamo-migrate-bench}
BUDGET=${BENCH_BUDGET:-5000}
CONCURRENCY=${BENCH_CONCURRENCY:-8}
XMX=${BENCH_XMX:-256m}
PY=${BENCH_PYTHON:-/usr/bin/python3}
PG_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench"
DSN="host=127.0.0.1 port=5432 dbname=test user=postgres options=-csearch_path=bench"
mkdir -p "$WORK"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
echo "== build"
(cd "$ROOT" && ./mvnw -q -o -Dbuild.dir="$BUILD" package -DskipTests \
	&& ./mvnw -q -o -Dbuild.dir="$BUILD" dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" \
		-Dmdep.includeScope=test >/dev/null)
fi
CP="$BUILD/test-classes:$BUILD/classes:$(cat "$WORK/cp.txt")"
javac -d "$WORK/bench-classes" -cp "$CP" "$ROOT/bench/src/RawCeiling.java" "$ROOT/bench/src/LeanLoader.java"
JAR="$BUILD/dynamo-migrate.jar"

ONLY=" ${BENCH_ONLY:-ours_sink raw_sink raw_direct_sink lean_sink boto3_sink budget_sink ours_small ours_launcher ours_dynalite boto3_dynalite} "
wanted() { [[ "$ONLY" == *" $1 "* ]]; }

if [ "${BENCH_SKIP_LOAD:-0}" != 1 ]; then
	echo "== source: sample + $N plays in PostgreSQL schema bench"
	psql -q -h 127.0.0.1 -U postgres -d test -c 'SET client_min_messages = warning' -c 'DROP SCHEMA IF EXISTS bench CASCADE' -c 'CREATE SCHEMA bench'
	java -jar "$JAR" sample --source-url "$PG_URL" --source-user postgres --plays "$N" | tail -1
fi
ROWS=$(psql -qtA -h 127.0.0.1 -U postgres -d test -c 'SELECT COUNT(*) FROM bench.plays')
echo "plays rows: $ROWS"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 100); do (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

SINK_PORT=$(free_port)
java -Xmx1g -cp "$CP" io.dynamomigrate.testing.DynamoDbSink "$SINK_PORT" >"$WORK/sink.log" 2>&1 &
PIDS+=($!)
SINK="http://127.0.0.1:$SINK_PORT"
wait_port "$SINK_PORT"
# the table, for runs that do not create it themselves (boto3, the ceiling) when run alone (BENCH_ONLY)
curl -s -o /dev/null -X POST "$SINK/" -H 'Content-Type: application/x-amz-json-1.0' \
	-H 'X-Amz-Target: DynamoDB_20120810.CreateTable' \
	-d '{"TableName":"bench_plays","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"}]}'

# time_run NAME COMMAND...: runs it under /usr/bin/time, records seconds and peak RSS (KB)
declare -A SECONDS_OF RSS_OF USER_OF SYS_OF FIRST_ITEM_OF
time_run() {
	local name=$1; shift
	wanted "$name" || wanted "${name%_*}" || return 0
	/usr/bin/time -f '%e %M %U %S' -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>&1 || { cat "$WORK/$name.out"; exit 1; }
	read -r SECONDS_OF[$name] RSS_OF[$name] USER_OF[$name] SYS_OF[$name] <<<"$(tail -1 "$WORK/$name.time")"
}
OURS_JAVA=(java -Xmx"$XMX" ${BENCH_JAVA_OPTS:-} -jar "$JAR" run)
OURS_OPTS=(--source-url "$PG_URL" --source-user postgres --state-dir "$WORK/state" --progress off
	--write-concurrency "$CONCURRENCY")
[ -z "${BENCH_SEND_PATH:-}" ] || OURS_OPTS+=(--send-path "$BENCH_SEND_PATH")
OURS=("${OURS_JAVA[@]}" "${BENCH_MAPPING:-$ROOT/bench/plays.yml}" "${OURS_OPTS[@]}")
sink_stats() { curl -s "$SINK/stats"; }
sink_reset() { curl -s -X POST "$SINK/reset" >/dev/null; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
# seconds from STARTED_MS (the run's start) to the first call the sink received
first_item_s() { python3 -c "print(f'{($(sink_stats | json firstCallMillis) - $STARTED_MS) / 1000:.2f}')"; }

echo "== into the sink"
rm -rf "$WORK/state"
sink_reset
time_run ours_sink "${OURS[@]}" --endpoint-url "$SINK" --max-write-capacity unlimited
SINK_OURS=$(sink_stats); SINK_BOTO='{}'; SINK_BUDGET='{}'
sink_reset
time_run raw_sink java -cp "$WORK/bench-classes:$CP" RawCeiling "$SINK" bench_plays "$ROWS" "$CONCURRENCY"
sink_reset
time_run raw_direct_sink java -cp "$WORK/bench-classes:$CP" RawCeiling "$SINK" bench_plays "$ROWS" "$CONCURRENCY" direct
sink_reset
time_run lean_sink java -cp "$WORK/bench-classes:$CP" LeanLoader "$SINK" bench_plays "$PG_URL" postgres "$CONCURRENCY" 4
SINK_LEAN=$(sink_stats)
sink_reset
time_run boto3_sink "$PY" "$ROOT/bench/peer_boto3.py" "$SINK" bench_plays "$DSN"
SINK_BOTO=$(sink_stats)
sink_reset
time_run budget_sink "${OURS[@]}" --endpoint-url "$SINK" --max-write-capacity "$BUDGET"
SINK_BUDGET=$(sink_stats)

# a 1,000-row mapping end to end (JVM start to exit), and the time from the JVM's start to the first item written
if wanted ours_small || wanted ours_launcher; then
	psql -q -h 127.0.0.1 -U postgres -d test -c 'SET client_min_messages = warning' -c 'DROP TABLE IF EXISTS bench.plays_small' \
		-c 'CREATE TABLE bench.plays_small AS SELECT * FROM bench.plays ORDER BY play_id LIMIT 1000' \
		-c 'ALTER TABLE bench.plays_small ADD PRIMARY KEY (play_id)'
	sed -e 's/^name: bench-plays/name: bench-plays-small/' -e 's/table: plays,/table: plays_small,/' \
		-e 's/partitions: 4 .*/partitions: 1/' "$ROOT/bench/plays.yml" >"$WORK/plays-small.yml"
fi
if wanted ours_small; then
	rm -rf "$WORK/state"
	sink_reset
	STARTED_MS=$(date +%s%3N)
	time_run ours_small "${OURS_JAVA[@]}" "$WORK/plays-small.yml" "${OURS_OPTS[@]}" --endpoint-url "$SINK" \
		--max-write-capacity unlimited
	FIRST_ITEM_S=$(first_item_s)
	SMALL_ITEMS=$(sink_stats | json items)
fi
# the same through the launcher of the extracted application (target/dynamo-migrate/bin/dynamo-migrate): its first run
# writes the class data sharing archive, the second maps it
if wanted ours_launcher; then
	export DYNAMO_MIGRATE_CDS_DIR="$WORK/cds" JAVA_OPTS="-Xmx$XMX ${BENCH_JAVA_OPTS:-}"
	rm -rf "$DYNAMO_MIGRATE_CDS_DIR"
	for name in ours_launcher_first ours_launcher_small; do
		rm -rf "$WORK/state"
		sink_reset
		STARTED_MS=$(date +%s%3N)
		time_run "$name" "$BUILD/dynamo-migrate/bin/dynamo-migrate" run "$WORK/plays-small.yml" "${OURS_OPTS[@]}" \
			--endpoint-url "$SINK" --max-write-capacity unlimited
		FIRST_ITEM_OF[$name]=$(first_item_s)
	done
	# and the one-million-row run, with that archive
	rm -rf "$WORK/state"
	sink_reset
	time_run ours_launcher_sink "$BUILD/dynamo-migrate/bin/dynamo-migrate" run "${BENCH_MAPPING:-$ROOT/bench/plays.yml}" \
		"${OURS_OPTS[@]}" --endpoint-url "$SINK" --max-write-capacity unlimited
	SINK_LAUNCHER=$(sink_stats)
	unset DYNAMO_MIGRATE_CDS_DIR JAVA_OPTS
fi

if [ "${BENCH_SKIP_DYNALITE:-0}" != 1 ] && { wanted ours_dynalite || wanted boto3_dynalite; }; then
	echo "== into dynalite"
	DYN_PORT=$(free_port)
	node "$BUILD/dynalite/node_modules/dynalite/cli.js" --port "$DYN_PORT" --createTableMs 10 >"$WORK/dynalite.log" 2>&1 &
	PIDS+=($!)
	wait_port "$DYN_PORT"
	time_run ours_dynalite "${OURS[@]}" --endpoint-url "http://127.0.0.1:$DYN_PORT" --max-write-capacity unlimited
	time_run boto3_dynalite "$PY" "$ROOT/bench/peer_boto3.py" "http://127.0.0.1:$DYN_PORT" bench_plays "$DSN"
fi

rate() { python3 -c "print(f'{$ROWS / float(\"$1\"):.0f}')"; }
cpu() { python3 -c "print(f'{${USER_OF[$1]} + ${SYS_OF[$1]}:.1f}')"; }
per_item() { python3 -c "print(f'{1e6 * (${USER_OF[$1]} + ${SYS_OF[$1]}) / $ROWS:.1f}')"; }
row() { printf '%-20s %9s %8s %9s %8s %11s %9s\n' "$@"; }
echo
echo "== results: $ROWS plays, write concurrency $CONCURRENCY, dynamo-migrate with -Xmx$XMX ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
row "run" "items/s" "wall s" "CPU s" "CPU us/item" "peak RSS" ""
for name in ours_sink ours_launcher_sink raw_sink raw_direct_sink lean_sink boto3_sink ours_dynalite boto3_dynalite; do
	[ -n "${SECONDS_OF[$name]:-}" ] || continue
	row "$name" "$(rate "${SECONDS_OF[$name]}")" "${SECONDS_OF[$name]}" "$(cpu "$name")" "$(per_item "$name")" "$(( ${RSS_OF[$name]} / 1024 )) MB" ""
done
# ratio A B: B / A (for seconds: how many times faster A is)
ratio() { python3 -c "print(f'{float(\"$2\") / float(\"$1\"):.2f}')"; }
have() { [ -n "${SECONDS_OF[$1]:-}" ]; }
if have ours_sink && have boto3_sink; then
	echo "dynamo-migrate / boto3 batch_writer (sink):  items/s $(ratio "${SECONDS_OF[ours_sink]}" "${SECONDS_OF[boto3_sink]}")x, CPU per item $(ratio "$(per_item boto3_sink)" "$(per_item ours_sink)")x"
fi
if have ours_sink && have raw_sink; then
	echo "dynamo-migrate / raw SDK loop (sink):        items/s $(ratio "${SECONDS_OF[ours_sink]}" "${SECONDS_OF[raw_sink]}")x, CPU per item $(ratio "$(per_item raw_sink)" "$(per_item ours_sink)")x"
fi
if have ours_launcher_sink && have raw_sink; then
	echo "bin/dynamo-migrate / raw SDK loop (sink):    items/s $(ratio "${SECONDS_OF[ours_launcher_sink]}" "${SECONDS_OF[raw_sink]}")x, CPU per item $(ratio "$(per_item raw_sink)" "$(per_item ours_launcher_sink)")x"
fi
if have ours_launcher_sink && have boto3_sink; then
	echo "bin/dynamo-migrate / boto3 batch_writer (sink): items/s $(ratio "${SECONDS_OF[ours_launcher_sink]}" "${SECONDS_OF[boto3_sink]}")x, CPU per item $(ratio "$(per_item boto3_sink)" "$(per_item ours_launcher_sink)")x"
fi
if have ours_launcher_sink && have lean_sink; then
	echo "bin/dynamo-migrate / lean loader (sink):     items/s $(ratio "${SECONDS_OF[ours_launcher_sink]}" "${SECONDS_OF[lean_sink]}")x, CPU per item $(ratio "$(per_item lean_sink)" "$(per_item ours_launcher_sink)")x"
fi
if have raw_sink && have raw_direct_sink && have lean_sink; then
	echo "floors / raw SDK loop (sink): direct path alone: items/s $(ratio "${SECONDS_OF[raw_direct_sink]}" "${SECONDS_OF[raw_sink]}")x, CPU per item $(ratio "$(per_item raw_sink)" "$(per_item raw_direct_sink)")x; lean loader: items/s $(ratio "${SECONDS_OF[lean_sink]}" "${SECONDS_OF[raw_sink]}")x, CPU per item $(ratio "$(per_item raw_sink)" "$(per_item lean_sink)")x"
fi
if have ours_dynalite && have boto3_dynalite; then
	echo "dynamo-migrate / boto3 batch_writer (dynalite): items/s $(ratio "${SECONDS_OF[ours_dynalite]}" "${SECONDS_OF[boto3_dynalite]}")x"
fi
have ours_sink && echo "sink check, dynamo-migrate: items $(echo "$SINK_OURS" | json items), API violations $(echo "$SINK_OURS" | json violations)"
have boto3_sink && echo "sink check, boto3: items $(echo "$SINK_BOTO" | json items)"
have lean_sink && echo "sink check, lean loader: items $(echo "$SINK_LEAN" | json items), API violations $(echo "$SINK_LEAN" | json violations)"
have ours_launcher_sink && echo "sink check, bin/dynamo-migrate: items $(echo "$SINK_LAUNCHER" | json items), API violations $(echo "$SINK_LAUNCHER" | json violations)"
if have budget_sink; then
	MEAN=$(echo "$SINK_BUDGET" | json meanWcuPerSecond)
	WORST=$(echo "$SINK_BUDGET" | json maxWcuInAnySecond)
	echo "budget run: --max-write-capacity $BUDGET: mean $MEAN WCU/s ($(python3 -c "print(f'{100*$MEAN/$BUDGET:.1f}')")% of budget), worst 1-second window $WORST WCU/s ($(python3 -c "print(f'{100*$WORST/$BUDGET:.1f}')")%), ${SECONDS_OF[budget_sink]} s"
fi
if have ours_small; then
	echo "1,000-row mapping (ours_small): $SMALL_ITEMS items, JVM start to exit ${SECONDS_OF[ours_small]} s, to the first item written $FIRST_ITEM_S s, CPU $(cpu ours_small) s"
fi
if have ours_launcher_small; then
	for name in ours_launcher_first ours_launcher_small; do
		echo "1,000-row mapping ($name, bin/dynamo-migrate$([ $name = ours_launcher_small ] && echo ", with the archive" || echo ", writing the archive")): JVM start to exit ${SECONDS_OF[$name]} s, to the first item written ${FIRST_ITEM_OF[$name]} s, CPU $(cpu $name) s"
	done
fi
echo "details: $WORK/*.out"
