import { randomInt } from "node:crypto";
import { CommandFailure } from "@/lib/realtime/command-error";
import type { WriteHandler } from "@/lib/realtime/handler";
import { advance, normaliseOrder, shuffle } from "./rules";
import { findRun, presentationTeams, runChanged, runView, saveRun } from "./store";

const teamIdsOf = async (...args: Parameters<typeof presentationTeams>) => (await presentationTeams(...args)).map((t) => t.id);

/** The facilitator's running order and the time each team gets. */
export const setOrder: WriteHandler<"presentation:order"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const ids = await teamIdsOf(tx, actor.eventId);
    if (payload.order.some((id) => !ids.includes(id))) throw new CommandFailure("not_found", "One of those teams doesn't exist.");
    const row = await saveRun(
      tx,
      actor.eventId,
      {
        order: normaliseOrder(payload.order, ids),
        ...(payload.presentSeconds !== undefined ? { presentSeconds: payload.presentSeconds } : {}),
        ...(payload.questionsSeconds !== undefined ? { questionsSeconds: payload.questionsSeconds } : {}),
      },
      now,
    );
    const run = runView(row, ids);
    return { result: { run }, broadcasts: [runChanged(actor.eventId, run)] };
  },
};

/** A fair draw of the order, made on the server so nobody can say the laptop chose. */
export const shuffleOrder: WriteHandler<"presentation:shuffle"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, now }) {
    const ids = await teamIdsOf(tx, actor.eventId);
    const current = await findRun(tx, actor.eventId);
    const order = shuffle(normaliseOrder(current.order, ids), () => randomInt(0, 2 ** 32) / 2 ** 32);
    const run = runView(await saveRun(tx, actor.eventId, { order }, now), ids);
    return { result: { run }, broadcasts: [runChanged(actor.eventId, run)] };
  },
};

/** Start, next, previous…: the presenter's controls. A step from a team that is no longer on changes nothing. */
export const stepPresentation: WriteHandler<"presentation:step"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const ids = await teamIdsOf(tx, actor.eventId);
    const current = await findRun(tx, actor.eventId);
    const view = runView(current, ids);
    if (view.order.length === 0) throw new CommandFailure("conflict", "There are no teams to present yet.");
    if (payload.from !== null && payload.from !== current.currentTeamId && payload.step !== "start") {
      // Someone else moved on first (another console, a double press): keep what they did.
      return { result: { run: view }, broadcasts: [] };
    }
    const position = advance({ ...current, order: view.order }, payload.step, now);
    if (!position) return { result: { run: view }, broadcasts: [] };
    const run = runView(await saveRun(tx, actor.eventId, { ...position, order: view.order }, now), ids);
    return { result: { run }, broadcasts: [runChanged(actor.eventId, run)] };
  },
};
