#!/usr/bin/env bash
# The on-demand benchmark of the gateway: GetProject on the Projects service, called directly and
# through the gateway with the same load generator (h2load), over gRPC (h2c) and Connect JSON
# (HTTP/1.1), and the floors under the gateway's cost (a TCP relay, HAProxy, YARP alone). Prints Markdown
# tables, the throughput ratio and the added latency.
#
#   bash tests/Exchange.Gateway.Benchmark/run.sh [--duration 8] [--warmup 8] [--rounds 3]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
source deploy/local/prerequisites.sh

if ! command -v h2load >/dev/null 2>&1; then
  echo "installing h2load (Debian package nghttp2-client)" >&2
  apt_install nghttp2-client
fi
if ! command -v haproxy >/dev/null 2>&1; then
  echo "installing HAProxy, the benchmark's reference proxy (Debian package haproxy)" >&2
  apt_install haproxy
fi
bash deploy/local/rabbitmq.sh start >/dev/null
rabbitmq="$(bash deploy/local/rabbitmq.sh url)"

echo "building the service, the gateway and the benchmark (Release)" >&2
for project in services/Exchange.Projects gateway/Exchange.Gateway tests/Exchange.Gateway.Benchmark; do
  dotnet build "$project" -c Release -nologo -v quiet >&2
done

exec dotnet "$here/bin/Release/net10.0/Exchange.Gateway.Benchmark.dll" --root "$root" --rabbitmq "$rabbitmq" "$@"
