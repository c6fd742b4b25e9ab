import { crc32, deflateSync } from "node:zlib";

/**
 * A made-up map of a neighbourhood as PNG bytes: parkland, a river, a grid of streets. Drawn
 * here so the tests upload a real image without keeping a binary in the repository.
 */
export function neighbourhoodMap(width = 1200, height = 800): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // no filter
    const river = height * 0.55;
    for (let x = 0; x < width; x++) {
      let rgb = [238, 236, 224]; // streets' blocks
      const riverY = river + Math.sin(x / 110) * 45;
      const park = (x > 120 && x < 420 && y > 90 && y < 330) || (x > 820 && x < 1100 && y > 560 && y < 760);
      if (park) rgb = [183, 222, 168];
      if (Math.abs(y - riverY) < 26) rgb = [150, 196, 232];
      const street = x % 160 < 14 || y % 140 < 12;
      if (street && Math.abs(y - riverY) >= 26) rgb = [255, 255, 255];
      const i = row + 1 + x * 3;
      raw[i] = rgb[0] as number;
      raw[i + 1] = rgb[1] as number;
      raw[i + 2] = rgb[2] as number;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
