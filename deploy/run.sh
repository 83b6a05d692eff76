#!/usr/bin/env bash
# Starts the Exchange platform on this machine and keeps it running until Ctrl+C.
#   bash deploy/run.sh              start, print addresses, run until Ctrl+C
#   bash deploy/run.sh --postgres   the same with every service on a private PostgreSQL cluster
#   bash deploy/run.sh --smoke      start, wait until every service is ready, load the demo, try the
#                                   printed examples, stop (used by the tests)
# It installs and starts a private RabbitMQ node (and PostgreSQL cluster) under .state/, starts every
# service and the gateway, loads the demo data through the gateway ('exchange demo load': only what
# is missing), prints the addresses and the demo API keys, and keeps data, keys and logs under
# .state/; running it again keeps the data and the keys.
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

launch() {
  local name=$1 folder=$2 rpc=$3 http=$4
  local project
  project=$(basename "$folder")
  if [ -n "$postgres" ]; then export "ConnectionStrings__$name=${postgres_url/Database=exchange_test/Database=exchange_$name}"; fi
  Endpoints__RpcPort=$rpc Endpoints__HttpPort=$http \
    dotnet "$folder/bin/Release/net10.0/$project.dll" --contentRoot "$root/$folder" >>"$state/logs/$name.log" 2>&1 &
  pids+=($!)
}
# Waits until every service answers ready.
await_ready() {
  local i=0 entry name folder rpc http
  for entry in "${services[@]}"; do
    read -r name folder rpc http <<<"$entry"
    if ! wait_for_http "$name" "$http" /readyz 90 "${pids[$i]}"; then
      echo "--- last lines of $state/logs/$name.log:" >&2
      tail -n 30 "$state/logs/$name.log" >&2
      exit 1
    fi
    i=$((i + 1))
  done
}

# Together, in any order: a service that keeps a read model of projects and starts after the
# Projects service has published them asks it once for the snapshot of every project (see
# services/Exchange.Messaging/README.md, "Catching up"). Projects, first here, publishes the demo
# projects as it starts, on a new broker often before the other services' queues exist.
for entry in "${services[@]}"; do launch $entry; done
await_ready

# The gateway, in front of every service: the only door for clients (it swaps API keys for the
# tokens the services accept).
gateway_dll="gateway/Exchange.Gateway/bin/Release/net10.0/Exchange.Gateway.dll"
if [ -n "$postgres" ]; then export "ConnectionStrings__gateway=${postgres_url/Database=exchange_test/Database=exchange_gateway}"; fi
dotnet "$gateway_dll" --contentRoot "$root/gateway/Exchange.Gateway" >>"$state/logs/gateway.log" 2>&1 &
pids+=($!)
if ! wait_for_http gateway 8080 /healthz 90 "${pids[-1]}"; then
  echo "--- last lines of $state/logs/gateway.log:" >&2
  tail -n 30 "$state/logs/gateway.log" >&2
  exit 1
fi

# The demo: an admin key made on the gateway's host (its own command line needs no key), kept
# with the demo keys per database provider, since each provider has its own key store.
if [ -n "$postgres" ]; then demo="$state/demo-postgres"; else demo="$state/demo-sqlite"; fi
mkdir -p "$demo" && chmod 700 "$demo"
admin_key_file="$demo/admin.key"
admin_id=""
[ -s "$admin_key_file" ] && admin_id="$(sed -E 's/^exk_([a-z2-7]{16})_.*$/\1/' "$admin_key_file")"
quiet=(--Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning)
if [ -z "$admin_id" ] || ! dotnet "$gateway_dll" keys list --organisation platform-operations "${quiet[@]}" 2>>"$state/logs/gateway-keys.log" | grep -q "^API key $admin_id "; then
  # The key alone, whatever else the command writes.
  (umask 077 && dotnet "$gateway_dll" keys create --organisation platform-operations --organisation-name "Platform operations" \
    --role admin --name "run command: demo load" --expires-in-days 730 "${quiet[@]}" 2>>"$state/logs/gateway-keys.log" \
    | grep -E '^exk_[a-z2-7]{16}_[A-Za-z0-9_-]+$' | tail -n 1 >"$admin_key_file.new")
  [ -s "$admin_key_file.new" ] || { echo "error: the gateway did not create the admin key; see $state/logs/gateway-keys.log" >&2; exit 1; }
  mv "$admin_key_file.new" "$admin_key_file"
fi

