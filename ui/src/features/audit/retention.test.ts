import { describe, expect, it } from "vitest";
import { formOf, keptFor, policyBody, runSummary, type RetentionPolicy } from "./retention";

const POLICY: RetentionPolicy = {
  decisionsDays: 400,
  usageDays: null,
  changesDays: 3650,
  updatedBy: "dave",
  updatedAt: "2026-12-01T10:00:00Z",
  minimumDays: 1,
  lastScheduledRun: null,
  lastRun: null,
};

describe("the retention policy form", () => {
  it("shows days as text, empty for for ever, and sends them back as numbers or null", () => {
    const form = formOf(POLICY);
    expect(form).toEqual({ decisions: "400", usage: "", changes: "3650" });
    expect(policyBody(form).body).toEqual({ decisionsDays: 400, usageDays: null, changesDays: 3650 });
  });

  it("names each field that is not a whole number of days", () => {
    const { body, errors } = policyBody({ decisions: "-1", usage: "1.5", changes: " 30 " });
    expect(body).toBeUndefined();
    expect(Object.keys(errors)).toEqual(["decisions", "usage"]);
  });

  it("says how long a log is kept and what the last run did", () => {
    expect(keptFor(null)).toBe("for ever");
    expect(keptFor(1)).toBe("1 day");
    expect(runSummary(null)).toBe("never");
    const run = {
      ranAt: "2026-12-07T03:00:00Z",
      trigger: "schedule" as const,
      actor: "retention-schedule",
      removed: { decisions: 12, usage: 3, changes: 0 },
      cutBefore: { decisions: null, usage: null, changes: null },
    };
    expect(runSummary(run)).toMatch(/scheduled: removed 12 decisions, 3 usage records, 0 changes$/);
    expect(runSummary({ ...run, trigger: "manual", actor: "ian" })).toContain("by ian");
  });
});
