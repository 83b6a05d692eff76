#!/usr/bin/env bash
# Runs every test of Exchange on this machine. Installs and starts what the tests need first
# (Node.js packages for the interop peers, a private RabbitMQ node and PostgreSQL cluster under
# .state/), runs the whole .NET test suite, then starts the platform once with the README's run
# command as a smoke test. Ends with one line: "tests: N passed, N failed, N skipped".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source deploy/local/prerequisites.sh
state="$root/.state"
mkdir -p "$state"

ensure_node
echo "Installing interop test peers (npm ci) ..."
(cd tests/interop && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

echo "Starting the private RabbitMQ node and PostgreSQL cluster ..."
bash deploy/local/rabbitmq.sh start >"$state/rabbitmq-start.log" 2>&1 || { cat "$state/rabbitmq-start.log"; exit 1; }
bash deploy/local/postgres.sh start >"$state/postgres-start.log" 2>&1 || { cat "$state/postgres-start.log"; exit 1; }
export EXCHANGE_TEST_RABBITMQ="$(bash deploy/local/rabbitmq.sh url)"
export EXCHANGE_TEST_POSTGRES="$(bash deploy/local/postgres.sh url)"

echo "Building ..."
dotnet build Exchange.sln -nologo -clp:ErrorsOnly -v:q

results="$state/test-results"
rm -rf "$results"
set +e
# One test assembly at a time: this machine has two cores, and the interop and broker tests
# measure deadlines and deliveries that a starved CPU would make flaky.
dotnet test Exchange.sln --no-build -nologo -m:1 --blame-hang-timeout 5m --results-directory "$results" \
  --logger "console;verbosity=minimal" --logger "trx"
status=$?
set -e

# Sum the counters of every test assembly's TRX report.
read -r passed failed skipped < <(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*' |
  sed -E 's/.* passed="([0-9]+)" failed="([0-9]+)".* notExecuted="([0-9]+)".*/\1 \2 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')

smoke=0
if [ "$status" -eq 0 ]; then
  echo "Smoke test of the run command ..."
  if bash deploy/run.sh --smoke >"$state/smoke.log" 2>&1; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); smoke=1
    echo "smoke test failed:"; tail -n 40 "$state/smoke.log"
  fi
fi

echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$smoke" -eq 0 ]
