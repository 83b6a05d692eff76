#!/usr/bin/env bash
# Runs a command (usually a test run) with the private RabbitMQ and PostgreSQL servers started and
# their connection settings in EXCHANGE_TEST_RABBITMQ and EXCHANGE_TEST_POSTGRES. The servers are
# left running for the next run; stop them with rabbitmq.sh stop and postgres.sh stop.
#
#   deploy/local/with-servers.sh dotnet test tests/Exchange.Messaging.Tests
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ $# -eq 0 ]]; then
  echo "usage: $0 command [args...]" >&2
  exit 2
fi

"$here/rabbitmq.sh" start >&2
"$here/postgres.sh" start >&2

export EXCHANGE_TEST_RABBITMQ="$("$here/rabbitmq.sh" url)"
export EXCHANGE_TEST_POSTGRES="$("$here/postgres.sh" url)"
exec "$@"
