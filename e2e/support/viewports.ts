/** A phone, as participants hold it, and a projector. */
export const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const projector = { viewport: { width: 1920, height: 1080 } };
