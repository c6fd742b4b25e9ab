import { headers } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import type { HeldOut } from "@/lib/auth/held-out";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { pathHeader } from "@/lib/i18n/event-language";
import { findProjects } from "@/lib/projects/find-projects";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { PhoneShell } from "../../phone-shell";
import { LeaveAfterFinish } from "./leave-after-finish";
import { YourData } from "./your-data";

const row = "flex min-h-14 items-center justify-between gap-3 px-4 py-2 font-semibold";

/**
 * What any of an event's phone pages says to someone still in it while they are kept out: it was
 * taken back to draft (they will be back in when it opens), or it has finished (thanks, and what
 * is still there for them: the event's public page, what happened next, their own data, and
 * leaving, which erases it). The page keeps its connection trying, so it turns back into the room
 * by itself if the event is published.
 */
export async function HeldOutPage({
  event,
  why,
  person,
}: {
  event: { id: string; slug: string; name: string; joinCode: string };
  why: HeldOut;
  /** Who is held out (lib/auth/pseudonym.ts personTag): the connection that waits is theirs. */
  person: string;
}) {
  const t = await getTranslations();
  // The page they asked for: trying again (a plain link, no script needed) asks for it once more.
  const here = (await headers()).get(pathHeader) ?? `/p/${event.slug}`;
  const progress =
    why === "finished" ? (await findProjects((await sharedDatabase()).read, event.id, { publicOnly: true })).length : 0;
  return (
    <ClientMessages area="heldOut">
      <EventConnectionProvider eventId={event.id} person={person} heldOut>
        <PhoneShell>
          <div className="space-y-5" data-testid="held-out" data-held-out={why}>
            <section className="card space-y-3 p-6">
              <p className="eyebrow [overflow-wrap:anywhere]">{event.name}</p>
              <h1 className="text-3xl font-extrabold tracking-tight">
                {why === "closed" ? t("phone.heldOut.closedTitle") : t("phone.heldOut.finishedTitle")}
              </h1>
              <p className="text-lg">{why === "closed" ? t("phone.heldOut.closedBody") : t("phone.heldOut.finishedBody")}</p>
              {why === "closed" ? (
                <a href={here} className="btn btn-secondary w-full">
                  {t("phone.heldOut.tryAgain")}
                </a>
              ) : null}
            </section>
            {why === "finished" ? (
              <>
                <nav aria-labelledby="still-here" className="space-y-2">
                  <h2 id="still-here" className="text-xl font-bold">
                    {t("phone.heldOut.stillHeading")}
                  </h2>
                  <ul className="card divide-y divide-line">
                    {progress > 0 ? (
                      <li>
                        <Link href={`/e/${event.slug}/progress`} className={row}>
                          {t("public.event.progressLink", { count: progress })} <span aria-hidden>→</span>
                        </Link>
                      </li>
                    ) : null}
                    <li>
                      <Link href={`/e/${event.slug}`} className={row}>
                        {t("phone.home.about")} <span aria-hidden>→</span>
                      </Link>
                    </li>
                  </ul>
                </nav>
                <YourData
                  slug={event.slug}
                  more={
                    <Link href={`/j/${event.joinCode}/privacy`} className="link inline-block">
                      {t("me.page.privacyLink")}
                    </Link>
                  }
                />
                <LeaveAfterFinish slug={event.slug} eventName={event.name} />
              </>
            ) : null}
          </div>
        </PhoneShell>
      </EventConnectionProvider>
    </ClientMessages>
  );
}
