// Sorted arrays of strings (or of records by a string key), kept sorted as items come and go.

/** Where `key` is, or where it would go, in an array sorted by `keyOf`. */
function search<T>(arr: readonly T[], key: string, keyOf: (x: T) => string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(arr[mid]!) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function insertSorted<T>(arr: T[], item: T, keyOf: (x: T) => string): void {
  arr.splice(search(arr, keyOf(item), keyOf), 0, item);
}

export function removeSorted<T>(arr: T[], key: string, keyOf: (x: T) => string): void {
  const at = search(arr, key, keyOf);
  if (at < arr.length && keyOf(arr[at]!) === key) arr.splice(at, 1);
}

export const self = (s: string): string => s;
