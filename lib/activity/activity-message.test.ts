import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { boardChoiceLabels } from "@/lib/boards/board-list";
import { type Messages, messagesFor } from "@/lib/i18n/catalogue";
import { allLocales } from "@/lib/i18n/locales";
import type { ActivityMessage, Wall } from "@/lib/realtime/contract";
import { type ActivityTranslate, activityBy, activityText, type Said, says } from "./activity-message";

function activityIn(locale: string, onError?: (error: Error) => void): ActivityTranslate {
  return createTranslator({
    locale,
    messages: messagesFor(locale) as Record<string, Messages>,
    namespace: "activity",
    ...(onError ? { onError } : {}),
  }) as unknown as ActivityTranslate;
}

const walls: Wall["kind"][] = ["join", "board", "votes", "teams", "agenda", "announcement", "rotate", "presentations"];
const long = "Lunch is ready in the main hall: please bring your mugs back to the kitchen afterwards";

/** Every change the room and the log can say, with the English the code wrote before there were messages. */
const examples: [Said, string][] = [
  [says.phaseStarted("Explore"), "started Explore"],
  [says.timerStarted("5:00"), "started the timer (5:00)"],
  [says.timerPaused("3:12"), "paused the timer at 3:12"],
  [says.timerExtended(120), "added 2 min to the timer"],
  [says.timerExtended(90), "added 90 s to the timer"],
  [says.timerExtended(3599), "added 3599 s to the timer"],
  [says.timerReset("10:00"), "reset the timer to 10:00"],
  ...walls.flatMap((kind): [Said, string][] => [[says.wallShown({ kind }, "Ideas"), ""]]),
  [says.wallShown({ kind: "votes" }, "Ideas"), "put the votes on Ideas on the big screen"],
  [says.wallShown({ kind: "board" }, "Ideas"), "put the board Ideas on the big screen"],
  [says.wallShown({ kind: "board" }, null), "put a board on the big screen"],
  [says.wallShown({ kind: "votes" }, null), "put the vote results on the big screen"],
  [says.wallShown({ kind: "rotate" }, null), "put the team boards in turn on the big screen"],
  [says.wallShown({ kind: "join" }, null), "put how to join on the big screen"],
  [says.resultsShown(), "put the combined results on the big screen"],
  [says.presenterShown(), "put the presenter back on the big screen"],
  [
    says.replacing(says.timerStarted("5:00"), {
      by: "Ana",
      text: "reset the timer to 10:00",
      message: says.timerReset("10:00").message,
    }),
    "started the timer (5:00), replacing Ana's change (reset the timer to 10:00)",
  ],
  [
    says.replacing(says.phaseStarted("Make"), { by: "Ana", text: "started Explore" }),
    "started Make, replacing Ana's change (started Explore)",
  ],
  [
    says.replacing(says.phaseStarted("Make"), { by: "A participant", unsigned: "participant", text: "started Explore" }),
    "started Make, replacing A participant's change (started Explore)",
  ],
  [says.leadTaken(), "took the lead"],
  [says.leadHanded("Ana Silva"), "handed the lead to Ana Silva"],
  [says.controlsLocked(), "locked the room controls (only the lead changes phases and walls)"],
  [says.controlsUnlocked(), "unlocked the room controls"],
  [says.announced("Lunch is in the hall"), "announced “Lunch is in the hall”"],
  [says.announced(long), `announced “${long.slice(0, 57)}…”`],
  [says.announcementReshown("Lunch is in the hall"), "showed again “Lunch is in the hall”"],
  [says.announcementCleared(long), `cleared “${long.slice(0, 57)}…”`],
  [says.voteOpened("Ideas"), "opened a vote on “Ideas”"],
  [says.voteOpened(null), "opened a vote on “a board”"],
  [says.voteClosed("Ideas"), "closed the vote on “Ideas”"],
  [says.voteClosed(null), "closed the vote on “a board”"],
  [says.votesRevealed("Ideas"), "revealed the votes on “Ideas”"],
  [says.votesRevealed(null), "revealed the votes on “a board”"],
  [says.shortlistMade("Top 3", "Ideas"), "made the shortlist “Top 3” on “Ideas”"],
  [says.shortlistMade("Top 3", null), "made the shortlist “Top 3” on “a board”"],
  [says.boardLocked("Ideas"), "locked the board “Ideas”"],
  [says.boardUnlocked("Ideas"), "unlocked the board “Ideas”"],
  [says.notesRevealed("Ideas"), "revealed the notes on “Ideas”"],
  [says.noteHidden("Ideas"), "hid a note from the room on “Ideas”"],
  [says.noteShownAgain("Ideas"), "showed a hidden note again on “Ideas”"],
  [says.participantRemoved(), "removed a participant from the event"],
  [says.notesOfParticipantDeleted(1), "deleted every note of a participant (1 note)"],
  [says.notesOfParticipantDeleted(0), "deleted every note of a participant (0 notes)"],
  [says.notesOfParticipantDeleted(12), "deleted every note of a participant (12 notes)"],
  [says.participantMoved("Healthwatch"), "moved a participant to “Healthwatch”"],
  [says.participantTakenOutOfTeam(), "took a participant out of their team"],
];

