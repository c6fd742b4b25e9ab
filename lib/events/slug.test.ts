import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

describe("slugify", () => {
  it("makes a short lowercase dashed slug from a name", () => {
    expect(slugify("Made in Lambeth: Spring!")).toBe("made-in-lambeth-spring");
    expect(slugify("  Our   Street -- 2025 ")).toBe("our-street-2025");
  });

  it("drops accents rather than the letters under them", () => {
    expect(slugify("Café Señora Über")).toBe("cafe-senora-uber");
  });

  it("keeps URL-unsafe characters out", () => {
    expect(slugify("<script>alert(1)</script> / ../etc?x=1#y")).toBe("script-alert-1-script-etc-x-1-y");
  });

  it("caps the length at 48 without leaving a trailing dash", () => {
    const slug = slugify(`${"a".repeat(47)} bcd`);
    expect(slug.length).toBeLessThanOrEqual(48);
    expect(slug).toBe("a".repeat(47));
    expect(slugify("word ".repeat(30))).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("falls back to 'event' when nothing usable is left", () => {
    expect(slugify("")).toBe("event");
    expect(slugify("!!! ???")).toBe("event");
    expect(slugify("漢字")).toBe("event");
  });
});
