import "server-only";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { currentAccount } from "@/lib/auth/web-session";
import type { EventExport } from "@/lib/exports/export-schema";
import { loadEventExport } from "@/lib/exports/load-event-export";
import { contentDisposition } from "@/lib/files/content-disposition";
import { recordAudit } from "@/lib/privacy/audit";
import { sharedRealtime } from "@/lib/server/shared-realtime";
import { staffAccess } from "../../../access";

/**
 * The export of an event for its organisers only (facilitators run the room; the export holds
 * contact details). Route handlers are a thin adapter over this and the pure renderers.
 */
export async function exportFor(
  slug: string,
  /** Which export, for the audit log: "json", "markdown", "archive" or "csv:<table>". */
  what: string,
): Promise<{ data: EventExport; eventId: string } | { response: Response }> {
  const t = await getTranslations("review.export");
  const account = await currentAccount();
  if (!account) return { response: new Response(t("signIn"), { status: 401 }) };
  const { event, role } = await staffAccess(slug, account.id);
  if (!event) return { response: new Response(t("noEvent"), { status: 404 }) };
  if (role !== "organiser") return { response: new Response(t("organisersOnly"), { status: 403 }) };
  const db = await sharedDatabase();
  const data = await loadEventExport(db.read, event.id);
  if (!data) return { response: new Response(t("noEvent"), { status: 404 }) };
  // Every export names people (the contacts table their contact details): each download is audited.
  await db.transact((tx) =>
    recordAudit(tx, { eventId: event.id, accountId: account.id, action: "export.downloaded", subject: what, now: Date.now() }),
  );
  sharedRealtime()?.audited(event.id);
  return { data, eventId: event.id };
}

/** An attachment, never shown as a page; text is UTF-8, a stream (the zip) goes as it comes. */
export function download(body: string | ReadableStream<Uint8Array>, fileName: string, contentType: string) {
  return new Response(body, {
    headers: {
      "Content-Type": typeof body === "string" ? `${contentType}; charset=utf-8` : contentType,
      "Content-Disposition": contentDisposition("attachment", fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
