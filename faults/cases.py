"""The fault cases. Each runs a bounded decision load, injects one fault, checks, and restores."""

import collections
import contextlib
import datetime
import os
import socket
import subprocess
import threading
import time

from load import TUPLES, Load
from report import Expected, Report, check_answers, check_log
from stack import log, unknown_kid

CLIENT = "acme-gateway"
CATALOG = "/api/v1/teams/research/models?purpose=chat&dataClassification=internal&region=eu"


class Timing:
    """Seconds of load before the fault, during it and after recovery: long form, or short (make test)."""

    def __init__(self, short):
        self.before, self.during, self.after = (2, 5, 3) if short else (8, 20, 10)


def now_utc():
    return datetime.datetime.now(datetime.timezone.utc).isoformat()


def baseline(stack, token):
    """What the policy answers for each of the load's tuples now, before the fault, and its revision.

    Asked rather than assumed: the integration tests before make test's short form change acme's data.
    """
    allows = []
    revisions = set()
    for team, model in TUPLES:
        status, _, body = stack.http(
            "POST",
            stack.app + "/api/v1/decisions",
            token,
            {"team": team, "model": model, "purpose": "chat", "dataClassification": "internal", "region": "eu"},
        )
        assert status == 200, f"the stack does not decide before the fault: {status} {body}"
        allows.append(body["allow"])
        revisions.add(body["policyRevision"])
    assert len(revisions) == 1, f"the revision changed while asking: {revisions}"
    return Expected(revisions.pop(), allows)


def ready(stack):
    return stack.status("/health/ready", timeout=5) == 200


def finish(report, stack, load_began, expected, logged_means_acknowledged=False):
    check_answers(report, expected)
    check_log(report, stack, CLIENT, load_began)
    if logged_means_acknowledged:
        report.check(
            report.logged_not_acked == 0,
            f"{report.logged_not_acked} decisions are in decision_log but were refused or unanswered",
        )
    token = stack.user_token("carol")
    status, _, body = stack.http(
        "GET",
        f"{stack.app}/api/v1/audit/verify?log=decisions&from={load_began.replace('+00:00', 'Z')}",
        token,
        timeout=60,
    )
    if report.check(status == 200 and body.get("verified") is True, f"chain verification: {status} {body}"):
        report.note(f"hash chain verified over the case's window: {body['checked']} entries")
    return report.print()


def answered_since(load, mark):
    """A predicate: whether a decision asked after the mark was answered 200."""
    return lambda: any(a.status == 200 for a in load.since(mark))


# ---- OPA killed ----------------------------------------------------------------------------------


def opa_killed(stack, timing):
    token = stack.gateway_token()
    expected = baseline(stack, token)
    began = now_utc()
    load = Load(stack.app, token).start()
    time.sleep(timing.before)
    stack.kill9("opa")
    killed_at = load.elapsed()
    time.sleep(timing.during)
    outage = load.since(killed_at)
    restart = stack.command("start", "opa")
    restarted_at = load.elapsed()
    resynced = stack.wait(
        "OPA re-synced (catalogue answered)", lambda: stack.http("GET", stack.app + CATALOG, token)[0] == 200, 30
    )
    ready_after = stack.wait("ready", lambda: ready(stack), 30)
    time.sleep(timing.after)
    report = Report("opa-killed", load.stop())
    report.note(
        f"during the outage: {sum(a.status == 200 for a in outage)} answered 200 by the embedded "
        f"engine, {sum(a.status == 503 for a in outage)} refused 503"
    )
    report.check(resynced is not None, "OPA was not re-synced within 30 s of its restart")
    report.check(ready_after is not None, "not ready within 30 s of OPA's restart")
    if resynced is not None:
        report.note(
            f"OPA restarted in {restart:.1f} s; its data re-synced {resynced:.1f} s later, ready "
            f"after {ready_after or 0:.1f} s more"
        )
    after = [a for a in load.answers if a.at >= restarted_at + (resynced or 0)]
    report.check(any(a.status == 200 for a in after), "no decision answered after the re-sync")
    return finish(report, stack, began, expected)


# ---- PostgreSQL killed ---------------------------------------------------------------------------


