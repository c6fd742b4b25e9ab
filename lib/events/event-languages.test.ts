import { describe, expect, it } from "vitest";
import { eventLanguagesSchema } from "./event-languages";

describe("eventLanguagesSchema", () => {
  it("keeps the main language out of the extra ones and drops repeats", () => {
    expect(eventLanguagesSchema.parse({ language: "pt", joinLanguages: ["pt", "es", "es", "pl"] })).toEqual({
      language: "pt-PT",
      joinLanguages: ["es", "pl"],
    });
  });
  it("refuses a language it does not speak, and too many at once", () => {
    expect(eventLanguagesSchema.safeParse({ language: "xx", joinLanguages: [] }).error?.issues[0]?.message).toBe(
      "languageUnknown",
    );
    expect(
      eventLanguagesSchema.safeParse({ language: "en-GB", joinLanguages: ["pt", "es", "pl", "fr", "en-GB-x-easy"] }).error
        ?.issues[0]?.message,
    ).toBe("tooManyJoinLanguages");
  });
});
