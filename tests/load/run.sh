#!/usr/bin/env bash
# Load and robustness test of `kurdi serve` on loopback.
#   1. every operation of /v1/operations answers its own example with 200;
#   2. bad requests (oversized, malformed JSON, invalid UTF-8, unknown operation, wrong method,
#      unknown path) get a 4xx with a clear JSON message, and the server keeps serving;
#   3. wrk: 64 connections for 30 s on POST /v1/normalize with 2 KB bodies: zero errors, p99;
#   4. the bad requests again, then SIGTERM: the server exits 0 (graceful shutdown).
# Usage: tests/load/run.sh [--smoke]   (--smoke: steps 1, 2 and 4 only)
#   KURDI_BIN (default build/kurdi), KURDI_LOAD_SECONDS (30), KURDI_LOAD_CONNECTIONS (64),
#   KURDI_LOAD_THREADS (server worker threads, 64: the server default)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${KURDI_BIN:-$root/build/kurdi}"
secs="${KURDI_LOAD_SECONDS:-30}"
conns="${KURDI_LOAD_CONNECTIONS:-64}"
threads="${KURDI_LOAD_THREADS:-64}"
smoke=0
[ "${1:-}" = "--smoke" ] && smoke=1
skip() { echo "load: SKIPPED: $*"; exit 0; }
[ -x "$bin" ] || skip "$bin not built"
"$bin" serve --help >/dev/null 2>&1 || skip "$bin was built without serve (needs libcpp-httplib-dev)"
command -v curl >/dev/null || skip "curl is not installed"
command -v python3 >/dev/null || skip "python3 is not installed"
[ $smoke = 1 ] || command -v wrk >/dev/null || skip "wrk is not installed (apt-get install -y wrk)"

work="$(mktemp -d /tmp/kurdi-load.XXXXXX)"
log="$work/server.log"
"$bin" serve --port 0 --host 127.0.0.1 --threads "$threads" 2>"$log" &
pid=$!
cleanup() { kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
port=""
for _ in $(seq 1 100); do
  port="$(python3 -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"):
    try: j = json.loads(l)
    except Exception: continue
    if j.get("event") == "listening": print(j["port"]); break' "$log" 2>/dev/null)"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "load: FAIL: server did not start"; cat "$log"; exit 1; }
url="http://127.0.0.1:$port"
echo "load: server pid $pid on $url ($threads worker threads)"
fail=0

