// Where an agenda item goes when the secretary moves it (buttons, keys, or a drag): pure functions
// that answer with an `agenda.move` payload, checked against the same depth rule as core/decide.
import { childIds, flattenAgenda, MAX_AGENDA_DEPTH, type Agenda } from '../../core/index.ts';

export interface Move {
  itemId: string;
  parentId: string | null;
  index: number;
}

export interface FlatItem {
  id: string;
  parentId: string | null;
  /** 0 for a top-level item. */
  depth: number;
  number: string;
}

export function flatItems(agenda: Agenda): FlatItem[] {
  return flattenAgenda(agenda).map(({ item, depth, number }) => ({
    id: item.id,
    parentId: item.parentId,
    depth,
    number,
  }));
}

/** How many levels an item and everything below it take up (1 for a leaf). */
export function heightOf(agenda: Agenda, itemId: string): number {
  const kids = childIds(agenda, itemId);
  return 1 + (kids.length ? Math.max(...kids.map((k) => heightOf(agenda, k))) : 0);
}

function depthOf(agenda: Agenda, itemId: string | null): number {
  let depth = 0;
  for (let id = itemId; id !== null; id = agenda.items[id]?.parentId ?? null) depth++;
  return depth;
}

/** Whether an item (and its subtree) may sit under `parentId` without nesting too deep. */
export function fits(agenda: Agenda, itemId: string, parentId: string | null): boolean {
  return depthOf(agenda, parentId) + heightOf(agenda, itemId) <= MAX_AGENDA_DEPTH;
}

function place(agenda: Agenda, itemId: string): { parentId: string | null; index: number } | null {
  const item = agenda.items[itemId];
  if (!item) return null;
  return { parentId: item.parentId, index: childIds(agenda, item.parentId).indexOf(itemId) };
}

/** One place earlier among its siblings; null when it is already first. */
export function moveUp(agenda: Agenda, itemId: string): Move | null {
  const at = place(agenda, itemId);
  if (!at || at.index <= 0) return null;
  return { itemId, parentId: at.parentId, index: at.index - 1 };
}

/** One place later among its siblings; null when it is already last. */
export function moveDown(agenda: Agenda, itemId: string): Move | null {
  const at = place(agenda, itemId);
  if (!at || at.index >= childIds(agenda, at.parentId).length - 1) return null;
  // the server's index counts siblings without the moved item: index + 1 lands after the next one
  return { itemId, parentId: at.parentId, index: at.index + 1 };
}

/** Becomes the last sub-item of the item just above it; null when there is none or too deep. */
export function indent(agenda: Agenda, itemId: string): Move | null {
  const at = place(agenda, itemId);
  if (!at || at.index <= 0) return null;
  const newParent = childIds(agenda, at.parentId)[at.index - 1];
  if (!newParent || !fits(agenda, itemId, newParent)) return null;
  return { itemId, parentId: newParent, index: childIds(agenda, newParent).length };
}

/** Leaves its parent and comes right after it; null for a top-level item. */
export function outdent(agenda: Agenda, itemId: string): Move | null {
  const at = place(agenda, itemId);
  if (!at || at.parentId === null) return null;
  const parent = place(agenda, at.parentId);
  if (!parent) return null;
  return { itemId, parentId: parent.parentId, index: parent.index + 1 };
}

/**
 * Where a dragged item lands: `overId` is the row it was dropped on, `depthOffset` how many
 * indentation steps the pointer moved sideways (negative: to the left). As in a file tree, the
 * item may nest under the row above it, or step out to any level the row below allows.
 */
export function projectDrop(
  agenda: Agenda,
  activeId: string,
  overId: string,
  depthOffset: number,
): Move | null {
  const all = flatItems(agenda);
  const active = all.find((f) => f.id === activeId);
  if (!active) return null;
  // the dragged item takes its sub-items along: they are not drop targets
  const below = new Set(flattenSubtree(agenda, activeId));
  const rows = all.filter((f) => f.id === activeId || !below.has(f.id));
  const from = rows.findIndex((f) => f.id === activeId);
  const to = rows.findIndex((f) => f.id === overId);
  if (from < 0 || to < 0) return null;
  const moved = [...rows];
  moved.splice(from, 1);
  moved.splice(to, 0, active);
  const prev = moved[to - 1];
  const next = moved[to + 1];
  const maxDepth = Math.min(
    prev ? prev.depth + 1 : 0,
    MAX_AGENDA_DEPTH - heightOf(agenda, activeId),
  );
  const minDepth = next && next.id !== activeId ? next.depth : 0;
  const wanted = active.depth + depthOffset;
  const depth = Math.max(Math.min(wanted, maxDepth), Math.min(minDepth, maxDepth), 0);
  const parentId = parentAt(moved, to, depth);
  const index = moved
    .slice(0, to)
    .filter((f) => f.parentId === parentId && f.depth === depth).length;
  if (parentId !== null && !fits(agenda, activeId, parentId)) return null;
  return { itemId: activeId, parentId, index };
}

/** The parent an item at `depth` in row `at` would have: the nearest row above one level up. */
function parentAt(rows: FlatItem[], at: number, depth: number): string | null {
  if (depth === 0) return null;
  for (let i = at - 1; i >= 0; i--) {
    const row = rows[i];
    if (row && row.depth === depth - 1) return row.id;
  }
  return null;
}

function flattenSubtree(agenda: Agenda, itemId: string): string[] {
  const out: string[] = [];
  const walk = (id: string): void => {
    for (const kid of childIds(agenda, id)) {
      out.push(kid);
      walk(kid);
    }
  };
  walk(itemId);
  return out;
}

/** Whether a move would change anything. */
export function changesPlace(agenda: Agenda, move: Move): boolean {
  const at = place(agenda, move.itemId);
  return !at || at.parentId !== move.parentId || at.index !== move.index;
}
