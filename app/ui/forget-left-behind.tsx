"use client";

import { useEffect } from "react";
import { forgetLeftBehind } from "@/lib/realtime/client/forget-left-behind";

/**
 * On every page that runs JavaScript, once it has loaded: what this browser kept for people it no
 * longer holds goes (lib/realtime/client/forget-left-behind.ts). So leaving without JavaScript
 * clears it on "You've left" with JavaScript, or on the next page that has it.
 */
export function ForgetLeftBehind() {
  useEffect(() => void forgetLeftBehind(), []);
  return null;
}
