"use client";

import { useEffect, useState } from "react";
import { bestOffset, type ClockSample } from "@/lib/room/clock";
import type { EventConnection } from "./connection";
import { useConnection } from "./react";

/**
 * The server's clock as seen from this device: its own clock plus an offset measured over a few
 * round trips on every (re)connect, so a phone whose clock is minutes out still counts down to
 * the same second as the big screen.
 */
class ServerClock {
  offset = 0;
  measured = false;
  private listeners = new Set<() => void>();

  constructor(private connection: EventConnection) {
    connection.onResync(() => void this.measure());
  }

  now = () => Date.now() + this.offset;

  subscribe(listener: () => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private async measure() {
    const samples: ClockSample[] = [];
    for (let i = 0; i < 3; i++) {
      const sentAt = Date.now();
      const ack = await this.connection.query("event:time", {}).catch(() => null);
      const receivedAt = Date.now();
      if (ack?.ok) samples.push({ sentAt, receivedAt, serverNow: ack.result.now });
    }
    if (samples.length === 0) return;
    this.offset = bestOffset(samples);
    this.measured = true;
    for (const l of this.listeners) l();
  }
}

const clocks = new WeakMap<EventConnection, ServerClock>();

function clockOf(connection: EventConnection) {
  let clock = clocks.get(connection);
  if (!clock) {
    clock = new ServerClock(connection);
    clocks.set(connection, clock);
  }
  return clock;
}

/** The server's time now, re-rendered every `tickMs` (or never, with null). */
export function useServerNow(tickMs: number | null = 250): number {
  const c = useConnection();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!c) return;
    const clock = clockOf(c);
    const update = () => setNow(clock.now());
    update();
    const off = clock.subscribe(update);
    const timer = tickMs === null ? null : setInterval(update, tickMs);
    return () => {
      off();
      if (timer) clearInterval(timer);
    };
  }, [c, tickMs]);
  return now;
}
