#!/usr/bin/env bash
# Ingest benchmark: proves the ping path (group commit, batched unnest INSERT + rollup)
# against the obvious design, and prints one table of figures.
#
# Run from the repository root:   bench/ingest.sh
#
# What it does, by itself, then stops and cleans up (processes, temp dir) on exit:
#   1. builds the benchmark jar (the product plus src/bench/java, under target/bench) if it is
#      missing or older than src/ (./mvnw -q -B -Pbench package -DskipTests)
#   2. starts PostgreSQL: BENCH_DB_URL if given, else a throw-away server from the
#      embedded-postgres binaries in ~/.m2 on a free loopback port (bench/lib/postgres.sh)
#   3. starts the server jar with --spring.profiles.active=benchmark on a free port, with a
#      fixed heap, the demo catalogue (prisma, terraform), the catalogue refresh at 1h and the
#      report jobs off (the MAU and daily jobs, benchmarked by bench/reports-scale.sh, and the
#      Prometheus gauges, which read the notices once a minute), and installs wrk
#      (apt-get) if absent
#   4. warms every route up, then runs with the same duration, connections and ping mix (bench/check.lua: Prisma-like and go-checkpoint-like checks, 100k signatures):
#        durable GET/POST /v1/check/{product}      the real route (group commit)
#        no-op   GET/POST /bench/noop/check/...    same parsing/validation/answer, no database
#        naive   GET/POST /bench/naive/check/...   one JPA save + rollup upsert per request, in a
#                                                  second server of its own (started beside the first)
#        pgbench single-row INSERT into pings      one row per transaction (bench/pings-insert.sql)
#        durable GET at a fixed rate (half its maximum)  for the p99 latency under a steady load
#   5. prints the table: req/s, p50/p99, ratios, rows stored vs 2xx answered, catalogue
#      queries during the check runs, JVM RSS, bytes per stored ping, and the targets.
# Only loopback traffic. Takes about 9 minutes with the defaults.
#
# Environment overrides:
#   BENCH_DURATION=30          seconds per measured run
#   BENCH_WARMUP=15            seconds of warm-up for each route and method, before measuring
#   BENCH_WARMUP_ROUNDS=4      most rounds of that warm-up: another round runs while the JIT
#                              compiled more than BENCH_JIT_QUIET=60 methods per route and
#                              method in the last one (the "jit" column counts them per run)
#   BENCH_CONNECTIONS=64       wrk connections (and pgbench clients)
#   BENCH_THREADS=2            wrk threads (and pgbench threads)
#   BENCH_RATE=                requests/s of the fixed-rate run, over BENCH_RATE_CONNECTIONS=100:
#                              by default half the durable GET maximum of the same run (5000
#                              when the durable runs are not done)
#   BENCH_HEAP=128m            -Xmx of the server (see below)
#   BENCH_MALLOC_ARENA_MAX=2   glibc malloc arenas of the server process
#   BENCH_JAVA=java            the java binary, e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
#   BENCH_JAVA_OPTS="-XX:+UseSerialGC -XX:SurvivorRatio=4 -XX:TargetSurvivorRatio=80 -XX:TrimNativeHeapInterval=1000"
#                              JVM options
#   BENCH_APP_ARGS=            extra Spring arguments, e.g. --checkpoint.ingest.writer-threads=4
#   BENCH_DB_URL=              postgresql://user:password@host:port/database instead of the
#                              embedded server (its pings tables get rows; nothing is dropped)
#   BENCH_RUNS="durable noop naive pgbench rate"   which runs to do
#   BENCH_PROFILE=             a directory: each measured run is profiled with async-profiler
#                              (BENCH_ASYNC_PROFILER=path of libasyncProfiler.so, from the
#                              tools.profiler:async-profiler jar on Maven Central), which sees
#                              native and kernel frames; one collapsed-stack file per run
#   BENCH_PROFILE_EVENT="event=cpu,interval=1ms"   what it samples, e.g. "event=alloc" for
#                              the bytes allocated (the collapsed files count totals: ns or bytes)
#   BENCH_WAIT_QUIET=0         wait up to this many seconds for other processes to use < 10%
#                              of the CPU before starting (the load is measured and printed)
#
# JVM: -Xmx128m -XX:+UseSerialGC -XX:SurvivorRatio=4 -XX:TargetSurvivorRatio=80
# -XX:TrimNativeHeapInterval=1000 and MALLOC_ARENA_MAX=2 by default (BENCH_HEAP,
# BENCH_JAVA_OPTS, BENCH_MALLOC_ARENA_MAX), the settings the Docker image ships
# (JAVA_TOOL_OPTIONS and MALLOC_ARENA_MAX in Dockerfile). Native memory tracking under load
# (-XX:NativeMemoryTracking=summary) showed heap 160 MiB, metaspace 86, code 39, symbols 23,
# class space 16, shared classes 12, thread stacks 12: ~367 MiB committed, and RSS ~40 MiB
# above that (glibc malloc arenas, which MALLOC_ARENA_MAX bounds). The ping path's live set is small
# (~45 MiB after a full GC under load: catalogue snapshot, queue of at most
# checkpoint.ingest.queue-capacity pings, batches). Measured before: G1 with -Xmx256m gave
# 428 MiB RSS and ~10% less durable throughput on 2 cores; the non-heap part (metaspace
# ~85-100 MiB, code cache ~40, symbols ~22, class space, threads, malloc) is 200-250 MiB.
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=bench/lib/postgres.sh
source bench/lib/postgres.sh

