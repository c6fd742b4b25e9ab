"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { staffRoom } from "@/lib/activity/staff-state";
import { eventRoom } from "@/lib/events/event-state";
import { languageCookie, languageCookieString } from "@/lib/i18n/choice-cookie";
import { type ConnectionStatus, EventConnection } from "./connection";
import type { Keeper } from "./kept";
import type { PendingCommand } from "./outbox";
import { useRoom } from "./use-room";

export type EventConnectionProps = {
  eventId: string;
  person: string;
  staff?: boolean;
  /** The big screen: the server says its refusals in the event's language, as the screen speaks. */
  speaksEventLanguage?: boolean;
  heldOut?: boolean;
  worksWithoutJavaScript?: boolean;
  children?: React.ReactNode;
};

const ConnectionContext = createContext<EventConnection | null>(null);
const KeeperContext = createContext<Keeper | null>(null);

/**
 * Opens this page's one connection to the event; everything live on the page shares it.
 * `person`: who the page is for (lib/auth/pseudonym.ts `personTag`); what the device keeps for
 * them is filed under it (./kept.ts), and the connection sends only as them.
 * `staff`: the console or the big screen, a handful of screens that redraw at once when the
 * organisers change the event; phones (up to a thousand) redraw spread over a few seconds.
 * `heldOut`: the page says this person is kept out of the event (a draft, or finished): its
 * connection keeps trying, and the page is drawn again, as the room, once it gets in.
 * `worksWithoutJavaScript`: everything the page offers is a form posted to a server action (the
 * "about you" page), so nothing there waits for the connection: no notice says it needs JavaScript.
 * `drawnAt`: when the server drew the page (set by lib/realtime/event-connection.tsx, which pages use).
 */
export function EventConnectionClient({
  eventId,
  person,
  staff = false,
  speaksEventLanguage = false,
  heldOut = false,
  worksWithoutJavaScript = false,
  drawnAt,
  children,
}: EventConnectionProps & { drawnAt?: number }) {
  const [connection, setConnection] = useState<EventConnection | null>(null);
  const keeper = useMemo(() => ({ eventId, person }), [eventId, person]);
  // The time of the drawing that opened the connection: a page fetched again later keeps it.
  const firstDrawnAt = useRef(drawnAt);
  useEffect(() => {
    const c = new EventConnection(keeper, firstDrawnAt.current, speaksEventLanguage);
    setConnection(c);
    return () => c.close();
  }, [keeper, speaksEventLanguage]);
  return (
    <KeeperContext.Provider value={keeper}>
      <ConnectionContext.Provider value={connection}>
        {worksWithoutJavaScript ? null : <NeedsJavaScript />}
        <LanguageFollower />
        <DetailsFollower staff={staff} heldOut={heldOut} />
        {children}
      </ConnectionContext.Provider>
    </KeeperContext.Provider>
  );
}

/**
 * Without JavaScript nothing live can open, and the page would wait for a connection forever:
 * it says so instead. The forms elsewhere (joining, one's name, a brief's reframe…) work without it.
 */
function NeedsJavaScript() {
  const t = useTranslations("live.sync");
  return (
    <noscript>
      <div className="px-4 py-3">
        <p role="alert" className="mx-auto max-w-md rounded-xl bg-red-50 px-4 py-3 font-semibold text-danger">
          {t("needsJavaScript")}
        </p>
      </div>
    </noscript>
  );
}

/** The person chose another language on another of their devices: this one switches too, in place. */
function LanguageFollower() {
  const c = useContext(ConnectionContext);
  const router = useRouter();
  useEffect(() => {
    if (!c) return;
    const onChosen = ({ language }: { language: string }) => {
      const here = document.cookie.split("; ").find((c) => c.startsWith(`${languageCookie}=`));
      if (!here || decodeURIComponent(here.slice(languageCookie.length + 1)) !== language) {
        // biome-ignore lint/suspicious/noDocumentCookie: the one cookie script owns (lib/i18n/choice-cookie.ts)
        document.cookie = languageCookieString(language, location.protocol === "https:");
      }
      // Told on connecting too, when this browser's cookie said another or none: a page the
      // server already drew in the person's language (the root's lang) is not drawn again.
      if (document.documentElement.lang !== language) router.refresh();
    };
    c.socket.on("language:chosen", onChosen);
    return () => void c.socket.off("language:chosen", onChosen);
  }, [c, router]);
  return null;
}

/** How far apart phones fetch a changed page again: a room of 1,000 phones asking at once would stall the server for everyone. */
const phoneSpreadMs = 15_000;
/**
 * How long a page whose event just finished stays as it was, its status saying why, before it
 * turns into the page that says so: nobody's page swaps under their thumb without a word first.
 */
const finishedReadMs = 5000;

/**
 * The organisers changed the event's name, agenda, briefs, join code or status: the page's
 * server-drawn parts are fetched again, in place. So they are when this device gets back into an
 * event that was closed, and when it learns the event has finished (the page then says so, with
 * what remains for them).
 */
