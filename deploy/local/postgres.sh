#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for local runs and tests: loopback only, its own port, its own
# data under .state/postgres, trust authentication, a login role and a database for the tests.
#
#   deploy/local/postgres.sh start|stop|status|url
#   deploy/local/postgres.sh restart [SECONDS]   (fast shutdown, SECONDS down (0), start: for fault tests)
#
# Settings (environment): EXCHANGE_POSTGRES_PORT (5433), EXCHANGE_POSTGRES_BIN
# (/usr/lib/postgresql/15/bin), EXCHANGE_STATE_DIR (<repo>/.state).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state_dir="${EXCHANGE_STATE_DIR:-$repo_root/.state}/postgres"
data_dir="$state_dir/data"
port="${EXCHANGE_POSTGRES_PORT:-5433}"
bin_dir="${EXCHANGE_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}"
role=exchange
database=exchange_test

# PostgreSQL refuses to run as root: as root, run it as the postgres system user.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

sql() { as_owner "$bin_dir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtAc "$1"; }

connection_string() { echo "Host=127.0.0.1;Port=$port;Username=$role;Database=$database"; }

print_settings() {
  echo "PostgreSQL on 127.0.0.1:$port, role $role (trust), database $database"
  echo "  ConnectionStrings__<service>=$(connection_string)"
  echo "  EXCHANGE_TEST_POSTGRES=$(connection_string)"
}

is_running() { [[ -f "$data_dir/PG_VERSION" ]] && as_owner "$bin_dir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; }

ensure_installed() {
  [[ -x "$bin_dir/initdb" ]] && return
  echo "PostgreSQL server binaries not found in $bin_dir; installing postgresql-15 with apt-get" >&2
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-15 >&2; then
    apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-15 >&2
  fi
}

init_cluster() {
  ensure_installed
  mkdir -p "$state_dir"
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$state_dir"; fi
  [[ -f "$data_dir/PG_VERSION" ]] && return
  as_owner "$bin_dir/initdb" -D "$data_dir" -U postgres -E UTF8 --no-locale \
    --auth-local=trust --auth-host=trust >"$state_dir/initdb.log"
  # Loopback TCP only (no socket directory to share with a system cluster). Durability settings
  # are off because this cluster holds throw-away local and test data.
  cat >>"$data_dir/postgresql.conf" <<'EOF'
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
}

ensure_role_and_database() {
  if [[ -z "$(sql "select 1 from pg_roles where rolname = '$role'")" ]]; then
    sql "create role $role login createdb"
  fi
  # DROP DATABASE ... WITH (FORCE) must also end an autovacuum worker busy in that database, which
  # a role may only do as a member of pg_signal_backend (granting twice only raises a notice).
  sql "set client_min_messages = warning; grant pg_signal_backend to $role"
  if [[ -z "$(sql "select 1 from pg_database where datname = '$database'")" ]]; then
    sql "create database $database owner $role"
  fi
}

start() {
  init_cluster
  if is_running; then
    echo "already running" >&2
  else
    as_owner "$bin_dir/pg_ctl" -D "$data_dir" -l "$state_dir/postgres.log" -o "-p $port" -w -t 60 start >/dev/null
  fi
  ensure_role_and_database
  print_settings
}

stop() {
  if ! is_running; then
    echo "not running" >&2
    return
  fi
  as_owner "$bin_dir/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null
  echo "stopped" >&2
}

status() {
  if is_running; then
    echo "running"
    print_settings
  else
    echo "not running"
    return 3
  fi
}

restart() {
  local down="${1:-0}"
  if ! is_running; then
    echo "not running" >&2
    return 3
  fi
  # Fast shutdown: sessions are cut and open transactions roll back, as in a real database restart.
  as_owner "$bin_dir/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null
  sleep "$down"
  as_owner "$bin_dir/pg_ctl" -D "$data_dir" -l "$state_dir/postgres.log" -o "-p $port" -w -t 60 start >/dev/null
  echo "restarted" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) connection_string ;;
  restart) restart "${2:-0}" ;;
  *) echo "usage: $0 start|stop|status|url|restart [seconds]" >&2; exit 2 ;;
esac
