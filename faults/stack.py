"""The test stack as the fault cases see it: its ports, its processes, tokens, SQL and toxiproxy."""

import base64
import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROFILE = "test"


def log(message):
    print(f"[faults] {message}", flush=True)


class Stack:
    def __init__(self):
        out = subprocess.run(
            [f"{ROOT}/bin/stack.sh", "env", PROFILE], check=True, capture_output=True, text=True
        ).stdout
        self.env = dict(item.split("=", 1) for item in out.split())
        self.app = "http://127.0.0.1:" + self.env["APP_URL"].rsplit(":", 1)[1]
        self.keycloak = self.env["KC_URL"]
        self.kc_port = int(self.keycloak.rsplit(":", 1)[1])
        self.opa = self.env["OPA_URL"]
        self.state = self.env["STATE"]
        self.toxiproxy = self.env["TOXIPROXY_URL"]
        # nginx in front of this Portolan and a second replica (the fleet cases start both).
        self.balancer = "http://127.0.0.1:" + self.env["BALANCER_URL"].rsplit(":", 1)[1]

    # ---- components ----

    def command(self, action, component, via_proxy=False):
        env = dict(os.environ)
        if via_proxy:
            env["PORTOLAN_STACK_VIA_PROXY"] = "true"
        began = time.monotonic()
        subprocess.run(
            [f"{ROOT}/bin/stack.sh", action, PROFILE, component],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL if action == "stop" else None,
        )
        return time.monotonic() - began

    def ensure_up(self):
        """Starts whatever a broken case left stopped (each start is a no-op for a running part)."""
        via_proxy = os.path.exists(os.path.join(self.state, "toxiproxy.pid"))
        for component in ("postgres", "opa", "keycloak", "portolan"):
            self.command("start", component, via_proxy=via_proxy and component == "portolan")
        # A part found running may still be starting (a Keycloak start takes minutes on a busy machine).
        realm = self.keycloak + "/realms/portolan"
        assert self.wait("Keycloak", lambda: self.http("GET", realm, timeout=5)[0] == 200, 300), "no Keycloak"
        assert self.wait("ready", lambda: self.status("/health/ready", timeout=5) == 200, 300), "not ready"

    def pid(self, component):
        if component == "postgres":
            with open(os.path.join(self.env["PG_DATA"], "postmaster.pid")) as f:
                return int(f.readline())
        with open(os.path.join(self.state, f"{component}.pid")) as f:
            return int(f.read().strip())

    def kill9(self, component):
        """SIGKILL to the component's process group (PostgreSQL: the postmaster and its children)."""
        pid = self.pid(component)
        if component == "postgres":
            children = subprocess.run(
                ["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True
            ).stdout.split()
            for p in [pid, *map(int, children)]:
                try:
                    os.kill(p, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        else:
            os.killpg(pid, signal.SIGKILL)
        gone = self.wait(f"pid {pid} gone", lambda: not _alive(pid), 30, interval=0.1)
        log(f"kill -9 {component} (pid {pid}), gone after {gone or 0:.1f} s")

    def portolan_via_proxy(self):
        """Whether the running Portolan was started to reach OPA through toxiproxy."""
        try:
            with open(f"/proc/{self.pid('portolan')}/environ", "rb") as f:
                env = dict(v.split(b"=", 1) for v in f.read().split(b"\0") if b"=" in v)
        except (OSError, ValueError):
            return False
        return env.get(b"PORTOLAN_OPA_URL", b"").endswith(b":" + self.env["OPA_PROXY_PORT"].encode())

    # ---- HTTP ----

    def http(self, method, url, token=None, body=None, timeout=10):
        """(status, headers, parsed body or text); status 0 when no answer came."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(url, data=data, method=method)
        if token:
            request.add_header("Authorization", "Bearer " + token)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.headers, _parse(response.read())
        except urllib.error.HTTPError as e:
            return e.code, e.headers, _parse(e.read())
        except (OSError, ValueError) as e:
            return 0, {}, str(e)

    def status(self, path, timeout=10):
        return self.http("GET", self.app + path, timeout=timeout)[0]

    def gateway_token(self, tenant="acme"):
        return self._token(
            {
                "grant_type": "client_credentials",
                "client_id": f"{tenant}-gateway",
                "client_secret": f"{tenant}-gateway-secret",
            }
        )

    def user_token(self, name):
        return self._token({"grant_type": "password", "client_id": "portolan-cli", "username": name, "password": name})

    def _token(self, form):
        data = urllib.parse.urlencode(form).encode()
        url = self.keycloak + "/realms/portolan/protocol/openid-connect/token"
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=20) as response:
            return json.loads(response.read())["access_token"]

    def wait(self, what, predicate, timeout, interval=0.25):
        """Polls until predicate() holds; returns the seconds it took, or None after the timeout."""
        began = time.monotonic()
        while time.monotonic() - began < timeout:
            if predicate():
                return time.monotonic() - began
            time.sleep(interval)
        log(f"gave up waiting for {what} after {timeout} s")
        return None

    # ---- PostgreSQL, as the owner role (row-level security: one tenant at a time) ----

    def sql(self, statements, tenant="acme"):
        script = f"select set_config('app.tenant', '{tenant}', false);\n{statements}"
        env = dict(os.environ, PGPASSWORD="portolan_owner", PGCONNECT_TIMEOUT="5")
        result = subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-p",
                self.env["PG_PORT"],
                "-U",
                "portolan_owner",
                "-d",
                "portolan",
                "-X",
                "-q",
                "-t",
                "-A",
                "-v",
                "ON_ERROR_STOP=1",
            ],
            input=script,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if result.returncode != 0:
            raise RuntimeError("psql failed: " + result.stderr.strip())
        return [line for line in result.stdout.splitlines() if line][1:]  # first line: set_config

    def superuser_sql(self, statements):
        env = dict(os.environ, PGPASSWORD="postgres", PGCONNECT_TIMEOUT="5")
        result = subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-p",
                self.env["PG_PORT"],
                "-U",
                "postgres",
                "-d",
                "portolan",
                "-X",
                "-q",
                "-t",
                "-A",
                "-v",
                "ON_ERROR_STOP=1",
            ],
            input=statements,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if result.returncode != 0:
            raise RuntimeError("psql failed: " + result.stderr.strip())
        return [line for line in result.stdout.splitlines() if line]

    # ---- toxiproxy ----

    def toxic(self, proxy, latency_ms):
        """Adds latency to everything the proxy passes back to Portolan; 0 removes it."""
        url = f"{self.toxiproxy}/proxies/{proxy}/toxics"
        if latency_ms == 0:
            status = self.http("DELETE", f"{url}/slow")[0]
            assert status in (204, 404), f"toxiproxy answered {status}"
            return
        status, _, body = self.http(
            "POST",
            url,
            body={"name": "slow", "type": "latency", "stream": "downstream", "attributes": {"latency": latency_ms}},
        )
        assert status == 200, f"toxiproxy answered {status}: {body}"


def _alive(pid):
    """Whether the process exists and is not a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _parse(raw):
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return raw.decode(errors="replace")


def unknown_kid(token):
    """The same claims under a key id Keycloak never issued (the signature cannot matter then)."""
    header, payload, signature = token.split(".")
    forged = (
        base64.urlsafe_b64encode(json.dumps({"alg": "RS256", "typ": "JWT", "kid": "faults-unknown-kid"}).encode())
        .rstrip(b"=")
        .decode()
    )
    return f"{forged}.{payload}.{signature}"
