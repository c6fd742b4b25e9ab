/**
 * Images for upload tests, made here rather than shipped: a phone photo carrying everything a
 * phone puts in one (GPS, camera, orientation, a wide-gamut colour profile, an author in XMP),
 * a PNG that declares far more pixels than it is worth, and a text file named like a photo.
 * `readBack` looks at what the server kept with a real EXIF reader (exifr) and with sharp.
 */
import { randomBytes } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import exifr from "exifr";
import sharp from "sharp";

/**
 * A photo as a phone stores it, on its side: EXIF orientation 6 ("rotate 90° clockwise to
 * view"). 3000 × 2000 unless asked (a phone's 24 megapixels are 6000 × 4000, slower to make).
 * Its left half is red and its right half blue, so upright it is red at the top, blue below.
 */
export async function phonePhoto(
  format: "jpeg" | "png" | "webp" = "jpeg",
  { width, height } = { width: 3000, height: 2000 },
): Promise<Buffer> {
  const image = sharp({ create: { width: width / 2, height, channels: 3, background: "#ff0000" } })
    .extend({ right: width / 2, background: "#0000ff" })
    .withIccProfile("p3")
    .withExif({
      IFD0: { Make: "PhoneCo", Model: "Pocket 12", Artist: "Yara Leaverson" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 27/1 43/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 6/1 52/1" },
    })
    .withMetadata({ orientation: 6 })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Yara Leaverson</dc:creator>' +
        "</rdf:Description></rdf:RDF></x:xmpmeta>",
    );
  const encoded = format === "jpeg" ? image.jpeg({ quality: 90 }) : format === "png" ? image.png() : image.webp();
  return encoded.toBuffer();
}

/** What a test needs to know of a stored image: its size, its metadata, and which way up it is. */
export async function readBack(bytes: Uint8Array) {
  const buffer = Buffer.from(bytes);
  const meta = await sharp(buffer).metadata();
  // exifr reads JPEG, PNG, TIFF and HEIC, not WebP: for WebP, sharp's reading below is the check.
  const exif =
    meta.format === "webp"
      ? undefined
      : await exifr.parse(buffer, {
          tiff: true,
          exif: true,
          gps: true,
          xmp: true,
          icc: true,
          iptc: true,
          jfif: false,
          ihdr: false,
        });
  const colourAt = async (top: number) => {
    const [r, g, b] = await sharp(buffer)
      .extract({ left: Math.floor((meta.width ?? 1) / 2), top, width: 1, height: 1 })
      .removeAlpha()
      .raw()
      .toBuffer();
    return (r ?? 0) > 200 && (b ?? 0) < 60 ? "red" : (b ?? 0) > 200 && (r ?? 0) < 60 ? "blue" : `rgb(${r},${g},${b})`;
  };
  return {
    format: meta.format,
    width: meta.width ?? 0,
    height: meta.height ?? 0,
    /** Whatever exifr finds (EXIF, GPS, XMP, ICC, IPTC): undefined when there is nothing. */
    exif: exif as Record<string, unknown> | undefined,
    /** What sharp finds of each kind of metadata. */
    metadata: {
      exif: meta.exif !== undefined,
      xmp: meta.xmp !== undefined,
      icc: meta.icc !== undefined,
      iptc: meta.iptc !== undefined,
      orientation: meta.orientation ?? null,
    },
    top: await colourAt(2),
    bottom: await colourAt((meta.height ?? 3) - 3),
  };
}

/**
 * What is wrong with a phone photo as the server kept it (nothing, when it is stripped of all
 * metadata, upright and resized): a list, so a failing test says every problem at once.
 */
export function photoProblems(
  seen: Awaited<ReturnType<typeof readBack>>,
  what: string,
  /** Upright, and at most 2,048 on its longest side (pack images keep up to 4,096). */
  size: [number, number] = [1365, 2048],
): string[] {
  const problems: string[] = [];
  if (seen.exif !== undefined) problems.push(`${what}: exifr still finds ${Object.keys(seen.exif).join(", ")}`);
  for (const [kind, present] of Object.entries(seen.metadata)) {
    if (present) problems.push(`${what}: sharp still finds ${kind} (${present})`);
  }
  if (seen.width !== size[0] || seen.height !== size[1]) {
    problems.push(`${what}: ${seen.width} × ${seen.height}, not ${size[0]} × ${size[1]}`);
  }
  if (seen.top !== "red" || seen.bottom !== "blue") problems.push(`${what}: ${seen.top} at the top, ${seen.bottom} below`);
  return problems;
}

function chunk(type: string, data: Buffer) {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid black-and-white PNG of 30,000 × 30,000 pixels (900 megapixels) in about 110 KB:
 * decoding it would take the server's memory, so it must be refused from its header.
 */
export function pixelBomb(side = 30_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8); // 1 bit per pixel, greyscale, deflate, no filter, no interlace
  const rowBytes = 1 + Math.ceil(side / 8);
  const pixels = deflateSync(Buffer.alloc(rowBytes * side), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", pixels),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Text that only claims to be a photo by its name. */
export const notAPhoto = Buffer.from("These are my notes from the walk, not a photo.\n");
/** JPEG's first bytes, then nothing an image decoder can read. */
export const brokenJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.from("JFIF\0 broken".repeat(50))]);

/**
 * A photo that is mostly detail, as a phone's 24-megapixel shot of a crowd is: random pixels,
 * which JPEG can't shrink, so it is big for its size. 1500 × 1500 is about 6.3 MB.
 */
export async function detailedPhoto(side = 1500): Promise<Buffer> {
  return sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
    .jpeg({ quality: 100, chromaSubsampling: "4:4:4" })
    .toBuffer();
}
