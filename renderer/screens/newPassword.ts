// The rules a new password must meet, checked before it is sent (the server checks them again).

/** The server's minimum length. */
export const MIN_PASSWORD_LENGTH = 8;

export type PasswordProblem =
  | { kind: 'tooShort' }
  | { kind: 'same' }
  | { kind: 'mismatch' }
  | { kind: 'wrongCurrent' }
  | { kind: 'other'; code: string };

/** What is wrong with the form before it is sent, or null. */
export function checkNewPassword(
  current: string,
  next: string,
  repeat: string,
): PasswordProblem | null {
  if (next.length < MIN_PASSWORD_LENGTH) return { kind: 'tooShort' };
  if (next === current) return { kind: 'same' };
  if (repeat !== next) return { kind: 'mismatch' };
  return null;
}
