"use server";

import { and, eq, isNull } from "drizzle-orm";
import { redirect } from "next/navigation";
import { z } from "zod";
import { sharedDatabase } from "@/db";
import { accounts, participants } from "@/db/schema";
import { safeNextPath } from "@/lib/accounts/next-path";
import { actorForEvent, currentAccount } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";
import { formArg } from "@/lib/forms/action-args";
import { rememberLanguageHere } from "@/lib/i18n/choose";
import { knownLocale } from "@/lib/i18n/locales";
import { keepOwnerLanguage } from "@/lib/projects/owner-language";
import { sharedRealtime } from "@/lib/server/shared-realtime";

const choice = z.object({
  language: z.string().max(40),
  // Where to come back to: a path on this site only, never another site (nor a tab or a new
  // line, which a URL parser drops, or a header refuses).
  back: z
    .string()
    .transform((b) => safeNextPath(b, "/"))
    .catch("/"),
  event: z.string().max(200).optional(),
});

/**
 * One tap on a language: this browser, the person (so their other devices and their emails
 * follow) and, for a participant, their other open devices at once. A plain form post without
 * JavaScript does the same and comes back to the page.
 */
export async function chooseLanguage(form: FormData) {
  form = formArg(form);
  const parsed = choice.safeParse({
    language: form.get("language"),
    back: form.get("back") ?? "/",
    event: form.get("event") ?? undefined,
  });
  const back = parsed.success ? parsed.data.back : "/";
  const code = parsed.success ? knownLocale(parsed.data.language) : null;
  if (!code || !parsed.success) redirect(back);
  await rememberLanguageHere(code);
  const db = await sharedDatabase();
  if (parsed.data.event) {
    const event = await findEventBySlug(db.read, parsed.data.event);
    const actor = event ? await actorForEvent(event.id) : null;
    if (actor?.kind === "participant") {
      // Not for someone who has left meanwhile (on another device): leaving erased their language.
      await db.transact((tx) =>
        tx
          .update(participants)
          .set({ language: code })
          .where(and(eq(participants.id, actor.participantId), isNull(participants.leftAt))),
      );
      sharedRealtime()?.languageChosen(actor.participantId, code);
    }
  }
  await keepOwnerLanguage(back, code);
  const account = await currentAccount();
  if (account) {
    await db.transact((tx) => tx.update(accounts).set({ language: code }).where(eq(accounts.id, account.id)));
    sharedRealtime()?.accountLanguageChosen(account.id, code);
  }
  redirect(back);
}
