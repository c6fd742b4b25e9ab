/**
 * How many request bodies this process holds at once, and how much of them. A body read into
 * memory (a form's post, a photo) costs its size until it is answered; a sender who declares a
 * big body and then trickles it, or never finishes it, keeps that memory for as long as the
 * connection lasts. Without a budget a stranger holding a thousand such posts took the process
 * from 0.45 to 3.5 GB. So every body is admitted before a byte is read, for the bytes it may
 * take, against these limits:
 *
 * - the process's bytes: all the bodies being received or answered at once. Small bodies (a
 *   form without files) may use a reserve that large ones may not, so uploads filling the
 *   budget never stop the room's ordinary forms;
 * - the bytes of large bodies one address, or one person, holds at once: a share of what large
 *   bodies may use, so one source (one address with several free identities, uploading slowly
 *   on purpose) cannot take all of it from everybody else. An address or person holding no
 *   large body may always start one, so a body bigger than the share (an organiser's import)
 *   still gets in when the process has room for it;
 * - bodies arriving at once from one address: a venue's 300 phones share one, so this is high,
 *   a backstop against one source holding many;
 * - bodies arriving at once for one person (a participant, an owner's link, an account): a
 *   second tab or a retry, not dozens.
 *
 * "Arriving" ends when the whole body is in; the bytes stay counted until the answer is sent.
 */
export type BodyLimits = {
  /** Bytes of bodies held at once, small ones included. */
  totalBytes: number;
  /** Of those, the bytes only small bodies may use. */
  reserveBytes: number;
  /** A body declaring at most this much is small. */
  smallBytes: number;
  /** Bodies arriving at once from one address. */
  perAddress: number;
  /** Bodies arriving at once for one person. */
  perPerson: number;
  /** The part of the large bodies' bytes (all but the reserve) one address may hold at once. */
  addressShare: number;
  /** The same for one person. */
  personShare: number;
};

const mb = 1024 * 1024;

/**
 * An owner's check-in with four 8 MB photos is 33 MB and an organiser's import 52 MB: a few of
 * those at once fit, with room for everybody's small forms. 192 MB is under half of what the
 * process needs to run (~450 MB), so a full budget slows uploads down but cannot take it down.
 *
 * A quarter of the 176 MB for large bodies per address is 44 MB: a venue's 300 phones behind one
 * router can have five 8 MB photos (or ten of a phone's usual 4 MB) on their way at once, and
 * their forms without files are not counted at all; it takes four addresses to fill the budget.
 * An eighth per person, 22 MB: two 8 MB photos at once, or one check-in (its first body).
 */
export const defaultBodyLimits: BodyLimits = {
  totalBytes: 192 * mb,
  reserveBytes: 16 * mb,
  smallBytes: 64 * 1024,
  perAddress: 64,
  perPerson: 4,
  addressShare: 1 / 4,
  personShare: 1 / 8,
};

/**
 * Why a body was not admitted: the process is full, this address or person already sends
 * several bodies, or already holds its share of the bytes.
 */
export type BodyRefusal = "busy" | "address" | "person" | "addressShare" | "personShare";

export type BodyAdmission =
  | {
      ok: true;
      /** The whole body has arrived: it no longer counts against its address and person. */
      arrived(): void;
      /** Answered (or gone): its bytes are free. Calls `arrived` too; both may be called again. */
      release(): void;
    }
  | { ok: false; refusal: BodyRefusal };

export function createBodyBudget(limits: BodyLimits = defaultBodyLimits) {
  let bytes = 0;
  const fromAddress = new Map<string, number>();
  const forPerson = new Map<string, number>();
  // Bytes of large bodies held, by address and by person.
  const largeFromAddress = new Map<string, number>();
  const largeForPerson = new Map<string, number>();
  const largeRoom = limits.totalBytes - limits.reserveBytes;
  /** Whether one more large body of `by` bytes takes `key` past its share (its first one never does). */
  const pastShare = (held: Map<string, number>, key: string, by: number, share: number) => {
    const now = held.get(key) ?? 0;
    return now > 0 && now + by > largeRoom * share;
  };
  const add = (counts: Map<string, number>, key: string, by: number) => {
    const next = (counts.get(key) ?? 0) + by;
    if (next <= 0) counts.delete(key);
    else counts.set(key, next);
  };

  return {
    /** Admits a body that may take `bytes`, from `address`, for `person` (null: someone we don't know). */
    admit(body: { address: string; person: string | null; bytes: number }): BodyAdmission {
      const small = body.bytes <= limits.smallBytes;
      const room = limits.totalBytes - (small ? 0 : limits.reserveBytes);
      if (bytes + body.bytes > room) return { ok: false, refusal: "busy" };
      if ((fromAddress.get(body.address) ?? 0) >= limits.perAddress) return { ok: false, refusal: "address" };
      if (body.person !== null && (forPerson.get(body.person) ?? 0) >= limits.perPerson) return { ok: false, refusal: "person" };
      if (!small && pastShare(largeFromAddress, body.address, body.bytes, limits.addressShare)) {
        return { ok: false, refusal: "addressShare" };
      }
      if (!small && body.person !== null && pastShare(largeForPerson, body.person, body.bytes, limits.personShare)) {
        return { ok: false, refusal: "personShare" };
      }
      bytes += body.bytes;
      add(fromAddress, body.address, 1);
      if (body.person !== null) add(forPerson, body.person, 1);
      const large = small ? 0 : body.bytes;
      add(largeFromAddress, body.address, large);
      if (body.person !== null) add(largeForPerson, body.person, large);
      let arriving = true;
      let held = true;
      const arrived = () => {
        if (!arriving) return;
        arriving = false;
        add(fromAddress, body.address, -1);
        if (body.person !== null) add(forPerson, body.person, -1);
      };
      return {
        ok: true,
        arrived,
        release() {
          arrived();
          if (!held) return;
          held = false;
          bytes -= body.bytes;
          add(largeFromAddress, body.address, -large);
          if (body.person !== null) add(largeForPerson, body.person, -large);
        },
      };
    },
    /** What is held now: for the metrics and the tests. */
    inUse() {
      let arriving = 0;
      for (const n of fromAddress.values()) arriving += n;
      return { bytes, arriving };
    },
  };
}

export type BodyBudget = ReturnType<typeof createBodyBudget>;
