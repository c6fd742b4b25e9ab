import { asc, desc, eq } from "drizzle-orm";
import Link from "next/link";
import { notFound } from "next/navigation";
import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { accounts, eventStaff } from "@/db/schema";
import { personTag } from "@/lib/auth/pseudonym";
import { actorForEvent } from "@/lib/auth/web-session";
import { findBriefs } from "@/lib/briefs/find-briefs";
import { sharedMailer } from "@/lib/email/mailer";
import { formatJoinCode } from "@/lib/events/join-code";
import { newSubmission } from "@/lib/forms/form-submission";
import { localEventDates, localShortDate } from "@/lib/i18n/dates";
import { listPendingInvites } from "@/lib/invites/find-invite";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { rooms } from "@/lib/realtime/rooms";
import { currentSeq } from "@/lib/realtime/sequence";
import { phoneBaseUrl } from "@/lib/server/phone-url";
import { publicBaseUrl } from "@/lib/server/public-url";
import { requireAccount, staffAccess } from "../../access";
import { BriefStatusBadge, RoleBadge, StatusBadge } from "../../badges";
import { PageShell } from "../../page-shell";
import { changeEventStatus, createInviteAction, removeStaffAction, revokeInviteAction } from "./actions";
import { createBriefAction, moveBriefAction } from "./briefs/actions";
import { CreateBriefForm } from "./briefs/create-brief-form";
import { EventPageFollower } from "./event-page-follower";
import { InviteForm } from "./invite-form";
import { regenerateJoinCodeAction } from "./join-code-actions";
import { JoinCodeForm } from "./join-code-form";
import { StatusForm } from "./status-form";

export async function generateMetadata() {
  const t = await getTranslations("organiser.event");
  return { title: t("title") };
}

