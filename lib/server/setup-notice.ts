/**
 * The start-up line an empty install prints: nobody has an account yet, nobody can invite
 * anyone, and the sign-in page is no help, so whoever started the server is told where the
 * first organiser sets Made In up. Null once anyone has an account.
 */
export function setupNotice(base: string, setUp: boolean): string | null {
  return setUp ? null : `No organiser yet: open ${base.replace(/\/+$/, "")}/setup`;
}
