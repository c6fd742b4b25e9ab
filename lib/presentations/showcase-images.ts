import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database, Db, Tx } from "@/db/client";
import { showcaseImages } from "@/db/schema";
import { type Actor, actorKey, isStaff } from "@/lib/auth/actor";
import { teamOf } from "@/lib/boards/board-access";
import { keepImage } from "@/lib/files/images";
import type { FileStorage } from "@/lib/files/storage";
import { strayImageRefusal } from "@/lib/files/stray-uploads";
import { preparePhoto } from "@/lib/notes/note-photos";
import { CommandFailure } from "@/lib/realtime/command-error";
import { teamInEvent } from "./store";

/**
 * Stores an image for a team's showcase, decoded and stripped like a note's photo. The team
 * then puts it in the showcase with `showcase:save`, so the upload and the order stay separate.
 */
export async function saveShowcaseImage(db: Database, storage: FileStorage, actor: Actor, teamId: string, bytes: Uint8Array) {
  const team = await teamInEvent(db.read, actor, teamId);
  if (!isStaff(actor) && (await teamOf(db.read, actor)) !== team.id) {
    throw new CommandFailure("forbidden", "Only members of this team can add images to its showcase.");
  }
  // Bounded before the image is decoded or stored (lib/files/stray-uploads.ts).
  const stray = await strayImageRefusal(db.read, team.id);
  if (stray) throw new CommandFailure("rate_limited", stray);
  const prepared = await preparePhoto(bytes);
  if (!prepared.ok) throw new CommandFailure("invalid", prepared.message, [{ path: "image", message: prepared.message }]);
  const { image } = prepared;
  const id = randomUUID();
  await keepImage(db, storage, image, async (tx, storageKey) => {
    // Again where it counts: uploads sent at once all passed the first look while decoding.
    const late = await strayImageRefusal(tx, team.id);
    if (late) throw new CommandFailure("rate_limited", late);
    await tx.insert(showcaseImages).values({
      id,
      teamId: team.id,
      eventId: actor.eventId,
      storageKey,
      contentType: image.contentType,
      bytes: image.bytes.byteLength,
      uploadedBy: actorKey(actor),
    });
  });
  return id;
}

export async function findShowcaseImage(db: Db | Tx, imageId: string) {
  const [image] = await db.select().from(showcaseImages).where(eq(showcaseImages.id, imageId));
  return image ?? null;
}
