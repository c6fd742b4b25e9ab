import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import type { FileStorage } from "@/lib/files/storage";
import { sweepRetention } from "./retention-sweep";

export type RetentionScheduleOptions = {
  /** How often the cluster sweeps: once per interval, whichever process gets there first. */
  intervalMs?: number;
  /** How often each process asks whether a sweep is due. */
  checkEveryMs?: number;
  /** Before the first check, so a starting process does not compete with its own start-up. */
  firstCheckAfterMs?: number;
};

/**
 * Runs the retention sweep by itself. Every process asks now and then; the lease in the database
 * (lib/jobs/lease.ts) lets exactly one of them sweep per interval, and none while another sweeps.
 */
export function startRetentionSchedule(
  deps: {
    db: Database;
    storage: () => FileStorage;
    log: (message: string, error?: unknown) => void;
    /** Events whose personal data a sweep just erased (and recorded so in their audit logs). */
    onErased?: (eventIds: string[]) => void;
  },
  options: RetentionScheduleOptions = {},
) {
  const intervalMs = options.intervalMs ?? 60 * 60_000;
  const checkEveryMs = options.checkEveryMs ?? 5 * 60_000;
  const holder = `process:${randomUUID()}`;
  let running: Promise<void> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const check = () => {
    if (stopped || running) return;
    running = (async () => {
      try {
        const report = await sweepRetention({
          db: deps.db,
          storage: deps.storage(),
          now: Date.now(),
          onlyIfNotDoneWithinMs: intervalMs,
          holder,
        });
        if (report.outcome === "swept" && report.erased.length > 0) deps.onErased?.(report.erased.map((e) => e.id));
        if (report.outcome === "swept" && (report.erased.length > 0 || report.auditPruned > 0)) {
          // Ids and counts only: the log never carries personal data.
          const events = report.erased.map((e) => `${e.id} (people ${e.participants}, photos ${e.photos})`).join(", ");
          deps.log(
            `retention sweep: erased ${report.erased.length} event(s) ${events}; audit entries pruned ${report.auditPruned}`,
          );
        }
      } catch (error) {
        deps.log("retention sweep failed; the next check tries again", error);
      } finally {
        running = null;
      }
    })();
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    // A little jitter, so processes started together don't all ask at the same instant.
    timer = setTimeout(
      () => {
        check();
        schedule(checkEveryMs);
      },
      delay + Math.floor(Math.random() * Math.min(delay, 10_000)),
    );
    timer.unref();
  };
  schedule(options.firstCheckAfterMs ?? 30_000);

  return {
    /** Runs a check now (tests, and `SIGHUP`-style nudges); resolves when it is done. */
    async runNow() {
      check();
      await running;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
