#!/usr/bin/env bash
# Builds the container image of every service and of the gateway from the repository root.
#   bash deploy/containers/build.sh                     # images exchange/<part>:dev
#   REGISTRY=registry.example.com/exchange TAG=1.0.0 PUSH=1 bash deploy/containers/build.sh
# Needs a container engine with BuildKit (docker or podman, DOCKER=podman); none runs where
# Exchange is developed, so this script has not been run there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
engine="${DOCKER:-docker}"
registry="${REGISTRY:-exchange}"
tag="${TAG:-dev}"

for dockerfile in "$root"/deploy/containers/*.Dockerfile; do
  part="$(basename "$dockerfile" .Dockerfile)"
  image="$registry/$part:$tag"
  echo "Building $image from $(basename "$dockerfile") ..."
  "$engine" build -f "$dockerfile" -t "$image" "$root"
  if [ -n "${PUSH:-}" ]; then "$engine" push "$image"; fi
done
