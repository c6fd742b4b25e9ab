import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { HeldOutPage } from "@/app/(participant)/p/[slug]/held-out-page";
import { PhoneShell } from "@/app/(participant)/phone-shell";
import { phoneVisitor } from "@/app/(participant)/phone-visitor";
import { ConnectionPill } from "@/app/live/status";
import { BriefBody, OwnerLine, PackView, packIsEmpty } from "@/app/ui/brief-view";
import { sharedDatabase } from "@/db";
import { isStaff } from "@/lib/auth/actor";
import { findBriefWithPack } from "@/lib/briefs/find-briefs";
import { findReframes, findTeamOf } from "@/lib/briefs/find-reframes";
import { canSeeBrief } from "@/lib/briefs/visibility";
import { findEventBySlug } from "@/lib/events/find-event";
import { newSubmission } from "@/lib/forms/form-submission";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { localDayTime } from "@/lib/i18n/dates";
import { sayName } from "@/lib/participants/profile-facts";
import { ReframesFollower } from "@/lib/realtime/client/refresh";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { reframeBriefAction } from "./actions";
import { ReframeForm } from "./reframe-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("brief"))("metaTitle") };
}

type Props = { params: Promise<{ slug: string; briefId: string }> };

/**
 * A brief and its project pack during the weekend, one tap from the team's board; the team
 * may "tear up the brief" here. Reframes sit beside the original, which never changes.
 */
export default async function TeamBriefPage({ params }: Props) {
  const { slug, briefId } = await params;
  const t = await getTranslations("brief");
  const names = await getTranslations("notes.writtenNames");
  const locale = await getLocale();
  const when = (ms: number) => localDayTime(locale, ms);
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  if (!event) notFound();
  const { actor, heldOut, person } = await phoneVisitor(event);
  if (heldOut) return <HeldOutPage event={event} why={heldOut} person={person} />;
  const staff = isStaff(actor);
  const brief = await findBriefWithPack(db.read, event.id, briefId);
  if (!brief || !canSeeBrief({ isStaff: staff, eventStatus: event.status, briefStatus: brief.status })) notFound();

  const [teams, myTeam] = await Promise.all([
    findReframes(db.read, event.id, brief.id),
    actor.kind === "participant" ? findTeamOf(db.read, event.id, actor.participantId) : null,
  ]);
  const mine = myTeam?.briefId === brief.id ? myTeam : null;
  const reframed = teams.filter((t) => t.reframes.length > 0);
  const canWrite = staff ? teams.length > 0 : mine !== null;
  const myCurrent = mine ? (teams.find((t) => t.id === mine.id)?.reframes[0]?.id ?? null) : null;

  return (
    <ClientMessages area="brief">
      <EventConnectionProvider eventId={event.id} person={person}>
        <ReframesFollower briefId={brief.id} participant={actor.kind === "participant"} />
        <PhoneShell aside={<ConnectionPill />}>
          <div className="space-y-6">
            <Link href={`/p/${event.slug}`} className="link inline-flex min-h-11 items-center">
              <span aria-hidden className="me-1">
                ←
              </span>
              {t("back")}
            </Link>
            <header>
              <p className="eyebrow">{mine ? t("yourBrief", { team: mine.name }) : event.name}</p>
              <h1 className="mt-1 text-3xl font-extrabold tracking-tight break-words">{brief.title}</h1>
              <OwnerLine brief={brief} />
            </header>

            <section aria-labelledby="problem-heading" className="card space-y-4 p-5">
              <h2 id="problem-heading" className="text-xl font-bold tracking-tight">
                {t("problemTitle")}
              </h2>
              <div data-testid="original-problem">
                <p className="text-sm font-bold text-ink-soft">{t("asWritten")}</p>
                <p className="mt-1 whitespace-pre-line break-words">{brief.problem || t("noProblem")}</p>
              </div>
              {reframed.map((team) => {
                const [latest, ...earlier] = team.reframes;
                return (
                  <div key={team.id} className="rounded-xl border-2 border-coral bg-note-orange/40 p-4" data-testid="reframe">
                    <p className="text-sm font-bold text-ink">
                      {t("reframedBy", { team: team.name, mine: team.id === mine?.id ? "yes" : "no" })}
                    </p>
                    <p className="mt-1 text-lg font-semibold whitespace-pre-line break-words">{latest!.text}</p>
                    <p className="mt-2 text-sm text-ink-soft">
                      {sayName(latest!.authorName, (k, v) => names(k, v))}, {when(latest!.createdAt)}
                    </p>
                    {earlier.length ? (
                      <details className="mt-3">
                        <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold">
                          <span aria-hidden className="me-1">
                            ▸
                          </span>
                          {t("earlierVersions", { count: earlier.length })}
                        </summary>
                        <ol className="mt-2 space-y-3">
                          {earlier.map((r) => (
                            <li key={r.id} className="border-s-4 border-line ps-3">
                              <p className="whitespace-pre-line break-words">{r.text}</p>
                              <p className="text-sm text-ink-soft">
                                {sayName(r.authorName, (k, v) => names(k, v))}, {when(r.createdAt)}
                              </p>
                            </li>
                          ))}
                        </ol>
                      </details>
                    ) : null}
                  </div>
                );
              })}
            </section>

            {canWrite ? (
              <section aria-labelledby="reframe-heading" className="card space-y-3 p-5">
                <h2 id="reframe-heading" className="text-xl font-bold tracking-tight">
                  {t("reframeTitle")}
                </h2>
                <ReframeForm
                  action={reframeBriefAction.bind(null, event.slug, brief.id)}
                  teams={staff ? teams.map((t) => ({ id: t.id, name: t.name })) : null}
                  current={myCurrent}
                  submission={newSubmission()}
                />
              </section>
            ) : null}

            <section aria-labelledby="brief-heading" className="card space-y-4 p-5">
              <h2 id="brief-heading" className="text-xl font-bold tracking-tight">
                {t("restTitle")}
              </h2>
              <BriefBody brief={brief} level={2} withProblem={false} />
            </section>

            {packIsEmpty(brief) ? null : (
              <section aria-labelledby="pack-heading" className="card space-y-4 p-5">
                <h2 id="pack-heading" className="text-xl font-bold tracking-tight">
                  {t("packTitle")}
                </h2>
                <PackView brief={brief} level={2} />
              </section>
            )}
          </div>
        </PhoneShell>
      </EventConnectionProvider>
    </ClientMessages>
  );
}
