import { and, asc, eq } from "drizzle-orm";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AccountNav } from "@/app/(organiser)/account-nav";
import { SiteHeader } from "@/app/ui/brand";
import { sharedDatabase } from "@/db";
import { briefs } from "@/db/schema";
import { staffRole } from "@/lib/auth/identity";
import { currentAccount } from "@/lib/auth/web-session";
import { formatEventDates } from "@/lib/events/event-dates";
import { findEventBySlug } from "@/lib/events/find-event";
import { formatJoinCode } from "@/lib/events/join-code";

type Props = { params: Promise<{ slug: string }> };

/** The event if this visitor may see it: anyone once published, only its staff while a draft. */
async function visibleEvent(slug: string) {
  await connection();
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  if (!event) return null;
  const account = await currentAccount();
  const role = account ? await staffRole(db.read, event.id, account.id) : null;
  if (event.status === "draft" && !role) return null;
  return { event, role };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await visibleEvent((await params).slug);
  return found ? { title: found.event.name, description: found.event.description || undefined } : { title: "Not found" };
}

export default async function PublicEventPage({ params }: Props) {
  const found = await visibleEvent((await params).slug);
  if (!found) notFound();
  const { event, role } = found;
  const db = await sharedDatabase();
  const published = await db.read
    .select()
    .from(briefs)
    .where(and(eq(briefs.eventId, event.id), eq(briefs.status, "published")))
    .orderBy(asc(briefs.position), asc(briefs.createdAt));

  return (
    <>
      <SiteHeader>
        <AccountNav />
      </SiteHeader>
      {role ? (
        <div className={`border-b border-line ${event.status === "draft" ? "bg-note-yellow" : "bg-brand-soft"}`}>
          <p className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm">
            <span className="font-semibold">
              {event.status === "draft"
                ? "Draft: only the people running this event can see this page."
                : "You help run this event."}
            </span>
            <Link href={`/o/${event.slug}`} className="link">
              Manage event
            </Link>
          </p>
        </div>
      ) : null}

      <main id="main">
        <section className="bg-brand text-white">
          <div className="mx-auto max-w-5xl px-4 py-12 sm:py-16">
            <p className="text-sm font-bold tracking-widest text-sun uppercase">Co-production weekend</p>
            <h1 className="mt-3 text-4xl font-extrabold tracking-tight break-words sm:text-5xl">{event.name}</h1>
            <dl className="mt-6 grid gap-3 text-lg sm:grid-cols-2">
              <div>
                <dt className="text-sm font-semibold text-brand-soft">When</dt>
                <dd className="font-semibold">{formatEventDates(event.startsAt, event.endsAt)}</dd>
              </div>
              {event.place ? (
                <div>
                  <dt className="text-sm font-semibold text-brand-soft">Where</dt>
                  <dd className="font-semibold break-words">{event.place}</dd>
                </div>
              ) : null}
            </dl>
            {event.description ? (
              <p className="mt-6 max-w-3xl text-lg whitespace-pre-line text-white/90">{event.description}</p>
            ) : null}
            <div className="mt-8 flex flex-col gap-4 sm:flex-row sm:items-center">
              {event.status === "archived" ? (
                <p className="rounded-xl bg-white/10 px-5 py-4 font-semibold">
                  This weekend has finished. Its briefs stay here as a record.
                </p>
              ) : (
                <>
                  <Link
                    href={`/j/${event.joinCode}`}
                    className="btn bg-sun px-8 py-4 text-lg text-ink shadow-lg hover:bg-note-yellow focus-visible:outline-white"
                  >
                    Join this event
                  </Link>
                  <p className="text-white/90">
                    No account needed. In the room? Use the code{" "}
                    <span className="font-mono font-bold tracking-wider text-white">{formatJoinCode(event.joinCode)}</span>
                  </p>
                </>
              )}
            </div>
          </div>
        </section>

        <section aria-labelledby="briefs-heading" className="mx-auto max-w-5xl px-4 py-12">
          <div className="mb-6 max-w-3xl space-y-2">
            <h2 id="briefs-heading" className="text-3xl font-extrabold tracking-tight">
              The briefs
            </h2>
            <p className="text-ink-soft">
              Each brief is a challenge for one team, with clear limits and an owner who takes the work forward afterwards. Pick
              one that matters to you; you can move team at any time.
            </p>
          </div>
          {published.length === 0 ? (
            <p className="card p-6 text-ink-soft">The briefs will be published here before the weekend.</p>
          ) : (
            <ol className="grid gap-6">
              {published.map((brief, index) => (
                <li key={brief.id}>
                  <article aria-labelledby={`brief-${brief.id}`} className="card overflow-hidden">
                    <div className="border-b border-line bg-white p-6 sm:p-8">
                      <p className="eyebrow">Brief {index + 1}</p>
                      <h3 id={`brief-${brief.id}`} className="mt-1 text-2xl font-bold tracking-tight break-words">
                        {brief.title}
                      </h3>
                      {brief.ownerRole || brief.ownerOrganisation ? (
                        <p className="mt-2 text-ink-soft">
                          Owned by{" "}
                          <span className="font-semibold text-ink">
                            {[brief.ownerRole, brief.ownerOrganisation].filter(Boolean).join(", ")}
                          </span>
                        </p>
                      ) : null}
                    </div>
                    <div className="grid gap-6 p-6 sm:p-8 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
                      <dl className="space-y-4">
                        <BriefPart term="The problem" text={brief.problem} />
                        <BriefPart term="Why it matters" text={brief.whyItMatters} />
                        <BriefPart term="What success looks like" text={brief.successLooksLike} />
                      </dl>
                      <div className="rounded-xl bg-paper p-5">
                        <h4 className="mb-3 font-bold">Constraints</h4>
                        <dl className="space-y-3">
                          <BriefPart term="Budget" text={brief.budget} />
                          <BriefPart term="Timescale" text={brief.timescale} />
                          <BriefPart term="What may not change" text={brief.mayNotChange} />
                        </dl>
                      </div>
                    </div>
                  </article>
                </li>
              ))}
            </ol>
          )}
        </section>
      </main>
    </>
  );
}

function BriefPart({ term, text }: { term: string; text: string }) {
  if (!text) return null;
  return (
    <div>
      <dt className="text-sm font-bold text-ink-soft">{term}</dt>
      <dd className="mt-0.5 whitespace-pre-line break-words">{text}</dd>
    </div>
  );
}
