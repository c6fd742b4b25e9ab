import { describe, expect, it } from "vitest";
import { maxPhotoBytes } from "@/lib/files/photo-limits";
import { checkInBodyBytes, checkInPhotosProblem, maxCheckInPhotos } from "./check-in-limits";

const photo = (name: string, size: number) => ({ name, size });

describe("the photos of one check-in", () => {
  it("takes up to four photos of up to 8 MB each, and the post can carry all of them", () => {
    const largest = Array.from({ length: maxCheckInPhotos }, (_, i) => photo(`p${i}.jpg`, maxPhotoBytes));
    expect(checkInPhotosProblem(largest)).toBeNull();
    expect(checkInPhotosProblem([photo("a.jpg", 6.4 * 1024 * 1024), photo("b.jpg", 6.4 * 1024 * 1024)])).toBeNull();
    expect(checkInBodyBytes).toBeGreaterThan(maxCheckInPhotos * maxPhotoBytes);
  });

  it("names the problem before anything is sent", () => {
    const five = Array.from({ length: 5 }, (_, i) => photo(`p${i}.jpg`, 1000));
    expect(checkInPhotosProblem(five)).toEqual({ kind: "tooMany", count: 5 });
    expect(checkInPhotosProblem([photo("ok.jpg", 10), photo("huge.jpg", maxPhotoBytes + 1)])).toEqual({
      kind: "tooBig",
      name: "huge.jpg",
      bytes: maxPhotoBytes + 1,
    });
    // An empty file input sends one empty file: not a photo.
    expect(checkInPhotosProblem([photo("", 0)])).toBeNull();
  });
});
