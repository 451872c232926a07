#!/usr/bin/env bash
# Run a command (by default the whole test suite) against a throwaway PostgreSQL server.
#
#   scripts/postgres-test.sh [command...]
#
# Installs Debian's postgresql when it is missing (as root), starts a server as an unprivileged
# user in a temporary directory on a free loopback port, exports DATABASE_URL for the command,
# and stops and removes the server afterwards, also when the command fails or is interrupted.
set -euo pipefail

cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- .venv/bin/pytest

pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

bindir="$(pg_bindir)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's postgresql (the server is not started as a service)."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bindir="$(pg_bindir)"
  fi
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "!! PostgreSQL server programs not found under /usr/lib/postgresql/*/bin."
    echo "!! Install them with: sudo apt-get install postgresql"
    echo "!! (or point TEST_DATABASE_URL at a server you run and use 'make test')."
    exit 1
  fi
fi

# PostgreSQL refuses to run as root: as root, run it as the 'postgres' system user the Debian
# package creates, or as 'nobody'. Otherwise run it as whoever we are.
run_as=()
owner="$(id -un)"
if [ "$(id -u)" = 0 ]; then
  if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
  run_as=(runuser -u "$owner" --)
fi

workdir="$(mktemp -d /tmp/decisionaid-pg.XXXXXX)"
chmod 700 "$workdir"
if [ "$(id -u)" = 0 ]; then chown "$owner" "$workdir"; fi
port="$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

pg() { (cd "$workdir" && "${run_as[@]}" "$bindir/$1" "${@:2}"); }

started=0
cleanup() {
  status=$?
  trap - EXIT INT TERM
  if [ "$started" = 1 ]; then
    pg pg_ctl stop -D "$workdir/data" -m immediate -s >/dev/null 2>&1 || true
  fi
  rm -rf "$workdir"
  echo "PostgreSQL test server on port $port stopped and removed."
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "Starting a throwaway PostgreSQL $(basename "$(dirname "$bindir")") as $owner on 127.0.0.1:$port in $workdir"
pg initdb -D "$workdir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
  >"$workdir/initdb.log" 2>&1 || { cat "$workdir/initdb.log"; exit 1; }
# Durability is pointless for a server that lives a few minutes; turning it off makes tests faster.
started=1
pg pg_ctl start -D "$workdir/data" -l "$workdir/server.log" -w -t 60 -s \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $workdir -c fsync=off \
      -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
  || { cat "$workdir/server.log"; exit 1; }
"$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres decisionaid

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/decisionaid"
echo "DATABASE_URL=$DATABASE_URL"
"$@"
