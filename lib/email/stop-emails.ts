import { eq } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { accounts, projects } from "@/db/schema";
import { type LinkPurpose, linkTokenId, linkTokenValid } from "./links";

/** What a stop link would stop (the page says it in the reader's words), or null when the link is not ours. */
export async function findStopTarget(db: Db, secret: string, token: string) {
  const id = linkTokenId(token);
  if (!id) return null;
  for (const purpose of ["stop", "digest"] as const satisfies LinkPurpose[]) {
    if (!linkTokenValid(secret, purpose, token)) continue;
    if (purpose === "stop") {
      const [p] = await db
        .select({ title: projects.title, stoppedAt: projects.remindersStoppedAt })
        .from(projects)
        .where(eq(projects.id, id));
      return p ? { kind: "reminders" as const, id, projectTitle: p.title, stopped: p.stoppedAt !== null } : null;
    }
    const [a] = await db.select({ stoppedAt: accounts.digestStoppedAt }).from(accounts).where(eq(accounts.id, id));
    return a ? { kind: "digest" as const, id, projectTitle: "", stopped: a.stoppedAt !== null } : null;
  }
  return null;
}

/** Stops what the link names. Idempotent: a second click (or a mail client's one-click POST) changes nothing more. */
export async function stopEmails(db: Database, secret: string, token: string, now = Date.now()) {
  const target = await findStopTarget(db.read, secret, token);
  if (!target) return null;
  if (!target.stopped) {
    await db.transact((tx) =>
      target.kind === "reminders"
        ? tx.update(projects).set({ remindersStoppedAt: now }).where(eq(projects.id, target.id))
        : tx.update(accounts).set({ digestStoppedAt: now }).where(eq(accounts.id, target.id)),
    );
  }
  return { ...target, stopped: true };
}
