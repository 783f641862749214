import { describe, expect, it } from "vitest";
import { can } from "../../shared/permissions";
import { teamBody, tokenCommand } from "./admin";

describe("admin helpers", () => {
  it("builds the token request a gateway runs with its new secret", () => {
    const command = tokenCommand({
      gateway: { id: "eu", clientId: "acme-gw-eu", description: "", createdAt: null, createdBy: null },
      clientSecret: "s3cret",
      tokenUrl: "http://localhost:8180/realms/portolan/protocol/openid-connect/token",
    });
    expect(command).toContain("client_id='acme-gw-eu'");
    expect(command).toContain("client_secret='s3cret'");
    expect(command.split("\n")).toHaveLength(4);
  });

  it("sends a team's tier only when one was chosen", () => {
    expect(teamBody({ id: " ops ", name: "Ops", defaultTaskTier: "" })).toEqual({ id: "ops", name: "Ops" });
    expect(teamBody({ id: "ops", name: "Ops", defaultTaskTier: "critical" })).toEqual({
      id: "ops",
      name: "Ops",
      defaultTaskTier: "critical",
    });
  });

  it("shows the admin screens only to the roles the API lets in", () => {
    expect(can(["tenant-admin"], "gateways:manage")).toBe(true);
    expect(can(["auditor"], "gateways:read")).toBe(true);
    expect(can(["auditor"], "gateways:manage")).toBe(false);
    expect(can(["requester"], "teams:manage")).toBe(false);
    expect(can(["requester"], "decisions:explore")).toBe(false);
    expect(can(["compliance-officer"], "decisions:try")).toBe(true);
    expect(can(["auditor"], "decisions:try")).toBe(false);
    expect(can(["platform-admin"], "tenants:read")).toBe(true);
    expect(can(["tenant-admin"], "tenants:read")).toBe(false);
  });
});
