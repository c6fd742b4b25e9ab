import { ConfigError, type Env, parseEnv } from "./env";
import { loadEnvFiles } from "./env-files";

/**
 * The settings of a command run from a terminal (npm run backup, restore, retention:sweep, db:*):
 * read as the server reads them (the environment, then `.env.local` and `.env`), so a command
 * works on the server's database, not a default one beside it; a wrong one is said in one line
 * naming it, and the command exits 1, rather than a stack trace in which the setting is hard to find.
 */
export function settingsOrExit(source: NodeJS.ProcessEnv = process.env): Env {
  if (source === process.env) loadEnvFiles();
  try {
    return parseEnv(source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
