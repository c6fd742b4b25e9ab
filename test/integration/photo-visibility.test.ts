/**
 * Who sees an uploaded photo (issue #24.6): exactly those who may see what it is on. For every
 * viewer (same team, other team, staff, another event) and every kind of photo (on a team
 * board's note, on a hidden note before and after the reveal, on nothing yet, a map), the
 * photo route's decision (`photoVisibleTo`) must agree with what the viewer's own socket shows
 * of the board: a photo URL in the snapshot exactly when the photo would be served. The HTTP
 * half (anonymous visitors, real cookies) is e2e/privacy/uploaded-images.spec.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamMembers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { LocalDiskStorage } from "@/lib/files/storage";
import { findPhoto, savePhoto } from "@/lib/notes/note-photos";
import { photoVisibleTo } from "@/lib/notes/photo-access";
import type { BoardSnapshot, WireNote } from "@/lib/realtime/contract";
import { insertTeam } from "@/lib/teams/create-team";
import { tinyPng } from "../support/tiny-png";
import { clientsFor, ok, participantCookie, send, staffCookie, type TestSocket } from "./support/clients";
import { addParticipant, createAccount, createTestEvent, participantActor, staffActor } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;
const uploads = mkdtempSync(join(tmpdir(), "madein-photo-visibility-"));

beforeAll(async () => {
  t = await startTestServer();
  clients = clientsFor(t.url);
});
afterAll(async () => {
  clients.closeAll();
  await t.dispose();
  rmSync(uploads, { recursive: true, force: true });
});

type Viewer = "author" | "teammate" | "otherTeam" | "staff" | "otherEvent";
const viewers: Viewer[] = ["author", "teammate", "otherTeam", "staff", "otherEvent"];

describe("photo visibility", () => {
  it("serves a photo exactly to those whose board snapshot shows it, before and after a reveal", async () => {
    const db = t.server.db;
    const organiser = await createAccount(db, "Organiser");
    const event = await createTestEvent(db, organiser.accountId, "Event A");
    const other = await createTestEvent(db, organiser.accountId, "Event B");
    const now = Date.now();
    const [teamOne, teamTwo] = await db.transact(async (tx) => [
      await insertTeam(tx, { eventId: event.id, name: "Team one", briefId: null, capacity: null, now }),
      await insertTeam(tx, { eventId: event.id, name: "Team two", briefId: null, capacity: null, now }),
    ]);
    const people = {
      author: await addParticipant(db, event.id, "Amira"),
      teammate: await addParticipant(db, event.id, "Ben"),
      otherTeam: await addParticipant(db, event.id, "Cleo"),
      otherEvent: await addParticipant(db, other.id, "Dana"),
    };
    await db.transact((tx) =>
      tx.insert(teamMembers).values([
        { eventId: event.id, participantId: people.author, teamId: teamOne!.id, joinedAt: now },
        { eventId: event.id, participantId: people.teammate, teamId: teamOne!.id, joinedAt: now },
        { eventId: event.id, participantId: people.otherTeam, teamId: teamTwo!.id, joinedAt: now },
      ]),
    );
    const actors: Record<Viewer, Actor> = {
      author: participantActor(event.id, people.author),
      teammate: participantActor(event.id, people.teammate),
      otherTeam: participantActor(event.id, people.otherTeam),
      staff: staffActor(event.id, organiser.accountId),
      // Dana is in event B only; her cookie is for B, so the photo route finds no actor for A.
      otherEvent: participantActor(other.id, people.otherEvent),
    };
    const sockets: Record<Viewer, TestSocket> = {
      author: await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, people.author) }),
      teammate: await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, people.teammate) }),
      otherTeam: await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, people.otherTeam) }),
      staff: await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) }),
      otherEvent: await clients.connect({ eventId: other.id, cookie: participantCookie(other.id, people.otherEvent) }),
    };
    const staff = sockets.staff;
    const storage = new LocalDiskStorage(uploads);

    const board = async (title: string, template: "ideas" | "map", teamId: string | null) =>
      (await ok(staff, "board:create", { title, template, teamId })).board;
    const teamBoard = await board("Team one wall", "ideas", teamOne!.id);
    const hiddenBoard = await board("Secret ideas", "ideas", null);
    await ok(staff, "board:update", { boardId: hiddenBoard.id, hiddenUntilReveal: true });
    const mapBoard = await board("Our borough", "map", null);

    const upload = (boardId: string, by: Actor) => savePhoto(db, storage, by, boardId, new Uint8Array(tinyPng));
    const onNote = async (boardId: string, column: string) => {
      const photoId = await upload(boardId, actors.author);
      await ok(sockets.author, "note:create", { boardId, column, text: "Look at this", photoId });
      return photoId;
    };
    const photos = {
      teamNote: { board: teamBoard.id, id: await onNote(teamBoard.id, teamBoard.columns[0]!.key) },
      hiddenNote: { board: hiddenBoard.id, id: await onNote(hiddenBoard.id, hiddenBoard.columns[0]!.key) },
      // Uploaded, never attached: nothing to see it through.
      loose: { board: teamBoard.id, id: await upload(teamBoard.id, actors.author) },
      map: { board: mapBoard.id, id: await upload(mapBoard.id, actors.staff) },
    };
    await ok(staff, "board:update", { boardId: mapBoard.id, mapPhotoId: photos.map.id });

    /** What each viewer may see of each photo, by the photo route and by their own socket. */
    async function matrix() {
      const cells: Record<string, Record<Viewer, { route: boolean; socket: boolean }>> = {};
      for (const [kind, photo] of Object.entries(photos)) {
        const row = {} as Record<Viewer, { route: boolean; socket: boolean }>;
        const stored = await findPhoto(db.read, photo.id);
        if (!stored) throw new Error(`photo ${kind} not stored`);
        for (const viewer of viewers) {
          const route = await photoVisibleTo(db.read, stored, actors[viewer]);
          const opened = await send(sockets[viewer], "board:open", { boardId: photo.board });
          const snapshot = opened.ok ? (opened.result as BoardSnapshot) : null;
          const url = `/photos/${photo.id}`;
          // Staff also read what the room can't see yet, to moderate it (lib/notes/moderate-note.ts).
          const moderated =
            viewer === "staff" ? await send(sockets[viewer], "board:hidden-notes", { boardId: photo.board }) : null;
          const socket =
            (snapshot !== null && (snapshot.board.mapUrl === url || snapshot.notes.some((n: WireNote) => n.photoUrl === url))) ||
            (moderated?.ok === true && moderated.result.notes.some((n) => n.photoUrl === url));
          row[viewer] = { route, socket };
        }
        cells[kind] = row;
      }
      return cells;
    }
    const seen = (cells: Awaited<ReturnType<typeof matrix>>) =>
      Object.fromEntries(Object.entries(cells).map(([kind, row]) => [kind, viewers.filter((v) => row[v].route).join(" ")]));
    const disagreements = (cells: Awaited<ReturnType<typeof matrix>>) =>
      Object.entries(cells).flatMap(([kind, row]) =>
        viewers
          // A photo on nothing shows on no board, yet its uploader may open it (to check it before attaching).
          .filter((v) => !(kind === "loose" && v === "author"))
          .filter((v) => row[v].route !== row[v].socket)
          .map((v) => `${kind}/${v}: route ${row[v].route}, socket ${row[v].socket}`),
      );

    const before = await matrix();
    expect(disagreements(before)).toEqual([]);
    expect(seen(before)).toEqual({
      // Other teams' boards are readable by everyone in the event (lib/boards/rules.ts: canReadBoard).
      teamNote: "author teammate otherTeam staff",
      // Hidden until the reveal: its author, and staff (moderating before the room sees it).
      hiddenNote: "author staff",
      loose: "author",
      map: "author teammate otherTeam staff",
    });

    await ok(staff, "board:reveal", { boardId: hiddenBoard.id });
    const after = await matrix();
    expect(disagreements(after)).toEqual([]);
    expect(seen(after)).toMatchObject({ hiddenNote: "author teammate otherTeam staff", loose: "author" });
  });
});
