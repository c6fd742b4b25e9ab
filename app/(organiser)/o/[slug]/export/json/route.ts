import { download, exportFor } from "../export-response";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const found = await exportFor(slug, "json");
  if ("response" in found) return found.response;
  return download(`${JSON.stringify(found.data, null, 2)}\n`, `${slug}.made-in.json`, "application/json");
}
