import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { sign } from "@/lib/auth/tokens";
import { createAccount, openTempDatabase } from "@/test/integration/support/fixtures";
import { postAllowance } from "./post-allowance";

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
let db: Database;
beforeAll(async () => {
  temp = await openTempDatabase();
  db = temp.db;
});
afterAll(() => temp.cleanup());

const secret = "a secret of this installation, long enough";

describe("how much a form post may carry", () => {
  it("is a stranger's unless a cookie we signed, or a live staff session, says otherwise", async () => {
    expect(await postAllowance(db.read, undefined, secret)).toBe("stranger");
    // Names anybody can make up, with values nobody signed.
    expect(await postAllowance(db.read, "mi_p_event=someone.forged; mi_o_x=abc; mi_session=nope", secret)).toBe("stranger");
    expect(await postAllowance(db.read, `mi_p_e1=${sign("p1", "another installation's secret")}`, secret)).toBe("stranger");

    expect(await postAllowance(db.read, `mi_p_e1=${encodeURIComponent(sign("p1.d1", secret))}`, secret)).toBe("known");
    expect(await postAllowance(db.read, `theme=dark; mi_o_project=${sign("project.owner", secret)}`, secret)).toBe("known");

    const staff = await createAccount(db, "Organiser");
    expect(await postAllowance(db.read, `mi_session=${staff.sessionToken}`, secret)).toBe("staff");
  });
});
