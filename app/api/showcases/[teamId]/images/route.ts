import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { teams } from "@/db/schema";
import { actorWhoMayChange } from "@/lib/auth/web-session";
import { fileStorage } from "@/lib/files/storage";
import { inRequestLanguage } from "@/lib/i18n/action-text";
import { maxPhotoBytes } from "@/lib/notes/note-photos";
import { saveShowcaseImage } from "@/lib/presentations/showcase-images";
import { clientIpHeader, formLimit } from "@/lib/rate-limit/form-limit";
import { CommandFailure } from "@/lib/realtime/command-error";
import { accessEndedMessage } from "@/lib/realtime/constants";
import { originAllowed, requestOrigin } from "@/lib/realtime/origin";
import { boundedFormData } from "@/lib/server/bounded-form";

const uploadLimit = formLimit("showcase-image", 60, 60);
const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "x-content-type-options": "nosniff" },
  });

/**
 * A team member's phone uploads a showcase image here, then adds the returned id with `showcase:save`.
 * Its `error` is shown on the phone: in the request's language.
 */
export async function POST(request: Request, { params }: { params: Promise<{ teamId: string }> }) {
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
  if (!(await uploadLimit(h.get(clientIpHeader) ?? "unknown"))) return answer(429, { error: t("tooManyImages") });
  const { teamId } = await params;
  const db = await sharedDatabase();
  const [team] = teamId.length <= 64 ? await db.read.select().from(teams).where(eq(teams.id, teamId)) : [];
  const actor = team ? await actorWhoMayChange(team.eventId) : null;
  if (!team || !actor) return answer(404, { error: await inRequestLanguage("That team doesn't exist.") });
  if (actor === "finished") return answer(403, { error: await inRequestLanguage(accessEndedMessage.finished) });
  const read = await boundedFormData(request, maxPhotoBytes + 64 * 1024);
  if ("tooBig" in read) return answer(413, { error: t("imageTooBig") });
  const image = "form" in read ? read.form.get("image") : null;
  if (!(image instanceof File)) return answer(400, { error: t("chooseImage") });
  try {
    const imageId = await saveShowcaseImage(db, fileStorage(), actor, team.id, new Uint8Array(await image.arrayBuffer()));
    return answer(201, { imageId });
  } catch (error) {
    if (error instanceof CommandFailure)
      return answer(error.code === "forbidden" ? 403 : error.code === "rate_limited" ? 429 : 400, {
        error: await inRequestLanguage(error.message),
      });
    throw error;
  }
}
