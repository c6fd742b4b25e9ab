import { sql } from "drizzle-orm";
import type { Database, Db, Tx } from "@/db/client";
import { accounts } from "@/db/schema";
import { createAccount, type NewAccount, prepareAccount } from "./create-account";

async function anyAccount(db: Db | Tx) {
  const rows = await db.select({ one: sql<number>`1` }).from(accounts).limit(1);
  return rows.length > 0;
}

/** True once anyone has an account: from then on, people join by invitation only. */
export async function isSetUp(db: Db) {
  return anyAccount(db);
}

export type FirstOrganiserResult = { ok: true; accountId: string } | { ok: false; reason: "already_set_up" };

/**
 * Creates the very first account. The emptiness check and the insert share one write
 * transaction, so two people racing through set-up cannot both become the first organiser.
 */
export async function createFirstOrganiser(db: Database, input: NewAccount): Promise<FirstOrganiserResult> {
  // Cheap early answer; the check that counts is the one inside the transaction.
  if (await anyAccount(db.read)) return { ok: false, reason: "already_set_up" };
  const prepared = await prepareAccount(input);
  return db.transact(async (tx) => {
    if (await anyAccount(tx)) return { ok: false, reason: "already_set_up" } as const;
    const created = await createAccount(tx, prepared);
    if (!created.ok) return { ok: false, reason: "already_set_up" } as const;
    return { ok: true, accountId: created.accountId } as const;
  });
}
