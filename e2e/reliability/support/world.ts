/**
 * The world the reliability browser tests look at: event A (a published brief and a draft one,
 * two teams, a room board and team 1's board, a photo, a public and a draft project-pack file)
 * run by organiser A and facilitator A, with a participant in each team; and event B with its own
 * participant. Every role has the cookie its browser would carry.
 */

import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { io, type Socket } from "socket.io-client";
import { accountSessions, events, notes, teamMembers } from "@/db/schema";
import { accountSessionCookie, participantCookieName } from "@/lib/auth/cookies";
import { hashToken, newToken, sign } from "@/lib/auth/tokens";
import { addBriefFile } from "@/lib/briefs/add-brief-file";
import { parseEnv } from "@/lib/config/env";
import { LocalDiskStorage } from "@/lib/files/storage";
import { joinEvent } from "@/lib/participants/join-event";
import { createProject } from "@/lib/projects/create-project";
import { contractVersion } from "@/lib/realtime/constants";
import { insertTeam } from "@/lib/teams/create-team";
import { tinyPng } from "@/test/support/tiny-png";
import { e2eBaseUrl, e2eDatabaseUrl, e2ePort } from "../../support/config";
import { addBoardFixture, addBrief, addStaff, createEventFixture, db } from "../../support/fixtures";

export type Role = "anonymous" | "participantA" | "otherTeam" | "facilitatorA" | "organiserA" | "participantB";
export const roles: Role[] = ["anonymous", "participantA", "otherTeam", "facilitatorA", "organiserA", "participantB"];

const secret = () => parseEnv({ ...process.env, DATABASE_URL: e2eDatabaseUrl }).SESSION_SECRET;
/** The e2e server's upload folder (playwright.config.ts), so files written here are served there. */
export const storage = () => new LocalDiskStorage(`e2e/.artifacts/uploads-${e2ePort}`);

export async function sessionCookie(accountId: string) {
  const token = newToken();
  await (await db()).transact((tx) =>
    tx.insert(accountSessions).values({ tokenHash: hashToken(token), accountId, expiresAt: Date.now() + 3600_000 }),
  );
  return `${accountSessionCookie}=${token}`;
}

export async function participantIn(eventId: string, displayName: string, teamId?: string) {
  const joined = await (await db()).transact((tx) => joinEvent(tx, { eventId, displayName }));
  if (teamId) {
    await (await db()).transact((tx) =>
      tx.insert(teamMembers).values({ eventId, participantId: joined.participantId, teamId, joinedAt: Date.now() }),
    );
  }
  return { id: joined.participantId, cookie: `${participantCookieName(eventId)}=${sign(joined.participantId, secret())}` };
}

export { tinyPng };

