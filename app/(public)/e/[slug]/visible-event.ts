import "server-only";
import { connection } from "next/server";
import { sharedDatabase } from "@/db";
import { staffRole } from "@/lib/auth/identity";
import { currentAccount } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";

/** The event if this visitor may see its public pages: anyone once published, only its staff while a draft. */
export async function visibleEvent(slug: string) {
  await connection();
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  if (!event) return null;
  const account = await currentAccount();
  const role = account ? await staffRole(db.read, event.id, account.id) : null;
  if (event.status === "draft" && !role) return null;
  return { event, role };
}
