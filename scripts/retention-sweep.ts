/**
 * `npm run retention:sweep [-- --dry-run] [-- --now 2027-11-01]`: erases the personal data of
 * every event whose retention period has passed (the server also does this by itself, hourly).
 * `--dry-run` only says what would be erased; `--now` (with --dry-run only) asks "by that date?".
 */
import { migrateDatabase, openDatabase } from "@/db/client";
import { settingsOrExit } from "@/lib/config/settings-or-exit";
import { LocalDiskStorage } from "@/lib/files/storage";
import { type DueEvent, sweepRetention } from "@/lib/privacy/retention-sweep";

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const nowAt = args.indexOf("--now");
const nowArg = nowAt >= 0 ? args[nowAt + 1] : undefined;
const unknown = args.filter((a, i) => !["--dry-run", "--now"].includes(a) && !(nowAt >= 0 && i === nowAt + 1));
if (unknown.length > 0 || (nowAt >= 0 && !nowArg)) {
  console.error("Usage: npm run retention:sweep [-- --dry-run [--now <date>]]");
  process.exit(2);
}
const now = nowArg ? Date.parse(nowArg) : Date.now();
if (Number.isNaN(now)) {
  console.error(`--now: "${nowArg}" isn't a date; write it like 2027-11-01`);
  process.exit(2);
}
if (nowArg && !dryRun) {
  console.error("--now only goes with --dry-run: a real sweep erases by today's date, never early.");
  process.exit(2);
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const line = (e: DueEvent) =>
  `  ${e.name} (/${e.slug}): retention ended ${day(e.retentionEndedAt)}; ${e.participants} people to pseudonymise, ${e.photos} photos to delete`;

const env = settingsOrExit();
await migrateDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
const db = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
try {
  const report = await sweepRetention({ db, storage: new LocalDiskStorage(env.UPLOAD_DIR), now, dryRun });
  if (report.outcome === "busy") {
    console.log("Another process is sweeping right now: nothing done here. Run it again in a few minutes.");
  } else if (report.outcome === "dry-run") {
    console.log(
      report.due.length === 0
        ? `Dry run: nothing to erase by ${day(now)}.`
        : `Dry run: by ${day(now)} the sweep would erase personal data of ${report.due.length} event(s):`,
    );
    for (const e of report.due) console.log(line(e));
  } else {
    console.log(
      report.erased.length === 0
        ? "Nothing to erase: no event is past its retention period."
        : `Erased personal data of ${report.erased.length} event(s):`,
    );
    for (const e of report.erased) {
      console.log(line(e).replace("to pseudonymise", "pseudonymised").replace("to delete", "deleted"));
      if (e.filesMissing > 0) console.log(`    ${e.filesMissing} file(s) could not be removed from ${env.UPLOAD_DIR}`);
    }
    console.log(`Audit entries past their keeping date removed: ${report.auditPruned}`);
  }
} catch (error) {
  console.error(`Retention sweep failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  db.close();
}
