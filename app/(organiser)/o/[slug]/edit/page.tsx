import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { epochToLondonLocal, formatShortDate } from "@/lib/events/event-dates";
import { findAgenda } from "@/lib/events/find-agenda";
import { offeredLocales } from "@/lib/i18n/locales";
import { retentionEndsAt } from "@/lib/privacy/retention";
import { requireAccount, staffAccess } from "../../../access";
import { EventBreadcrumb } from "../../../event-breadcrumb";
import { PageShell } from "../../../page-shell";
import { saveAgendaAction, saveEventDetails, saveEventLanguages } from "./actions";
import { AgendaForm } from "./agenda-form";
import { DeleteEventForm } from "./delete-event-form";
import { DetailsForm } from "./details-form";
import { LanguagesForm } from "./languages-form";
import { deleteEventAction, savePrivacySettings } from "./privacy-actions";
import { PrivacyForm } from "./privacy-form";

export const metadata: Metadata = { title: "Edit event" };

export default async function EditEventPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const account = await requireAccount(`/o/${slug}/edit`);
  const { event, role } = await staffAccess(slug, account.id);
  if (!event) notFound();
  if (role !== "organiser") {
    return (
      <PageShell width="narrow">
        <div className="card space-y-4 p-6">
          <h1 className="text-2xl font-extrabold tracking-tight">Only organisers can edit this event</h1>
          <p className="text-ink-soft">Ask one of its organisers to change the details or the agenda.</p>
          <Link href={`/o/${slug}`} className="btn btn-primary">
            Back to the event
          </Link>
        </div>
      </PageShell>
    );
  }
  const db = await sharedDatabase();
  const agenda = await findAgenda(db.read, event.id);
  const local = (ms: number | null) => (ms === null ? "" : epochToLondonLocal(ms));
  const t = await getTranslations("organiser.languages");

  return (
    <PageShell>
      <EventBreadcrumb event={event} here="Edit" />
      <header className="mb-8 space-y-2">
        <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">Edit event</h1>
        <p className="text-ink-soft">
          Everything here appears on the{" "}
          <Link href={`/e/${event.slug}`} className="link">
            public event page
          </Link>{" "}
          once the event is published.
        </p>
      </header>
      <div className="grid max-w-3xl gap-6">
        <section aria-labelledby="details-heading" className="card p-6">
          <h2 id="details-heading" className="mb-5 text-xl font-bold tracking-tight">
            Details
          </h2>
          <DetailsForm
            action={saveEventDetails.bind(null, event.slug)}
            initial={{
              name: event.name,
              place: event.place,
              startsAt: local(event.startsAt),
              endsAt: local(event.endsAt),
              description: event.description,
              goals: event.goals.join("\n"),
              accessInfo: event.accessInfo,
              childcare: event.childcare,
              food: event.food,
              whatToBring: event.whatToBring,
            }}
          />
        </section>
        <section aria-labelledby="agenda-heading" className="card p-6">
          <h2 id="agenda-heading" className="mb-2 text-xl font-bold tracking-tight">
            Agenda
          </h2>
          <p className="mb-5 text-ink-soft">The phases of the weekend, with their times.</p>
          <AgendaForm
            action={saveAgendaAction.bind(null, event.slug)}
            phases={agenda.map((p) => ({ id: p.id, name: p.name, startsAt: local(p.startsAt), endsAt: local(p.endsAt) }))}
          />
        </section>
        <section aria-labelledby="languages-heading" className="card p-6">
          <h2 id="languages-heading" className="mb-2 text-xl font-bold tracking-tight">
            {t("heading")}
          </h2>
          <p className="mb-5 text-ink-soft">{t("intro")}</p>
          <LanguagesForm
            action={saveEventLanguages.bind(null, event.slug)}
            offered={offeredLocales().filter((l) => !l.pseudo)}
            initial={{ language: event.language, joinLanguages: event.joinLanguages }}
          />
        </section>
        <section aria-labelledby="privacy-heading" className="card p-6">
          <h2 id="privacy-heading" className="mb-2 text-xl font-bold tracking-tight">
            Privacy
          </h2>
          <p className="mb-5 text-ink-soft">
            Shown to people in the{" "}
            <Link href={`/j/${event.joinCode}/privacy`} className="link">
              privacy notice
            </Link>{" "}
            when they join. Who looked at people's details is in the{" "}
            <Link href={`/o/${event.slug}/audit`} className="link">
              audit log
            </Link>
            .
          </p>
          <PrivacyForm
            action={savePrivacySettings.bind(null, event.slug)}
            initial={{
              dataController: event.dataController,
              privacyContact: event.privacyContact,
              retentionMonths: String(event.retentionMonths),
            }}
            eraseOn={
              event.personalDataErasedAt === null
                ? `erased on ${formatShortDate(retentionEndsAt(event))}`
                : `already erased on ${formatShortDate(event.personalDataErasedAt)}`
            }
          />
        </section>
        <section aria-labelledby="delete-heading" className="card border-2 border-danger p-6">
          <h2 id="delete-heading" className="mb-2 text-xl font-bold tracking-tight">
            Delete this event
          </h2>
          <p className="mb-5 text-ink-soft">
            Removes the event and everything in it for good: people, teams, boards and notes, votes, presentations, projects, and
            every uploaded file. Download an export first if you need a record. This can't be undone.
          </p>
          <DeleteEventForm action={deleteEventAction.bind(null, event.slug)} eventName={event.name} />
        </section>
      </div>
    </PageShell>
  );
}
