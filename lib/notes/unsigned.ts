import { sql } from "drizzle-orm";
import { boards, notes, participants } from "@/db/schema";

/**
 * The notes the room reads without a name: an anonymous board's, and copies of them on any
 * board (a copy keeps its origin in `source_board_id`, however many times it was copied); and
 * the pins, and copies of them, of someone not known to be 18 or over on a map (toWire's
 * `youngOnAMap`: their pins tied to them would say where a child goes).
 * A condition on `notes`, for any query that reads them. An `exists` is never NULL, so
 * `not(unsignedNote)` holds for every signed note, copies or not.
 *
 * It reads the author's age band as it is now. A leave clears that band (and the room then reads
 * every pin of theirs unsigned): ask it before, to know which pins the room read unsigned.
 */
export const unsignedNote = sql`exists (select 1 from ${boards} where ${boards.id} in (${notes.boardId}, ${notes.sourceBoardId}) and (${boards.anonymous} = 1 or (${boards.template} = 'map' and ${notes.authorParticipantId} is not null and not exists (select 1 from ${participants} where ${participants.id} = ${notes.authorParticipantId} and ${participants.ageBand} = '18_plus'))))`;
