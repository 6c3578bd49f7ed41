// What a report's pictures may be, read by the server (lib/image/normalize.ts, the API's
// document) and the phone (the form's file field, its previews, the manifest's share target):
// no sharp here, so client code can import it.

export const MAX_IMAGES = 4;
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** The types a citizen is offered to pick or share (the server sniffs the bytes anyway). */
export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif"];
