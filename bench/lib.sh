# Sourced by bench/run and bench/statements, from the repository's root once their options are read: what both do
# to run the packaged service on a fresh database of a loopback PostgreSQL. The caller sets db (the database) and
# port (the service's) before calling the functions below; they set pid (the service's process).
# shellcheck shell=bash disable=SC2154

# LEDGER_BENCH_POSTGRES (host:port, default localhost:5432) and LEDGER_BENCH_PGUSER (postgres). Loopback only:
# the scripts drop and create databases on that server.
server=${LEDGER_BENCH_POSTGRES:-localhost:5432}
pg_host=${server%:*} pg_port=${server##*:}
pg_user=${LEDGER_BENCH_PGUSER:-postgres}
case "$pg_host" in localhost|127.0.0.1|::1) ;; *) echo "loopback PostgreSQL only, not $pg_host" >&2; exit 2 ;; esac

psql_() { psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -v ON_ERROR_STOP=1 -qAt "$@"; }
# The transactions PostgreSQL has counted in $db so far, committed or rolled back: the difference over a run, per
# command, is the database work a command costs.
xacts() { psql_ -d "$db" -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()"; }

# copy_jar FILE: the jar api/target holds, copied to FILE. A copy: a build in this tree while the script runs must
# not swap the jar under the running service.
copy_jar() { cp "$(ls api/target/api-*.jar | grep -v original | head -n 1)" "$1"; }

ready() {
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/actuator/health/readiness', timeout=5)" 2>/dev/null
}
# launch_service LOG SECONDS COMMAND...: runs COMMAND (the service) in the background as pid, its output appended
# to LOG, killed when the script exits unless stop_service stopped it first. Returns once the service is ready or
# after SECONDS (the caller decides what a service not ready then means); exits 1 if the service stops meanwhile.
launch_service() {
  local service_log=$1 seconds=$2
  shift 2
  "$@" >>"$service_log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 "$seconds"); do
    ready && return 0
    kill -0 "$pid" 2>/dev/null || { echo "the service stopped; see $service_log" >&2; exit 1; }
    sleep 1
  done
}
stop_service() {
  kill "$pid"; wait "$pid" 2>/dev/null || true
  trap - EXIT
}
