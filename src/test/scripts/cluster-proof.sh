#!/usr/bin/env bash
# The shared token store across separate processes: three standalone apps (the app jar, each its
# own JVM) on loopback forming one Hazelcast cluster (b2b.token.store=hazelcast), against one
# provider stub (ProofStub.java, its own JVM, none of our code) that counts token requests and
# invalidates the previous token when it issues a new one. The callers are ProofLoad.java (its own
# JVM), calling the apps' gateways (POST /gateway/doku/pay).
#
#   1 cold:   3 x 100 concurrent calls on cold apps            -> 1 token request, 300 x 200
#   2 steady: 20 s tokens, a minute of steady calls            -> one token request per refresh cycle,
#                                                                 0 failed calls
#   3 revoke: the provider revokes the token under steady calls -> 1 new token, 0 failed calls
#   4 kill:   the provider hangs on the next token request and revokes the token; the app whose
#             token request hangs (the lease holder) is killed with kill -9 -> another app requests
#             a token within the acquire timeout; 0 failed calls to the other two apps
#   5 frozen entry: the app whose member holds the token's entry (readiness tokenStoreEntryOwner)
#             frozen with kill -STOP, then the token revoked -> the last app goes on, 0 failed calls
#             (its own token: the cluster does not answer for that entry until the member is dropped)
#   6 ready:  the survivors' readiness (GET /observe/health/ready) names the shared store
#
# Each phase prints its figures and PASS or FAIL; the script exits non-zero on any FAIL.
# Needs target/camel-b2b-token-app.jar (mvn -o -q package -DskipTests). Ports: stub 16190,
# gateways 16181-16183, management 16161-16163, Hazelcast 15761-15763. Takes about 2.5 minutes.
# Options (environment): RATE (steady calls a second in all, default 60), STEADY_SECONDS (60),
# STORE=local for the baseline: the same phases with each app requesting its own tokens (phase 4,
# which needs a lease holder, is skipped); SIGNAL=STOP freezes the lease holder (kill -STOP: alive
# to the network, silent) instead of killing it. REPLACES=false leaves b2b.doku.token.replaces-previous
# unset (the stub does revoke the previous token): refreshes then send some calls with the old one.
set -uo pipefail
cd "$(dirname "$0")/../../.."
JAR=target/camel-b2b-token-app.jar
[ -f "$JAR" ] || { echo "build $JAR first: mvn -o -q package -DskipTests" >&2; exit 2; }
RATE=${RATE:-60}
STEADY_SECONDS=${STEADY_SECONDS:-60}
STORE=${STORE:-hazelcast}
SIGNAL=${SIGNAL:-KILL}
REPLACES=${REPLACES:-true}
WORK=$(mktemp -d)
STUB=http://127.0.0.1:16190
GATEWAYS=16181,16182,16183
declare -A APP_PID
PIDS=()
FAILED=0
cleanup() { for p in "${PIDS[@]}"; do kill -CONT "$p" 2>/dev/null; kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
now_ms() { date +%s%3N; }
check() { # check NAME CONDITION-EXIT-STATUS
  if [ "$2" -eq 0 ]; then echo "  PASS $1"; else echo "  FAIL $1"; FAILED=1; fi
}
tokens() { curl -s "$STUB/count" | sed 's/tokens=\([0-9]*\).*/\1/'; }
unauthorized() { curl -s "$STUB/count" | sed 's/.*unauthorized=\([0-9]*\).*/\1/'; }

# the tools, compiled once (source launch would compile them on every run, on the apps' CPU)
mkdir -p "$WORK/tools"
javac -d "$WORK/tools" src/test/scripts/ProofStub.java src/test/scripts/ProofLoad.java || exit 2
load() { java -cp "$WORK/tools" ProofLoad "$@"; }

# the JDK's HTTP server closes, at once and without a word, every idle keep-alive connection beyond
# its 200th (sun.net.httpserver.maxIdleConnections): our client, which never resends a payment on
# its own, would then fail the calls it sends on them (NoHttpResponseException, 502). 300 apps'
# connections are normal for a provider; the stub keeps them as a provider's load balancer would.
java -Dsun.net.httpserver.maxIdleConnections=2000 -cp "$WORK/tools" ProofStub 16190 > "$WORK/stub.log" 2>&1 &
PIDS+=($!)
curl -s -X POST "$STUB/config?expiresIn=20" > /dev/null || { sleep 1; curl -s -X POST "$STUB/config?expiresIn=20" > /dev/null; }
SECRET=$(head -c 32 /dev/urandom | base64)
for i in 1 2 3; do
  B2B_CLUSTER_SECRET="$SECRET" java -Xmx512m \
    -Db2b.sandbox.enabled=false -Db2b.sandbox.demo=false -Db2b.warmup.enabled=false -Db2b.inbound.enabled=false \
    -Db2b.gateway.port=1618$i -Dcamel.management.port=1616$i -Db2b.doku.base-url=$STUB \
    -Db2b.doku.max-concurrent-calls=128 -Db2b.doku.call-queue-timeout-ms=10000 \
    -Db2b.doku.token.replaces-previous=$REPLACES \
    -Db2b.token.store=$STORE -Db2b.cluster.name=proof-$$ -Db2b.cluster.port=1576$i \
    -Db2b.cluster.members=127.0.0.1:15761,127.0.0.1:15762,127.0.0.1:15763 \
    '-Db2b.cluster.secret={{env:B2B_CLUSTER_SECRET}}' \
    -jar "$JAR" > "$WORK/app$i.log" 2>&1 &
  APP_PID[$i]=$!
  disown $!
  PIDS+=($!)
done
for i in 1 2 3; do
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:1618$i/" && break
    sleep 1
  done
done
for _ in $(seq 1 60); do
  [ "$(grep -l 'Members {size:3' "$WORK"/app*.log | wc -l)" -eq 3 ] && break
  sleep 1
done
echo "apps up, cluster of 3 seen by $(grep -l 'Members {size:3' "$WORK"/app*.log | wc -l) of 3 (logs in $WORK)"

echo "1 cold: 3 x 100 concurrent calls"
load burst 300 $GATEWAYS > "$WORK/cold.txt"
grep -v '^FAIL' "$WORK/cold.txt" | sed 's/^/  /'
grep '^FAIL' "$WORK/cold.txt" | head -3 | sed 's/^/  /'
T=$(tokens)
echo "  provider: $(curl -s $STUB/count)"
check "1 token request for 300 cold calls (was $T)" $([ "$T" -eq 1 ]; echo $?)
check "0 failed calls" $(grep -q '^calls 300, failed 0,' "$WORK/cold.txt"; echo $?)

echo "2 steady: 20 s tokens, $STEADY_SECONDS s at $RATE calls/s"
T0=$(tokens); U0=$(unauthorized); FROM=$(curl -s "$STUB/tokens" | wc -l)
load steady "$STEADY_SECONDS" "$RATE" $GATEWAYS > "$WORK/steady.txt"
grep -v '^FAIL' "$WORK/steady.txt" | sed 's/^/  /'
grep '^FAIL' "$WORK/steady.txt" | head -3 | sed 's/^/  /'
T1=$(tokens); U1=$(unauthorized)
curl -s "$STUB/tokens" | tail -n +$((FROM + 1)) > "$WORK/steady-tokens.txt"
echo "  token requests during the phase (stub ms, caller port):"; sed 's/^/    /' "$WORK/steady-tokens.txt"
# one per cycle: no two requests closer than 60% of the 20 s lifetime (the earliest refresh point is
# 70%, counted from the start of the request before; a second request in one cycle would come within
# milliseconds of the first)
GAP=$(awk 'NR>1 {g=$1-p; if (min=="" || g<min) min=g} {p=$1} END {print (min=="" ? 99999 : min)}' "$WORK/steady-tokens.txt")
echo "  $((T1 - T0)) token requests, closest two ${GAP} ms apart; provider refused $((U1 - U0)) calls with 401 (each retried once)"
check "one token request per refresh cycle (closest two >= 12000 ms apart)" $([ "$GAP" -ge 12000 ]; echo $?)
check "a token request per cycle: $((T1 - T0)) >= $((STEADY_SECONDS / 16))" $([ $((T1 - T0)) -ge $((STEADY_SECONDS / 16)) ]; echo $?)
check "0 failed calls" $(grep -q ', failed 0,' "$WORK/steady.txt"; echo $?)
echo "  401s answered to callers: $(grep -c '^FAIL [0-9]* [0-9]* 401' "$WORK/steady.txt")"
if [ "$STORE" = hazelcast ] && [ "$REPLACES" = true ]; then
  check "0 calls refused by the provider with 401 (calls held during each refresh)" $([ $((U1 - U0)) -eq 0 ]; echo $?)
fi

echo "3 revoke: the provider revokes the token under steady calls"
curl -s -X POST "$STUB/config?expiresIn=900" > /dev/null
FROM=$(curl -s "$STUB/tokens" | wc -l)
load steady 8 "$RATE" $GATEWAYS > "$WORK/revoke.txt" &
LOADER=$!
sleep 3
T0=$(tokens); U0=$(unauthorized)
curl -s -X POST "$STUB/revoke" > /dev/null
wait $LOADER
grep -v '^FAIL' "$WORK/revoke.txt" | sed 's/^/  /'
grep '^FAIL' "$WORK/revoke.txt" | head -3 | sed 's/^/  /'
T1=$(tokens); U1=$(unauthorized)
echo "  provider refused $((U1 - U0)) calls with the revoked token (each retried once)"
check "1 new token for the cluster after the revocation (was $((T1 - T0)))" $([ $((T1 - T0)) -eq 1 ]; echo $?)
check "0 failed calls" $(grep -q ', failed 0,' "$WORK/revoke.txt"; echo $?)

HOLDER=""
if [ "$STORE" = hazelcast ]; then
echo "4 kill: the lease holder killed (kill -$SIGNAL) in the middle of a hanging token request"
curl -s -X POST "$STUB/config?hangNext=30000" > /dev/null
FROM=$(curl -s "$STUB/tokens" | wc -l)
LOAD_START=$(now_ms)
load steady 16 "$RATE" $GATEWAYS > "$WORK/kill.txt" &
LOADER=$!
sleep 3
T0=$(tokens)
REVOKED=$(now_ms)
curl -s -X POST "$STUB/revoke" > /dev/null
HANGING=""
for _ in $(seq 1 100); do
  HANGING=$(curl -s "$STUB/hanging")
  [ -n "$HANGING" ] && break
  sleep 0.05
done
HOLDER_PID=$(ss -tnpH state established "( sport = :$HANGING )" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
HOLDER=""
for i in 1 2 3; do [ "${APP_PID[$i]}" = "$HOLDER_PID" ] && HOLDER=$i; done
if [ -z "$HOLDER" ]; then
  echo "  could not tell the lease holder (hanging port '$HANGING', pid '$HOLDER_PID')"
  check "found the lease holder" 1
  wait $LOADER
else
  sleep 0.5
  kill -"$SIGNAL" "$HOLDER_PID"
  KILLED=$(now_ms)
  echo "  app $HOLDER (pid $HOLDER_PID) held the lease, its token request hanging; sent SIG$SIGNAL $((KILLED - REVOKED)) ms after the revocation"
  wait $LOADER
  grep -v '^FAIL' "$WORK/kill.txt" | sed 's/^/  /'
  T1=$(tokens)
  curl -s "$STUB/tokens" | tail -n +$((FROM + 1)) > "$WORK/kill-tokens.txt"
  echo "  token requests (stub ms, caller port):"; sed 's/^/    /' "$WORK/kill-tokens.txt"
  SURVIVORS_FAILED=$(grep '^FAIL' "$WORK/kill.txt" | awk -v k="1618$HOLDER" '$3 != k' | wc -l)
  grep '^FAIL' "$WORK/kill.txt" | awk -v k="1618$HOLDER" '$3 != k' | head -3 | sed 's/^/  /'
  HOLDER_FAILED=$(grep '^FAIL' "$WORK/kill.txt" | awk -v k="1618$HOLDER" '$3 == k' | wc -l)
  echo "  calls to the killed app that failed: $HOLDER_FAILED (it is gone, or frozen)"
  NEW=$(grep -n "took over the token request lease" "$WORK"/app*.log | head -1)
  echo "  takeover: ${NEW:-none logged}"
  if [ "$SIGNAL" = KILL ]; then
    check "1 new token, from another app (was $((T1 - T0)))" $([ $((T1 - T0)) -eq 1 ]; echo $?)
  else
    # a frozen member leaves the cluster only after 10 s without heartbeats; until then the entries
    # it owns do not answer, and the other apps request their own tokens (the fallback)
    echo "  $((T1 - T0)) new tokens while the frozen app was still a member (each app's own, until it left)"
  fi
  check "0 failed calls to the two other apps (was $SURVIVORS_FAILED)" $([ "$SURVIVORS_FAILED" -eq 0 ]; echo $?)
  # when the new token came, from the stub's own clock: the hang and the issue
  HUNG_AT=$(awk '/hung/ {print $1; exit}' "$WORK/kill-tokens.txt")
  ISSUED_AT=$(awk '/issued/ {print $1; exit}' "$WORK/kill-tokens.txt")
  if [ -n "$HUNG_AT" ] && [ -n "$ISSUED_AT" ]; then
    echo "  new token issued $((ISSUED_AT - HUNG_AT)) ms after the holder's request began to hang"
    check "within the 5000 ms acquire timeout" $([ $((ISSUED_AT - HUNG_AT)) -lt 5000 ]; echo $?)
  fi
fi
fi

if [ "$STORE" = hazelcast ] && [ -n "$HOLDER" ]; then
echo "5 frozen entry: the app whose Hazelcast member holds the token's entry frozen (kill -STOP), then the token revoked"
OWNER=""
for i in 1 2 3; do
  [ "$i" = "$HOLDER" ] && continue
  O=$(curl -s "http://127.0.0.1:1616$i/observe/health/ready?exposureLevel=full&data=true" | tr -d ' \n' \
      | sed -n 's/.*"tokenStoreEntryOwner":"127.0.0.1:1576\([0-9]\)".*/\1/p')
  [ -n "$O" ] && OWNER=$O && break
done
LAST=""
for i in 1 2 3; do [ "$i" != "$HOLDER" ] && [ "$i" != "$OWNER" ] && LAST=$i; done
if [ -z "$OWNER" ] || [ -z "$LAST" ]; then
  echo "  could not tell the entry's owner (readiness tokenStoreEntryOwner: '$OWNER')"
  check "found the entry's owner" 1
else
  T0=$(tokens)
  kill -STOP "${APP_PID[$OWNER]}"
  echo "  app $OWNER holds the entry: frozen; app $LAST goes on alone"
  load steady 14 "$((RATE / 3))" "1618$LAST" > "$WORK/frozen.txt" &
  LOADER=$!
  sleep 2
  curl -s -X POST "$STUB/revoke" > /dev/null
  wait $LOADER
  grep -v '^FAIL' "$WORK/frozen.txt" | sed 's/^/  /'
  grep '^FAIL' "$WORK/frozen.txt" | head -3 | sed 's/^/  /'
  T1=$(tokens)
  echo "  $((T1 - T0)) new tokens (app $LAST's own while the entry did not answer)"
  echo "  app $LAST says: $(grep -h "token store: the Hazelcast cluster is unreachable\|no answer from the cluster" "$WORK/app$LAST.log" | head -1 | cut -c1-200)"
  check "0 failed calls to app $LAST" $(grep -q ', failed 0,' "$WORK/frozen.txt"; echo $?)
  check "a new token for app $LAST" $([ $((T1 - T0)) -ge 1 ]; echo $?)
  HOLDER="$HOLDER $OWNER"
fi
fi

echo "6 ready: the survivors' readiness"
for i in 1 2 3; do
  case " $HOLDER " in *" $i "*) continue;; esac
  R=$(curl -s "http://127.0.0.1:1616$i/observe/health/ready?exposureLevel=full&data=true" | tr -d ' \n')
  C=$(echo "$R" | grep -o '{"name":"b2b-token-doku"[^}]*}}')
  echo "  app $i: $C"
  check "app $i ready, on the $STORE store" $(echo "$C" | grep -q '"status":"UP".*"tokenStore":"'"$STORE"; echo $?)
done
echo "provider, in all: $(curl -s $STUB/count); logs in $WORK"
[ "$FAILED" -eq 0 ] && echo "ALL PASS" || echo "SOME FAILED"
exit "$FAILED"
