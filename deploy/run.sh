#!/usr/bin/env bash
# Starts the Exchange platform on this machine and keeps it running until Ctrl+C.
#   bash deploy/run.sh            start, print addresses, run until Ctrl+C
#   bash deploy/run.sh --smoke    start, wait until every service is ready, stop (used by the tests)
# Data and logs live under .state/ in the project folder; running again keeps the data.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source deploy/local/prerequisites.sh

smoke=""
[ "${1:-}" = "--smoke" ] && smoke=1

state="$root/.state"
mkdir -p "$state/logs" "$state/data"

echo "Building Exchange (Release) ..."
dotnet build Exchange.sln -c Release -nologo -clp:ErrorsOnly -v:q >/dev/null

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
)

for entry in "${services[@]}"; do
  read -r name folder rpc http <<<"$entry"
  project=$(basename "$folder")
  Endpoints__RpcPort=$rpc Endpoints__HttpPort=$http Data__Folder="$state/data" \
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
