import { describe, expect, it } from "vitest";
import { localise } from "@/lib/i18n/server-text";
import { renameLimit, tooManyRenames, withRename } from "./rename-limit";

const minute = 60_000;

describe("how often a participant may change the name the room sees", () => {
  it("lets them fix a typo a few times, then refuses until the earliest of those renames is ten minutes old", () => {
    const start = 1_000_000_000;
    let recent: number[] = [];
    for (let i = 0; i < renameLimit.renames; i += 1) {
      const next = withRename(recent, start + i * minute);
      expect(next).not.toBeNull();
      recent = next ?? [];
    }
    expect(withRename(recent, start + 6 * minute)).toBeNull();
    expect(withRename(recent, start + 10 * minute - 1)).toBeNull();
    // The first has left the window: one more, and only the last ten minutes' are kept.
    expect(withRename(recent, start + 10 * minute + 1)).toEqual([...recent.slice(1), start + 10 * minute + 1]);
  });

  it("says why in each of the people's languages", () => {
    for (const locale of ["en-GB-x-easy", "es", "fr", "pl", "pt-PT"]) {
      expect(localise(tooManyRenames, locale), locale).not.toBe(tooManyRenames);
    }
  });
});
