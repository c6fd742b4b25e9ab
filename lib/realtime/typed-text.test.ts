import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type CommandName, commandNames, commandSchemas } from "./contract";
import { parsePayload } from "./execute-command";

/**
 * Every piece of text a command carries that someone typed, and how to send it: each must reach
 * its handler without direction controls (lib/text/control-characters.ts), which would turn what
 * others see backwards. A new text field in the contract fails the completeness test below until
 * it is listed here, or among `notTyped` with the reason it is not typed text.
 */
const typed: Record<string, { name: CommandName; payload: (text: string) => unknown }> = {
  "board:create.title": { name: "board:create", payload: (title) => ({ title, template: "ideas" }) },
  "board:create.columns[]": {
    name: "board:create",
    payload: (title) => ({ title: "Ideas", template: "ideas", columns: [title] }),
  },
  "board:update.title": { name: "board:update", payload: (title) => ({ boardId: "b", title }) },
  "note:create.text": { name: "note:create", payload: (text) => ({ boardId: "b", column: "ideas", text }) },
  "note:update.text": { name: "note:update", payload: (text) => ({ noteId: "n", text, baseVersion: 1 }) },
  "group:rename.title": { name: "group:rename", payload: (title) => ({ groupId: "g", title }) },
  "team:create.name": { name: "team:create", payload: (name) => ({ name }) },
  "team:update.name": { name: "team:update", payload: (name) => ({ teamId: "t", name }) },
  "profile:update.displayName": { name: "profile:update", payload: (displayName) => ({ displayName }) },
  "profile:update.skills[]": { name: "profile:update", payload: (skill) => ({ skills: [skill] }) },
  "profile:update.accessNeeds": { name: "profile:update", payload: (accessNeeds) => ({ accessNeeds }) },
  "profile:update.contact": {
    name: "profile:update",
    payload: (contact) => ({ contactConsent: true, contact: `${contact} 07700 900123` }),
  },
  "vote:shortlist.title": { name: "vote:shortlist", payload: (title) => ({ roundId: "r", title }) },
  ...Object.fromEntries(
    ["title", "summary", "made", "learned", "nextSteps", "takenForwardBy", "needs"].map((field) => [
      `showcase:save.fields.${field}`,
      {
        name: "showcase:save" as const,
        payload: (text: string) => ({ teamId: "t", fields: { title: "Our park", [field]: text } }),
      },
    ]),
  ),
  "showcase:save.fields.links[].title": {
    name: "showcase:save",
    payload: (title) => ({ teamId: "t", fields: { title: "Our park", links: [{ title, url: "https://example.org/park" }] } }),
  },
  "presentation:feedback.text": { name: "presentation:feedback", payload: (text) => ({ teamId: "t", text }) },
  "judge:score.criterion": { name: "judge:score", payload: (criterion) => ({ teamId: "t", criterion, score: 3 }) },
  "criteria:set.criteria[]": { name: "criteria:set", payload: (criterion) => ({ teamId: "t", criteria: [criterion] }) },
  "announcement:send.text": { name: "announcement:send", payload: (text) => ({ text }) },
};

/** Strings that are not typed text: ids, keys and choices from a closed set, each checked by its schema. */
const notTyped = new Set([
  ...[
    "board:open.boardId",
    "board:create.teamId",
    "board:update.boardId",
    "board:update.mapPhotoId",
    "board:reveal.boardId",
    "note:withhold.noteId",
    "board:hidden-notes.boardId",
    "note:create.boardId",
    "note:create.photoId",
    "note:update.noteId",
    "note:delete.noteId",
    "note:restore.noteId",
    "note:move.noteId",
    "note:move.beforeNoteId",
    "note:pin.noteId",
    "note:group.noteId",
    "note:group.withNoteId",
    "note:ungroup.noteId",
    "group:rename.groupId",
    "notes:copy.toBoardId",
    "notes:copy.noteIds[]",
    "notes:copy.groupIds[]",
    "team:join.teamId",
    "team:create.briefId",
    "team:update.teamId",
    "team:split.teamId",
    "participant:remove.participantId",
    "participant:notes-delete.participantId",
    "participant:move.participantId",
    "participant:move.teamId",
    "vote:state.boardId",
    "vote:open.boardId",
    "vote:cast.roundId",
    "vote:cast.targetId",
    "vote:retract.roundId",
    "vote:retract.targetId",
    "vote:close.roundId",
    "vote:reveal.roundId",
    "vote:shortlist.roundId",
    "vote:shortlist.picked[]",
    "phase:next.fromPhaseId",
    "phase:start.phaseId",
    "screen:show.wall.boardId",
    "showcase:save.teamId",
    "showcase:save.fields.imageIds[]",
    "presentation:order.order[]",
    "presentation:step.from",
    "presentation:include.teamId",
    "presentation:react.teamId",
    "presentation:feedback.teamId",
    "judge:assign.personKey",
    "judge:score.teamId",
    "criteria:set.teamId",
    "lead:hand.accountId",
    "announcement:reshow.announcementId",
    "announcement:clear.announcementId",
  ],
  // Keys of a board's columns, and choices from closed sets.
  ...[
    "note:create.column",
    "note:move.column",
    "vote:open.columns[]",
    "vote:open.targets",
    "board:create.template",
    "note:create.colour",
    "note:update.colour",
    "profile:update.kind",
    "profile:update.ageBand",
    "screen:show.wall.kind",
    "presentation:step.step",
    "presentation:step.fromStage",
    "presentation:project.view",
    "presentation:react.kind",
  ],
  // A link's address: checked as a URL by its schema, drawn as a link, never as text to read.
  "showcase:save.fields.links[].url",
]);

/** Every string a command's payload may carry, as `name.path` (arrays as `[]`), from its JSON Schema. */
function stringPaths(schema: unknown, path: string, out: Set<string>) {
  const node = schema as Record<string, unknown> | null;
  if (!node || typeof node !== "object") return;
  if (node.type === "string") out.add(path);
  for (const key of ["anyOf", "oneOf", "allOf"])
    for (const option of (node[key] as unknown[]) ?? []) stringPaths(option, path, out);
  for (const [key, value] of Object.entries((node.properties as object) ?? {})) stringPaths(value, `${path}.${key}`, out);
  if (node.items) stringPaths(node.items, `${path}[]`, out);
}

// Overrides, embeddings and isolates, each of which would reorder what follows it on screen.
const spoofed = "Park\u202E krap\u202C \u2066benches\u2069 \u202Ahere\u202B\u202D\u2067\u2068";
const shown = "Park krap benches here";
const direction = /[\u202A-\u202E\u2066-\u2069]/;

describe("typed text in every command", () => {
  it("is all listed: each string a payload carries is typed text (tested below) or an id, key or choice", () => {
    const found = new Set<string>();
    for (const name of commandNames)
      stringPaths(z.toJSONSchema(commandSchemas[name], { io: "input", unrepresentable: "any" }), name, found);
    const unlisted = [...found].filter((path) => !(path in typed) && !notTyped.has(path));
    expect(unlisted).toEqual([]);
    // And nothing listed that the contract no longer has.
    expect([...Object.keys(typed), ...notTyped].filter((path) => !found.has(path))).toEqual([]);
  });

  it.each(Object.entries(typed))("%s reaches its handler without direction controls", (_path, { name, payload }) => {
    const parsed = parsePayload(name, payload(spoofed));
    expect(parsed.error?.issues ?? []).toEqual([]);
    const text = JSON.stringify(parsed.data);
    expect(text).not.toMatch(direction);
    expect(text).toContain(shown);
  });
});
