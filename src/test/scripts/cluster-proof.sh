#!/usr/bin/env bash
# Three standalone apps (separate JVMs, the app jar) on loopback forming one Hazelcast cluster
# (b2b.token.store=hazelcast) against one provider stub (another JVM) that counts token requests
# and invalidates the previous token when it issues a new one: 3 x 100 concurrent cold calls
# through the gateways, then the count. Expected: tokens=1, ok=300, unauthorized=0. (Each app allows
# 128 DOKU calls in flight, queueing 10 s: the default 64 would refuse some of the 100 with 503.)
# Needs target/camel-b2b-token-app.jar (mvn -o -q package -DskipTests). Ports: stub 16190,
# gateways 16181-16183, Hazelcast 15761-15763.
set -uo pipefail
cd "$(dirname "$0")/../../.."
JAR=target/camel-b2b-token-app.jar
[ -f "$JAR" ] || { echo "build $JAR first: mvn -o -q package -DskipTests" >&2; exit 2; }
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

java src/test/scripts/ProofStub.java 16190 > "$WORK/stub.log" 2>&1 &
PIDS+=($!)
SECRET=$(head -c 32 /dev/urandom | base64)
for i in 1 2 3; do
  B2B_CLUSTER_SECRET="$SECRET" java -Xmx512m \
    -Db2b.sandbox.enabled=false -Db2b.warmup.enabled=false -Dcamel.management.enabled=false \
    -Db2b.gateway.port=1618$i -Db2b.doku.base-url=http://127.0.0.1:16190 \
    -Db2b.doku.max-concurrent-calls=128 -Db2b.doku.call-queue-timeout-ms=10000 \
    -Db2b.token.store=hazelcast -Db2b.cluster.name=proof-$$ -Db2b.cluster.port=1576$i \
    -Db2b.cluster.members=127.0.0.1:15761,127.0.0.1:15762,127.0.0.1:15763 \
    '-Db2b.cluster.secret={{env:B2B_CLUSTER_SECRET}}' \
    -jar "$JAR" > "$WORK/app$i.log" 2>&1 &
  PIDS+=($!)
done
for i in 1 2 3; do
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:1618$i/" && break
    sleep 1
  done
done
for _ in $(seq 1 60); do
  grep -q "Members {size:3" "$WORK/app1.log" && break
  sleep 1
done
echo "apps up: $(grep -c 'Members {size:3' "$WORK"/app*.log | tr '\n' ' ')"
# 3 x 100 concurrent cold calls
mkdir -p "$WORK/bodies"
seq 1 300 | xargs -P 300 -I{} sh -c 'port=1618$(( ({} % 3) + 1 )); curl -s -o "'"$WORK"'/bodies/{}.json" -w "%{http_code}\n" \
  -X POST -H "Content-Type: application/json" -d "{\"n\":{}}" http://127.0.0.1:$port/gateway/doku/pay' \
  > "$WORK/codes.txt" || true
echo "gateway answers: $(sort "$WORK/codes.txt" | uniq -c | tr '\n' ' ')"
echo "a gateway error, if any: $(grep -L '"2000000"' "$WORK"/bodies/*.json | head -1 | xargs -r cat)"
echo "provider saw: $(curl -s http://127.0.0.1:16190/count)"
echo "logs in $WORK"
