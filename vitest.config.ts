import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "@": fileURLToPath(new URL(".", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // Password hashing is deliberately slow; on a loaded 2-core machine a test doing a few needs room.
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "db/**/*.test.ts", "e2e/support/**/*.test.ts"],
          environment: "node",
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          // Real servers, child processes and scrypt: a busy 2-core machine (a browser run beside
          // it) needs minutes where a quiet one needs seconds. Outcomes are asserted, not speed.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "reliability",
          include: ["test/reliability/**/*.test.ts"],
          environment: "node",
          // Each file starts real servers and hundreds of sockets; one file at a time on 2 cores.
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
