#!/usr/bin/env bash
# Runs a command next to a throwaway PostgreSQL cluster, then removes the cluster.
#
#   scripts/with-postgres.sh dotnet test ContactsSdk.sln
#
# The cluster lives in a new temporary directory, listens on a free port of 127.0.0.1 only (and on a
# Unix socket inside that directory), trusts local connections, and has a database named
# contactssdk. The command runs with
#
#   CONTACTSSDK_POSTGRES=Host=127.0.0.1;Port=<port>;Username=postgres;Database=contactssdk
#
# (plus PGHOST, PGPORT, PGUSER and PGDATABASE for psql) and the script exits with its status. The
# cluster is stopped and its directory deleted however the command ends, Ctrl-C included.
#
# PostgreSQL refuses to run as root: when started as root, the server runs as the `postgres` user
# (POSTGRES_OS_USER to choose another); otherwise it runs as the current user. The server binaries
# are looked up in PG_BIN if set, then next to `pg_ctl` on PATH, then under /usr/lib/postgresql
# (newest version first).
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [arguments...]" >&2
  exit 64
fi

database=contactssdk
superuser=postgres

find_bin_dir() {
  if [ -n "${PG_BIN:-}" ]; then
    echo "$PG_BIN"
    return
  fi
  local on_path
  if on_path=$(command -v pg_ctl 2>/dev/null); then
    dirname "$(readlink -f "$on_path")"
    return
  fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    echo "$dir"
    return
  done
}

bin=$(find_bin_dir)
for tool in initdb pg_ctl psql; do
  if [ -z "$bin" ] || [ ! -x "$bin/$tool" ]; then
    echo "with-postgres: no PostgreSQL server binaries found (looked in PG_BIN, PATH and /usr/lib/postgresql/*/bin)." >&2
    echo "with-postgres: install PostgreSQL (for example apt-get install postgresql-15) or set PG_BIN." >&2
    exit 69
  fi
done

# Runs a PostgreSQL tool as the user that owns the cluster.
if [ "$(id -u)" -eq 0 ]; then
  os_user=${POSTGRES_OS_USER:-postgres}
  if ! id "$os_user" >/dev/null 2>&1; then
    echo "with-postgres: running as root, but there is no '$os_user' user to run PostgreSQL as (set POSTGRES_OS_USER)." >&2
    exit 67
  fi
  # runuser lives in sbin, which a minimal PATH may lack.
  runuser=$(command -v runuser || ls /usr/sbin/runuser /sbin/runuser 2>/dev/null | head -n 1 || true)
  if [ -z "$runuser" ]; then
    echo "with-postgres: running as root, but runuser (util-linux) is missing to run PostgreSQL as '$os_user'." >&2
    exit 69
  fi
  as_owner() { "$runuser" -u "$os_user" -- "$@"; }
else
  os_user=$(id -un)
  as_owner() { "$@"; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/contactssdk-postgres.XXXXXX")
data="$work/data"
log="$work/server.log"
started=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$started" ]; then
    as_owner "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "$(id -u)" -eq 0 ]; then
  chown "$os_user" "$work"
fi

as_owner "$bin/initdb" -D "$data" -U "$superuser" -A trust -E UTF8 --no-locale --no-sync >"$work/initdb.log" 2>&1 || {
  echo "with-postgres: initdb failed:" >&2
  cat "$work/initdb.log" >&2
  exit 1
}

# A port nobody listens on; the start itself is the real test, so a port taken in between is
# simply tried again with another one.
port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

for attempt in 1 2 3 4 5 6 7 8 9 10; do
  port=$((20000 + RANDOM % 40000))
  port_is_free "$port" || continue
  if as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
       -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$work -c fsync=off -c max_connections=200" \
       start >/dev/null 2>&1; then
    started=yes
    break
  fi
done
if [ -z "$started" ]; then
  echo "with-postgres: the server did not start; its log:" >&2
  cat "$log" >&2 2>/dev/null || true
  exit 1
fi

"$bin/psql" -h 127.0.0.1 -p "$port" -U "$superuser" -d postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE DATABASE $database" >/dev/null

export CONTACTSSDK_POSTGRES="Host=127.0.0.1;Port=$port;Username=$superuser;Database=$database"
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=$superuser PGDATABASE=$database
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $data, run by $os_user)" >&2

# Not exec: the trap must still remove the cluster when the command ends.
set +e
"$@"
status=$?
set -e
exit "$status"
