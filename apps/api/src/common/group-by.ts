/**
 * Items grouped by a key, each group in the items' order: one pass over the list, where filtering it once per key
 * (or copying a group's array on every item) grows with the square of the rows.
 */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
