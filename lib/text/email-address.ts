/**
 * One spelling per mailbox, so an address typed into a form, stored on an account, allowed in
 * OIDC_ALLOWED_DOMAINS and sent by the identity provider compare equal when they are one mailbox.
 *
 * Both halves: trimmed, NFC (an "é" sent as e + combining accent, as macOS and some providers
 * do, is the same characters as a precomposed "é": canonical equivalence, RFC 6532 asks for NFC)
 * and lower-cased (the app has always treated case as one mailbox; providers and councils'
 * directories change an address's case freely).
 *
 * The domain also gets compatibility folding (NFKC, and the ideographic full stops as dots), as
 * IDNA does (UTS #46) before any lookup: "ｃｏｕｎｃｉｌ．ｅｘａｍｐｌｅ" *is* council.example to DNS,
 * whatever keyboard typed it. So does the fullwidth "＠", which can't be part of a real address.
 *
 * The local part gets NO compatibility folding: to a mail server "ﬁona" (with the ligature) and
 * "fiona", or "ｓａｍ" and "sam", are different mailboxes, possibly different people, and folding
 * them would let whoever has one sign in as the other. Nor are dots or "+tags" removed (that is
 * one provider's convention, not the standard's). Two spellings that only such folding would
 * join stay apart: the worst case is someone asked for a new invitation, never a shared account.
 */
export function normaliseEmail(raw: string): string {
  const email = raw
    .trim()
    .normalize("NFC")
    .replace(/\uFF20/g, "@");
  const at = email.lastIndexOf("@");
  if (at < 0) return email.toLowerCase();
  return `${email.slice(0, at).toLowerCase()}@${normaliseDomain(email.slice(at + 1))}`;
}

/** An email domain as normaliseEmail writes it (also for OIDC_ALLOWED_DOMAINS). */
export function normaliseDomain(raw: string): string {
  return raw
    .trim()
    .normalize("NFKC")
    .replace(/[\u3002\uFF0E\uFF61]/g, ".")
    .toLowerCase();
}
