/**
 * The message namespaces the client components of participants' and public pages use: all of
 * the catalogue a phone downloads with a page. The staff's pages (console, organiser pages, the
 * big screen) get every namespace from their own layouts; a phone never downloads them.
 * A participant component that starts using another namespace adds it here, or it shows the
 * key's name (the pseudo-locale crawler in e2e/i18n/every-language.spec.ts then fails).
 */
export const participantClientNamespaces = [
  "app",
  "board",
  "board-moderation",
  "brief",
  "join",
  "language",
  "live",
  "me",
  "notes",
  "phone",
  "presentations",
  "public",
  "showcase",
  "ui",
  "vote",
] as const;
