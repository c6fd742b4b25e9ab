import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { findPersonalLink } from "@/lib/participants/devices";
import { PhoneShell } from "../../phone-shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("phone.device"))("claimTitle"), robots: { index: false, follow: false } };
}

/**
 * Where a personal link leads. Opening it uses nothing up: the button posts (a plain form, no
 * script needed), so a mail scanner or a link preview that opens the emailed copy first does not
 * spend the one use the person needs.
 */
export default async function PersonalLinkPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const link = token.length <= 100 ? await findPersonalLink((await sharedDatabase()).read, token) : null;
  if (!link) redirect("/j?expired=1");
  const t = await getTranslations("phone.device");
  // A finished event is the plainer reason; an expired link to an open one says how to get another.
  const refusal =
    link.eventStatus !== "published"
      ? {
          title: t("closedTitle"),
          body: t(link.eventStatus === "archived" ? "closedFinished" : "closedNotOpen", { event: link.eventName }),
        }
      : link.expired
        ? { title: t("expiredTitle"), body: t("expiredBody", { event: link.eventName }) }
        : null;
  if (refusal) {
    return (
      <PhoneShell>
        <div className="card mt-4 space-y-4 p-6">
          <h1 className="text-2xl font-extrabold tracking-tight">{refusal.title}</h1>
          <p role="alert">{refusal.body}</p>
        </div>
      </PhoneShell>
    );
  }
  return (
    <PhoneShell>
      <div className="card mt-4 space-y-4 p-6">
        <h1 className="text-2xl font-extrabold tracking-tight">{t("claimTitle")}</h1>
        <p>{t("claimBody", { event: link.eventName })}</p>
        <form method="post" action={`/c/${encodeURIComponent(token)}/now`}>
          <button type="submit" className="btn btn-primary w-full">
            {t("claimButton")}
          </button>
        </form>
      </div>
    </PhoneShell>
  );
}