/** Every message key a `Said` uses, nested ones too. */
function keysOf(message: ActivityMessage, into = new Set<string>()): Set<string> {
  into.add(message.key);
  for (const value of Object.values(message.values ?? {})) if (typeof value === "object") keysOf(value, into);
  return into;
}

describe("what staff did, said in each reader's language", () => {
  const english = activityIn("en-GB");

  it("reads in English exactly as the text the log has always kept", () => {
    for (const [said, old] of examples) {
      if (old) expect(said.text).toBe(old);
      expect(activityText(english, said)).toBe(said.text);
    }
  });

  it("names every wall as the English label did", () => {
    for (const kind of walls) {
      for (const board of ["Ideas", null]) {
        const said = says.wallShown({ kind }, board);
        expect(activityText(english, said)).toBe(said.text);
      }
    }
  });

  it("has a message for every key the code uses, in every language, with nothing left over", () => {
    const used = new Set(examples.flatMap(([said]) => [...keysOf(said.message)]));
    for (const locale of allLocales) {
      const errors: string[] = [];
      const t = activityIn(locale.code, (e) => errors.push(e.message));
      for (const [said] of examples) expect(activityText(t, said)).not.toBe("");
      expect(errors, locale.code).toEqual([]);
    }
    const own = messagesFor("en-GB").activity as Messages;
    const leaves = (m: Messages, prefix = ""): string[] =>
      Object.entries(m).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
    const spare = leaves(own).filter(
      (k) => !used.has(k) && !k.startsWith("by.") && !k.startsWith("boardChoice.") && k !== "line",
    );
    expect(spare).toEqual([]);
  });

  it("says it in the reader's language, people's own words untouched", () => {
    const french = activityIn("fr");
    expect(activityText(french, says.wallShown({ kind: "votes" }, "Idées"))).toBe(
      "a affiché sur le grand écran les votes sur Idées",
    );
    const polish = activityIn("pl");
    expect(activityText(polish, says.notesOfParticipantDeleted(5))).toBe("usunął(-ęła) wszystkie notatki uczestnika (5 notatek)");
    const replaced = says.replacing(says.phaseStarted("Make"), {
      by: "A participant",
      unsigned: "participant",
      text: "started Explore",
      message: says.phaseStarted("Explore").message,
    });
    expect(activityText(activityIn("pt-PT"), replaced)).toBe(
      "iniciou a fase Make, substituindo a alteração de Um participante (iniciou a fase Explore)",
    );
  });

  it("shows older entries, without a message or with one this version doesn't know, as their English text", () => {
    const spanish = activityIn("es");
    expect(activityText(spanish, { text: "started the timer (5:00)" })).toBe("started the timer (5:00)");
    expect(activityText(spanish, { text: "did a new thing", message: { key: "room.somethingNew" } })).toBe("did a new thing");
    expect(
      activityText(spanish, {
        text: "started Make, replacing Ana's change (x)",
        message: { key: "room.replacing", values: { change: { key: "room.gone" }, by: "Ana", other: "x" } },
      }),
    ).toBe("started Make, replacing Ana's change (x)");
  });

  it("signs with the name, or a stand-in in the reader's language", () => {
    const spanish = activityIn("es");
    expect(activityBy(spanish, { by: "Ana" })).toBe("Ana");
    expect(activityBy(spanish, { by: "Someone", unsigned: "someone" })).toBe("Alguien");
    expect(activityBy(english, { by: "A former member of staff", unsigned: "formerStaff" })).toBe("A former member of staff");
    expect(activityBy(english, { by: "A participant", unsigned: "participant" })).toBe("A participant");
  });

  it("names boards to pick from as the English did, and in other languages", () => {
    const list = [
      { id: "1", title: "Shortlist", teamName: null },
      { id: "2", title: "Ideas", teamName: "Parks" },
      { id: "3", title: "Shortlist", teamName: null },
    ];
    const wordsIn = (locale: string) => {
      const t = activityIn(locale);
      return {
        withTeam: (title: string, team: string) => t("boardChoice.withTeam", { title, team }),
        numbered: (name: string, n: number, of: number) => t("boardChoice.numbered", { name, n, of }),
      };
    };
    expect([...boardChoiceLabels(list, wordsIn("en-GB")).values()]).toEqual([...boardChoiceLabels(list).values()]);
    expect([...boardChoiceLabels(list, wordsIn("pl")).values()]).toEqual([
      "Shortlist (1 z 2)",
      "Ideas (Parks)",
      "Shortlist (2 z 2)",
    ]);
  });
});
