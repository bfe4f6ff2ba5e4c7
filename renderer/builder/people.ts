// Finding people to invite: a search that ignores Vietnamese diacritics, names in list order.
import { compareNames } from '../format.ts';

export interface Invitable {
  id: string;
  username: string;
  displayName: string;
}

/** Lower case without diacritics: "Đặng Văn Dũng" -> "dang van dung". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function matches(person: Invitable, query: string): boolean {
  const q = fold(query);
  if (!q) return true;
  return fold(person.displayName).includes(q) || fold(person.username).includes(q);
}

/** The accounts that match, not yet in the meeting, in Vietnamese list order. */
export function invitable<T extends Invitable>(
  accounts: T[],
  participantIds: Set<string>,
  query: string,
): T[] {
  return accounts
    .filter((a) => !participantIds.has(a.id) && matches(a, query))
    .sort((a, b) => compareNames(a.displayName, b.displayName));
}
