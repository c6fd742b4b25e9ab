import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { resetMinutes } from "@/lib/accounts/password-reset";
import { PageShell } from "../../page-shell";
import { ForgotForm } from "./forgot-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default async function ForgotPage({ searchParams }: { searchParams: Promise<{ sent?: string | string[] }> }) {
  await connection();
  const sent = (await searchParams).sent === "1";
  return (
    <PageShell width="narrow">
      <div className="card space-y-6 p-6 sm:p-8">
        <div className="space-y-2">
          <p className="eyebrow">Organisers and facilitators</p>
          <h1 className="text-3xl font-extrabold tracking-tight">Forgot your password?</h1>
        </div>
        {sent ? (
          <div role="status" className="space-y-2">
            <p className="text-lg font-semibold">Check your email.</p>
            <p className="text-ink-soft">
              If an account uses that address, a link to choose a new password is on its way. It works once, for {resetMinutes}{" "}
              minutes.
            </p>
          </div>
        ) : (
          <>
            <p className="text-ink-soft">
              Enter the email address you sign in with. We'll email you a link to choose a new password.
            </p>
            <ForgotForm />
          </>
        )}
      </div>
      <p className="mt-6 px-2 text-sm">
        <Link href="/signin" className="link">
          Back to sign in
        </Link>
      </p>
    </PageShell>
  );
}