def postgres_killed(stack, timing):
    token = stack.gateway_token()
    expected = baseline(stack, token)
    began = now_utc()
    load = Load(stack.app, token).start()
    time.sleep(timing.before)
    stack.kill9("postgres")
    killed_at = load.elapsed()
    time.sleep(timing.during)
    restart = stack.command("start", "postgres")
    restarted_at = load.elapsed()
    recovered = stack.wait("decisions answered again", answered_since(load, load.elapsed()), 60, interval=0.5)
    ready_after = stack.wait("ready", lambda: ready(stack), 30)
    time.sleep(timing.after)
    report = Report("postgres-killed", load.stop())
    outage = [a for a in report.answers if killed_at + 0.5 <= a.at < restarted_at]
    report.note(
        f"while PostgreSQL was down: {len(outage)} asked, {sum(a.status == 200 for a in outage)} "
        f"acknowledged, {sum(a.status == 503 for a in outage)} refused 503 "
        f"({sorted({a.problem_type for a in outage if a.problem_type})})"
    )
    report.check(recovered is not None, "decisions not answered within 60 s of PostgreSQL's restart")
    report.check(ready_after is not None, "not ready within 30 s of PostgreSQL's restart")
    report.note(
        f"PostgreSQL restarted in {restart:.1f} s (crash recovery); decisions answered again "
        f"{recovered or 0:.1f} s later"
    )
    return finish(report, stack, began, expected)


# ---- Portolan killed -----------------------------------------------------------------------------


def portolan_killed(stack, timing):
    """Restarts Portolan through toxiproxy, ready for the slow cases that follow."""
    stack.command("start", "toxiproxy")
    token = stack.gateway_token()
    expected = baseline(stack, token)
    began = now_utc()
    load = Load(stack.app, token).start()
    time.sleep(timing.before)
    stack.kill9("portolan")
    killed_at = load.elapsed()
    restart = stack.command("start", "portolan", via_proxy=True)
    restarted_at = load.elapsed()
    recovered = stack.wait("decisions answered again", answered_since(load, load.elapsed()), 60, interval=0.5)
    time.sleep(timing.after)
    report = Report("portolan-killed", load.stop())
    starting = [a for a in report.answers if killed_at <= a.at < restarted_at]
    errors = collections.Counter(a.error for a in starting if a.status == 0)
    # Portolan answers 200 JSON or problem+json; anything else comes from Payara itself.
    from_container = [a for a in starting if a.status not in (0, 200) and a.content_type != "application/problem+json"]
    report.note(
        f"Portolan restarted (through toxiproxy) in {restart:.1f} s; decisions answered "
        f"{recovered or 0:.1f} s after that; while it started: {len(starting)} asked, no answer "
        f"{dict(errors)}, answered {dict(collections.Counter(a.status for a in starting if a.status))}"
    )
    report.check(recovered is not None, "decisions not answered within 60 s of Portolan's restart")
    # The listener opens only once the application is deployed (deploy/payara/*.asadmin).
    report.check(
        not from_container,
        f"{len(from_container)} answers from Payara before the application was "
        f"deployed: {dict(collections.Counter((a.status, a.content_type) for a in from_container))}",
    )
    return finish(report, stack, began, expected)


# ---- A fleet: two replicas behind nginx ------------------------------------------------------------


@contextlib.contextmanager
def fleet(stack):
    """A second replica and nginx in front of both, for the case; stopped after it."""
    stack.command("start", "portolan-2")
    stack.command("start", "balancer")
    try:
        yield stack.balancer
    finally:
        stack.command("stop", "balancer")
        stack.command("stop", "portolan-2")


