import { describe, expect, it } from "vitest";
import { displayNameSchema, initials, isUnder18, leftName, normaliseSkills, publicName, reservedNameMessage } from "./profile";
import { pseudonym, staffName, writtenName } from "./profile-facts";

describe("publicName", () => {
  it("shows adults by the name they chose", () => {
    expect(publicName({ displayName: "Amara Okafor", ageBand: "18_plus", leftAt: null })).toBe("Amara Okafor");
  });

  it("shows under-18s by their initials only", () => {
    expect(publicName({ displayName: "Jay Okafor", ageBand: "16_17", leftAt: null })).toBe("J. O.");
    expect(publicName({ displayName: "zoë", ageBand: "under_16", leftAt: null })).toBe("Z.");
  });

  it("shows initials until the person has said they are 18 or over", () => {
    expect(publicName({ displayName: "Yara Leaverson", ageBand: null, leftAt: null })).toBe("Y. L.");
  });

  it("shows someone who left as someone who left, whatever their age", () => {
    for (const ageBand of [null, "under_16", "16_17", "18_plus"] as const) {
      expect(publicName({ displayName: "Amara", ageBand, leftAt: 1 })).toBe(leftName);
    }
  });

  it("never shows any part of an under-18's name beyond its first letters", () => {
    const name = "Yara Leaverson-Smith";
    for (const ageBand of [null, "under_16", "16_17"] as const) {
      const shown = publicName({ displayName: name, ageBand, leftAt: null });
      for (const part of ["Yara", "Leaverson", "Smith", "ara", "eav"]) expect(shown).not.toContain(part);
    }
  });
});

describe("initials", () => {
  it("keeps at most two letters and never the rest of the name", () => {
    expect(initials("Mary Jane Watson")).toBe("M. J.");
    expect(initials("  ")).toBe("Young person");
    expect(initials("(Sam)")).toBe("S.");
  });
});

describe("isUnder18", () => {
  it("is true for the two younger bands only", () => {
    expect([null, "under_16", "16_17", "18_plus"].map((b) => isUnder18(b as never))).toEqual([false, true, true, false]);
  });
});

describe("normaliseSkills", () => {
  it("trims, splits free text on commas, and drops repeats ignoring case", () => {
    expect(normaliseSkills(["drawing", " Drawing ", "baking, gardening;  local   history", ""])).toEqual([
      "drawing",
      "baking",
      "gardening",
      "local history",
    ]);
  });
});

describe("displayNameSchema", () => {
  it("refuses an empty or too-long name with a plain message", () => {
    expect(displayNameSchema.safeParse("   ").error?.issues[0]?.message).toBe("Tell us what to call you.");
    expect(displayNameSchema.safeParse("x".repeat(41)).error?.issues[0]?.message).toBe(
      "Keep your name to 40 characters or fewer.",
    );
    expect(displayNameSchema.parse("  Amara ")).toBe("Amara");
  });
});

describe("names the server writes itself", () => {
  it("are recognised to be said in the reader's language; people's own names are left alone", () => {
    expect(writtenName(leftName)).toEqual({ kind: "left" });
    expect(writtenName(staffName)).toEqual({ kind: "staff" });
    expect(writtenName(initials("— ★"))).toEqual({ kind: "young" });
    expect(writtenName(pseudonym(12))).toEqual({ kind: "participant", n: 12 });
    for (const own of ["Amara", "A. O.", "Participant", "Participant 0", "Participant 12b", "someone who left"]) {
      expect(writtenName(own)).toBeNull();
    }
  });
});

describe("names the app writes itself", () => {
  it("are refused as a person's name, whatever their case or spacing, so nobody passes as staff", () => {
    for (const name of [
      "Staff",
      "staff",
      " STAFF ",
      "Someone who left",
      "someone  who left",
      "Participant 3",
      "participant 12",
      "Young person",
    ]) {
      const parsed = displayNameSchema.safeParse(name);
      expect(parsed.success, name).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(reservedNameMessage);
    }
  });

  it("leave ordinary names alone, including ones that contain those words", () => {
    for (const name of ["Staffan", "Participant", "Participant 3b", "Young Person Jones", "Sam (staff at the library)"]) {
      expect(displayNameSchema.safeParse(name).success, name).toBe(true);
    }
  });
});

describe("direction controls in a name", () => {
  it("are taken out: an override would turn the text drawn after the name backwards", () => {
    expect(displayNameSchema.parse("abc\u202E")).toBe("abc");
    expect(displayNameSchema.parse("\u2067سارة محمد\u2069")).toBe("سارة محمد");
    expect(displayNameSchema.safeParse("\u202E\u202D").success).toBe(false);
  });
});
