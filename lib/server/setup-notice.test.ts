import { describe, expect, it } from "vitest";
import { setupNotice } from "./setup-notice";

describe("the start-up line of an empty install", () => {
  it("sends whoever started the server to /setup while nobody has an account", () => {
    expect(setupNotice("http://localhost:3000", false)).toBe("No organiser yet: open http://localhost:3000/setup");
    expect(setupNotice("https://madein.example.org/", false)).toBe("No organiser yet: open https://madein.example.org/setup");
  });

  it("says nothing once Made In has an organiser", () => {
    expect(setupNotice("http://localhost:3000", true)).toBeNull();
  });
});