# --- 1. every operation answers its example ---
python3 - "$url" <<'EOF' || fail=1
import json, sys, urllib.request
url = sys.argv[1]
ops = json.load(urllib.request.urlopen(url + "/v1/operations"))["operations"]
bad = 0
for op in ops:
    body = {"text": op["example"]}
    if op["name"] == "inflect":
        body["tags"] = "N;DEF;PL"
    req = urllib.request.Request(url + "/v1/" + op["name"], data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    try:
        r = json.load(urllib.request.urlopen(req))
        res = r["result"]
        ok = isinstance(res, str) if op["result"] == "text" else isinstance(res, list)
        shown = res if isinstance(res, str) else json.dumps(res, ensure_ascii=False)[:100]
        print(f"load: {'ok  ' if ok else 'FAIL'} /v1/{op['name']}: {op['example']} -> {shown}")
        bad += not ok
    except Exception as e:
        print(f"load: FAIL /v1/{op['name']}: {e}")
        bad += 1
sys.exit(1 if bad else 0)
EOF

# --- 2. bad requests: 4xx with a clear message, and the server keeps serving ---
head -c 11000000 /dev/zero | tr '\0' 'a' > "$work/big.txt"
printf '{"text": "%s"}' "$(head -c 3000 /dev/zero | tr '\0' 'b')" > "$work/ok.json"
printf '{"text": "\xd9\x83\xff\xfe broken"}' > "$work/badutf8.json"
expect() {  # expect NAME STATUS NEEDLE curl-args...
  local name="$1" want="$2" needle="$3"; shift 3
  local out code
  out="$(curl -s -o "$work/resp" -w '%{http_code}' "$@")"
  code="$out"
  if [ "$code" = "$want" ] && grep -q -- "$needle" "$work/resp"; then
    echo "load: ok   $name -> $code $(head -c 160 "$work/resp")"
  else
    echo "load: FAIL $name -> $code $(head -c 300 "$work/resp") (wanted $want with '$needle')"
    fail=1
  fi
  local h
  h="$(curl -s -o /dev/null -w '%{http_code}' "$url/healthz")"
  [ "$h" = 200 ] || { echo "load: FAIL server stopped serving after $name (healthz $h)"; fail=1; }
}
bad_requests() {
  expect "oversized body (11 MB)" 413 "larger than the limit" -H 'Content-Type: application/json' --data-binary @"$work/big.txt" "$url/v1/normalize"
  expect "malformed JSON" 400 "malformed JSON" -H 'Content-Type: application/json' --data-binary '{"text": "abc"' "$url/v1/normalize"
  expect "invalid UTF-8" 400 "not valid UTF-8" -H 'Content-Type: application/json' --data-binary @"$work/badutf8.json" "$url/v1/normalize"
  expect "unknown operation" 404 "unknown operation" -H 'Content-Type: application/json' --data-binary '{"text": "x"}' "$url/v1/nosuchthing"
  expect "unknown field" 400 "unknown field" -H 'Content-Type: application/json' --data-binary '{"text": "x", "colour": 1}' "$url/v1/normalize"
  expect "missing text" 400 "missing field" -H 'Content-Type: application/json' --data-binary '{}' "$url/v1/normalize"
  expect "GET on an operation" 405 "use POST" "$url/v1/normalize"
  expect "unknown path" 404 "no such path" "$url/nothing-here"
  expect "a 3 KB request" 200 "result" -H 'Content-Type: application/json' --data-binary @"$work/ok.json" "$url/v1/normalize"
}
bad_requests
expect "healthz" 200 '"ok"' "$url/healthz"
expect "version" 200 'kurdi' "$url/version"
expect "openapi" 200 '"openapi":"3.0.3"' "$url/openapi.json"
expect "page" 200 'kurdi' "$url/"
# g2p reads numbers out first (as kurdi g2p), unless "verbalize": false
expect "g2p reads numbers" 200 '.sa.łî .dû .he.za.rû .bîs.tû .yek' -H 'Content-Type: application/json' --data-binary '{"text": "ساڵی ٢٠٢١"}' "$url/v1/g2p"
expect "g2p verbalize false" 200 '.sa.łî ٢٠٢١' -H 'Content-Type: application/json' --data-binary '{"text": "ساڵی ٢٠٢١", "verbalize": false}' "$url/v1/g2p"

# --- 3. wrk ---
if [ $smoke = 0 ]; then
  python3 - "$root/examples/seed-article.txt" "$work/body.json" <<'EOF'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
raw = text.encode("utf-8")[:1990]
body = raw.decode("utf-8", "ignore")
while len(json.dumps({"text": body}, ensure_ascii=False).encode()) > 2048:
    body = body[:-1]
data = json.dumps({"text": body}, ensure_ascii=False).encode()
open(sys.argv[2], "wb").write(data)
print(f"load: request body {len(data)} bytes of Sorani text (examples/seed-article.txt)")
EOF
  echo "load: wrk -t2 -c$conns -d${secs}s --latency POST $url/v1/normalize"
  KURDI_LOAD_BODY="$work/body.json" wrk -t2 -c"$conns" -d"${secs}s" --timeout 5s --latency -s "$here/post.lua" "$url/v1/normalize" | tee "$work/wrk.txt"
  python3 - "$work/wrk.txt" "$log" <<'EOF' || fail=1
import json, sys
line = [l for l in open(sys.argv[1]) if l.startswith("wrk-summary ")][-1]
s = json.loads(line.split(" ", 1)[1])
errors = sum(s["errors"].values())
secs = s["duration_us"] / 1e6
logged = sum(1 for l in open(sys.argv[2], encoding="utf-8") if '"path":"/v1/normalize"' in l)
print(f"load: {s['requests']} requests in {secs:.1f} s = {s['requests']/secs:.0f} req/s, "
      f"errors {errors} {s['errors']}, latency p50 {s['latency_us']['p50']/1000:.2f} ms, "
      f"p90 {s['latency_us']['p90']/1000:.2f} ms, p99 {s['latency_us']['p99']/1000:.2f} ms, max {s['latency_us']['max']/1000:.2f} ms; "
      f"access-log lines for /v1/normalize: {logged}")
sys.exit(1 if errors or s["requests"] == 0 else 0)
EOF
  bad_requests
fi

# --- 4. graceful shutdown ---
kill -TERM "$pid"
for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then
  echo "load: FAIL server still running 5 s after SIGTERM"; fail=1
else
  wait "$pid"; rc=$?
  if [ $rc = 0 ] && grep -q '"event":"stopped"' "$log"; then echo "load: ok   SIGTERM -> graceful exit 0"
  else echo "load: FAIL exit status $rc after SIGTERM"; fail=1; fi
fi
tail -n 2 "$log" | sed 's/^/load: log: /'
if [ $fail = 0 ]; then echo "load: PASS"; else echo "load: FAIL"; fi
exit $fail
