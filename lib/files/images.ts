import sharp, { type Sharp } from "sharp";
import type { Database, Tx } from "@/db/client";
import { sniffSignature } from "./file-types";
import { imageWidths, maxImageEdge, variantName } from "./image-sizes";
import { type FileStorage, newStorageKey } from "./storage";

/**
 * Every image anyone uploads (note photos, map images, showcase images, check-in photos, images
 * in a brief's project pack) comes through here before it is stored. Phones put where and when
 * a photo was taken in it (EXIF GPS), editors put names in it (XMP), and the file can be far
 * bigger than any screen needs; a file can also claim to be an image and not be one. So the
 * image is decoded, turned upright, resized to at most `maxEdge`, converted to sRGB and encoded
 * again with no metadata at all; only that copy is kept, never what was sent.
 */

/**
 * The largest image we decode, in pixels: 50 megapixels covers every phone camera's full
 * resolution (48 and 50 MP sensors). The size is read from the header first, so an image that
 * declares 30,000 × 30,000 pixels is refused before anything is decoded.
 */
export const maxImagePixels = 50_000_000;

const formats = {
  jpeg: { contentType: "image/jpeg", extension: "jpg" },
  png: { contentType: "image/png", extension: "png" },
  webp: { contentType: "image/webp", extension: "webp" },
} as const;
type Format = keyof typeof formats;

export type ImageVariant = { width: number; bytes: Uint8Array };
export type PreparedImage = {
  contentType: (typeof formats)[Format]["contentType"];
  extension: (typeof formats)[Format]["extension"];
  width: number;
  height: number;
  bytes: Uint8Array;
  /** Narrower copies, one per width in `imageWidths` below the image's own width. */
  variants: ImageVariant[];
};
export type ImagePreparation = { ok: true; image: PreparedImage } | { ok: false; message: string };

export const notAnImageMessage = "This isn't a JPEG, PNG or WebP image. Choose a photo or picture in one of those formats.";
export const unreadableImageMessage = "This image can't be opened: it may be damaged, or not really an image. Try another.";
const thousands = (n: number) => n.toLocaleString("en-GB");
export const tooManyPixelsMessage = (width: number, height: number) =>
  `This image is ${thousands(width)} × ${thousands(height)} pixels. Images can be up to 50 megapixels ` +
  "(8,000 × 6,000, say): make it smaller and try again.";

// Decoding a 12-megapixel photo takes a core for a moment; two at a time per process leaves
// the other core (and libuv's threads) to the sockets when a whole room uploads at once.
const slots = { free: 2, waiting: [] as (() => void)[] };
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (slots.free > 0) slots.free -= 1;
  else await new Promise<void>((resolve) => slots.waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free += 1;
  }
}

function encode(image: Sharp, format: Format) {
  // Nothing of the input's metadata is written: sharp strips EXIF, XMP, IPTC and ICC unless
  // asked to keep them, and we never ask.
  if (format === "jpeg") return image.jpeg({ quality: 82, progressive: true });
  if (format === "png") return image.png({ compressionLevel: 8 });
  return image.webp({ quality: 82 });
}

/**
 * Decodes, checks and re-encodes an uploaded image, in the format it came in. Refuses, with a
 * message for the person, what is not a JPEG, PNG or WebP image, what cannot be decoded, and
 * what declares more than `maxImagePixels`.
 */
export async function prepareImage(
  input: Uint8Array,
  options: { maxEdge?: number; variants?: boolean } = {},
): Promise<ImagePreparation> {
  if (input.byteLength === 0) return { ok: false, message: "That image is empty." };
  const sniffed = sniffSignature(input);
  if (sniffed !== "jpeg" && sniffed !== "png" && sniffed !== "webp") return { ok: false, message: notAnImageMessage };
  const maxEdge = options.maxEdge ?? maxImageEdge;
  return inTurn(async () => {
    // The header alone: how many pixels the image says it has, before any are decoded.
    const header = await sharp(input, { limitInputPixels: false })
      .metadata()
      .catch(() => null);
    if (!header?.width || !header.height || header.format !== sniffed) return { ok: false, message: unreadableImageMessage };
    if (header.width * header.height > maxImagePixels) {
      return { ok: false, message: tooManyPixelsMessage(header.width, header.height) };
    }
    try {
      // Decoded once, upright and at most maxEdge, to 8-bit sRGB pixels (an embedded colour
      // profile is applied, then dropped); every copy is encoded from these pixels.
      const { data, info } = await sharp(input, { limitInputPixels: maxImagePixels, failOn: "error", autoOrient: true })
        .resize({ width: maxEdge, height: maxEdge, fit: "inside", withoutEnlargement: true })
        .toColourspace("srgb")
        .raw()
        .timeout({ seconds: 60 })
        .toBuffer({ resolveWithObject: true });
      const pixels = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
      const bytes = await encode(pixels(), sniffed).toBuffer();
      const variants: ImageVariant[] = [];
      if (options.variants !== false) {
        for (const width of imageWidths.filter((w) => w < info.width)) {
          variants.push({ width, bytes: new Uint8Array(await encode(pixels().resize({ width }), sniffed).toBuffer()) });
        }
      }
      return {
        ok: true,
        image: {
          ...formats[sniffed],
          width: info.width,
          height: info.height,
          bytes: new Uint8Array(bytes),
          variants,
        },
      };
    } catch {
      return { ok: false, message: unreadableImageMessage };
    }
  });
}

/** Saves an image and its narrower copies under one key; `storage.remove(key)` removes them all. */
/**
 * Stores a prepared image under a new key, then records it with `record` in a transaction; if
 * that is refused (a bound checked again where it counts) or fails, the files go again, so a
 * refused upload leaves nothing on disk. Returns the key.
 */
export async function keepImage(
  db: Database,
  storage: FileStorage,
  image: PreparedImage,
  record: (tx: Tx, storageKey: string) => Promise<unknown>,
) {
  const storageKey = newStorageKey();
  await saveImage(storage, storageKey, image);
  try {
    await db.transact((tx) => record(tx, storageKey));
  } catch (e) {
    await storage.remove(storageKey).catch(() => {});
    throw e;
  }
  return storageKey;
}

export async function saveImage(storage: FileStorage, key: string, image: PreparedImage) {
  await Promise.all(image.variants.map((v) => storage.save(key, v.bytes, variantName(v.width))));
  // The image itself last: once it is there, so are its copies.
  await storage.save(key, image.bytes);
}
