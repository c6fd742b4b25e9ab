import { getTranslations } from "next-intl/server";
import { findCsvTable, renderCsvTable } from "@/lib/exports/csv-tables";
import { download, exportFor } from "../../export-response";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; table: string }> }) {
  const { slug, table: key } = await params;
  const table = findCsvTable(key);
  if (!table) return new Response((await getTranslations("review.export"))("noTable"), { status: 404 });
  const found = await exportFor(slug, `csv:${table.key}`);
  if ("response" in found) return found.response;
  // A byte-order mark, so Excel reads the UTF-8 (names with accents, £ signs) correctly.
  return download(`\uFEFF${renderCsvTable(table, found.data)}`, `${slug}-${table.key}.csv`, "text/csv");
}
