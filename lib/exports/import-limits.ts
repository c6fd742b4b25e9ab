/**
 * The largest file an organiser may import: a weekend's photos, re-encoded at 2,048 px, are a
 * few hundred KB each. Its own module so the import form can check before sending, without
 * loading the zip reader.
 */
export const maxImportBytes = 50 * 1024 * 1024;
export const maxImportLabel = "50 MB";
