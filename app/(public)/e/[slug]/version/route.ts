import { sharedDatabase } from "@/db";
import { type PublicPage, publicVersion, sharedPublicVersion } from "@/lib/events/public-version";
import { visibleEvent } from "../visible-event";

const versions = sharedPublicVersion(async (slug, page) => publicVersion((await sharedDatabase()).read, slug, page));

/** The public pages' fingerprint (`?page=progress` for the progress page): what their open copies ask to follow the organisers' changes. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!(await visibleEvent(slug))) return new Response(null, { status: 404 });
  const page: PublicPage = new URL(request.url).searchParams.get("page") === "progress" ? "progress" : "event";
  const version = await versions(slug, page);
  if (!version) return new Response(null, { status: 404 });
  return new Response(version, { headers: { "content-type": "text/plain", "cache-control": "no-store" } });
}
