#!/usr/bin/env bash
# The on-demand benchmark of the RPC layer: unary calls over loopback h2c against our server,
# a @grpc/grpc-js server and a bare Kestrel HTTP/2 endpoint, driven by h2load with the same
# request bytes. Prints a Markdown table and the ratios against the targets.
#
#   bash tests/Exchange.Rpc.Benchmark/run.sh [--duration 6] [--warmup 12] [--runs 5]
#        [--connections 4] [--streams 16] [--threads 2] [--targets ours,grpcjs,kestrel]
#        [--server-gc] [--grpcjs-server path/to/server.js]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
interop="$root/tests/interop"

if ! command -v h2load >/dev/null 2>&1; then
  echo "installing h2load (Debian package nghttp2-client)" >&2
  apt-get update -qq
  apt-get install -y -qq nghttp2-client >/dev/null
fi

if [ -f "$interop/package-lock.json" ] && [ ! -d "$interop/node_modules/@grpc/grpc-js" ]; then
  echo "installing the interop npm packages" >&2
  (cd "$interop" && npm ci --no-audit --no-fund >&2)
fi

echo "building the benchmark (Release)" >&2
dotnet build "$here/Exchange.Rpc.Benchmark.csproj" -c Release -nologo -v quiet >&2

# A --grpcjs-server given on the command line comes later and wins.
exec dotnet "$here/bin/Release/net10.0/Exchange.Rpc.Benchmark.dll" run \
  --grpcjs-server "$interop/grpcjs-server.js" "$@"
