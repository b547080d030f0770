#!/usr/bin/env bash
# Runs Debian's sqlmap against the plain and the protected build of
# examples/protected-java-function, each served on 127.0.0.1 as API Gateway HTTP API would
# (dev.bulwark.runtime.devserve.DevServer). Expected: injection found in the plain build,
# nothing injectable in the protected one. Exit 0 when both hold, 1 otherwise.
#
#   scripts/sqlmap-example.sh            # level 3 / risk 2, no tamper, plus the path parameter
#   SQLMAP_EXTRA="--tamper=space2comment" scripts/sqlmap-example.sh
#
# Needs: sqlmap (apt-get install -y sqlmap), curl, Java 17. Takes 2-6 minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
example="$root/examples/protected-java-function"
work="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-sqlmap.XXXXXX")"
pids=()
cleanup() {
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

command -v sqlmap >/dev/null || { echo "sqlmap is not installed (apt-get install -y sqlmap)" >&2; exit 2; }

echo "== building bulwark-runtime and the example"
(cd "$root" && ./mvnw -q -B -o -pl bulwark-runtime -am package -DskipTests)
(cd "$example" && "$root/mvnw" -q -B -o package)
cp="$example/target/classes:$(cat "$example/target/classpath.txt")"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

start() { # build port
  java -cp "$cp" com.example.shop.LocalServer "$1" "$2" >"$work/$1-events.jsonl" 2>"$work/$1-server.log" &
  pids+=($!)
  for _ in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$2/products?category=shoes" && return 0
    sleep 0.1
  done
  echo "the $1 build did not start; see $work/$1-server.log" >&2
  exit 2
}

scan() { # name url -> prints number of injection points sqlmap confirmed
  local out="$work/sqlmap-$1"
  sqlmap -u "$2" --batch --flush-session --level 3 --risk 2 --output-dir="$out" ${SQLMAP_EXTRA:-} >"$out.txt" 2>&1 || true
  local n
  n=$(grep -c '^Parameter: ' "$out/127.0.0.1/log" 2>/dev/null) || true
  echo "${n:-0}"
}

plain_port=$(free_port); start plain "$plain_port"
prot_port=$(free_port); start protected "$prot_port"

status=0
for target in "products?category=shoes" "products/1*"; do
  p=$(scan "plain-${target%%[?/]*}-$RANDOM" "http://127.0.0.1:$plain_port/$target")
  q=$(scan "protected-${target%%[?/]*}-$RANDOM" "http://127.0.0.1:$prot_port/$target")
  echo "== /$target: plain build: $p injection point(s); protected build: $q injection point(s)"
  [ "$p" -ge 1 ] || { echo "   expected sqlmap to find the injection in the plain build" >&2; status=1; }
  [ "$q" -eq 0 ] || { echo "   sqlmap found an injection in the protected build" >&2; status=1; }
done
echo "== security events logged by the protected build: $(grep -c '"bulwark":"security-event"' "$work/protected-events.jsonl" || true)"
echo "== sqlmap output and logs: $work"
[ $status -eq 0 ] && echo "RESULT: PASS (plain build injectable, protected build not)" || echo "RESULT: FAIL"
exit $status
