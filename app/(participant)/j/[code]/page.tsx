import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { actorForEvent, sessionSecret } from "@/lib/auth/web-session";
import { lookUpJoinCode } from "@/lib/events/join-by-code";
import { joinFollowToken, joinPageFingerprint } from "@/lib/events/join-version";
import { clientIpHeader } from "@/lib/rate-limit/form-limit";
import { VersionFollower } from "@/lib/realtime/client/version-follower";
import { PhoneShell } from "../../phone-shell";
import { CodeForm } from "../code-form";
import { joinEventAction } from "./actions";
import { JoinForm } from "./join-form";

export async function generateMetadata() {
  const t = await getTranslations("join.joinPage");
  return { title: t("title") };
}

export default async function JoinEventPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const t = await getTranslations("join");
  const address = (await headers()).get(clientIpHeader) ?? "unknown";
  const found = await lookUpJoinCode((await sharedDatabase()).read, code, address);
  const event = found.kind === "event" ? found.event : null;

  if (found.kind === "blocked") {
    return (
      <PhoneShell>
        <div className="card mt-4 space-y-4 p-6">
          <h1 className="text-3xl font-extrabold tracking-tight">{t("joinPage.blockedTitle")}</h1>
          <p role="alert" className="text-ink-soft">
            {t("errors.tooManyMisses")}
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
                <h1 className="text-3xl font-extrabold tracking-tight">{t("joinPage.finishedTitle", { event: event.name })}</h1>
                <p className="text-ink-soft">{t("joinPage.finishedBody")}</p>
              </>
            ) : (
              <>
                <h1 className="text-3xl font-extrabold tracking-tight">{t("joinPage.noMatchTitle")}</h1>
                <p className="text-ink-soft">{t("joinPage.noMatchBody")}</p>
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

  // The page follows its event while open: a new name or place, the event finished, its code changed.
  const follow = `/j/${event.joinCode}/version?t=${encodeURIComponent(joinFollowToken(event, sessionSecret()))}`;
  return (
    <PhoneShell>
      <VersionFollower url={follow} version={joinPageFingerprint(event)} />
      <div className="card mt-4 space-y-6 p-6">
        <div className="space-y-2">
          <p className="eyebrow">{t("joinPage.eyebrow")}</p>
          <h1 className="text-3xl font-extrabold tracking-tight">{event.name}</h1>
          {event.place ? <p className="text-ink-soft">{event.place}</p> : null}
        </div>
        <JoinForm join={joinEventAction.bind(null, event.joinCode)} submission={randomUUID()} />
        <p className="text-sm text-ink-soft">
          {t("joinPage.footer")}{" "}
          <Link href={`/j/${event.joinCode}/privacy`} className="link">
            {t("joinPage.privacyLink")}
          </Link>
          {" · "}
          <Link href={`/e/${event.slug}`} className="link">
            {t("joinPage.aboutLink")}
          </Link>
        </p>
      </div>
    </PhoneShell>
  );
}