DURATION="${BENCH_DURATION:-30}"
DURATION="${DURATION%s}"
WARMUP="${BENCH_WARMUP:-15}"
WARMUP="${WARMUP%s}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
THREADS="${BENCH_THREADS:-2}"
RATE="${BENCH_RATE:-5000}"  # replaced by half the durable GET maximum when that run is done
RATE_CONNECTIONS="${BENCH_RATE_CONNECTIONS:-100}"
HEAP="${BENCH_HEAP:-128m}"
export MALLOC_ARENA_MAX="${BENCH_MALLOC_ARENA_MAX:-2}"
JAVA="${BENCH_JAVA:-java}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS--XX:+UseSerialGC -XX:SurvivorRatio=4 -XX:TargetSurvivorRatio=80 -XX:TrimNativeHeapInterval=1000}"
read -r -a JAVA_OPTS <<<"${BENCH_JAVA_OPTS}"
read -r -a APP_ARGS <<<"${BENCH_APP_ARGS:-}"
RUNS="${BENCH_RUNS:-durable noop naive pgbench rate}"
QUIET_WAIT="${BENCH_WAIT_QUIET:-0}"
PROFILE_EVENT="${BENCH_PROFILE_EVENT:-event=cpu,interval=1ms}"
WARMUP_ROUNDS="${BENCH_WARMUP_ROUNDS:-4}"
JIT_QUIET="${BENCH_JIT_QUIET:-60}"
GRACE=3
CATALOG_TABLES="'products','releases','notices','version_constraints'"

WORK=$(mktemp -d /tmp/checkpoint-bench.XXXXXX)
APP_PID=""
NAIVE_PID=""

# stop_pid PID: TERM, up to 30 s to exit, then KILL
stop_pid() {
	[[ -n "$1" ]] && kill -0 "$1" 2>/dev/null || return 0
	kill "$1" 2>/dev/null || true
	for _ in $(seq 1 30); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 1
	done
	kill -9 "$1" 2>/dev/null || true
}

