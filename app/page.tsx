import { and, asc, desc, eq, gte, isNull, lt, or, sql } from "drizzle-orm";
import Link from "next/link";
import { connection } from "next/server";
import { AccountNav } from "@/app/(organiser)/account-nav";
import { SiteHeader } from "@/app/ui/brand";
import { sharedDatabase } from "@/db";
import { events } from "@/db/schema";
import { isSetUp } from "@/lib/accounts/first-organiser";
import { currentAccount } from "@/lib/auth/web-session";
import { formatEventDates } from "@/lib/events/event-dates";

const steps = [
  {
    when: "Before",
    title: "Publish the briefs",
    body: "Each with a budget, a timescale, what may not change and an owner who will carry the work on.",
  },
  {
    when: "Kick-off",
    title: "People pick a brief",
    body: "Everyone joins on their own phone with a code. No app, no account. Moving team is normal.",
  },
  {
    when: "The weekend",
    title: "Explore, then make",
    body: "Live boards for ideas, magic and miserable moments. Dot-vote down to a shortlist, then build something real.",
  },
  {
    when: "After",
    title: "Keep it going",
    body: "Presentations, owners and 30, 60 and 90-day check-ins, so the learning and the outcomes are recorded.",
  },
];

const notes = [
  { text: "Magic moment: the park warden knew everyone's dog by name", colour: "bg-note-yellow", turn: "-rotate-3" },
  { text: "Idea: a street welcome pack for new neighbours", colour: "bg-note-pink", turn: "rotate-2" },
  { text: "Question: who looks after the bins at weekends?", colour: "bg-note-blue", turn: "-rotate-1" },
  { text: "Miserable moment: three phone calls to report one pothole", colour: "bg-note-green", turn: "rotate-3" },
];

export default async function HomePage() {
  await connection();
  const db = await sharedDatabase();
  const now = Date.now();
  // An event counts as coming up until it has ended; undated ones are still being planned.
  const lastDay = sql<number | null>`coalesce(${events.endsAt}, ${events.startsAt})`;
  const listed = { slug: events.slug, name: events.name, place: events.place, startsAt: events.startsAt, endsAt: events.endsAt };
  const [setUp, account, comingUp, past] = await Promise.all([
    isSetUp(db.read),
    currentAccount(),
    db.read
      .select(listed)
      .from(events)
      .where(and(eq(events.status, "published"), or(isNull(lastDay), gte(lastDay, now))))
      .orderBy(sql`${events.startsAt} is null`, asc(events.startsAt), desc(events.createdAt))
      .limit(30),
    db.read
      .select(listed)
      .from(events)
      .where(and(eq(events.status, "published"), lt(lastDay, now)))
      .orderBy(desc(events.startsAt))
      .limit(12),
  ]);

  return (
    <>
      <SiteHeader>
        <AccountNav />
      </SiteHeader>
      <main id="main">
        <section className="mx-auto grid max-w-5xl items-center gap-12 px-4 pt-12 pb-16 sm:pt-20 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="space-y-6">
            <p className="eyebrow">Co-production weekends</p>
            <h1 className="text-4xl leading-tight font-extrabold tracking-tight sm:text-6xl">
              Made In: run a co-production weekend that makes something real
            </h1>
            <p className="max-w-2xl text-lg text-ink-soft sm:text-xl">
              Residents, council officers, designers, developers and young people spend 48 hours turning published briefs into
              something tangible. Made In runs the room, from the first brief to the 90-day check-in.
            </p>
            {!setUp ? (
              <p className="rounded-xl border-2 border-sun bg-note-yellow px-4 py-3 font-semibold">
                Made In is new here. Start by creating the first organiser account: it takes a minute.
              </p>
            ) : null}
            <div className="flex flex-col gap-3 sm:flex-row">
              {!setUp ? (
                <Link href="/setup" className="btn btn-primary px-8 text-lg">
                  Set up Made In
                </Link>
              ) : account ? (
                <Link href="/o" className="btn btn-primary px-8 text-lg">
                  Go to your events
                </Link>
              ) : (
                <Link href="/signin" className="btn btn-primary px-8 text-lg">
                  Sign in to organise
                </Link>
              )}
              <Link href="/j" className="btn btn-secondary px-8 text-lg">
                Join with a code
              </Link>
            </div>
          </div>
          <ul aria-label="Notes from a weekend's boards" className="hidden grid-cols-2 gap-5 sm:grid">
            {notes.map((note) => (
              <li
                key={note.text}
                className={`${note.colour} ${note.turn} flex aspect-square items-center rounded-md p-4 text-base leading-snug font-semibold text-ink shadow-md sm:text-lg`}
              >
                {note.text}
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="how-heading" className="border-y border-line bg-white">
          <div className="mx-auto max-w-5xl px-4 py-14">
            <h2 id="how-heading" className="text-3xl font-extrabold tracking-tight">
              How a weekend runs
            </h2>
            <ol className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
              {steps.map((step, index) => (
                <li key={step.when} className="space-y-2">
                  <p className="flex items-center gap-2">
                    <span aria-hidden className="grid h-8 w-8 place-items-center rounded-full bg-brand font-bold text-white">
                      {index + 1}
                    </span>
                    <span className="eyebrow">{step.when}</span>
                  </p>
                  <h3 className="text-lg font-bold">{step.title}</h3>
                  <p className="text-ink-soft">{step.body}</p>
                </li>
              ))}
            </ol>
          </div>
        </section>

        <section aria-labelledby="events-heading" className="mx-auto max-w-5xl px-4 py-14">
          <h2 id="events-heading" className="text-3xl font-extrabold tracking-tight">
            Coming up
          </h2>
          {comingUp.length === 0 ? (
            <p className="mt-4 text-ink-soft">No weekends are published yet. Check back soon.</p>
          ) : (
            <EventList events={comingUp} />
          )}
          {past.length > 0 ? (
            <>
              <h2 className="mt-14 text-2xl font-extrabold tracking-tight">Past weekends</h2>
              <EventList events={past} />
            </>
          ) : null}
        </section>
      </main>
    </>
  );
}

function EventList({
  events,
}: {
  events: { slug: string; name: string; place: string; startsAt: number | null; endsAt: number | null }[];
}) {
  return (
    <ul className="mt-6 grid gap-4 md:grid-cols-2">
      {events.map((event) => (
        <li key={event.slug}>
          <Link href={`/e/${event.slug}`} className="card group block h-full p-6 transition-shadow hover:shadow-md">
            <h3 className="text-xl font-bold tracking-tight break-words group-hover:underline">{event.name}</h3>
            <p className="mt-2 text-ink-soft">{formatEventDates(event.startsAt, event.endsAt)}</p>
            {event.place ? <p className="text-ink-soft break-words">{event.place}</p> : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
