#!/usr/bin/env bash
# The standalone app's footprint: the app jar's size, the time from `java -jar` to the first
# token (as shipped: the built-in sandbox, warm-up on), then resident memory of a gateway-only
# instance idle, after N gateway calls (wrk, one 1 KB signed create-VA each) and idle again. The
# sandbox runs in a second instance for that part: it remembers every X-EXTERNAL-ID of the day, as
# a provider does, which is its memory, not the gateway's. Run from the repository root after
# `mvn -q -B -DskipTests package`; needs wrk (apt-get install -y wrk).
#   src/bench/scripts/app-footprint.sh [calls, default 1000000] [connections, default 32]
set -euo pipefail
calls=${1:-1000000}
connections=${2:-32}
jar=target/camel-b2b-token-app.jar
work=$(mktemp -d)
sandbox=
trap 'kill "$pid" $sandbox 2>/dev/null || true; rm -rf "$work"' EXIT

rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status"; }

echo "app jar: $(( $(stat -c %s "$jar") / 1024 / 1024 )) MiB ($(stat -c %s "$jar") bytes)"
start=$(date +%s%N)
(cd "$work" && exec java -jar "$OLDPWD/$jar" > "$work/app.log" 2>&1) &
pid=$!
until grep -q "provider=doku outcome=success" "$work/app.log" 2>/dev/null; do
  sleep 0.02
  kill -0 "$pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }
done
first=$(date +%s%N)
echo "java -jar to the first token: $(( (first - start) / 1000000 )) ms"
kill "$pid"; wait "$pid" 2>/dev/null || true

# the sandbox alone, then the gateway alone (its providers point at the sandbox's port anyway)
(cd "$work" && exec java -Db2b.gateway.enabled=false -Db2b.warmup.enabled=false -Dcamel.management.enabled=false \
  -jar "$OLDPWD/$jar" > "$work/sandbox.log" 2>&1) &
sandbox=$!
until grep -q "started in" "$work/sandbox.log" 2>/dev/null; do sleep 0.1; done
(cd "$work" && exec java -Db2b.sandbox.enabled=false -jar "$OLDPWD/$jar" > "$work/app.log" 2>&1) &
pid=$!
until grep -q "provider=doku outcome=success" "$work/app.log" 2>/dev/null; do
  sleep 0.05
  kill -0 "$pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }
done
sleep 10
echo "gateway instance, resident memory idle: $(rss) MiB"

cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local filler = string.rep("x", 800)
wrk.body = '{"partnerServiceId":"  888994","customerNo":"00000000000000000001","virtualAccountNo":"  88899400000000000000000001","virtualAccountName":"Budi Santoso","trxId":"INV-1","totalAmount":{"value":"12500.00","currency":"IDR"},"additionalInfo":{"note":"' .. filler .. '"}}'
LUA
url=http://127.0.0.1:8080/gateway/doku/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va
done_calls=0
while [ "$done_calls" -lt "$calls" ]; do
  out=$(wrk -t2 -c"$connections" -d30s -s "$work/post.lua" "$url")
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  done_calls=$(( done_calls + n ))
  echo "  $done_calls calls ($(echo "$out" | awk '/Requests\/sec/ {print $2}') /s; $(echo "$out" | grep -E 'Non-2xx|Socket errors' | tr '\n' ' ')) resident $(rss) MiB"
done
echo "resident memory after $done_calls calls: $(rss) MiB"
sleep 20
echo "resident memory, idle again: $(rss) MiB"
grep -c "ERROR" "$work/app.log" | sed 's/^/errors logged: /'
