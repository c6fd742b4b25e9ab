import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { personTag } from "@/lib/auth/pseudonym";
import { actorForEvent } from "@/lib/auth/web-session";
import { agendaForMerge } from "@/lib/events/agenda";
import { epochToLondonLocal } from "@/lib/events/event-dates";
import { eventDetailsFormValues, storedEventDetails } from "@/lib/events/event-details";
import { findAgenda } from "@/lib/events/find-agenda";
import { basisOf } from "@/lib/forms/edit-basis";
import { localShortDate } from "@/lib/i18n/dates";
import { offeredLocales } from "@/lib/i18n/locales";
import { privacyFormText, storedPrivacySettings } from "@/lib/privacy/privacy-settings";
import { retentionEndsAt } from "@/lib/privacy/retention";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { requireAccount, staffAccess } from "../../../access";
import { EventBreadcrumb } from "../../../event-breadcrumb";
import { PageForm } from "../../../page-form";
import { PageShell } from "../../../page-shell";
import { saveEventEditor } from "./actions";
import { AgendaForm } from "./agenda-form";
import { DeleteEventForm } from "./delete-event-form";
import { DetailsForm } from "./details-form";
import { LanguagesForm } from "./languages-form";
import { outsideDates } from "./outside-dates";
import { deleteEventAction } from "./privacy-actions";
import { PrivacyForm } from "./privacy-form";
import { editorParts } from "./section-saves";

export async function generateMetadata() {
  const t = await getTranslations("organiser.edit");
  return { title: t("title") };
}

export default async function EditEventPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const account = await requireAccount(`/o/${slug}/edit`);
  const { event, role } = await staffAccess(slug, account.id);
  if (!event) notFound();
  const te = await getTranslations("organiser.edit");
  if (role !== "organiser") {
    const shell = await getTranslations("organiser.shell");
    // A facilitator comes here from the console (an old page, a bookmark): that is where they go back to.
    return (
      <PageShell width="narrow">
        <div className="card space-y-4 p-6">
          <h1 className="text-2xl font-extrabold tracking-tight">{te("onlyOrganisers")}</h1>
          <p className="text-ink-soft">{te("onlyOrganisersBody")}</p>
          <Link href={role ? `/f/${slug}` : `/o/${slug}`} className="btn btn-primary">
            {role ? shell("backToConsole") : shell("backToEvent")}
          </Link>
        </div>
      </PageShell>
    );
  }
  const actor = await actorForEvent(event.id);
  const db = await sharedDatabase();
  const agenda = await findAgenda(db.read, event.id);
  // Phases the event's dates moved away from (they are kept): said above the agenda until they are moved.
  const stranded = await outsideDates(agenda, event);
  const local = (ms: number | null) => (ms === null ? "" : epochToLondonLocal(ms));
  const details = storedEventDetails(event);
  const privacy = storedPrivacySettings(event);
  const t = await getTranslations("organiser.languages");
  const locale = await getLocale();

  return (
    <PageShell>
      {actor ? (
        // Follows the event: another organiser's save draws the untouched fields again (typed ones stay).
        <EventConnectionProvider eventId={event.id} person={personTag(actor)} staff worksWithoutJavaScript>
          {null}
        </EventConnectionProvider>
      ) : null}
      <EventBreadcrumb event={event} here={te("here")} />
      <header className="mb-8 space-y-2">
        <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">{te("heading")}</h1>
        <p className="text-ink-soft">
          {te.rich("intro", {
            link: (chunks) => (
              <Link href={`/e/${event.slug}`} className="link">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </header>
      <div className="grid max-w-3xl gap-6">
        <PageForm action={saveEventEditor.bind(null, event.slug)} parts={editorParts} className="grid gap-6">
          <section aria-labelledby="details-heading" className="card p-6">
            <h2 id="details-heading" className="mb-5 text-xl font-bold tracking-tight">
              {te("detailsHeading")}
            </h2>
            <DetailsForm initial={eventDetailsFormValues(details)} basis={basisOf(details)} />
          </section>
          <section aria-labelledby="agenda-heading" className="card p-6">
            <h2 id="agenda-heading" className="mb-2 text-xl font-bold tracking-tight">
              {te("agendaHeading")}
            </h2>
            <p className="mb-5 text-ink-soft">{te("agendaIntro")}</p>
            {stranded ? (
              <p className="mb-5 rounded-xl bg-note-yellow p-3 font-semibold" data-testid="agenda-outside-dates">
                {te("agendaOutsideDates", { dates: stranded.dates, phases: stranded.names })}
              </p>
            ) : null}
            <AgendaForm
              phases={agenda.map((p) => ({ id: p.id, name: p.name, startsAt: local(p.startsAt), endsAt: local(p.endsAt) }))}
              basis={basisOf(agendaForMerge(agenda))}
            />
          </section>
          <section aria-labelledby="languages-heading" className="card p-6">
            <h2 id="languages-heading" className="mb-2 text-xl font-bold tracking-tight">
              {t("heading")}
            </h2>
            <p className="mb-5 text-ink-soft">{t("intro")}</p>
            <LanguagesForm
              offered={offeredLocales().filter((l) => !l.pseudo)}
              initial={{ language: event.language, joinLanguages: event.joinLanguages }}
              basis={basisOf({ language: event.language, joinLanguages: event.joinLanguages })}
            />
          </section>
          <section aria-labelledby="privacy-heading" className="card p-6">
            <h2 id="privacy-heading" className="mb-2 text-xl font-bold tracking-tight">
              {te("privacyHeading")}
            </h2>
            <p className="mb-5 text-ink-soft">
              {te.rich("privacyIntro", {
                notice: (chunks) => (
                  <Link href={`/j/${event.joinCode}/privacy`} className="link">
                    {chunks}
                  </Link>
                ),
                audit: (chunks) => (
                  <Link href={`/o/${event.slug}/audit`} className="link">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
            <PrivacyForm
              initial={privacyFormText(privacy)}
              basis={basisOf(privacy)}
              eraseOn={
                event.personalDataErasedAt === null
                  ? te("erasedOn", { date: localShortDate(locale, retentionEndsAt(event)) })
                  : te("alreadyErased", { date: localShortDate(locale, event.personalDataErasedAt) })
              }
            />
          </section>
        </PageForm>
        <section aria-labelledby="delete-heading" className="card border-2 border-danger p-6">
          <h2 id="delete-heading" className="mb-2 text-xl font-bold tracking-tight">
            {te("deleteHeading")}
          </h2>
          <p className="mb-5 text-ink-soft">{te("deleteIntro")}</p>
          <DeleteEventForm action={deleteEventAction.bind(null, event.slug)} eventName={event.name} />
        </section>
      </div>
    </PageShell>
  );
}
