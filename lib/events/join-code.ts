import { randomInt } from "node:crypto";

// No 0/O, 1/I/L, 5/S, 2/Z, 8/B, 6/G: a code read off a projector at the back of a hall must survive it.
export const joinCodeAlphabet = "ACDEFHJKMNPQRTUVWXY3479";
export const joinCodeLength = 6;

export function generateJoinCode(random: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < joinCodeLength; i++) code += joinCodeAlphabet[random(joinCodeAlphabet.length)];
  return code;
}

/** What someone typed → the code to look up: case, spaces and dashes don't matter. */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** Formats a code for reading aloud and display: ABC-DEF. */
export const formatJoinCode = (code: string) => `${code.slice(0, 3)}-${code.slice(3)}`;
