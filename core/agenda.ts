// Pure helpers over the nested, ordered agenda.
import { ROOT, type Agenda, type AgendaItem } from './model.ts';

export function childIds(agenda: Agenda, parentId: string | null): string[] {
  return agenda.children[parentId ?? ROOT] ?? [];
}

/** Items in reading order (depth first), each with its depth and its number such as "2.1". */
export function flattenAgenda(
  agenda: Agenda,
): { item: AgendaItem; depth: number; number: string }[] {
  const out: { item: AgendaItem; depth: number; number: string }[] = [];
  const walk = (parentId: string | null, depth: number, prefix: string): void => {
    childIds(agenda, parentId).forEach((id, i) => {
      const item = agenda.items[id];
      if (!item) return;
      const number = prefix ? `${prefix}.${i + 1}` : `${i + 1}`;
      out.push({ item, depth, number });
      walk(id, depth + 1, number);
    });
  };
  walk(null, 0, '');
  return out;
}

/** The ids of an item and everything below it. */
export function subtreeIds(agenda: Agenda, itemId: string): string[] {
  const ids = [itemId];
  for (let i = 0; i < ids.length; i++) ids.push(...childIds(agenda, ids[i] ?? null));
  return ids;
}

/** The item after (or before) `currentId` in reading order; the first item when there is none. */
export function neighbourItem(
  agenda: Agenda,
  currentId: string | null,
  step: 1 | -1,
): string | null {
  const order = flattenAgenda(agenda).map((e) => e.item.id);
  if (order.length === 0) return null;
  if (currentId === null) return step === 1 ? (order[0] ?? null) : null;
  const at = order.indexOf(currentId);
  return order[at + step] ?? null;
}

function insertAt(list: string[], id: string, index: number): string[] {
  const copy = list.filter((x) => x !== id);
  copy.splice(Math.min(index, copy.length), 0, id);
  return copy;
}

export function withItemAdded(agenda: Agenda, item: AgendaItem, index: number): Agenda {
  const key = item.parentId ?? ROOT;
  return {
    items: { ...agenda.items, [item.id]: item },
    children: { ...agenda.children, [key]: insertAt(agenda.children[key] ?? [], item.id, index) },
  };
}

export function withItemMoved(
  agenda: Agenda,
  itemId: string,
  parentId: string | null,
  index: number,
): Agenda {
  const item = agenda.items[itemId];
  if (!item) return agenda;
  const from = item.parentId ?? ROOT;
  const to = parentId ?? ROOT;
  const children = { ...agenda.children };
  children[from] = (children[from] ?? []).filter((x) => x !== itemId);
  children[to] = insertAt(children[to] ?? [], itemId, index);
  return { items: { ...agenda.items, [itemId]: { ...item, parentId } }, children };
}

export function withItemRemoved(agenda: Agenda, itemId: string): Agenda {
  const item = agenda.items[itemId];
  if (!item) return agenda;
  const gone = new Set(subtreeIds(agenda, itemId));
  const items: Record<string, AgendaItem> = {};
  for (const [id, it] of Object.entries(agenda.items)) if (!gone.has(id)) items[id] = it;
  const children: Record<string, string[]> = {};
  for (const [key, list] of Object.entries(agenda.children)) {
    if (gone.has(key)) continue;
    children[key] = list.filter((x) => !gone.has(x));
  }
  return { items, children };
}