cleanup() {
	local status=$?
	trap - EXIT INT TERM
	stop_pid "${APP_PID}"
	stop_pid "${NAIVE_PID}"
	pg_stop
	if [[ ${status} -ne 0 && -f "${WORK}/app.log" ]]; then
		echo "--- last lines of the server log ---" >&2
		tail -40 "${WORK}/app.log" >&2
	fi
	rm -rf "${WORK}"
	exit "${status}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() {
	printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

require_tools() {
	local missing=()
	command -v wrk >/dev/null || missing+=(wrk)
	command -v psql >/dev/null || missing+=(postgresql-client)
	command -v pgbench >/dev/null || missing+=(postgresql-client)
	command -v unzip >/dev/null || missing+=(unzip)
	command -v xz >/dev/null || missing+=(xz-utils)
	if ((${#missing[@]} > 0)); then
		log "installing ${missing[*]} (apt-get)"
		local sudo=""
		[[ "$(id -u)" != "0" ]] && sudo="sudo"
		${sudo} apt-get update -qq >/dev/null
		DEBIAN_FRONTEND=noninteractive ${sudo} apt-get install -y -qq "${missing[@]}" >/dev/null
	fi
}

# The benchmark routes live in src/bench/java: -Pbench builds a separate jar with them
# under target/bench (the product's jar in target/ has none).
find_jar() {
	ls target/bench/checkpoint-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true
}

build_jar() {
	local jar
	jar=$(find_jar)
	if [[ -z "${jar}" || -n "$(find src pom.xml -newer "${jar}" -type f 2>/dev/null | head -1)" ]]; then
		log "building the benchmark jar (./mvnw -q -B -Pbench package -DskipTests)"
		./mvnw -q -B -Pbench package -DskipTests
		jar=$(find_jar)
	fi
	JAR="${jar}"
}

start_database() {
	if [[ -n "${BENCH_DB_URL:-}" ]]; then
		pg_from_url "${BENCH_DB_URL}"
		log "using PostgreSQL at ${PG_HOST}:${PG_PORT}/${PG_DB}"
	else
		log "starting the embedded PostgreSQL binaries"
		pg_start_embedded "${WORK}/postgres"
		log "PostgreSQL $(pg_sql 'show server_version') on 127.0.0.1:${PG_PORT}"
	fi
}

# start_app [NAME]: sets APP_PID, APP_PORT and BASE; the server's output goes to $WORK/NAME.log
start_app() {
	APP_PORT=$(free_port)
	log "starting ${JAR} on port ${APP_PORT} ($("${JAVA}" -version 2>&1 | head -1), -Xmx${HEAP})"
	"${JAVA}" "-Xmx${HEAP}" "${JAVA_OPTS[@]}" -jar "${JAR}" \
		--spring.profiles.active=benchmark \
		--server.port="${APP_PORT}" --server.address=127.0.0.1 \
		--spring.datasource.url="${PG_JDBC_URL}" \
		--spring.datasource.username="${PG_USER}" --spring.datasource.password="${PG_PASSWORD}" \
		--checkpoint.catalog.demo-data=true --checkpoint.catalog.refresh-interval=1h \
		--checkpoint.reports.refresh-cron=- --checkpoint.reports.close-cron=- \
		--checkpoint.reports.daily-cron=- --checkpoint.reports.metrics-interval=1h \
		"${APP_ARGS[@]}" >"${WORK}/${1:-app}.log" 2>&1 &
	APP_PID=$!
	BASE="http://127.0.0.1:${APP_PORT}"
	for _ in $(seq 1 180); do
		if ! kill -0 "${APP_PID}" 2>/dev/null; then
			log "the server exited during start-up"
			return 1
		fi
		if [[ "$(curl -s -o /dev/null -w '%{http_code}' "${BASE}/bench/noop/check/prisma?version=1")" == "200" ]]; then
			log "server up (pid ${APP_PID})"
			return 0
		fi
		sleep 1
	done
	log "the server did not answer within 180 s"
	return 1
}

# stored pings: a row holds several pings of one signature when they fold (hits)
rows() {
	pg_sql "select coalesce(sum(hits), 0) from pings"
}

catalog_scans() {
	pg_sql "select coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0) from pg_stat_user_tables
		where relname in (${CATALOG_TABLES})"
}

catalog_scans_detail() {
	pg_sql "select string_agg(relname || '=' || (seq_scan + coalesce(idx_scan, 0)), ' ' order by relname)
		from pg_stat_user_tables where relname in (${CATALOG_TABLES})"
}

app_cpu_ticks() {
	awk '{ print $14 + $15 }' "/proc/${APP_PID}/stat"
}

# async-profiler for the measured window only (BENCH_PROFILE, BENCH_ASYNC_PROFILER). The
# options are quoted: jcmd would otherwise read their key=value pairs as its own.
profile_start() {
	[[ -n "${BENCH_PROFILE:-}" ]] || return 0
	jcmd "${APP_PID}" JVMTI.agent_load "${BENCH_ASYNC_PROFILER}" "\"start,${PROFILE_EVENT}\"" >/dev/null
}

profile_stop() {
	[[ -n "${BENCH_PROFILE:-}" ]] || return 0
	mkdir -p "${BENCH_PROFILE}"
	jcmd "${APP_PID}" JVMTI.agent_load "${BENCH_ASYNC_PROFILER}" \
		"\"stop,file=$(realpath "${BENCH_PROFILE}")/$1.collapsed,collapsed,total\"" >/dev/null
}

# Context switches (voluntary + involuntary) of all the server's threads so far: what a
# thread parked per waiting request costs in the kernel, which JFR does not see.
app_context_switches() {
	cat /proc/"${APP_PID}"/task/*/status 2>/dev/null |
		awk '/^(voluntary|nonvoluntary)_ctxt_switches:/ { n += $2 } END { printf "%d", n }'
}

# CPU ticks of every process that is not ours (server, our PostgreSQL, wrk, pgbench): other
# work on the box that competes with the benchmark; then those of our embedded PostgreSQL.
# Reaped children count in their parent (cutime/cstime), so exits do not lose ticks; a
# process that exits unreaped, or whose parent exits too, makes this approximate.
foreign_ticks() {
	local postmaster=0
	[[ -n "${PG_EMBEDDED_DIR}" ]] && postmaster=$(head -1 "${PG_EMBEDDED_DIR}/data/postmaster.pid" 2>/dev/null || echo 0)
	cat /proc/[0-9]*/stat 2>/dev/null | awk -v app="${APP_PID}" -v pm="${postmaster}" '{
		pid = $1; comm = $2; rest = $0; sub(/^[^)]*\) /, "", rest); split(rest, f, " ")
		if (pid == pm || (pm > 0 && f[2] == pm)) { pg += f[12] + f[13] + f[14] + f[15]; next }
		if (pid == app || comm == "(wrk)" || comm == "(pgbench)") next
		total += f[12] + f[13] + f[14] + f[15]
	} END { printf "%d %d\n", total, pg }'
}

box_ticks() {
	awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8; total = busy + $5 + $6; print busy, total }' /proc/stat
}

