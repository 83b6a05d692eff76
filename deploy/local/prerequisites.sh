# Functions shared by the run and test commands: installing what a fresh Debian machine with only
# the .NET SDK lacks, and waiting for servers. Sourced, not run.

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=""
# Installs Debian packages that are missing (one apt-get update per run at most).
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq >/dev/null
    apt_updated=1
  fi
  echo "Installing ${missing[*]} ..."
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Node.js and npm, for the interop peers and the web portal build.
ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
}

# The HTTP status code of a GET on 127.0.0.1:<port><path>, or 000 when nothing answers.
# Uses bash's /dev/tcp so that curl is not needed.
http_status() {
  local port=$1 path=$2 line
  if ! { exec 9<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then echo 000; return; fi
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&9
  IFS= read -r -t 5 line <&9 || line=""
  exec 9>&- 9<&-
  line=${line#HTTP/1.? }
  echo "${line:0:3}"
}

# Waits until GET <path> on <port> answers 200, for at most <seconds>; gives up at once when the
# process <pid> (optional) has exited.
wait_for_http() {
  local name=$1 port=$2 path=$3 seconds=${4:-60} pid=${5:-}
  for _ in $(seq 1 $((seconds * 2))); do
    [ "$(http_status "$port" "$path")" = "200" ] && return 0
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      echo "error: $name exited before it became ready" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "error: $name did not become ready on port $port ($path) within ${seconds}s" >&2
  return 1
}
