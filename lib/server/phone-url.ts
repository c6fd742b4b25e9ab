import "server-only";
import { networkInterfaces } from "node:os";
import { type ReachableAddress, reachableAddress } from "@/lib/network/reachable-address";
import { requestHost } from "@/lib/server/public-url";

/**
 * The address to print on the big screen for phones: PUBLIC_URL if set, else this machine's LAN
 * address when the page was opened on localhost, else the host the page was opened on.
 */
export async function phoneBaseUrl(): Promise<ReachableAddress> {
  const { host, proto } = await requestHost();
  return reachableAddress({
    host,
    proto,
    publicUrl: process.env.PUBLIC_URL,
    interfaces: networkInterfaces(),
  });
}
