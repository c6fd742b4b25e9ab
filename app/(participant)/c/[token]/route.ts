import { type NextRequest, NextResponse } from "next/server";
import { sharedDatabase } from "@/db";
import { setParticipantCookie } from "@/lib/auth/web-session";
import { findParticipantByResumeToken } from "@/lib/participants/join-event";

/** Opening a personal link: this device becomes that participant, then goes to the room. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = token.length <= 100 ? await findParticipantByResumeToken((await sharedDatabase()).read, token) : null;
  if (!found) return NextResponse.redirect(new URL("/j?expired=1", request.url), 303);
  await setParticipantCookie(found.eventId, found.participantId);
  return NextResponse.redirect(new URL(`/p/${found.slug}`, request.url), 303);
}
