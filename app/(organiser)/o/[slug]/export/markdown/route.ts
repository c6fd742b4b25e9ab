import { getLocale } from "next-intl/server";
import { eventMarkdown } from "@/lib/exports/markdown-report";
import { download, exportFor } from "../export-response";

/** The report in the language of the organiser who downloads it. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const found = await exportFor(slug, "markdown");
  if ("response" in found) return found.response;
  return download(eventMarkdown(found.data, await getLocale()), `${slug}-report.md`, "text/markdown");
}
