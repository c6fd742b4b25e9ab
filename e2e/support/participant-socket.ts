import type { BrowserContext } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { contractVersion } from "@/lib/realtime/constants";
import { e2eBaseUrl } from "./config";

/** A socket.io connection as the participant whose cookie the context holds, driven by hand rather than by a page. */
export async function participantSocket(context: BrowserContext, eventId: string): Promise<Socket> {
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  return io(e2eBaseUrl, {
    auth: { eventId, contractVersion },
    extraHeaders: { cookie },
    transports: ["websocket"],
    forceNew: true,
  });
}
