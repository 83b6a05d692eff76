#!/usr/bin/env bash
# Starts the Exchange platform on this machine and keeps it running until Ctrl+C.
#   bash deploy/run.sh              start, print addresses, run until Ctrl+C
#   bash deploy/run.sh --postgres   the same with every service on a private PostgreSQL cluster
#   bash deploy/run.sh --smoke      start, wait until every service is ready, stop (used by the tests)
# It installs and starts a private RabbitMQ node (and PostgreSQL cluster) under .state/, loads the
# demo data once, and keeps data and logs under .state/; running it again keeps the data.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source deploy/local/prerequisites.sh

smoke=""
postgres=""
for arg in "$@"; do
  case "$arg" in
    --smoke) smoke=1 ;;
    --postgres) postgres=1 ;;
    *) echo "usage: bash deploy/run.sh [--postgres] [--smoke]" >&2; exit 2 ;;
  esac
done

state="$root/.state"
mkdir -p "$state/logs" "$state/data"

echo "Starting RabbitMQ ..."
bash deploy/local/rabbitmq.sh start >>"$state/logs/rabbitmq.log" 2>&1 || { tail -n 30 "$state/logs/rabbitmq.log"; exit 1; }
export ConnectionStrings__RabbitMq="$(bash deploy/local/rabbitmq.sh url)"
export Database__DataFolder="$state/data"
export Identity__DevelopmentKeysFolder="$state/keys"
export Demo__Load=true
if [ -n "$postgres" ]; then
  echo "Starting PostgreSQL ..."
  bash deploy/local/postgres.sh start >>"$state/logs/postgres.log" 2>&1 || { tail -n 30 "$state/logs/postgres.log"; exit 1; }
  export Database__Provider=PostgreSQL
  postgres_url="$(bash deploy/local/postgres.sh url)"
fi

echo "Building Exchange (Release) ..."
dotnet build Exchange.sln -c Release -nologo -clp:ErrorsOnly -v:q >/dev/null
echo "Building the web portal ..."
ensure_node
(cd portal && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npm run build >"$state/logs/portal-build.log" 2>&1) ||
  { tail -n 30 "$state/logs/portal-build.log"; exit 1; }
# The gateway serves the portal's files at / on its HTTP port.
export Gateway__Portal__Root="$root/portal/dist"

pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap 'echo; echo "Stopping Exchange ..."; stop_all; exit 0' INT TERM
trap 'stop_all' EXIT

# name, project folder, rpc port, http port
services=(
  "projects services/Exchange.Projects 7101 7111"
  "missions services/Exchange.Missions 7102 7112"
  "claims services/Exchange.Claims 7103 7113"
  "surveys services/Exchange.Surveys 7104 7114"
)

for entry in "${services[@]}"; do
  read -r name folder rpc http <<<"$entry"
  project=$(basename "$folder")
  if [ -n "$postgres" ]; then export "ConnectionStrings__$name=${postgres_url/Database=exchange_test/Database=exchange_$name}"; fi
  Endpoints__RpcPort=$rpc Endpoints__HttpPort=$http \
    dotnet "$folder/bin/Release/net10.0/$project.dll" --contentRoot "$root/$folder" >>"$state/logs/$name.log" 2>&1 &
  pids+=($!)
done

for i in "${!services[@]}"; do
  read -r name folder rpc http <<<"${services[$i]}"
  if ! wait_for_http "$name" "$http" /readyz 90 "${pids[$i]}"; then
    echo "--- last lines of $state/logs/$name.log:" >&2
    tail -n 30 "$state/logs/$name.log" >&2
    exit 1
  fi
done

echo
echo "Exchange is running."
for entry in "${services[@]}"; do
  read -r name folder rpc http <<<"$entry"
  printf '  %-10s gRPC h2c 127.0.0.1:%s   Connect/JSON http://127.0.0.1:%s\n' "$name" "$rpc" "$http"
done
echo
echo "Try:  curl -s -X POST -H 'content-type: application/json' -d '{}' http://127.0.0.1:7111/grpc.health.v1.Health/Check"
echo "Logs: $state/logs"

if [ -n "$smoke" ]; then
  echo "smoke: every service answered ready"
  exit 0
fi
echo "Press Ctrl+C to stop."
wait
