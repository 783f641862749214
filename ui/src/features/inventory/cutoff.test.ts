import { describe, expect, it } from "vitest";
import { cutOffBody, cutOffDate, daysUntil, describeCutOff } from "./cutoff";

describe("an announced cut-off", () => {
  it("is sent as the start of the picked UTC day, with its reason only when dated", () => {
    expect(cutOffBody("2027-01-31", " export rule ")).toEqual({
      cutOffAt: "2027-01-31T00:00:00Z",
      cutOffReason: "export rule",
    });
    expect(cutOffBody("", "export rule")).toEqual({ cutOffAt: null, cutOffReason: null });
    expect(cutOffBody("2027-01-31", "")).toEqual({ cutOffAt: "2027-01-31T00:00:00Z", cutOffReason: null });
  });

  it("keeps an instant set through the API when the day is left as it was", () => {
    expect(cutOffBody("2027-01-31", "r", "2027-01-31T12:30:00Z").cutOffAt).toBe("2027-01-31T12:30:00Z");
    expect(cutOffBody("2027-02-01", "r", "2027-01-31T12:30:00Z").cutOffAt).toBe("2027-02-01T00:00:00Z");
  });

  it("shows its UTC day in forms", () => {
    expect(cutOffDate("2027-01-31T23:30:00Z")).toBe("2027-01-31");
    expect(cutOffDate(null)).toBe("");
  });

  it("reads as ahead or past against now", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    expect(describeCutOff({ cutOffAt: "2027-01-31T00:00:00Z", cutOffReason: "retired" }, now)).toBe(
      "Cut off on 2027-01-31 (retired)",
    );
    expect(describeCutOff({ cutOffAt: "2026-12-01T00:00:00Z", cutOffReason: null }, now)).toBe(
      "Cut off since 2026-12-01",
    );
    expect(describeCutOff({ cutOffAt: null, cutOffReason: null }, now)).toBe("");
    expect(daysUntil("2027-01-31T00:00:00Z", now)).toBe(30);
  });
});
