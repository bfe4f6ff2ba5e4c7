// `annotation:preview` over the wire: the author's other device sees an annotation change before it
// is on disk; nobody who would not receive the durable event receives a byte of its preview; the
// sending socket gets none; refused, retried and other commands send none. Each socket delivers in
// order and the preview is sent before the write, so once a socket has the durable batch (or the
// empty one that keeps its revisions gap-free), any preview for it has arrived already.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, type AnnotationPreview, type ClientCommand } from '../core/index.ts';
import {
  api,
  commandId,
  meetingWithDocument,
  expectOk,
  startTestServer,
  until,
  TestClient,
  type ClientSocket,
  type MeetingFixture,
  type TestServer,
} from './testing/harness.ts';

let t: TestServer;
let m: MeetingFixture;
let documentId: string;
let projectorToken: string;

beforeAll(async () => {
  t = await startTestServer();
  ({ m, documentId } = await meetingWithDocument(t));
  const made = await api<{ token: string }>(t.url, `/api/meetings/${m.meetingId}/projector`, {
    token: m.chair.token,
    json: {},
  });
  projectorToken = made.json.token;
});

const screens: ClientSocket[] = [];

afterAll(async () => {
  for (const s of screens) s.disconnect();
  await t?.close();
});

const SECRET = 'Ý kiến riêng: chưa đồng ý khoản chi 12 tỷ';

function note(annotationId: string, shared = false): ClientCommand {
  return {
    type: 'annotation.create',
    payload: {
      annotationId,
      documentId,
      page: 2,
      color: '#ffd400',
      text: SECRET,
      shape: { kind: 'note', x: 120, y: 480 },
      shared,
    },
  };
}

/** A joined socket that records, in order, every message the server pushes to it. */
interface Device {
  c: TestClient;
  log: { name: string; msg: unknown }[];
}

async function device(token: string | { projector: string }): Promise<Device> {
  const c = typeof token === 'string' ? await t.connect(token) : await screen(token.projector);
  const log: Device['log'] = [];
  c.socket.onAny((name: string, msg: unknown) => log.push({ name, msg }));
  const ack = await c.join(m.meetingId);
  expect(ack.ok).toBe(true);
  return { c, log };
}

/** The room's screen, signed in with the meeting's projector link. */
function screen(token: string): Promise<TestClient> {
  const socket: ClientSocket = io(t.url, {
    auth: { projector: token, protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  screens.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(new TestClient(socket)));
    socket.once('connect_error', reject);
  });
}

const previews = (d: Device) =>
  d.log.filter((x) => x.name === 'annotation:preview').map((x) => x.msg as AnnotationPreview);

/** Waits until each device has the batch of revision `rev` (its cut of it, maybe empty). */
async function delivered(rev: number, ...devices: Device[]): Promise<void> {
  for (const d of devices)
    await until(() => d.c.batches.some((b) => b.rev >= rev), `revision ${rev} on every device`);
}

/** Where in a device's log the first message mentioning an annotation id is. */
function firstMention(d: Device, name: string, id: string): number {
  return d.log.findIndex((x) => x.name === name && JSON.stringify(x.msg).includes(id));
}

