import { headers } from "next/headers";
import { NextResponse } from "next/server";
import { sharedDatabase } from "@/db";
import { setParticipantCookie } from "@/lib/auth/web-session";
import { adoptStoredLanguage } from "@/lib/i18n/choose";
import { claimPersonalLink, deviceLabel, findPersonalLink } from "@/lib/participants/devices";
import { originAllowed, requestOrigin } from "@/lib/realtime/origin";
import { plainAnswer } from "@/lib/server/plain-answer";
import { sharedRealtime } from "@/lib/server/shared-realtime";

// Relative: the host the person typed is the right one; Next's idea of the URL may be 0.0.0.0.
const seeOther = (location: string) => new NextResponse(null, { status: 303, headers: { Location: location } });

/**
 * Using a personal link (its page's button posts here): this device becomes that participant,
 * then goes to the room. The link works once (a forwarded or second use is refused), and the
 * person's other devices are told at once that another one signed in as them.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const h = await headers();
  // Another site's form must not sign this browser in as someone else.
  const site = requestOrigin(h.get("host") ?? undefined, h.get("x-forwarded-proto") ?? undefined);
  if (h.get("origin") && !originAllowed(h.get("origin") ?? undefined, site, process.env.PUBLIC_URL)) {
    return plainAnswer(request, 403, "server.otherSiteLink");
  }
  if (token.length > 100) return seeOther("/j?expired=1");
  const db = await sharedDatabase();
  // A made-up token is answered from a read, without a place in the write queue every room shares.
  if (!(await findPersonalLink(db.read, token))) return seeOther("/j?expired=1");
  const label = deviceLabel(request.headers.get("user-agent"));
  const claimed = await db.transact((tx) => claimPersonalLink(tx, token, label));
  if (!claimed) {
    // A link refused only because its event is not open or it has expired: its page says so.
    const closed = await findPersonalLink(db.read, token);
    return seeOther(closed ? `/c/${encodeURIComponent(token)}` : "/j?expired=1");
  }
  await setParticipantCookie(claimed.eventId, claimed.participantId, claimed.deviceId);
  // The new device speaks the language the person chose on their first one.
  await adoptStoredLanguage({ participantId: claimed.participantId });
  sharedRealtime()?.deviceSignedIn(claimed.participantId, label);
  return seeOther(`/p/${claimed.slug}`);
}

/** Opening this address shows the link's page, which asks first. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  return seeOther(`/c/${encodeURIComponent((await params).token)}`);
}
