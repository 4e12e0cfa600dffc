#!/usr/bin/env bash
# Fleet benchmark: a generated fleet file of N entries (default 5,000) over 25 shards — 20 PostgreSQL schemas
# (bench_fleet_pg_1..20 in database test on 127.0.0.1:5432) and 5 MariaDB databases (bench_fleet_my_21..25 on
# 127.0.0.1:3306) — each entry one tenant of a shard (N/25 tenants a shard). Prints:
#   1. the wall time of `fleet validate` (every entry's mapping checked against its shard's metadata);
#   2. the wall time of `fleet run` of all N entries into a local dynalite (not a target figure: it fills the
#      job repository, PostgreSQL schema bench_fleet_repo, with N completed entries);
#   3. the wall time of `fleet status` over that repository, and the time of its one query as the command prints it.
# Targets (issue 15): validate under 30 s, status under 3 s. Needs the packaged jar (./mvnw -q package -DskipTests),
# psql and the mariadb client. BENCH_SKIP_RUN=1 keeps the repository of a previous run (skips step 2).
set -euo pipefail
N=${1:-5000}
JAR=${JAR:-target/dynamo-migrate.jar}
WORK=${WORK:-target/bench-fleet}
CONCURRENCY=${BENCH_CONCURRENCY:-8}
PER_SHARD=$(( (N + 24) / 25 ))
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
REPO=(--repository-url "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench_fleet_repo" --repository-user postgres
      --state-dir "$WORK/state")

echo "== preparing 25 shards, $PER_SHARD tenants each ($N entries)"
for s in $(seq 1 20); do
  psql -q -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 >/dev/null <<SQL
SET client_min_messages = warning; DROP SCHEMA IF EXISTS bench_fleet_pg_$s CASCADE; CREATE SCHEMA bench_fleet_pg_$s;
CREATE TABLE bench_fleet_pg_$s.orders (order_id INT PRIMARY KEY, tenant INT NOT NULL, amount NUMERIC(12,2));
INSERT INTO bench_fleet_pg_$s.orders SELECT g, g % $PER_SHARD, g * 1.25 FROM generate_series(1, $PER_SHARD * 2) g;
SQL
done
for s in $(seq 21 25); do
  mariadb -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS bench_fleet_my_$s; CREATE DATABASE bench_fleet_my_$s; USE bench_fleet_my_$s;
    CREATE TABLE bench_fleet_my_$s.orders (order_id INT PRIMARY KEY, tenant INT NOT NULL, amount DECIMAL(12,2));
    INSERT INTO bench_fleet_my_$s.orders SELECT seq, seq % $PER_SHARD, seq * 1.25 FROM seq_1_to_$(( PER_SHARD * 2 ));"
done
if [ -z "${BENCH_SKIP_RUN:-}" ]; then
  psql -q -h 127.0.0.1 -U postgres -d test -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS bench_fleet_repo CASCADE; CREATE SCHEMA bench_fleet_repo" >/dev/null
  rm -rf "$WORK/state"
fi

cat > "$WORK/orders.yml" <<'YAML'
name: orders
source:
  url: "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench_fleet_pg_${shard}"
  user: postgres
dynamodb: { endpoint: local }
tables:
  - name: bench_fleet_orders
    partitionKey: { name: pk, type: S }
    billingMode: pay-per-request
items:
  - name: order
    table: bench_fleet_orders
    source: { table: orders, key: [order_id], where: "tenant = ${tenant}" }
    attributes:
      pk: "ORDER#${shard}#${order_id}"
      tenant: { value: "${tenant}", type: N }
      amount: { value: "${amount}", type: N }
YAML
python3 - "$WORK" "$N" "$PER_SHARD" <<'PY'
import sys
work, n, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = [(s, t) for s in range(1, 26) for t in range(per)][:n]
with open(f"{work}/pg.csv", "w") as f:
    f.write("shard,tenant\n" + "".join(f"{s},{t}\n" for s, t in rows if s <= 20))
with open(f"{work}/my.csv", "w") as f:
    f.write("shard,tenant\n" + "".join(f"{s},{t}\n" for s, t in rows if s > 20))
PY
cat > "$WORK/fleet.yml" <<'YAML'
name: bench
shards:
  - name: "pg-${shard}-t${tenant}"
    mapping: orders.yml
    inventory: pg.csv
  - name: "my-${shard}-t${tenant}"
    mapping: orders.yml
    source: { url: "jdbc:mariadb://127.0.0.1:3306/bench_fleet_my_${shard}", user: root }
    inventory: my.csv
YAML

seconds() { python3 -c "import time; print(time.time())"; }
echo "== fleet validate ($N entries)"
t0=$(seconds); java -jar "$JAR" fleet validate "$WORK/fleet.yml" | tail -1; t1=$(seconds)
VALIDATE=$(python3 -c "print(f'{$t1 - $t0:.1f}')")
if [ -z "${BENCH_SKIP_RUN:-}" ]; then
  echo "== fleet run ($N entries, $CONCURRENCY at a time; fills the job repository)"
  t0=$(seconds); java -jar "$JAR" fleet run "$WORK/fleet.yml" --concurrency "$CONCURRENCY" "${REPO[@]}" \
    | grep -E "^Fleet bench: [0-9]+ entries run" || true; t1=$(seconds)
  echo "fleet run: $(python3 -c "print(f'{$t1 - $t0:.1f}')") s"
fi
echo "== fleet status ($N entries)"
t0=$(seconds); STATUS_OUT=$(java -jar "$JAR" fleet status "$WORK/fleet.yml" "${REPO[@]}" || true); t1=$(seconds)
echo "$STATUS_OUT" | tail -2
STATUS=$(python3 -c "print(f'{$t1 - $t0:.1f}')")
echo
echo "== results ($N entries over 25 shards, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo "fleet validate: $VALIDATE s (target < 30 s)"
echo "fleet status:   $STATUS s for the whole command, JVM start included (target < 3 s); the query: $(echo "$STATUS_OUT" | grep -o 'in [0-9]* ms')"
