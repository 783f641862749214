import { describe, expect, it } from "vitest";
import {
  cutOffOptions,
  isLost,
  lossesByTeam,
  lossLines,
  matrixOf,
  parseCutOff,
  type PortabilityTeam,
} from "./portability";
import type { Vendor } from "../../shared/types";

const mistral = { model: "mistral-small-3", vendor: "mistral", jurisdiction: "FR" };
const deepseek = { model: "deepseek-v3", vendor: "deepseek", jurisdiction: "CN" };
const gpt = { model: "gpt-4o", vendor: "openai", jurisdiction: "US" };

const TEAMS: PortabilityTeam[] = [
  {
    team: "support",
    capabilities: [
      {
        capability: "chat",
        models: [mistral, deepseek],
        vendors: 2,
        jurisdictions: 2,
        byClassification: [
          { classification: "public", models: [mistral, deepseek], vendors: 2, jurisdictions: 2 },
          { classification: "restricted", models: [mistral], vendors: 1, jurisdictions: 1 },
        ],
      },
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

  it("shows one classification's cover when one is chosen: what is usable for restricted work, not what is approved at all", () => {
    const restricted = matrixOf(TEAMS, "", "restricted");
    const support = restricted.rows.find((r) => r.team === "support")!;
    expect(support.cells.chat.models).toEqual([mistral]);
    expect(support.cells.chat.exposure).toBe("single-vendor");
    expect(support.cells.code.exposure).toBe("none"); // no per-classification cover given
  });

  it("filters teams and keeps only their capabilities as columns", () => {
    const matrix = matrixOf(TEAMS, " SUPP ");
    expect(matrix.rows.map((r) => r.team)).toEqual(["support"]);
    expect(matrix.capabilities).toEqual(["chat", "code"]);
    expect(matrixOf([]).rows).toEqual([]);
  });
});

describe("the what-if", () => {
  it("groups the losses by team and capability, with the classifications each is lost for", () => {
    const losses = [
      { team: "support", capability: "code", classification: "restricted", lost: ["deepseek-v3"] },
      { team: "research", capability: "vision", classification: "public", lost: ["b", "a"] },
      { team: "support", capability: "code", classification: "internal", lost: ["deepseek-v3"] },
      { team: "support", capability: "chat", classification: "public", lost: ["deepseek-v3"] },
    ];
    expect(lossesByTeam(losses)).toEqual([
      { team: "research", capabilities: [{ capability: "vision", classifications: ["public"], lost: ["a", "b"] }] },
      {
        team: "support",
        capabilities: [
          { capability: "chat", classifications: ["public"], lost: ["deepseek-v3"] },
          { capability: "code", classifications: ["internal", "restricted"], lost: ["deepseek-v3"] },
        ],
      },
    ]);
    expect(isLost(losses, "support", "code")).toBe(true);
    expect(isLost(losses, "support", "code", "public")).toBe(false);
    expect(isLost(losses, "support", "code", "restricted")).toBe(true);
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

describe("an announced cut-off on the portability page", () => {
  it("lists each team capability it leaves uncovered once, with the data classifications, least sensitive first", () => {
    const lines = lossLines({
      kind: "vendor",
      id: "mistral",
      cutOffAt: "2027-01-01T00:00:00Z",
      reason: null,
      models: ["mistral-large"],
      teamsLosingCapabilities: [
        { team: "ops", capability: "code", classification: "internal", lost: ["mistral-large"] },
        { team: "ops", capability: "code", classification: "public", lost: ["mistral-large"] },
        { team: "dev", capability: "chat", classification: "restricted", lost: ["mistral-large"] },
      ],
    });
    expect(lines).toEqual(["dev: chat (restricted)", "ops: code (public, internal)"]);
  });
});
