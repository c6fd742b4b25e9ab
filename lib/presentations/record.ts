import "server-only";
import { asc, eq } from "drizzle-orm";
import { sharedDatabase } from "@/db";
import { presentationFeedback } from "@/db/schema";
import type { FeedbackView, ReactionCounts, ShowcaseView } from "@/lib/realtime/contract";
import { loadResults } from "./results";
import { feedbackViews, findShowcases, reactionCounts } from "./store";

/** What a team presented and how the room responded: the organiser's after-event record of it. */
export type TeamPresentationRecord = {
  teamId: string;
  teamName: string;
  briefTitle: string | null;
  /** Every field; image URLs are served to people of the event (`/showcase-images/<id>`). */
  showcase: ShowcaseView;
  feedback: FeedbackView[];
  reactions: ReactionCounts[string];
  judging: {
    criteria: string[];
    /** criterion → judges' average (1–5); criteria nobody scored are absent. */
    averages: Record<string, number>;
    total: number;
    max: number;
    judges: number;
  };
  peoplesChoice: {
    votes: number;
    /** 1, 2, 2, 4 by votes; null when nobody voted for the team (or no vote was held). */
    rank: number | null;
  };
  /** Judges and people's choice on one scale (0–100), and the rank it gives. */
  combined: { score: number; rank: number };
};

/** teamId → the team's presentation record, for the after-event review and exports. */
export async function loadPresentationRecords(eventId: string): Promise<Map<string, TeamPresentationRecord>> {
  const db = (await sharedDatabase()).read;
  const results = await loadResults(db, eventId);
  const [showcases, reactions, feedbackRows] = await Promise.all([
    // The organisers' record: staff see names as typed.
    findShowcases(db, eventId, results.teams, "private"),
    reactionCounts(db, eventId),
    db
      .select()
      .from(presentationFeedback)
      .where(eq(presentationFeedback.eventId, eventId))
      .orderBy(asc(presentationFeedback.createdAt)),
  ]);
  const feedback = await feedbackViews(db, eventId, feedbackRows, "private");
  const records = new Map<string, TeamPresentationRecord>();
  for (const team of results.teams) {
    const row = results.rows.find((r) => r.teamId === team.id);
    const showcase = showcases[team.id];
    if (!row || !showcase) continue;
    records.set(team.id, {
      teamId: team.id,
      teamName: team.name,
      briefTitle: team.briefTitle,
      showcase: {
        ...showcase,
        links: showcase.links.map((l) => ({ title: l.title.trim(), url: l.url.trim() })).filter((l) => l.url !== ""),
      },
      feedback: feedback.filter((f) => f.teamId === team.id),
      reactions: reactions[team.id] ?? {},
      judging: { criteria: results.criteria[team.id] ?? [], ...row.judging },
      peoplesChoice: { votes: row.votes, rank: row.votesRank },
      combined: { score: row.combined, rank: row.rank },
    });
  }
  return records;
}
