// Annotations over the wire: a delegate's private annotations reach only their own devices (at the
// protocol level: no other socket ever receives a byte of them), shared ones reach everyone, and
// two devices editing the same annotation end with the same result by the written-down rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientCommand, MeetingEvent } from '../core/index.ts';
import {
  meetingWithDocument,
  expectOk,
  startTestServer,
  until,
  type MeetingFixture,
  type TestClient,
  type TestServer,
} from './testing/harness.ts';

let t: TestServer;
let m: MeetingFixture;
let documentId: string;

beforeAll(async () => {
  t = await startTestServer();
  ({ m, documentId } = await meetingWithDocument(t));
});

afterAll(async () => {
  await t?.close();
});

const SECRET_TEXT = 'Ghi chú riêng: không đồng ý khoản chi này';

function highlight(annotationId: string, shared = false): ClientCommand {
  return {
    type: 'annotation.create',
    payload: {
      annotationId,
      documentId,
      page: 1,
      color: '#ffd400',
      text: SECRET_TEXT,
      shape: {
        kind: 'highlight',
        rects: [{ x: 50, y: 700, w: 120, h: 14 }],
        quote: 'Ngan sach 1',
        prefix: '',
        suffix: '',
      },
      shared,
    },
  };
}

/** Everything a socket received, as raw text: private data must not appear in it at all. */
function wire(c: TestClient): string {
  return JSON.stringify(c.batches);
}

async function joined(token: string): Promise<TestClient> {
  const c = await t.connect(token);
  const ack = await c.join(m.meetingId);
  expect(ack.ok).toBe(true);
  return c;
}

