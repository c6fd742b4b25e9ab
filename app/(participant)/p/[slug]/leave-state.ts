/** A leave form's answer when it was refused: why, and the "also delete my notes" tick as it was sent. */
export type LeaveState = { message?: string; deleteNotes?: boolean };
