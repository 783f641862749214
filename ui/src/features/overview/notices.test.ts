import { describe, expect, it } from "vitest";
import { noticeLabel } from "./notices";

describe("a notice", () => {
  it("says what it is and how far ahead it came", () => {
    expect(noticeLabel({ kind: "cut_off", milestone: "7d" })).toBe("Cut-off, 7 days ahead");
    expect(noticeLabel({ kind: "cut_off", milestone: "day" })).toBe("Cut-off, today");
    expect(noticeLabel({ kind: "approval_expiring", milestone: "7d" })).toBe("Approval expiring, 7 days ahead");
    expect(noticeLabel({ kind: "suspension", milestone: "suspended@2027-01-01T00:00:00Z" })).toBe("Suspended");
  });
});