export default async function EventAdminPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const account = await requireAccount(`/o/${slug}`);
  const { event, role } = await staffAccess(slug, account.id);
  if (!event) notFound();
  if (!role) return <NoAccess name={account.name} email={account.email} />;

  const actor = await actorForEvent(event.id);
  const db = await sharedDatabase();
  const base = await publicBaseUrl();
  // What participants are sent must open on their phones: on a laptop opened as localhost that
  // is the laptop's address on the network, as the big screen shows (staff links stay as opened).
  const forPhones = (await phoneBaseUrl()).base;
  const isOrganiser = role === "organiser";
  // Before the staff and invitations: a change after this number and before those reads is drawn, and fetched again.
  const drawnSeq = await currentSeq(db.read, rooms.staff(event.id));
  const [staff, pending] = isOrganiser
    ? await Promise.all([
        db.read
          .select({ id: accounts.id, name: accounts.name, email: accounts.email, role: eventStaff.role })
          .from(eventStaff)
          .innerJoin(accounts, eq(accounts.id, eventStaff.accountId))
          .where(eq(eventStaff.eventId, event.id))
          .orderBy(desc(eventStaff.role), asc(eventStaff.createdAt)),
        listPendingInvites(db.read, event.id),
      ])
    : [[], []];
  const eventBriefs = await findBriefs(db.read, event.id, { publishedOnly: false });
  const t = await getTranslations("organiser");
  const locale = await getLocale();

  const links = [
    { href: `/e/${event.slug}`, label: t("event.links.publicLabel"), about: t("event.links.publicAbout"), base: forPhones },
    { href: `/j/${event.joinCode}`, label: t("event.links.joinLabel"), about: t("event.links.joinAbout"), base: forPhones },
    { href: `/s/${event.slug}`, label: t("event.links.screenLabel"), about: t("event.links.screenAbout") },
    { href: `/f/${event.slug}`, label: t("event.links.consoleLabel"), about: t("event.links.consoleAbout") },
    {
      href: `/f/${event.slug}/presentations`,
      label: t("event.links.presentationsLabel"),
      about: t("event.links.presentationsAbout"),
    },
    {
      href: `/f/${event.slug}/presentations/results`,
      label: t("event.links.resultsLabel"),
      about: t("event.links.resultsAbout"),
    },
  ];

  return (
    <PageShell>
      {actor ? (
        <EventConnectionProvider eventId={event.id} person={personTag(actor)} staff worksWithoutJavaScript>
          <EventPageFollower drawnSeq={drawnSeq} />
        </EventConnectionProvider>
      ) : null}
      <nav aria-label={t("shell.breadcrumb")} className="mb-4 text-sm">
        <Link href="/o" className="link">
          {t("shell.yourEvents")}
        </Link>
        <span aria-hidden className="mx-2 text-ink-soft">
          /
        </span>
        <span className="text-ink-soft">{event.name}</span>
      </nav>

      <header className="mb-8 space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={event.status} />
          <RoleBadge role={role} />
        </div>
        <h1 className="text-3xl font-extrabold tracking-tight break-words sm:text-4xl">{event.name}</h1>
        <p className="text-lg text-ink-soft">
          {localEventDates(locale, event.startsAt, event.endsAt, t("events.datesTba"))}
          {event.place ? ` · ${event.place}` : ""}
        </p>
        {isOrganiser ? (
          <div className="flex flex-wrap gap-2">
            <Link href={`/o/${event.slug}/edit`} className="btn btn-secondary">
              {t("event.edit")}
            </Link>
            <Link href={`/o/${event.slug}/review`} className="btn btn-secondary">
              {t("event.review")}
            </Link>
            <Link href={`/o/${event.slug}/projects`} className="btn btn-secondary">
              {t("event.projects")}
            </Link>
            <Link href={`/o/${event.slug}/audit`} className="btn btn-secondary">
              {t("event.audit")}
            </Link>
          </div>
        ) : null}
        {query.imported === "1" ? (
          <ImportedNotice carried={count(query.files)} missing={count(query.missing)} follows={followedIn(query)} />
        ) : null}
      </header>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section aria-labelledby="share-heading" className="card space-y-5 p-6 lg:col-span-2">
          <div className="flex flex-col gap-5 md:flex-row md:items-center md:justify-between">
            <div>
              <h2 id="share-heading" className="text-xl font-bold tracking-tight">
                {t("event.shareHeading")}
              </h2>
              <p className="text-ink-soft">
                {t.rich("event.shareBody", {
                  address: `${forPhones.replace(/^https?:\/\//, "")}/j`,
                  strong: (chunks) => <span className="font-semibold text-ink">{chunks}</span>,
                })}
              </p>
            </div>
            <p className="shrink-0 rounded-2xl bg-sun px-6 py-3 text-center">
              <span className="block text-xs font-bold tracking-widest text-ink uppercase">{t("event.joinCode")}</span>
              <span className="block font-mono text-4xl font-extrabold tracking-wider text-ink" data-testid="join-code">
                {formatJoinCode(event.joinCode)}
              </span>
            </p>
          </div>
          {isOrganiser ? <JoinCodeForm action={regenerateJoinCodeAction.bind(null, event.slug)} /> : null}
          <ul className="grid gap-3 sm:grid-cols-2">
            {links.map((link) => (
              <li key={link.href} className="rounded-xl border border-line p-4">
                <Link href={link.href} className="link text-lg">
                  {link.label}
                </Link>
                <p className="mt-1 text-sm text-ink-soft">{link.about}</p>
                <p className="mt-1 font-mono text-sm [overflow-wrap:anywhere] text-ink-soft">{`${"base" in link ? link.base : base}${link.href}`}</p>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="briefs-heading" className="card space-y-5 p-6 lg:col-span-2">
          <div>
            <h2 id="briefs-heading" className="text-xl font-bold tracking-tight">
              {t("event.briefsHeading")}
            </h2>
            <p className="text-ink-soft">{t("event.briefsIntro")}</p>
          </div>
          {eventBriefs.length === 0 ? (
            <p className="text-ink-soft">{t("event.noBriefs")}</p>
          ) : (
            <ol className="divide-y divide-line rounded-xl border border-line">
              {eventBriefs.map((brief, index) => (
                <li key={brief.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                  <span className="flex min-w-0 items-center gap-3">
                    <span className="w-6 shrink-0 text-end font-bold text-ink-soft">{index + 1}</span>
                    <span className="min-w-0">
                      {isOrganiser ? (
                        <Link href={`/o/${event.slug}/briefs/${brief.id}`} className="link break-words text-lg">
                          {brief.title}
                        </Link>
                      ) : (
                        <span className="font-semibold break-words text-lg">{brief.title}</span>
                      )}
                      <span className="ms-2 align-middle">
                        <BriefStatusBadge status={brief.status} />
                      </span>
                    </span>
                  </span>
                  {isOrganiser ? (
                    <span className="flex flex-wrap gap-2">
                      {(["up", "down"] as const).map((direction) => (
                        <form key={direction} action={moveBriefAction.bind(null, event.slug)}>
                          <input type="hidden" name="briefId" value={brief.id} />
                          <input type="hidden" name="direction" value={direction} />
                          <button
                            type="submit"
                            className="btn btn-secondary min-h-11 py-2 text-sm"
                            disabled={direction === "up" ? index === 0 : index === eventBriefs.length - 1}
                            aria-label={t(direction === "up" ? "event.moveBriefUp" : "event.moveBriefDown", {
                              title: brief.title,
                            })}
                          >
                            <span aria-hidden>{direction === "up" ? "↑" : "↓"}</span>{" "}
                            {direction === "up" ? t("event.up") : t("event.down")}
                          </button>
                        </form>
                      ))}
                    </span>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          {isOrganiser ? (
            <CreateBriefForm action={createBriefAction.bind(null, event.slug)} submission={newSubmission()} />
          ) : null}
        </section>

        {isOrganiser ? (
          <>
            <section aria-labelledby="status-heading" className="card p-6">
              <h2 id="status-heading" className="mb-4 text-xl font-bold tracking-tight">
                {t("event.statusHeading")}
              </h2>
              <StatusForm action={changeEventStatus.bind(null, event.slug)} status={event.status} />
            </section>

            <section aria-labelledby="staff-heading" className="card p-6">
              <h2 id="staff-heading" className="mb-4 text-xl font-bold tracking-tight">
                {t("event.staffHeading")}
              </h2>
              <ul className="divide-y divide-line">
                {staff.map((person) => (
                  <li key={person.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                    <span className="min-w-0">
                      <span className="block font-semibold break-words">
                        {person.name}
                        {person.id === account.id ? <span className="font-normal text-ink-soft"> {t("shell.you")}</span> : null}
                      </span>
                      <span className="block text-sm break-all text-ink-soft">{person.email}</span>
                    </span>
                    <span className="flex flex-wrap items-center gap-2">
                      <RoleBadge role={person.role} />
                      {person.id === account.id ? null : (
                        // A disclosure, so removing asks twice with or without JavaScript.
                        <details className="group">
                          <summary className="btn btn-secondary min-h-11 cursor-pointer list-none py-2 text-sm">
                            {t("event.removeStaff")}
                            <span className="sr-only"> {person.name}</span>
                          </summary>
                          <form action={removeStaffAction.bind(null, event.slug)} className="mt-2">
                            <input type="hidden" name="accountId" value={person.id} />
                            <button type="submit" className="btn btn-danger min-h-11 py-2 text-sm">
                              {t("event.removeStaffConfirm", { name: person.name })}
                            </button>
                            {person.role === "organiser" ? (
                              // Only organisers make invitation links.
                              <p className="mt-1 max-w-xs text-sm text-ink-soft">{t("event.removeStaffInvites")}</p>
                            ) : null}
                          </form>
                        </details>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            </section>

            <section aria-labelledby="invite-heading" className="card space-y-5 p-6 lg:col-span-2">
              <div>
                <h2 id="invite-heading" className="text-xl font-bold tracking-tight">
                  {t("event.inviteHeading")}
                </h2>
                <p className="text-ink-soft">{t("event.inviteIntro")}</p>
              </div>
              <div className="grid gap-8 lg:grid-cols-2">
                <InviteForm
                  action={createInviteAction.bind(null, event.slug)}
                  emailOn={sharedMailer() !== null}
                  submission={newSubmission()}
                />
                <div>
                  <h3 className="mb-3 font-bold">{t("event.pendingHeading")}</h3>
                  {pending.length === 0 ? (
                    <p className="text-ink-soft">{t("event.noPending")}</p>
                  ) : (
                    <ul className="divide-y divide-line rounded-xl border border-line">
                      {pending.map((invite) => {
                        const expires = localShortDate(locale, invite.expiresAt);
                        return (
                          <li key={invite.tokenHash} className="flex flex-wrap items-center justify-between gap-3 p-3">
                            <span className="text-sm">
                              <span className="block font-semibold text-base">
                                {t("event.pendingRole", { role: invite.role })}
                              </span>
                              <span className="block text-ink-soft">
                                {invite.createdByName
                                  ? t("event.pendingFrom", { name: invite.createdByName, date: expires })
                                  : t("event.pendingExpires", { date: expires })}
                              </span>
                            </span>
                            <form action={revokeInviteAction.bind(null, event.slug)}>
                              <input type="hidden" name="tokenHash" value={invite.tokenHash} />
                              <button
                                type="submit"
                                className="btn btn-secondary min-h-11 py-2 text-sm"
                                aria-label={t("event.revokeLabel", {
                                  role: invite.role,
                                  date: localShortDate(locale, invite.createdAt),
                                })}
                              >
                                {t("event.revoke")}
                              </button>
                            </form>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </div>
              </div>
            </section>
          </>
        ) : (
          <p className="card p-6 text-ink-soft lg:col-span-2">{t("event.facilitatorNote")}</p>
        )}
      </div>
    </PageShell>
  );
}

function NoAccess({ name, email }: { name: string; email: string }) {
  const t = useTranslations("organiser.event");
  return (
    <PageShell width="narrow">
      <div className="card space-y-4 p-6 sm:p-8">
        <p className="eyebrow text-danger">{t("noAccessEyebrow")}</p>
        <h1 className="text-3xl font-extrabold tracking-tight">{t("noAccessHeading")}</h1>
        <p className="text-ink-soft">{t("noAccessBody", { name, email })}</p>
        <Link href="/o" className="btn btn-primary">
          {t("goToEvents")}
        </Link>
      </div>
    </PageShell>
  );
}

const count = (value: string | string[] | undefined) =>
  typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 0;

/** The event an imported catch-up followed in its file, and whether it follows it here; only a slug's characters are shown. */
function followedIn(query: Record<string, string | string[] | undefined>) {
  const { follows, followed } = query;
  if ((follows !== "linked" && follows !== "unlinked") || typeof followed !== "string") return null;
  return /^[a-z0-9-]{1,100}$/.test(followed) ? { linked: follows === "linked", slug: followed } : null;
}

/** Said once, after an import: it is a draft, whether the photos and files came with it, and whether a catch-up still follows its weekend. */
function ImportedNotice({
  carried,
  missing,
  follows,
}: {
  carried: number;
  missing: number;
  follows: { linked: boolean; slug: string } | null;
}) {
  const t = useTranslations("organiser.event");
  return (
    <div role="status" className="card space-y-1 p-4" data-testid="imported-notice">
      <p className="font-semibold">{t("imported")}</p>
      {carried > 0 ? <p>{t("importedCarried", { count: carried })}</p> : null}
      {missing > 0 ? <p>{t("importedMissing", { count: missing })}</p> : null}
      {follows ? <p>{t(follows.linked ? "importedFollows" : "importedFollowsNone", { slug: follows.slug })}</p> : null}
    </div>
  );
}
