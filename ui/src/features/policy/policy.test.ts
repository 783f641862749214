import { describe, expect, it } from "vitest";
import { ApiError, fieldErrors } from "../../shared/api";
import {
  diffForms,
  diffSettings,
  errorLines,
  fromForm,
  impactSummary,
  inputId,
  jobPercent,
  jobProgress,
  jobUnfinished,
  NO_SETTINGS,
  toForm,
  type ImpactJob,
  type ImpactReport,
  type PolicySettings,
} from "./policy";

const SOVEREIGN: PolicySettings = {
  ...NO_SETTINGS,
  deniedJurisdictions: { confidential: ["CN", "RU"], restricted: ["CN", "RU", "US"] },
  watchedJurisdictions: { internal: ["US"] },
  residency: { restricted: ["eu"] },
  selfHostedOpenWeightsOnly: ["restricted"],
  costTiers: { routine: ["low"] },
  preferences: { domesticJurisdiction: "FR", preferOpenWeights: true, preferLowerCost: true },
  deployments: {
    deniedOperatorJurisdictions: { confidential: ["CN"] },
    selfHostedOnly: ["restricted"],
    zeroRetentionOrSelfHostedOnly: ["confidential", "restricted"],
    noTrainingOnPrompts: ["confidential"],
  },
};

describe("the settings editor's state", () => {
  it("round-trips settings through the form unchanged", () => {
    expect(fromForm(toForm(SOVEREIGN))).toEqual(SOVEREIGN);
    expect(fromForm(toForm(NO_SETTINGS))).toEqual(NO_SETTINGS);
  });

  it("leaves empty lists out, upper-cases countries and keeps other text as typed for the server to judge", () => {
    const form = toForm(SOVEREIGN);
    form["residency.restricted"] = " ";
    form["deniedJurisdictions.internal"] = "cn ru,  by";
    form["costTiers.critical"] = "Premium";
    form["preferences.domesticJurisdiction"] = "";
    const settings = fromForm(form);
    expect(settings.residency).toEqual({}); // an empty residency list would deny every region
    expect(settings.deniedJurisdictions.internal).toEqual(["CN", "RU", "BY"]);
    expect(settings.costTiers.critical).toEqual(["Premium"]);
    expect(settings.preferences.domesticJurisdiction).toBeNull();
  });

  it("fills what an older stored shape lacks with the server's defaults", () => {
    const partial = { deniedJurisdictions: { internal: ["CN"] } } as unknown as PolicySettings;
    expect(toForm(partial)["highRisk.closedWeightsFrom"]).toBe("confidential");
    expect(toForm(partial)["preferences.preferLowerCost"]).toBe(true);
  });

  it("keeps the deployment rules through an edit, so saving the draft from the screen never drops them", () => {
    const form = toForm(SOVEREIGN);
    expect(form["deployments.deniedOperatorJurisdictions.confidential"]).toBe("CN");
    expect(form["deployments.selfHostedOnly.restricted"]).toBe(true);
    form["deployments.noTrainingOnPrompts.internal"] = true;
    expect(fromForm(form).deployments.noTrainingOnPrompts).toEqual(["internal", "confidential"]);
    expect(diffForms(toForm(SOVEREIGN), form)).toEqual([
      {
        key: "deployments.noTrainingOnPrompts.internal",
        label: "Never where prompts train · internal",
        before: "no",
        after: "yes",
      },
    ]);
  });

  it("names inputs so CSS selectors need no escaping", () => {
    expect(inputId("deniedJurisdictions.internal")).toBe("setting-deniedJurisdictions-internal");
  });
});

