/**
 * How often a room may be sent a fresh tally or presence count. The benchmark's floor server
 * imports the same numbers, so "the same coalescing interval" cannot drift apart.
 *
 * 40 ms (25 updates a second) is below what a projected bar chart shows as steps, and keeps the
 * worst wait a dot adds to a tally well inside the 100 ms a room reads as instant. A room of
 * 1,000 phones then costs at most 25 broadcasts a second whatever the vote rate.
 */
export const fanoutPolicy = {
  tallyIntervalMs: Number(process.env.MADEIN_TALLY_INTERVAL_MS) || 40,
  presenceIntervalMs: 250,
  /**
   * How often a team's cheer counts may go to the room: four times a second is applause to the
   * eye (the big screen floats up what the counts grew by), and a room of 1,000 phones
   * applauding costs 4,000 messages a second, not one to every phone per tap.
   */
  cheerIntervalMs: 250,
  /**
   * How often an event's staff screens may be told that something its record holds changed
   * (`event:record-changed`): the organisers' review draws itself again on it, and it costs a
   * whole export to draw, so a busy room says it at most this often.
   */
  recordIntervalMs: 2000,
};