describe('annotation previews', () => {
  it('reach the author’s other device before the durable event, and no one else', async () => {
    const [alice, bob] = m.delegates as [(typeof m.delegates)[0], (typeof m.delegates)[0]];
    const one = await device(alice.token);
    const two = await device(alice.token);
    const other = await device(bob.token);
    const secretary = await device(m.secretary.token);
    const chair = await device(m.chair.token);
    const room = await device({ projector: projectorToken });

    let { rev } = await expectOk(one.c.command(m.meetingId, note('pv-private')));
    await delivered(rev, one, two, other, secretary, chair, room);
    const [created] = previews(two);
    expect(created).toEqual({
      meetingId: m.meetingId,
      events: [
        {
          type: 'annotation.created',
          payload: {
            annotation: expect.objectContaining({
              id: 'pv-private',
              author: alice.id,
              text: SECRET,
              version: 1,
            }),
          },
        },
      ],
    });
    // no revision: it is not an event of the journal
    expect(created).not.toHaveProperty('rev');
    expect(firstMention(two, 'annotation:preview', 'pv-private')).toBeLessThan(
      firstMention(two, 'meeting:events', 'pv-private'),
    );

    // an edit and the delete are previewed to the other device too
    await expectOk(
      one.c.command(m.meetingId, {
        type: 'annotation.update',
        payload: { annotationId: 'pv-private', text: 'Đã sửa', page: 3 },
      }),
    );
    ({ rev } = await expectOk(
      one.c.command(m.meetingId, {
        type: 'annotation.delete',
        payload: { annotationId: 'pv-private' },
      }),
    ));
    await delivered(rev, one, two, other, secretary, chair, room);
    expect(previews(two).map((p) => p.events.map((e) => e.type))).toEqual([
      ['annotation.created'],
      ['annotation.updated'],
      ['annotation.deleted'],
    ]);
    expect(previews(two)[1]!.events[0]).toMatchObject({
      payload: { annotationId: 'pv-private', changes: { text: 'Đã sửa', page: 3 }, version: 2 },
    });

    // the sender shows its own change already; the others may not know it exists
    expect(previews(one)).toEqual([]);
    for (const d of [other, secretary, chair, room]) {
      expect(previews(d)).toEqual([]);
      const wire = JSON.stringify(d.log);
      expect(wire).not.toContain('pv-private');
      expect(wire).not.toContain(SECRET);
    }
  });

  it('of a shared annotation reach everyone in the meeting but the sender', async () => {
    const [alice, bob] = m.delegates as [(typeof m.delegates)[0], (typeof m.delegates)[0]];
    const one = await device(alice.token);
    const two = await device(alice.token);
    const other = await device(bob.token);
    const observer = await device(m.observer.token);
    const room = await device({ projector: projectorToken });

    const { rev } = await expectOk(one.c.command(m.meetingId, note('pv-shared', true)));
    await delivered(rev, one, two, other, observer, room);
    for (const d of [two, other, observer, room]) {
      expect(previews(d)).toHaveLength(1);
      expect(previews(d)[0]!.events[0]).toMatchObject({
        type: 'annotation.created',
        payload: { annotation: { id: 'pv-shared', shared: true, author: alice.id } },
      });
    }
    expect(previews(one)).toEqual([]);

    // another delegate's device sees the author's edit before it is on disk
    const edited = await expectOk(
      one.c.command(m.meetingId, {
        type: 'annotation.update',
        payload: { annotationId: 'pv-shared', color: '#e53935' },
      }),
    );
    await delivered(edited.rev, other);
    expect(previews(other).at(-1)!.events[0]).toMatchObject({
      type: 'annotation.updated',
      payload: { annotationId: 'pv-shared', changes: { color: '#e53935' } },
    });
  });

  it('are not sent for a refused command, a retry, or other kinds of command', async () => {
    const [alice, bob] = m.delegates as [(typeof m.delegates)[0], (typeof m.delegates)[0]];
    const one = await device(alice.token);
    const two = await device(alice.token);
    const other = await device(bob.token);

    const id = commandId();
    const first = await expectOk(one.c.command(m.meetingId, note('pv-retry'), id));
    await delivered(first.rev, two);
    expect(previews(two)).toHaveLength(1);

    // refused: another’s private annotation, a missing one, an id that exists already
    const refused = [
      await other.c.command(m.meetingId, {
        type: 'annotation.update',
        payload: { annotationId: 'pv-retry', text: 'không được' },
      }),
      await one.c.command(m.meetingId, {
        type: 'annotation.delete',
        payload: { annotationId: 'pv-missing' },
      }),
      await one.c.command(m.meetingId, note('pv-retry')),
    ];
    expect(refused.map((a) => a.ok)).toEqual([false, false, false]);
    // the same command again: answered from memory, not decided again
    expect(await one.c.command(m.meetingId, note('pv-retry'), id)).toEqual(first);
    // journaled but not previewed: sharing and personal notes
    await expectOk(
      one.c.command(m.meetingId, {
        type: 'annotation.share',
        payload: { annotationId: 'pv-retry', shared: true },
      }),
    );
    const last = await expectOk(
      one.c.command(m.meetingId, {
        type: 'note.save',
        payload: { itemId: m.itemIds[0]!, text: 'Ghi chú cá nhân' },
      }),
    );
    await delivered(last.rev, one, two, other);
    expect(previews(two)).toHaveLength(1);
    expect(previews(other)).toEqual([]);
    expect(previews(one)).toEqual([]);
  });
});
