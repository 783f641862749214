#!/usr/bin/env bash
# Checks deploy/fleet/nginx.conf with a real nginx (Debian's: apt-get install nginx) and two stand-in
# replicas (python3), in about two seconds, without Docker:
#   - `nginx -t` on a copy whose upstream names point at 127.0.0.1 (Docker's names do not resolve
#     here) and without the `resolve` parameter, which nginx before 1.27.3 (Debian 12 has 1.22)
#     does not know;
#   - a POST that reached a replica which then failed is NOT sent to the other one (503 problem);
#   - a GET that failed the same way is retried on the other replica (200);
#   - a POST refused at connect (replica down) goes to the other replica (200);
#   - a body over 64 KiB is refused by nginx with Portolan's problem+json 413.
# Prints "N passed, M failed"; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v nginx >/dev/null || { echo "nginx is missing: apt-get install nginx" >&2; exit 1; }
dir=$(mktemp -d)
chmod 755 "$dir"  # nginx's workers (another user when run as root) write their temp files here
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; [[ -f $dir/nginx.pid ]] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
base=${CHECK_NGINX_PORT:-38080}
port_a=$((base + 1)) port_b=$((base + 2))

sed -e "s/server portolan-1:8080 resolve/server 127.0.0.1:$port_a/" \
    -e "s/server portolan-2:8080 resolve/server 127.0.0.1:$port_b/" \
    -e "s/listen 8080;/listen 127.0.0.1:$base;/" \
    -e "s#pid /tmp/nginx.pid;#pid $dir/nginx.pid;#" \
    -e "s#^error_log /dev/stderr warn;#error_log $dir/error.log warn;#" \
    -e "s#access_log /dev/stdout;#access_log $dir/access.log;#" \
    -e "s#^http {#http {\n    client_body_temp_path $dir/body; proxy_temp_path $dir/proxy;#" \
    deploy/fleet/nginx.conf >"$dir/nginx.conf"
grep -q "127.0.0.1:$port_a" "$dir/nginx.conf" && ! grep -qE '^ *server .* resolve' "$dir/nginx.conf" \
  || { echo "the test copy of nginx.conf was not rewritten as expected" >&2; exit 1; }
nginx -t -q -c "$dir/nginx.conf" -p "$dir/"

# A stand-in replica: answers 200 with its name, or (mode "fail") reads the request and closes the
# connection without answering, as a replica that dies mid-request. Counts requests per method.
cat >"$dir/replica.py" <<'PY'
import sys, http.server, socketserver
name, port, mode, log = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def handle_any(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n: self.rfile.read(n)
        with open(log, "a") as f: f.write(self.command + "\n")
        if mode == "fail":
            self.close_connection = True
            self.connection.close()
            return
        body = name.encode()
        self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
    do_GET = do_POST = handle_any
    def log_message(self, *a): pass
class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
S(("127.0.0.1", port), H).serve_forever()
PY
start_replica() { python3 "$dir/replica.py" "$1" "$2" "$3" "$dir/$1.log" & pids+=($!); }
wait_port() { for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return; sleep 0.1; done; echo "port $1 never opened" >&2; exit 1; }

start_replica a "$port_a" fail
start_replica b "$port_b" ok
wait_port "$port_a"; wait_port "$port_b"
nginx -c "$dir/nginx.conf" -p "$dir/" -e "$dir/error.log"
wait_port "$base"

passed=0 failed=0
check() { if [[ $2 == "$3" ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1: got '$2', expected '$3'" >&2; fi; }
url="http://127.0.0.1:$base"
count() { grep -c "^$2$" "$dir/$1.log" 2>/dev/null || true; }

# POSTs, with replica a failing after it has read each request: none may reach b as well.
statuses=""
for _ in 1 2 3 4; do statuses+=$(curl -s -o /dev/null -w '%{http_code} ' -X POST -d '{"q":1}' "$url/api/v1/decisions"); done
a_posts=$(count a POST) b_posts=$(count b POST)
check "POSTs seen by both replicas together (none sent twice)" "$((a_posts + b_posts))" 4
check "POSTs answered 503 (those that reached the failing replica)" "$(grep -o 503 <<<"$statuses" | wc -l)" "$a_posts"
check "a POST reached the failing replica at all" "$((a_posts > 0))" 1
# (replica a may now be marked failed; reset by restarting nginx for the GET case)
nginx -s stop -c "$dir/nginx.conf" -p "$dir/" -e "$dir/error.log" 2>/dev/null; sleep 0.3
: >"$dir/a.log"; : >"$dir/b.log"
nginx -c "$dir/nginx.conf" -p "$dir/" -e "$dir/error.log"; wait_port "$base"

# GETs: one that failed on a is retried on b.
ok=0
for _ in 1 2 3 4; do [[ $(curl -s "$url/health/ready") == b ]] && ok=$((ok + 1)); done
check "GETs answered by the healthy replica" "$ok" 4
check "a GET was retried after the failing replica read it" "$(( $(count a GET) > 0 ))" 1

# Replica a down (connection refused): POSTs go to b.
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
ok=0
for _ in 1 2 3 4; do [[ $(curl -s -X POST -d '{}' "$url/api/v1/decisions") == b ]] && ok=$((ok + 1)); done
check "POSTs refused at connect by a go to b" "$ok" 4

# Over 64 KiB: nginx's 413, as Portolan's.
status=$(head -c 70000 /dev/zero | tr '\0' a | curl -s -o "$dir/413" -w '%{http_code} %{content_type}' -X POST --data-binary @- "$url/api/v1/decisions")
check "a body over 64 KiB" "$status" "413 application/problem+json"
check "the 413 body" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"])' "$dir/413")" 413
status=$(head -c 65536 /dev/zero | tr '\0' a | curl -s -o /dev/null -w '%{http_code}' -X POST --data-binary @- "$url/api/v1/decisions")
check "a body of exactly 64 KiB passes nginx" "$status" 200

# Both replicas down: a problem+json 503 with Retry-After.
kill "${pids[1]}"; wait "${pids[1]}" 2>/dev/null || true
status=$(curl -s -D "$dir/h" -o /dev/null -w '%{http_code} %{content_type}' "$url/health/ready")
check "no replica answering" "$status" "503 application/problem+json"
check "Retry-After on that 503" "$(grep -ci '^retry-after: 2' "$dir/h")" 1

((failed == 0)) || { echo "nginx's error log:" >&2; cat "$dir/error.log" >&2; }
echo "nginx fleet config: $passed passed, $failed failed"
((failed == 0))
