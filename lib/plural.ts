/** "1 note", "3 notes": the counts on every screen read as plain English. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
