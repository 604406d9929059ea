# Starts a throwaway MariaDB for the database store's tests and exports its JDBC URL as
# TEST_MARIADB_URL. Meant to be sourced by .ci/run; stops the server when the sourcing
# shell exits, through ci_cleanup_mariadb.

ci_mariadb_install() {
	if [ ! -x /usr/sbin/mariadbd ]; then
		apt-get update
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends mariadb-server
	fi
}

ci_mariadb_free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

ci_cleanup_mariadb() {
	if [ -n "${CI_MARIADB_DIR:-}" ] && [ -d "$CI_MARIADB_DIR" ]; then
		if [ -f "$CI_MARIADB_DIR/pid" ]; then
			kill "$(cat "$CI_MARIADB_DIR/pid")" 2>/dev/null || true
			for _ in $(seq 1 50); do
				[ -f "$CI_MARIADB_DIR/pid" ] || break
				sleep 0.2
			done
		fi
		rm -rf "$CI_MARIADB_DIR"
		CI_MARIADB_DIR=
	fi
}

# the server refuses to run as root: it runs as the package's mysql user, in a
# directory of its own, reachable on loopback only
ci_mariadb_start() {
	ci_mariadb_install
	CI_MARIADB_DIR=$(mktemp -d)
	chown mysql "$CI_MARIADB_DIR"
	local port
	port=$(ci_mariadb_free_port)
	runuser -u mysql -- mariadb-install-db --no-defaults --datadir="$CI_MARIADB_DIR/data" \
		--auth-root-authentication-method=normal --skip-test-db >"$CI_MARIADB_DIR/install.log" 2>&1
	runuser -u mysql -- /usr/sbin/mariadbd --no-defaults --datadir="$CI_MARIADB_DIR/data" \
		--bind-address=127.0.0.1 --port="$port" --socket="$CI_MARIADB_DIR/socket" \
		--pid-file="$CI_MARIADB_DIR/pid" >"$CI_MARIADB_DIR/log" 2>&1 &
	for _ in $(seq 1 100); do
		mariadb-admin --socket="$CI_MARIADB_DIR/socket" -u root ping >/dev/null 2>&1 && break
		sleep 0.2
	done
	mariadb --socket="$CI_MARIADB_DIR/socket" -u root -e "CREATE DATABASE executor; \
		CREATE USER 'executor'@'127.0.0.1' IDENTIFIED BY 'executor'; \
		GRANT ALL ON executor.* TO 'executor'@'127.0.0.1';"
	export TEST_MARIADB_URL="jdbc:mariadb://127.0.0.1:$port/executor?user=executor&password=executor"
	echo "== MariaDB for the tests at $TEST_MARIADB_URL"
}

ci_mariadb_start
# the same trap as .ci/run's: every component's cleanup, whichever sets it last
trap 'for cleanup in $(compgen -A function ci_cleanup_); do "$cleanup"; done' EXIT
