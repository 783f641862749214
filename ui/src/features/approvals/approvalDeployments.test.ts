import { describe, expect, it } from "vitest";
import {
  deploymentChoices,
  deploymentsLabel,
  describeDeployment,
  narrowedDeployments,
  requestedDeployments,
  toggleDeployment,
} from "./approvalDeployments";
import type { Deployment } from "../../shared/types";

const deployment = (id: string, change: Partial<Deployment> = {}): Deployment => ({
  id,
  model: "deepseek-v3",
  operator: "self-hosted",
  selfHosted: true,
  operatorJurisdiction: "FR",
  regions: ["eu"],
  endpoint: null,
  retentionDays: 0,
  trainsOnPrompts: false,
  zeroDataRetention: true,
  status: "active",
  availableFrom: null,
  cutOffAt: null,
  ...change,
});
const OWN = deployment("deepseek-v3-acme-eu");
const API = deployment("deepseek-v3", {
  operator: "deepseek",
  selfHosted: false,
  operatorJurisdiction: "CN",
  regions: ["apac", "cn"],
});

describe("the deployments an approval names, in words", () => {
  it("lists the ids, or says any when none is named", () => {
    expect(deploymentsLabel(["deepseek-v3-acme-eu", "deepseek-v3"])).toBe("deepseek-v3-acme-eu, deepseek-v3");
    expect(deploymentsLabel([])).toBe("Any deployment");
    expect(deploymentsLabel([], "Any")).toBe("Any");
  });
  it("reads a view from a server without deployments as any", () => {
    expect(deploymentsLabel(undefined, "Any")).toBe("Any");
  });
  it("says who runs a deployment and where, and its status only when not active", () => {
    expect(describeDeployment(OWN)).toBe("self-hosted, FR; eu");
    expect(describeDeployment(API)).toBe("deepseek, CN; apac, cn");
    expect(describeDeployment({ ...API, status: "suspended" })).toBe("deepseek, CN; apac, cn; suspended");
  });
});

describe("choosing deployments with checkboxes", () => {
  const choices = ["a", "b", "c"];
  it("keeps the selection in the order of the choices", () => {
    expect(toggleDeployment(choices, ["c"], "a", true)).toEqual(["a", "c"]);
    expect(toggleDeployment(choices, ["a", "c"], "c", false)).toEqual(["a"]);
    expect(toggleDeployment(choices, ["a"], "a", true)).toEqual(["a"]); // checked twice: once
  });
  it("keeps a picked id the choices no longer list, for the server to judge", () => {
    expect(toggleDeployment(["b"], ["gone"], "b", true)).toEqual(["b", "gone"]);
  });
});

describe("a new request's deployments", () => {
  it("are sent only when some are chosen: absent means any deployment of the model", () => {
    expect(requestedDeployments([])).toBeUndefined();
    expect(requestedDeployments(["deepseek-v3-acme-eu"])).toEqual(["deepseek-v3-acme-eu"]);
  });
});

describe("what an officer may narrow an approval to", () => {
  it("is the request's deployments when it named some, with the model's details where known", () => {
    expect(deploymentChoices(["deepseek-v3-acme-eu"], [API, OWN])).toEqual([
      { id: "deepseek-v3-acme-eu", deployment: OWN },
    ]);
  });
  it("lists the request's deployments by id before the model's details load, or after one was deleted", () => {
    expect(deploymentChoices(["deepseek-v3-acme-eu", "gone"], undefined)).toEqual([
      { id: "deepseek-v3-acme-eu", deployment: undefined },
      { id: "gone", deployment: undefined },
    ]);
  });
  it("is every deployment of the model when the request named none", () => {
    expect(deploymentChoices([], [OWN, API]).map((c) => c.id)).toEqual(["deepseek-v3-acme-eu", "deepseek-v3"]);
    expect(deploymentChoices(undefined, [])).toEqual([]);
  });
});

describe("the decision's conditions.deployments", () => {
  it("is absent when the officer chose none: the approval covers what was asked", () => {
    expect(narrowedDeployments(["a", "b"], [])).toBeUndefined();
    expect(narrowedDeployments([], [])).toBeUndefined();
  });
  it("is absent when every requested deployment is chosen: nothing is narrowed", () => {
    expect(narrowedDeployments(["a", "b"], ["a", "b"])).toBeUndefined();
    expect(narrowedDeployments(["a"], ["a"])).toBeUndefined();
  });
  it("names the subset the officer kept of the request's deployments", () => {
    expect(narrowedDeployments(["a", "b"], ["b"])).toEqual(["b"]);
  });
  it("names the model's deployments chosen when the request named none, even all of them", () => {
    expect(narrowedDeployments([], ["a"])).toEqual(["a"]);
    expect(narrowedDeployments(undefined, ["a", "b"])).toEqual(["a", "b"]);
  });
});
