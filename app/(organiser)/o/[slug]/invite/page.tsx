import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { sharedMailer } from "@/lib/email/mailer";
import { requireAccount, staffAccess } from "../../../access";
import { EventBreadcrumb } from "../../../event-breadcrumb";
import { PageShell } from "../../../page-shell";
import { createInviteAction } from "../actions";
import { InviteForm } from "../invite-form";

export const metadata: Metadata = { title: "Add a facilitator" };

/** Reached from the console's "Add a facilitator": the invitation, with role and expiry, and the way back. */
export default async function AddFacilitatorPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const account = await requireAccount(`/o/${slug}/invite`);
  const { event, role } = await staffAccess(slug, account.id);
  // Someone outside the event learns nothing of it here.
  if (!event || !role) notFound();
  const back = (
    <Link href={`/f/${event.slug}`} className="btn btn-secondary">
      Back to the console
    </Link>
  );
  return (
    <PageShell width="narrow">
      <EventBreadcrumb event={event} here="Add a facilitator" />
      <div className="card space-y-5 p-6 sm:p-8">
        <div className="space-y-2">
          <p className="eyebrow">Running the room together</p>
          <h1 className="text-3xl font-extrabold tracking-tight">Add a facilitator</h1>
        </div>
        {role === "organiser" ? (
          <>
            <p className="text-ink-soft">
              Make a link for one person. Once they accept it they land on the facilitator console of {event.name}, with the same
              controls as you (unless the lead locks them).
            </p>
            <InviteForm action={createInviteAction.bind(null, event.slug)} emailOn={sharedMailer() !== null} />
          </>
        ) : (
          <p className="text-ink-soft">
            Only the event's organisers can invite people to help run it. Ask one of them for an invitation link for your
            colleague.
          </p>
        )}
        {back}
      </div>
    </PageShell>
  );
}
