import { describe, expect, it } from "vitest";
import { Api, ApiError, errorMessage, fieldErrors, formatProblem, query } from "./api";
import { keycloakLocation } from "./config";
import { can, canDecideRequest, roleLabels } from "./permissions";
import { userFromClaims } from "./user";

describe("API error messages", () => {
  it("reads the problem's detail and names the invalid fields", () => {
    const message = formatProblem(400, {
      title: "Invalid request",
      detail: "jurisdiction: must be ISO 3166 alpha-2; name: must not be blank",
      errors: [
        { field: "name", message: "must not be blank" },
        { field: "jurisdiction", message: "must be ISO 3166 alpha-2" },
      ],
    });
    expect(message).toBe("Invalid request: name must not be blank; jurisdiction must be ISO 3166 alpha-2.");
  });

  it("falls back to the title, then to a sentence for the status, never raw JSON", () => {
    expect(formatProblem(409, { title: "Conflict" })).toBe("Conflict");
    expect(formatProblem(403, {})).toBe("Your role does not allow this.");
    expect(formatProblem(502, {})).toMatch(/Portolan failed \(HTTP 502\)/);
    expect(errorMessage(new ApiError(0, {}))).toMatch(/cannot be reached/);
  });

  it("maps field errors to form fields, list indexes folded into their field", () => {
    const error = new ApiError(400, {
      errors: [
        { field: "hostingRegions[1]", message: "must be a region code" },
        { field: "name", message: "is required" },
      ],
    });
    expect(fieldErrors(error)).toEqual({ hostingRegions: "must be a region code", name: "is required" });
    expect(fieldErrors(new Error("x"))).toEqual({});
  });

  it("fails closed with a readable error when Portolan cannot be reached", async () => {
    const api = new Api(async () => "token", "http://127.0.0.1:9"); // nothing listens on port 9
    await expect(api.get("/api/v1/vendors")).rejects.toThrow(/cannot be reached/);
  });
});

describe("query strings", () => {
  it("keeps only the given values", () => {
    expect(query({ team: "research", model: "", page: 0, outcome: undefined })).toBe("?team=research&page=0");
    expect(query({})).toBe("");
  });
});

describe("permissions", () => {
  it("shows each role only what the API allows it", () => {
    expect(can(["requester"], "approvals:submit")).toBe(true);
    expect(can(["requester"], "approvals:decide")).toBe(false);
    expect(can(["requester"], "audit:read")).toBe(false);
    expect(can(["auditor"], "audit:read")).toBe(true);
    expect(can(["auditor"], "inventory:write")).toBe(false);
    expect(can(["compliance-officer"], "inventory:write")).toBe(true);
    expect(can([], "overview")).toBe(false);
  });

  it("never lets an officer decide their own or an already approved-by-them request", () => {
    const request = { requester: "bob", status: "pending", approvedBy: [] as string[] };
    expect(canDecideRequest(["compliance-officer"], "alice", request)).toBe(true);
    expect(canDecideRequest(["compliance-officer"], "bob", request)).toBe(false);
    expect(canDecideRequest(["compliance-officer"], "alice", { ...request, approvedBy: ["alice"] })).toBe(false);
    expect(canDecideRequest(["compliance-officer"], "alice", { ...request, status: "approved" })).toBe(false);
    expect(canDecideRequest(["requester"], "alice", request)).toBe(false);
  });

  it("labels known roles and drops Keycloak's own", () => {
    expect(roleLabels(["offline_access", "compliance-officer"])).toEqual(["Compliance officer"]);
  });
});

describe("the signed-in user", () => {
  it("takes roles from groups and realm_access, the tenant from the organization claim", () => {
    const user = userFromClaims({
      preferred_username: "bob",
      groups: ["requester"],
      realm_access: { roles: ["requester", "offline_access"] },
      organization: ["acme"],
      team: "research",
    });
    expect(user).toEqual({ username: "bob", tenant: "acme", team: "research", roles: ["requester", "offline_access"] });
  });

  it("reads the map form of the organization claim and refuses to guess between two", () => {
    expect(userFromClaims({ organization: { globex: { id: "1" } } }).tenant).toBe("globex");
    expect(userFromClaims({ organization: ["acme", "globex"] }).tenant).toBeNull();
    expect(userFromClaims({}).tenant).toBeNull();
  });
});

describe("the Keycloak location", () => {
  it("splits the issuer Portolan verifies into URL and realm", () => {
    expect(keycloakLocation("http://localhost:28180/realms/portolan")).toEqual({
      url: "http://localhost:28180",
      realm: "portolan",
    });
    expect(keycloakLocation("https://id.example.org/auth/realms/portolan/")).toEqual({
      url: "https://id.example.org/auth",
      realm: "portolan",
    });
    expect(() => keycloakLocation("http://localhost:28180")).toThrow(/not a Keycloak realm issuer/);
  });
});

import { tableView, INITIAL_TABLE } from "./table";
import { endOfDayUtc, formatInstant, splitList, startOfDayUtc } from "./format";

describe("formatters", () => {
  it("writes instants in UTC to the minute", () => {
    expect(formatInstant("2026-11-25T21:50:52.363704Z")).toBe("2026-11-25 21:50 UTC");
    expect(formatInstant(null)).toBe("—");
  });

  it("turns picked dates into the instants the API wants", () => {
    expect(endOfDayUtc("2027-06-30")).toBe("2027-06-30T23:59:59Z");
    expect(startOfDayUtc("2027-06-30")).toBe("2027-06-30T00:00:00Z");
    expect(endOfDayUtc("")).toBeUndefined();
  });

  it("splits region lists however they are typed", () => {
    expect(splitList(" eu, us  apac,")).toEqual(["eu", "us", "apac"]);
  });
});

describe("tables", () => {
  const rows = Array.from({ length: 25 }, (_, i) => ({ id: `model-${i}`, tier: i % 3 }));
  const cells = (r: { id: string; tier: number }) => [r.id, r.tier];

  it("sorts ids with numbers in them as people expect, and pages", () => {
    const view = tableView(rows, { ...INITIAL_TABLE, perPage: 10 }, cells);
    expect(view.matched).toBe(25);
    expect(view.rows.map((r) => r.id).slice(0, 3)).toEqual(["model-0", "model-1", "model-2"]);
    const last = tableView(rows, { ...INITIAL_TABLE, perPage: 10, page: 3 }, cells);
    expect(last.rows.map((r) => r.id)).toEqual(["model-20", "model-21", "model-22", "model-23", "model-24"]);
  });

  it("filters on any column and sorts descending", () => {
    const view = tableView(rows, { ...INITIAL_TABLE, filter: "MODEL-1", direction: "desc" }, cells);
    expect(view.rows[0].id).toBe("model-19");
    expect(view.matched).toBe(11); // model-1 and model-10..19
  });

  it("clamps a page past the end to the last page", () => {
    expect(tableView(rows, { ...INITIAL_TABLE, page: 99 }, cells).rows.length).toBe(5);
  });
});
