#!/usr/bin/env bash
# Part of `make test`: run the suite again on the developer's own PostgreSQL when one is set up.
#
# Uses TEST_DATABASE_URL, or DATABASE_URL when that is a postgres:// URL. Nothing set: says how to
# test on PostgreSQL and succeeds. Set but unreachable: says so and succeeds, except with CI=true,
# where it fails (a CI that names a server means to test on it).
set -euo pipefail

cd "$(dirname "$0")/.."
url="${TEST_DATABASE_URL:-}"
case "${DATABASE_URL:-}" in
  postgres://* | postgresql://* | pgsql://*) url="${url:-$DATABASE_URL}" ;;
esac

if [ -z "$url" ]; then
  echo "Suite ran on SQLite. To run it on PostgreSQL too: set TEST_DATABASE_URL, or 'make test-postgres'."
  exit 0
fi

shown="$(.venv/bin/python -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(p._replace(netloc=(p.hostname or "") + (f":{p.port}" if p.port else "")).geturl())' "$url")"
if ! .venv/bin/python - "$url" <<'PY'
import sys

import dj_database_url
import psycopg

cfg = dj_database_url.parse(sys.argv[1])
try:
    psycopg.connect(
        dbname=cfg["NAME"] or "postgres",
        user=cfg["USER"] or None,
        password=cfg["PASSWORD"] or None,
        host=cfg["HOST"] or None,
        port=cfg["PORT"] or None,
        connect_timeout=5,
    ).close()
except psycopg.Error as error:
    print(f"!! {error}".strip(), file=sys.stderr)
    sys.exit(1)
PY
then
  echo "!! PostgreSQL at $shown is not reachable."
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "!! Skipping the PostgreSQL run ('make test-postgres' starts a throwaway server instead)."
  exit 0
fi

echo "Running the suite again on PostgreSQL at $shown"
DATABASE_URL="$url" .venv/bin/pytest "$@"
