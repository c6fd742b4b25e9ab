/**
 * A file's size in megabytes to one decimal, rounded up, for "this file is 8.1 MB" next to a
 * limit: a file just over the limit never reads as the limit itself. Pages write it in the
 * reader's numbers with `megabytesFormat` ("10.5" / "10,5").
 */
export const megabytesUp = (bytes: number) => Math.ceil((bytes / 1024 / 1024) * 10) / 10;
export const megabytesFormat = { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false } as const;
