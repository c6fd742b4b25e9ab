import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { sharedDatabase } from "@/db";
import { actorForEvent } from "@/lib/auth/web-session";
import { findEventByJoinCode } from "@/lib/events/find-event";
import { PhoneShell } from "../../phone-shell";
import { CodeForm } from "../code-form";
import { JoinForm } from "./join-form";

export const metadata: Metadata = { title: "Join" };

export default async function JoinEventPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const event = await findEventByJoinCode((await sharedDatabase()).read, code);

  if (!event || event.status === "archived") {
    return (
      <PhoneShell>
        <div className="card mt-4 space-y-6 p-6">
          <div className="space-y-2">
            {event ? (
              <>
                <h1 className="text-3xl font-extrabold tracking-tight">{event.name} has finished</h1>
                <p className="text-ink-soft">
                  It isn't taking new people any more. If you're at another event, type the code from its big screen.
                </p>
              </>
            ) : (
              <>
                <h1 className="text-3xl font-extrabold tracking-tight">That code didn't match an event</h1>
                <p className="text-ink-soft">Check the code on the big screen and type it again.</p>
              </>
            )}
          </div>
          <CodeForm />
        </div>
      </PhoneShell>
    );
  }

  // Already in (this phone has their cookie): straight back to the room.
  if (await actorForEvent(event.id)) redirect(`/p/${event.slug}`);

  return (
    <PhoneShell>
      <div className="card mt-4 space-y-6 p-6">
        <div className="space-y-2">
          <p className="eyebrow">You're joining</p>
          <h1 className="text-3xl font-extrabold tracking-tight">{event.name}</h1>
          {event.place ? <p className="text-ink-soft">{event.place}</p> : null}
        </div>
        <JoinForm code={event.joinCode} />
        <p className="text-sm text-ink-soft">
          No account or password: this phone remembers you. You can move to another device later.{" "}
          <Link href={`/j/${event.joinCode}/privacy`} className="link">
            How we use your information
          </Link>
          {" · "}
          <Link href={`/e/${event.slug}`} className="link">
            About this event
          </Link>
        </p>
      </div>
    </PhoneShell>
  );
}
