import { eq } from "drizzle-orm";
import { participants } from "@/db/schema";
import { forgetEmailsTo } from "@/lib/email/forget-address";
import { forgetMessagesTo } from "@/lib/email/participant-emails";
import { CommandFailure } from "@/lib/realtime/command-error";
import { scrubCommandLogLater } from "@/lib/realtime/command-log-scrub";
import { rooms } from "@/lib/realtime/constants";
import { contactMissing } from "@/lib/realtime/contract-teams";
import type { WriteHandler } from "@/lib/realtime/handler";
import { normaliseEmail } from "@/lib/text/email-address";
import { noteIdsOf, resignedNotes, signedNotesOf } from "./erase-participant";
import { joinNumberOf } from "./join-number";
import { activeParticipant, personView } from "./participant-views";
import { normaliseSkills, publicName } from "./profile";
import { tooManyRenames, withRename } from "./rename-limit";

/**
 * Saves what a participant chose to share. Everything is optional; contact details are kept
 * only with consent. The room hears the public part (name, kind, skills), never the rest.
 */
export const updateProfile: WriteHandler<"profile:update"> = {
  kind: "write",
  permission: "readEvent",
  async apply(tx, { actor, payload }) {
    const me = await activeParticipant(tx, actor);
    // Only the answers sent change: a form open on another device since sends what was changed on it.
    const given = <K extends keyof typeof payload>(key: K) => (payload[key] === undefined ? {} : { [key]: payload[key] });
    const consent = payload.contactConsent ?? me.participant.contactConsent;
    const contact = consent ? (payload.contact ?? me.participant.contact) : "";
    if (consent && !contact.trim()) {
      throw new CommandFailure("invalid", contactMissing, [{ path: "contact", message: contactMissing }]);
    }
    const changes = {
      ...given("displayName"),
      ...(payload.skills === undefined ? {} : { skills: normaliseSkills(payload.skills) }),
      ...given("kind"),
      ...given("ageBand"),
      ...given("accessNeeds"),
      contactConsent: consent,
      contact,
    };
    const row = { ...me.participant, ...changes };
    const shownBefore = publicName(me.participant);
    const renamed = me.participant.displayName !== row.displayName || shownBefore !== publicName(row);
    const recentRenames = renamed ? withRename(me.participant.recentRenames, Date.now()) : me.participant.recentRenames;
    if (!recentRenames) {
      // Nothing is saved; the form keeps what they typed, and says so by the name when that is what changed.
      const byName = payload.displayName === undefined ? undefined : [{ path: "displayName", message: tooManyRenames }];
      throw new CommandFailure("conflict", tooManyRenames, byName);
    }
    // Their notes are shown anew when the name on them changes, and when the age band signs or
    // unsigns their pins on a map (toWire's youngOnAMap): which the room read signed is asked first.
    const adult = (p: { ageBand: string | null }) => p.ageBand === "18_plus";
    const reshown = publicName(row) !== shownBefore || adult(row) !== adult(me.participant);
    const signedBefore = reshown ? await signedNotesOf(tx, me.participant.id) : new Set<string>();
    await tx
      .update(participants)
      .set({ ...changes, recentRenames })
      .where(eq(participants.id, me.participant.id));
    // An address they no longer give (consent withdrawn, or changed) takes its record of emails with it.
    const before = me.participant.contact.trim();
    if (before && normaliseEmail(before) !== normaliseEmail(changes.contact)) {
      await forgetEmailsTo(tx, { eventId: actor.eventId, address: before, exceptParticipantId: me.participant.id });
    }
    if (normaliseEmail(before) !== normaliseEmail(changes.contact) && changes.contact.trim()) {
      await forgetMessagesTo(tx, me.participant.id);
    }
    // The name the room saw until now is not kept in stored records once the room can't see it.
    // Every record that can hold it names them by id: their person (its id, their key as a
    // judge), one of their notes (signed with it), or is their own (a showcase's `updatedBy`, a
    // feedback's `authorName`). Those keep only their ids: a name is never searched for as text,
    // which would hit another person of that name, or JSON itself for a name such as ":".
    if (renamed) {
      await scrubCommandLogLater(tx, actor.eventId, {
        mentioning: [me.participant.id, ...(await noteIdsOf(tx, me.participant.id))],
        sentBy: [`p:${me.participant.id}`],
      });
    }
    const person = personView(row, me.teamId, await joinNumberOf(tx, row));
    // Access needs and contact stay out of the result: the command log keeps results for retries.
    return {
      result: { person },
      broadcasts: [
        { room: rooms.teams(actor.eventId), event: "participant:profile-updated", data: { person } },
        // Their notes, signed with the name the room sees now (or unsigned), on every open board.
        ...(reshown ? await resignedNotes(tx, me.participant.id, signedBefore) : []),
      ],
      // Their other devices draw the new name (the greeting, and their own notes the room can't read
      // yet), or at least the answers, so a form open there starts from them.
      signals: [{ kind: renamed ? "renamed" : "profile-saved", participantId: me.participant.id }],
    };
  },
};
