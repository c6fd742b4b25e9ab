/** The ranking rules, for screens: the same pure functions the server uses. */
export { rank, settleShortlist, shortlist } from "./rules";
