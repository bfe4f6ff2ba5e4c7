// Undo and redo of one's own annotation changes, as inverse commands: undoing a create deletes,
// undoing a delete creates the same annotation again (same id), undoing an edit puts back the old
// values. Pure, so it is unit-tested.
import type { Annotation, CommandOf } from '../../core/index.ts';
import type { AnnotationCommand } from './optimistic.ts';

export interface Step {
  undo: AnnotationCommand;
  redo: AnnotationCommand;
}

export interface History {
  done: Step[];
  undone: Step[];
}

export const emptyHistory: History = { done: [], undone: [] };

/** Remembered steps; older ones are forgotten. */
const DEPTH = 100;

export function recreate(a: Annotation): CommandOf<'annotation.create'> {
  return {
    type: 'annotation.create',
    payload: {
      annotationId: a.id,
      documentId: a.documentId,
      page: a.page,
      color: a.color,
      text: a.text,
      shape: a.shape,
      shared: a.shared,
    },
  };
}

/** The step a command makes, given the annotation before it (undefined for a create). */
export function stepOf(command: AnnotationCommand, before: Annotation | undefined): Step | null {
  switch (command.type) {
    case 'annotation.create':
      return {
        redo: command,
        undo: {
          type: 'annotation.delete',
          payload: { annotationId: command.payload.annotationId },
        },
      };
    case 'annotation.delete':
      return before ? { redo: command, undo: recreate(before) } : null;
    case 'annotation.share':
      return before
        ? {
            redo: command,
            undo: {
              type: 'annotation.share',
              payload: { annotationId: before.id, shared: before.shared },
            },
          }
        : null;
    case 'annotation.update': {
      if (!before) return null;
      const p = command.payload;
      const undo: CommandOf<'annotation.update'> = {
        type: 'annotation.update',
        payload: { annotationId: before.id },
      };
      if (p.color !== undefined) undo.payload.color = before.color;
      if (p.text !== undefined) undo.payload.text = before.text;
      if (p.page !== undefined) undo.payload.page = before.page;
      if (p.shape !== undefined) undo.payload.shape = before.shape;
      return { redo: command, undo };
    }
  }
}

export function record(h: History, step: Step | null): History {
  if (!step) return h;
  return { done: [...h.done, step].slice(-DEPTH), undone: [] };
}

/** The command to send to undo, and the history after. */
export function undo(h: History): { command: AnnotationCommand; history: History } | null {
  const step = h.done.at(-1);
  if (!step) return null;
  return {
    command: step.undo,
    history: { done: h.done.slice(0, -1), undone: [...h.undone, step] },
  };
}

export function redo(h: History): { command: AnnotationCommand; history: History } | null {
  const step = h.undone.at(-1);
  if (!step) return null;
  return {
    command: step.redo,
    history: { done: [...h.done, step], undone: h.undone.slice(0, -1) },
  };
}
