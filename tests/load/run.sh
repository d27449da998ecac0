#!/bin/sh
# The load test of issue 17 (`make loadtest`): `make serve` with 4 gunicorn workers on PostgreSQL,
# LOAD_PAGES pages of the real page types, LOAD_USERS locust visitors for LOAD_TIME while an editor
# publishes a page a second; then the figures (tests/load/report.py) and the load average.
#
# It creates its own PostgreSQL database (LOAD_DB, "load" by default; never "test") on LOAD_PG
# and drops it at the end (LOAD_KEEP=1 keeps it and the data folder). Only 127.0.0.1 is used.
set -eu

LOAD_DB=${LOAD_DB:-load}
LOAD_PG=${LOAD_PG:-postgres://postgres@127.0.0.1:5432}
LOAD_PORT=${LOAD_PORT:-8720}
LOAD_PAGES=${LOAD_PAGES:-20000}
LOAD_TIME=${LOAD_TIME:-180}
LOAD_USERS=${LOAD_USERS:-40}
LOAD_DATA=${LOAD_DATA:-$(mktemp -d "${TMPDIR:-/tmp}/ciao-loadtest.XXXXXX")}
PY=${PY:-.venv/bin/python}

case "$LOAD_DB" in test|test_*|postgres|template*) echo "LOAD_DB=$LOAD_DB: choose a database of the load test's own" >&2; exit 2;; esac

export DATABASE_URL="$LOAD_PG/$LOAD_DB" CIAO_DATA_DIR="$LOAD_DATA" PORT="$LOAD_PORT" HOST=127.0.0.1
export SECRET_KEY="load-test-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 TRUSTED_PROXY_COUNT=1 WEB_CONCURRENCY=4
export GUNICORN_ARGS=--no-control-socket
export LOAD_PLAN="$LOAD_DATA/plan.json"
export LOAD_MEMBER_PASSWORD="carico-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
unset DJANGO_SETTINGS_MODULE REDIS_URL DJANGO_ENV
SERVER=

sql() { $PY -c "import psycopg,sys; psycopg.connect('$LOAD_PG/postgres', autocommit=True).execute(sys.argv[1])" "$1"; }
finish() {
    status=$?
    # A server that already stopped is not a failure of the run (set -e would end the cleanup here).
    if [ -n "$SERVER" ]; then
        kill -TERM -"$SERVER" 2>/dev/null || true
        sleep 3
        kill -KILL -"$SERVER" 2>/dev/null || true
    fi
    if [ "${LOAD_KEEP:-0}" != 1 ]; then
        sql "DROP DATABASE IF EXISTS \"$LOAD_DB\" WITH (FORCE)" || true
        rm -rf "$LOAD_DATA"
    else
        echo "Kept: database $LOAD_DB, data folder $LOAD_DATA"
    fi
    exit $status
}
trap finish EXIT INT TERM

echo "== Database $LOAD_DB, data folder $LOAD_DATA"
sql "DROP DATABASE IF EXISTS \"$LOAD_DB\" WITH (FORCE)"
sql "CREATE DATABASE \"$LOAD_DB\""
start=$(date +%s)
$PY manage.py migrate --no-input --verbosity 0
echo "== migrate: $(( $(date +%s) - start )) s; seeding $LOAD_PAGES pages and indexing them"
$PY -m tests.load.seed --pages "$LOAD_PAGES" --plan "$LOAD_PLAN" --member-password "$LOAD_MEMBER_PASSWORD"

echo "== make serve on 127.0.0.1:$LOAD_PORT, $WEB_CONCURRENCY workers"
setsid make serve >"$LOAD_DATA/serve.log" 2>&1 &
SERVER=$!
i=0
until $PY -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$LOAD_PORT/salute/', timeout=5)" 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 300 ] || { tail -30 "$LOAD_DATA/serve.log"; exit 1; }
    sleep 1
done

echo "== ${LOAD_TIME} s: $LOAD_USERS visitors, and the editor publishing a page a second"
uptime >"$LOAD_DATA/uptime-before"
$PY -m tests.load.editor --seconds "$LOAD_TIME" --out "$LOAD_DATA/published.json" &
EDITOR=$!
.venv/bin/locust -f tests/load/locustfile.py --headless --only-summary --loglevel WARNING \
    --host "http://127.0.0.1:$LOAD_PORT" -u "$LOAD_USERS" -r 5 -t "${LOAD_TIME}s" --stop-timeout 10 \
    --csv "$LOAD_DATA/locust" --exit-code-on-error 0 >"$LOAD_DATA/locust.log" 2>&1 || true
wait $EDITOR
uptime >"$LOAD_DATA/uptime-after"

echo "== Figures"
status=0
$PY -m tests.load.report --stats "$LOAD_DATA/locust_stats.csv" --published "$LOAD_DATA/published.json" \
    --host "http://127.0.0.1:$LOAD_PORT" --server-log "$LOAD_DATA/serve.log" || status=$?
echo "Machine load ($(nproc) CPUs) before: $(cat "$LOAD_DATA/uptime-before")"
echo "Machine load after: $(cat "$LOAD_DATA/uptime-after")"
exit $status
