import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { sharedDatabase } from "@/db";
import { resetLinkWorks } from "@/lib/accounts/password-reset";
import { PageShell } from "../../../page-shell";
import { resetPasswordAction } from "./actions";
import { ResetForm } from "./reset-form";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false, follow: false } };

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const works = await resetLinkWorks(await sharedDatabase(), token);
  return (
    <PageShell width="narrow">
      <div className="card space-y-6 p-6 sm:p-8">
        <h1 className="text-3xl font-extrabold tracking-tight">
          {works ? "Choose a new password" : "This link doesn't work any more"}
        </h1>
        {works ? (
          <>
            <p className="text-ink-soft">You'll be signed out everywhere else, then you can sign in with it.</p>
            <ResetForm action={resetPasswordAction.bind(null, token)} />
          </>
        ) : (
          <p className="text-ink-soft">
            Reset links work once, for an hour.{" "}
            <Link href="/signin/forgot" className="link">
              Ask for a new one
            </Link>
            .
          </p>
        )}
      </div>
    </PageShell>
  );
}
