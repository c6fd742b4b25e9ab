import { getLocale, getTranslations } from "next-intl/server";
import { csvDownload, findCsvTable } from "@/lib/exports/csv-tables";
import { download, exportFor } from "../../export-response";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; table: string }> }) {
  const { slug, table: key } = await params;
  const table = findCsvTable(key);
  if (!table) return new Response((await getTranslations("review.export"))("noTable"), { status: 404 });
  const found = await exportFor(slug, `csv:${table.key}`);
  if ("response" in found) return found.response;
  // Headers and listed values in the reader's words, as on the review page that links here, and
  // cells separated as their Excel expects (a semicolon in French, Spanish, Polish, Portuguese).
  return download(csvDownload(table, found.data, await getLocale()), `${slug}-${table.key}.csv`, "text/csv");
}
