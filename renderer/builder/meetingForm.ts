// The meeting form's values as the inputs hold them, and the commands they turn into.
import type { CommandOf, MeetingInfo, Quorum } from '../../core/index.ts';

export interface MeetingFormValues {
  title: string;
  /** A datetime-local value, "2026-12-03T08:00", in this device's time zone. */
  startsAt: string;
  location: string;
  description: string;
  quorumKind: Quorum['kind'];
  /** Percent of the members for a fraction (1-100), a number of members for a count. */
  quorumValue: string;
  selfCheckIn: boolean;
}

type CreatePayload = CommandOf<'meeting.create'>['payload'];
type UpdatePayload = CommandOf<'meeting.update'>['payload'];

const pad = (n: number): string => String(n).padStart(2, '0');

/** An ISO instant as a datetime-local value in this device's time zone ('' if not a date). */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${day}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value as an ISO instant; null when it is empty or not a date. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function emptyForm(now: Date): MeetingFormValues {
  // next day at 08:00, when most meetings start
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 8, 0);
  return {
    title: '',
    startsAt: toLocalInput(start.toISOString()),
    location: '',
    description: '',
    quorumKind: 'fraction',
    quorumValue: '50',
    selfCheckIn: false,
  };
}

export function formOf(m: MeetingInfo): MeetingFormValues {
  return {
    title: m.title,
    startsAt: toLocalInput(m.startsAt),
    location: m.location,
    description: m.description,
    quorumKind: m.quorum.kind,
    quorumValue:
      m.quorum.kind === 'fraction'
        ? String(Math.round(m.quorum.value * 1000) / 10)
        : String(m.quorum.value),
    selfCheckIn: m.selfCheckIn,
  };
}

export type FormProblem = 'needTitle' | 'needStart' | 'badFraction' | 'badCount';

export type Checked = { ok: true; payload: CreatePayload } | { ok: false; problem: FormProblem };

/** The form checked as the server would check it, with a problem the secretary can fix. */
export function checkForm(v: MeetingFormValues): Checked {
  const title = v.title.trim();
  if (!title) return { ok: false, problem: 'needTitle' };
  const startsAt = fromLocalInput(v.startsAt);
  if (!startsAt) return { ok: false, problem: 'needStart' };
  const n = Number(v.quorumValue.trim().replace(',', '.'));
  let quorum: Quorum;
  if (v.quorumKind === 'fraction') {
    if (!(n > 0 && n <= 100)) return { ok: false, problem: 'badFraction' };
    quorum = { kind: 'fraction', value: n / 100 };
  } else {
    if (!(Number.isInteger(n) && n >= 1 && n <= 100_000)) return { ok: false, problem: 'badCount' };
    quorum = { kind: 'count', value: n };
  }
  return {
    ok: true,
    payload: {
      title,
      startsAt,
      location: v.location.trim(),
      description: v.description.trim(),
      quorum,
      selfCheckIn: v.selfCheckIn,
    },
  };
}

/** Only what changed, so a save by one person does not undo another's edit of another field. */
export function updateOf(m: MeetingInfo, next: CreatePayload): UpdatePayload {
  const out: UpdatePayload = {};
  if (next.title !== m.title) out.title = next.title;
  if (Date.parse(next.startsAt) !== Date.parse(m.startsAt)) out.startsAt = next.startsAt;
  if (next.location !== m.location) out.location = next.location;
  if (next.description !== m.description) out.description = next.description;
  if (JSON.stringify(next.quorum) !== JSON.stringify(m.quorum)) out.quorum = next.quorum;
  if (next.selfCheckIn !== m.selfCheckIn) out.selfCheckIn = next.selfCheckIn;
  return out;
}
