"use client";

import { useRefresh } from "@/lib/realtime/client/refresh";
import { useOwnNews } from "@/lib/realtime/client/use-own-news";

/**
 * Draws the page again when what it shows of this person changes on another device: a device
 * signed in with their link or signed out, or their name.
 */
export function FollowOwnDevices() {
  useOwnNews(["device:signed-in", "devices:changed", "profile:renamed"], useRefresh());
  return null;
}