exchange=(dotnet cli/Exchange.Cli/bin/Release/net10.0/exchange.dll --gateway http://127.0.0.1:8081)
echo "Loading the demo data (activities, claims, a coordinator contract year, a survey round) ..."
if ! "${exchange[@]}" --key "$(cat "$admin_key_file")" demo load --keys-file "$demo/keys.json" >>"$state/logs/demo-load.log" 2>&1; then
  echo "--- last lines of $state/logs/demo-load.log:" >&2
  tail -n 30 "$state/logs/demo-load.log" >&2
  exit 1
fi
demo_key() { "${exchange[@]}" demo keys --keys-file "$demo/keys.json" --role "$1"; }
coordinator_key="$(demo_key coordinator)"
body_key="$(demo_key implementation-body)"
partner_key="$(demo_key overseas-partner)"

# grpc-js for the printed example, once, out of the way of the repository's own packages; its
# lockfile pins every package, so npm fetches them as they are, without asking the registry.
if [ ! -d "$state/node/node_modules/@grpc/grpc-js" ]; then
  mkdir -p "$state/node"
  cp deploy/local/grpc-js-example/package.json deploy/local/grpc-js-example/package-lock.json "$state/node/"
  (ensure_node && cd "$state/node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1) \
    || echo "warning: could not install @grpc/grpc-js for the grpc-js example" >&2
fi
grpc_js_example="const grpc = require('@grpc/grpc-js'), loader = require('@grpc/proto-loader');
const api = grpc.loadPackageDefinition(loader.loadSync('exchange/projects/v1/projects.proto', { includeDirs: ['protos'], enums: String }));
const projects = new api.exchange.projects.v1.Projects('127.0.0.1:8081', grpc.credentials.createInsecure());
const metadata = new grpc.Metadata(); metadata.set('x-api-key', process.env.EXCHANGE_API_KEY);
projects.ListProjects({ text: 'Dalian' }, metadata, (error, answer) => {
  if (error) { console.error(error.details); process.exit(1); }
  for (const p of answer.projects) console.log(p.title, '|', p.status);
});"

echo
echo "Exchange is running."
for entry in "${services[@]}"; do
  read -r name folder rpc http <<<"$entry"
  printf '  %-10s gRPC h2c 127.0.0.1:%s   Connect/JSON http://127.0.0.1:%s\n' "$name" "$rpc" "$http"
done
printf '  %-10s gRPC h2c 127.0.0.1:%s   Connect/JSON http://127.0.0.1:%s   <- clients call here, with an API key\n' gateway 8081 8080
echo "  portal     http://127.0.0.1:8080/   (sign in with an API key below)"
echo
echo "Demo API keys (kept in $demo/keys.json; running again keeps them):"
printf '  %-20s %-18s %s\n' coordinator programme-office "$coordinator_key"
printf '  %-20s %-18s %s\n' implementation-body hamamatsu-city "$body_key"
printf '  %-20s %-18s %s\n' overseas-partner jena-city "$partner_key"
echo
echo "Try Connect JSON with curl, as the overseas partner (it sees Hamamatsu - Jena only):"
echo "  curl -s -X POST -H 'content-type: application/json' -H 'x-api-key: $partner_key' -d '{\"text\":\"Jena\"}' http://127.0.0.1:8080/exchange.projects.v1.Projects/ListProjects"
echo
echo "Try gRPC with grpc-js, as the coordinator (from this folder):"
echo "  EXCHANGE_API_KEY=$coordinator_key NODE_PATH=$state/node/node_modules node -e \"$grpc_js_example\""
echo
echo "Try the command-line client (put cli/ on PATH to call it from anywhere):"
echo "  cli/exchange login --key $coordinator_key"
echo "  cli/exchange claims list"
echo "Logs: $state/logs"

if [ -n "$smoke" ]; then
  # The printed examples must work.
  EXCHANGE_API_KEY="$coordinator_key" NODE_PATH="$state/node/node_modules" node -e "$grpc_js_example" | grep -q "Dalian" \
    || { echo "smoke: the grpc-js example failed" >&2; exit 1; }
  if command -v curl >/dev/null 2>&1; then
    curl -s -X POST -H 'content-type: application/json' -H "x-api-key: $partner_key" -d '{"text":"Jena"}' \
      http://127.0.0.1:8080/exchange.projects.v1.Projects/ListProjects | grep -q "Hamamatsu - Jena" \
      || { echo "smoke: the curl example failed" >&2; exit 1; }
  fi
  "${exchange[@]}" --key "$body_key" claims list >/dev/null || { echo "smoke: the command-line client failed" >&2; exit 1; }
  echo "smoke: every service answered ready, the demo data is loaded, the examples work"
  exit 0
fi
echo "Press Ctrl+C to stop."
wait
