/** Where an uploaded image is served: note photos and map images share one store and one route. */
export const photoUrl = (photoId: string | null) => (photoId ? `/photos/${photoId}` : null);
