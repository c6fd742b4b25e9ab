/**
 * What may be uploaded to a project pack, and how we tell. The extension says what the file
 * claims to be; for formats with a signature (PDF, images, Office's zip containers) the first
 * bytes must agree, and text must look like text. The stored type comes from this table, never
 * from what the browser said.
 */
export const maxUploadBytes = 10 * 1024 * 1024;
/** The limit in megabytes: pages write it in the reader's numbers and units ("10 MB", "10 Mo"). */
export const maxUploadMb = maxUploadBytes / 1024 / 1024;
/** The limit in the English of lib's own messages (errors.json says them in other languages). */
export const maxUploadLabel = `${maxUploadMb} MB`;

type Signature = "pdf" | "png" | "jpeg" | "webp" | "zip" | "text";

const allowedFileTypes = {
  pdf: { contentType: "application/pdf", signature: "pdf", label: "PDF" },
  csv: { contentType: "text/csv; charset=utf-8", signature: "text", label: "CSV" },
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    signature: "zip",
    label: "Excel",
  },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    signature: "zip",
    label: "Word",
  },
  pptx: {
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    signature: "zip",
    label: "PowerPoint",
  },
  png: { contentType: "image/png", signature: "png", label: "PNG image" },
  jpg: { contentType: "image/jpeg", signature: "jpeg", label: "JPEG image" },
  jpeg: { contentType: "image/jpeg", signature: "jpeg", label: "JPEG image" },
  webp: { contentType: "image/webp", signature: "webp", label: "WebP image" },
  txt: { contentType: "text/plain; charset=utf-8", signature: "text", label: "text" },
  md: { contentType: "text/markdown; charset=utf-8", signature: "text", label: "Markdown" },
} as const satisfies Record<string, { contentType: string; signature: Signature; label: string }>;

export type AllowedExtension = keyof typeof allowedFileTypes;

/** For the file input's `accept`: a hint to the picker, not a check. */
export const acceptAttribute = Object.keys(allowedFileTypes)
  .map((ext) => `.${ext}`)
  .join(",");

export const allowedTypesSentence = "PDF, Word, Excel, PowerPoint, CSV, text, Markdown, or a PNG, JPEG or WebP image";

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The format the first bytes say a file is, if it has a signature we know. */
export function sniffSignature(bytes: Uint8Array): Exclude<Signature, "text"> | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  return null;
}

/** Text is valid UTF-8 with no NUL bytes (a NUL is the surest sign of a binary file). */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim());
  return match ? match[1]!.toLowerCase() : "";
}

export type UploadCheck =
  | { ok: true; extension: AllowedExtension; contentType: string; isImage: boolean }
  | { ok: false; message: string };

// Rounded up, so a file just over the limit never reads as "10.0 MB" against a 10 MB limit.
const formatMb = (bytes: number) => `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1)} MB`;

/** Whether an upload may be kept, and as what; the message says what to do instead. */
export function checkUpload(file: { name: string; size: number; bytes: Uint8Array }): UploadCheck {
  if (file.size === 0 || !file.name) return { ok: false, message: "Choose a file to upload. This one is empty." };
  if (file.size > maxUploadBytes) {
    return { ok: false, message: `This file is ${formatMb(file.size)}. Files can be up to ${maxUploadLabel}.` };
  }
  const extension = extensionOf(file.name);
  if (!Object.hasOwn(allowedFileTypes, extension)) {
    return { ok: false, message: `Files of this type can't be uploaded. Use ${allowedTypesSentence}.` };
  }
  const type = allowedFileTypes[extension as AllowedExtension];
  const sniffed = sniffSignature(file.bytes);
  const matches = type.signature === "text" ? sniffed === null && looksLikeText(file.bytes) : sniffed === type.signature;
  if (!matches) {
    return {
      ok: false,
      message: `This file's contents don't match its name: it doesn't look like a ${type.label} file. Check it opens, then try again.`,
    };
  }
  return {
    ok: true,
    extension: extension as AllowedExtension,
    contentType: type.contentType,
    isImage: type.contentType.startsWith("image/"),
  };
}

/** "report.pdf" → a name safe in a Content-Disposition header and on any disk. */
export function safeFileName(name: string, extension: string): string {
  const base = name
    .replace(/\.[^.]*$/, "")
    .normalize("NFKD")
    .replace(/[^\w\- ]+/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .slice(0, 80);
  return `${base || "file"}.${extension}`;
}

/** "pdf", "xlsx"…: which allowed type a stored file is, from its stored content type; null for none. */
export function fileKindKey(contentType: string): AllowedExtension | null {
  const found = Object.entries(allowedFileTypes).find(([, t]) => t.contentType === contentType);
  return found ? (found[0] as AllowedExtension) : null;
}

/** "PDF", "Excel"…: what a stored file is, in words, from its stored content type. */
export function fileKindLabel(contentType: string): string {
  const found = Object.values(allowedFileTypes).find((t) => t.contentType === contentType);
  return found ? found.label : "File";
}
