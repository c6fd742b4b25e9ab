import type { IncomingMessage, ServerResponse } from "node:http";
import type { BodyBudget, BodyRefusal } from "./body-budget";
import { bodyPace, defaultPace, type PaceRule } from "./body-pace";

/** A refused body: the status, the message's key under `errors`, and when to try again. */
export type IntakeRefusal = { status: 429 | 503; key: string; retryAfterSeconds: number };

const refusals: Record<BodyRefusal, IntakeRefusal> = {
  // The whole process is full of uploads: anyone may try again once some are done.
  busy: { status: 503, key: "server.busy", retryAfterSeconds: 30 },
  // This address or person is already sending several: they finish first.
  address: { status: 429, key: "server.tooManyAtOnce", retryAfterSeconds: 10 },
  person: { status: 429, key: "server.tooManyAtOnce", retryAfterSeconds: 10 },
  // This address already holds its share of the uploads: at a venue that is everybody behind its
  // router, not this person, so they are told Made In is receiving a lot, as when it is full.
  addressShare: { status: 429, key: "server.busy", retryAfterSeconds: 30 },
  personShare: { status: 429, key: "server.tooManyAtOnce", retryAfterSeconds: 10 },
};

/**
 * Takes in request bodies the server reads into memory (server actions, route handlers' uploads):
 * each is admitted against the process's budget (lib/server/body-budget.ts) before a byte is read,
 * its bytes counted until it is answered, and it is cut off if it arrives too slowly or takes
 * longer than its size allows (lib/server/body-pace.ts). Pace is measured on the connection
 * (bytes the socket has read), so it does not matter who reads the body, the action gate or Next.
 */
export function createBodyIntake(budget: BodyBudget, options: { pace?: Partial<PaceRule>; tickMs?: number } = {}) {
  const pace = { ...defaultPace, ...options.pace };
  const tickMs = options.tickMs ?? Math.max(250, Math.min(pace.windowMs, pace.graceMs) / 4);
  /** The bodies still arriving: how much of each has come so far. */
  const arriving = new Set<() => number>();

  return {
    /** Bytes of the bodies still arriving that have come in so far: what they hold now, for the metrics. */
    received: () => [...arriving].reduce((sum, read) => sum + read(), 0),
    /**
     * Admits `req`'s body, which may take `bytes`; null when admitted, otherwise the refusal for
     * the caller to answer (in the caller's format: a page, a form's script, JSON). `onSlow` is
     * what to do with a body arriving too slowly while the caller still owns the answer; without
     * it the connection is closed.
     */
    admit(
      req: IncomingMessage,
      res: ServerResponse,
      body: { address: string; person: string | null; bytes: number; onSlow?: () => void },
    ): IntakeRefusal | null {
      const admission = budget.admit(body);
      if (!admission.ok) return refusals[admission.refusal];
      res.once("close", admission.release);
      if (req.complete) {
        admission.arrived();
        return null;
      }
      const socket = req.socket;
      const readAtStart = socket.bytesRead;
      const read = () => socket.bytesRead - readAtStart;
      arriving.add(read);
      const judge = bodyPace(pace, Date.now(), body.bytes);
      const timer = setInterval(() => {
        const verdict = judge.check(Date.now(), read(), req.readableLength > 0);
        if (verdict === "ok") return;
        stop();
        if (body.onSlow) body.onSlow();
        else socket.destroy();
      }, tickMs);
      timer.unref();
      const stop = () => {
        clearInterval(timer);
        arriving.delete(read);
        admission.arrived();
      };
      req.once("end", stop);
      req.once("close", stop);
      return null;
    },
  };
}

export type BodyIntake = ReturnType<typeof createBodyIntake>;
