import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/index.ts';
import { emptyHistory, record, redo, stepOf, undo } from './history.ts';

const a: Annotation = {
  id: 'a1',
  documentId: 'd1',
  sha256: 'a'.repeat(64),
  page: 2,
  author: 'me',
  shared: true,
  color: '#ffd400',
  text: 'cũ',
  shape: { kind: 'note', x: 10, y: 20 },
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-20T08:00:00.000Z',
  version: 3,
};

describe('undo and redo as inverse commands', () => {
  it('undoes a create with a delete, and redoes it with the same id', () => {
    const create = {
      type: 'annotation.create',
      payload: {
        annotationId: 'a1',
        documentId: 'd1',
        page: 1,
        color: '#ffd400',
        text: '',
        shape: { kind: 'note', x: 1, y: 1 },
        shared: false,
      },
    } as const;
    const h = record(emptyHistory, stepOf(create, undefined));
    const u = undo(h)!;
    expect(u.command).toEqual({ type: 'annotation.delete', payload: { annotationId: 'a1' } });
    const r = redo(u.history)!;
    expect(r.command).toEqual(create);
    expect(undo(r.history)?.command.type).toBe('annotation.delete');
  });

  it('undoes a delete by making the same annotation again, shared as it was', () => {
    const step = stepOf({ type: 'annotation.delete', payload: { annotationId: 'a1' } }, a);
    expect(step?.undo).toEqual({
      type: 'annotation.create',
      payload: {
        annotationId: 'a1',
        documentId: 'd1',
        page: 2,
        color: '#ffd400',
        text: 'cũ',
        shape: { kind: 'note', x: 10, y: 20 },
        shared: true,
      },
    });
  });

  it('undoes an edit by putting back only the fields it changed', () => {
    const step = stepOf(
      {
        type: 'annotation.update',
        payload: { annotationId: 'a1', text: 'mới', shape: { kind: 'note', x: 0, y: 0 } },
      },
      a,
    );
    expect(step?.undo).toEqual({
      type: 'annotation.update',
      payload: { annotationId: 'a1', text: 'cũ', shape: { kind: 'note', x: 10, y: 20 } },
    });
  });

  it('undoes sharing by making it private again', () => {
    const step = stepOf(
      { type: 'annotation.share', payload: { annotationId: 'a1', shared: false } },
      a,
    );
    expect(step?.undo).toEqual({
      type: 'annotation.share',
      payload: { annotationId: 'a1', shared: true },
    });
  });

  it('a new action forgets what was undone; nothing to undo is nothing', () => {
    expect(undo(emptyHistory)).toBeNull();
    expect(redo(emptyHistory)).toBeNull();
    const del = { type: 'annotation.delete', payload: { annotationId: 'a1' } } as const;
    const h = undo(record(emptyHistory, stepOf(del, a)))!.history;
    expect(h.undone).toHaveLength(1);
    const h2 = record(
      h,
      stepOf({ type: 'annotation.share', payload: { annotationId: 'a1', shared: false } }, a),
    );
    expect(h2.undone).toHaveLength(0);
    expect(h2.done).toHaveLength(1);
    // an edit of an annotation one cannot see (gone already) is not remembered
    expect(record(h2, stepOf(del, undefined))).toBe(h2);
  });
});

describe('resizing a text box', () => {
  it('is undone by the old rectangle and redone by the new one', () => {
    const box: Annotation = {
      ...a,
      shape: { kind: 'text', rect: { x: 100, y: 600, w: 120, h: 30 }, fontSize: 12 },
    };
    const resize = {
      type: 'annotation.update',
      payload: {
        annotationId: 'a1',
        shape: { kind: 'text', rect: { x: 100, y: 590, w: 140, h: 40 }, fontSize: 12 },
      },
    } as const;
    const u = undo(record(emptyHistory, stepOf(resize, box)))!;
    expect(u.command).toEqual({
      type: 'annotation.update',
      payload: { annotationId: 'a1', shape: box.shape },
    });
    expect(redo(u.history)?.command).toEqual(resize);
  });
});
