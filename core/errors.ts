// Error codes every side understands. The message is for a person; the code is for the program
// (the renderer shows its own translated text per code, with the server's message as detail).

export const ERROR_CODES = [
  'PROTOCOL_MISMATCH',
  'UNAUTHENTICATED',
  'PASSWORD_CHANGE_REQUIRED',
  'FORBIDDEN',
  'INVALID_PAYLOAD',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UNSUPPORTED_FILE',
  'PASSWORD_PROTECTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
}

export function appError(code: ErrorCode, message: string): AppError {
  return { code, message };
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
