import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { AccountNav } from "@/app/(organiser)/account-nav";
import { SiteHeader } from "@/app/ui/brand";
import { sharedDatabase } from "@/db";
import { isSetUp } from "@/lib/accounts/first-organiser";
import { currentAccount } from "@/lib/auth/web-session";
import { listedEvents, listedEventsVersion } from "@/lib/events/listed-events";
import { localEventDates } from "@/lib/i18n/dates";
import { VersionFollower } from "@/lib/realtime/client/version-follower";

// The words live in messages/*/home.json, under these keys.
const steps = ["before", "kickOff", "weekend", "after"] as const;

const notes = [
  { key: "magic", colour: "bg-note-yellow", turn: "-rotate-3" },
  { key: "idea", colour: "bg-note-pink", turn: "rotate-2" },
  { key: "question", colour: "bg-note-blue", turn: "-rotate-1" },
  { key: "miserable", colour: "bg-note-green", turn: "rotate-3" },
] as const;

export default async function HomePage() {
  await connection();
  const db = await sharedDatabase();
  const now = Date.now();
  const [setUp, account, lists] = await Promise.all([isSetUp(db.read), currentAccount(), listedEvents(db.read, now)]);
  const { comingUp, past } = lists;
  const t = await getTranslations("home");
  const locale = await getLocale();

  return (
    <>
      <SiteHeader>
        <AccountNav />
      </SiteHeader>
      <main id="main">
        {/* The lists below follow events published, renamed, moved or ended while the page is open. */}
        <VersionFollower url="/home-version" version={listedEventsVersion(lists)} />
        <section className="mx-auto grid max-w-5xl items-center gap-12 px-4 pt-12 pb-16 sm:pt-20 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="space-y-6">
            <p className="eyebrow">{t("eyebrow")}</p>
            <h1 className="text-4xl leading-tight font-extrabold tracking-tight break-words sm:text-6xl">{t("title")}</h1>
            <p className="max-w-2xl text-lg text-ink-soft sm:text-xl">{t("intro")}</p>
            {!setUp ? (
              <p className="rounded-xl border-2 border-sun bg-note-yellow px-4 py-3 font-semibold">{t("newHere")}</p>
            ) : null}
            <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
              {!setUp ? (
                <Link href="/setup" className="btn btn-primary px-8 text-lg">
                  {t("setUp")}
                </Link>
              ) : account ? (
                <Link href="/o" className="btn btn-primary px-8 text-lg">
                  {t("yourEvents")}
                </Link>
              ) : (
                <Link href="/signin" className="btn btn-primary px-8 text-lg">
                  {t("signIn")}
                </Link>
              )}
              <Link href="/j" className="btn btn-secondary px-8 text-lg">
                {t("join")}
              </Link>
            </div>
          </div>
          <ul aria-label={t("notesLabel")} className="hidden grid-cols-2 gap-5 sm:grid">
            {notes.map((note) => (
              <li
                key={note.key}
                className={`${note.colour} ${note.turn} flex aspect-square items-center rounded-md p-4 text-base break-words hyphens-auto leading-snug font-semibold text-ink shadow-md sm:text-lg`}
              >
                {t(`notes.${note.key}`)}
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="how-heading" className="border-y border-line bg-white">
          <div className="mx-auto max-w-5xl px-4 py-14">
            <h2 id="how-heading" className="text-3xl font-extrabold tracking-tight">
              {t("howHeading")}
            </h2>
            <ol className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
              {steps.map((step, index) => (
                <li key={step} className="space-y-2">
                  <p className="flex items-center gap-2">
                    <span aria-hidden className="grid h-8 w-8 place-items-center rounded-full bg-brand font-bold text-white">
                      {index + 1}
                    </span>
                    <span className="eyebrow">{t(`steps.${step}.when`)}</span>
                  </p>
                  <h3 className="text-lg font-bold">{t(`steps.${step}.title`)}</h3>
                  <p className="text-ink-soft">{t(`steps.${step}.body`)}</p>
                </li>
              ))}
            </ol>
          </div>
        </section>

        <section aria-labelledby="events-heading" className="mx-auto max-w-5xl px-4 py-14">
          <h2 id="events-heading" className="text-3xl font-extrabold tracking-tight">
            {t("comingUp")}
          </h2>
          {comingUp.length === 0 ? (
            <p className="mt-4 text-ink-soft">{t("noEvents")}</p>
          ) : (
            <EventList events={comingUp} locale={locale} toBeAnnounced={t("datesTba")} />
          )}
          {past.length > 0 ? (
            <>
              <h2 className="mt-14 text-2xl font-extrabold tracking-tight">{t("past")}</h2>
              <EventList events={past} locale={locale} toBeAnnounced={t("datesTba")} />
            </>
          ) : null}
        </section>
      </main>
    </>
  );
}

function EventList({
  events,
  locale,
  toBeAnnounced,
}: {
  events: { slug: string; name: string; place: string; startsAt: number | null; endsAt: number | null }[];
  locale: string;
  toBeAnnounced: string;
}) {
  return (
    <ul className="mt-6 grid gap-4 md:grid-cols-2">
      {events.map((event) => (
        <li key={event.slug}>
          <Link href={`/e/${event.slug}`} className="card group block h-full p-6 transition-shadow hover:shadow-md">
            <h3 className="text-xl font-bold tracking-tight break-words group-hover:underline">{event.name}</h3>
            <p className="mt-2 text-ink-soft">{localEventDates(locale, event.startsAt, event.endsAt, toBeAnnounced)}</p>
            {event.place ? <p className="text-ink-soft break-words">{event.place}</p> : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
