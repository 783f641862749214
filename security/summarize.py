"""Summarise bin/security.sh's schemathesis reports: counts per caller, then each new failure with a curl.

usage: python summarize.py REPORT_DIR   (one folder per caller, each with schemathesis' json and ndjson report)

"new" failures are those the baseline (security/baseline.json: known gaps of the OpenAPI document) does not
cover; schemathesis lists only those in its JSON report. Failures alike in check, method, status and message
are printed once with the operations they hit, and one request as a curl command (token left as $TOKEN).
A schema failure is matched to the baseline by operation only, so known ones on a newly failing operation show too.
"""

import base64
import json
import re
import shlex
import sys
from collections import Counter
from pathlib import Path

SKIPPED_HEADERS = {
    "authorization",
    "user-agent",
    "accept-encoding",
    "accept",
    "connection",
    "content-length",
    "x-schemathesis-testcaseid",
}


def decode(blob):
    if not blob:
        return b""
    if isinstance(blob, dict) and "$base64" in blob:
        return base64.b64decode(blob["$base64"])
    return str(blob).encode()


def curl(request):
    words = ["curl", "-si", "-X", request["method"]]
    for name, values in (request.get("headers") or {}).items():
        if name.lower() not in SKIPPED_HEADERS:
            words += [f"-H {shlex.quote(f'{name}: {value}')}" for value in values]
    words.append('-H "Authorization: Bearer $TOKEN"')
    body = decode(request.get("body"))
    if body:
        words.append("--data-binary " + shlex.quote(body.decode("utf-8", "replace")))
    words.append(shlex.quote(request["uri"]))
    return " ".join(words)


def failed_checks(ndjson):
    """(failure, interaction) for every failed check in one NDJSON report."""
    for line in ndjson.read_text().splitlines():
        scenario = json.loads(line).get("ScenarioFinished")
        if not scenario:
            continue
        recorder = scenario["recorder"]
        for case_id, checks in recorder.get("checks", {}).items():
            for check in checks:
                if check["status"] == "failure":
                    failure = dict(check.get("failure_info", {}).get("failure", {}), check=check["name"])
                    yield failure, recorder.get("interactions", {}).get(case_id)


def kind_of(message):
    """What makes two failures the same bug: the schema location if any, else the message without values."""
    schema_at = re.search(r"Schema at (\S+)", message)
    first_line = message.split("\n")[0]
    return (schema_at.group(1) + " " if schema_at else "") + re.sub(r'"[^"]*"|\d+', "…", first_line)[:120]


def main(report_dir):
    distinct, errors, totals = {}, [], Counter()
    print(f"{'caller':14} {'operations':>10} {'test cases':>10} {'known':>6}  new failures")
    for folder in sorted(p for p in Path(report_dir).iterdir() if p.is_dir() and "." not in p.name):
        summary_file = next(folder.glob("json-*.json"), None)
        if summary_file is None:
            print(f"{folder.name:14} no report: see {folder / 'output.txt'}")
            totals["no report"] += 1
            continue
        summary = json.loads(summary_file.read_text())
        # The JSON names a failure by the method actually sent (TRACE /x), the NDJSON by the operation (POST /x).
        new = {(f["code"], op.split(" ", 1)[-1]) for f in summary["failures"] for op in f["operations"]}
        by_title = Counter({f["title"]: f["count"] for f in summary["failures"]})
        totals.update(by_title)
        known = (summary.get("baseline") or {}).get("known", 0)
        shown = ", ".join(f"{title}: {count}" for title, count in by_title.most_common()) or "none"
        print(
            f"{folder.name:14} {summary['operations']['tested']:>10} {summary['test_cases']['generated']:>10} "
            f"{known:>6}  {shown}"
        )
        errors += [
            f"{folder.name}: {e.get('title', '')} {e.get('message', '')}".strip()[:300]
            for e in summary.get("errors", [])
        ]
        for ndjson in folder.glob("ndjson-*.ndjson"):
            for failure, interaction in failed_checks(ndjson):
                operation = (failure.get("operation") or "").split(" ", 1)[-1]
                if (failure.get("code"), operation) not in new:
                    continue
                response = (interaction or {}).get("response") or {}
                sent = f"{interaction['request']['method']} {operation}" if interaction else failure.get("operation")
                # One bug answers alike on many operations: group by what was sent and seen, not by path.
                method = sent.split(" ")[0]
                schema_bug = failure["check"] == "response_schema_conformance"
                key = (
                    failure["check"],
                    sent if schema_bug else method,
                    response.get("status_code"),
                    kind_of(failure.get("message") or ""),
                )
                distinct.setdefault(key, (folder.name, failure, interaction, set()))[3].add(sent)
    if totals:
        print("\nnew failures by check: " + ", ".join(f"{title}: {n}" for title, n in totals.most_common()))
    for line in errors:
        print("error: " + line)
    print(f"\n{len(distinct)} distinct new failures (grouped)" + (":" if distinct else "."))
    for (check, _, status, _), (caller, failure, interaction, sent) in sorted(distinct.items(), key=str):
        where = next(iter(sent)) if len(sent) == 1 else f"{len(sent)} operations: " + ", ".join(sorted(sent))
        print(f"\n[{check}] -> {status} on {where} (e.g. as {caller})")
        print("  " + " ".join((failure.get("message") or failure.get("title", "")).split())[:300])
        if interaction and interaction.get("request"):
            print("  " + curl(interaction["request"])[:1500])
        if interaction and interaction.get("response"):
            print("  < " + decode(interaction["response"].get("content")).decode("utf-8", "replace")[:300])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
