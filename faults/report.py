"""What a case measured, the checks every case shares, and the lines it prints."""

import collections
from dataclasses import dataclass, field

from stack import log


@dataclass
class Expected:
    """The policy's answers before the fault: its revision, and allow or not for each load tuple."""

    revision: str
    allows: list


@dataclass
class Report:
    case: str
    answers: list
    found: int = 0
    rows: int = 0
    logged_not_acked: int = 0
    failures: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    @property
    def acked(self):
        return [a for a in self.answers if a.status == 200]

    def count(self, *statuses):
        return sum(1 for a in self.answers if a.status in statuses)

    def check(self, condition, failure):
        if not condition:
            self.failures.append(failure)
        return condition

    def note(self, text):
        self.notes.append(text)
        log(f"  {text}")

    def print(self):
        acked = self.acked
        ids = [a.decision_id for a in acked]
        lost = len(set(ids)) - self.found
        duplicates = (self.rows - self.found) + (len(ids) - len(set(ids)))
        self.check(lost == 0, f"{lost} acknowledged decisions are not in decision_log")
        self.check(duplicates == 0, f"{duplicates} duplicate decision ids (log rows or answers)")
        unanswered = self.count(0)
        other = len(self.answers) - len(acked) - self.count(503, 429) - unanswered
        slowest = max((a.seconds for a in self.answers), default=0)
        statuses = collections.Counter(a.status for a in self.answers if a.status not in (0, 200, 503, 429))
        print(
            f"[faults] {self.case}: sent={len(self.answers)} acknowledged(200)={len(acked)} "
            f"503={self.count(503)} 429={self.count(429)} "
            f"other-status={other}{dict(statuses) if other else ''} no-answer={unanswered} "
            f"found-in-log={self.found} lost={lost} duplicates={duplicates} "
            f"logged-not-acknowledged={self.logged_not_acked} slowest-answer={slowest:.2f}s",
            flush=True,
        )
        for failure in self.failures:
            print(f"[faults] {self.case}:   FAIL because {failure}", flush=True)
        verdict = "PASS" if not self.failures else "FAIL"
        print(f"[faults] {verdict} {self.case}", flush=True)
        return not self.failures


def check_answers(report, expected):
    """No allow without the policy saying so; refusals are 503 problem+json with Retry-After."""
    for a in report.answers:
        if a.status == 200:
            allow = expected.allows[a.tuple_index]
            if not report.check(
                a.allow is allow,
                f"answer {a.decision_id} said allow={a.allow} (revision {a.revision}); the policy says {allow}",
            ):
                return
            if not report.check(
                a.revision == expected.revision, f"answer from revision {a.revision}, expected {expected.revision}"
            ):
                return
        elif a.status in (503, 429):
            if not report.check(
                a.content_type == "application/problem+json" and a.retry_after,
                f"a {a.status} without problem+json or Retry-After ({a.content_type}, Retry-After {a.retry_after})",
            ):
                return
        elif a.status != 0:
            report.check(
                False,
                f"status {a.status} at {a.at:.1f} s into the load ({a.content_type}: {a.problem_type or a.body!r})",
            )
            return


def check_log(report, stack, client_id, began_at):
    """Counts the acknowledged ids in decision_log and checks the tenant's chain has no gap."""
    ids = sorted({a.decision_id for a in report.acked})
    values = ",".join(f"('{i}')" for i in ids) or "(null)"
    found, rows = stack.sql(
        f"create temp table acked (id uuid);\n"
        f"insert into acked values {values};\n"
        f"select count(distinct d.id), count(d.id) from acked a join decision_log d on d.id = a.id "
        f"and d.tenant_id = 'acme';"
    )[0].split("|")
    report.found, report.rows = int(found), int(rows)
    logged = int(
        stack.sql(
            f"select count(*) from decision_log where tenant_id = 'acme' and client_id = "
            f"'{client_id}' and evaluated_at >= '{began_at}';"
        )[0]
    )
    report.logged_not_acked = logged - report.found
    count, distinct, first, last = stack.sql(
        "select count(*), count(distinct seq), coalesce(min(seq), 0), coalesce(max(seq), 0) "
        "from decision_log where tenant_id = 'acme' and seq is not null;"
    )[0].split("|")
    report.check(
        int(count) == int(distinct) == int(last) - int(first) + 1,
        f"acme's chain has gaps or repeats: {count} rows, {distinct} sequence numbers, {first}..{last}",
    )
