import "server-only";

export { type Database, type Db, sharedDatabase } from "./client";
export * as schema from "./schema";
