import { NextResponse } from "next/server";
import { sharedDatabase } from "@/db";
import { sessionSecret } from "@/lib/auth/web-session";
import { stopEmails } from "@/lib/email/stop-emails";

const seeOther = (location: string) => new NextResponse(null, { status: 303, headers: { Location: location } });

/**
 * Stops the emails a stop link names. POST only: the page's button posts here, and so does a
 * mail client's own "unsubscribe" (RFC 8058 one-click). A GET, as a link scanner would send,
 * only shows the page.
 */
export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  await stopEmails(await sharedDatabase(), sessionSecret(), token);
  return seeOther(`/stop/${encodeURIComponent(token)}`);
}

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  return seeOther(`/stop/${encodeURIComponent((await params).token)}`);
}
