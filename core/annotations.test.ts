import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import type { MeetingState } from './model.ts';
import type { ClientCommand } from './schemas.ts';
import { ClientCommandSchema } from './schemas.ts';
import { audienceOf, eventsFor, viewFor } from './visibility.ts';
import { ctxFor, delegate, observer, run, sampleMeeting, secretary } from './test-support.ts';

const del2 = { userId: 'del2', globalRole: 'member' } as const;

function withDocument(): MeetingState {
  return run(
    sampleMeeting(),
    {
      type: 'document.add',
      payload: { itemId: 'A', name: 'Dự toán.pdf', sha256: 'a'.repeat(64), size: 10, pages: 3 },
    },
    secretary,
    () => 'doc1',
  ).state;
}

const note = (annotationId: string, shared = false): ClientCommand =>
  ClientCommandSchema.parse({
    type: 'annotation.create',
    payload: {
      annotationId,
      documentId: 'doc1',
      page: 2,
      color: '#ffd400',
      text: 'Xem lại',
      shape: { kind: 'note', x: 10, y: 20 },
      shared,
    },
  });

describe('annotations', () => {
  it('are private by default and stamped with the document version', () => {
    const { state, events } = run(withDocument(), note('n1'), delegate);
    expect(state.annotations.n1).toMatchObject({
      author: 'del1',
      shared: false,
      sha256: 'a'.repeat(64),
      version: 1,
    });
    expect(audienceOf(events[0]!)).toEqual({ kind: 'some', users: ['del1'], roles: [] });
    expect(eventsFor(events, 'del2', 'delegate')).toEqual([]);
    expect(eventsFor(events, 'sec', 'secretary')).toEqual([]);
    expect(viewFor(state, 'del2', 'delegate').annotations).toEqual({});
    expect(Object.keys(viewFor(state, 'del1', 'delegate').annotations)).toEqual(['n1']);
  });

  it('changes replace only the fields they carry; the later change of a field wins', () => {
    let s = run(withDocument(), note('n1'), delegate).state;
    s = run(
      s,
      {
        type: 'annotation.update',
        payload: { annotationId: 'n1', shape: { kind: 'note', x: 99, y: 98 }, color: '#ff0000' },
      },
      delegate,
    ).state;
    s = run(
      s,
      { type: 'annotation.update', payload: { annotationId: 'n1', text: 'Mới', color: '#0000ff' } },
      delegate,
    ).state;
    expect(s.annotations.n1).toMatchObject({
      shape: { kind: 'note', x: 99, y: 98 },
      text: 'Mới',
      color: '#0000ff',
      version: 3,
    });
  });

  it('refuses a change of kind, someone else’s annotation, an observer, and a deleted one', () => {
    const s = run(withDocument(), note('n1', true), delegate).state;
    const kind = decide(
      s,
      {
        type: 'annotation.update',
        payload: { annotationId: 'n1', shape: { kind: 'ink', strokes: [[1, 2, 3, 4]], width: 2 } },
      },
      ctxFor(delegate),
    );
    expect(kind.ok || kind.error.code).toBe('INVALID_PAYLOAD');
    const other = decide(
      s,
      { type: 'annotation.delete', payload: { annotationId: 'n1' } },
      ctxFor(del2),
    );
    expect(other.ok || other.error.code).toBe('FORBIDDEN');
    expect(decide(withDocument(), note('n2'), ctxFor(observer)).ok).toBe(false);
    const gone = run(
      s,
      { type: 'annotation.delete', payload: { annotationId: 'n1' } },
      delegate,
    ).state;
    const late = decide(
      gone,
      { type: 'annotation.update', payload: { annotationId: 'n1', text: 'x' } },
      ctxFor(delegate),
    );
    expect(late.ok || late.error.code).toBe('NOT_FOUND');
  });

  it('sharing sends it to everyone; unsharing takes it out of everyone else’s view', () => {
    let s = run(withDocument(), note('n1'), delegate).state;
    const shared = run(
      s,
      { type: 'annotation.share', payload: { annotationId: 'n1', shared: true } },
      delegate,
    );
    expect(audienceOf(shared.events[0]!)).toEqual({ kind: 'all' });
    s = shared.state;
    expect(Object.keys(viewFor(s, 'del2', 'delegate').annotations)).toEqual(['n1']);
    s = run(
      s,
      { type: 'annotation.share', payload: { annotationId: 'n1', shared: false } },
      delegate,
    ).state;
    expect(viewFor(s, 'del2', 'delegate').annotations).toEqual({});
    expect(viewFor(s, 'del1', 'delegate').annotations.n1?.shared).toBe(false);
  });

  it('personal notes and private annotations may still change once the meeting is closed', () => {
    let s = run(withDocument(), note('n1'), delegate).state;
    s = run(s, { type: 'meeting.setStatus', payload: { status: 'closed' } }, secretary).state;
    s = run(
      s,
      { type: 'note.save', payload: { itemId: 'A', text: 'Việc cần làm sau họp' } },
      delegate,
    ).state;
    expect(viewFor(s, 'del1', 'delegate').notes.del1?.A?.text).toBe('Việc cần làm sau họp');
    expect(viewFor(s, 'del2', 'delegate').notes).toEqual({});
    const share = decide(
      s,
      { type: 'annotation.share', payload: { annotationId: 'n1', shared: true } },
      ctxFor(delegate),
    );
    expect(share.ok || share.error.code).toBe('CONFLICT');
  });

  it('validates geometry at the boundary', () => {
    const parse = (shape: unknown) =>
      ClientCommandSchema.safeParse({
        type: 'annotation.create',
        payload: { annotationId: 'a1', documentId: 'd', page: 1, color: '#000000', shape },
      }).success;
    expect(parse({ kind: 'ink', strokes: [[0, 0, 10, 10]], width: 2 })).toBe(true);
    expect(parse({ kind: 'ink', strokes: [[0, 0, 10]], width: 2 })).toBe(false);
    expect(parse({ kind: 'ink', strokes: [[0, Number.NaN]], width: 2 })).toBe(false);
    expect(parse({ kind: 'highlight', rects: [], quote: 'x' })).toBe(false);
    expect(parse({ kind: 'text', rect: { x: 0, y: 0, w: 100, h: 20 }, fontSize: 12 })).toBe(true);
    expect(parse({ kind: 'circle', x: 1 })).toBe(false);
  });
});
