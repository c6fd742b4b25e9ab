/**
 * A real SMTP server on 127.0.0.1 for tests (the `smtp-server` package), keeping every message
 * it accepts parsed with `mailparser`, so a test reads what a person's mail client would.
 */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Delivered = { to: string[]; mail: ParsedMail };

/**
 * `stalled`: a relay that takes the connection and says nothing (no greeting) until the test calls
 * `release()`, as a hung or overloaded one does.
 */
export async function startSmtpServer(options: { stalled?: boolean } = {}) {
  const delivered: Delivered[] = [];
  const waiters: (() => void)[] = [];
  let stalled = options.stalled ?? false;
  const held: (() => void)[] = [];
  const heldWaiters: (() => void)[] = [];
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      if (!stalled) return callback();
      held.push(() => callback());
      for (const wake of heldWaiters.splice(0)) wake();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          delivered.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          for (const wake of waiters.splice(0)) wake();
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    delivered,
    /** How many times a sender has connected so far. */
    connections: () => connections,
    /** Messages to this address so far. */
    to: (address: string) => delivered.filter((d) => d.to.includes(address)).map((d) => d.mail),
    /** Resolves once `count` messages have arrived for `address` (the test's own timeout bounds it). */
    async waitFor(address: string, count = 1) {
      while (delivered.filter((d) => d.to.includes(address)).length < count) {
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
      return delivered.filter((d) => d.to.includes(address)).map((d) => d.mail);
    },
    /** Resolves once a sender's connection is being held without an answer. */
    async holding() {
      while (held.length === 0) await new Promise<void>((resolve) => heldWaiters.push(resolve));
    },
    /** The relay answers: connections held so far go on, and new ones are answered at once. */
    release() {
      stalled = false;
      for (const answer of held.splice(0)) answer();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestSmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;

/** The first link in a message's text body that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const match = (mail.text ?? "").split(/\s+/).find((word) => word.startsWith(prefix));
  if (!match) throw new Error(`No link starting ${prefix} in:\n${mail.text}`);
  return match;
}
