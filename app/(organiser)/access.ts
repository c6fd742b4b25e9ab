import "server-only";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import type { StaffRole } from "@/db/schema";
import { signInPathFor } from "@/lib/accounts/next-path";
import { staffRole } from "@/lib/auth/identity";
import { currentAccount } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";

/** The signed-in account, or a trip to sign in that comes back to `path`. */
export async function requireAccount(path: string) {
  // Never prerendered at build time: who is signed in is only known per request.
  await connection();
  const account = await currentAccount();
  if (!account) redirect(signInPathFor(path));
  return account;
}

/**
 * An event and this account's role in it. `role` is null for an account that is not staff;
 * `event` is null when there is no such event, or when it is a draft and this account is not
 * its staff (a draft is as unknown to others as a made-up address). Every organiser page and
 * action asks this afresh: what a page showed is no proof of what its forms may do.
 */
export async function staffAccess(slug: string, accountId: string) {
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  if (!event) return { event: null, role: null };
  const role: StaffRole | null = await staffRole(db.read, event.id, accountId);
  if (!role && event.status === "draft") return { event: null, role: null };
  return { event, role };
}

/**
 * The signed-in account and the event, if that account organises it; null otherwise. For
 * server actions: each checks for itself, whatever the page that posted it showed.
 */
export async function organiserOf(slug: string) {
  const account = await currentAccount();
  if (!account) return null;
  const { event, role } = await staffAccess(slug, account.id);
  return event && role === "organiser" ? { account, event } : null;
}

/** The same refusal in the request's language (organiser.json, shell.organisersOnly). */
export async function organisersOnlyText(): Promise<string> {
  const t = await getTranslations("organiser.shell");
  return t("organisersOnly");
}
