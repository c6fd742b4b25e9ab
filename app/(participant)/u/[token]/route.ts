import { NextResponse } from "next/server";
import { sharedDatabase } from "@/db";
import { findProjectByOwnerToken } from "@/lib/projects/owner-link";
import { setOwnerCookie } from "@/lib/projects/owner-session";

// Relative: the host the person typed is the right one.
const seeOther = (location: string) => new NextResponse(null, { status: 303, headers: { Location: location } });

/** An owner opening their link: this device may now post updates for that project. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findProjectByOwnerToken((await sharedDatabase()).read, token);
  if (!found?.tokenHash) return seeOther("/update/expired");
  await setOwnerCookie(found.id, found.tokenHash);
  return seeOther(`/update/${found.id}`);
}
