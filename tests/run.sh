#!/usr/bin/env bash
# Runs every test of Exchange on this machine. Installs and starts what the tests need first
# (Node.js packages for the interop peers, a private RabbitMQ node and PostgreSQL cluster under
# .state/), builds the web portal, runs the whole .NET test suite, then starts the platform once with
# the README's run command as a smoke test, and runs the portal's end-to-end tests in headless
# Chromium. Ends with one line: "tests: N passed, N failed, N skipped".
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
echo "Building the portal (npm ci, npm run build) ..."
(cd portal && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npm run build >"$state/portal-build.log" 2>&1) ||
  { tail -n 40 "$state/portal-build.log"; exit 1; }

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

# The portal's end-to-end tests: headless Chromium against a platform of their own (portal/e2e).
echo "Portal end-to-end tests (headless Chromium) ..."
apt_install chromium fonts-ipafont-gothic
portal_e2e=0
(cd portal && node --test --test-reporter=tap e2e/run.mjs) >"$state/portal-e2e.log" 2>&1 || portal_e2e=1
e2e_passed=$(grep -E '^# pass [0-9]+' "$state/portal-e2e.log" | awk '{print $3}' | tail -n 1 || true)
e2e_failed=$(grep -E '^# fail [0-9]+' "$state/portal-e2e.log" | awk '{print $3}' | tail -n 1 || true)
e2e_skipped=$(grep -E '^# skipped [0-9]+' "$state/portal-e2e.log" | awk '{print $3}' | tail -n 1 || true)
passed=$((passed + ${e2e_passed:-0}))
skipped=$((skipped + ${e2e_skipped:-0}))
# A run that failed before counting (the platform did not start) still counts as one failure.
if [ "$portal_e2e" -ne 0 ] && [ "${e2e_failed:-0}" -eq 0 ]; then e2e_failed=1; fi
failed=$((failed + ${e2e_failed:-0}))
if [ "$portal_e2e" -ne 0 ]; then
  echo "portal end-to-end tests failed (screenshots: .state/screenshots, log: .state/portal-e2e.log):"
  grep -E '^not ok|error:|Error' "$state/portal-e2e.log" | head -n 20 || true
fi

echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$smoke" -eq 0 ] && [ "$portal_e2e" -eq 0 ]
