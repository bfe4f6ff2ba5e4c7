// The sync engine with annotation previews: a preview is shown at once beside the meeting, never
// in it: the revision and the state kept on the device move only with durable events.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  emptyMeeting,
  type Annotation,
  type MeetingEvent,
  type MeetingState,
  type PreviewEvent,
} from '../../core/index.ts';
import type { MeetingPersistence, StoredMeeting } from '../offline/meetingStore.ts';
import { FakeTransport } from './fakeTransport.ts';
import { MeetingSync } from './meetingSync.ts';
import { PREVIEW_TTL_MS, withPreviews } from './previews.ts';

const M = 'm1';
const AT = '2026-11-20T08:00:00.000Z';

const note: Annotation = {
  id: 'a1',
  documentId: 'd1',
  sha256: 'a'.repeat(64),
  page: 2,
  author: 'an',
  shared: false,
  color: '#ffd400',
  text: 'Đề nghị làm rõ',
  shape: { kind: 'note', x: 10, y: 20 },
  createdAt: AT,
  updatedAt: AT,
  version: 1,
};
const createdNote: PreviewEvent = { type: 'annotation.created', payload: { annotation: note } };
const meeting = (rev: number): MeetingState => ({ ...emptyMeeting(), id: M, title: 'Họp', rev });

let transport: FakeTransport;
let sync: MeetingSync;
let kept: StoredMeeting | null;

beforeEach(() => {
  vi.useFakeTimers();
  kept = null;
  const persist: MeetingPersistence = {
    loadState: () => Promise.resolve(null),
    saveState: (s) => {
      kept = structuredClone(s);
      return Promise.resolve();
    },
    loadOutbox: () => [],
    saveOutbox: () => true,
  };
  transport = new FakeTransport();
  sync = new MeetingSync(transport, M, { persist });
});

afterEach(() => {
  sync.stop();
  vi.useRealTimers();
});

async function joinLive(rev = 5): Promise<void> {
  sync.start();
  transport.connect();
  await vi.advanceTimersByTimeAsync(0); // the kept state is read first
  transport
    .lastJoin()
    .ack({ ok: true, mode: 'snapshot', meetingId: M, rev, snapshot: meeting(rev) });
}

const shownNotes = () => {
  const v = sync.getSnapshot();
  return Object.keys(withPreviews(v.meeting!.annotations, v.previews));
};

describe('MeetingSync with annotation previews', () => {
  it('shows a preview at once, without touching the revision or the kept state', async () => {
    await joinLive(5);
    await vi.advanceTimersByTimeAsync(1000);
    const before = sync.getSnapshot();
    transport.preview({ meetingId: M, events: [createdNote] });
    const after = sync.getSnapshot();
    expect(shownNotes()).toEqual(['a1']);
    expect(after.rev).toBe(5);
    expect(after.meeting).toBe(before.meeting);
    await vi.advanceTimersByTimeAsync(1000);
    expect(kept?.rev).toBe(5);
    expect(kept?.meeting.annotations).toEqual({});
  });

  it('drops the preview when the durable event arrives', async () => {
    await joinLive(5);
    transport.preview({ meetingId: M, events: [createdNote] });
    const durable = { ...createdNote, rev: 6, at: AT, actor: 'an' } as MeetingEvent;
    transport.push({ meetingId: M, fromRev: 5, rev: 6, events: [durable] });
    const v = sync.getSnapshot();
    expect(v.previews).toEqual([]);
    expect(v.rev).toBe(6);
    expect(Object.keys(v.meeting!.annotations)).toEqual(['a1']);
  });

  it('drops a preview that no durable event follows after PREVIEW_TTL_MS', async () => {
    await joinLive(5);
    transport.preview({ meetingId: M, events: [createdNote] });
    await vi.advanceTimersByTimeAsync(PREVIEW_TTL_MS - 100);
    expect(shownNotes()).toEqual(['a1']);
    await vi.advanceTimersByTimeAsync(200);
    expect(shownNotes()).toEqual([]);
    expect(sync.getSnapshot().rev).toBe(5);
  });

  it('ignores another meeting’s previews; a snapshot join, holding what became durable, clears them', async () => {
    await joinLive(5);
    transport.preview({ meetingId: 'm2', events: [createdNote] });
    expect(sync.getSnapshot().previews).toEqual([]);
    transport.preview({ meetingId: M, events: [createdNote] });
    transport.disconnect();
    transport.connect();
    transport
      .lastJoin()
      .ack({ ok: true, mode: 'snapshot', meetingId: M, rev: 9, snapshot: meeting(9) });
    expect(sync.getSnapshot().previews).toEqual([]);
  });
});
