// JSON Lines files that may end in a line torn by a crash mid-write.
import { readFile, truncate } from 'node:fs/promises';

export function parseLines<T>(text: string): { items: T[]; goodBytes: number; torn: boolean } {
  const items: T[] = [];
  let offset = 0;
  while (offset < text.length) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1)
      return { items, goodBytes: Buffer.byteLength(text.slice(0, offset)), torn: true };
    const line = text.slice(offset, nl);
    try {
      if (line.trim()) items.push(JSON.parse(line) as T);
    } catch {
      // a line cut short by a crash mid-write was never acknowledged: drop it and what follows
      return { items, goodBytes: Buffer.byteLength(text.slice(0, offset)), torn: true };
    }
    offset = nl + 1;
  }
  return { items, goodBytes: Buffer.byteLength(text), torn: false };
}

export async function readLines<T>(file: string): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const { items, goodBytes, torn } = parseLines<T>(text);
  // cut the torn tail so that the next append starts on a clean line
  if (torn) await truncate(file, goodBytes);
  return items;
}
