import { describe, expect, it } from 'vitest';
import { announcementsFor } from './announcements.ts';
import { apply, withDefaults } from './apply.ts';
import { decide } from './decide.ts';
import type { MeetingState } from './model.ts';
import { ClientCommandSchema } from './schemas.ts';
import {
  chair,
  ctxFor,
  delegate,
  globalAdmin,
  observer,
  run,
  sampleMeeting,
  secretary,
} from './test-support.ts';
import { audienceOf, canSee, canSeeMeeting, eventsFor, viewFor } from './visibility.ts';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

function withDocument(s: MeetingState, itemId = 'C', sha = SHA_A): MeetingState {
  return run(
    s,
    {
      type: 'document.add',
      payload: { itemId, name: 'Tờ trình.pdf', sha256: sha, size: 1000, pages: 4 },
    },
    secretary,
    () => 'doc1',
  ).state;
}

const setAccess = (
  s: MeetingState,
  audience: { kind: 'all' } | { kind: 'some'; users: string[] },
  label = '',
) =>
  run(
    s,
    { type: 'document.setAccess', payload: { documentId: 'doc1', audience, label } },
    secretary,
  );

describe('drafts and publishing', () => {
  it('a new meeting is a draft that only its organisers see, until the secretary publishes it', () => {
    const draft = sampleMeeting({ draft: true });
    expect(draft.publishedAt).toBeNull();
    expect(canSeeMeeting(draft, 'secretary')).toBe(true);
    expect(canSeeMeeting(draft, 'admin')).toBe(true);
    for (const role of ['chair', 'delegate', 'observer'] as const)
      expect(canSeeMeeting(draft, role)).toBe(false);
    expect(canSeeMeeting(draft, null)).toBe(false);

    // a chair cannot act in a draft; the message says why
    const d = decide(draft, { type: 'agenda.setCurrent', payload: { itemId: 'A' } }, ctxFor(chair));
    expect(d).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!d.ok) expect(d.error.message).toMatch(/draft/);

    // only organisers publish
    const byChair = decide(draft, { type: 'meeting.publish', payload: {} }, ctxFor(chair));
    expect(byChair).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { state, events } = run(draft, { type: 'meeting.publish', payload: {} }, secretary);
    expect(events.map((e) => e.type)).toEqual(['meeting.published']);
    expect(state.publishedAt).toBe('2026-12-03T01:00:00.000Z');
    for (const role of ['chair', 'delegate', 'observer'] as const)
      expect(canSeeMeeting(state, role)).toBe(true);
    // publishing again changes nothing
    expect(decide(state, { type: 'meeting.publish', payload: {} }, ctxFor(globalAdmin))).toEqual({
      ok: true,
      events: [],
    });
  });

  it('a meeting saved before drafts existed stays open to its participants', () => {
    const old = sampleMeeting() as Partial<MeetingState>;
    delete old.publishedAt;
    delete old.readReceipts;
    const s = withDefaults(old as MeetingState);
    expect(s.publishedAt).toBe(s.createdAt);
    expect(s.readReceipts).toEqual({});
  });
});