def replica_killed(stack, timing):
    """kill -9 of one of two replicas under load through the balancer: nothing acknowledged lost."""
    with fleet(stack) as balancer:
        token = stack.gateway_token()
        expected = baseline(stack, token)
        began = now_utc()
        load = Load(balancer, token).start()
        time.sleep(timing.before)
        stack.kill9("portolan-2")
        killed_at = load.elapsed()
        time.sleep(timing.during)
        report = Report("replica-killed", load.stop())
    after = [a for a in report.answers if a.at >= killed_at]
    report.note(
        f"after the kill: {len(after)} asked through nginx, {sum(a.status == 200 for a in after)} "
        f"answered 200 by the other replica, {dict(collections.Counter(a.status for a in after if a.status != 200))} "
        f"otherwise (requests in flight on the killed replica are never resent)"
    )
    report.check(sum(a.status == 200 for a in after) > len(after) // 2, "the balancer did not keep answering")
    return finish(report, stack, began, expected)


def fleet_postgres_restarted(stack, timing):
    """PostgreSQL killed and restarted under load on two replicas: what a primary switchover does
    to Portolan (connections fail and are replaced). Both replicas answer again; nothing lost."""
    with fleet(stack) as balancer:
        token = stack.gateway_token()
        expected = baseline(stack, token)
        began = now_utc()
        load = Load(balancer, token).start()
        time.sleep(timing.before)
        stack.kill9("postgres")
        time.sleep(min(timing.during, 5))
        restart = stack.command("start", "postgres")
        recovered = stack.wait("decisions answered again", answered_since(load, load.elapsed()), 60, interval=0.5)
        both = stack.wait(
            "both replicas ready",
            lambda: (
                ready(stack)
                and stack.http(
                    "GET", stack.env["REPLICA2_URL"].replace("localhost", "127.0.0.1") + "/health/ready", timeout=5
                )[0]
                == 200
            ),
            60,
        )
        time.sleep(timing.after)
        report = Report("fleet-postgres-restarted", load.stop())
    report.note(
        f"PostgreSQL restarted in {restart:.1f} s; decisions answered again {recovered or 0:.1f} s later, "
        f"both replicas ready {both or 0:.1f} s after that"
    )
    report.check(recovered is not None, "decisions not answered within 60 s of PostgreSQL's restart")
    report.check(both is not None, "a replica not ready within 60 s of PostgreSQL's restart")
    return finish(report, stack, began, expected)


# ---- Keycloak stopped ----------------------------------------------------------------------------


class ConnectionCounter:
    """Stands in on Keycloak's port while it is down: counts connections, answers 503, closes."""

    def __init__(self, port):
        self.count = 0
        self._sockets = []
        for family, host in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")):
            s = socket.socket(family, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind((host, port))
            except OSError:
                s.close()
                continue
            s.listen(64)
            s.settimeout(0.2)
            self._sockets.append(s)
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._serve, args=(s,), daemon=True) for s in self._sockets]
        for t in self._threads:
            t.start()

    def _serve(self, server):
        while not self._stop.is_set():
            try:
                connection, _ = server.accept()
            except (socket.timeout, OSError):
                continue
            self.count += 1
            try:
                connection.settimeout(1)
                connection.recv(4096)
                connection.sendall(
                    b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                )
            except OSError:
                pass
            connection.close()

    def close(self):
        self._stop.set()
        for t in self._threads:
            t.join()
        for s in self._sockets:
            s.close()


def keycloak_stopped(stack, timing):
    token = stack.gateway_token()
    expected = baseline(stack, token)
    began = now_utc()
    stack.command("stop", "keycloak")
    counter = ConnectionCounter(stack.kc_port)
    try:
        stack.http("GET", stack.keycloak + "/realms/portolan", timeout=3)  # the counter must see this one
        seen = counter.count
        counter.count = 0
        load = Load(stack.app, token).start()
        time.sleep(timing.during)
        answers = load.stop()
        during_load = counter.count
        forged = unknown_kid(token)
        refused = [
            stack.http(
                "POST",
                stack.app + "/api/v1/decisions",
                forged,
                {
                    "team": "research",
                    "model": "gpt-4o",
                    "purpose": "chat",
                    "dataClassification": "internal",
                    "region": "eu",
                },
            )[0]
            for _ in range(20)
        ]
        after_forged = counter.count
        time.sleep(timing.after)
        idle = counter.count - after_forged
    finally:
        counter.close()
        restart = stack.command("start", "keycloak")
    report = Report("keycloak-stopped", answers)
    report.check(seen == 1, f"the stand-in on Keycloak's port counted {seen} of 1 test connection")
    report.note(
        f"connections to Keycloak's port: {during_load} during {len(answers)} decisions with a "
        f"cached key, {after_forged - during_load} for {len(refused)} tokens with an unknown kid, "
        f"{idle} in {timing.after} s idle; Keycloak restarted in {restart:.1f} s"
    )
    report.check(all(a.status == 200 for a in answers), "a decision with an issued token was not answered 200")
    report.check(refused == [401] * len(refused), f"unknown kid answered {sorted(set(refused))}, not 401")
    report.check(during_load == 0, f"{during_load} connections to Keycloak while tokens with known keys were used")
    report.check(
        after_forged - during_load <= len(refused),
        f"{after_forged - during_load} connections for {len(refused)} unknown-kid tokens: a retry loop",
    )
    report.check(idle == 0, f"{idle} connections to Keycloak while idle: a retry loop")
    fresh = stack.gateway_token("globex")  # globex: this decision is not one of the load's
    report.check(
        stack.http(
            "POST",
            stack.app + "/api/v1/decisions",
            fresh,
            {"team": "support", "model": "gpt-4o", "purpose": "chat", "dataClassification": "internal", "region": "eu"},
        )[0]
        == 200,
        "a token issued after Keycloak's restart is not accepted",
    )
    return finish(report, stack, began, expected)


