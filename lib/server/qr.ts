import QRCode from "qrcode";

/** A QR code as a data: URL of an SVG, crisp at any size on a projector or a phone. */
export async function qrDataUrl(text: string, options: { dark?: string; light?: string } = {}) {
  const svg = await QRCode.toString(text, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 1,
    color: { dark: options.dark ?? "#1f1d2bff", light: options.light ?? "#ffffffff" },
  });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
