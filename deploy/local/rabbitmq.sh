#!/usr/bin/env bash
# A private RabbitMQ node for local runs and tests: loopback only, its own port, its own data
# under .state/rabbitmq, no plugins. Installs the Debian package when it is missing.
#
#   deploy/local/rabbitmq.sh start|stop|status|url|pid|kill
#   deploy/local/rabbitmq.sh ctl ARGS...   (rabbitmqctl for this node: add_vhost, list_queues...)
#
# Settings (environment): EXCHANGE_RABBITMQ_PORT (5673), EXCHANGE_RABBITMQ_DIST_PORT (25673),
# EXCHANGE_RABBITMQ_NODE (exchange@localhost), EXCHANGE_RABBITMQ_EPMD_PORT (the Erlang default,
# 4369), EXCHANGE_STATE_DIR (<repo>/.state). A second node for fault tests sets all five, so that
# killing it touches nothing the first node uses.
#
# pid prints the node's Erlang VM process id; kill sends it SIGKILL (a crash, for fault tests).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state_dir="${EXCHANGE_STATE_DIR:-$repo_root/.state}/rabbitmq"
port="${EXCHANGE_RABBITMQ_PORT:-5673}"
dist_port="${EXCHANGE_RABBITMQ_DIST_PORT:-25673}"
node="${EXCHANGE_RABBITMQ_NODE:-exchange@localhost}"
epmd_port="${EXCHANGE_RABBITMQ_EPMD_PORT:-}"
bin_dir=/usr/lib/rabbitmq/bin

# The node's own settings. The Debian wrappers in /usr/sbin switch to the rabbitmq user and
# read /etc/rabbitmq; calling the scripts in $bin_dir with these variables keeps the node private.
export RABBITMQ_NODENAME="$node"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$port"
export RABBITMQ_DIST_PORT="$dist_port"
export RABBITMQ_MNESIA_BASE="$state_dir/mnesia"
export RABBITMQ_LOG_BASE="$state_dir/log"
export RABBITMQ_ENABLED_PLUGINS_FILE="$state_dir/enabled_plugins"
export RABBITMQ_CONF_ENV_FILE="$state_dir/rabbitmq-env.conf"
export RABBITMQ_CONFIG_FILE="$state_dir/rabbitmq.conf"
export RABBITMQ_PID_FILE="$state_dir/rabbitmq.pid"
# Erlang distribution and its port mapper on loopback too.
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export ERL_EPMD_ADDRESS=127.0.0.1
# Its own port mapper when asked for: the node, rabbitmqctl and the epmd they start all read it.
if [[ -n "$epmd_port" ]]; then export ERL_EPMD_PORT="$epmd_port"; fi

ensure_installed() {
  if [[ -x "$bin_dir/rabbitmq-server" ]]; then return; fi
  echo "rabbitmq-server is not installed; installing it with apt-get" >&2
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y rabbitmq-server >&2; then
    apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y rabbitmq-server >&2
  fi
}

ctl() { "$bin_dir/rabbitmqctl" -n "$node" "$@"; }

is_running() { ctl status >/dev/null 2>&1; }

print_settings() {
  echo "RabbitMQ node $node on 127.0.0.1:$port"
  echo "  ConnectionStrings__RabbitMq=amqp://guest:guest@127.0.0.1:$port/"
  echo "  EXCHANGE_TEST_RABBITMQ=amqp://guest:guest@127.0.0.1:$port/"
}

# Whether the node answers AMQP on its port: it opens its listeners last, once it has booted and
# recovered its queues. Checked from bash: rabbitmqctl takes seconds (on a busy machine, a minute) to start.
amqp_open() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

start() {
  ensure_installed
  # No VM of this node means it is not running: no need to ask rabbitmqctl.
  if vm_pid >/dev/null && is_running; then
    echo "already running" >&2
    print_settings
    return
  fi
  mkdir -p "$RABBITMQ_MNESIA_BASE" "$RABBITMQ_LOG_BASE"
  echo '[].' > "$RABBITMQ_ENABLED_PLUGINS_FILE"
  : > "$RABBITMQ_CONF_ENV_FILE"
  : > "$RABBITMQ_CONFIG_FILE"
  # setsid: the node must outlive this script and must not get the caller's terminal signals.
  setsid "$bin_dir/rabbitmq-server" >"$state_dir/server.out" 2>&1 < /dev/null &
  local server_pid=$!
  local deadline=$((SECONDS + 300))
  until amqp_open; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "rabbitmq-server exited during start; last lines of $state_dir/server.out:" >&2
      tail -n 30 "$state_dir/server.out" >&2
      exit 1
    fi
    if ((SECONDS > deadline)); then
      echo "rabbitmq-server did not start within 300 s; see $state_dir/server.out" >&2
      exit 1
    fi
    sleep 0.2
  done
  print_settings
}

stop() {
  if ! [[ -x "$bin_dir/rabbitmqctl" ]] || ! is_running; then
    echo "not running" >&2
    return
  fi
  ctl stop "$RABBITMQ_PID_FILE" >/dev/null
  echo "stopped" >&2
}

status() {
  if [[ -x "$bin_dir/rabbitmqctl" ]] && is_running; then
    echo "running"
    print_settings
  else
    echo "not running"
    return 3
  fi
}

# The Erlang VM (beam) of the running node, from the pid file the node writes at start; checked
# against the process's own environment rather than with rabbitmqctl, which takes seconds to start.
vm_pid() {
  local pid
  pid="$(cat "$RABBITMQ_PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 3
  tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null | grep -qx "RABBITMQ_NODENAME=$node" || return 3
  echo "$pid"
}

crash() {
  local pid
  if ! pid="$(vm_pid)"; then
    echo "not running" >&2
    return 3
  fi
  kill -9 "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  echo "killed $pid" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) echo "amqp://guest:guest@127.0.0.1:$port/" ;;
  pid) vm_pid ;;
  kill) crash ;;
  ctl) shift; ctl "$@" ;;
  *) echo "usage: $0 start|stop|status|url|pid|kill|ctl ARGS..." >&2; exit 2 ;;
esac
