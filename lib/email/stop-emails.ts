import { eq } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { accounts, events, participants, projects } from "@/db/schema";
import { withdrawContactConsent } from "@/lib/participants/withdraw-consent";
import { stopLinkBinding } from "@/lib/projects/owner-email";
import { linkTokenId, linkTokenValid } from "./links";

export type StopTarget = {
  kind: "reminders" | "digest" | "consent";
  id: string;
  /** The project's title for reminders, the event's name for a participant's emails. */
  title: string;
  stopped: boolean;
};

/**
 * What a stop link would stop (the page says it in the reader's words); "outdated" when it is a
 * project's reminder link that no longer stops anything (sent to an earlier owner address), or
 * null when the link is not ours.
 */
export async function findStopTarget(db: Db, secret: string, token: string): Promise<StopTarget | "outdated" | null> {
  const id = linkTokenId(token);
  if (!id) return null;
  if (linkTokenValid(secret, "consent", token)) {
    const [p] = await db
      .select({ eventName: events.name, consent: participants.contactConsent })
      .from(participants)
      .innerJoin(events, eq(events.id, participants.eventId))
      .where(eq(participants.id, id));
    return p ? { kind: "consent", id, title: p.eventName, stopped: !p.consent } : null;
  }
  if (linkTokenValid(secret, "digest", token)) {
    const [a] = await db.select({ stoppedAt: accounts.digestStoppedAt }).from(accounts).where(eq(accounts.id, id));
    return a ? { kind: "digest", id, title: "", stopped: a.stoppedAt !== null } : null;
  }
  const [p] = await db
    .select({ title: projects.title, stoppedAt: projects.remindersStoppedAt, ownerEmail: projects.ownerEmail })
    .from(projects)
    .where(eq(projects.id, id));
  if (!p) return null;
  // Nothing about the project is said to a link that is not the present owner's.
  if (!linkTokenValid(secret, "stop", token, stopLinkBinding(p.ownerEmail))) return "outdated";
  return { kind: "reminders", id, title: p.title, stopped: p.stoppedAt !== null };
}

/** Stops what the link names. Idempotent: a second click (or a mail client's one-click POST) changes nothing more. */
export async function stopEmails(db: Database, secret: string, token: string, now = Date.now()) {
  const target = await findStopTarget(db.read, secret, token);
  if (!target || target === "outdated") return target;
  if (!target.stopped) {
    await db.transact(async (tx) => {
      if (target.kind === "reminders") {
        await tx.update(projects).set({ remindersStoppedAt: now }).where(eq(projects.id, target.id));
      } else if (target.kind === "consent") {
        await withdrawContactConsent(tx, target.id);
      } else {
        await tx.update(accounts).set({ digestStoppedAt: now }).where(eq(accounts.id, target.id));
      }
    });
  }
  return { ...target, stopped: true };
}
