#!/usr/bin/env bash
# Run a command against a throwaway Redis server (by default the tests of the shared cache).
#
#   scripts/redis-test.sh [command...]
#
# Installs Debian's redis-server when it is missing (as root), starts one as the current user in
# a temporary directory on a free loopback port with nothing saved to disk, exports CACHE_URL for
# the command, and stops and removes the server afterwards, also when the command fails.
set -euo pipefail

cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- .venv/bin/pytest tests/test_shared_cache.py

if ! command -v redis-server >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's redis-server (the service is not left running)."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends redis-server >/dev/null
    # The package may start its own service on port 6379; these tests use their own server.
    service redis-server stop >/dev/null 2>&1 || true
  fi
  if ! command -v redis-server >/dev/null; then
    echo "!! redis-server not found. Install it with: sudo apt-get install redis-server"
    exit 1
  fi
fi

workdir="$(mktemp -d /tmp/decisionaid-redis.XXXXXX)"
chmod 700 "$workdir"
port="$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
pid=""

cleanup() {
  status=$?
  trap - EXIT INT TERM
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$workdir"
  echo "Redis test server on port $port stopped and removed."
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "Starting a throwaway Redis on 127.0.0.1:$port in $workdir"
redis-server --bind 127.0.0.1 --port "$port" --dir "$workdir" --save "" --appendonly no \
  --protected-mode yes --logfile "$workdir/redis.log" --daemonize no &
pid=$!
for _ in $(seq 1 100); do
  if .venv/bin/python -c "import redis, sys; redis.Redis(port=$port, socket_timeout=0.5).ping()" 2>/dev/null; then
    break
  fi
  kill -0 "$pid" 2>/dev/null || { cat "$workdir/redis.log"; exit 1; }
  sleep 0.1
done

export CACHE_URL="redis://127.0.0.1:$port/0"
echo "CACHE_URL=$CACHE_URL"
"$@"
