import { describe, expect, it } from "vitest";
import { fieldErrorsByPath } from "@/lib/forms/list-fields";
import { briefFieldsSchema, briefTitleSchema, webAddressSchema } from "./brief-schema";

const blank = {
  title: "Love Your Space",
  problem: "",
  whyItMatters: "",
  successLooksLike: "",
  budget: "",
  timescale: "",
  mayNotChange: "",
  ownerRole: "",
  ownerOrganisation: "",
  background: "",
  dataLinks: [],
  usefulLinks: [],
  contacts: [],
};

describe("briefFieldsSchema", () => {
  it("needs a title", () => {
    expect(briefTitleSchema.safeParse("   ").error?.issues[0]?.message).toBe("Give the brief a title.");
  });

  it("says each pack row's mistake at the row the organiser sees, blank rows before it counted", () => {
    const result = briefFieldsSchema.safeParse({
      ...blank,
      dataLinks: [
        { title: "", url: "", note: "" },
        { title: "Tree survey", url: "not a web address", note: "" },
      ],
      contacts: [
        { role: " ", howToReach: "" },
        { role: "", howToReach: "" },
        { role: "Parks team", howToReach: "" },
      ],
    });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrorsByPath(result.error)).toEqual({
        "dataLinks.1.url": "Enter a full web address, starting with https://",
        "contacts.2.howToReach": "Say how to reach them: in the room, an email address, a phone number.",
      });
    }
  });

  it("drops blank spare rows and trims the rest", () => {
    const parsed = briefFieldsSchema.parse({
      ...blank,
      contacts: [
        { role: " Project lead, Parks ", howToReach: "In the room all weekend" },
        { role: "", howToReach: "  " },
      ],
      dataLinks: [{ title: "Ward profiles", url: "https://data.london.gov.uk/", note: "" }],
    });
    expect(parsed.contacts).toEqual([{ role: "Project lead, Parks", howToReach: "In the room all weekend" }]);
    expect(parsed.dataLinks).toHaveLength(1);
  });

  it("names the row and field at fault in a list", () => {
    const result = briefFieldsSchema.safeParse({
      ...blank,
      contacts: [{ role: "Owner", howToReach: "" }],
      usefulLinks: [
        { title: "Fine", url: "https://www.gov.uk/service-manual", note: "" },
        { title: "", url: "javascript:alert(1)", note: "" },
      ],
    });
    const issues = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toContainEqual([
      "contacts.0.howToReach",
      "Say how to reach them: in the room, an email address, a phone number.",
    ]);
    expect(issues).toContainEqual(["usefulLinks.1.title", "Give the link a title people will recognise."]);
    expect(issues).toContainEqual(["usefulLinks.1.url", "Enter a full web address, starting with https://"]);
  });
});

describe("webAddressSchema", () => {
  it("takes http and https addresses only", () => {
    expect(webAddressSchema.safeParse("https://www.ons.gov.uk/census").success).toBe(true);
    expect(webAddressSchema.safeParse("http://data.gov.uk").success).toBe(true);
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "ftp://x.org/a", "www.ons.gov.uk", "https://localhost", ""]) {
      expect(webAddressSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
