import { describe, expect, it } from "vitest";
import { publicDownloadName } from "./pack-file-names";

describe("the name the public downloads a pack file as", () => {
  it("is the brief's title, the file's place in the pack and its kind", () => {
    expect(publicDownloadName({ briefTitle: "Love Your Space", place: 2, contentType: "application/pdf" })).toBe(
      "love-your-space-2.pdf",
    );
    expect(publicDownloadName({ briefTitle: "Café culture: Brixton!", place: 1, contentType: "image/jpeg" })).toBe(
      "cafe-culture-brixton-1.jpg",
    );
  });

  it("says nothing of the name it was uploaded under, whatever that was", () => {
    // The uploaded name is not even an input: only facts the public page already shows are.
    const name = publicDownloadName({ briefTitle: "Parks", place: 3, contentType: "image/png" });
    expect(name).toBe("parks-3.png");
    expect(name).not.toMatch(/jane|smith|12/i);
  });

  it("calls a brief whose title has no letters it can keep 'brief', and an unknown kind 'bin'", () => {
    expect(publicDownloadName({ briefTitle: "日本", place: 1, contentType: "application/pdf" })).toBe("brief-1.pdf");
    expect(publicDownloadName({ briefTitle: "Parks", place: 1, contentType: "application/x-unknown" })).toBe("parks-1.bin");
  });
});
