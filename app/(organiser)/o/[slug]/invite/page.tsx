import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { personTag } from "@/lib/auth/pseudonym";
import { actorForEvent } from "@/lib/auth/web-session";
import { sharedMailer } from "@/lib/email/mailer";
import { newSubmission } from "@/lib/forms/form-submission";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { requireAccount, staffAccess } from "../../../access";
import { EventBreadcrumb } from "../../../event-breadcrumb";
import { PageShell } from "../../../page-shell";
import { createInviteAction } from "../actions";
import { InviteForm } from "../invite-form";

export async function generateMetadata() {
  const t = await getTranslations("organiser.invite");
  return { title: t("title") };
}

/** Reached from the console's "Add a facilitator": the invitation, with role and expiry, and the way back. */
export default async function AddFacilitatorPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const account = await requireAccount(`/o/${slug}/invite`);
  const { event, role } = await staffAccess(slug, account.id);
  // Someone outside the event learns nothing of it here.
  if (!event || !role) notFound();
  const t = await getTranslations("organiser.invite");
  const actor = await actorForEvent(event.id);
  const back = (
    <Link href={`/f/${event.slug}`} className="btn btn-secondary">
      {t("back")}
    </Link>
  );
  return (
    <PageShell width="narrow">
      {/* Follows the event's name, and this person's access: taken off the staff, the page says so at once. */}
      {actor ? <EventConnectionProvider eventId={event.id} person={personTag(actor)} staff worksWithoutJavaScript /> : null}
      <EventBreadcrumb event={event} here={t("here")} />
      <div className="card space-y-5 p-6 sm:p-8">
        <div className="space-y-2">
          <p className="eyebrow">{t("eyebrow")}</p>
          <h1 className="text-3xl font-extrabold tracking-tight">{t("heading")}</h1>
        </div>
        {role === "organiser" ? (
          <>
            <p className="text-ink-soft">{t("intro", { event: event.name })}</p>
            <InviteForm
              action={createInviteAction.bind(null, event.slug)}
              emailOn={sharedMailer() !== null}
              submission={newSubmission()}
            />
          </>
        ) : (
          <p className="text-ink-soft">{t("organisersOnly")}</p>
        )}
        {back}
      </div>
    </PageShell>
  );
}
