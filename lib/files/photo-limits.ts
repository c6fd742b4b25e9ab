/**
 * The largest photo anyone may send (a note's, a map's, a showcase's, a check-in's), as sent:
 * it is resized after. Its own module so a form can check before sending without loading the
 * image decoder.
 */
export const maxPhotoBytes = 8 * 1024 * 1024;
/** The same in megabytes, for messages: pages write it in the reader's numbers ("8 MB", "8 Mo"). */
export const maxPhotoMb = maxPhotoBytes / 1024 / 1024;
