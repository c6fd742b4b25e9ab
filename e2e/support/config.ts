/** One server and one database file for the browser tests; each test makes its own event in it. */
export const e2ePort = Number(process.env.E2E_PORT ?? 3211);
export const e2eBaseUrl = `http://127.0.0.1:${e2ePort}`;
export const e2eDatabaseUrl = `file:./e2e/.artifacts/e2e-${e2ePort}.db`;
