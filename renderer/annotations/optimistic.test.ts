import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/index.ts';
import { displayedAnnotations, stillPending, type PendingCommand } from './optimistic.ts';

const SHA = 'a'.repeat(64);
const AT = '2026-11-20T08:00:00.000Z';

function annotation(id: string, over: Partial<Annotation> = {}): Annotation {
  return {
    id,
    documentId: 'd1',
    sha256: SHA,
    page: 1,
    author: 'me',
    shared: false,
    color: '#ffd400',
    text: '',
    shape: { kind: 'note', x: 10, y: 10 },
    createdAt: AT,
    updatedAt: AT,
    version: 1,
    ...over,
  };
}

let seq = 0;
const pending = (
  command: PendingCommand['command'],
  ackRev: number | null = null,
): PendingCommand => ({
  seq: ++seq,
  command,
  ackRev,
  at: '2026-11-20T09:00:00.000Z',
});
const shown = (synced: Record<string, Annotation>, p: PendingCommand[], user = 'me') =>
  displayedAnnotations(synced, p, user, 'd1', SHA);

describe('what a user sees of a document’s annotations', () => {
  it('shows one’s own new annotation before the server answers, as drawn', () => {
    const list = shown({}, [
      pending({
        type: 'annotation.create',
        payload: {
          annotationId: 'n1',
          documentId: 'd1',
          page: 2,
          color: '#4da3ff',
          text: '',
          shape: { kind: 'ink', strokes: [[1, 2, 3, 4]], width: 2 },
          shared: false,
        },
      }),
    ]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: 'n1',
      author: 'me',
      page: 2,
      color: '#4da3ff',
      sha256: SHA,
    });
  });

  it('applies edits, shares and deletes not yet acknowledged on top of the synced state', () => {
    const synced = { a: annotation('a'), b: annotation('b'), c: annotation('c') };
    const list = shown(synced, [
      pending({
        type: 'annotation.update',
        payload: { annotationId: 'a', text: 'mới', color: '#e53935' },
      }),
      pending({ type: 'annotation.share', payload: { annotationId: 'b', shared: true } }),
      pending({ type: 'annotation.delete', payload: { annotationId: 'c' } }),
    ]);
    expect(list.map((a) => [a.id, a.text, a.color, a.shared])).toEqual([
      ['a', 'mới', '#e53935', false],
      ['b', '', '#ffd400', true],
    ]);
  });

  it('an edit of an annotation made a moment ago applies to the draft', () => {
    const list = shown({}, [
      pending({
        type: 'annotation.create',
        payload: {
          annotationId: 'n',
          documentId: 'd1',
          page: 1,
          color: '#ffd400',
          text: '',
          shape: { kind: 'note', x: 1, y: 1 },
          shared: false,
        },
      }),
      pending({ type: 'annotation.update', payload: { annotationId: 'n', text: 'Ghi chú' } }),
    ]);
    expect(list[0]?.text).toBe('Ghi chú');
  });

  it('drops what is neither one’s own nor shared (a copy after unsharing still holds it)', () => {
    const synced = {
      mine: annotation('mine'),
      theirsShared: annotation('theirsShared', { author: 'x', shared: true }),
      theirsUnshared: annotation('theirsUnshared', { author: 'x', shared: false }),
    };
    expect(shown(synced, []).map((a) => a.id)).toEqual(['mine', 'theirsShared']);
  });

  it('keeps to the document, page by page', () => {
    const synced = {
      p3: annotation('p3', { page: 3 }),
      other: annotation('other', { documentId: 'd2' }),
      p1: annotation('p1', { page: 1 }),
    };
    expect(shown(synced, []).map((a) => a.id)).toEqual(['p1', 'p3']);
  });

  it('does not touch someone else’s annotation with one’s own commands', () => {
    const synced = { s: annotation('s', { author: 'x', shared: true }) };
    const list = shown(synced, [
      pending({ type: 'annotation.delete', payload: { annotationId: 's' } }),
    ]);
    expect(list.map((a) => a.id)).toEqual(['s']);
  });

  it('forgets a command once the synced state reached the revision it was acknowledged at', () => {
    const p = [
      pending({ type: 'annotation.delete', payload: { annotationId: 'a' } }),
      pending({ type: 'annotation.delete', payload: { annotationId: 'b' } }, 7),
      pending({ type: 'annotation.delete', payload: { annotationId: 'c' } }, 9),
    ];
    expect(stillPending(p, 8).map((x) => x.command.payload.annotationId)).toEqual(['a', 'c']);
    expect(stillPending(p, 9).map((x) => x.command.payload.annotationId)).toEqual(['a']);
  });
});
