// The sync engine tells listeners each batch it applies, with the state before: what the pack
// announcements are derived from, live and after catching up on a reconnect.
import { describe, expect, it } from 'vitest';
import {
  announcementsFor,
  emptyMeeting,
  type DocumentInfo,
  type MeetingEvent,
  type MeetingState,
} from '../../core/index.ts';
import { FakeTransport } from '../sync/fakeTransport.ts';
import { MeetingSync } from '../sync/meetingSync.ts';

const M = 'm1';
const SHA = (c: string) => c.repeat(64);

function doc(sha: string): DocumentInfo {
  const v = {
    sha256: sha,
    size: 10,
    pages: 1,
    uploadedBy: 'sec',
    uploadedAt: '2026-03-09T01:00:00Z',
  };
  return {
    id: 'd1',
    itemId: 'c',
    name: 'to-trinh.pdf',
    ...v,
    audience: { kind: 'all' },
    label: '',
    versions: [v],
  };
}

function published(rev: number): MeetingState {
  const items = ['a', 'b', 'c'].map((id) => ({
    id,
    parentId: null,
    title: `Item ${id}`,
    description: '',
    presenter: '',
    durationMin: null,
  }));
  return {
    ...emptyMeeting(),
    id: M,
    rev,
    publishedAt: '2026-03-08T01:00:00Z',
    agenda: {
      items: Object.fromEntries(items.map((i) => [i.id, i])),
      children: { '': ['a', 'b', 'c'] },
    },
    documents: { d1: doc(SHA('a')) },
  };
}

const replaced = (rev: number): MeetingEvent => ({
  type: 'document.replaced',
  payload: {
    documentId: 'd1',
    previous: doc(SHA('a')),
    current: { ...doc(SHA('b')), name: 'v2.pdf' },
  },
  rev,
  at: '2026-03-09T02:00:00Z',
  actor: 'sec',
});

describe('batches for announcements', () => {
  it('are reported live and after catching up, with the state before them', () => {
    const t = new FakeTransport();
    const sync = new MeetingSync(t, M);
    const heard: string[] = [];
    sync.onBatch((before, events) => {
      for (const a of announcementsFor(before, events, 'del1'))
        heard.push(`${a.itemNumber} ${a.kind}`);
    });
    sync.start();
    t.connect();
    t.lastJoin().ack({ ok: true, mode: 'snapshot', meetingId: M, rev: 5, snapshot: published(5) });
    expect(heard).toEqual([]); // a snapshot is not a change

    t.push({ meetingId: M, fromRev: 5, rev: 6, events: [replaced(6)] });
    expect(heard).toEqual(['3 documentReplaced']);

    // offline meanwhile: the catch-up's events are announced too
    t.disconnect();
    t.connect();
    t.lastJoin().ack({
      ok: true,
      mode: 'events',
      meetingId: M,
      rev: 7,
      events: [
        { type: 'document.removed', payload: { documentId: 'd1' }, rev: 7, at: '', actor: 'sec' },
      ],
    });
    expect(heard).toEqual(['3 documentReplaced', '3 documentRemoved']);
  });
});
