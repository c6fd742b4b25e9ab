import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { participants } from "@/db/schema";
import { participantCookieName } from "@/lib/auth/cookies";
import { participantCookieValue } from "@/lib/auth/identity";
import { hashToken, sign } from "@/lib/auth/tokens";
import { createProject } from "@/lib/projects/create-project";
import { newOwnerLink, revokeOwnerLink } from "@/lib/projects/owner-link";
import { addParticipant, createAccount, createTestEvent, openTempDatabase } from "@/test/integration/support/fixtures";
import { createPosterCheck } from "./post-allowance";

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
let db: Database;
beforeAll(async () => {
  temp = await openTempDatabase();
  db = temp.db;
});
afterAll(() => temp.cleanup());

const secret = "a secret of this installation, long enough";
/** Answers as they are now: nothing kept from an earlier look. */
const freshly = (cookie: string | undefined) => createPosterCheck(db.read, secret, { ttlMs: 0 })(cookie);

describe("who is posting", () => {
  it("is a stranger unless a cookie we signed, or a live staff session, says otherwise", async () => {
    expect(await freshly(undefined)).toEqual({ allowance: "stranger", person: null });
    // Names anybody can make up, with values nobody signed.
    expect((await freshly("mi_p_event=someone.forged; mi_o_x=abc; mi_session=nope")).allowance).toBe("stranger");
    expect((await freshly(`mi_p_e1=${sign("p1", "another installation's secret")}`)).allowance).toBe("stranger");

    const staff = await createAccount(db, "Organiser");
    expect(await freshly(`mi_session=${staff.sessionToken}`)).toEqual({
      allowance: "staff",
      person: `account:${staff.accountId}`,
    });
  });

  it("is a participant only while they are in the event: someone who left is a stranger, their cookie signed or not", async () => {
    const organiser = await createAccount(db, "Organiser");
    const event = await createTestEvent(db, organiser.accountId);
    const participantId = await addParticipant(db, event.id);
    const cookie = `${participantCookieName(event.id)}=${encodeURIComponent(sign(participantId, secret))}`;
    expect(await freshly(cookie)).toEqual({ allowance: "participant", person: `participant:${participantId}` });
    // Signed by us, for a person who isn't there.
    expect((await freshly(`${participantCookieName(event.id)}=${sign("nobody", secret)}`)).allowance).toBe("stranger");
    // Or for a device of theirs that was never recorded (signed out).
    const device = `${participantCookieName(event.id)}=${sign(participantCookieValue(participantId, "gone"), secret)}`;
    expect((await freshly(device)).allowance).toBe("stranger");

    const kept = createPosterCheck(db.read, secret, { ttlMs: 60_000 });
    expect((await kept(cookie)).allowance).toBe("participant");
    await db.transact((tx) => tx.update(participants).set({ leftAt: Date.now() }).where(eq(participants.id, participantId)));
    expect((await freshly(cookie)).allowance).toBe("stranger");
    // Looked up once per cookie a while, not on every post: a burst costs one query.
    expect((await kept(cookie)).allowance).toBe("participant");
  });

  it("is a project's owner while their link is live", async () => {
    const organiser = await createAccount(db, "Organiser");
    const event = await createTestEvent(db, organiser.accountId);
    const projectId = await db.transact((tx) =>
      createProject(tx, {
        eventId: event.id,
        teamId: null,
        title: "Café",
        summary: "",
        ownerName: "Amara",
        ownerRole: "",
        coOwners: [],
      }),
    );
    const token = await db.transact((tx) => newOwnerLink(tx, projectId));
    const cookie = `theme=dark; mi_o_${projectId}=${sign(`${projectId}.${hashToken(token)}`, secret)}`;
    expect(await freshly(cookie)).toEqual({ allowance: "owner", person: `project:${projectId}` });
    // Another project's name on this one's cookie is nobody.
    expect((await freshly(`mi_o_other=${sign(`${projectId}.${hashToken(token)}`, secret)}`)).allowance).toBe("stranger");
    await db.transact((tx) => revokeOwnerLink(tx, projectId));
    expect((await freshly(cookie)).allowance).toBe("stranger");
  });
});
