/**
 * The sizes images are kept and served at. No image library here: pages and phones import it
 * to build `srcSet`, route handlers to pick the stored copy that answers a request.
 */

/** The longest side of what we keep: sharp on a projector, a few hundred KB for a photo. */
export const maxImageEdge = 2048;
/** Narrower copies kept beside each image, so a 300-px card never downloads 2,048 pixels. */
export const imageWidths = [320, 640, 1280] as const;

/** The stored name of a narrower copy of an image (see `FileStorage`). */
export const variantName = (width: number) => `w${width}`;

/**
 * Which stored copy answers `?w=<requested>`: the narrowest copy at least that wide, or (when
 * none is, or nothing sensible was asked) the image itself.
 */
export function variantFor(requested: string | null): string | undefined {
  if (!requested || !/^\d{1,5}$/.test(requested)) return undefined;
  const width = imageWidths.find((w) => w >= Number(requested));
  return width ? variantName(width) : undefined;
}

/** `srcSet` for the image at `url`: each narrower copy, then the image itself. */
export function imageSrcSet(url: string) {
  return [...imageWidths.map((w) => `${url}?w=${w} ${w}w`), `${url} ${maxImageEdge}w`].join(", ");
}
