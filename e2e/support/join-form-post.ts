import { serverManifest } from "@/lib/server/dist-dir";
import { e2eBaseUrl } from "./config";

let actionId: string | undefined;

function joinActionId() {
  if (actionId) return actionId;
  const manifest = serverManifest<{ node: Record<string, { exportedName?: string }> }>("server-reference-manifest.json");
  const found = Object.entries(manifest.node).find(([, a]) => a.exportedName === "joinEventAction");
  if (!found) throw new Error("joinEventAction is not in the build");
  actionId = found[0];
  return actionId;
}

/**
 * The join form posted over HTTP through its server action, as React's client sends it: the bound
 * code, the previous state, then the form (its fields prefixed "_1_"). The root ("0") goes last,
 * as encodeReply writes it: it refers to the fields before it. No cookies: a browser that has none yet.
 */
export async function postJoinForm(code: string, fields: { displayName: string; submission?: string }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.set(`_1_${name}`, value);
  form.set("0", JSON.stringify([code, {}, "$K1"]));
  return fetch(`${e2eBaseUrl}/j/${code}`, {
    method: "POST",
    body: form,
    headers: { "next-action": joinActionId(), origin: e2eBaseUrl, accept: "text/x-component" },
    redirect: "manual",
  });
}
