import { describe, expect, it } from "vitest";
import {
  aliasBody,
  candidateErrors,
  candidateLabel,
  candidatesBody,
  impactSummary,
  moveRow,
  resolutionGrid,
  resolutionLabel,
  sameCandidates,
  toRows,
  type AliasImpact,
  type AliasQuestion,
} from "./aliases";
import { ApiError } from "../../shared/api";
import { can } from "../../shared/permissions";

const question = (over: Partial<AliasQuestion>): AliasQuestion => ({
  team: "research",
  purpose: "chat",
  dataClassification: "internal",
  region: "eu",
  calls: 0,
  moves: false,
  ...over,
});

describe("candidates and resolutions in words", () => {
  it("names a candidate's deployment only when it has one", () => {
    expect(candidateLabel({ model: "gpt-4o" })).toBe("gpt-4o");
    expect(candidateLabel({ model: "gpt-4o", deployment: "gpt-4o-eu" })).toBe("gpt-4o on gpt-4o-eu");
  });

  it("says denied when the question resolves nowhere, and when no deployment qualifies", () => {
    expect(resolutionLabel(undefined)).toBe("denied");
    expect(resolutionLabel(null)).toBe("denied");
    expect(resolutionLabel({ model: "m", deployment: "m-eu" })).toBe("m on m-eu");
    expect(resolutionLabel({ model: "m" })).toBe("m (no deployment qualifies)");
  });
});

describe("the alias form", () => {
  it("sends one candidate per row, in order, with a deployment only when one was chosen", () => {
    const rows = toRows([{ model: "a", deployment: "a-eu" }, { model: "b" }]);
    expect(rows).toEqual([
      { model: "a", deployment: "a-eu" },
      { model: "b", deployment: "" },
    ]);
    expect(candidatesBody(rows)).toEqual([{ model: "a", deployment: "a-eu" }, { model: "b" }]);
    expect(aliasBody({ id: " chat ", description: " ", rows })).toEqual({
      id: "chat",
      candidates: [{ model: "a", deployment: "a-eu" }, { model: "b" }],
    });
    expect(aliasBody({ description: "Chat", rows: [] })).toEqual({ description: "Chat", candidates: [] });
  });

  it("moves a row up or down, and leaves the ends alone", () => {
    expect(moveRow(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveRow(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    const rows = ["a", "b"];
    expect(moveRow(rows, 0, -1)).toBe(rows);
    expect(moveRow(rows, 1, 1)).toBe(rows);
  });

  it("puts the server's errors on the row and input they name, whichever way the field is written", () => {
    const error = new ApiError(422, {
      type: "https://portolan.dev/problems/invalid-reference",
      title: "Invalid reference",
      errors: [
        { field: "candidates[1].model", message: "model 'nope' does not exist" },
        { field: "candidates[2].deployment", message: "'x' is not a deployment of model 'a'" },
        { field: "candidates[3]", message: "repeats an earlier candidate" },
        { field: "candidates.model[4]", message: "must be 1-63 lower-case letters" },
        { field: "candidates", message: "must list 1 to 20 candidates" },
        { field: "id", message: "must be 1-63 lower-case letters" },
      ],
    });
    const errors = candidateErrors(error);
    expect(errors.rows).toEqual({
      1: { model: "model 'nope' does not exist" },
      2: { deployment: "'x' is not a deployment of model 'a'" },
      3: { candidate: "repeats an earlier candidate" },
      4: { model: "must be 1-63 lower-case letters" },
    });
    expect(errors.fields).toEqual({
      candidates: "must list 1 to 20 candidates",
      id: "must be 1-63 lower-case letters",
    });
  });

  it("puts a name already taken on the id", () => {
    const taken = new ApiError(409, {
      type: "https://portolan.dev/problems/alias-name-taken",
      status: 409,
      detail: "'gpt-4o' is a model's id; a model of that id would always win over the alias",
    });
    expect(candidateErrors(taken).fields.id).toMatch(/is a model's id/);
    expect(
      candidateErrors(new ApiError(409, { type: "https://portolan.dev/problems/no-draft", detail: "no draft" })).fields,
    ).toEqual({});
    expect(candidateErrors(new Error("offline"))).toEqual({ fields: {}, rows: {} });
  });

  it("tells a draft that changes nothing from one that does", () => {
    expect(
      sameCandidates(
        [{ model: "a" }, { model: "b", deployment: null }],
        [{ model: "a", deployment: null }, { model: "b" }],
      ),
    ).toBe(true);
    expect(sameCandidates([{ model: "a" }, { model: "b" }], [{ model: "b" }, { model: "a" }])).toBe(false);
    expect(sameCandidates([{ model: "a" }], [{ model: "a", deployment: "a-eu" }])).toBe(false);
  });
});

describe("the draft's impact and the resolution table", () => {
  const impact: AliasImpact = {
    alias: "chat",
    from: "2026-11-18T00:00:00Z",
    to: "2026-11-25T00:00:00Z",
    calls: 1200,
    movedCalls: 3,
    teamsMoved: ["ops", "research"],
    questions: [],
  };

  it("sums up the calls that would move and whose", () => {
    expect(impactSummary(impact)).toBe(
      "3 of 1,200 calls logged in the last 7 days would resolve elsewhere, for 2 teams: ops, research.",
    );
    expect(impactSummary({ ...impact, calls: 1, movedCalls: 1, teamsMoved: ["ops"] })).toBe(
      "1 of 1 call logged in the last 7 days would resolve elsewhere, for 1 team: ops.",
    );
    expect(impactSummary({ ...impact, movedCalls: 0, teamsMoved: [] })).toMatch(/^0 of 1,200 calls .*as now\.$/);
    expect(impactSummary({ ...impact, calls: 0, movedCalls: 0, teamsMoved: [] })).toMatch(
      /^No call asked for this alias/,
    );
  });

  it("lays the resolution out as team and purpose × data classification", () => {
    const grid = resolutionGrid({
      alias: "chat",
      region: "eu",
      hasDraft: true,
      rows: [
        question({ dataClassification: "public", published: { model: "a", deployment: "a-eu" } }),
        question({ dataClassification: "internal", published: { model: "a" }, draft: { model: "b" }, moves: true }),
        question({ team: "ops", dataClassification: "secret" }),
      ],
    });
    expect(grid.classifications).toEqual(["public", "internal", "confidential", "restricted", "secret"]);
    expect(grid.rows.map((r) => `${r.team}/${r.purpose}`)).toEqual(["research/chat", "ops/chat"]);
    expect(grid.rows[0].cells.internal?.moves).toBe(true);
    expect(grid.rows[0].cells.confidential).toBeUndefined();
  });

  it("lets every tenant role read aliases, only officers and admins write them, and auditors read the impact", () => {
    for (const role of ["requester", "auditor", "compliance-officer", "tenant-admin"])
      expect(can([role], "aliases:read")).toBe(true);
    expect(can(["requester"], "aliases:write")).toBe(false);
    expect(can(["auditor"], "aliases:write")).toBe(false);
    expect(can(["compliance-officer"], "aliases:write")).toBe(true);
    expect(can(["auditor"], "aliases:impact")).toBe(true);
    expect(can(["requester"], "aliases:impact")).toBe(false);
    expect(can(["platform-admin"], "aliases:read")).toBe(false);
  });
});
