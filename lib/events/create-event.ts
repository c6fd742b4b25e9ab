import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { boards, eventStaff, events } from "@/db/schema";
import { templateColumns, templateName } from "@/lib/boards/template-words";
import { defaultLocale, knownLocale } from "@/lib/i18n/locales";
import { generateJoinCode } from "./join-code";
import { reservedSlugs, slugify } from "./slug";

/**
 * Creates an event with its creator as organiser and the room's welcome board, its prompts in
 * the event's language (by default the one its organiser was using).
 */
export async function createEvent(
  tx: Tx,
  input: {
    name: string;
    place?: string;
    description?: string;
    startsAt?: number;
    endsAt?: number;
    createdBy: string;
    status?: "draft" | "published";
    language?: string;
  },
) {
  const id = randomUUID();
  const slug = await uniqueSlug(tx, slugify(input.name));
  const joinCode = await uniqueJoinCode(tx);
  const language = knownLocale(input.language) ?? defaultLocale;
  await tx.insert(events).values({
    id,
    slug,
    joinCode,
    name: input.name,
    place: input.place ?? "",
    description: input.description ?? "",
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    status: input.status ?? "draft",
    createdBy: input.createdBy,
    language,
  });
  await tx.insert(eventStaff).values({ eventId: id, accountId: input.createdBy, role: "organiser" });
  await tx.insert(boards).values({
    id: randomUUID(),
    eventId: id,
    title: templateName("welcome", language),
    columns: templateColumns("welcome", language),
  });
  return { id, slug, joinCode };
}

/** `base`, or `base-2`, `base-3`…: the first that no event has and no organiser's page is. */
export async function uniqueSlug(tx: Tx, base: string) {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (reservedSlugs.has(slug)) continue;
    const taken = await tx.select({ id: events.id }).from(events).where(eq(events.slug, slug));
    if (taken.length === 0) return slug;
  }
}

export async function uniqueJoinCode(tx: Tx) {
  for (;;) {
    const code = generateJoinCode();
    const taken = await tx.select({ id: events.id }).from(events).where(eq(events.joinCode, code));
    if (taken.length === 0) return code;
  }
}
