import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { actorWhoMayChange } from "@/lib/auth/web-session";
import { findBoard } from "@/lib/boards/find-boards";
import { fileStorage } from "@/lib/files/storage";
import { inRequestLanguage } from "@/lib/i18n/action-text";
import { maxPhotoBytes, savePhoto } from "@/lib/notes/note-photos";
import { clientIpHeader, formLimit } from "@/lib/rate-limit/form-limit";
import { CommandFailure } from "@/lib/realtime/command-error";
import { accessEndedMessage } from "@/lib/realtime/constants";
import { originAllowed, requestOrigin } from "@/lib/realtime/origin";
import { boundedFormData } from "@/lib/server/bounded-form";

const uploadLimit = formLimit("photo-upload", 120, 60);
const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "x-content-type-options": "nosniff" },
  });

/**
 * A phone uploads a note's photo here first, then sends `note:create` with the returned id.
 * Its `error` is shown on the phone: in the request's language.
 */
export async function POST(request: Request, { params }: { params: Promise<{ boardId: string }> }) {
  const h = await headers();
  const t = await getTranslations("live.uploads");
  if (
    !originAllowed(
      h.get("origin") ?? undefined,
      requestOrigin(h.get("host") ?? undefined, h.get("x-forwarded-proto") ?? undefined),
      process.env.PUBLIC_URL,
    )
  ) {
    return answer(403, { error: t("notFromMadeIn") });
  }
  if (!(await uploadLimit(h.get(clientIpHeader) ?? "unknown"))) return answer(429, { error: t("tooManyPhotos") });
  const { boardId } = await params;
  const db = await sharedDatabase();
  const board = boardId.length <= 64 ? await findBoard(db.read, boardId) : null;
  const actor = board ? await actorWhoMayChange(board.eventId) : null;
  if (!board || !actor) return answer(404, { error: await inRequestLanguage("That board doesn't exist.") });
  if (actor === "finished") return answer(403, { error: await inRequestLanguage(accessEndedMessage.finished) });
  const read = await boundedFormData(request, maxPhotoBytes + 64 * 1024);
  if ("tooBig" in read) return answer(413, { error: await inRequestLanguage("That photo is over 8 MB. Try a smaller one.") });
  const photo = "form" in read ? read.form.get("photo") : null;
  if (!(photo instanceof File)) return answer(400, { error: t("choosePhoto") });
  try {
    const photoId = await savePhoto(db, fileStorage(), actor, board.id, new Uint8Array(await photo.arrayBuffer()));
    return answer(201, { photoId });
  } catch (error) {
    if (error instanceof CommandFailure)
      return answer(error.code === "forbidden" ? 403 : error.code === "rate_limited" ? 429 : 400, {
        error: await inRequestLanguage(error.message),
      });
    throw error;
  }
}