describe("draft against published", () => {
  it("lists each changed setting with its value before and after, as people read it", () => {
    const draft = {
      ...SOVEREIGN,
      deniedJurisdictions: { ...SOVEREIGN.deniedJurisdictions, internal: ["CN"] },
      selfHostedOpenWeightsOnly: [],
    };
    expect(diffSettings(SOVEREIGN, draft)).toEqual([
      { key: "deniedJurisdictions.internal", label: "Denied jurisdictions · internal", before: "none", after: "CN" },
      {
        key: "selfHostedOpenWeightsOnly.restricted",
        label: "Self-hosted open weights only · restricted",
        before: "yes",
        after: "no",
      },
    ]);
  });

  it("sees no change in reordered, repeated or differently cased lists", () => {
    const form = toForm(SOVEREIGN);
    const edited = { ...form, "deniedJurisdictions.restricted": "us, cn RU, CN" };
    expect(diffForms(form, edited)).toEqual([]);
    expect(diffSettings(SOVEREIGN, SOVEREIGN)).toEqual([]);
  });

  it("shows cost tiers and classifications in their order, other lists alphabetically", () => {
    const draft = {
      ...SOVEREIGN,
      costTiers: { standard: ["high", "low", "medium"] },
      highRisk: { ...SOVEREIGN.highRisk, classifications: ["restricted", "internal"] },
    };
    const changes = diffSettings(SOVEREIGN, draft);
    expect(changes.find((c) => c.key === "costTiers.standard")?.after).toBe("low, medium, high");
    expect(changes.find((c) => c.key === "highRisk.classifications")?.after).toBe("internal, restricted");
    expect(changes.find((c) => c.key === "costTiers.routine")).toMatchObject({ before: "low", after: "any tier" });
  });

  it("compares with no policy when nothing is published, saying what empty means", () => {
    const changes = diffSettings(null, SOVEREIGN);
    expect(changes.find((c) => c.key === "residency.restricted")).toMatchObject({ before: "any region", after: "eu" });
    expect(changes.find((c) => c.key === "costTiers.routine")).toMatchObject({ before: "any tier", after: "low" });
    expect(changes.find((c) => c.key === "preferences.domesticJurisdiction")).toMatchObject({
      before: "none",
      after: "FR",
    });
    // two denied lists, watched, residency, self-hosted, cost tier, domestic, open weights; five deployment rules
    expect(changes).toHaveLength(13);
  });
});

describe("validation errors on the settings", () => {
  it("puts each server error on its setting and names the setting in the summary", () => {
    const error = new ApiError(400, {
      title: "Invalid request",
      errors: [
        { field: "deniedJurisdictions.internal[1]", message: "must be an ISO 3166 alpha-2 country code such as CN" },
        {
          field: "residency.secret",
          message: "is not a data classification (public, internal, confidential, restricted)",
        },
      ],
    });
    const errors = fieldErrors(error);
    expect(errors["deniedJurisdictions.internal"]).toMatch(/ISO 3166/);
    expect(errorLines(errors)).toEqual([
      "Denied jurisdictions · internal: must be an ISO 3166 alpha-2 country code such as CN",
      "residency.secret: is not a data classification (public, internal, confidential, restricted)",
    ]);
  });
});

describe("impact summaries", () => {
  const report = (evaluated: number, allowToDeny: number, denyToAllow: number): ImpactReport => ({
    from: "",
    to: "",
    evaluated,
    allowToDeny,
    denyToAllow,
    allowToDenySamples: [],
    denyToAllowSamples: [],
    tookMillis: 3,
  });

  it("counts flips both ways", () => {
    expect(impactSummary(report(1234, 3, 1))).toBe(
      "4 of the 1,234 decisions replayed would change: 3 allowed would be denied, 1 denied would be allowed.",
    );
  });

  it("says plainly when nothing changes or nothing was logged", () => {
    expect(impactSummary(report(10, 0, 0))).toBe("None of the 10 decisions replayed would change.");
    expect(impactSummary(report(0, 0, 0))).toMatch(/No decisions were logged/);
  });
});

describe("an impact analysis job", () => {
  const job = (over: Partial<ImpactJob>): ImpactJob => ({
    id: "00000000-0000-0000-0000-000000000001",
    status: "running",
    from: "2026-12-01T00:00:00Z",
    to: "2026-12-02T00:00:00Z",
    total: 400000,
    replayed: 12000,
    cancelRequested: false,
    requestedBy: "ivan",
    createdAt: "2026-12-02T00:00:00Z",
    startedAt: null,
    finishedAt: null,
    error: null,
    result: null,
    ...over,
  });

  it("shows its progress as replayed of total, with the percentage", () => {
    expect(jobProgress(job({}))).toBe("Replaying logged decisions: 12,000 of 400,000 (3 %)");
    expect(jobPercent(job({}))).toBe(3);
    expect(jobProgress(job({ total: null }))).toBe("Replaying logged decisions: 12,000");
  });

  it("says what happened when it ended, and whether it may still move", () => {
    expect(jobProgress(job({ status: "cancelled" }))).toBe("Cancelled after 12,000 of 400,000 decisions");
    expect(jobProgress(job({ status: "failed", error: "the replica running it stopped" }))).toBe(
      "Failed: the replica running it stopped",
    );
    expect(jobProgress(job({ cancelRequested: true }))).toBe("Cancelling after 12,000 decisions…");
    expect(jobUnfinished(job({ status: "queued" }))).toBe(true);
    expect(jobUnfinished(job({ status: "done" }))).toBe(false);
    expect(jobPercent(job({ status: "done", total: 0, replayed: 0 }))).toBe(100);
    expect(jobProgress(job({ status: "done", total: 1, replayed: 1 }))).toBe("Done: 1 decision replayed");
  });
});
