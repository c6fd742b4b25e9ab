import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { sharedDatabase } from "@/db";
import { actorForEvent } from "@/lib/auth/web-session";
import { lookUpJoinCode, tooManyMissesMessage } from "@/lib/events/join-by-code";
import { clientIpHeader } from "@/lib/rate-limit/form-limit";
import { PhoneShell } from "../../phone-shell";
import { CodeForm } from "../code-form";
import { joinEventAction } from "./actions";
import { JoinForm } from "./join-form";

export const metadata: Metadata = { title: "Join" };

export default async function JoinEventPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const address = (await headers()).get(clientIpHeader) ?? "unknown";
  const found = await lookUpJoinCode((await sharedDatabase()).read, code, address);
  const event = found.kind === "event" ? found.event : null;

  if (found.kind === "blocked") {
    return (
      <PhoneShell>
        <div className="card mt-4 space-y-4 p-6">
          <h1 className="text-3xl font-extrabold tracking-tight">Wait a few minutes</h1>
          <p role="alert" className="text-ink-soft">
            {tooManyMissesMessage}
          </p>
        </div>
      </PhoneShell>
    );
  }

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
        <JoinForm join={joinEventAction.bind(null, event.joinCode)} />
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