# wrk_run NAME PREFIX METHOD WINDOW RATE CONNECTIONS: output in $WORK/NAME.wrk; wrk_parse NAME
# then sets W_* from its BENCH line
wrk_run() {
	local name="$1" prefix="$2" method="$3" window="$4" rate="$5" connections="$6"
	local out="${WORK}/${name}.wrk"
	wrk -t "${THREADS}" -c "${connections}" -d "$((window + GRACE))s" --timeout 30s \
		-s bench/check.lua "${BASE}" -- "${prefix}" "${method}" "${name}-$$-${RANDOM}" "${window}" "${rate}" \
		"${THREADS}" >"${out}" 2>&1 || {
		cat "${out}" >&2
		return 1
	}
}

wrk_parse() {
	local line
	line=$(grep '^BENCH ' "${WORK}/$1.wrk" | tail -1)
	if [[ -z "${line}" ]]; then
		cat "${WORK}/$1.wrk" >&2
		return 1
	fi
	for kv in ${line#BENCH }; do
		printf -v "W_${kv%%=*}" '%s' "${kv#*=}"
	done
}

declare -a TABLE=()
declare -A RPS=()
declare -A P99=()
declare -a MISMATCHES=()

# measure NAME LABEL PREFIX METHOD DURABLE RATE CONNECTIONS
measure() {
	local name="$1" label="$2" prefix="$3" method="$4" durable="$5" rate="$6" connections="$7"
	local before after cpu0 cpu1 box0 box1 other0 other1 pg0 pg1 wrk_pid cs0 cs1 jit0 jit1
	# no run pays for the pages the one before dirtied (a checkpoint inside the window;
	# needs a superuser or pg_checkpoint with BENCH_DB_URL, else skipped)
	pg_sql "checkpoint" 2>/dev/null || true
	before=$(rows)
	log "${label}: ${DURATION}s, ${connections} connections"
	# before and after the run, as jcmd is a JVM of its own
	jit0=$(jit_compiles)
	wrk_run "${name}" "${prefix}" "${method}" "${DURATION}" "${rate}" "${connections}" &
	wrk_pid=$!
	# CPU of the server and of the whole box during the measured window only
	profile_start
	cpu0=$(app_cpu_ticks)
	cs0=$(app_context_switches)
	read -r other0 pg0 <<<"$(foreign_ticks)"
	read -r -a box0 <<<"$(box_ticks)"
	sleep "${DURATION}"
	cpu1=$(app_cpu_ticks)
	cs1=$(app_context_switches)
	profile_stop "${name}"
	read -r other1 pg1 <<<"$(foreign_ticks)"
	read -r -a box1 <<<"$(box_ticks)"
	wait "${wrk_pid}"
	jit1=$(jit_compiles)
	wrk_parse "${name}"
	after=$(rows)
	local ok=$((W_requests - W_status_errors))
	local non2xx=$((W_status_errors + W_connect + W_read + W_write + W_timeout))
	local stored=$((after - before))
	local rps=$((ok / DURATION))
	local hz
	hz=$(getconf CLK_TCK)
	local app_cpu=$(((cpu1 - cpu0) * 100 / hz / DURATION))
	local box_busy=$(((box1[0] - box0[0]) * 100 / hz / DURATION))
	local other_cpu=$(((other1 - other0) * 100 / hz / DURATION))
	((other_cpu < 0)) && other_cpu=0
	local pg_cpu=$(((pg1 - pg0) * 100 / hz / DURATION))
	local check="-"
	if [[ "${durable}" == "yes" ]]; then
		if ((stored == ok)); then check="equal"; else
			check="DIFFER"
			MISMATCHES+=("${label}: ${stored} rows vs ${ok} 2xx (wrk errors: status ${W_status_errors}, connect ${W_connect}, read ${W_read}, write ${W_write}, timeout ${W_timeout})")
		fi
	elif ((stored != 0)); then
		check="STORED?"
		MISMATCHES+=("${label}: stored ${stored} rows but should store none")
	fi
	RPS["${name}"]=${rps}
	P99["${name}"]=${W_p99_us}
	local switches="-" pg_per_ping="-"
	((ok > 0)) && switches=$(awk "BEGIN { printf \"%.1f\", (${cs1} - ${cs0}) / ${ok} }")
	((stored > 0)) && pg_per_ping=$(awk "BEGIN { printf \"%.0f\", (${pg1} - ${pg0}) * 1000000 / ${hz} / ${stored} }")
	TABLE+=("$(printf '%-30s %8d %8.2f %8.2f %9d %7d %10d %-7s %6d%% %6d%% %6d%% %6d%% %8s %8s %5s' "${label}" "${rps}" \
		"$(awk "BEGIN { print ${W_p50_us} / 1000 }")" "$(awk "BEGIN { print ${W_p99_us} / 1000 }")" \
		"${ok}" "${non2xx}" "${stored}" "${check}" "${app_cpu}" "${pg_cpu}" "${box_busy}" "${other_cpu}" \
		"${switches}" "${pg_per_ping}" "$((jit1 - jit0))")")
}
# Methods the server's JIT has compiled so far (the JVM's sun.ci.totalCompiles counter).
jit_compiles() {
	jcmd "${APP_PID}" PerfCounter.print 2>/dev/null | awk -F= '/^sun.ci.totalCompiles=/ { print $2 }'
}

# The JIT needs a while on two cores: every route and method gets BENCH_WARMUP seconds of
# the same load before anything is measured (warm_up PREFIX...: those routes only), in
# rounds until a round compiled at most BENCH_JIT_QUIET methods per route and method (a
# C2 thread compiling during a measured run took 20% of its CPU samples, and the first
# run measured is the durable GET), or BENCH_WARMUP_ROUNDS rounds.
warm_up() {
	local prefix method prefixes=() round before compiled
	[[ " ${RUNS} " == *" durable "* || " ${RUNS} " == *" rate "* ]] && prefixes+=(/v1/check)
	[[ " ${RUNS} " == *" noop "* ]] && prefixes+=(/bench/noop/check)
	(($# > 0)) && prefixes=("$@")
	for round in $(seq 1 "${WARMUP_ROUNDS}"); do
		before=$(jit_compiles)
		for prefix in "${prefixes[@]}"; do
			for method in GET POST; do
				log "warm-up ${method} ${prefix}: ${WARMUP}s (round ${round})"
				wrk_run "warmup" "${prefix}" "${method}" "${WARMUP}" 0 "${CONNECTIONS}"
			done
		done
		compiled=$(($(jit_compiles) - before))
		log "warm-up round ${round}: the JIT compiled ${compiled} methods"
		if ((compiled <= JIT_QUIET * 2 * ${#prefixes[@]})); then
			break
		fi
	done
}

# CPU used by other processes before we start, in % of the whole box (0-100).
background_load() {
	local b0 b1
	read -r -a b0 <<<"$(box_ticks)"
	sleep 3
	read -r -a b1 <<<"$(box_ticks)"
	echo $(((b1[0] - b0[0]) * 100 / (b1[1] - b0[1])))
}

run_pgbench() {
	local label="pgbench 1-row INSERT/commit" product shape
	# the ping's product and shape are in the dictionaries already, as the server's would be
	# after its warm-up
	product=$(pg_sql "insert into ping_products (name) values ('prisma')
		on conflict (name) do update set name = excluded.name returning id")
	shape=$(pg_sql "insert into ping_shapes (digest, version, os, arch, cli_install_type, node_version,
		  schema_providers, schema_generators_providers, checkpoint_version, user_agent)
		select ping_shape_digest(v, o, a, null, i, n, p, null, g, c, u), v, o, a, i, n, p, g, c, u
		from (values ('5.22.0', 'linux', 'x64', 'local', 'v20.11.1', 'postgresql', 'prisma-client-js',
		  '1.2.0', 'prisma/checkpoint-client')) as t(v, o, a, i, n, p, g, c, u)
		on conflict (digest) do update set version = excluded.version returning id")
	log "${label}: warm-up ${WARMUP}s"
	pgbench -n -c "${CONNECTIONS}" -j "${THREADS}" -T "${WARMUP}" -D "product=${product}" -D "shape=${shape}" -f bench/pings-insert.sql >/dev/null 2>&1
	local before after other0 other1 pg0 pg1
	pg_sql "checkpoint" 2>/dev/null || true
	before=$(rows)
	log "${label}: ${DURATION}s, ${CONNECTIONS} clients"
	mkdir -p "${WORK}/pgbench"
	read -r other0 pg0 <<<"$(foreign_ticks)"
	(cd "${WORK}/pgbench" && pgbench -n -c "${CONNECTIONS}" -j "${THREADS}" -T "${DURATION}" -l \
		-D "product=${product}" -D "shape=${shape}" -f "${OLDPWD}/bench/pings-insert.sql") >"${WORK}/pgbench.out" 2>&1 || {
		cat "${WORK}/pgbench.out" >&2
		return 1
	}
	read -r other1 pg1 <<<"$(foreign_ticks)"
	after=$(rows)
	local tps done_tx p50 p99
	tps=$(awk '/^tps = / { printf "%d", $3 }' "${WORK}/pgbench.out")
	done_tx=$(awk '/number of transactions actually processed/ { split($NF, a, "/"); print a[1] }' "${WORK}/pgbench.out")
	read -r p50 p99 < <(cat "${WORK}"/pgbench/pgbench_log.* | awk '{ print $3 }' | sort -n |
		awk '{ v[NR] = $1 } END { printf "%.2f %.2f\n", v[int(NR * 0.5)] / 1000, v[int(NR * 0.99)] / 1000 }')
	local stored=$((after - before)) check="equal"
	if ((stored != done_tx)); then
		check="DIFFER"
		MISMATCHES+=("${label}: ${stored} rows vs ${done_tx} commits")
	fi
	RPS[pgbench]=${tps}
	local hz pg_cpu pg_per_row="-"
	hz=$(getconf CLK_TCK)
	pg_cpu=$(((pg1 - pg0) * 100 / hz / DURATION))
	((stored > 0)) && pg_per_row=$(awk "BEGIN { printf \"%.0f\", (${pg1} - ${pg0}) * 1000000 / ${hz} / ${stored} }")
	TABLE+=("$(printf '%-30s %8d %8.2f %8.2f %9d %7d %10d %-7s %7s %6d%% %7s %7s %8s %8s %5s' "${label}" "${tps}" "${p50}" "${p99}" \
		"${done_tx}" 0 "${stored}" "${check}" "-" "${pg_cpu}" "-" "-" "-" "${pg_per_row}" "-")")
}

bytes_per_ping() {
	log "VACUUM ANALYZE pings"
	pg_sql "vacuum analyze pings" >/dev/null
	pg_sql "vacuum analyze ping_shapes, ping_products" >/dev/null
	local sizes
	sizes=$(pg_sql "select coalesce(sum(pg_total_relation_size(c.oid)), 0), coalesce(sum(pg_indexes_size(c.oid)), 0)
		from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'pings'::regclass")
	# the dictionaries the rows refer to (ping_shapes, ping_products) count too
	echo "$(rows) $(pg_sql "select count(*) from pings") ${sizes%%|*} ${sizes#*|}" \
		"$(pg_sql "select pg_total_relation_size('ping_shapes') + pg_total_relation_size('ping_products')")" \
		"$(pg_sql "select count(*) from ping_shapes")"
}

ratio() {
	awk "BEGIN { if ($2 == 0) print \"n/a\"; else printf \"$3\", $1 / $2 }"
}

main() {
	require_tools
	build_jar
	start_database
	BACKGROUND=$(background_load)
	local waited=0
	while ((BACKGROUND > 10 && waited < QUIET_WAIT)); do
		log "other processes use ${BACKGROUND}% of the CPU: waiting for a quiet box (BENCH_WAIT_QUIET=${QUIET_WAIT})"
		sleep 10
		waited=$((waited + 13))
		BACKGROUND=$(background_load)
	done
	if ((BACKGROUND > 10)); then
		log "WARNING: other processes use ${BACKGROUND}% of the CPU: the figures will be lower than on a quiet box"
	fi
	start_app
	if [[ " ${RUNS} " == *" naive "* ]]; then
		# The naive route runs in a server of its own, so that Hibernate's insert path, its
		# live data and its compiled code stay out of the measured server's memory and
		# collections (its RSS and the fixed-rate run's p99). Started now, it is idle, and its
		# start-up's catalogue reads come before the count below.
		local main_pid="${APP_PID}" main_port="${APP_PORT}" main_base="${BASE}"
		start_app naive
		NAIVE_PID="${APP_PID}" NAIVE_BASE="${BASE}"
		APP_PID="${main_pid}" APP_PORT="${main_port}" BASE="${main_base}"
	fi
	warm_up
	local scans0 scans1 detail0 detail1
	# PostgreSQL flushes a backend's table statistics up to 10 s after it went idle
	log "waiting 11 s for the table statistics"
	sleep 11
	scans0=$(catalog_scans)
	detail0=$(catalog_scans_detail)

	if [[ " ${RUNS} " == *" durable "* ]]; then
		measure durable-get "durable GET  /v1/check" /v1/check GET yes 0 "${CONNECTIONS}"
		measure durable-post "durable POST /v1/check" /v1/check POST yes 0 "${CONNECTIONS}"
		read -r B_ROWS B_PHYSICAL B_TOTAL B_INDEXES B_SHAPES B_SHAPE_ROWS <<<"$(bytes_per_ping)"
	fi
	if [[ " ${RUNS} " == *" noop "* ]]; then
		measure noop-get "no-op   GET  /bench/noop" /bench/noop/check GET no 0 "${CONNECTIONS}"
		measure noop-post "no-op   POST /bench/noop" /bench/noop/check POST no 0 "${CONNECTIONS}"
	fi
	if [[ " ${RUNS} " == *" naive "* ]]; then
		local main_pid="${APP_PID}" main_base="${BASE}"
		APP_PID="${NAIVE_PID}" BASE="${NAIVE_BASE}"
		# the warm-up the naive route had when it shared the server: every route and method
		# in turn, so that the code they share (Tomcat, security, parsing, JSON) is compiled
		# as far as in the measured server
		warm_up /v1/check /bench/noop/check /bench/naive/check
		measure naive-get "naive   GET  /bench/naive" /bench/naive/check GET yes 0 "${CONNECTIONS}"
		measure naive-post "naive   POST /bench/naive" /bench/naive/check POST yes 0 "${CONNECTIONS}"
		stop_pid "${NAIVE_PID}"
		NAIVE_PID=""
		APP_PID="${main_pid}" BASE="${main_base}"
	fi
	if [[ " ${RUNS} " == *" rate "* ]]; then
		# half the durable maximum measured just before, unless BENCH_RATE is given
		if [[ -z "${BENCH_RATE:-}" && -n "${RPS[durable-get]:-}" ]]; then
			RATE=$((RPS[durable-get] / 2))
		fi
		measure rate-get "durable GET  @${RATE}/s" /v1/check GET yes "${RATE}" "${RATE_CONNECTIONS}"
	fi
	sleep 11
	scans1=$(catalog_scans)
	detail1=$(catalog_scans_detail)
	local rss hwm threads
	rss=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/${APP_PID}/status")
	hwm=$(awk '/^VmHWM/ { print int($2 / 1024) }' "/proc/${APP_PID}/status")
	threads=$(awk '/^Threads/ { print $2 }' "/proc/${APP_PID}/status")
	if [[ " ${RUNS} " == *" pgbench "* ]]; then
		run_pgbench
	fi

	local cpu_model java_version
	cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
	java_version=$("${JAVA}" -version 2>&1 | head -1)
	echo
	echo "Checkpoint ingest benchmark: $(nproc) cores (${cpu_model}), $(free -m | awk '/^Mem:/ { print $2 }') MiB RAM"
	echo "  server: ${java_version}, -Xmx${HEAP} ${BENCH_JAVA_OPTS:-} ${BENCH_APP_ARGS:-} MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX}"
	echo "  PostgreSQL $(pg_sql 'show server_version'), synchronous_commit=$(pg_sql 'show synchronous_commit'), fsync=$(pg_sql 'show fsync')"
	echo "  wrk -t${THREADS} -c${CONNECTIONS}, ${DURATION}s per run after ${WARMUP}s warm-up per route and method; fixed rate: ${RATE}/s over ${RATE_CONNECTIONS} connections"
	echo "  CPU used by other processes before the start: ${BACKGROUND}% of the box"
	echo
	printf '%-30s %8s %8s %8s %9s %7s %10s %-7s %7s %7s %7s %7s %8s %8s %5s\n' "run" "req/s" "p50 ms" "p99 ms" "2xx" "errors" \
		"rows" "rows=2xx" "appCPU" "pgCPU" "boxCPU" "other" "ctxsw/rq" "pgµs/row" "jit"
	printf '%s\n' "${TABLE[@]}"
	echo
	local g="${RPS[durable-get]:-0}" p="${RPS[durable-post]:-0}"
	if [[ -n "${RPS[noop-get]:-}" ]]; then
		echo "durable / no-op:  GET $(ratio "${g}*100" "${RPS[noop-get]}" '%.0f')%, POST $(ratio "${p}*100" "${RPS[noop-post]}" '%.0f')%   (target >= 60%)"
	fi
	if [[ -n "${RPS[naive-get]:-}" ]]; then
		echo "durable / naive:  GET $(ratio "${g}" "${RPS[naive-get]}" '%.2f')x, POST $(ratio "${p}" "${RPS[naive-post]}" '%.2f')x   (target >= 2.5x)"
	fi
	if [[ -n "${RPS[pgbench]:-}" ]]; then
		echo "durable / pgbench 1-row ceiling:  GET $(ratio "${g}" "${RPS[pgbench]}" '%.2f')x, POST $(ratio "${p}" "${RPS[pgbench]}" '%.2f')x"
	fi
	echo "catalogue queries during the check runs: $((scans1 - scans0))   (before: ${detail0}; after: ${detail1})"
	echo "JVM RSS after the HTTP runs: VmRSS ${rss} MiB, peak VmHWM ${hwm} MiB, ${threads} threads   (target <= 400 MiB)"
	if [[ -n "${B_ROWS:-}" ]]; then
		echo "bytes per stored ping (durable runs, after VACUUM ANALYZE): $(((B_TOTAL + B_SHAPES) / B_ROWS))" \
			"= (${B_TOTAL} + ${B_SHAPES}) bytes / ${B_ROWS} pings   (target <= 80)"
		echo "  pings: $((B_TOTAL / B_ROWS)) per ping (heap+toast $(((B_TOTAL - B_INDEXES) / B_ROWS))," \
			"indexes $((B_INDEXES / B_ROWS))), folded into ${B_PHYSICAL} rows:" \
			"$(ratio "${B_ROWS}" "${B_PHYSICAL}" '%.1f') pings per row, $((B_TOTAL / B_PHYSICAL)) bytes per row"
		echo "  dictionaries (ping_shapes, ping_products): $((B_SHAPES / B_ROWS)) per ping (${B_SHAPE_ROWS} shapes," \
			"$(ratio "${B_SHAPES}" "${B_SHAPE_ROWS}" '%.0f') bytes each, indexes included)"
	fi
	if ((${#MISMATCHES[@]} > 0)); then
		echo "MISMATCHES:"
		printf '  %s\n' "${MISMATCHES[@]}"
		echo "  the server's last warnings:"
		grep -E ' (WARN|ERROR) ' "${WORK}/app.log" | tail -10 | sed 's/^/    /' || true
	fi
	echo
	echo "targets:"
	target "durable ingest >= 10,000 pings/s (GET)" "${g}" ">=" 10000
	target "durable ingest >= 10,000 pings/s (POST)" "${p}" ">=" 10000
	[[ -n "${RPS[noop-get]:-}" ]] && target "durable >= 60% of no-op (GET)" "$(((g * 100 + RPS[noop-get] / 2) / RPS[noop-get]))" ">=" 60
	[[ -n "${RPS[noop-post]:-}" ]] && target "durable >= 60% of no-op (POST)" "$(((p * 100 + RPS[noop-post] / 2) / RPS[noop-post]))" ">=" 60
	[[ -n "${RPS[naive-get]:-}" ]] && target "durable >= 2.5x naive (GET, x100)" "$(((g * 100 + RPS[naive-get] / 2) / RPS[naive-get]))" ">=" 250
	[[ -n "${RPS[naive-post]:-}" ]] && target "durable >= 2.5x naive (POST, x100)" "$(((p * 100 + RPS[naive-post] / 2) / RPS[naive-post]))" ">=" 250
	[[ -n "${P99[rate-get]:-}" ]] && target "p99 <= 20 ms at ${RATE}/s (us)" "${P99[rate-get]}" "<=" 20000
	target "0 catalogue queries" "$((scans1 - scans0))" "<=" 0
	target "JVM RSS <= 400 MiB (peak)" "${hwm}" "<=" 400
	[[ -n "${B_ROWS:-}" ]] && target "<= 80 bytes per stored ping" "$(((B_TOTAL + B_SHAPES) / B_ROWS))" "<=" 80
	return 0
}

target() {
	local name="$1" value="$2" op="$3" limit="$4" verdict
	if [[ "${op}" == ">=" ]]; then
		((value >= limit)) && verdict="met" || verdict="MISSED by $(((limit - value) * 100 / limit))%"
	else
		((value <= limit)) && verdict="met" || verdict="MISSED by $(((value - limit) * 100 / (limit > 0 ? limit : 1)))%"
	fi
	printf '  %-42s %10s %s %-8s %s\n' "${name}" "${value}" "${op}" "${limit}" "${verdict}"
}

main "$@"
