import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/** Every row of every table, as text: what someone holding the database file could read. */
export async function dumpDatabase(db: Database) {
  const tables = await db.read.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name`,
  );
  const dump: Record<string, unknown[]> = {};
  for (const { name } of tables) dump[name] = await db.read.all(sql.raw(`SELECT * FROM "${name}"`));
  return dump;
}

/** Which of `needles` appear anywhere in the dump (case-insensitive), with the tables they are in. */
export function findIn(dump: Record<string, unknown[]>, needles: readonly string[]) {
  const found: string[] = [];
  for (const [table, rows] of Object.entries(dump)) {
    const text = JSON.stringify(rows).toLowerCase();
    for (const needle of needles) if (text.includes(needle.toLowerCase())) found.push(`${table}: ${needle}`);
  }
  return found;
}
