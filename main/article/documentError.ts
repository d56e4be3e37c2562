/**
 * A document that cannot be read for a reason the listener should hear as it is ("… is protected by DRM",
 * "… would unpack to more than 1,024 MB"): the extraction worker passes its message on unchanged, where
 * any other error is reported as a failure of the reader.
 */
export class DocumentError extends Error {
  override name = 'DocumentError';
}
