import "server-only";
import { networkInterfaces } from "node:os";
import { handedOnBase, type ReachableAddress, reachableAddress } from "@/lib/network/reachable-address";
import { requestHost } from "@/lib/server/public-url";

async function addressInput() {
  const { host, proto } = await requestHost();
  return { host, proto, publicUrl: process.env.PUBLIC_URL, interfaces: networkInterfaces() };
}

/**
 * The address to print on the big screen for phones: PUBLIC_URL if set, else this machine's LAN
 * address when the page was opened on localhost, else the host the page was opened on.
 */
export async function phoneBaseUrl(): Promise<ReachableAddress> {
  return reachableAddress(await addressInput());
}

/**
 * The start of a link for someone else's device (lib/network/reachable-address.ts, handedOnBase):
 * PUBLIC_URL when it goes by email, else the same address as the join link.
 */
export async function handedOnBaseUrl(emailed: boolean): Promise<string> {
  return handedOnBase({ ...(await addressInput()), emailed });
}
