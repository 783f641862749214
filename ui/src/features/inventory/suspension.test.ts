import { describe, expect, it } from "vitest";
import { suspensionSummary, type SuspensionImpact } from "./suspension";

const report = {
  from: "",
  to: "",
  evaluated: 10,
  allowToDeny: 3,
  denyToAllow: 0,
  allowToDenySamples: [],
  denyToAllowSamples: [],
  tookMillis: 1,
};
const alternative = { model: "mistral-small-3", vendor: "mistral", jurisdiction: "FR", why: "" };

describe("a suspension's preview", () => {
  it("counts approvals, teams, flipped decisions and the teams left with nothing", () => {
    const impact: SuspensionImpact = {
      vendor: "openai",
      model: null,
      models: ["gpt-4o"],
      alreadySuspended: false,
      approvals: [1, 2].map((i) => ({
        id: `${i}`,
        team: `t${i}`,
        model: "gpt-4o",
        purpose: "chat",
        maxDataClassification: "internal",
        regions: [],
        expiresAt: "",
        alternative: "none",
      })),
      teams: [
        { team: "t1", approvals: 1, bestAlternative: alternative, best: "mistral-small-3" },
        { team: "t2", approvals: 1, bestAlternative: null, best: "none" },
      ],
      decisions: report,
    };
    expect(suspensionSummary(impact)).toBe(
      "2 approvals of 2 teams would stop; 3 decisions allowed in the last 7 days would be denied; 1 team is left with no alternative.",
    );
    expect(suspensionSummary({ ...impact, approvals: [], teams: [], decisions: { ...report, allowToDeny: 1 } })).toBe(
      "0 approvals of 0 teams would stop; 1 decision allowed in the last 7 days would be denied.",
    );
  });
});