describe('who sees which document', () => {
  it('a new document is for everyone, unlabelled, with its first version', () => {
    const s = withDocument(sampleMeeting());
    expect(s.documents.doc1).toMatchObject({
      audience: { kind: 'all' },
      label: '',
      versions: [{ sha256: SHA_A, size: 1000, pages: 4, uploadedBy: 'sec' }],
    });
  });

  it('a document can be shared with named participants from its upload on', () => {
    const add = (users: string[]) =>
      decide(
        sampleMeeting(),
        {
          type: 'document.add',
          payload: {
            itemId: 'A',
            name: 'Mật.pdf',
            sha256: SHA_A,
            size: 1,
            pages: 1,
            audience: { kind: 'some', users },
            label: 'MẬT',
          },
        },
        ctxFor(secretary),
      );
    const d = add(['del2', 'del1', 'del1']);
    expect(d.ok).toBe(true);
    const e = d.ok ? d.events[0]! : null;
    expect(e?.type).toBe('document.added');
    if (e?.type === 'document.added') {
      expect(e.payload.document).toMatchObject({
        audience: { kind: 'some', users: ['del1', 'del2'] },
        label: 'MẬT',
      });
      const stamped = { ...e, rev: 99, at: '', actor: 'sec' };
      expect(canSee(audienceOf(stamped), 'chair', 'chair')).toBe(false);
      expect(canSee(audienceOf(stamped), 'del2', 'delegate')).toBe(true);
    }
    expect(add(['stranger'])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a document for named delegates reaches only them and the organisers', () => {
    const s0 = withDocument(sampleMeeting());
    const { state: s, events } = setAccess(s0, { kind: 'some', users: ['del1'] }, 'MẬT');
    expect(s.documents.doc1).toMatchObject({
      audience: { kind: 'some', users: ['del1'] },
      label: 'MẬT',
    });
    // del2, the chair and the observer lose it: they are told so, and only they
    const revoked = events.find((e) => e.type === 'document.accessRevoked');
    expect(revoked?.payload).toEqual({ documentId: 'doc1', userIds: ['chair', 'del2', 'obs'] });
    const changed = events.find((e) => e.type === 'document.accessChanged')!;
    expect(canSee(audienceOf(changed), 'del1', 'delegate')).toBe(true);
    expect(canSee(audienceOf(changed), 'del2', 'delegate')).toBe(false);
    expect(canSee(audienceOf(changed), 'chair', 'chair')).toBe(false);
    expect(canSee(audienceOf(changed), 'sec', 'secretary')).toBe(true);
    expect(canSee(audienceOf(revoked!), 'del1', 'delegate')).toBe(false);
    expect(canSee(audienceOf(revoked!), 'del2', 'delegate')).toBe(true);

    // snapshots are cut the same way
    expect(viewFor(s, 'del1', 'delegate').documents.doc1).toBeDefined();
    expect(viewFor(s, 'del2', 'delegate').documents.doc1).toBeUndefined();
    expect(viewFor(s, 'obs', 'observer').documents).toEqual({});
    expect(viewFor(s, 'sec', 'secretary').documents.doc1).toBeDefined();

    // a later replacement reaches only the same people
    const replaced = run(
      s,
      {
        type: 'document.replace',
        payload: { documentId: 'doc1', name: 'v2.pdf', sha256: SHA_B, size: 9, pages: 1 },
      },
      secretary,
    ).events;
    expect(eventsFor(replaced, 'del2', 'delegate')).toEqual([]);
    expect(eventsFor(replaced, 'del1', 'delegate')).toHaveLength(1);
  });

  it('a person who loses a document drops it from their copy of the meeting', () => {
    const s0 = withDocument(sampleMeeting());
    const { events } = setAccess(s0, { kind: 'some', users: ['del1'] });
    // del2's client had the document (for everyone) and now gets only the revocation
    let del2 = viewFor(s0, 'del2', 'delegate');
    for (const e of eventsFor(events, 'del2', 'delegate')) del2 = apply(del2, e);
    expect(viewFor(del2, 'del2', 'delegate').documents.doc1).toBeUndefined();
    // del1 keeps it with the new audience
    let del1 = viewFor(s0, 'del1', 'delegate');
    for (const e of eventsFor(events, 'del1', 'delegate')) del1 = apply(del1, e);
    expect(viewFor(del1, 'del1', 'delegate').documents.doc1?.audience.kind).toBe('some');
  });

  it('someone given access gets the whole document', () => {
    const s0 = setAccess(withDocument(sampleMeeting()), { kind: 'some', users: ['del1'] }).state;
    const { events } = setAccess(s0, { kind: 'some', users: ['del1', 'del2'] });
    expect(events.map((e) => e.type)).toEqual(['document.accessChanged']);
    let del2 = viewFor(s0, 'del2', 'delegate');
    expect(del2.documents.doc1).toBeUndefined();
    for (const e of eventsFor(events, 'del2', 'delegate')) del2 = apply(del2, e);
    expect(viewFor(del2, 'del2', 'delegate').documents.doc1?.name).toBe('Tờ trình.pdf');
  });

  it('refuses unknown people, delegates setting access, and a change that changes nothing', () => {
    const s = withDocument(sampleMeeting());
    const cmd = (users: string[]) =>
      ({
        type: 'document.setAccess',
        payload: { documentId: 'doc1', audience: { kind: 'some', users }, label: '' },
      }) as const;
    expect(decide(s, cmd(['nobody']), ctxFor(secretary))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(decide(s, cmd(['del1']), ctxFor(delegate))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      decide(
        s,
        {
          type: 'document.setAccess',
          payload: { documentId: 'doc1', audience: { kind: 'all' }, label: '' },
        },
        ctxFor(secretary),
      ),
    ).toEqual({ ok: true, events: [] });
    // labels are short and trimmed
    const parsed = ClientCommandSchema.safeParse({
      type: 'document.setAccess',
      payload: { documentId: 'doc1', audience: { kind: 'all' }, label: 'x'.repeat(61) },
    });
    expect(parsed.success).toBe(false);
  });
});

describe('versions', () => {
  it('replacing keeps the old version for the record and names both in the event', () => {
    const s0 = withDocument(sampleMeeting());
    const { state, events } = run(
      s0,
      {
        type: 'document.replace',
        payload: {
          documentId: 'doc1',
          name: 'Tờ trình (sửa).pdf',
          sha256: SHA_B,
          size: 2000,
          pages: 5,
        },
      },
      secretary,
    );
    const d = state.documents.doc1!;
    expect(d).toMatchObject({ sha256: SHA_B, size: 2000, pages: 5, name: 'Tờ trình (sửa).pdf' });
    expect(d.versions.map((v) => v.sha256)).toEqual([SHA_A, SHA_B]);
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.type).toBe('document.replaced');
    if (e.type === 'document.replaced') {
      expect(e.payload.documentId).toBe('doc1');
      expect(e.payload.previous.sha256).toBe(SHA_A);
      expect(e.payload.current.sha256).toBe(SHA_B);
    }
    // the same file again is refused
    const again = decide(
      state,
      {
        type: 'document.replace',
        payload: { documentId: 'doc1', name: 'x.pdf', sha256: SHA_B, size: 2000, pages: 5 },
      },
      ctxFor(secretary),
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('read receipts', () => {
  it('records the first opening only, for organisers and the reader to see', () => {
    const s0 = withDocument(sampleMeeting());
    const { state: s1, events } = run(
      s0,
      { type: 'document.opened', payload: { documentId: 'doc1' } },
      delegate,
    );
    expect(s1.readReceipts).toEqual({ doc1: { del1: '2026-12-03T01:00:00.000Z' } });
    expect(eventsFor(events, 'del2', 'delegate')).toEqual([]);
    expect(eventsFor(events, 'chair', 'chair')).toEqual([]);
    expect(eventsFor(events, 'del1', 'delegate')).toHaveLength(1);
    expect(eventsFor(events, 'sec', 'secretary')).toHaveLength(1);
    // opening again records nothing new
    expect(
      decide(s1, { type: 'document.opened', payload: { documentId: 'doc1' } }, ctxFor(delegate)),
    ).toEqual({ ok: true, events: [] });
    const s2 = run(
      s1,
      { type: 'document.opened', payload: { documentId: 'doc1' } },
      observer,
    ).state;
    // a delegate sees only their own receipt; the secretary sees all
    expect(viewFor(s2, 'del1', 'delegate').readReceipts).toEqual({
      doc1: { del1: '2026-12-03T01:00:00.000Z' },
    });
    expect(viewFor(s2, 'del2', 'delegate').readReceipts).toEqual({});
    expect(Object.keys(viewFor(s2, 'sec', 'secretary').readReceipts.doc1 ?? {})).toEqual([
      'del1',
      'obs',
    ]);
  });

  it('counts reads of a closed meeting, but not of a document one may not see', () => {
    let s = setAccess(withDocument(sampleMeeting()), { kind: 'some', users: ['del2'] }).state;
    expect(
      decide(s, { type: 'document.opened', payload: { documentId: 'doc1' } }, ctxFor(delegate)),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    s = run(s, { type: 'meeting.setStatus', payload: { status: 'closed' } }, chair).state;
    const d = decide(
      s,
      { type: 'document.opened', payload: { documentId: 'doc1' } },
      {
        ...ctxFor({ userId: 'del2', globalRole: 'member' }),
      },
    );
    expect(d).toMatchObject({ ok: true, events: [{ type: 'document.opened' }] });
  });
});

describe('announcements', () => {
  it('after publishing, a replaced document is announced with its item number', () => {
    const s0 = withDocument(sampleMeeting()); // doc1 on item C, the 3rd top-level item
    const { events } = run(
      s0,
      {
        type: 'document.replace',
        payload: { documentId: 'doc1', name: 'v2.pdf', sha256: SHA_B, size: 9, pages: 1 },
      },
      secretary,
    );
    expect(announcementsFor(s0, events, 'del1')).toEqual([
      expect.objectContaining({
        kind: 'documentReplaced',
        itemNumber: '3',
        itemTitle: 'C',
        documentName: 'v2.pdf',
        documentId: 'doc1',
      }),
    ]);
    // the secretary who did it is not told
    expect(announcementsFor(s0, events, 'sec')).toEqual([]);
  });

  it('says nothing while the meeting is a draft', () => {
    const s0 = sampleMeeting({ draft: true });
    const { state, events } = run(
      s0,
      {
        type: 'document.add',
        payload: { itemId: 'B1', name: 'a.pdf', sha256: SHA_A, size: 1, pages: 1 },
      },
      secretary,
    );
    expect(announcementsFor(s0, events, 'del1')).toEqual([]);
    // publishing itself is not a change to announce in the meeting
    const pub = run(state, { type: 'meeting.publish', payload: {} }, secretary).events;
    expect(announcementsFor(state, pub, 'del1')).toEqual([]);
  });

  it('numbers sub-items, and uses the numbers before a removal', () => {
    const s0 = withDocument(sampleMeeting(), 'B2');
    const added = run(
      s0,
      {
        type: 'agenda.add',
        payload: { parentId: 'B', title: 'B.3', description: '', presenter: '', durationMin: null },
      },
      secretary,
      () => 'B3',
    );
    expect(announcementsFor(s0, added.events, 'del1')).toMatchObject([
      { kind: 'itemAdded', itemNumber: '2.3', itemTitle: 'B.3' },
    ]);
    const removed = run(
      s0,
      { type: 'document.remove', payload: { documentId: 'doc1' } },
      secretary,
    );
    expect(announcementsFor(s0, removed.events, 'del1')).toMatchObject([
      { kind: 'documentRemoved', itemNumber: '2.2', documentName: 'Tờ trình.pdf' },
    ]);
    const gone = run(s0, { type: 'agenda.remove', payload: { itemId: 'A' } }, secretary);
    expect(announcementsFor(s0, gone.events, 'del1')).toMatchObject([
      { kind: 'itemRemoved', itemNumber: '1', itemTitle: 'A' },
    ]);
    // running the meeting is not a change to its pack
    const current = run(s0, { type: 'agenda.setCurrent', payload: { itemId: 'A' } }, chair);
    expect(announcementsFor(s0, current.events, 'del1')).toEqual([]);
  });

  it('tells someone who lost access that the document is gone', () => {
    const s0 = withDocument(sampleMeeting());
    const { events } = setAccess(s0, { kind: 'some', users: ['del1'] });
    const mine = viewFor(s0, 'del2', 'delegate');
    expect(announcementsFor(mine, eventsFor(events, 'del2', 'delegate'), 'del2')).toMatchObject([
      { kind: 'documentRemoved', itemNumber: '3', documentName: 'Tờ trình.pdf' },
    ]);
  });
});
