/**
 * Rate limits counted in Redis hold across processes: two limiters (as two processes would
 * build them) share one count, and the count really is in Redis, not in the in-memory fallback.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLimiter } from "@/lib/rate-limit/limiter";
import { connectRedis, type RedisClient, RedisUnreachable } from "@/lib/scale/redis";
import { startRedis, type TestRedis } from "./support/redis-server";

let redis: TestRedis;
let one: RedisClient;
let two: RedisClient;

beforeAll(async () => {
  redis = await startRedis();
  one = await connectRedis(redis.url, () => {});
  two = await connectRedis(redis.url, () => {});
}, 60_000);
afterAll(async () => {
  await one?.close();
  await two?.close();
  await redis?.stop();
});

describe("rate limits in Redis", () => {
  it("count once for every process", async () => {
    const options = { points: 3, seconds: 60, keyPrefix: "test-join" };
    const inA = createLimiter(options, one);
    const inB = createLimiter(options, two);
    await inA.consume("10.0.0.1");
    await inB.consume("10.0.0.1");
    await inA.consume("10.0.0.1");
    await expect(inB.consume("10.0.0.1")).rejects.toMatchObject({ remainingPoints: 0 });
    await inB.consume("10.0.0.2"); // another key has its own count
    expect(await one.get("madein:rl:test-join:10.0.0.1")).toBe("4");
  });
});

describe("connecting to Redis at start", () => {
  it("gives up after its time with a line naming REDIS_URL, never its password, when nothing answers or the password is wrong", async () => {
    const nobody = connectRedis("redis://:hunter2-secret@127.0.0.1:1", () => {}, 1_500);
    await expect(nobody).rejects.toBeInstanceOf(RedisUnreachable);
    const message = await nobody.catch((e: Error) => e.message);
    expect(message).toMatch(/^Redis at redis:\/\/127\.0\.0\.1:1 did not answer within 2 s.*check REDIS_URL/);
    expect(message).not.toContain("hunter2");
    const wrongPassword = new URL(redis.url);
    wrongPassword.password = "not-the-password";
    await expect(connectRedis(wrongPassword.toString(), () => {}, 1_500)).rejects.toBeInstanceOf(RedisUnreachable);
  });
});