# ---- slow OPA or PostgreSQL (toxiproxy) ------------------------------------------------------------

LATENCY_MS = 3000


def slow(proxy, stack, timing, leaves_ready):
    if not stack.portolan_via_proxy():
        log("restarting Portolan to reach OPA and PostgreSQL through toxiproxy")
        stack.command("start", "toxiproxy")
        stack.command("stop", "portolan")
        stack.command("start", "portolan", via_proxy=True)
    token = stack.gateway_token()
    expected = baseline(stack, token)
    began = now_utc()
    load = Load(stack.app, token, workers=24).start()
    time.sleep(timing.before)
    stack.toxic(proxy, LATENCY_MS)
    slowed_at = load.elapsed()
    try:
        # A slow database takes the replica out of the balancer; a slow OPA does not, while the
        # embedded engine decides (ready, marked degraded).
        not_ready = None if leaves_ready else stack.wait("not ready", lambda: not ready(stack), 30)
        ready_polls = []
        live = []
        deadline = time.monotonic() + timing.during
        while time.monotonic() < deadline:
            t = time.monotonic()
            status = stack.status("/health/live", timeout=5)
            live.append((status, time.monotonic() - t))
            if leaves_ready:
                ready_polls.append(ready(stack))
            time.sleep(0.5)
    finally:
        stack.toxic(proxy, 0)
    healed_at = load.elapsed()
    ready_after = stack.wait("ready", lambda: ready(stack), 60)
    recovered = stack.wait("decisions answered again", answered_since(load, load.elapsed()), 60, interval=0.5)
    time.sleep(timing.after)
    report = Report(f"slow-{proxy}", load.stop())
    slowed = [a for a in report.answers if slowed_at <= a.at < healed_at]
    report.note(
        f"{LATENCY_MS} ms added to every answer from {proxy}: {len(slowed)} asked meanwhile, "
        f"{sum(a.status == 200 for a in slowed)} answered 200, {sum(a.status == 503 for a in slowed)} "
        f"refused 503; slowest {max((a.seconds for a in slowed), default=0):.2f} s"
    )
    report.note(
        (f"not ready {not_ready or 0:.1f} s after the latency began; " if not leaves_ready else "")
        + f"/health/live answered {sum(s == 200 for s, _ in live)}/{len(live)} polls, slowest "
        f"{max((d for _, d in live), default=0):.2f} s; ready {ready_after or 0:.1f} s after it was removed"
    )
    if leaves_ready:
        report.note(f"/health/ready answered 200 to {sum(ready_polls)}/{len(ready_polls)} polls while slow")
        report.check(
            ready_polls and all(ready_polls),
            "/health/ready went down while only OPA was slow (the embedded engine decides)",
        )
    else:
        report.check(not_ready is not None, "/health/ready stayed ready while slow")
    report.check(live and all(s == 200 and d < 2 for s, d in live), "/health/live failed or took 2 s or more")
    report.check(ready_after is not None, "not ready within 60 s after the latency was removed")
    report.check(recovered is not None, "decisions not answered after the latency was removed")
    # A decision waits at most 5 s for its log store to begin and 20 s for a begun one to end.
    report.check(all(a.seconds < 30 for a in slowed), "a decision took 30 s or more: a timeout does not hold")
    # Slow, not broken: every store that began ends, so each logged decision was acknowledged.
    return finish(report, stack, began, expected, logged_means_acknowledged=True)


def slow_opa(stack, timing):
    return slow("opa", stack, timing, leaves_ready=True)


def slow_postgres(stack, timing):
    return slow("postgres", stack, timing, leaves_ready=False)


# ---- PostgreSQL's disk full or read-only -----------------------------------------------------------


