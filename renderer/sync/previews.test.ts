import { describe, expect, it } from 'vitest';
import type { Annotation, MeetingEvent, PreviewEvent } from '../../core/index.ts';
import {
  expired,
  nextExpiry,
  NO_PREVIEWS,
  PREVIEW_TTL_MS,
  previewEvents,
  received,
  settled,
  withPreviews,
  type Previews,
} from './previews.ts';

const AT = '2026-11-20T08:00:00.000Z';
const LATER = '2026-11-20T08:00:05.000Z';

function annotation(id: string, over: Partial<Annotation> = {}): Annotation {
  return {
    id,
    documentId: 'd1',
    sha256: 'a'.repeat(64),
    page: 1,
    author: 'an',
    shared: false,
    color: '#ffd400',
    text: 'Ý kiến',
    shape: { kind: 'note', x: 10, y: 10 },
    createdAt: AT,
    updatedAt: AT,
    version: 1,
    ...over,
  };
}

const created = (a: Annotation): PreviewEvent => ({
  type: 'annotation.created',
  payload: { annotation: a },
});
const updated = (id: string, version: number, text: string): PreviewEvent => ({
  type: 'annotation.updated',
  payload: {
    annotationId: id,
    author: 'an',
    shared: false,
    changes: { text },
    updatedAt: LATER,
    version,
  },
});
const deleted = (id: string): PreviewEvent => ({
  type: 'annotation.deleted',
  payload: { annotationId: id, author: 'an', shared: false },
});
/** The same change as it arrives durably: stamped with a revision. */
const durable = (e: PreviewEvent, rev: number): MeetingEvent =>
  ({ ...e, rev, at: LATER, actor: 'an' }) as MeetingEvent;

const shown = (synced: Record<string, Annotation>, p: Previews) =>
  Object.values(withPreviews(synced, p)).map((a) => [a.id, a.text, a.version]);

describe('annotation previews', () => {
  it('are shown at once over the synced annotations: a new one, an edit, a delete', () => {
    const synced = { b: annotation('b'), c: annotation('c') };
    const p = received(
      NO_PREVIEWS,
      [created(annotation('a')), updated('b', 2, 'Đã sửa'), deleted('c')],
      0,
    );
    expect(shown(synced, p)).toEqual([
      ['b', 'Đã sửa', 2],
      ['a', 'Ý kiến', 1],
    ]);
    // the synced state itself is untouched
    expect(synced.c).toBeDefined();
    expect(synced.b.text).toBe('Ý kiến');
  });

  it('apply in order: an edit of a previewed new annotation, then its delete', () => {
    let p = received(NO_PREVIEWS, [created(annotation('a'))], 0);
    p = received(p, [updated('a', 2, 'Sửa lần 1')], 1);
    expect(shown({}, p)).toEqual([['a', 'Sửa lần 1', 2]]);
    p = received(p, [deleted('a')], 2);
    expect(shown({}, p)).toEqual([]);
  });

  it('are replaced by the durable event: the durable state wins', () => {
    let p = received(NO_PREVIEWS, [created(annotation('a'))], 0);
    p = received(p, [updated('a', 2, 'Bản xem trước')], 1);
    // the create is durable: its preview goes, the edit's stays over it
    p = settled(p, [durable(created(annotation('a')), 10)]);
    expect(p.map((x) => x.event.type)).toEqual(['annotation.updated']);
    const synced = { a: annotation('a') };
    expect(shown(synced, p)).toEqual([['a', 'Bản xem trước', 2]]);
    // the edit is durable, as the server wrote it
    p = settled(p, [durable(updated('a', 2, 'Bản đã ghi'), 11)]);
    expect(p).toEqual([]);
    expect(shown({ a: annotation('a', { text: 'Bản đã ghi', version: 2 }) }, p)).toEqual([
      ['a', 'Bản đã ghi', 2],
    ]);
  });

  it('never show an older change over a newer synced version', () => {
    const p = received(NO_PREVIEWS, [updated('a', 2, 'Cũ'), created(annotation('b'))], 0);
    const synced = {
      a: annotation('a', { text: 'Mới', version: 3 }),
      b: annotation('b', { text: 'Đã ghi' }),
    };
    expect(shown(synced, p)).toEqual([
      ['a', 'Mới', 3],
      ['b', 'Đã ghi', 1],
    ]);
  });

  it('a durable change covers the previews up to its version, not later ones', () => {
    let p = received(NO_PREVIEWS, [updated('a', 2, 'v2'), updated('a', 3, 'v3')], 0);
    p = settled(p, [durable(updated('a', 2, 'v2'), 10)]);
    expect(shown({ a: annotation('a', { text: 'v2', version: 2 }) }, p)).toEqual([['a', 'v3', 3]]);
    // a change of another annotation leaves these alone
    expect(settled(p, [durable(updated('z', 9, 'x'), 11)])).toBe(p);
  });

  it('for an annotation already deleted durably are ignored', () => {
    // its edit and its delete find nothing to change
    const p = received(NO_PREVIEWS, [updated('gone', 3, 'Muộn'), deleted('gone')], 0);
    expect(shown({}, p)).toEqual([]);
    // a durable delete takes the annotation's previews with it
    const q = received(NO_PREVIEWS, [created(annotation('a')), updated('a', 2, 'x')], 0);
    const afterDelete = settled(q, [durable(deleted('a'), 12)]);
    expect(afterDelete).toEqual([]);
    expect(shown({}, afterDelete)).toEqual([]);
  });

  it('a durable delete leaves the preview of the annotation made again (an undo)', () => {
    let p = received(NO_PREVIEWS, [deleted('a')], 0);
    p = received(p, [created(annotation('a', { text: 'Khôi phục' }))], 1);
    p = settled(p, [durable(deleted('a'), 10)]);
    expect(shown({}, p)).toEqual([['a', 'Khôi phục', 1]]);
    p = settled(p, [durable(created(annotation('a', { text: 'Khôi phục' })), 11)]);
    expect(p).toEqual([]);
  });

  it('expire after PREVIEW_TTL_MS without their durable event (the write may have failed)', () => {
    let p = received(NO_PREVIEWS, [created(annotation('a'))], 1000);
    p = received(p, [created(annotation('b'))], 4000);
    expect(nextExpiry(p)).toBe(1000 + PREVIEW_TTL_MS);
    expect(expired(p, 1000 + PREVIEW_TTL_MS - 1)).toBe(p);
    p = expired(p, 1000 + PREVIEW_TTL_MS);
    expect(shown({}, p)).toEqual([['b', 'Ý kiến', 1]]);
    expect(nextExpiry(p)).toBe(4000 + PREVIEW_TTL_MS);
    expect(nextExpiry(expired(p, 4000 + PREVIEW_TTL_MS))).toBeNull();
  });

  it('keep only the events they know from a message', () => {
    const good = created(annotation('a'));
    expect(
      previewEvents([
        good,
        { type: 'vote.opened', payload: { voteId: 'v' } },
        { type: 'annotation.updated', payload: {} },
        null,
        'annotation.deleted',
      ]),
    ).toEqual([good]);
    expect(previewEvents({ type: 'annotation.created' })).toEqual([]);
  });
});
