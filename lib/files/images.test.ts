import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { brokenJpeg, notAPhoto, phonePhoto, photoProblems, pixelBomb, readBack } from "@/test/support/test-images";
import { tinyPng } from "@/test/support/tiny-png";
import { imageSrcSet, variantFor } from "./image-sizes";
import { maxImagePixels, notAnImageMessage, prepareImage, unreadableImageMessage } from "./images";

// Each test decodes and encodes 24-megapixel photos: generous on a busy 2-core machine.
const slow = { timeout: 180_000 };

describe("prepareImage", () => {
  it("strips every kind of metadata, turns the photo upright and resizes it, in each format", slow, async () => {
    for (const format of ["jpeg", "png", "webp"] as const) {
      const photo = await phonePhoto(format);
      const sent = await readBack(photo);
      // The test photo really carries what a phone puts in one.
      if (format === "jpeg") expect(sent.exif).toMatchObject({ Make: "PhoneCo", latitude: expect.any(Number) });
      expect(sent.metadata).toMatchObject({ exif: true, icc: true, xmp: true, orientation: 6 });

      const prepared = await prepareImage(photo);
      if (!prepared.ok) throw new Error(prepared.message);
      expect(prepared.image.contentType).toBe(`image/${format}`);
      expect([prepared.image.width, prepared.image.height]).toEqual([1365, 2048]);
      expect(photoProblems(await readBack(prepared.image.bytes), format)).toEqual([]);
      // Narrower copies: each as clean, each the width it says.
      expect(prepared.image.variants.map((v) => v.width)).toEqual([320, 640, 1280]);
      for (const variant of prepared.image.variants) {
        const seen = await readBack(variant.bytes);
        expect(seen.width).toBe(variant.width);
        expect(seen.exif).toBeUndefined();
        expect([seen.top, seen.bottom]).toEqual(["red", "blue"]);
      }
    }
  });

  it("keeps a project pack's image larger, for reading closely, and without copies", slow, async () => {
    const prepared = await prepareImage(await phonePhoto("jpeg", { width: 6000, height: 4000 }), {
      maxEdge: 4096,
      variants: false,
    });
    if (!prepared.ok) throw new Error(prepared.message);
    expect(prepared.image.variants).toEqual([]);
    expect(photoProblems(await readBack(prepared.image.bytes), "pack image", [2731, 4096])).toEqual([]);
  });

  it("never enlarges: a small image is kept at its size, with only the copies narrower than it", async () => {
    const small = await sharp({ create: { width: 500, height: 300, channels: 3, background: "#336699" } })
      .jpeg()
      .toBuffer();
    const prepared = await prepareImage(small);
    expect(prepared.ok && [prepared.image.width, prepared.image.height]).toEqual([500, 300]);
    expect(prepared.ok && prepared.image.variants.map((v) => v.width)).toEqual([320]);
    const pixel = await prepareImage(tinyPng, { variants: false });
    expect(pixel.ok && [pixel.image.width, pixel.image.contentType, pixel.image.variants]).toEqual([1, "image/png", []]);
  });

  it("refuses what only claims to be an image, and what cannot be decoded", async () => {
    expect(await prepareImage(notAPhoto)).toEqual({ ok: false, message: notAnImageMessage });
    expect(await prepareImage(new TextEncoder().encode("<svg onload=alert(1)>"))).toEqual({
      ok: false,
      message: notAnImageMessage,
    });
    expect(await prepareImage(brokenJpeg)).toEqual({ ok: false, message: unreadableImageMessage });
    expect(await prepareImage(new Uint8Array())).toEqual({ ok: false, message: "That image is empty." });
    // A GIF is an image, but not one of ours.
    const gif = await sharp({ create: { width: 2, height: 2, channels: 3, background: "#fff" } })
      .gif()
      .toBuffer();
    expect(await prepareImage(gif)).toEqual({ ok: false, message: notAnImageMessage });
  });

  it("refuses an image declaring more than the pixel budget from its header, before decoding it", slow, async () => {
    const bomb = pixelBomb();
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const result = await prepareImage(bomb);
    expect(result).toEqual({
      ok: false,
      message:
        "This image is 30,000 × 30,000 pixels. Images can be up to 50 megapixels (8,000 × 6,000, say): make it smaller and try again.",
    });
    // Just inside the budget is fine (and is shrunk to the largest size we keep).
    const side = Math.floor(Math.sqrt(maxImagePixels));
    const inside = await prepareImage(pixelBomb(side), { variants: false });
    expect(inside.ok && [inside.image.width, inside.image.height]).toEqual([2048, 2048]);
  });
});

describe("image sizes", () => {
  it("answers a requested width with the narrowest copy at least that wide, else the image itself", () => {
    expect(variantFor("300")).toBe("w320");
    expect(variantFor("320")).toBe("w320");
    expect(variantFor("321")).toBe("w640");
    expect(variantFor("1280")).toBe("w1280");
    expect(variantFor("1281")).toBeUndefined();
    for (const odd of [null, "", "abc", "-5", "1e3", "99999999"]) expect(variantFor(odd)).toBeUndefined();
    expect(imageSrcSet("/photos/x")).toBe("/photos/x?w=320 320w, /photos/x?w=640 640w, /photos/x?w=1280 1280w, /photos/x 2048w");
  });
});
