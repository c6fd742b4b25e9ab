import { randomInt } from "node:crypto";
import { says } from "@/lib/activity/activity-message";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast, WriteHandler } from "@/lib/realtime/handler";
import { assertMayControlRoom, changeRoom, readRoom } from "@/lib/room/room-store";
import { loadResults, projectResults, resultsIfProjected } from "./results";
import { advance, normaliseOrder, pressedOnCurrentStage, shuffle } from "./rules";
import { findRun, presentationTeams, presentingIds, runChanged, runView, saveRun } from "./store";

/** The facilitator's running order and the time each team gets. */
export const setOrder: WriteHandler<"presentation:order"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const teamInfo = await presentationTeams(tx, actor.eventId);
    if (payload.order.some((id) => !teamInfo.some((t) => t.id === id)))
      throw new CommandFailure("not_found", "One of those teams doesn't exist.");
    const current = await findRun(tx, actor.eventId);
    const row = await saveRun(
      tx,
      actor.eventId,
      {
        order: normaliseOrder(payload.order, presentingIds(current, teamInfo)),
        ...(payload.presentSeconds !== undefined ? { presentSeconds: payload.presentSeconds } : {}),
        ...(payload.questionsSeconds !== undefined ? { questionsSeconds: payload.questionsSeconds } : {}),
      },
      now,
    );
    const run = runView(row, teamInfo);
    return { result: { run }, broadcasts: [runChanged(actor.eventId, run)] };
  },
};

/** A fair draw of the order, made on the server so nobody can say the laptop chose. */
export const shuffleOrder: WriteHandler<"presentation:shuffle"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, now }) {
    const teamInfo = await presentationTeams(tx, actor.eventId);
    const current = await findRun(tx, actor.eventId);
    const order = shuffle(normaliseOrder(current.order, presentingIds(current, teamInfo)), () => randomInt(0, 2 ** 32) / 2 ** 32);
    const run = runView(await saveRun(tx, actor.eventId, { order }, now), teamInfo);
    return { result: { run }, broadcasts: [runChanged(actor.eventId, run)] };
  },
};

/**
 * Start, next, previous, reset…: the presenter's controls. A step pressed against a stage that is
 * no longer on (see pressedOnCurrentStage) changes nothing, so a double press is one step.
 * "reset" clears the running state only (who is on, the stage, the clock, the results on the big
 * screen): showcases, the order and times, reactions, feedback, scores and votes stay.
 */
export const stepPresentation: WriteHandler<"presentation:step"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    // Who is on and their clock are what the big screen shows: the lead's lock holds here as for the room's timer.
    await assertMayControlRoom(tx, actor);
    const teamInfo = await presentationTeams(tx, actor.eventId);
    const current = await findRun(tx, actor.eventId);
    const view = runView(current, teamInfo);
    if (view.order.length === 0 && payload.step !== "reset")
      throw new CommandFailure("conflict", "There are no teams to present yet.");
    const seen =
      payload.from === null && payload.fromStage === undefined ? {} : { teamId: payload.from, stage: payload.fromStage };
    if (!pressedOnCurrentStage(current, seen)) {
      // Someone else moved on first (another console, a double press): keep what they did.
      return { result: { run: view }, broadcasts: [] };
    }
    const position = advance({ ...current, order: view.order }, payload.step, now);
    if (!position) return { result: { run: view }, broadcasts: [] };
    const reset = payload.step === "reset";
    const wasProjecting = current.projecting === "results";
    const row = await saveRun(
      tx,
      actor.eventId,
      { ...position, order: view.order, ...(reset ? { projecting: "presenter" as const } : {}) },
      now,
    );
    const run = runView(row, teamInfo);
    return {
      result: { run },
      broadcasts: [
        runChanged(actor.eventId, run),
        ...(reset && wasProjecting
          ? [{ room: rooms.presentations(actor.eventId), event: "presentation:results-shown" as const, data: { results: null } }]
          : []),
      ],
    };
  },
};

/** Staff give an empty team a slot after all (a team presenting for people not in the app), or take it back. */
export const includeTeam: WriteHandler<"presentation:include"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const teamInfo = await presentationTeams(tx, actor.eventId);
    if (!teamInfo.some((t) => t.id === payload.teamId)) throw new CommandFailure("not_found", "That team doesn't exist.");
    const current = await findRun(tx, actor.eventId);
    if (!payload.include && current.currentTeamId === payload.teamId)
      throw new CommandFailure("conflict", "That team is on now. Move on to another team first.");
    const others = current.includedTeamIds.filter((id) => id !== payload.teamId);
    const includedTeamIds = payload.include ? [...others, payload.teamId] : others;
    const row = await saveRun(tx, actor.eventId, { includedTeamIds }, now);
    const run = runView(row, teamInfo);
    return { result: { run }, broadcasts: [runChanged(actor.eventId, run), ...(await resultsIfProjected(tx, actor.eventId))] };
  },
};

/** Puts the combined results on every big screen (and phone), or goes back to the presenter. */
export const projectView: WriteHandler<"presentation:project"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const teamInfo = await presentationTeams(tx, actor.eventId);
    // What every big screen and phone shows: the lead's lock holds, and the log says who did it.
    await assertMayControlRoom(tx, actor);
    const loaded = payload.view === "results" ? await loadResults(tx, actor.eventId) : null;
    // Rankings on the big screen while people can still vote would sway the vote (and show "0 votes").
    if (loaded?.peoplesChoice?.status === "open") {
      throw new CommandFailure("conflict", "The people's choice is still open. Close it first, then show the results.");
    }
    const row = await saveRun(tx, actor.eventId, { projecting: payload.view }, now);
    const run = runView(row, teamInfo);
    const results = loaded ? projectResults(loaded) : null;
    const broadcasts: Broadcast[] = [
      runChanged(actor.eventId, run),
      { room: rooms.presentations(actor.eventId), event: "presentation:results-shown", data: { results } },
    ];
    // "Show the results on the big screen" must show them there: a big screen still on the join
    // panel or a board would otherwise carry on as before while the console said they were up.
    const toPresentations = payload.view === "results" && (await readRoom(tx, actor.eventId)).wall.kind !== "presentations";
    const shown = await changeRoom(tx, {
      actor,
      now,
      patch: toPresentations ? { wall: { kind: "presentations" } } : {},
      change: { what: "wall", said: payload.view === "results" ? says.resultsShown() : says.presenterShown() },
    });
    broadcasts.push(...shown.broadcasts);
    return { result: { run, results }, broadcasts };
  },
};
