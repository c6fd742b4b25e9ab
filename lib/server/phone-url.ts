import "server-only";
import { networkInterfaces } from "node:os";
import { headers } from "next/headers";
import { type ReachableAddress, reachableAddress } from "@/lib/network/reachable-address";

/**
 * The address to print on the big screen for phones: PUBLIC_URL if set, else this machine's LAN
 * address when the page was opened on localhost, else the host the page was opened on.
 */
export async function phoneBaseUrl(): Promise<ReachableAddress> {
  const h = await headers();
  return reachableAddress({
    host: h.get("x-forwarded-host") ?? h.get("host"),
    proto: h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http",
    publicUrl: process.env.PUBLIC_URL,
    interfaces: networkInterfaces(),
  });
}
