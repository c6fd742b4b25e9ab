/**
 * Once an event is archived its participants may only leave and take their data
 * (lib/realtime/after-finish.ts). Their sockets are refused; so must be everything else that
 * writes: a form posted to a server action (the "about you" form, a brief's reframe) and the
 * upload routes (a note's photo, a showcase image), which a script can call with the cookie.
 */

import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { briefReframes, notes, participants } from "@/db/schema";
import { e2eBaseUrl } from "../support/config";
import { db, setEventStatus } from "../support/fixtures";
import { callServerAction, FormArg, serverActions } from "./support/server-actions";
import { createWorld, tinyPng, uploadPhoto } from "./support/world";

const finished = "This event has finished. Thank you for taking part.";

test("a finished event's participant changes nothing by posting its forms or uploads, and is told why; leaving still works", async () => {
  const w = await createWorld();
  const cookie = w.cookies.participantA;
  const actions = new Map(serverActions(w).map((a) => [a.name, a]));
  const action = (name: string) => {
    const found = actions.get(name);
    if (!found) throw new Error(`no server action ${name}`);
    return found;
  };
  const nameOf = async () =>
    (
      await (
        await db()
      ).read
        .select({ name: participants.displayName, leftAt: participants.leftAt })
        .from(participants)
        .where(eq(participants.id, w.participants.pA.id))
    )[0];
  const reframes = async () =>
    (await (await db()).read.select().from(briefReframes).where(eq(briefReframes.briefId, w.publicBrief))).length;

  // While the event runs, the same posts change things: the refusals below are the archive's doing.
  const profile = action("saveProfileAction");
  const saveProfile = (displayName: string) =>
    callServerAction(
      profile,
      `/p/${w.a.slug}/me`,
      [w.a.slug, false, {}, new FormArg({ displayName, ageBand: "18_plus" })],
      cookie,
    );
  expect(await saveProfile("Renamed while open")).toBeLessThan(500);
  await expect.poll(async () => (await nameOf())?.name).toBe("Renamed while open");

  // A's photo, on a note on the room's board too: the other team's member sees it while the event runs.
  await (await db()).transact((tx) =>
    tx.insert(notes).values({
      id: randomUUID(),
      boardId: w.roomBoard.id,
      column: w.roomBoard.columns[0]?.key ?? "ideas",
      text: "The bus stop, again",
      authorParticipantId: w.participants.pA.id,
      photoId: w.photoId,
    }),
  );
  const photoFor = async (who: string) => (await fetch(`${e2eBaseUrl}/photos/${w.photoId}`, { headers: { cookie: who } })).status;
  expect(await photoFor(w.cookies.otherTeam)).toBe(200);

  await setEventStatus(w.a.id, "archived");

  // The room's photos close with the room; one's own stay, for the data one may still take away.
  expect(await photoFor(w.cookies.otherTeam)).toBe(404);
  expect(await photoFor(cookie)).toBe(200);
  expect(await photoFor(w.cookies.organiserA)).toBe(200);

  expect(await saveProfile("Renamed after the end")).toBeLessThan(500);
  const reframe = action("reframeBriefAction");
  const before = await reframes();
  expect(
    await callServerAction(
      reframe,
      `/p/${w.a.slug}/brief/${w.publicBrief}`,
      [w.a.slug, w.publicBrief, {}, new FormArg({ text: "How might we keep the plot open after dark?", teamId: w.team1.id })],
      cookie,
    ),
  ).toBeLessThan(500);
  expect(await reframes()).toBe(before);
  expect((await nameOf())?.name).toBe("Renamed while open");

  const photo = await uploadPhoto(w.teamBoard.id, cookie);
  expect(photo).toEqual({ status: 403, body: { error: finished } });
  const image = new FormData();
  image.set("image", new Blob([new Uint8Array(tinyPng)], { type: "image/png" }), "image.png");
  const showcase = await fetch(`${e2eBaseUrl}/api/showcases/${w.team1.id}/images`, {
    method: "POST",
    body: image,
    headers: { cookie, origin: e2eBaseUrl },
  });
  expect(showcase.status).toBe(403);
  expect(await showcase.json()).toEqual({ error: finished });

  // Their own data is still theirs to take, and to erase.
  const data = await fetch(`${e2eBaseUrl}/p/${w.a.slug}/me/data`, { headers: { cookie } });
  expect(data.status).toBe(200);
  const leave = action("leaveEventAction");
  expect(
    await callServerAction(leave, `/p/${w.a.slug}/me`, [w.a.slug, {}, new FormArg({ deleteNotes: "yes" })], cookie),
  ).toBeLessThan(500);
  await expect.poll(async () => (await nameOf())?.leftAt ?? null).not.toBeNull();
});
