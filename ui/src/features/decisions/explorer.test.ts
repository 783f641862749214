import { describe, expect, it } from "vitest";
import {
  aliasOutcome,
  clientLabel,
  deploymentLabel,
  filtersFromSearch,
  filtersToSearch,
  hasFilters,
  inputOf,
  NO_FILTERS,
  routeLabel,
  searchPath,
  type LoggedDecision,
} from "./explorer";

describe("the decision explorer's search", () => {
  it("asks the API for whole UTC days and counts pages from 0", () => {
    const filters = {
      ...NO_FILTERS,
      from: "2026-11-01",
      to: "2026-11-25",
      team: " research ",
      outcome: "deny" as const,
    };
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
    expect(hasFilters({ ...NO_FILTERS, alias: "chat-default" })).toBe(true);
    expect(hasFilters({ ...NO_FILTERS, team: "x" })).toBe(true);
  });

  it("filters by deployment and alias, in the address and in the API's query", () => {
    const search = filtersToSearch({ ...NO_FILTERS, deployment: " mistral-eu ", alias: "chat-default" });
    expect(search.toString()).toBe("deployment=mistral-eu&alias=chat-default");
    expect(filtersFromSearch(search)).toEqual({ ...NO_FILTERS, deployment: "mistral-eu", alias: "chat-default" });
    expect(searchPath(filtersFromSearch(search), 1, 20)).toBe(
      "/api/v1/audit/decisions/search?deployment=mistral-eu&alias=chat-default&page=0&size=20",
    );
  });

  it("tells a person's tried decision from a gateway's", () => {
    expect(clientLabel("user:alice")).toMatch(/^alice \(a person/);
    expect(clientLabel("acme-gateway")).toBe("acme-gateway");
    expect(clientLabel(null)).toBe("unknown client");
  });

  it("gives a logged decision's input as a gateway sends it", () => {
    const logged = {
      team: "t",
      model: "m",
      purpose: "p",
      dataClassification: "internal",
      region: "eu",
      taskTier: "standard",
      allow: true,
    } as LoggedDecision;
    expect(inputOf(logged)).toEqual({
      team: "t",
      model: "m",
      purpose: "p",
      dataClassification: "internal",
      region: "eu",
      taskTier: "standard",
    });
    expect(inputOf({ ...logged, taskTier: null })).not.toHaveProperty("taskTier");
    expect(inputOf(logged)).not.toHaveProperty("deployment");
  });

  it("gives the alias and the deployment the caller named, not the model the alias resolved to", () => {
    const logged = {
      team: "t",
      model: "mistral-large-2",
      purpose: "p",
      dataClassification: "internal",
      region: "eu",
      taskTier: null,
      alias: "chat-default",
      askedDeployment: "mistral-eu",
      deployment: "mistral-eu",
    } as LoggedDecision;
    expect(inputOf(logged)).toEqual({
      team: "t",
      model: "chat-default",
      purpose: "p",
      dataClassification: "internal",
      region: "eu",
      deployment: "mistral-eu",
    });
  });

  it("names where a decision was routed, and what was asked when that differs", () => {
    expect(deploymentLabel({ deployment: "eu-cluster" })).toBe("eu-cluster");
    expect(deploymentLabel({ deployment: "eu-cluster", askedDeployment: "eu-cluster" })).toBe("eu-cluster");
    expect(deploymentLabel({ deployment: null, askedDeployment: "eu-cluster" })).toBe(
      "not routed (asked for eu-cluster)",
    );
    expect(deploymentLabel({})).toBe("—");
  });

  it("writes a route and an alias's resolution in words", () => {
    const route = {
      deployment: "eu-cluster",
      model: "m",
      operator: "self-hosted",
      operatorJurisdiction: "FR",
      region: "eu",
    };
    expect(routeLabel(route)).toBe("eu-cluster, operated by self-hosted (FR), region eu");
    expect(routeLabel({ ...route, endpoint: "https://llm.example/v1" })).toBe(
      "eu-cluster, operated by self-hosted (FR), region eu, https://llm.example/v1",
    );
    expect(aliasOutcome({ name: "chat", model: "m" })).toBe("alias chat resolved to m");
    expect(aliasOutcome({ name: "chat", model: null })).toBe("alias chat: none of its candidates may be used");
  });
});
