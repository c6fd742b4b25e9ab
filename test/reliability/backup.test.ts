/**
 * `npm run backup` while the server is live and phones keep adding notes, then `npm run restore`
 * into a fresh place: the copy passes SQLite's integrity check, holds every note acknowledged
 * before the backup began, is one consistent moment (every note with its command-log row, in
 * the same transaction), and the restored database and uploads equal the backup byte for byte in
 * content. Restoring over the live database is refused and changes nothing.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { filePathOf } from "@/db/backup";
import { connected, participantCookie, type TestSocket } from "../integration/support/clients";
import { addBoard, commandId } from "../integration/support/fixtures";
import { type Child, startChild, stopChild } from "./support/child";
import { createPopulation, type Population, phoneSocket, sendUntilFinal } from "./support/durability";
import { long, report } from "./support/report";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const phones = 30;
const rounds = long ? 5 : 2;

let pop: Population;
let cleanup: () => void;
beforeAll(async () => {
  ({ pop, cleanup } = await createPopulation(phones));
}, 120_000);
afterAll(() => cleanup?.());

/** `npm run <script>` as an operator would, with this environment. */
async function npmScript(script: "backup" | "restore", args: string[], env: Record<string, string>) {
  const cli = join(root, "db", `${script}-cli.ts`);
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", cli, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, out: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

/** Every table's rows, in a stable order, as text. */
async function dump(path: string) {
  const client = createClient({ url: `file:${path}` });
  try {
    const tables = (await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).rows.map((r) =>
      String(r[0]),
    );
    const out: Record<string, string[]> = {};
    for (const t of tables) {
      const rows = (await client.execute(`SELECT * FROM "${t}"`)).rows;
      out[t] = rows.map((r) => JSON.stringify(Object.values(r))).sort();
    }
    return out;
  } finally {
    client.close();
  }
}

async function rowsOf(path: string, sql: string) {
  const client = createClient({ url: `file:${path}` });
  try {
    return (await client.execute(sql)).rows;
  } finally {
    client.close();
  }
}

it(`backs up a live server ${rounds}× and restores each copy intact`, { timeout: 240_000 }, async () => {
  const work = join(filePathOf(pop.db.url), "..");
  const uploads = join(work, "uploads");
  mkdirSync(join(uploads, "ab"), { recursive: true });
  writeFileSync(join(uploads, "ab", "photo-1"), Buffer.from("not really a photo, but bytes to keep"));
  const boardId = await addBoard(pop.db, pop.eventId, "Backup wall");
  let child: Child | null = await startChild(pop.db.url, 0, 1_000_000);
  const sockets: TestSocket[] = [];
  const totals = { backups: 0, acked: 0, ackedBeforeBackup: 0, missing: 0, inconsistent: 0, diffRows: 0, uploadsDiffer: 0 };
  let refusedWhileLive = 0;
  let integrity = "ok";
  try {
    for (const pid of pop.participantIds) {
      const s = phoneSocket(child.url, pop.eventId, participantCookie(pop.eventId, pid));
      sockets.push(s);
    }
    await Promise.all(sockets.map((s) => connected(s, 20_000)));
    const acked = new Map<string, number>(); // command id → when its ack arrived
    let writing = true;
    const deadline = Date.now() + 200_000;
    const writers = sockets.map(async (s, i) => {
      for (let n = 0; writing; n++) {
        const id = commandId();
        const { ack } = await sendUntilFinal(
          s,
          "note:create",
          { id, payload: { boardId, column: "ideas", text: `Phone ${i} note ${n}` } },
          deadline,
        );
        if (ack.ok) acked.set(id, performance.now());
      }
    });

    for (let r = 0; r < rounds; r++) {
      // Let writes pile up, then back up in the middle of them.
      while (acked.size < (r + 1) * 200) await new Promise((res) => setTimeout(res, 50));
      const startedAt = performance.now();
      const out = join(work, `backups-${r}`);
      const made = await npmScript("backup", ["--out", out], { DATABASE_URL: pop.db.url, UPLOAD_DIR: uploads });
      expect(made.code, made.out).toBe(0);
      totals.backups++;
      const file = readdirSync(out).find((f) => f.endsWith(".db"));
      expect(file, made.out).toBeTruthy();
      const backupPath = join(out, file as string);

      const ackedBefore = [...acked].filter(([, at]) => at < startedAt).map(([id]) => id);
      totals.ackedBeforeBackup += ackedBefore.length;
      const logged = new Set(
        (await rowsOf(backupPath, "SELECT command_id FROM command_log WHERE name = 'note:create'")).map((r) => String(r[0])),
      );
      totals.missing += ackedBefore.filter((id) => !logged.has(id)).length;
      // One moment: as many notes on the wall as note:create commands logged for it.
      const [noteCount] = await rowsOf(backupPath, `SELECT count(*) FROM notes WHERE board_id = '${boardId}'`);
      if (Number(noteCount?.[0]) !== logged.size) totals.inconsistent++;

      // Restoring over the live database is refused, and changes nothing.
      const before = readFileSync(filePathOf(pop.db.url)).length;
      const refused = await npmScript("restore", [backupPath, "--yes"], { DATABASE_URL: pop.db.url, UPLOAD_DIR: uploads });
      if (refused.code !== 0 && /in use/.test(refused.out)) refusedWhileLive++;
      expect(readFileSync(filePathOf(pop.db.url)).length).toBeGreaterThanOrEqual(before);

      // Without --yes, it only explains.
      const fresh = join(work, `restored-${r}`);
      const asked = await npmScript("restore", [backupPath], {
        DATABASE_URL: `file:${join(fresh, "madein.db")}`,
        UPLOAD_DIR: join(fresh, "uploads"),
      });
      expect(asked.code).toBe(2);
      const restored = await npmScript("restore", [backupPath, "--yes"], {
        DATABASE_URL: `file:${join(fresh, "madein.db")}`,
        UPLOAD_DIR: join(fresh, "uploads"),
      });
      expect(restored.code, restored.out).toBe(0);
      const check = (await rowsOf(join(fresh, "madein.db"), "PRAGMA integrity_check")).map((r) => String(r[0])).join(";");
      if (check !== "ok") integrity = check;
      const [a, b] = [await dump(backupPath), await dump(join(fresh, "madein.db"))];
      for (const t of new Set([...Object.keys(a), ...Object.keys(b)])) {
        const [x, y] = [a[t] ?? [], b[t] ?? []];
        if (x.join("\n") !== y.join("\n")) totals.diffRows += Math.max(1, Math.abs(x.length - y.length));
      }
      const original = readFileSync(join(uploads, "ab", "photo-1"));
      const back = readFileSync(join(fresh, "uploads", "ab", "photo-1"));
      if (!original.equals(back)) totals.uploadsDiffer++;
    }
    writing = false;
    await Promise.all(writers);
    totals.acked = acked.size;
  } finally {
    for (const s of sockets) s.disconnect();
    await stopChild(child, "SIGTERM");
    child = null;
  }
  const pass =
    totals.missing === 0 &&
    totals.inconsistent === 0 &&
    totals.diffRows === 0 &&
    totals.uploadsDiffer === 0 &&
    integrity === "ok" &&
    refusedWhileLive === rounds;
  const line = report("backup", { ...totals, integrity, refusedWhileLive }, pass);
  expect(line).toMatch(/PASS$/);
});
