import { describe, expect, it } from "vitest";
import type { Model, Vendor } from "../../shared/types";
import { allowedShare, modelsByJurisdiction } from "./overview";

describe("overview figures", () => {
  it("gives the allowed share, or none without decisions", () => {
    expect(allowedShare(3, 1)).toBe(75);
    expect(allowedShare(0, 0)).toBeNull();
  });

  it("counts models per vendor jurisdiction", () => {
    const vendors = [
      { id: "mistral", jurisdiction: "FR" },
      { id: "openai", jurisdiction: "US" },
    ] as Vendor[];
    const models = [{ vendor: "mistral" }, { vendor: "openai" }, { vendor: "mistral" }, { vendor: "gone" }] as Model[];
    expect(modelsByJurisdiction(models, vendors)).toEqual([
      ["FR", 2],
      ["unknown", 1],
      ["US", 1],
    ]);
  });
});
