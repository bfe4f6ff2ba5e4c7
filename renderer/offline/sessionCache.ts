// Who was signed in on this device, so that a reload with no network still opens the app for
// them (their token is kept already; the socket checks it again as soon as the server answers),
// and the meeting list they last saw. Read back like any other input: checked, or ignored.
import { z } from 'zod';
import { GLOBAL_ROLES, MEETING_STATUSES, ROLES, type MeetingSummary } from '../../core/index.ts';
import type { User } from '../api/http.ts';

const USER_KEY = 'ecab.user';
const LIST_KEY = 'ecab.meetings.';

const UserSchema = z.object({
  id: z.string().min(1),
  username: z.string(),
  displayName: z.string(),
  globalRole: z.enum(GLOBAL_ROLES),
  mustChangePassword: z.boolean(),
});

const ListSchema = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    location: z.string(),
    startsAt: z.string(),
    status: z.enum(MEETING_STATUSES),
    role: z.enum(ROLES),
    publishedAt: z.string().nullable(),
  }),
);

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function read<T>(key: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(storage()?.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: only offline start-up is lost
  }
}

export const rememberUser = (user: User): void => write(USER_KEY, user);
export const rememberedUser = (): User | null => read(USER_KEY, UserSchema);

export const rememberMeetings = (userId: string, list: MeetingSummary[]): void =>
  write(LIST_KEY + userId, list);
export const rememberedMeetings = (userId: string): MeetingSummary[] | null =>
  read(LIST_KEY + userId, ListSchema);

/** Forgets the signed-in user and their meeting list (logout, session ended). */
export function forgetSession(): void {
  const store = storage();
  if (!store) return;
  const user = rememberedUser();
  store.removeItem(USER_KEY);
  if (user) store.removeItem(LIST_KEY + user.id);
}
