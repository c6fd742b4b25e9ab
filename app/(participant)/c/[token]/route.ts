import { NextResponse } from "next/server";
import { sharedDatabase } from "@/db";
import { setParticipantCookie } from "@/lib/auth/web-session";
import { findParticipantByResumeToken } from "@/lib/participants/join-event";

// Relative: the host the person typed is the right one; Next's idea of the URL may be 0.0.0.0.
const seeOther = (location: string) => new NextResponse(null, { status: 303, headers: { Location: location } });

/** Opening a personal link: this device becomes that participant, then goes to the room. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = token.length <= 100 ? await findParticipantByResumeToken((await sharedDatabase()).read, token) : null;
  if (!found) return seeOther("/j?expired=1");
  await setParticipantCookie(found.eventId, found.participantId);
  return seeOther(`/p/${found.slug}`);
}
