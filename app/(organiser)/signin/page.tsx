import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { leadsToBigScreen, safeNextPath } from "@/lib/accounts/next-path";
import { currentAccount } from "@/lib/auth/web-session";
import { passwordsEnabled } from "@/lib/sso/settings";
import { PageShell } from "../page-shell";
import { SignInForm } from "./sign-in-form";
import { SsoSignIn } from "./sso-sign-in";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; reset?: string | string[]; sso?: string | string[] }>;
}) {
  await connection();
  const query = await searchParams;
  const next = safeNextPath(query.next);
  if (await currentAccount()) redirect(next);

  return (
    <PageShell width="narrow">
      <div className="card space-y-6 p-6 sm:p-8">
        {leadsToBigScreen(next) ? (
          <div className="space-y-2" data-testid="signin-big-screen">
            <p className="eyebrow">The big screen</p>
            <h1 className="text-3xl font-extrabold tracking-tight">Sign in once to open the big screen</h1>
            <p>
              The projector shows the room's controls, so a facilitator or organiser of this event signs in once on this device.
              The big screen opens as soon as you have signed in, and this device stays signed in for the weekend.
            </p>
            <p className="text-ink-soft">Taking part? You don't need to sign in: scan the code on the screen with your phone.</p>
          </div>
        ) : (
          <div className="space-y-2">
            <p className="eyebrow">Organisers and facilitators</p>
            <h1 className="text-3xl font-extrabold tracking-tight">Sign in</h1>
            <p className="text-ink-soft">Run your events, publish briefs and open the facilitator console.</p>
          </div>
        )}
        {query.reset === "1" ? (
          <p role="status" className="rounded-xl bg-note-green p-3 font-semibold">
            Your new password is saved. Sign in with it.
          </p>
        ) : null}
        <SsoSignIn next={next} refusal={query.sso} />
        {passwordsEnabled() ? (
          <>
            <SignInForm next={next} />
            <p className="text-sm">
              <Link href="/signin/forgot" className="link">
                Forgot your password?
              </Link>
            </p>
          </>
        ) : null}
      </div>
      <div className="mt-6 space-y-2 px-2 text-sm text-ink-soft">
        <p>
          <strong className="text-ink">Taking part in a weekend?</strong> You don't need an account.{" "}
          <Link href="/j" className="link">
            Join with a code
          </Link>
        </p>
        <p>New organisers and facilitators join through an invitation link from an organiser of their event.</p>
      </div>
    </PageShell>
  );
}
