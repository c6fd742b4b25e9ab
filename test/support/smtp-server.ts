/**
 * A real SMTP server on 127.0.0.1 for tests (the `smtp-server` package), keeping every message
 * it accepts parsed with `mailparser`, so a test reads what a person's mail client would.
 */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Delivered = { to: string[]; mail: ParsedMail };

export async function startSmtpServer() {
  const delivered: Delivered[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
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
    /** Messages to this address so far. */
    to: (address: string) => delivered.filter((d) => d.to.includes(address)).map((d) => d.mail),
    /** Resolves once `count` messages have arrived for `address` (the test's own timeout bounds it). */
    async waitFor(address: string, count = 1) {
      while (delivered.filter((d) => d.to.includes(address)).length < count) {
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
      return delivered.filter((d) => d.to.includes(address)).map((d) => d.mail);
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
