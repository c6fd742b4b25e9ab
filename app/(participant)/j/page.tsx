import type { Metadata } from "next";
import { PhoneShell } from "../phone-shell";
import { CodeForm } from "./code-form";

export const metadata: Metadata = { title: "Join an event" };

export default async function JoinByCodePage({ searchParams }: { searchParams: Promise<{ expired?: string; left?: string }> }) {
  const { expired, left } = await searchParams;
  return (
    <PhoneShell>
      <div className="card mt-4 space-y-6 p-6">
        {expired ? (
          <p role="alert" className="rounded-lg bg-note-orange px-4 py-3 font-semibold">
            That personal link no longer works: each link works once, and a newer one replaces it. Make a new link on a device
            where you are signed in, or join again with the code.
          </p>
        ) : null}
        {left ? (
          <p role="status" className="rounded-lg bg-brand-soft px-4 py-3 font-semibold">
            You've left the event and your details have been removed from it. Thanks for taking part.
          </p>
        ) : null}
        <div className="space-y-2">
          <p className="eyebrow">Join an event</p>
          <h1 className="text-3xl font-extrabold tracking-tight">What's the code?</h1>
          <p className="text-ink-soft">It's on the big screen at the front of the room. No app, no account, no password.</p>
        </div>
        <CodeForm />
      </div>
    </PhoneShell>
  );
}
