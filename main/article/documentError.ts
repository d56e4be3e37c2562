/**
 * A document that cannot be read for a reason the listener should hear as it is ("… is protected by DRM",
 * "… would unpack to more than 1,024 MB"): the extraction worker passes its message on unchanged, where
 * any other error is reported as a failure of the reader.
 */
export class DocumentError extends Error {
  override name = 'DocumentError';
  /** Why, for the interface to act on ('password': ask for it), where the kind of document has reasons. */
  readonly kind?: string;
}

/** What the listener is told about a failed extraction, when the document said it: its words and kind. */
export function documentFailure(error: unknown): { message: string; kind?: string } | undefined {
  if (!(error instanceof DocumentError)) return undefined;
  return error.kind ? { message: error.message, kind: error.kind } : { message: error.message };
}
