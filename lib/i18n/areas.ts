/**
 * The messages each participant page's client components use, as namespaces or key paths
 * ("phone.home" is that part of phone.json): all of the catalogue a phone downloads with a page.
 * The root layout gives every page `everyPage`; a page that needs more wraps itself (or, with
 * several returns, a layout of its own folder) in <ClientMessages area="…">, which gives
 * `everyPage` plus its area. A nested provider replaces the one above it, never adds to it.
 * Staff pages (console, organiser pages, the big screen) get every namespace from their own
 * layouts; a phone never downloads them.
 * A client component that starts using another namespace must find it here, or it shows the
 * key's name: lib/i18n/client-messages.test.ts follows each page's imports and fails first.
 */
export const everyPage = ["language", "home.crashed"] as const;

export const clientMessageAreas = {
  join: ["join.codeForm", "join.joinForm", "ui.keptForm", "ui.length"],
  home: [
    "board",
    "notes",
    "vote",
    "live.announcements",
    "live.deviceNotice",
    "live.now",
    "live.status",
    "live.sync",
    "live.timer",
    "phone.home",
    "phone.team",
    "templates",
    "ui",
  ],
  board: [
    "board",
    "notes",
    "vote",
    "live.now",
    "live.status",
    "live.sync",
    "live.timer",
    "templates",
    "ui.filePicker",
    "ui.length",
  ],
  presentations: ["presentations.room", "live.announcements", "live.status", "live.sync", "live.timer", "ui.length"],
  judge: ["presentations.fallbackCriteria", "presentations.judge", "live.status", "live.sync", "ui.length"],
  showcase: ["showcase", "notes.writtenNames", "live.status", "live.sync", "ui.filePicker", "ui.length"],
  me: ["me.form", "me.leave", "live.status", "live.sync", "ui.length"],
  // live.sync: for the page it turns into while its event is closed or finished (held-out-page.tsx).
  device: ["phone.device", "live.status", "live.sync", "ui.length"],
  brief: ["brief.reframe", "live.status", "live.sync", "ui.keptForm", "ui.length"],
  update: ["ui.checkInForm", "ui.keptForm", "ui.filePicker", "ui.length", "live.sync"],
  /** A phone page of an event the person is kept out of for now (app/(participant)/p/[slug]/held-out-page.tsx). */
  heldOut: ["live.sync"],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessageArea = keyof typeof clientMessageAreas;
