/**
 * How long a personal "continue on another device" link works. The link is a bearer key to the
 * person's identity in the event, and it sits in an email inbox or a photo of a QR code long
 * after it was needed, so it must not work for ever. Two days covers how it is used (scanned on
 * the spot, or the emailed copy opened at home that evening or the next day of a weekend) and
 * nothing more; making a new one is a tap on the person's own phone. It works only while the
 * event is open as well (claimPersonalLink), so once the event is archived at the end of its
 * follow-up no link opens it whatever its age. Pure, so the rule is tested without a clock.
 *
 * The other bearer links the app gives out keep their own rules on purpose: an owner's
 * /update link (and the /r reminder links bound to it) must last the months of follow-up and
 * is replaced or revoked by the organisers; a /stop link must always let someone stop emails;
 * staff invites and password resets already expire (their own expires_at).
 */
export const personalLinkLifetimeMs = 2 * 24 * 60 * 60 * 1000;

/** When a link made at `madeAt` stops working. A link with no known making time never worked. */
export const personalLinkExpiresAt = (madeAt: number | null) => (madeAt === null ? 0 : madeAt + personalLinkLifetimeMs);

export const personalLinkExpired = (madeAt: number | null, now: number) => now >= personalLinkExpiresAt(madeAt);