export async function createWorld() {
  const a = await createEventFixture({ name: `Event A ${randomUUID().slice(0, 6)}` });
  const b = await createEventFixture({ name: `Event B ${randomUUID().slice(0, 6)}` });
  // A date, so the event has a calendar file.
  await (await db()).transact((tx) =>
    tx
      .update(events)
      .set({ startsAt: Date.now() + 86_400_000 })
      .where(eq(events.id, a.id)),
  );
  const facilitator = await addStaff(a.id, "facilitator");
  const publicBrief = await addBrief(a.id, { title: "Love Your Space" });
  const draftBrief = await addBrief(a.id, { title: "Unpublished brief", status: "draft" });
  const [team1, team2] = await (await db()).transact(async (tx) => [
    await insertTeam(tx, { eventId: a.id, name: "Team one", briefId: publicBrief, capacity: null, now: Date.now() }),
    await insertTeam(tx, { eventId: a.id, name: "Team two", briefId: null, capacity: null, now: Date.now() }),
  ]);
  const roomBoard = await addBoardFixture(a.id, { title: "Room ideas", template: "ideas" });
  const teamBoard = await addBoardFixture(a.id, { title: "Team one wall", template: "ideas", teamId: team1!.id });
  const boardB = await addBoardFixture(b.id, { title: "Event B wall", template: "ideas" });
  const pA = await participantIn(a.id, "Resident in team one", team1!.id);
  const pOther = await participantIn(a.id, "Resident in team two", team2!.id);
  const pB = await participantIn(b.id, "Resident of event B");

  const file = async (briefId: string) => {
    const added = await addBriefFile(await db(), storage(), {
      eventId: a.id,
      briefId,
      title: "Map",
      file: { name: "map.png", size: tinyPng.byteLength, bytes: new Uint8Array(tinyPng) },
      uploadedBy: a.organiser.id,
    });
    if (!added.ok) throw new Error(`addBriefFile: ${added.message}`);
    return added.id;
  };
  const publicFile = await file(publicBrief);
  const draftFile = await file(draftBrief);
  // Team one's project, followed up after the weekend.
  const project = await (await db()).transact((tx) =>
    createProject(tx, {
      eventId: a.id,
      teamId: team1!.id,
      title: "Pocket park",
      summary: "Turning the corner plot into a park.",
      ownerName: "Ada",
      ownerRole: "Resident",
      coOwners: [],
    }),
  );

  const cookies: Record<Role, string> = {
    anonymous: "",
    participantA: pA.cookie,
    otherTeam: pOther.cookie,
    facilitatorA: await sessionCookie(facilitator.id),
    organiserA: await sessionCookie(a.organiser.id),
    participantB: pB.cookie,
  };

  // A photo on a note on team 1's board, uploaded as its member would. (A photo on no note is
  // its uploader's alone: lib/notes/photo-access.ts.)
  const upload = await uploadPhoto(teamBoard.id, cookies.participantA);
  if (upload.status !== 201) throw new Error(`photo upload: ${upload.status} ${JSON.stringify(upload.body)}`);
  await (await db()).transact((tx) =>
    tx.insert(notes).values({
      id: randomUUID(),
      boardId: teamBoard.id,
      column: teamBoard.columns[0]?.key ?? "ideas",
      text: "The bus stop has no shelter",
      authorParticipantId: pA.id,
      photoId: (upload.body as { photoId: string }).photoId,
    }),
  );

  return {
    a,
    b,
    facilitator,
    team1: team1!,
    team2: team2!,
    roomBoard,
    teamBoard,
    boardB,
    publicBrief,
    draftBrief,
    publicFile,
    draftFile,
    project,
    photoId: (upload.body as { photoId: string }).photoId,
    participants: { pA, pOther, pB },
    cookies,
  };
}
export type World = Awaited<ReturnType<typeof createWorld>>;

export async function uploadPhoto(boardId: string, cookie: string) {
  const form = new FormData();
  form.set("photo", new Blob([new Uint8Array(tinyPng)], { type: "image/png" }), "photo.png");
  const res = await fetch(`${e2eBaseUrl}/api/boards/${boardId}/photos`, {
    method: "POST",
    body: form,
    headers: { cookie, origin: e2eBaseUrl },
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

type Ack = { ok: boolean; result?: unknown; error?: { code: string; message: string } };

/** A real socket.io connection as a phone or laptop with `cookie` would open one. */
export async function connect(eventId: string, cookie: string): Promise<Socket> {
  const socket = io(e2eBaseUrl, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    auth: { eventId, contractVersion },
    extraHeaders: { cookie, origin: e2eBaseUrl },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

/** Sends one command through the real contract and returns its result, or throws its refusal. */
export async function command<T = unknown>(socket: Socket, name: string, payload: unknown): Promise<T> {
  const envelope = { id: `cmd-${randomUUID()}`, payload };
  for (let attempt = 0; ; attempt++) {
    const ack: Ack = await socket.timeout(15_000).emitWithAck(name, envelope);
    // Past the connection's rate limit: wait and send the same command again, as a phone's outbox does.
    if (!ack.ok && ack.error?.code === "rate_limited" && attempt < 20) {
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    if (!ack.ok) throw new Error(`${name}: ${ack.error?.code} ${ack.error?.message}`);
    return ack.result as T;
  }
}

/** The one summary line a reliability test prints (as test/reliability/support/report.ts). */
export function report(name: string, values: Record<string, number | string>, pass: boolean) {
  const kv = Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  const line = `RELIABILITY ${name}: ${kv} ${pass ? "PASS" : "FAIL"}`;
  process.stdout.write(`${line}\n`);
  return line;
}
