import "server-only";
import { EventConnectionClient, type EventConnectionProps } from "./client/react";

/**
 * Opens the page's one connection to its event (./client/react.tsx), stamped with when the server
 * drew it: what changed between that moment and the connection's first connect was told to
 * nobody on the page, and its first connect asks for it (./missed-changes.ts). Taken after the
 * page's reads; the server counts a margin before it.
 */
export function EventConnectionProvider(props: EventConnectionProps) {
  return <EventConnectionClient {...props} drawnAt={Date.now()} />;
}
