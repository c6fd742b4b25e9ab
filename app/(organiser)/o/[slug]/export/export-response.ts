import "server-only";
import { sharedDatabase } from "@/db";
import { currentAccount } from "@/lib/auth/web-session";
import type { EventExport } from "@/lib/exports/export-schema";
import { loadEventExport } from "@/lib/exports/load-event-export";
import { staffAccess } from "../../../access";

/**
 * The export of an event for its organisers only (facilitators run the room; the export holds
 * contact details). Route handlers are a thin adapter over this and the pure renderers.
 */
export async function exportFor(slug: string): Promise<{ data: EventExport; eventId: string } | { response: Response }> {
  const account = await currentAccount();
  if (!account)
    return { response: new Response("Sign in as an organiser of this event to download its exports.", { status: 401 }) };
  const { event, role } = await staffAccess(slug, account.id);
  if (!event) return { response: new Response("There is no such event.", { status: 404 }) };
  if (role !== "organiser")
    return { response: new Response("Only organisers of this event can download its exports.", { status: 403 }) };
  const data = await loadEventExport((await sharedDatabase()).read, event.id);
  if (!data) return { response: new Response("There is no such event.", { status: 404 }) };
  return { data, eventId: event.id };
}

/** An attachment, never shown as a page; text is UTF-8, a stream (the zip) goes as it comes. */
export function download(body: string | ReadableStream<Uint8Array>, fileName: string, contentType: string) {
  return new Response(body, {
    headers: {
      "Content-Type": typeof body === "string" ? `${contentType}; charset=utf-8` : contentType,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
