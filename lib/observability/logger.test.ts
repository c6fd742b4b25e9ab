import { Writable } from "node:stream";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { createLogger, routeConsoleToLogger } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, destination };
}

describe("logger", () => {
  it("writes JSON lines with a level word and an ISO time", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ nodeEnv: "production", destination });
    logger.info({ reqId: "r1", route: "/o/[slug]" }, "request");
    logger.debug("hidden in production by default");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", reqId: "r1", route: "/o/[slug]", msg: "request" });
    expect(new Date(String(lines[0]?.time)).getTime()).toBeGreaterThan(0);
  });

  it("keeps a failed query's SQL and stack but drops the values it was given", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ nodeEnv: "production", destination });
    const error = new DrizzleQueryError(
      "insert into notes (text) values (?)",
      ["Private idea about Mrs Example"],
      new Error("SQLITE_ERROR: no such table: notes"),
    );
    logger.error({ err: error }, "command failed");
    const text = JSON.stringify(lines);
    expect(text).not.toContain("Mrs Example");
    expect(lines[0]).toMatchObject({ err: { message: "Failed query: insert into notes (text) values (?)" } });
    expect(text).toContain("no such table");
    expect(String((lines[0]?.err as { stack?: string } | undefined)?.stack)).toMatch(/\n\s+at /);
  });

  it("drops a failed query's values wherever it sits in the error's causes", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ nodeEnv: "production", destination });
    const failed = new DrizzleQueryError(
      "insert into notes (text) values (?)",
      ["Private idea about Mrs Example"],
      new Error("SQLITE_IOERR: disk I/O error"),
    );
    const outer = new Error("write batch aborted", { cause: new Error("the commit failed", { cause: failed }) });
    logger.error({ err: outer }, "command failed");
    logger.error({ err: new AggregateError([failed], "several writes failed") }, "sweep failed");
    const text = JSON.stringify(lines);
    expect(text).not.toContain("Mrs Example");
    expect(lines[0]).toMatchObject({
      err: {
        message: "write batch aborted",
        cause: { message: "the commit failed", cause: { message: "Failed query: insert into notes (text) values (?)" } },
      },
    });
    expect(text).toContain("disk I/O error");
  });

  it("drops the values from a message that copied a failed query's", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ nodeEnv: "production", destination });
    const failed = new DrizzleQueryError("update people set name = ? where id = ?", ["Amara Okafor", "p1"]);
    logger.error({ err: new Error(String(failed)) }, "command failed");
    const text = JSON.stringify(lines);
    expect(text).not.toContain("Amara");
    expect(lines[0]).toMatchObject({ err: { message: "Error: Failed query: update people set name = ? where id = ?" } });
  });

  it("takes what libraries write to the console (Next's uncaught errors) as scrubbed JSON lines", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ nodeEnv: "production", destination });
    const console_ = { error: (..._: unknown[]) => {}, warn: (..._: unknown[]) => {} };
    routeConsoleToLogger(logger, console_);
    const error = Object.assign(
      new DrizzleQueryError("insert into participants (name) values (?)", ["Amara Okafor"], new Error("SQLITE_BUSY")),
      { digest: "1234567" },
    );
    console_.error(error);
    console_.warn("Failed query: select 1\nparams: Amara Okafor");
    const text = JSON.stringify(lines);
    expect(text).not.toContain("Amara");
    expect(lines[0]).toMatchObject({ level: "error", source: "console", err: { digest: "1234567" } });
    expect(lines[1]).toMatchObject({ level: "warn", msg: "Failed query: select 1" });
  });
});
