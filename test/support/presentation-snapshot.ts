import type { PresentationState } from "@/lib/realtime/contract";

/** The presentations room as a judge's phone reads it: one team, two criteria, one score given. */
export const presentationSnapshot: PresentationState = {
  seq: 0,
  run: {
    order: ["a"],
    presentSeconds: 300,
    questionsSeconds: 120,
    currentTeamId: null,
    stage: "waiting",
    stageStartedAt: null,
    pausedAt: null,
    peoplesChoiceBoardId: null,
    includedTeamIds: [],
    leftOutTeamIds: [],
    projecting: "presenter",
  },
  teams: [{ id: "a", name: "Parks", briefTitle: null }],
  showcases: {},
  reactions: {},
  criteria: { a: ["Clear", "Useful"] },
  me: { key: "p:1", teamId: null, judge: true, staff: false, scores: { a: { Clear: 4, Useful: 2 } } },
  feedback: [],
  results: null,
  judges: null,
  people: null,
};
