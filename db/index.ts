import "server-only";

export type { Database, Db } from "./client";
export { sharedDatabase } from "./shared";
