import type { EventDetail } from "./contract";

/**
 * What a page's first connection missed: the changes to its event told to the open screens
 * between the moment the server drew the page and the moment its socket joined the room. Nobody
 * was listening for them on that page, and they are not sent twice.
 */
export type MissedChanges = {
  /** What the organisers changed of what the page was drawn with (`event:details-changed`). */
  details: EventDetail[];
  /** The event's languages changed (`event:languages-changed`). */
  languages: boolean;
  /** Briefs a team reframed (`brief:reframed`). */
  briefs: string[];
  /** Anything else the room or the record holds changed (a command, the organisers' forms). */
  news: boolean;
  /** What happened to this person themself (their name changed, a device of theirs signed in or out). */
  own: OwnNews[];
};

/** News sent to one person's own sockets only, that says nothing but that it happened. */
export type OwnNews = "profile:renamed" | "profile:changed" | "device:signed-in" | "devices:changed";

export type ChangeKind =
  | { kind: "details"; what: EventDetail }
  | { kind: "languages" }
  | { kind: "brief"; briefId: string }
  | { kind: "news" };

/**
 * How far before the page's drawing a change still counts as missed. The time is taken when the
 * page's HTML is put together, after its reads: a change committed between a read and that moment
 * was not drawn either. Counting one too many costs one more fetch of the page, never a stale page.
 */
export const drawnMarginMs = 10_000;

/** Briefs remembered per event: more than any event has; past it the oldest go, and a page is told of news instead. */
const briefsPerEvent = 200;

type EventChanges = { details: Map<EventDetail, number>; languages: number; briefs: Map<string, number>; news: number };

/**
 * The latest time each kind of change was told to an event's screens, per event, in memory: one
 * number per kind, so what it holds does not grow with the room's activity. A process that
 * restarted knows nothing, and its pages reconnect anyway (and fetch themselves again on a reopen).
 */
export class ChangeClock {
  private events = new Map<string, EventChanges>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Notes a change told to the event's screens now (or `at`, heard from another process). */
  note(eventId: string, change: ChangeKind, at = this.now()) {
    let e = this.events.get(eventId);
    if (!e) {
      e = { details: new Map(), languages: 0, briefs: new Map(), news: 0 };
      this.events.set(eventId, e);
    }
    // Every told change is news too: the pages that follow the room's news fetch themselves again.
    e.news = Math.max(e.news, at);
    if (change.kind === "details") e.details.set(change.what, Math.max(e.details.get(change.what) ?? 0, at));
    else if (change.kind === "languages") e.languages = Math.max(e.languages, at);
    else if (change.kind === "brief") {
      e.briefs.delete(change.briefId);
      e.briefs.set(change.briefId, at);
      if (e.briefs.size > briefsPerEvent) e.briefs.delete(e.briefs.keys().next().value as string);
    }
  }

  /** What a page drawn at `drawnAt` (this clock's milliseconds) has not been told; null when nothing. */
  since(eventId: string, drawnAt: number): MissedChanges | null {
    const e = this.events.get(eventId);
    if (!e) return null;
    const from = drawnAt - drawnMarginMs;
    const after = (at: number) => at >= from;
    const missed: MissedChanges = {
      details: [...e.details].filter(([, at]) => after(at)).map(([what]) => what),
      languages: after(e.languages),
      briefs: [...e.briefs].filter(([, at]) => after(at)).map(([id]) => id),
      news: after(e.news),
      own: [],
    };
    return missed.news ? missed : null;
  }
}

/** People remembered at most; past it the longest quiet go (a page of theirs drawn then is long connected). */
const keptPeople = 20_000;

/**
 * The latest time each of a person's own news was told to their sockets, per person (a
 * participant's id), in memory, for their pages drawn before it and connected after.
 */
export class OwnNewsClock {
  private people = new Map<string, Map<OwnNews, number>>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly kept = keptPeople,
  ) {}

  note(person: string, news: OwnNews, at = this.now()) {
    const times = this.people.get(person) ?? new Map<OwnNews, number>();
    times.set(news, Math.max(times.get(news) ?? 0, at));
    // Most recent last: the first ones are the longest quiet.
    this.people.delete(person);
    this.people.set(person, times);
    if (this.people.size > this.kept) this.people.delete(this.people.keys().next().value as string);
  }

  since(person: string, drawnAt: number): OwnNews[] {
    const from = drawnAt - drawnMarginMs;
    return [...(this.people.get(person) ?? [])].filter(([, at]) => at >= from).map(([news]) => news);
  }
}
