import { maxPhotoBytes } from "@/lib/files/photo-limits";

/** The most photos one check-in carries. */
export const maxCheckInPhotos = 4;

/**
 * The most a check-in's post may carry: its photos at their largest, its words (seven fields of
 * a few thousand characters, up to 4 bytes each) and the form's framing. The server lets owners
 * and staff send this much (lib/server/action-gate.ts), so what the form promises it takes.
 */
export const checkInBodyBytes = maxCheckInPhotos * maxPhotoBytes + 1024 * 1024;

/** What is wrong with the photos chosen for a check-in, before they are sent; null when nothing. */
export type CheckInPhotosProblem = { kind: "tooMany"; count: number } | { kind: "tooBig"; name: string; bytes: number };

export function checkInPhotosProblem(photos: readonly { name: string; size: number }[]): CheckInPhotosProblem | null {
  const chosen = photos.filter((photo) => photo.size > 0);
  if (chosen.length > maxCheckInPhotos) return { kind: "tooMany", count: chosen.length };
  const big = chosen.find((photo) => photo.size > maxPhotoBytes);
  return big ? { kind: "tooBig", name: big.name, bytes: big.size } : null;
}
