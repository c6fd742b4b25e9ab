import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { sharedDatabase } from "@/db";
import { isSetUp } from "@/lib/accounts/first-organiser";
import { currentAccount } from "@/lib/auth/web-session";
import { passwordsEnabled } from "@/lib/sso/settings";
import { PageShell } from "../page-shell";
import { SsoSignIn } from "../signin/sso-sign-in";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up Made In" };

export default async function SetupPage() {
  await connection();
  const db = await sharedDatabase();

  if (await isSetUp(db.read)) {
    const account = await currentAccount();
    return (
      <PageShell width="narrow">
        <div className="card space-y-4 p-6 sm:p-8">
          <p className="eyebrow">Set up</p>
          <h1 className="text-3xl font-extrabold tracking-tight">Made In is already set up</h1>
          <p className="text-ink-soft">
            Set-up only creates the very first organiser. Everyone else joins through an invitation link from an organiser of
            their event.
          </p>
          {account ? (
            <Link href="/o" className="btn btn-primary">
              Go to your events
            </Link>
          ) : (
            <Link href="/signin" className="btn btn-primary">
              Sign in
            </Link>
          )}
        </div>
      </PageShell>
    );
  }

  return (
    <PageShell width="narrow">
      <div className="card space-y-6 p-6 sm:p-8">
        <div className="space-y-2">
          <p className="eyebrow">Set up Made In</p>
          <h1 className="text-3xl font-extrabold tracking-tight">Create the first organiser</h1>
          <p className="text-ink-soft">
            This account creates events and invites co-organisers and facilitators. Participants never need an account.
          </p>
        </div>
        <SsoSignIn setup />
        {passwordsEnabled() && <SetupForm />}
      </div>
    </PageShell>
  );
}
