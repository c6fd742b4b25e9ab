import "../../screen.css";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { ProjectedBoard } from "@/app/live/board/projected-board";
import { ConnectionPill } from "@/app/live/status";
import { NotOnStaff, Refused } from "@/app/ui/refused";
import { sharedDatabase } from "@/db";
import { personTag } from "@/lib/auth/pseudonym";
import { findBoard } from "@/lib/boards/find-boards";
import { formatJoinCode } from "@/lib/events/join-code";
import { messagesFor } from "@/lib/i18n/catalogue";
import { allLocales, defaultLocale, knownLocale } from "@/lib/i18n/locales";
import { EventLanguageFollower } from "@/lib/realtime/client/react";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { staffPage } from "@/lib/server/staff-page";
import { screenLocale } from "../../screen-locale";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const t = await getTranslations({ locale: await screenLocale((await params).slug), namespace: "screen" });
  return { title: t("boardMetaTitle") };
}

/** One board, projected: large, dark, live, with the join code in the corner for latecomers. */
export default async function ProjectedBoardPage({ params }: { params: Promise<{ slug: string; boardId: string }> }) {
  const { slug, boardId } = await params;
  const { event, actor, refused } = await staffPage(slug, `/s/${slug}/b/${boardId}`);
  if (refused) {
    if (refused === "account") return <NotOnStaff />;
    const t = await getTranslations("screen.refused");
    return (
      <Refused title={t("title")} body={t("bodyBoard")} back={{ href: `/p/${event.slug}/b/${boardId}`, label: t("backBoard") }} />
    );
  }
  const board = await findBoard((await sharedDatabase()).read, boardId);
  if (!board || board.eventId !== event.id) notFound();
  // Like the big screen itself, the projected board speaks the event's language, whatever the laptop's.
  const locale = knownLocale(event.language) ?? defaultLocale;
  const t = await getTranslations({ locale, namespace: "screen" });
  return (
    <NextIntlClientProvider locale={locale} messages={messagesFor(locale)}>
      <EventConnectionProvider eventId={event.id} person={personTag(actor)} staff speaksEventLanguage>
        <EventLanguageFollower />
        {/* The screen's rem (screen.css): laid out for 1080p, the same picture at any resolution. */}
        <div
          lang={locale}
          dir={allLocales.find((l) => l.code === locale)?.dir ?? "ltr"}
          className="screen flex h-dvh flex-col overflow-hidden bg-stage px-12 py-6 text-white"
        >
          <header className="mb-4 flex shrink-0 items-center justify-between gap-6">
            <p className="min-w-0 text-xl font-semibold uppercase tracking-[0.2em] text-sun">{event.name}</p>
            <p className="text-2xl font-semibold">
              {t("join.withCode")}{" "}
              <span className="font-mono text-3xl font-extrabold tracking-widest">{formatJoinCode(event.joinCode)}</span>
            </p>
          </header>
          <main className="min-h-0 flex-1">
            <h1 className="sr-only">{t("boardHeading", { title: board.title })}</h1>
            <ProjectedBoard boardId={board.id} />
          </main>
          <footer className="mt-3 flex shrink-0 justify-end">
            <ConnectionPill tone="dark" />
          </footer>
        </div>
      </EventConnectionProvider>
    </NextIntlClientProvider>
  );
}
