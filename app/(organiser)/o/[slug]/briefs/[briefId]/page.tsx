import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { formatFileSize } from "@/app/ui/brief-view";
import { sharedDatabase } from "@/db";
import { personTag } from "@/lib/auth/pseudonym";
import { actorForEvent } from "@/lib/auth/web-session";
import { storedBriefFields } from "@/lib/briefs/brief-schema";
import { findBriefWithPack } from "@/lib/briefs/find-briefs";
import { basisOf } from "@/lib/forms/edit-basis";
import { newSubmission } from "@/lib/forms/form-submission";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { requireAccount, staffAccess } from "../../../../access";
import { BriefStatusBadge } from "../../../../badges";
import { EventBreadcrumb } from "../../../../event-breadcrumb";
import { PageShell } from "../../../../page-shell";
import { saveBriefAction } from "../actions";
import { briefEditText } from "../merge-brief";
import { BriefForm } from "./brief-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiser-briefs.page");
  return { title: t("metaTitle") };
}

type Props = { params: Promise<{ slug: string; briefId: string }> };

export default async function EditBriefPage({ params }: Props) {
  const { slug, briefId } = await params;
  const t = await getTranslations("organiser-briefs.page");
  const files = await getTranslations("ui.files");
  const locale = await getLocale();
  const account = await requireAccount(`/o/${slug}/briefs/${briefId}`);
  const { event, role } = await staffAccess(slug, account.id);
  if (!event) notFound();
  const db = await sharedDatabase();
  const brief = role ? await findBriefWithPack(db.read, event.id, briefId) : null;
  if (!brief) notFound();
  if (role !== "organiser") {
    return (
      <PageShell width="narrow">
        <div className="card space-y-4 p-6">
          <h1 className="text-2xl font-extrabold tracking-tight">{t("organisersOnly")}</h1>
          <p className="text-ink-soft">{t("readOnEventPage")}</p>
          <Link href={`/o/${slug}`} className="btn btn-primary">
            {t("backToEvent")}
          </Link>
        </div>
      </PageShell>
    );
  }
  const actor = await actorForEvent(event.id);
  const fields = storedBriefFields(brief);
  return (
    <PageShell>
      {actor ? (
        // Follows the event: another organiser's save draws the untouched fields again (typed ones stay).
        <EventConnectionProvider eventId={event.id} person={personTag(actor)} staff worksWithoutJavaScript>
          {null}
        </EventConnectionProvider>
      ) : null}
      <EventBreadcrumb event={event} here={t("breadcrumb")} />
      <header className="mb-8 space-y-3">
        <BriefStatusBadge status={brief.status} />
        <h1 className="text-3xl font-extrabold tracking-tight break-words sm:text-4xl">{brief.title}</h1>
        <p className="text-ink-soft">
          {t.rich("publishedAppear", {
            link: (chunks) => (
              <Link href={`/e/${event.slug}`} className="link">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </header>
      <BriefForm
        action={saveBriefAction.bind(null, event.slug, brief.id)}
        initial={briefEditText(fields)}
        dataLinks={fields.dataLinks}
        usefulLinks={fields.usefulLinks}
        contacts={fields.contacts}
        basis={basisOf({ ...fields, status: brief.status })}
        status={brief.status}
        eventLive={event.status !== "draft"}
        // What the public sees a file as; the uploaded name beside it is for staff only.
        files={brief.pack.files.map((file, i) => ({
          id: file.id,
          label: file.title || files("untitled", { n: i + 1 }),
          fileName: file.fileName,
          size: formatFileSize(file.size, locale),
        }))}
        submission={newSubmission()}
      />
    </PageShell>
  );
}
