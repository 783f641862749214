import { describe, expect, it } from "vitest";
import { teamBody, tokenCommand } from "./admin";
import { clientLabel, filtersFromSearch, filtersToSearch, hasFilters, inputOf, NO_FILTERS, searchPath, type LoggedDecision } from "./explorer";
import { can } from "./permissions";
import { countNewlines, exportSummary, formatBytes, readWithProgress, rowsReceived, type Progress } from "./stream";

describe("the decision explorer's search", () => {
  it("asks the API for whole UTC days and counts pages from 0", () => {
    const filters = { from: "2026-11-01", to: "2026-11-25", team: " research ", model: "", outcome: "deny" as const, obligation: "" };
    expect(searchPath(filters, 3, 20)).toBe(
      "/api/v1/audit/decisions/search?from=2026-11-01T00%3A00%3A00Z&to=2026-11-25T23%3A59%3A59Z&team=research&outcome=deny&page=2&size=20",
    );
    expect(searchPath(NO_FILTERS, 1, 50)).toBe("/api/v1/audit/decisions/search?page=0&size=50");
  });

  it("keeps the filters in the address bar and reads back only what it understands", () => {
    const search = filtersToSearch({ ...NO_FILTERS, model: "mistral-large", outcome: "allow" }, 2);
    expect(search.toString()).toBe("model=mistral-large&outcome=allow&page=2");
    expect(filtersFromSearch(search)).toEqual({ ...NO_FILTERS, model: "mistral-large", outcome: "allow" });
    expect(filtersFromSearch(new URLSearchParams("outcome=maybe")).outcome).toBe("");
    const obligated = filtersToSearch({ ...NO_FILTERS, obligation: "jurisdiction_watchlisted" });
    expect(obligated.toString()).toBe("obligation=jurisdiction_watchlisted");
    expect(filtersFromSearch(obligated).obligation).toBe("jurisdiction_watchlisted");
    expect(searchPath(filtersFromSearch(obligated), 1, 20)).toContain("obligation=jurisdiction_watchlisted");
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, team: "x" })).toBe(true);
  });

  it("tells a person's tried decision from a gateway's", () => {
    expect(clientLabel("user:alice")).toMatch(/^alice \(a person/);
    expect(clientLabel("acme-gateway")).toBe("acme-gateway");
    expect(clientLabel(null)).toBe("unknown client");
  });

  it("gives a logged decision's input as a gateway sends it", () => {
    const logged = { team: "t", model: "m", purpose: "p", dataClassification: "internal", region: "eu", taskTier: "standard", allow: true } as LoggedDecision;
    expect(inputOf(logged)).toEqual({ team: "t", model: "m", purpose: "p", dataClassification: "internal", region: "eu", taskTier: "standard" });
    expect(inputOf({ ...logged, taskTier: null })).not.toHaveProperty("taskTier");
  });
});

describe("streamed downloads", () => {
  const encoder = new TextEncoder();
  const streamOf = (...parts: string[]) =>
    new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(controller) {
        parts.forEach((p) => controller.enqueue(encoder.encode(p) as Uint8Array<ArrayBuffer>));
        controller.close();
      },
    });

  it("reports bytes and lines after every chunk", async () => {
    const seen: Progress[] = [];
    const chunks = await readWithProgress(streamOf("id,team\r\na,", "x\r\nb,y\r\n"), (p) => seen.push(p));
    expect(chunks).toHaveLength(2);
    expect(seen).toEqual([{ bytes: 11, lines: 1 }, { bytes: 19, lines: 3 }]);
    expect(rowsReceived(seen[1], "csv")).toBe(2);
    expect(rowsReceived(seen[1], "ndjson")).toBe(3);
    expect(rowsReceived({ bytes: 0, lines: 0 }, "csv")).toBe(0);
  });

  it("rejects with the body's error when the download is cancelled, as fetch does on abort", async () => {
    const abort = new AbortController();
    let sent = 0;
    const body = new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull(controller) {
        if (abort.signal.aborted) return controller.error(new DOMException("The user aborted a request.", "AbortError"));
        sent++;
        controller.enqueue(encoder.encode("{}\n") as Uint8Array<ArrayBuffer>);
      },
    });
    await expect(readWithProgress(body, (p) => p.lines >= 5 && abort.abort())).rejects.toThrow(/aborted/);
    expect(sent).toBe(5);
  });

  it("counts newlines and writes sizes for people", () => {
    expect(countNewlines(encoder.encode("a\nb\n\n"))).toBe(3);
    expect(formatBytes(999)).toBe("999 bytes");
    expect(formatBytes(12_345)).toBe("12.3 kB");
    expect(formatBytes(4_500_000)).toBe("4.5 MB");
    expect(exportSummary(12_345, { bytes: 12_345, lines: 2 }, "csv")).toBe("1 row, 12.3 kB");
  });
});

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
    expect(teamBody({ id: "ops", name: "Ops", defaultTaskTier: "critical" })).toEqual({ id: "ops", name: "Ops", defaultTaskTier: "critical" });
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
