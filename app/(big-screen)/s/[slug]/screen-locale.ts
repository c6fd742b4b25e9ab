import { eq } from "drizzle-orm";
import { sharedDatabase } from "@/db";
import { events } from "@/db/schema";
import { defaultLocale, knownLocale } from "@/lib/i18n/locales";

/**
 * The language a big screen speaks: its event's, whatever the laptop's, since the room reads it.
 * Its tab's title too (read before the page checks who is asking; the title names no one).
 */
export async function screenLocale(slug: string): Promise<string> {
  const db = (await sharedDatabase()).read;
  const [event] = await db.select({ language: events.language }).from(events).where(eq(events.slug, slug));
  return knownLocale(event?.language) ?? defaultLocale;
}
