import { describe, expect, it } from "vitest";
import { dataTerms, deploymentBody } from "./deployments";
import type { Deployment } from "../../shared/types";

const base: Deployment = {
  id: "d",
  model: "m",
  operator: "self-hosted",
  selfHosted: true,
  operatorJurisdiction: "FR",
  regions: ["eu"],
  endpoint: null,
  retentionDays: null,
  trainsOnPrompts: null,
  zeroDataRetention: false,
  status: "active",
  availableFrom: null,
  cutOffAt: null,
};

describe("data terms in words", () => {
  it("says zero data retention first", () => {
    expect(dataTerms({ ...base, zeroDataRetention: true, retentionDays: 0, trainsOnPrompts: false })).toBe(
      "zero data retention",
    );
  });
  it("shows terms an operator did not state as not stated, never as safe", () => {
    expect(dataTerms(base)).toBe("retention not stated; training not stated");
  });
  it("names retention and training when stated", () => {
    expect(dataTerms({ ...base, retentionDays: 30, trainsOnPrompts: true })).toBe(
      "kept 30 days; prompts train the model",
    );
  });
  it("sends only the writable fields", () => {
    expect(Object.keys(deploymentBody({ ...base, createdAt: "x" } as Deployment))).not.toContain("createdAt");
    expect(Object.keys(deploymentBody(base))).not.toContain("selfHosted");
  });
});
