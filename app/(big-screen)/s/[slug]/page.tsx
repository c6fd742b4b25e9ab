import type { Metadata } from "next";
import { Refused } from "@/app/ui/refused";
import { sharedDatabase } from "@/db";
import { findWelcomeBoard, listBoards } from "@/lib/boards/find-boards";
import { formatJoinCode } from "@/lib/events/join-code";
import { EventConnectionProvider } from "@/lib/realtime/client/react";
import { phoneBaseUrl } from "@/lib/server/phone-url";
import { qrDataUrl } from "@/lib/server/qr";
import { staffPage } from "@/lib/server/staff-page";
import { BigScreen } from "./big-screen";

export const metadata: Metadata = { title: "Big screen" };

export default async function BigScreenPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, refused } = await staffPage(slug, `/s/${slug}`);
  if (refused) {
    return (
      <Refused
        title="The big screen is opened by the facilitator"
        body="It runs on the laptop connected to the projector. Everything on it reaches your phone too."
        back={{ href: `/p/${event.slug}`, label: "Go to my page" }}
      />
    );
  }
  // Phones scan this: the laptop's network address when the screen was opened on localhost.
  const address = await phoneBaseUrl();
  const joinUrl = `${address.base}/j/${event.joinCode}`;
  const db = (await sharedDatabase()).read;
  const [board, boards] = await Promise.all([findWelcomeBoard(db, event.id), listBoards(db, event.id)]);
  return (
    <EventConnectionProvider eventId={event.id}>
      <BigScreen
        event={{ name: event.name, place: event.place }}
        join={{
          url: joinUrl,
          shortUrl: joinUrl.replace(/^https?:\/\//, ""),
          code: formatJoinCode(event.joinCode),
          qr: await qrDataUrl(joinUrl),
          reachableByPhones: address.reachableByPhones,
        }}
        board={board ? { id: board.id, title: board.title, columns: board.columns } : null}
        boards={boards}
      />
    </EventConnectionProvider>
  );
}
