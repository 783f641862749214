// Replays every case of the golden decision file through decide() against the real stack
// (tenant initech, seeded by sdk/testdata/seed-golden.sh) and compares exactly what the file says.
import { afterAll, describe, expect, it } from "vitest";
import { golden, initechClient } from "./support.js";

const client = initechClient();
afterAll(() => client.close());

describe("golden decisions", () => {
  it.each(golden.cases.map((c) => [c.name, c] as const))("%s", async (_name, goldenCase) => {
    const { team, model, purpose, dataClassification, region, taskTier } = goldenCase.request;
    const decision = await client.decide(team, model, purpose, dataClassification, region, taskTier);

    // A real answer from Portolan, not the SDK's fail-closed one.
    expect(decision.decisionId, JSON.stringify(decision.reasons)).toBeTruthy();
    expect({
      allow: decision.allow,
      reasons: [...new Set(decision.reasons.map((r) => r.code))].sort(),
      obligations: decision.obligations.map((o) => o.code),
      alternatives: decision.alternatives.map((a) => a.model),
    }).toEqual({
      allow: goldenCase.expect.allow,
      reasons: [...new Set(goldenCase.expect.reasons)].sort(),
      obligations: goldenCase.expect.obligations,
      alternatives: goldenCase.expect.alternatives,
    });
  });
});
