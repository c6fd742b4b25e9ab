import type { Metadata } from "next";
import { connection } from "next/server";
import { SiteHeader } from "@/app/ui/brand";
import { sharedDatabase } from "@/db";
import { sessionSecret } from "@/lib/auth/web-session";
import { findStopTarget } from "@/lib/email/stop-emails";

export const metadata: Metadata = { title: "Stop these emails", robots: { index: false, follow: false } };

/**
 * Where an email's "Stop these reminders" leads. The button posts (a plain form, no script), so
 * a link scanner opening the page stops nothing.
 */
export default async function StopPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const target = await findStopTarget((await sharedDatabase()).read, sessionSecret(), token);
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md px-4 pt-8 pb-20">
        <div className="card space-y-4 p-6">
          {!target ? (
            <>
              <h1 className="text-2xl font-extrabold tracking-tight">This link doesn't work</h1>
              <p className="text-ink-soft">Check that the whole link was copied from the email.</p>
            </>
          ) : target.stopped ? (
            <>
              <h1 className="text-2xl font-extrabold tracking-tight">Stopped</h1>
              <p>You won't get {target.what} any more.</p>
              <p className="text-ink-soft">Changed your mind? Ask the organisers to switch them back on.</p>
            </>
          ) : (
            <>
              <h1 className="text-2xl font-extrabold tracking-tight">Stop these emails?</h1>
              <p>You'll get no more {target.what}.</p>
              <form method="post" action={`/stop/${encodeURIComponent(token)}/now`}>
                <button type="submit" className="btn btn-primary w-full">
                  Stop them
                </button>
              </form>
            </>
          )}
        </div>
      </main>
    </>
  );
}
