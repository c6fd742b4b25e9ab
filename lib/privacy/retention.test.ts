import { describe, expect, it } from "vitest";
import { privacySettingsSchema } from "./privacy-settings";
import { addMonths, retentionEndsAt, retentionLabel } from "./retention";

const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

describe("retention", () => {
  it("adds calendar months and clamps to the end of a shorter month", () => {
    expect(addMonths(utc(2026, 10, 12, 17), 12)).toBe(utc(2027, 10, 12, 17));
    expect(addMonths(utc(2027, 1, 31), 1)).toBe(utc(2027, 2, 28));
    expect(addMonths(utc(2028, 1, 31), 1)).toBe(utc(2028, 2, 29));
    expect(addMonths(utc(2026, 11, 30), 3)).toBe(utc(2027, 2, 28));
  });

  it("counts from the end of the event, else its start, else when it was made", () => {
    const base = { createdAt: utc(2026, 1, 1), retentionMonths: 6 };
    expect(retentionEndsAt({ ...base, startsAt: utc(2026, 3, 1), endsAt: utc(2026, 3, 3) })).toBe(utc(2026, 9, 3));
    expect(retentionEndsAt({ ...base, startsAt: utc(2026, 3, 1), endsAt: null })).toBe(utc(2026, 9, 1));
    expect(retentionEndsAt({ ...base, startsAt: null, endsAt: null })).toBe(utc(2026, 7, 1));
  });

  it("takes only the periods offered, with plain messages", () => {
    expect(
      privacySettingsSchema.safeParse({ dataController: "Lambeth", privacyContact: "", retentionMonths: "18" }).success,
    ).toBe(true);
    const wrong = privacySettingsSchema.safeParse({ dataController: "", privacyContact: "", retentionMonths: "7" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe("Choose one of the periods in the list.");
    expect(
      privacySettingsSchema.safeParse({ dataController: "x".repeat(161), privacyContact: "", retentionMonths: 12 }).success,
    ).toBe(false);
    expect(retentionLabel(12)).toBe("1 year");
    expect(retentionLabel(24)).toBe("2 years");
    expect(retentionLabel(6)).toBe("6 months");
  });
});
