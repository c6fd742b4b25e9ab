import { describe, expect, it } from "vitest";
import { languageToFollow } from "./socket-language";

const cookies = (lang?: string) => new Map(lang ? [["mi_lang", lang]] : []);

describe("the language a device follows when it connects", () => {
  it("is the person's latest choice when this browser's cookie still says another", () => {
    expect(languageToFollow(cookies("pl"), "fr")).toBe("fr");
  });

  it("is nothing when they agree, nothing was kept, or this browser never chose", () => {
    expect(languageToFollow(cookies("fr"), "fr")).toBeNull();
    expect(languageToFollow(cookies("pl"), null)).toBeNull();
    expect(languageToFollow(cookies(), "fr")).toBeNull();
    expect(languageToFollow(cookies("pl"), "tlh")).toBeNull();
  });
});
