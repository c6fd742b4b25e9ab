import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { accountSessions } from "@/db/schema";
import { accountSessionCookie } from "@/lib/auth/cookies";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { contractVersion } from "@/lib/realtime/constants";
import type { CommandName, CommandPayload, CommandResults } from "@/lib/realtime/contract";
import { e2eBaseUrl } from "./config";
import { db } from "./fixtures";

export type CommandSocket = {
  /** Sends a command as the console would and returns its result; a refusal throws with its message. */
  command<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<CommandResults[N]>;
  close(): void;
};

type Ack = { ok: boolean; result?: unknown; error?: { message: string } };

/** A staff member's own socket.io connection, signed in as the sign-in page would sign them in. */
export async function commandSocket(eventId: string, accountId: string): Promise<CommandSocket> {
  const token = newToken();
  await (await db()).transact((tx) =>
    tx.insert(accountSessions).values({ tokenHash: hashToken(token), accountId, expiresAt: Date.now() + 3600_000 }),
  );
  const socket = io(e2eBaseUrl, {
    auth: { eventId, contractVersion },
    extraHeaders: { cookie: `${accountSessionCookie}=${token}`, origin: e2eBaseUrl },
    transports: ["websocket"],
    forceNew: true,
  });
  return {
    async command(name, payload) {
      const timed = socket.timeout(20_000) as unknown as { emitWithAck(n: string, e: unknown): Promise<Ack> };
      const ack = await timed.emitWithAck(name, { id: randomUUID().replaceAll("-", ""), payload });
      if (!ack.ok) throw new Error(`${name}: ${ack.error?.message}`);
      return ack.result as CommandResults[typeof name];
    },
    close: () => void socket.close(),
  };
}

/** A screen held open with someone's cookie (what a script with their cookie could do); refused handshakes reject. */
export function cookieScreen(eventId: string, cookie: string): Promise<Socket> {
  const socket = io(e2eBaseUrl, {
    auth: { eventId, contractVersion },
    extraHeaders: { cookie, origin: e2eBaseUrl },
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}