describe('annotations', () => {
  it('a private annotation reaches its author’s devices only; a shared one reaches everyone', async () => {
    const [alice, bob] = m.delegates as [(typeof m.delegates)[0], (typeof m.delegates)[0]];
    const device1 = await joined(alice.token);
    const device2 = await joined(alice.token);
    const other = await joined(bob.token);
    const secretary = await joined(m.secretary.token);
    const chair = await joined(m.chair.token);

    await expectOk(device1.command(m.meetingId, highlight('hl-private-1')));
    await until(
      () => device2.events.some((e) => e.type === 'annotation.created'),
      'the private annotation on the second device',
    );
    // the others got the revision (an empty batch) but not the annotation
    const rev = device1.batches.at(-1)!.rev;
    await until(() => other.batches.some((b) => b.rev === rev), 'the empty batch');
    for (const c of [other, secretary, chair]) {
      expect(wire(c)).not.toContain('hl-private-1');
      expect(wire(c)).not.toContain(SECRET_TEXT);
    }

    // a snapshot and a catch-up are cut the same way
    const snapOther = await other.snapshot(m.meetingId);
    expect(snapOther.annotations['hl-private-1']).toBeUndefined();
    const snapAlice = await device2.snapshot(m.meetingId);
    expect(snapAlice.annotations['hl-private-1']?.text).toBe(SECRET_TEXT);
    const catchUp = await other.join(m.meetingId, rev - 1);
    expect(catchUp.ok && catchUp.mode === 'events' && catchUp.events).toEqual([]);

    // edits and the delete of a private one stay private too
    await expectOk(
      device1.command(m.meetingId, {
        type: 'annotation.update',
        payload: { annotationId: 'hl-private-1', color: '#00c853' },
      }),
    );
    // sharing sends the whole annotation to everyone
    await expectOk(device1.command(m.meetingId, highlight('hl-shared-1', true)));
    await expectOk(
      device2.command(m.meetingId, {
        type: 'annotation.share',
        payload: { annotationId: 'hl-private-1', shared: true },
      }),
    );
    await until(
      () =>
        other.events.some(
          (e) => e.type === 'annotation.shared' && e.payload.annotation.id === 'hl-private-1',
        ) && other.events.some((e) => e.type === 'annotation.created'),
      'both shared annotations at the other delegate',
    );
    const shared = other.events.find((e) => e.type === 'annotation.shared') as Extract<
      MeetingEvent,
      { type: 'annotation.shared' }
    >;
    expect(shared.payload.annotation.color).toBe('#00c853'); // the latest, edited before sharing
    const snapBob = await other.snapshot(m.meetingId);
    expect(Object.keys(snapBob.annotations).sort()).toEqual(['hl-private-1', 'hl-shared-1']);

    // the other delegate cannot change or delete someone else's annotation
    const denied = await other.command(m.meetingId, {
      type: 'annotation.delete',
      payload: { annotationId: 'hl-shared-1' },
    });
    expect(denied.ok || denied.error.code).toBe('FORBIDDEN');

    // unsharing: everyone drops it from the next snapshot, and later edits stay private
    await expectOk(
      device1.command(m.meetingId, {
        type: 'annotation.share',
        payload: { annotationId: 'hl-private-1', shared: false },
      }),
    );
    await expectOk(
      device1.command(m.meetingId, {
        type: 'annotation.update',
        payload: { annotationId: 'hl-private-1', text: 'Sau khi thôi chia sẻ' },
      }),
    );
    const lastRev = device1.batches.at(-1)!.rev;
    await until(() => other.batches.some((b) => b.rev === lastRev), 'the last batch');
    expect(wire(other)).not.toContain('Sau khi thôi chia sẻ');
    expect((await other.snapshot(m.meetingId)).annotations['hl-private-1']).toBeUndefined();
    // a private annotation of someone else is answered like a missing one
    const probe = await other.command(m.meetingId, {
      type: 'annotation.update',
      payload: { annotationId: 'hl-private-1', color: '#000000' },
    });
    expect(probe.ok || probe.error.code).toBe('NOT_FOUND');
  });

  it('personal notes per agenda item are their author’s alone', async () => {
    const [alice, bob] = m.delegates;
    const a = await joined(alice!.token);
    const b = await joined(bob!.token);
    await expectOk(
      a.command(m.meetingId, {
        type: 'note.save',
        payload: { itemId: m.itemIds[0]!, text: 'Hỏi lại về tiến độ giải ngân' },
      }),
    );
    expect((await a.snapshot(m.meetingId)).notes[alice!.id]?.[m.itemIds[0]!]?.text).toBe(
      'Hỏi lại về tiến độ giải ngân',
    );
    const snapB = await b.snapshot(m.meetingId);
    expect(snapB.notes).toEqual({});
    expect(wire(b)).not.toContain('giải ngân');
  });

  it('two devices editing one annotation: each field ends as the server last received it', async () => {
    const alice = m.delegates[0]!;
    const d1 = await joined(alice.token);
    const d2 = await joined(alice.token);
    await expectOk(
      d1.command(m.meetingId, {
        type: 'annotation.create',
        payload: {
          annotationId: 'note-conflict',
          documentId,
          page: 2,
          color: '#ffd400',
          text: 'Ban đầu',
          shape: { kind: 'note', x: 100, y: 500 },
          shared: false,
        },
      }),
    );
    // device 1 moves it and recolours; device 2 rewrites the text and recolours, sent after
    await expectOk(
      d1.command(m.meetingId, {
        type: 'annotation.update',
        payload: {
          annotationId: 'note-conflict',
          shape: { kind: 'note', x: 300, y: 400 },
          color: '#ff0000',
        },
      }),
    );
    await expectOk(
      d2.command(m.meetingId, {
        type: 'annotation.update',
        payload: {
          annotationId: 'note-conflict',
          text: 'Sửa trên máy tính bảng',
          color: '#2962ff',
        },
      }),
    );
    const s1 = await d1.snapshot(m.meetingId);
    const s2 = await d2.snapshot(m.meetingId);
    expect(s1.annotations['note-conflict']).toEqual(s2.annotations['note-conflict']);
    expect(s1.annotations['note-conflict']).toMatchObject({
      shape: { kind: 'note', x: 300, y: 400 }, // the move survives the text edit
      text: 'Sửa trên máy tính bảng',
      color: '#2962ff', // the later colour wins
      version: 3,
    });
    // a delete wins over any edit that reaches the server after it
    await expectOk(
      d1.command(m.meetingId, {
        type: 'annotation.delete',
        payload: { annotationId: 'note-conflict' },
      }),
    );
    const late = await d2.command(m.meetingId, {
      type: 'annotation.update',
      payload: { annotationId: 'note-conflict', text: 'Quá muộn' },
    });
    expect(late.ok || late.error.code).toBe('NOT_FOUND');
  });

  it('refuses bad annotations with a code and a reason', async () => {
    const d = await joined(m.delegates[0]!.token);
    const obs = await joined(m.observer.token);
    const bad: { command: unknown; code: string }[] = [
      {
        command: { ...highlight('x1'), payload: { ...highlight('x1').payload, page: 99 } },
        code: 'INVALID_PAYLOAD',
      },
      {
        command: { ...highlight('x2'), payload: { ...highlight('x2').payload, color: 'red' } },
        code: 'INVALID_PAYLOAD',
      },
      {
        command: {
          type: 'annotation.create',
          payload: {
            ...highlight('x3').payload,
            shape: { kind: 'ink', strokes: [[1, 2, 3]], width: 2 },
          },
        },
        code: 'INVALID_PAYLOAD',
      },
      {
        command: {
          ...highlight('x4'),
          payload: { ...highlight('x4').payload, documentId: 'nope' },
        },
        code: 'NOT_FOUND',
      },
    ];
    for (const { command, code } of bad) {
      const ack = await d.command(m.meetingId, command as ClientCommand);
      expect(ack.ok || ack.error.code, JSON.stringify(command)).toBe(code);
      if (!ack.ok) expect(ack.error.message.length).toBeGreaterThan(5);
    }
    const byObserver = await obs.command(m.meetingId, highlight('x5'));
    expect(byObserver.ok || byObserver.error.code).toBe('FORBIDDEN');
    await expectOk(d.command(m.meetingId, highlight('dup-1')));
    const dup = await d.command(m.meetingId, highlight('dup-1'));
    expect(dup.ok || dup.error.code).toBe('CONFLICT');
  });
});

