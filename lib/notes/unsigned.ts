import { sql } from "drizzle-orm";
import { boards, notes } from "@/db/schema";

/**
 * The notes the room reads without a name: an anonymous board's, and copies of them on any
 * board (a copy keeps its origin in `source_board_id`, however many times it was copied).
 * A condition on `notes`, for any query that reads them. An `exists` is never NULL, so
 * `not(unsignedNote)` holds for every signed note, copies or not.
 */
export const unsignedNote = sql`exists (select 1 from ${boards} where ${boards.anonymous} = 1 and ${boards.id} in (${notes.boardId}, ${notes.sourceBoardId}))`;
