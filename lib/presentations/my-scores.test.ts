import { describe, expect, it } from "vitest";
import { presentationSnapshot as snapshot } from "@/test/support/presentation-snapshot";
import { afterScoreAck, createScoreTaps, withMyScores } from "./my-scores";
import { presentationsRoom } from "./presentations-state";

const judged = () => presentationsRoom.init(snapshot);

describe("a judge's own scores", () => {
  it("follow the answer to their tap", () => {
    const s = afterScoreAck(judged(), "a", { ok: true, result: { scores: { Clear: 4, Useful: 5 } } });
    expect(s.me.scores.a).toEqual({ Clear: 4, Useful: 5 });
  });

  it("are not taken back by the answer to a retry: its scores are the first run's, older than the screen", () => {
    // Scored 1 on the phone, then 5 on the tablet (which the phone heard); the 1, sent again
    // after a dropped connection, is answered with the scores it once made.
    const fresher = withMyScores(judged(), "a", { Clear: 4, Useful: 5 });
    const retry = { ok: true as const, result: { scores: { Clear: 4, Useful: 1 } }, duplicate: true };
    expect(afterScoreAck(fresher, "a", retry).me.scores.a).toEqual({ Clear: 4, Useful: 5 });
  });

  it("are left as they are by a refusal", () => {
    const refused = afterScoreAck(judged(), "a", { ok: false, error: { code: "conflict", message: "Changed" } });
    expect(refused.me.scores.a).toEqual({ Clear: 4, Useful: 2 });
  });

  it("from another of their screens replace the team's, leaving other teams' alone", () => {
    const s = withMyScores(withMyScores(judged(), "b", { Clear: 1 }), "a", { Useful: 3 });
    expect(s.me.scores).toEqual({ a: { Useful: 3 }, b: { Clear: 1 } });
  });

  it("follow only the answer to the latest tap on a team: a 5 taken back at once stays taken back", () => {
    const taps = createScoreTaps();
    const five = taps.sent("a");
    const takenBack = taps.sent("a");
    const other = taps.sent("b");
    // The 5's answer arrives after the second tap: it is not the team's scores any more.
    expect(taps.isLatest("a", five)).toBe(false);
    expect(taps.isLatest("a", takenBack)).toBe(true);
    expect(taps.isLatest("b", other)).toBe(true);
  });
});
