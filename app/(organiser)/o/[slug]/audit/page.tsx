import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { sharedDatabase } from "@/db";
import { formatShortDate, formatTime } from "@/lib/events/event-dates";
import { findCsvTable } from "@/lib/exports/csv-tables";
import { auditActionLabel, findAudit } from "@/lib/privacy/audit";
import { retentionLabel } from "@/lib/privacy/retention";
import { requireAccount, staffAccess } from "../../../access";
import { EventBreadcrumb } from "../../../event-breadcrumb";
import { PageShell } from "../../../page-shell";

export const metadata: Metadata = { title: "Audit log" };

const exportNames: Record<string, string> = {
  json: "the event as JSON",
  markdown: "the Markdown report",
  archive: "everything with the files (zip)",
};

/** The subject in words: which export, how many people, which role. Ids stay as they are. */
function describe(action: string, subject: string) {
  if (action === "export.downloaded") {
    if (subject.startsWith("csv:")) return `Table: ${findCsvTable(subject.slice(4))?.title ?? subject.slice(4)} (CSV)`;
    return exportNames[subject] ? `File: ${exportNames[subject]}` : subject;
  }
  const facts = Object.fromEntries(subject.split(" ").map((part) => part.split(/:(.*)/s).slice(0, 2)));
  if (action === "participants.details_viewed") return `${facts.people ?? "?"} people listed`;
  if (action === "privacy.settings_changed") {
    const months = Number(facts["retention-months"]);
    return Number.isFinite(months) ? `Keep people's details for ${retentionLabel(months)}` : subject;
  }
  if (action === "retention.swept")
    return `${facts.participants ?? "?"} people pseudonymised, ${facts.photos ?? "?"} photos deleted`;
  if (action === "staff.role_granted") return `As ${facts.role ?? "staff"}, by invitation`;
  if (action === "event.deleted") return `${facts.files ?? "?"} files removed`;
  return subject;
}

/** Every staff access to this event's personal data, newest first: for its organisers only. */
export default async function AuditPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const account = await requireAccount(`/o/${slug}/audit`);
  const { event, role } = await staffAccess(slug, account.id);
  if (!event) notFound();
  if (role !== "organiser") {
    return (
      <PageShell width="narrow">
        <div className="card space-y-4 p-6">
          <h1 className="text-2xl font-extrabold tracking-tight">Only organisers can read the audit log</h1>
          <p className="text-ink-soft">It records who looked at people's personal details; ask one of the event's organisers.</p>
          <Link href={`/o/${slug}`} className="btn btn-primary">
            Back to the event
          </Link>
        </div>
      </PageShell>
    );
  }
  const entries = await findAudit((await sharedDatabase()).read, event.id);

  return (
    <PageShell>
      <EventBreadcrumb event={event} here="Audit log" />
      <header className="mb-8 max-w-3xl space-y-2">
        <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">Audit log</h1>
        <p className="text-ink-soft">
          Every time someone running this event opened people's private details, downloaded an export, joined the staff, changed
          the privacy settings, or personal data was erased. It says who and when, never the data itself. Each entry is kept for
          the event's retention period ({retentionLabel(event.retentionMonths)} after the event, or after the entry if later).
        </p>
      </header>
      {entries.length === 0 ? (
        <p className="card p-6 text-ink-soft">Nobody has opened people's details or downloaded an export yet.</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="w-full min-w-[40rem] text-start">
            <caption className="sr-only">Staff access to personal data, newest first</caption>
            <thead className="border-b-2 border-line text-sm text-ink-soft">
              <tr>
                <th scope="col" className="px-4 py-3">
                  When
                </th>
                <th scope="col" className="px-4 py-3">
                  Who
                </th>
                <th scope="col" className="px-4 py-3">
                  What
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {entries.map((e) => (
                <tr key={e.id} className="align-top" data-testid="audit-entry">
                  <td className="px-4 py-3 whitespace-nowrap">
                    {formatShortDate(e.createdAt)}, {formatTime(e.createdAt)}
                  </td>
                  <td className="px-4 py-3">
                    {e.accountId === null ? (
                      <span className="text-ink-soft">Automatic retention sweep</span>
                    ) : (
                      <>
                        <span className="block font-semibold break-words">
                          {e.accountName ?? "A deleted account"}
                          {e.accountId === account.id ? <span className="font-normal text-ink-soft"> (you)</span> : null}
                        </span>
                        <span className="block font-mono text-xs break-all text-ink-soft">{e.accountId}</span>
                      </>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    <span className="block font-semibold">{auditActionLabel(e.action)}</span>
                    <span className="block text-sm text-ink-soft">{describe(e.action, e.subject)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PageShell>
  );
}
