// Paints search hits into a pdf.js text layer: the matched characters of a text item are wrapped
// in <span class="highlight">, and items no longer matched get their plain text back.
import type { Mark } from './search.ts';

/**
 * Repaints `marks` (by item index) into the layer's item elements. `painted` holds the items
 * painted last time and is updated. Returns the element of the selected hit, if on this page.
 */
export function paintMarks(
  divs: readonly HTMLElement[],
  strs: readonly string[],
  marks: ReadonlyMap<number, Mark[]>,
  painted: Set<number>,
): HTMLElement | null {
  for (const item of painted) {
    const div = divs[item];
    if (div && !marks.has(item)) div.textContent = strs[item] ?? '';
  }
  painted.clear();
  let selected: HTMLElement | null = null;
  for (const [item, list] of marks) {
    const div = divs[item];
    const str = strs[item];
    if (!div || str === undefined) continue;
    const parts = document.createDocumentFragment();
    let pos = 0;
    for (const mark of list) {
      const start = Math.max(mark.start, pos);
      if (start > pos) parts.append(str.slice(pos, start));
      const span = document.createElement('span');
      span.className = mark.selected ? 'highlight selected' : 'highlight';
      span.textContent = str.slice(start, mark.end);
      parts.append(span);
      if (mark.selected) selected ??= span;
      pos = Math.max(pos, mark.end);
    }
    if (pos < str.length) parts.append(str.slice(pos));
    div.replaceChildren(parts);
    painted.add(item);
  }
  return selected;
}
