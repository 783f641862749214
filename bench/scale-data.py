#!/usr/bin/env python3
"""Loads a scaled inventory into a running Portolan stack, for bench/scale.sh.

    bench/scale-data.py SCALE [--via api|sql] [--workers N]

SCALE multiplies the demo inventory that `make run` seeds (1x): 10 tenants (acme, globex and
scale-03..scale-10), each with 10*SCALE teams, 50*SCALE models from SCALE/2 vendors (at most 50,
in 15 jurisdictions), 20*SCALE approvals and policy settings for every data classification.
100 is the full scale of issue 7: 10,000 teams, 50,000 models and 20,000 approvals in all.

Tenants, users and gateways always go through the real APIs: Keycloak's admin REST API (an
Organization per tenant, an admin and two officers in it) and Portolan's POST /api/v1/gateways.
The inventory goes through Portolan's API (--via api: every write publishes the tenant's whole
document to OPA, so the cost of a write grows with the inventory) or, for large scales, the bulk
path (--via sql: the same rows inserted by the PostgreSQL superuser, bypassing the admin audit
trail, which makes it a benchmark fixture only). Either way each tenant's settings are then
published through the API, which pushes the data to the embedded engine and OPA.

Loading is additive and idempotent: rows that exist are kept. Gateway secrets go to
$STATE/bench-gateways.json for bench/decisions.sh. Prints one line per phase with its time.
"""

import argparse
import concurrent.futures
import functools
import hashlib
import http.client
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

TENANTS = ["acme", "globex"] + [f"scale-{i:02d}" for i in range(3, 11)]
JURISDICTIONS = ["US", "FR", "CN", "DE", "GB", "CA", "JP", "KR", "IN", "IL", "CH", "SE", "AE", "BR", "RU"]
REGIONS = [["eu", "us"], ["eu"], ["us"], ["eu", "uk", "us"], ["apac", "cn"]]
STATUSES = ["approved"] * 7 + ["proposed", "restricted", "retired"]
COST_TIERS = ["low", "medium", "high"]
PURPOSES = ["chat", "code", "summarise"]
CLASSES = ["internal", "confidential", "public", "restricted"]
APPROVAL_REGIONS = [["eu"], ["eu", "uk"], ["eu", "us"]]


def settings(tenant_index):
    """Sovereignty settings naming every data classification."""
    return {
        "deniedJurisdictions": {
            "public": ["KP"],
            "internal": ["KP", "RU"],
            "confidential": ["CN", "KP", "RU"],
            "restricted": ["CN", "IR", "KP", "RU"],
        },
        "watchedJurisdictions": {"public": [], "internal": ["CN"], "confidential": ["IN"], "restricted": ["US"]},
        "residency": {
            "public": ["apac", "eu", "uk", "us"],
            "internal": ["eu", "uk", "us"],
            "confidential": ["eu", "uk"],
            "restricted": ["eu"],
        },
        "selfHostedOpenWeightsOnly": ["restricted"],
        "costTiers": {"routine": ["low"], "standard": ["low", "medium", "high"], "critical": ["low", "medium", "high"]},
        "preferences": {
            "domesticJurisdiction": JURISDICTIONS[tenant_index % len(JURISDICTIONS)],
            "preferOpenWeights": True,
            "preferLowerCost": True,
        },
    }


# ---- the inventory: item i is the same at every scale, so a larger scale only adds ----


def vendor(j):
    suspended = j % 20 == 19
    return {
        "id": f"vendor-{j:02d}",
        "name": f"Vendor {j:02d}",
        "jurisdiction": JURISDICTIONS[j % len(JURISDICTIONS)],
        "suspended": suspended,
        "suspensionReason": "Suspended by the scale benchmark" if suspended else None,
    }


def team(i):
    return {"id": f"team-{i:04d}", "name": f"Team {i:04d}", "defaultTaskTier": "routine" if i % 5 == 0 else "standard"}


