import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { sessionSecret } from "@/lib/auth/web-session";
import { lookUpJoinCode } from "@/lib/events/join-by-code";
import { joinFollowToken, joinPageFingerprint } from "@/lib/events/join-version";
import { retentionEndsAt } from "@/lib/privacy/retention";
import { clientIpHeader } from "@/lib/rate-limit/form-limit";
import { VersionFollower } from "@/lib/realtime/client/version-follower";
import { PhoneShell } from "../../../phone-shell";

export async function generateMetadata() {
  const t = await getTranslations("join.privacy");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * The privacy notice, in plain words and on one phone screen: who runs the event, who sees what,
 * how long it is kept, and what people can do about it. Reached with the join code, from the
 * join page and from "What you've shared".
 */
export default async function PrivacyNoticePage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ from?: string }>;
}) {
  const { code } = await params;
  const fromMe = (await searchParams).from === "me";
  // Looked up as the join page looks a code up: a draft's code is unknown, and misses count
  // towards the same block (this page must not be a way round it to try codes).
  const address = (await headers()).get(clientIpHeader) ?? "unknown";
  const found = await lookUpJoinCode((await sharedDatabase()).read, code, address);
  if (found.kind !== "event") notFound();
  const event = found.event;
  const t = await getTranslations("join.privacy");
  const format = await getFormatter();
  const controller = event.dataController || t("defaultController", { event: event.name });
  const until = format.dateTime(retentionEndsAt(event), { day: "numeric", month: "short", year: "numeric" });
  const months = event.retentionMonths;
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

  // The notice follows the organisers' privacy settings while open.
  const follow = `/j/${event.joinCode}/version?page=privacy&t=${encodeURIComponent(joinFollowToken(event, sessionSecret()))}`;
  return (
    <PhoneShell>
      <VersionFollower url={follow} version={joinPageFingerprint(event, "privacy")} />
      <article className="space-y-3 text-[0.95rem] leading-snug">
        <header className="space-y-1">
          <p className="eyebrow">{event.name}</p>
          <h1 className="text-2xl font-extrabold tracking-tight">{t("title")}</h1>
        </header>
        <section aria-labelledby="who-runs">
          <h2 id="who-runs" className="font-bold">
            {t("whoRunsHeading")}
          </h2>
          <p>
            {event.privacyContact
              ? t.rich("whoRunsWithContact", {
                  controller,
                  contact: event.privacyContact,
                  mail: (chunks) => <span className="font-semibold break-all">{chunks}</span>,
                })
              : t("whoRunsNoContact", { controller })}
          </p>
        </section>
        <section aria-labelledby="who-sees">
          <h2 id="who-sees" className="font-bold">
            {t("whoSeesHeading")}
          </h2>
          <ul className="list-disc space-y-0.5 ps-5">
            <li>{t.rich("seesRoom", { strong })}</li>
            <li>{t.rich("seesStaff", { strong })}</li>
            <li>{t.rich("seesPublic", { strong })}</li>
          </ul>
        </section>
        <section aria-labelledby="how-long">
          <h2 id="how-long" className="font-bold">
            {t("howLongHeading")}
          </h2>
          <p>{months % 12 === 0 ? t("howLongYears", { until, years: months / 12 }) : t("howLongMonths", { until, months })}</p>
        </section>
        <section aria-labelledby="your-choices">
          <h2 id="your-choices" className="font-bold">
            {t("choicesHeading")}
          </h2>
          <p>{t.rich("choices", { strong })}</p>
        </section>
        <Link href={fromMe ? `/p/${event.slug}/me` : `/j/${event.joinCode}`} className="btn btn-secondary w-full">
          {fromMe ? t("backToMe") : t("backToJoin")}
        </Link>
      </article>
    </PhoneShell>
  );
}
