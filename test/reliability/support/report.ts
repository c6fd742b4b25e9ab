/** The one summary line each reliability test prints, and whether this is a --long run. */
export const long = process.env.RELIABILITY_LONG === "1";

export function report(name: string, values: Record<string, number | string>, pass: boolean) {
  const kv = Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  const line = `RELIABILITY ${name}: ${kv} ${pass ? "PASS" : "FAIL"}`;
  // Straight to the terminal, so Vitest's console interception can't swallow or reorder it.
  process.stdout.write(`${line}\n`);
  return line;
}
