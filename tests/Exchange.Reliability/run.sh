#!/usr/bin/env bash
# The reliability suite (see the README's Reliability section): broker killed mid-stream with a
# negative control, the Claims service killed at each commit point of payment handling, PostgreSQL
# restarted under load, services down. It starts its own RabbitMQ node and PostgreSQL cluster
# (deploy/local scripts on other ports, data under .state/reliability) and prints the table of
# sent / received / lost / duplicated / unexpected at the end.
#
#   bash tests/Exchange.Reliability/run.sh          # small size, as in the test command
#   bash tests/Exchange.Reliability/run.sh --full   # full size: 50,000 events through the broker kill
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

size=small
case "${1:-}" in
  "") ;;
  --full) size=full ;;
  *) echo "usage: $0 [--full]" >&2; exit 2 ;;
esac
export EXCHANGE_RELIABILITY_SIZE="$size"
report="$root/.state/reliability/report.md"

dotnet build tests/Exchange.Reliability -nologo -clp:ErrorsOnly -v:q
rm -f "$report"
set +e
dotnet test tests/Exchange.Reliability --no-build -nologo --logger "console;verbosity=normal"
status=$?
set -e
echo
if [[ -f "$report" ]]; then cat "$report"; else echo "no report was written: see the test output above"; fi
exit "$status"
