// Why a document could not be opened, as the viewer explains it (each has its own message).

export type LoadFailure = 'invalid' | 'missing' | 'forbidden' | 'network' | 'unknown';

/** From an HTTP status of our own request for the file. */
export function failureOfStatus(status: number): LoadFailure {
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'missing';
  return 'unknown';
}

/** From what pdf.js rejected the document with. */
export function loadFailure(err: unknown): LoadFailure {
  const e = err as { name?: string; status?: number; missing?: boolean } | null;
  switch (e?.name) {
    case 'InvalidPDFException':
    case 'FormatError':
    case 'UnknownErrorException': // thrown while parsing in the worker
      return 'invalid';
    case 'ResponseException':
      if (e.missing) return 'missing';
      return e.status ? failureOfStatus(e.status) : 'network';
    case 'TypeError': // fetch() found no server
      return 'network';
    default:
      return 'unknown';
  }
}