@contextlib.contextmanager
def small_tablespace(stack):
    """decision_log, compacted, on a tablespace of its own, on a tmpfs just larger than the table; moved back after.

    A tmpfs needs root (mount) but no image file or loop device, and a tablespace confines the
    fault to the decision log: the rest of PostgreSQL (WAL, catalogue) keeps its disk.
    """
    mount = f"/var/lib/portolan-pg/faults-tmpfs-{stack.env['PG_PORT']}"
    # Compacted first: pages freed by earlier deletes (a retention run) would take new rows without
    # growing the file, and a full disk would then refuse nothing.
    stack.superuser_sql("vacuum full decision_log;")
    size_mb = int(stack.sql("select pg_total_relation_size('decision_log') / 1048576;")[0]) + 16
    os.makedirs(mount, exist_ok=True)
    if os.path.ismount(mount):  # left by an interrupted run
        subprocess.run(["umount", mount], check=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_mb}m,mode=700", "tmpfs", mount], check=True)
    try:
        subprocess.run(["chown", "portolan-pg", mount], check=True)
        stack.superuser_sql(f"create tablespace faults_small location '{mount}';")
        stack.superuser_sql("alter table decision_log set tablespace faults_small;")
        yield mount, size_mb
    finally:
        subprocess.run(["mount", "-o", "remount,rw", mount], check=False)
        stack.superuser_sql("alter table decision_log set tablespace pg_default;")
        stack.superuser_sql("drop tablespace if exists faults_small;")
        subprocess.run(["umount", mount], check=True)
        os.rmdir(mount)


def storage_fault(stack, timing, name, break_storage, repair_storage):
    token = stack.gateway_token()
    expected = baseline(stack, token)
    began = now_utc()
    with small_tablespace(stack) as (mount, size_mb), Load(stack.app, token) as load:
        time.sleep(timing.before)
        what = break_storage(mount)
        broken_at = load.elapsed()
        time.sleep(timing.during)
        repair_storage(mount)
        repaired_at = load.elapsed()
        recovered = stack.wait("decisions answered again", answered_since(load, load.elapsed()), 30, interval=0.5)
        time.sleep(timing.after)
        answers = load.stop()
    report = Report(name, answers)
    broken = [a for a in answers if broken_at + 1 <= a.at < repaired_at]
    report.note(
        f"decision_log on a tmpfs of {size_mb} MiB, {what}: {len(broken)} asked meanwhile, "
        f"{sum(a.status == 200 for a in broken)} answered 200, {sum(a.status == 503 for a in broken)} "
        f"refused 503 ({sorted({a.problem_type for a in broken if a.problem_type})}); answered again "
        f"{recovered or 0:.1f} s after the repair"
    )
    report.check(any(a.status == 503 for a in broken), "no decision refused while the storage was broken")
    report.check(recovered is not None, "decisions not answered within 30 s after the repair")
    return finish(report, stack, began, expected)


def disk_full(stack, timing):
    """A filler file takes the tmpfs's last byte; removing it repairs."""
    if os.geteuid() != 0:
        log("postgres-disk-full needs root (mount); skipped")
        return True
    return storage_fault(
        stack,
        timing,
        "postgres-disk-full",
        lambda mount: f"filled with {fill(os.path.join(mount, 'filler'))} MiB",
        lambda mount: os.remove(os.path.join(mount, "filler")),
    )


def read_only(stack, timing):
    """The tmpfs remounted read-only under load; a checkpoint first, so no dirty page is left for it."""
    if os.geteuid() != 0:
        log("postgres-read-only needs root (mount); skipped")
        return True

    def remount_read_only(mount):
        # Linux refuses to remount while a file on it is open for writing, and PostgreSQL's backends
        # keep the table's files open: their sessions end first (as a storage failure would end them).
        for attempt in range(1, 21):
            stack.superuser_sql(
                "checkpoint;\nselect count(pg_terminate_backend(pid)) from pg_stat_activity "
                "where usename = 'portolan_app';"
            )
            if subprocess.run(["mount", "-o", "remount,ro", mount], stderr=subprocess.DEVNULL).returncode == 0:
                return f"remounted read-only (attempt {attempt}, after ending the application's sessions)"
            time.sleep(0.05)
        raise RuntimeError("the tmpfs stayed busy: not remounted read-only")

    return storage_fault(
        stack,
        timing,
        "postgres-read-only",
        remount_read_only,
        lambda mount: subprocess.run(["mount", "-o", "remount,rw", mount], check=True),
    )


def fill(path):
    """Writes zeros until the file system is full; returns the MiB written."""
    written = 0
    chunk = b"\0" * 1048576
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        while os.write(fd, chunk) == len(chunk):
            written += 1
    except OSError:
        pass
    finally:
        os.close(fd)
    return written


CASES = {
    "opa-killed": opa_killed,
    "postgres-killed": postgres_killed,
    "portolan-killed": portolan_killed,
    "keycloak-stopped": keycloak_stopped,
    "slow-opa": slow_opa,
    "slow-postgres": slow_postgres,
    "postgres-disk-full": disk_full,
    "postgres-read-only": read_only,
    "replica-killed": replica_killed,
    "fleet-postgres-restarted": fleet_postgres_restarted,
}
