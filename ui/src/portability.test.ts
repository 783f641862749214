import { describe, expect, it } from "vitest";
import { cutOffOptions, lossesByTeam, matrixOf, parseCutOff, type PortabilityTeam } from "./portability";
import type { Vendor } from "./types";

const mistral = { model: "mistral-small-3", vendor: "mistral", jurisdiction: "FR" };
const deepseek = { model: "deepseek-v3", vendor: "deepseek", jurisdiction: "CN" };
const gpt = { model: "gpt-4o", vendor: "openai", jurisdiction: "US" };

const TEAMS: PortabilityTeam[] = [
  {
    team: "support",
    capabilities: [
      { capability: "chat", models: [mistral, deepseek], vendors: 2, jurisdictions: 2 },
      { capability: "code", models: [deepseek], vendors: 1, jurisdictions: 1 },
    ],
  },
  { team: "research", capabilities: [{ capability: "vision", models: [gpt], vendors: 1, jurisdictions: 1 }] },
];

describe("the portability matrix", () => {
  it("puts teams in rows and every capability any team holds in columns, both sorted", () => {
    const matrix = matrixOf(TEAMS);
    expect(matrix.capabilities).toEqual(["chat", "code", "vision"]);
    expect(matrix.rows.map((r) => r.team)).toEqual(["research", "support"]);
  });

  it("fills a capability a team lacks with an empty cell, and flags single-vendor cells", () => {
    const matrix = matrixOf(TEAMS);
    const support = matrix.rows.find((r) => r.team === "support")!;
    expect(support.cells.vision.exposure).toBe("none");
    expect(support.cells.code.exposure).toBe("single-vendor");
    expect(support.cells.chat.exposure).toBe("spread");
    expect(support.cells.chat.models.map((m) => m.vendor)).toEqual(["deepseek", "mistral"]);
    expect(matrix.singleVendor).toBe(2); // support/code and research/vision
  });

  it("filters teams and keeps only their capabilities as columns", () => {
    const matrix = matrixOf(TEAMS, " SUPP ");
    expect(matrix.rows.map((r) => r.team)).toEqual(["support"]);
    expect(matrix.capabilities).toEqual(["chat", "code"]);
    expect(matrixOf([]).rows).toEqual([]);
  });
});

describe("the what-if", () => {
  it("groups the losses by team", () => {
    const grouped = lossesByTeam([
      { team: "support", capability: "code", lost: ["deepseek-v3"] },
      { team: "research", capability: "vision", lost: ["b", "a"] },
      { team: "support", capability: "chat", lost: ["deepseek-v3"] },
    ]);
    expect(grouped).toEqual([
      { team: "research", capabilities: [{ capability: "vision", lost: ["a", "b"] }] },
      { team: "support", capabilities: [{ capability: "chat", lost: ["deepseek-v3"] }, { capability: "code", lost: ["deepseek-v3"] }] },
    ]);
  });

  it("offers every vendor by name and every jurisdiction once", () => {
    const vendors = [
      { id: "openai", name: "OpenAI", jurisdiction: "US", suspended: false, suspensionReason: null },
      { id: "deepseek", name: "DeepSeek", jurisdiction: "CN", suspended: true, suspensionReason: "export rules" },
      { id: "anthropic", name: "Anthropic", jurisdiction: "US", suspended: false, suspensionReason: null },
    ] as Vendor[];
    const options = cutOffOptions(vendors);
    expect(options.vendors.map((o) => o.label)).toEqual(["Anthropic (US)", "DeepSeek (CN), suspended", "OpenAI (US)"]);
    expect(options.jurisdictions.map((o) => o.value)).toEqual(["jurisdiction:CN", "jurisdiction:US"]);
  });

  it("reads the cut-off from the URL, and nothing else", () => {
    expect(parseCutOff("vendor:mistral")).toEqual({ vendor: "mistral" });
    expect(parseCutOff("jurisdiction:CN")).toEqual({ jurisdiction: "CN" });
    expect(parseCutOff("team:x")).toBeNull();
    expect(parseCutOff(null)).toBeNull();
  });
});
