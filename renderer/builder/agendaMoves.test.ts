import { describe, expect, it } from 'vitest';
import { ROOT, withItemMoved, type Agenda, type AgendaItem } from '../../core/index.ts';
import { fits, flatItems, indent, moveDown, moveUp, outdent, projectDrop } from './agendaMoves.ts';

/** An agenda from an outline: each line is "depth:id" in reading order. */
function outline(...lines: string[]): Agenda {
  const agenda: Agenda = { items: {}, children: {} };
  const stack: string[] = [];
  for (const line of lines) {
    const [d, id] = line.split(':') as [string, string];
    const depth = Number(d);
    stack.length = depth;
    const parentId = depth === 0 ? null : (stack[depth - 1] ?? null);
    const item: AgendaItem = {
      id,
      parentId,
      title: id,
      description: '',
      presenter: '',
      durationMin: null,
    };
    agenda.items[id] = item;
    const key = parentId ?? ROOT;
    agenda.children[key] = [...(agenda.children[key] ?? []), id];
    stack[depth] = id;
  }
  return agenda;
}

/** The outline after a move, as the server would apply it. */
function after(agenda: Agenda, move: ReturnType<typeof moveUp>): string[] {
  if (!move) throw new Error('no move');
  const next = withItemMoved(agenda, move.itemId, move.parentId, move.index);
  return flatItems(next).map((f) => `${f.depth}:${f.id}`);
}

describe('agenda moves by button or key', () => {
  const a = outline('0:a', '1:a1', '1:a2', '0:b', '0:c');

  it('moves an item up and down among its siblings', () => {
    expect(after(a, moveDown(a, 'b'))).toEqual(['0:a', '1:a1', '1:a2', '0:c', '0:b']);
    expect(after(a, moveUp(a, 'b'))).toEqual(['0:b', '0:a', '1:a1', '1:a2', '0:c']);
    expect(after(a, moveDown(a, 'a1'))).toEqual(['0:a', '1:a2', '1:a1', '0:b', '0:c']);
    expect(moveUp(a, 'a')).toBeNull();
    expect(moveDown(a, 'c')).toBeNull();
    expect(moveDown(a, 'a2')).toBeNull();
  });

  it('indents under the item above, and outdents to right after the parent', () => {
    expect(after(a, indent(a, 'b'))).toEqual(['0:a', '1:a1', '1:a2', '1:b', '0:c']);
    expect(after(a, indent(a, 'a2'))).toEqual(['0:a', '1:a1', '2:a2', '0:b', '0:c']);
    expect(indent(a, 'a')).toBeNull();
    expect(after(a, outdent(a, 'a1'))).toEqual(['0:a', '1:a2', '0:a1', '0:b', '0:c']);
    expect(outdent(a, 'b')).toBeNull();
  });

  it('never nests deeper than the server allows (four levels)', () => {
    const deep = outline('0:a', '1:b', '2:c', '3:d', '3:e');
    expect(indent(deep, 'e')).toBeNull();
    const tall = outline('0:a', '0:b', '1:b1', '2:b2', '3:b3');
    expect(fits(tall, 'b', 'a')).toBe(false);
    expect(indent(tall, 'b')).toBeNull();
  });
});

describe('agenda drag and drop', () => {
  const a = outline('0:a', '1:a1', '1:a2', '0:b', '0:c');

  it('reorders at the same level when dropped straight', () => {
    expect(after(a, projectDrop(a, 'c', 'b', 0))).toEqual(['0:a', '1:a1', '1:a2', '0:c', '0:b']);
    expect(after(a, projectDrop(a, 'b', 'c', 0))).toEqual(['0:a', '1:a1', '1:a2', '0:c', '0:b']);
  });

  it('nests into the row above when dragged to the right', () => {
    expect(after(a, projectDrop(a, 'b', 'b', 1))).toEqual(['0:a', '1:a1', '1:a2', '1:b', '0:c']);
    // dragged up onto b, c comes before b: two steps right puts it under a2
    expect(after(a, projectDrop(a, 'c', 'b', 2))).toEqual(['0:a', '1:a1', '1:a2', '2:c', '0:b']);
    // and never deeper than one level below the row above
    expect(after(a, projectDrop(a, 'c', 'c', 3))).toEqual(['0:a', '1:a1', '1:a2', '0:b', '1:c']);
  });

  it('moves out of a parent when dragged to the left', () => {
    expect(after(a, projectDrop(a, 'a2', 'a2', -1))).toEqual(['0:a', '1:a1', '0:a2', '0:b', '0:c']);
    // dropped onto a parent's first child: it becomes a sibling of that child
    expect(after(a, projectDrop(a, 'c', 'a1', 0))).toEqual(['0:a', '1:c', '1:a1', '1:a2', '0:b']);
  });

  it('takes the sub-items along and never drops an item into itself', () => {
    const move = projectDrop(a, 'a', 'c', 0);
    expect(after(a, move)).toEqual(['0:b', '0:c', '0:a', '1:a1', '1:a2']);
    expect(projectDrop(a, 'a', 'a1', 0)).toBeNull();
  });
});
