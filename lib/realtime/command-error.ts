import type { CommandError, ErrorCode } from "./contract";

/** Thrown by a handler to refuse a command with one of the contract's error codes. */
export class CommandFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: CommandError["issues"],
  ) {
    super(message);
  }

  toError(): CommandError {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}
