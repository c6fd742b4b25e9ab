import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { NotOnStaff, Refused } from "@/app/ui/refused";
import { sharedDatabase } from "@/db";
import { personTag } from "@/lib/auth/pseudonym";
import { findWelcomeBoard, listBoards } from "@/lib/boards/find-boards";
import { formatJoinCode } from "@/lib/events/join-code";
import { messagesFor } from "@/lib/i18n/catalogue";
import { allLocales, defaultLocale, knownLocale } from "@/lib/i18n/locales";
import { EventLanguageFollower } from "@/lib/realtime/client/react";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { phoneBaseUrl } from "@/lib/server/phone-url";
import { qrDataUrl } from "@/lib/server/qr";
import { staffPage } from "@/lib/server/staff-page";
import { BigScreen } from "./big-screen";
import { screenLocale } from "./screen-locale";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const t = await getTranslations({ locale: await screenLocale((await params).slug), namespace: "screen" });
  return { title: t("metaTitle") };
}

export default async function BigScreenPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, actor, refused } = await staffPage(slug, `/s/${slug}`);
  if (refused) {
    if (refused === "account") return <NotOnStaff />;
    const t = await getTranslations("screen.refused");
    return <Refused title={t("title")} body={t("body")} back={{ href: `/p/${event.slug}`, label: t("back") }} />;
  }
  // Phones scan this: the laptop's network address when the screen was opened on localhost.
  const address = await phoneBaseUrl();
  const joinUrl = `${address.base}/j/${event.joinCode}`;
  const db = (await sharedDatabase()).read;
  const [board, boards] = await Promise.all([findWelcomeBoard(db, event.id), listBoards(db, event.id)]);
  // The projector speaks the event's language, whatever the laptop's; the join panel says how to
  // join in the organiser's extra languages too.
  const locale = knownLocale(event.language) ?? defaultLocale;
  const alsoIn = await Promise.all(
    event.joinLanguages.flatMap((code) => {
      const known = knownLocale(code);
      if (!known || known === locale) return [];
      return [getTranslations({ locale: known, namespace: "screen.join" }).then((t) => ({ code: known, heading: t("heading") }))];
    }),
  );
  return (
    <NextIntlClientProvider locale={locale} messages={messagesFor(locale)}>
      <div lang={locale} dir={allLocales.find((l) => l.code === locale)?.dir ?? "ltr"}>
        <EventConnectionProvider eventId={event.id} person={personTag(actor)} staff speaksEventLanguage>
          <EventLanguageFollower />
          <BigScreen
            event={{ name: event.name, place: event.place }}
            join={{
              url: joinUrl,
              shortUrl: joinUrl.replace(/^https?:\/\//, ""),
              code: formatJoinCode(event.joinCode),
              qr: await qrDataUrl(joinUrl),
              reachableByPhones: address.reachableByPhones,
              draft: event.status === "draft",
              alsoIn,
            }}
            board={board ? { id: board.id } : null}
            boards={boards}
          />
        </EventConnectionProvider>
      </div>
    </NextIntlClientProvider>
  );
}
