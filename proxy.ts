import { type NextRequest, NextResponse } from "next/server";
import { pathHeader } from "@/lib/i18n/event-language";

/**
 * Tells a page's language config (lib/i18n/request.ts) which path was asked for, so a visitor
 * whose browser wants a language Made In doesn't speak sees the event's language. The header
 * is always overwritten here: a client can't choose it.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(pathHeader, request.nextUrl.pathname);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not Next's own files, uploads, images or the socket.
  matcher: ["/((?!_next/|api/|socket\\.io|photos/|showcase-images/|files/|favicon\\.ico|icon\\.svg).*)"],
};
