#!/usr/bin/env bash
# End-to-end benchmark of the outbox, RabbitMQ with publisher confirms and the inbox, on SQLite and
# PostgreSQL (see the README's Performance section). Starts its own RabbitMQ node and PostgreSQL
# cluster (deploy/local scripts, other ports, data under .state/benchmark), so that the load it makes
# never reaches the servers the tests use. Arguments go to the benchmark: --events N, --provider
# sqlite|postgresql|both, --streams S, --writers W, --paced-rate R, --paced-events N, --set Key=Value.
#
#   bash tests/Exchange.Messaging.Benchmark/run.sh --events 50000
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

export EXCHANGE_STATE_DIR="$root/.state/benchmark"
export EXCHANGE_RABBITMQ_NODE=benchmark@localhost EXCHANGE_RABBITMQ_PORT=5693 EXCHANGE_RABBITMQ_DIST_PORT=25693 EXCHANGE_RABBITMQ_EPMD_PORT=4389
export EXCHANGE_POSTGRES_PORT=5453
mkdir -p "$EXCHANGE_STATE_DIR"
bash deploy/local/rabbitmq.sh start >"$EXCHANGE_STATE_DIR/rabbitmq-start.log" 2>&1 || { cat "$EXCHANGE_STATE_DIR/rabbitmq-start.log"; exit 1; }
bash deploy/local/postgres.sh start >"$EXCHANGE_STATE_DIR/postgres-start.log" 2>&1 || { cat "$EXCHANGE_STATE_DIR/postgres-start.log"; exit 1; }
export EXCHANGE_BENCH_RABBITMQ="$(bash deploy/local/rabbitmq.sh url)"
export EXCHANGE_BENCH_POSTGRES="$(bash deploy/local/postgres.sh url)"

dotnet run -c Release --project tests/Exchange.Messaging.Benchmark -- "$@"