def model(i):
    open_weights = i % 3 != 0
    return {
        "id": f"model-{i:05d}",
        "displayName": f"Model {i:05d}",
        "vendor": f"vendor-{(i // 100) % 50:02d}",
        "hostingRegions": REGIONS[i % len(REGIONS)],
        "openWeights": open_weights,
        "selfHostable": open_weights,
        "licence": "Apache-2.0" if open_weights else "proprietary",
        "capabilities": ["chat", "code"] if i % 2 else ["chat"],
        "costTier": COST_TIERS[i % 3],
        "status": STATUSES[i % len(STATUSES)],
    }


def approval(k):
    """Approval k: two per team, each for its own model (index 2k or 2k+1 stays below 50*SCALE)."""
    return {
        "team": team(k // 2)["id"],
        "model": model(2 * k + k % 2)["id"],
        "purpose": PURPOSES[k % 3],
        "maxDataClassification": CLASSES[k % 4],
        "regions": APPROVAL_REGIONS[k % 3],
        "justification": "Scale benchmark",
    }


def counts(scale):
    return {"vendors": min(50, max(1, scale // 2)), "teams": 10 * scale, "models": 50 * scale, "approvals": 20 * scale}


def users(tenant):
    return {"admin": f"{tenant}-admin", "officer": f"{tenant}-officer-1", "officer2": f"{tenant}-officer-2"}


# ---- HTTP ----


class Http:
    """One keep-alive connection per thread and host."""

    def __init__(self):
        self.local = threading.local()

    def request(self, method, url, body=None, headers=None, form=False):
        parts = urllib.parse.urlsplit(url)
        key = parts.netloc
        conns = getattr(self.local, "conns", None)
        if conns is None:
            conns = self.local.conns = {}
        headers = dict(headers or {})
        if body is not None and not isinstance(body, (bytes, str)):
            body = json.dumps(body)
            headers["Content-Type"] = "application/json"
        elif form:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        path = parts.path + ("?" + parts.query if parts.query else "")
        for attempt in range(3):
            conn = conns.get(key) or http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
            conns[key] = conn
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                data = response.read()
                return response.status, data, response.getheader("Location")
            except (http.client.HTTPException, OSError):
                conn.close()
                conns.pop(key, None)
                if attempt == 2:
                    raise


HTTP = Http()


def expect(status, data, allowed, what):
    if status not in allowed:
        raise RuntimeError(f"{what}: HTTP {status} {data[:300]!r}")
    return json.loads(data) if data and data[:1] in (b"{", b"[") else None


class Tokens:
    """Password-grant tokens of portolan-cli users, renewed before their 300 s run out."""

    def __init__(self, kc_url):
        self.url = f"{kc_url}/realms/portolan/protocol/openid-connect/token"
        self.cache = {}
        self.lock = threading.Lock()

    def get(self, user):
        with self.lock:
            token, at = self.cache.get(user, (None, 0))
            if token and time.time() - at < 200:
                return token
        form = urllib.parse.urlencode(
            {"grant_type": "password", "client_id": "portolan-cli", "username": user, "password": user}
        )
        status, data, _ = HTTP.request("POST", self.url, form, form=True)
        token = expect(status, data, {200}, f"token of {user}")["access_token"]
        with self.lock:
            self.cache[user] = (token, time.time())
        return token


# ---- Keycloak: an Organization per tenant, with an admin and two officers ----


class Keycloak:
    def __init__(self, url):
        self.url = url
        self.admin = f"{url}/admin/realms/portolan"
        form = urllib.parse.urlencode(
            {"grant_type": "password", "client_id": "admin-cli", "username": "admin", "password": "admin"}
        )
        status, data, _ = HTTP.request("POST", f"{url}/realms/master/protocol/openid-connect/token", form, form=True)
        self.headers = {
            "Authorization": "Bearer " + expect(status, data, {200}, "Keycloak admin token")["access_token"]
        }

    def call(self, method, path, body=None, allowed=(200, 201, 204)):
        status, data, _ = HTTP.request(method, self.admin + path, body, self.headers)
        return status, expect(status, data, set(allowed), f"Keycloak {method} {path}")

    def organization(self, tenant):
        _, found = self.call("GET", "/organizations?first=0&max=10000")  # the search matches names, not aliases
        found = [o for o in found if o["alias"] == tenant]
        if found:
            return found[0]["id"]
        self.call(
            "POST",
            "/organizations",
            {
                "name": tenant,
                "alias": tenant,
                "enabled": True,
                "domains": [{"name": f"{tenant}.example", "verified": False}],
            },
        )
        return self.organization(tenant)

    def user(self, name, role):
        status, _ = self.call(
            "POST",
            "/users",
            {
                "username": name,
                "enabled": True,
                "emailVerified": True,
                "firstName": name,
                "lastName": "Bench",
                "email": f"{name}@bench.example",
                "credentials": [{"type": "password", "value": name, "temporary": False}],
            },
            allowed=(201, 409),
        )
        _, found = self.call("GET", f"/users?username={name}&exact=true")
        user_id = found[0]["id"]
        if status == 201:
            _, rep = self.call("GET", f"/roles/{role}")
            self.call("POST", f"/users/{user_id}/role-mappings/realm", [rep])
        return user_id

    def member(self, org_id, user_id):
        self.call("POST", f"/organizations/{org_id}/members", json.dumps(user_id).encode(), allowed=(201, 204, 409))


def setup_tenant(kc, tenant):
    org = kc.organization(tenant)
    roles = {"admin": "tenant-admin", "officer": "compliance-officer", "officer2": "compliance-officer"}
    for kind, name in users(tenant).items():
        kc.member(org, kc.user(name, roles[kind]))


# ---- Portolan ----


class Portolan:
    def __init__(self, app_url, tokens):
        self.api = f"{app_url}/api/v1"
        self.tokens = tokens

    def call(self, user, method, path, body=None, allowed=(200, 201, 204)):
        headers = {"Authorization": "Bearer " + self.tokens.get(user)}
        status, data, _ = HTTP.request(method, self.api + path, body, headers)
        return status, expect(status, data, set(allowed), f"{method} {path} as {user}")

    def gateway(self, tenant):
        """The tenant's benchmark gateway, issued now or with its secret rotated."""
        admin = users(tenant)["admin"]
        status, credential = self.call(
            admin, "POST", "/gateways", {"id": "bench", "description": "scale benchmark"}, allowed=(201, 409)
        )
        if status == 409:
            _, credential = self.call(admin, "POST", "/gateways/bench/rotate-secret", allowed=(200, 201))
        return {"clientId": credential["gateway"]["clientId"], "secret": credential["clientSecret"]}

    def create(self, tenant, kind, body):
        self.call(
            users(tenant)["officer"] if kind != "teams" else users(tenant)["admin"],
            "POST",
            f"/{kind}",
            body,
            allowed=(201, 409),
        )

    def approve(self, tenant, body):
        names = users(tenant)
        _, request = self.call(names["admin"], "POST", "/approval-requests", body, allowed=(201,))
        self.call(names["officer"], "POST", f"/approval-requests/{request['id']}/decision", {"outcome": "approve"})
        if request.get("requiredApprovals", 1) > 1:
            self.call(names["officer2"], "POST", f"/approval-requests/{request['id']}/decision", {"outcome": "approve"})

    def approvals(self, tenant):
        _, page = self.call(users(tenant)["officer"], "GET", "/approvals?size=1")
        return page["total"]

    def publish(self, tenant, index):
        officer = users(tenant)["officer"]
        self.call(officer, "PUT", "/policy/settings", settings(index))
        _, revision = self.call(officer, "POST", "/policy/revisions", allowed=(201,))
        return revision


def parallel(workers, tasks):
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        for future in [pool.submit(task) for task in tasks]:
            future.result()


def phase(name, action):
    start = time.monotonic()
    result = action()
    print(f"  {name}: {time.monotonic() - start:.1f} s", flush=True)
    return result


# ---- the bulk path: the same rows, inserted by the PostgreSQL superuser ----


def copy_block(table, columns, rows, insert=None):
    """Rows into a temporary copy of the table, then inserted unless they exist (or by insert)."""
    listed = ", ".join(columns)
    lines = [
        f"create temporary table load_{table} on commit drop as select {listed} from {table} with no data;",
        f"copy load_{table} ({listed}) from stdin;",
    ]
    lines += ["\t".join(copy_value(v) for v in row) for row in rows]
    lines += [
        "\\.",
        insert or f"insert into {table} ({listed}) select {listed} from load_{table} on conflict do nothing;",
    ]
    return "\n".join(lines)


def copy_value(value):
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, list):
        return "{" + ",".join(value) + "}"
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def stable_uuid(*parts):
    return str(uuid.UUID(hashlib.md5("/".join(parts).encode()).hexdigest()))


REQUEST_COLUMNS = [
    "tenant_id",
    "id",
    "team",
    "model",
    "purpose",
    "max_data_classification",
    "regions",
    "justification",
    "requester",
    "status",
    "high_risk",
    "required_approvals",
    "findings",
]
APPROVAL_COLUMNS = [
    "tenant_id",
    "id",
    "request_id",
    "team",
    "model",
    "purpose",
    "max_data_classification",
    "regions",
    "approved_by",
]
# Requests new to the database get their history and approval; a rerun adds neither twice.
NEW_REQUESTS = f"""create temporary table new_request (id uuid) on commit drop;
with inserted as (insert into approval_request ({", ".join(REQUEST_COLUMNS)})
                  select {", ".join(REQUEST_COLUMNS)} from load_approval_request on conflict do nothing returning id)
insert into new_request select id from inserted;"""
NEW_EVENTS = """insert into approval_request_event (tenant_id, request_id, actor, action, comment)
  select e.tenant_id, e.request_id, e.actor, e.action, e.comment
  from load_approval_request_event e join new_request n on n.id = e.request_id;"""
NEW_APPROVALS = f"""insert into approval ({", ".join(APPROVAL_COLUMNS)}, expires_at)
  select {", ".join("a." + c for c in APPROVAL_COLUMNS)}, now() + interval '365 days'
  from load_approval a join new_request n on n.id = a.request_id;"""


def bulk_sql(scale, existing_approvals):
    n = counts(scale)
    vendors, teams, models, requests, events, approvals = [], [], [], [], [], []
    for tenant in TENANTS:
        names = users(tenant)
        vendors += [
            [tenant, v["id"], v["name"], v["jurisdiction"], v["suspended"], v["suspensionReason"]]
            for v in map(vendor, range(n["vendors"]))
        ]
        teams += [[tenant, t["id"], t["name"], t["defaultTaskTier"]] for t in map(team, range(n["teams"]))]
        models += [
            [
                tenant,
                m["id"],
                m["displayName"],
                m["vendor"],
                m["hostingRegions"],
                m["openWeights"],
                m["selfHostable"],
                m["licence"],
                m["capabilities"],
                m["costTier"],
                m["status"],
            ]
            for m in map(model, range(n["models"]))
        ]
        # As through the API: approvals already there (the demo's, an earlier load's) count.
        for k in range(existing_approvals.get(tenant, 0), n["approvals"]):
            a = approval(k)
            request_id = stable_uuid(tenant, a["team"], a["model"], a["purpose"])
            requests.append(
                [
                    tenant,
                    request_id,
                    a["team"],
                    a["model"],
                    a["purpose"],
                    a["maxDataClassification"],
                    a["regions"],
                    a["justification"],
                    names["admin"],
                    "approved",
                    False,
                    1,
                    "[]",
                ]
            )
            events.append([tenant, request_id, names["admin"], "submitted", "Scale benchmark"])
            events.append([tenant, request_id, names["officer"], "approved", None])
            approvals.append(
                [
                    tenant,
                    stable_uuid(tenant, request_id, "approval"),
                    request_id,
                    a["team"],
                    a["model"],
                    a["purpose"],
                    a["maxDataClassification"],
                    a["regions"],
                    [names["officer"]],
                ]
            )
    tenant_rows = ",".join(f"('{t}')" for t in TENANTS)
    return "\n".join(
        [
            "\\set ON_ERROR_STOP on",
            "begin;",
            f"insert into tenant (id) values {tenant_rows} on conflict do nothing;",
            copy_block(
                "vendor", ["tenant_id", "id", "name", "jurisdiction", "suspended", "suspension_reason"], vendors
            ),
            copy_block("team", ["tenant_id", "id", "name", "default_task_tier"], teams),
            copy_block(
                "model",
                [
                    "tenant_id",
                    "id",
                    "display_name",
                    "vendor_id",
                    "hosting_regions",
                    "open_weights",
                    "self_hostable",
                    "licence",
                    "capabilities",
                    "cost_tier",
                    "status",
                ],
                models,
            ),
            copy_block("approval_request", REQUEST_COLUMNS, requests, insert=NEW_REQUESTS),
            copy_block(
                "approval_request_event",
                ["tenant_id", "request_id", "actor", "action", "comment"],
                events,
                insert=NEW_EVENTS,
            ),
            copy_block("approval", APPROVAL_COLUMNS, approvals, insert=NEW_APPROVALS),
            "commit;",
        ]
    )


def load_sql(scale, pg_port):
    env = dict(os.environ, PGPASSWORD="postgres")
    psql = ["psql", "-q", "-h", "127.0.0.1", "-p", str(pg_port), "-U", "postgres", "portolan"]
    counted = subprocess.run(
        psql + ["-At", "-F", " ", "-c", "select tenant_id, count(*) from approval group by 1"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    existing = {counted[i]: int(counted[i + 1]) for i in range(0, len(counted), 2)}
    subprocess.run(psql, input=bulk_sql(scale, existing), text=True, env=env, check=True, stdout=subprocess.DEVNULL)


def load_api(portolan, scale, workers):
    n = counts(scale)
    for kind, make, key in [("vendors", vendor, "vendors"), ("teams", team, "teams"), ("models", model, "models")]:

        def create_all(kind=kind, make=make, key=key):
            parallel(
                workers, [functools.partial(portolan.create, t, kind, make(i)) for i in range(n[key]) for t in TENANTS]
            )

        phase(f"{n[key]} {kind} per tenant (API)", create_all)

    def approvals():
        existing = {t: portolan.approvals(t) for t in TENANTS}
        # Approvals of the demo data count too: only the missing ones are added.
        parallel(
            workers,
            [
                (lambda t=t, k=k: portolan.approve(t, approval(k)))
                for k in range(n["approvals"])
                for t in TENANTS
                if k >= existing[t]
            ],
        )

    phase(f"{n['approvals']} approvals per tenant (API)", approvals)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scale", type=int)
    parser.add_argument("--via", choices=["api", "sql"], default="api")
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    env = dict(part.split("=", 1) for part in os.environ.get("STACK_ENV", "").split())
    app_url, kc_url, state, pg_port = env["APP_URL"], env["KC_URL"], env["STATE"], env["PG_PORT"]

    started = time.monotonic()
    n = counts(args.scale)
    print(
        f"loading {args.scale}x via {args.via}: {len(TENANTS)} tenants, per tenant {n['vendors']} vendors, "
        f"{n['teams']} teams, {n['models']} models, {n['approvals']} approvals",
        flush=True,
    )
    kc = Keycloak(kc_url)
    phase("Keycloak organizations and users", lambda: [setup_tenant(kc, t) for t in TENANTS])
    portolan = Portolan(app_url, Tokens(kc_url))
    gateways = phase("gateways", lambda: {t: portolan.gateway(t) for t in TENANTS})
    with open(os.path.join(state, "bench-gateways.json"), "w") as f:
        json.dump(gateways, f, indent=1)
    if args.via == "sql":
        # The tenants exist in Portolan once a token of theirs was seen: the gateway calls did that.
        phase("bulk insert (PostgreSQL superuser)", lambda: load_sql(args.scale, pg_port))
    else:
        load_api(portolan, args.scale, args.workers)
    phase(
        "settings published for every tenant (API)",
        lambda: parallel(args.workers, [(lambda t=t, i=i: portolan.publish(t, i)) for i, t in enumerate(TENANTS)]),
    )
    print(f"loaded in {time.monotonic() - started:.1f} s", flush=True)


if __name__ == "__main__":
    sys.exit(main())
