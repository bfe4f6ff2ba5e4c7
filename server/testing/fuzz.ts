// Seeded generator of socket messages the server must refuse: each starts from a valid, state-
// changing message and breaks it in one way, so that a message that slips through shows up as a
// change in the meeting, not as silence.
import { LIMITS } from '../../core/index.ts';

export type FuzzEvent = 'meeting:join' | 'meeting:leave' | 'command';

export interface FuzzCase {
  event: FuzzEvent;
  label: string;
  payload: unknown;
}

export interface FuzzTargets {
  meetingId: string;
  itemIds: string[];
  delegateId: string;
  outsiderId: string;
}

type Obj = Record<string, unknown>;

/** mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Valid commands, each of which would change the meeting if it got through. */
function validCommands(t: FuzzTargets): { type: string; payload: Obj; required: string[] }[] {
  const [a, b, c] = [t.itemIds[0]!, t.itemIds[1]!, t.itemIds[2]!];
  return [
    {
      type: 'meeting.create',
      payload: { title: 'Họp bất thường', startsAt: '2026-04-01T08:00:00+07:00' },
      required: ['title', 'startsAt'],
    },
    { type: 'meeting.update', payload: { title: 'Tên mới', location: 'Hội trường' }, required: [] },
    { type: 'meeting.setStatus', payload: { status: 'in_progress' }, required: ['status'] },
    {
      type: 'participant.add',
      payload: { userId: t.outsiderId, role: 'delegate' },
      required: ['userId', 'role'],
    },
    {
      type: 'participant.setRole',
      payload: { userId: t.delegateId, role: 'observer' },
      required: ['userId', 'role'],
    },
    { type: 'participant.remove', payload: { userId: t.delegateId }, required: ['userId'] },
    {
      type: 'agenda.add',
      payload: { parentId: a, title: 'Mục con', description: '', presenter: '', durationMin: 5 },
      required: ['title'],
    },
    {
      type: 'agenda.update',
      payload: { itemId: b, title: 'Đổi tên', durationMin: 30 },
      required: ['itemId'],
    },
    {
      type: 'agenda.move',
      payload: { itemId: c, parentId: null, index: 0 },
      required: ['itemId', 'parentId', 'index'],
    },
    { type: 'agenda.remove', payload: { itemId: c }, required: ['itemId'] },
    { type: 'agenda.setCurrent', payload: { itemId: b }, required: ['itemId'] },
    {
      type: 'attendance.set',
      payload: { userId: t.delegateId, status: 'absent', reason: 'Ốm' },
      required: ['userId', 'status'],
    },
    { type: 'document.remove', payload: { documentId: 'doc-1' }, required: ['documentId'] },
  ];
}

/** Values of a type no field accepts (`true` is left out for the one boolean field). */
const WRONG_TYPES: unknown[] = [[], [1, 'a'], { a: 1 }, -1.5, true, -7];
/** Not ids by the schema: wrong characters, lengths or types (`null` is a valid meetingId). */
const BAD_MEETING_IDS: unknown[] = [
  '',
  'a'.repeat(65),
  'has space in it',
  'mã-số-cuộc-họp',
  '../../etc/passwd',
  'abcdefgh\u0000',
  12345678,
  {},
  ['abcdefgh'],
  true,
];
/** A command id needs 8-64 characters. */
const BAD_IDS: unknown[] = [...BAD_MEETING_IDS, 'short', null];
const UNKNOWN_TYPES: unknown[] = [
  'meeting.delete',
  'document.add', // only the server issues it
  'toString',
  'constructor',
  '__proto__',
  'hasOwnProperty',
  'AGENDA.ADD',
  'agenda.add ',
  '',
  42,
  null,
  ['agenda.add'],
];
const EXTRA_KEYS = ['extra', 'isAdmin', 'rev', 'constructor', 'prototype', '__proto__'];

