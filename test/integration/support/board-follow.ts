import { applyBoardEvent, type BoardEvent, type BoardState, fromSnapshot, needsSnapshot } from "@/lib/boards/board-state";
import { RoomSync } from "@/lib/realtime/client/room-sync";
import { rooms } from "@/lib/realtime/contract";
import { ok, type TestSocket } from "./clients";

/** A screen's copy of a board, kept the way the browser keeps it: snapshot, then the sequence. */
export function followBoard(socket: TestSocket, boardId: string) {
  const sync = new RoomSync<BoardState, BoardEvent | null>({
    load: async () => {
      const snapshot = await ok(socket, "board:open", { boardId });
      return { seq: snapshot.seq, state: fromSnapshot(snapshot) };
    },
    apply: (s, e) => (e ? applyBoardEvent(s, e) : s),
    onChange: () => {},
  });
  socket.onAny((name: string, m: { room?: string; seq?: number; data?: unknown }) => {
    if (m?.room !== rooms.board(boardId) || typeof m.seq !== "number") return;
    const event = { name, data: m.data } as BoardEvent;
    const reload = sync.current !== null && needsSnapshot(sync.current, event);
    sync.receive(m.seq, event);
    if (reload) void sync.resync();
  });
  return sync;
}

/** Waits for what a test expects to become true (a real outcome, polled; never a fixed sleep). */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}
