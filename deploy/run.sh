#!/usr/bin/env bash
# Starts the Exchange platform on this machine and keeps it running until Ctrl+C.
#   bash deploy/run.sh              start, print addresses, run until Ctrl+C
#   bash deploy/run.sh --postgres   the same with every service on a private PostgreSQL cluster
#   bash deploy/run.sh --smoke      start, wait until every service and the gateway are ready, stop (used by the tests)
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

# The gateway, in front of every service started above: its key store lives with the services' data.
gateway=gateway/Exchange.Gateway
for entry in "${services[@]}"; do
  read -r name folder rpc http <<<"$entry"
  export "Gateway__Services__${name}__Address=http://127.0.0.1:$rpc" "Gateway__Services__${name}__Http=http://127.0.0.1:$http"
done
if [ -n "$postgres" ]; then export "ConnectionStrings__gateway=${postgres_url/Database=exchange_test/Database=exchange_gateway}"; fi
gateway_dll="$gateway/bin/Release/net10.0/Exchange.Gateway.dll"

# On first start, demo keys for a coordinator, an implementation body and an overseas partner of
# the demo data (Hamamatsu - Jena). They are kept, readable by this user only, to be shown again.
demo_keys="$state/gateway-demo-keys.env"
demo_key() { dotnet "$gateway_dll" keys create --organisation "$1" --organisation-name "$2" --role "$3" --name "demo $3" 2>>"$state/logs/gateway.log"; }
if [ ! -s "$demo_keys" ]; then
  echo "Creating demo API keys ..."
  coordinator_key=$(demo_key programme-office 'Programme office' coordinator)
  body_key=$(demo_key hamamatsu-city 'Hamamatsu City' implementation-body)
  partner_key=$(demo_key jena-city 'Jena economic development' overseas-partner)
  (umask 077 && printf 'COORDINATOR_KEY=%s\nIMPLEMENTATION_BODY_KEY=%s\nPARTNER_KEY=%s\n' "$coordinator_key" "$body_key" "$partner_key" >"$demo_keys")
fi
# shellcheck disable=SC1090
source "$demo_keys"

Endpoints__RpcPort=8081 Endpoints__HttpPort=8080 \
  dotnet "$gateway_dll" --contentRoot "$root/$gateway" >>"$state/logs/gateway.log" 2>&1 &
pids+=($!)
if ! wait_for_http gateway 8080 /healthz 60 "${pids[-1]}"; then
  echo "--- last lines of $state/logs/gateway.log:" >&2
  tail -n 30 "$state/logs/gateway.log" >&2
  exit 1
fi

echo
echo "Exchange is running."
printf '  %-10s gRPC h2c 127.0.0.1:8081   Connect/JSON http://127.0.0.1:8080   (health: http://127.0.0.1:8080/healthz)\n' "gateway"
for entry in "${services[@]}"; do
  read -r name folder rpc http <<<"$entry"
  printf '  %-10s gRPC h2c 127.0.0.1:%s   Connect/JSON http://127.0.0.1:%s\n' "$name" "$rpc" "$http"
done
echo
echo "Demo API keys (also in $demo_keys):"
echo "  coordinator (programme-office):          $COORDINATOR_KEY"
echo "  implementation body (hamamatsu-city):    $IMPLEMENTATION_BODY_KEY"
echo "  overseas partner (jena-city):            $PARTNER_KEY"
echo
echo "Try, as the overseas partner, with curl:"
echo "  curl -s -X POST -H 'content-type: application/json' -H 'x-api-key: $PARTNER_KEY' \\"
echo "    -d '{\"text\":\"Jena\"}' http://127.0.0.1:8080/exchange.projects.v1.Projects/ListProjects"
echo "and with @grpc/grpc-js (its packages are in tests/interop):"
echo "  (cd tests/interop && EXCHANGE_API_KEY='$PARTNER_KEY' node -e \"const grpc=require('@grpc/grpc-js'),loader=require('@grpc/proto-loader');\\"
echo "    const {Projects}=grpc.loadPackageDefinition(loader.loadSync('exchange/projects/v1/projects.proto',{includeDirs:['../../protos']})).exchange.projects.v1;\\"
echo "    const m=new grpc.Metadata();m.set('x-api-key',process.env.EXCHANGE_API_KEY);\\"
echo "    new Projects('127.0.0.1:8081',grpc.credentials.createInsecure()).listProjects({},m,(e,r)=>console.log(e?e.details:r.projects.map(p=>p.title)))\")"
echo "API reference: docs/api.md. Logs: $state/logs"

if [ -n "$smoke" ]; then
  echo "smoke: every service and the gateway answered ready"
  exit 0
fi
echo "Press Ctrl+C to stop."
wait
