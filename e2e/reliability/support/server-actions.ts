/**
 * The build's server actions (from its server-reference manifest, so a new action is covered
 * without a change here) and a way to call one over HTTP exactly as React's client would.
 */
import { serverManifest } from "@/lib/server/dist-dir";
import { e2eBaseUrl } from "../../support/config";
import type { World } from "./world";

export type ServerAction = { id: string; name: string; paths: string[] };

/** Every server action and the pages it is posted to, with event A's params filled in. */
export function serverActions(w: World): ServerAction[] {
  const manifest = serverManifest<{ node: Record<string, { workers: Record<string, unknown>; exportedName?: string }> }>(
    "server-reference-manifest.json",
  );
  const pathOf = (worker: string) =>
    `/${worker
      .replace(/^app\//, "")
      .replace(/\/page$/, "")
      .replace(/^page$/, "")}`
      .replace(/\/\([^)]+\)/g, "")
      .replace("[slug]", w.a.slug)
      .replace("[briefId]", w.publicBrief)
      .replace("[code]", w.a.joinCode)
      .replace("[projectId]", w.project)
      .replace("[token]", "no-such-invite");
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: entry.exportedName ?? id,
    paths: Object.keys(entry.workers).map(pathOf),
  }));
}

/** A FormData argument: React sends it as "$K1" and its fields prefixed "_1_". */
export class FormArg {
  constructor(readonly fields: Record<string, string | Blob>) {}
}

/**
 * Posts a server action with `args` encoded as React's `encodeReply` does for a form action, as
 * the holder of `cookie`. Resolves to the HTTP status.
 */
export async function callServerAction(action: ServerAction, path: string, args: unknown[], cookie: string) {
  const body = new FormData();
  let forms = 0;
  const encoded = args.map((arg) => {
    if (!(arg instanceof FormArg)) return arg === undefined ? "$undefined" : arg;
    forms++;
    for (const [name, value] of Object.entries(arg.fields)) body.append(`_${forms}_${name}`, value);
    return `$K${forms}`;
  });
  body.append("0", JSON.stringify(encoded));
  const headers: Record<string, string> = { origin: e2eBaseUrl, "next-action": action.id, accept: "text/x-component" };
  if (cookie) headers.cookie = cookie;
  const res = await fetch(`${e2eBaseUrl}${path}`, { method: "POST", headers, body, redirect: "manual" });
  await res.arrayBuffer().catch(() => undefined);
  return res.status;
}
