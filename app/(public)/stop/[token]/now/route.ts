import { NextResponse } from "next/server";
import { sharedDatabase } from "@/db";
import { sessionSecret } from "@/lib/auth/web-session";
import { stopEmails } from "@/lib/email/stop-emails";

const seeOther = (location: string) => new NextResponse(null, { status: 303, headers: { Location: location } });

/** RFC 8058: a mail client's "unsubscribe" posts `List-Unsubscribe=One-Click`; the page's button posts nothing. */
async function isOneClick(request: Request) {
  if (!request.headers.get("content-type")?.includes("application/x-www-form-urlencoded")) return false;
  return new URLSearchParams(await bodyStart(request, 200)).get("List-Unsubscribe") === "One-Click";
}

/** The first bytes of a body, never the rest: anyone may post here, as much as they like. */
async function bodyStart(request: Request, max: number) {
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    return "";
  } finally {
    reader.cancel().catch(() => {});
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, max));
}

/**
 * Stops the emails a stop link names. POST only: the page's button posts here, and so does a
 * mail client's own "unsubscribe" (RFC 8058 one-click: this address is the message's
 * List-Unsubscribe). A GET, as a link scanner would send, only shows the page.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  await stopEmails(await sharedDatabase(), sessionSecret(), token);
  // The mail client asked from its own servers, with nobody to show a page to: done is all it needs.
  if (await isOneClick(request)) return new NextResponse(null, { status: 200 });
  return seeOther(`/stop/${encodeURIComponent(token)}`);
}

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  return seeOther(`/stop/${encodeURIComponent((await params).token)}`);
}
