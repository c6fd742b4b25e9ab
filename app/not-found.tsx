import Link from "next/link";
import { SiteHeader } from "@/app/ui/brand";

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-xl px-4 py-16 sm:py-24">
        <div className="card space-y-5 p-6 sm:p-10">
          <p
            aria-hidden
            className="inline-block -rotate-3 rounded-md bg-note-pink px-3 py-1 font-mono text-sm font-bold text-ink shadow-sm"
          >
            404
          </p>
          <h1 className="text-3xl font-extrabold tracking-tight">We can't find that page</h1>
          <p className="text-ink-soft">
            The address may be mistyped, or the page may have moved. Events that are still being planned only show to the people
            running them.
          </p>
          <div className="flex flex-col gap-3 sm:flex-row">
            <Link href="/" className="btn btn-primary">
              Go to the home page
            </Link>
            <Link href="/j" className="btn btn-secondary">
              Join with a code
            </Link>
          </div>
        </div>
      </main>
    </>
  );
}
