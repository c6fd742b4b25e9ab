import type { Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { db } from "../support/fixtures";

/** Every string the event's own rows hold (names, titles, columns…): people's words, never the product's. */
export async function userDataWords(eventId: string): Promise<Set<string>> {
  const database = await db();
  const tables = (await database.read.all(
    sql`select m.name as name from sqlite_master m where m.type = 'table' and exists (select 1 from pragma_table_info(m.name) p where p.name = 'event_id')`,
  )) as { name: string }[];
  const words = new Set<string>();
  const collect = (value: unknown) => {
    if (typeof value === "string") {
      if (/^[[{]/.test(value)) {
        try {
          collect(JSON.parse(value));
          return;
        } catch {
          // plain text that happens to start with a bracket
        }
      }
      for (const word of value.match(/[A-Za-z']+/g) ?? []) words.add(word.toLowerCase());
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") Object.values(value).forEach(collect);
  };
  for (const { name } of tables) {
    const rows = await database.read.all(sql`select * from ${sql.identifier(name)} where event_id = ${eventId}`);
    collect(rows);
  }
  const [event] = await database.read.all(sql`select * from events where id = ${eventId}`);
  collect(event);
  // The event's staff: their names and addresses are shown on the staff pages.
  collect(
    await database.read.all(
      sql`select a.name, a.email from accounts a join event_staff s on s.account_id = a.id where s.event_id = ${eventId}`,
    ),
  );
  return words;
}

/**
 * The words on the page that no catalogue produced: in the pseudo-locale every translated
 * string is accented and wrapped in ⟦ ⟧, so plain ASCII words left over are hard-coded text
 * (or people's own words, which the caller allows).
 */
export async function untranslatedWords(page: Page, allowed: Set<string>): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [document.title];
    // Text marked with a language of its own (a language's name in the picker) is meant to stay as it is.
    const ownLanguage = (el: Element) => el.closest("[lang]") !== document.documentElement;
    const visible = (el: Element) =>
      el.checkVisibility({ visibilityProperty: true, opacityProperty: false }) || el.closest(".sr-only") !== null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script,style,noscript,template") || !visible(parent) || ownLanguage(parent)) continue;
      if (node.textContent?.trim()) out.push(node.textContent);
    }
    for (const el of document.body.querySelectorAll("[aria-label],[placeholder],[title],img[alt],[aria-roledescription]")) {
      if (!visible(el) || ownLanguage(el)) continue;
      for (const attr of ["aria-label", "placeholder", "title", "alt", "aria-roledescription"]) {
        const value = el.getAttribute(attr);
        if (value) out.push(value);
      }
    }
    return out;
  });
  const leftovers: string[] = [];
  for (const text of texts) {
    // A web address shown as itself (a link to copy) is the same in every language.
    const outside = text.replace(/⟦[^⟧]*⟧/g, " ").replace(/\bhttps?:\/\/\S+/g, " ");
    const words = (outside.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !allowed.has(word.toLowerCase()));
    if (words.length > 0) leftovers.push(`"${text.trim().replace(/\s+/g, " ").slice(0, 100)}"`);
  }
  return [...new Set(leftovers)];
}

/** Words that are the same in every language: the product's name and technical tokens shown as such. */
export const alwaysAllowed = ["made", "in", "mi", "madein", "http", "https", "localhost", "ics"];
