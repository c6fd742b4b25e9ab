import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { accounts } from "@/db/schema";

/**
 * An organiser's own choice about the weekly digest: off, as its emailed stop link does, or back
 * on. Without the way back, one click on "stop" (or a mail client's automatic unsubscribe) lost
 * it for good.
 */
export async function chooseDigest(tx: Tx, accountId: string, wanted: boolean, now = Date.now()) {
  await tx
    .update(accounts)
    .set({ digestStoppedAt: wanted ? null : now })
    .where(eq(accounts.id, accountId));
}
