import type { Metadata } from "next";
import Link from "next/link";
import { requireAccount } from "../../access";
import { PageShell } from "../../page-shell";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import an event" };

export default async function ImportPage() {
  await requireAccount("/o/import");
  return (
    <PageShell width="narrow">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/o" className="link">
          Your events
        </Link>
      </nav>
      <div className="card space-y-5 p-6 sm:p-8">
        <h1 className="text-3xl font-extrabold tracking-tight">Import an event</h1>
        <p className="text-ink-soft">
          Bring a whole event from another Made In: briefs, people, teams, boards, votes, projects, and with the zip its photos
          and files. It arrives as a new draft that only you run, with a new join code.
        </p>
        <ImportForm />
      </div>
    </PageShell>
  );
}
