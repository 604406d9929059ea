# Starts a throwaway PostgreSQL for the database store's tests and exports its JDBC URL
# as TEST_POSTGRESQL_URL. Meant to be sourced by .ci/run; stops the server when the
# sourcing shell exits, through ci_cleanup_postgresql.

ci_postgresql_install() {
	if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
		apt-get update
		DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
	fi
}

ci_postgresql_free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

ci_cleanup_postgresql() {
	if [ -n "${CI_POSTGRESQL_DIR:-}" ] && [ -d "$CI_POSTGRESQL_DIR" ]; then
		runuser -u postgres -- "$CI_POSTGRESQL_BIN/pg_ctl" -D "$CI_POSTGRESQL_DIR/data" -m immediate stop >/dev/null 2>&1 || true
		rm -rf "$CI_POSTGRESQL_DIR"
		CI_POSTGRESQL_DIR=
	fi
}

ci_postgresql_start() {
	ci_postgresql_install
	CI_POSTGRESQL_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
	CI_POSTGRESQL_DIR=$(mktemp -d)
	chown postgres "$CI_POSTGRESQL_DIR"
	local port
	port=$(ci_postgresql_free_port)
	runuser -u postgres -- "$CI_POSTGRESQL_BIN/initdb" -D "$CI_POSTGRESQL_DIR/data" -U postgres -A trust >/dev/null
	runuser -u postgres -- "$CI_POSTGRESQL_BIN/pg_ctl" -D "$CI_POSTGRESQL_DIR/data" -l "$CI_POSTGRESQL_DIR/log" -w \
		-o "-h 127.0.0.1 -p $port -k $CI_POSTGRESQL_DIR" start >/dev/null
	export TEST_POSTGRESQL_URL="jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres"
	echo "== PostgreSQL for the tests at $TEST_POSTGRESQL_URL"
}

ci_postgresql_start
# the same trap as .ci/run's: every component's cleanup, whichever sets it last
trap 'for cleanup in $(compgen -A function ci_cleanup_); do "$cleanup"; done' EXIT
