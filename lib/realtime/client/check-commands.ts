/**
 * Checks commands kept in an outbox across a new version of the contract: the ones this version
 * no longer accepts are refused with a message instead of being replayed. Loaded on demand
 * (it brings the zod schemas), only when a phone has such commands.
 */
import { type CommandError, type CommandName, commandSchemas } from "../contract";
import { type PendingCommand, updatedMessage } from "./outbox";

export function checkCommands(commands: readonly PendingCommand[]): { id: string; error: CommandError | null }[] {
  return commands.map((c) => {
    const schema = Object.hasOwn(commandSchemas, c.name) ? commandSchemas[c.name as CommandName] : null;
    const parsed = schema?.safeParse(c.payload ?? {});
    return { id: c.id, error: parsed?.success ? null : { code: "invalid" as const, message: updatedMessage } };
  });
}
