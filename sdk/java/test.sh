#!/usr/bin/env bash
# Builds the Java SDK and runs all its tests: unit tests, and the rest against a running Portolan
# test stack (bin/stack.sh up test) into which sdk/testdata/seed-golden.sh has loaded the golden file.
# Environment: PORTOLAN_URL (default http://127.0.0.1:28080), KEYCLOAK_URL (http://127.0.0.1:28180).
# Maven fetches the pinned dependencies into its local repository on the first run only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
portolan=${PORTOLAN_URL:-http://127.0.0.1:28080}
keycloak=${KEYCLOAK_URL:-http://127.0.0.1:28180}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Portolan may be restarting (about 30 s): wait for it rather than fail every live test.
for _ in $(seq 1 60); do
  curl -sf -o /dev/null -m 5 "$portolan/health/ready" && break
  sleep 2
done

status=0
mvn -B -ntp -f "$here/pom.xml" -Dportolan.url="$portolan" -Dkeycloak.url="$keycloak" clean verify > "$log" 2>&1 || status=$?

# Surefire's per-class lines and its totals; the end of the log only when the build failed.
grep -E '^\[(INFO|WARNING|ERROR)\] Tests run:|FAIL' "$log" | sed 's/^\[[A-Z]*\] //' || true
if [[ $status -ne 0 ]]; then
  echo "--- mvn failed ($status); the end of its output:"
  tail -n 150 "$log"
fi

# Counted from the reports, so the closing line is right even when the build stopped early.
read -r tests failed skipped < <(python3 - "$here/target/surefire-reports" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
tests = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/TEST-*.xml"):
    suite = ET.parse(path).getroot()
    tests += int(suite.get("tests", 0))
    failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped += int(suite.get("skipped", 0))
print(tests, failed, skipped)
PY
)
echo "java-sdk: $((tests - failed - skipped)) passed, $failed failed, $skipped skipped"
if [[ $status -eq 0 && $tests -eq 0 ]]; then
  echo "java-sdk: no test ran" >&2
  exit 1
fi
exit $status