function DetailsFollower({ staff, heldOut }: { staff: boolean; heldOut: boolean }) {
  const c = useContext(ConnectionContext);
  const spreadMs = staff ? 0 : phoneSpreadMs;
  const router = useRouter();
  useEffect(() => {
    if (!c) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fetchAgain = (afterMs: number) => {
      if (timer) return; // one fetch answers several changes
      timer = setTimeout(
        () => {
          timer = undefined;
          router.refresh();
        },
        afterMs + Math.random() * spreadMs,
      );
    };
    const onChanged = () => fetchAgain(0);
    c.socket.on("event:details-changed", onChanged);
    // Changed after the server drew this page, before it connected: told to nobody here.
    const offMissed = heldOut
      ? () => false
      : c.onMissed((missed) => {
          if (missed.details.length > 0) fetchAgain(0);
        });
    // Back in an event that was closed: whatever changed meanwhile was told to nobody here. The
    // phones' tries to get back in are already spread out, so this fetch need not wait. A page
    // that says they are kept out is drawn again however it got in (even at its first try: the
    // event may have opened since the page was drawn).
    const offReopen = heldOut
      ? c.onStatus(() => {
          if (c.status === "online") router.refresh();
        })
      : c.onReopen(() => router.refresh());
    // Every phone of the room hears it at once: their pages are fetched again spread out.
    const offFinished = heldOut ? () => false : c.onFinished(() => fetchAgain(finishedReadMs));
    // A staff page whose access was taken away (removed from the event's staff, signed out, a new
    // password) is drawn again, as its refusal: what it showed (people's private details, the
    // record) does not stay on the screen. A phone keeps its page and says why (its status).
    const offEnded = staff
      ? c.onStatus(() => {
          if (c.status === "refused" && (c.endedBy === "ended" || c.endedBy === "removed")) router.refresh();
        })
      : () => false;
    return () => {
      clearTimeout(timer);
      c.socket.off("event:details-changed", onChanged);
      offMissed();
      offReopen();
      offFinished();
      offEnded();
    };
  }, [c, router, spreadMs, heldOut, staff]);
  return null;
}

/** On the big screen: the organisers changed the event's language, so its words are fetched again, in place. */
export function EventLanguageFollower() {
  const c = useContext(ConnectionContext);
  const router = useRouter();
  useEffect(() => {
    if (!c) return;
    const onChanged = () => router.refresh();
    c.socket.on("event:languages-changed", onChanged);
    const offMissed = c.onMissed((missed) => {
      if (missed.languages) onChanged();
    });
    return () => {
      c.socket.off("event:languages-changed", onChanged);
      offMissed();
    };
  }, [c, router]);
  return null;
}

export function useConnection() {
  return useContext(ConnectionContext);
}

/** Who this page is for, in which event: what the device keeps is filed under it (./kept.ts). Known from the first render. */
export function useKeeper(): Keeper {
  const keeper = useContext(KeeperContext);
  if (!keeper) throw new Error("useKeeper outside an EventConnectionProvider");
  return keeper;
}

const noop = () => () => {};

export function useConnectionStatus(): ConnectionStatus {
  const c = useConnection();
  return useSyncExternalStore(
    c
      ? (listener) => {
          const off = c.onStatus(listener);
          return () => void off();
        }
      : noop,
    () => c?.status ?? "connecting",
    () => "connecting" as const,
  );
}

/**
 * Commands not yet acknowledged, or only those `where` picks: the screen redraws when that list
 * changes, not on every command (a dot cast on a board is no reason to redraw its notes).
 * Pass a `where` that keeps its identity (useCallback): a new one re-reads the outbox.
 */
export function usePending(where?: (command: PendingCommand) => boolean): readonly PendingCommand[] {
  const c = useConnection();
  const [items, setItems] = useState<readonly PendingCommand[]>([]);
  useEffect(() => {
    if (!c) return;
    const update = () => {
      const next = where ? c.outbox.list().filter(where) : [...c.outbox.list()];
      setItems((shown) => (shown.length === next.length && shown.every((p, i) => p === next[i]) ? shown : next));
    };
    update();
    const off = c.onOutbox(update);
    return () => void off();
  }, [c, where]);
  return items;
}

/** The event's snapshot, its latest announcement, the room, the board list and live presence. */
export function useEventRoom() {
  const { state } = useRoom("event", null, eventRoom);
  return {
    snapshot: state?.snapshot ?? null,
    announcement: state?.announcement ?? null,
    /** The latest announcements, newest first (the first is the one showing). */
    announcements: state?.announcements ?? [],
    presence: state?.presence ?? null,
    room: state?.room ?? null,
    agenda: state?.snapshot.agenda ?? [],
    nudge: state?.nudge ?? null,
    /** Every board of the event, live: null until the first snapshot arrives. */
    boards: state?.boards ?? null,
    /** How many notes each board holds, from the snapshot and as they change; empty until the first snapshot. */
    noteCounts: state?.noteCounts ?? {},
  };
}

/** The staff room: the activity log, who leads and whether they locked the room controls. Staff screens only. */
export function useStaffRoom() {
  const { state, seq, error } = useRoom("staff", null, staffRoom);
  return { staff: state, seq, error };
}
