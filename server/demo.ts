// Demo mode: the accounts and meetings of fixtures/demo, loaded once into an empty data folder
// through the same commands a secretary would send.
import { createHash } from 'node:crypto';
import { copyFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientCommand, GlobalRole, Role } from '../core/index.ts';
import type { AccountService } from './auth/accounts.ts';
import type { PdfChecker } from './documents/pdf-check.ts';
import type { MeetingService } from './meetings/service.ts';

export const DEMO_DIR = fileURLToPath(new URL('../fixtures/demo/', import.meta.url));

export interface DemoLogin {
  username: string;
  displayName: string;
  password: string;
  roles: string;
}

interface DemoAccounts {
  password: string;
  accounts: { username: string; displayName: string; globalRole: GlobalRole }[];
}

interface DemoItem {
  title: string;
  description?: string;
  presenter?: string;
  durationMin?: number;
  documents?: string[];
  children?: DemoItem[];
}

interface DemoMeeting {
  locale: string;
  title: string;
  description: string;
  location: string;
  startsAt: string;
  quorum: { kind: 'fraction'; value: number } | { kind: 'count'; value: number };
  selfCheckIn: boolean;
  participants: { username: string; role: Role }[];
  agenda: DemoItem[];
}

const readJson = async <T>(file: string): Promise<T> =>
  JSON.parse(await readFile(join(DEMO_DIR, file), 'utf8')) as T;

export async function loadDemo(deps: {
  accounts: AccountService;
  meetings: MeetingService;
  checker: PdfChecker;
  blobDir: string;
}): Promise<DemoLogin[]> {
  const { accounts, meetings } = deps;
  const demo = await readJson<DemoAccounts>('accounts.json');
  for (const a of demo.accounts) {
    if (!accounts.byUsername(a.username)) {
      await accounts.create({ ...a, password: demo.password, mustChangePassword: false });
    }
  }
  const roles = new Map<string, string[]>();
  for (const locale of ['vi', 'en']) {
    const meeting = await readJson<DemoMeeting>(`meeting.${locale}.json`);
    for (const p of meeting.participants)
      roles.set(p.username, [...(roles.get(p.username) ?? []), p.role]);
    const secretary = meeting.participants.find((p) => p.role === 'secretary');
    const owner = secretary && accounts.byUsername(secretary.username);
    if (!owner) throw new Error(`demo meeting ${locale} needs a secretary with an account`);
    const already = meetings.all().some((m) => m.durable.title === meeting.title);
    if (!already)
      await createMeeting(deps, meeting, { userId: owner.id, globalRole: owner.globalRole });
  }
  return demo.accounts.map((a) => ({
    username: a.username,
    displayName: a.displayName,
    password: demo.password,
    roles:
      a.globalRole === 'admin'
        ? 'admin'
        : [...new Set(roles.get(a.username) ?? [a.globalRole])].join(', '),
  }));
}

async function createMeeting(
  deps: {
    accounts: AccountService;
    meetings: MeetingService;
    checker: PdfChecker;
    blobDir: string;
  },
  m: DemoMeeting,
  actor: { userId: string; globalRole: GlobalRole },
): Promise<void> {
  let n = 0;
  const run = async (
    meetingId: string | null,
    command: ClientCommand | Parameters<MeetingService['execute']>[2],
  ) => {
    const ack = await deps.meetings.execute(meetingId, `demo-${m.locale}-${++n}`, command, actor);
    if (!ack.ok) throw new Error(`demo ${m.locale}: ${command.type} failed: ${ack.error.message}`);
    return ack;
  };
  const { meetingId } = await run(null, {
    type: 'meeting.create',
    payload: {
      title: m.title,
      description: m.description,
      location: m.location,
      startsAt: m.startsAt,
      quorum: m.quorum,
      selfCheckIn: m.selfCheckIn,
    },
  });
  for (const p of m.participants) {
    const account = deps.accounts.byUsername(p.username);
    if (!account || account.id === actor.userId) continue;
    await run(meetingId, {
      type: 'participant.add',
      payload: { userId: account.id, role: p.role },
    });
  }
  const log = deps.meetings.get(meetingId)!;
  const addItems = async (items: DemoItem[], parentId: string | null) => {
    for (const item of items) {
      await run(meetingId, {
        type: 'agenda.add',
        payload: {
          parentId,
          title: item.title,
          description: item.description ?? '',
          presenter: item.presenter ?? '',
          durationMin: item.durationMin ?? null,
        },
      });
      const ids = log.state.agenda.children[parentId ?? ''] ?? [];
      const itemId = ids[ids.length - 1]!;
      for (const name of item.documents ?? [])
        await addDocument(deps, run, meetingId, itemId, name);
      await addItems(item.children ?? [], itemId);
    }
  };
  await addItems(m.agenda, null);
  // the demo pack is ready: its participants see it at once
  await run(meetingId, { type: 'meeting.publish', payload: {} });
}

async function addDocument(
  deps: { checker: PdfChecker; blobDir: string },
  run: (meetingId: string, command: Parameters<MeetingService['execute']>[2]) => Promise<unknown>,
  meetingId: string,
  itemId: string,
  name: string,
): Promise<void> {
  const file = join(DEMO_DIR, 'pdf', name);
  const bytes = await readFile(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const checked = await deps.checker.check(file);
  if (!checked.ok) throw new Error(`demo document ${name} does not open: ${checked.detail}`);
  const target = join(deps.blobDir, sha256);
  if (!(await stat(target).catch(() => null))) await copyFile(file, target);
  await run(meetingId, {
    type: 'document.add',
    payload: { itemId, name, sha256, size: bytes.length, pages: checked.pages },
  });
}