/** Sets a key as an own, enumerable property, so that even `__proto__` goes over the wire. */
function withKey(obj: Obj, key: string, value: unknown): Obj {
  const copy: Obj = { ...obj };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function nested(depth: number, asArray: boolean): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

function huge(random: () => number): string {
  const n = LIMITS.messageBytes + 1 + Math.floor(random() * 128 * 1024);
  return random() < 0.5 ? 'x'.repeat(n) : 'Biên bản cuộc họp '.repeat(Math.ceil(n / 18));
}

export function fuzzCases(seed: number, count: number, targets: FuzzTargets): FuzzCase[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const commands = validCommands(targets);
  const out: FuzzCase[] = [];

  const commandCase = (): FuzzCase => {
    const base = pick(commands);
    const payload: Obj = { ...base.payload };
    const command: Obj = { type: base.type, payload };
    const envelope: Obj = { id: `fuzz-${out.length}-abc`, meetingId: targets.meetingId, command };
    const field = pick(Object.keys(payload));
    const make = (label: string, value: unknown): FuzzCase => ({
      event: 'command',
      label: `${base.type} ${label}`,
      payload: value,
    });
    const kind = Math.floor(random() * 12);
    switch (kind) {
      case 0: {
        let wrong = pick(WRONG_TYPES);
        if (wrong === true && field === 'selfCheckIn') wrong = 'yes';
        return make(`${field} of a wrong type`, {
          ...envelope,
          command: { ...command, payload: { ...payload, [field]: wrong } },
        });
      }
      case 1: {
        if (base.required.length === 0) {
          return make('payload a string', { ...envelope, command: { ...command, payload: 'x' } });
        }
        const missing = pick(base.required);
        const rest = { ...payload };
        delete rest[missing];
        return make(`without ${missing}`, { ...envelope, command: { ...command, payload: rest } });
      }
      case 2: {
        const key = pick(EXTRA_KEYS);
        const value = { polluted: true, title: 'x' };
        const where = pick(['payload', 'command', 'envelope'] as const);
        if (where === 'payload')
          return make(`extra ${key} in payload`, {
            ...envelope,
            command: { ...command, payload: withKey(payload, key, value) },
          });
        if (where === 'command')
          return make(`extra ${key} in command`, {
            ...envelope,
            command: withKey(command, key, value),
          });
        return make(`extra ${key} in envelope`, withKey(envelope, key, value));
      }
      case 3: {
        const where = pick(['field', 'id', 'meetingId', 'extra'] as const);
        const s = huge(random);
        if (where === 'field')
          return make(`huge ${field}`, {
            ...envelope,
            command: { ...command, payload: { ...payload, [field]: s } },
          });
        if (where === 'extra') return make('huge extra field', { ...envelope, padding: s });
        return make(`huge ${where}`, { ...envelope, [where]: s });
      }
      case 4: {
        const depth = 20 + Math.floor(random() * 2000);
        const deep = nested(depth, random() < 0.5);
        const where = pick(['field', 'payload', 'command', 'envelope'] as const);
        if (where === 'envelope') return make(`nested ${depth} deep`, deep);
        if (where === 'command')
          return make(`command nested ${depth} deep`, { ...envelope, command: deep });
        if (where === 'payload')
          return make(`payload nested ${depth} deep`, {
            ...envelope,
            command: { ...command, payload: deep },
          });
        return make(`${field} nested ${depth} deep`, {
          ...envelope,
          command: { ...command, payload: { ...payload, [field]: deep } },
        });
      }
      case 5: {
        const where = pick(['envelope', 'command', 'payload', 'type', 'id'] as const);
        if (where === 'envelope') return make('null envelope', null);
        if (where === 'command') return make('null command', { ...envelope, command: null });
        if (where === 'payload')
          return make('null payload', { ...envelope, command: { ...command, payload: null } });
        if (where === 'type')
          return make('null type', { ...envelope, command: { ...command, type: null } });
        return make('null id', { ...envelope, id: null });
      }
      case 6: {
        const n = pick([0, -1, 42, 3.14, Number.MAX_SAFE_INTEGER]);
        const where = pick(['envelope', 'command', 'payload'] as const);
        if (where === 'envelope') return make(`envelope ${n}`, n);
        if (where === 'command') return make(`command ${n}`, { ...envelope, command: n });
        return make(`payload ${n}`, { ...envelope, command: { ...command, payload: n } });
      }
      case 7: {
        const where = pick(['envelope', 'command', 'payload'] as const);
        if (where === 'envelope') return make('envelope in an array', [envelope]);
        if (where === 'command')
          return make('command in an array', { ...envelope, command: [command] });
        return make('payload in an array', {
          ...envelope,
          command: { ...command, payload: [payload] },
        });
      }
      case 8: {
        // the fields only reachable through the prototype: a valid-looking command to a naive check
        const proto = JSON.parse(`{"__proto__": ${JSON.stringify(payload)}}`) as Obj;
        if (random() < 0.5)
          return make('payload behind __proto__', {
            ...envelope,
            command: { ...command, payload: proto },
          });
        const pollute = JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as Obj;
        return make('constructor.prototype in payload', {
          ...envelope,
          command: { ...command, payload: { ...payload, ...pollute } },
        });
      }
      case 9: {
        const type = pick(UNKNOWN_TYPES);
        return make(`type ${JSON.stringify(type)}`, { ...envelope, command: { ...command, type } });
      }
      case 10: {
        const where = pick(['id', 'meetingId'] as const);
        const bad = pick(where === 'id' ? BAD_IDS : BAD_MEETING_IDS);
        return make(`bad ${where} ${JSON.stringify(bad)}`, { ...envelope, [where]: bad });
      }
      default: {
        const what = pick(['string', 'json string', 'undefined fields'] as const);
        if (what === 'string') return make('envelope a string', 'agenda.add');
        if (what === 'json string') return make('envelope as JSON text', JSON.stringify(envelope));
        return make('only a command', { command });
      }
    }
  };

  const roomCase = (event: 'meeting:join' | 'meeting:leave'): FuzzCase => {
    const base: Obj =
      event === 'meeting:join'
        ? { meetingId: targets.meetingId, sinceRev: 0 }
        : { meetingId: targets.meetingId };
    const make = (label: string, payload: unknown): FuzzCase => ({ event, label, payload });
    switch (Math.floor(random() * 9)) {
      case 0:
        return make('bad meetingId', { ...base, meetingId: pick([...BAD_MEETING_IDS, null]) });
      case 1:
        return event === 'meeting:join'
          ? make('bad sinceRev', { ...base, sinceRev: pick([-1, 1.5, '3', [], {}, true, -0.5]) })
          : make('no meetingId', {});
      case 2:
        return make('no meetingId', { sinceRev: 0 });
      case 3:
        return make('extra key', withKey(base, pick(EXTRA_KEYS), { polluted: true }));
      case 4:
        return make('huge meetingId', { ...base, meetingId: huge(random) });
      case 5:
        return make('nested', nested(20 + Math.floor(random() * 2000), random() < 0.5));
      case 6:
        return make('scalar', pick([null, 0, 42, 'm1', true]));
      case 7:
        return make('array', [base]);
      default:
        return make(
          'meetingId behind __proto__',
          JSON.parse(`{"__proto__": ${JSON.stringify(base)}}`),
        );
    }
  };

  while (out.length < count) {
    const r = random();
    out.push(r < 0.7 ? commandCase() : roomCase(r < 0.85 ? 'meeting:join' : 'meeting:leave'));
  }
  return out;
}