describe('follow the presenter', () => {
  it('the chair designates a presenter; moves are coalesced, latest wins, late joiners land on it', async () => {
    const presenter = m.delegates[1]!;
    const chair = await joined(m.chair.token);
    const p = await joined(presenter.token);
    const follower = await joined(m.delegates[0]!.token);
    const moved: { page: number }[] = [];
    follower.socket.on('presenter:moved', (msg) => moved.push(msg));

    // only the presenter may move, and only once designated
    const early = await p.socket.timeout(5000).emitWithAck('presenter:move', {
      meetingId: m.meetingId,
      documentId,
      page: 2,
    });
    expect(early.ok || early.error.code).toBe('FORBIDDEN');
    await expectOk(
      chair.command(m.meetingId, {
        type: 'presentation.start',
        payload: { documentId, page: 1, presenterId: presenter.id },
      }),
    );
    const bad = await p.socket.timeout(5000).emitWithAck('presenter:move', {
      meetingId: m.meetingId,
      documentId,
      page: 0,
    });
    expect(bad.ok || bad.error.code).toBe('INVALID_PAYLOAD');
    // a burst of moves: followers get far fewer messages, the last one being the latest page
    for (const page of [1, 2, 3, 2, 3, 1, 2, 3]) {
      p.socket.emit('presenter:move', { meetingId: m.meetingId, documentId, page });
    }
    await until(() => moved.at(-1)?.page === 3, 'the latest page at the follower');
    expect(moved.length).toBeLessThan(8);

    const late = await t.connect(m.observer.token);
    const lateMoves: { page: number; documentId: string }[] = [];
    late.socket.on('presenter:moved', (msg) => lateMoves.push(msg));
    expect((await late.join(m.meetingId)).ok).toBe(true);
    await until(() => lateMoves.length > 0, 'the position on joining');
    expect(lateMoves[0]).toMatchObject({ documentId, page: 3 });

    // a delegate cannot stop someone else's presentation; the presenter can stop their own
    const stopByOther = await follower.command(m.meetingId, {
      type: 'presentation.stop',
      payload: {},
    });
    expect(stopByOther.ok || stopByOther.error.code).toBe('FORBIDDEN');
    await expectOk(p.command(m.meetingId, { type: 'presentation.stop', payload: {} }));
    expect((await chair.snapshot(m.meetingId)).presentation).toBeNull();
  });
});
