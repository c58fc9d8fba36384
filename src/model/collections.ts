/**
 * `array.push(...items)` and `Math.max(...values)` pass every item as an argument on the call
 * stack: with the 100,000 diagnostics of a hostile file they overflow it ("Maximum call stack
 * size exceeded"). Lists that grow with the input go through these loops instead.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest value, or `empty` for an empty list. */
export function maxOf(values: Iterable<number>, empty = 0): number {
  let max = -Infinity;
  for (const value of values) if (value > max) max = value;
  return max === -Infinity ? empty : max;
}

/** Items put in order by insertion before the merges: short runs sort fastest that way. */
const RUN = 16;

/**
 * Sorts `items` in place by `compare`, stably (equal items keep their order), with one more
 * Int32Array as long as `items` for the merges: 4 bytes an item. `Int32Array.prototype.sort`
 * with a function copies the array into two arrays on V8's heap, 16 bytes an item, which for a
 * batch of 100,000 files is 1.6 MB of V8's large-object space kept until its next full
 * collection; for the same function, both give the same order.
 */
export function sortIndices<A extends Int32Array>(items: A, compare: (a: number, b: number) => number): A {
  const n = items.length;
  for (let start = 0; start < n; start += RUN) {
    const end = Math.min(start + RUN, n);
    for (let i = start + 1; i < end; i++) {
      const item = items[i]!;
      let j = i - 1;
      for (; j >= start && compare(items[j]!, item) > 0; j--) items[j + 1] = items[j]!;
      items[j + 1] = item;
    }
  }
  if (n <= RUN) return items;
  let from: Int32Array = items;
  let to: Int32Array = new Int32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let start = 0; start < n; start += 2 * width) {
      const middle = Math.min(start + width, n);
      const end = Math.min(start + 2 * width, n);
      // The two runs already in order (or one alone): copied as they are.
      if (middle === end || compare(from[middle - 1]!, from[middle]!) <= 0) {
        to.set(from.subarray(start, end), start);
        continue;
      }
      let i = start;
      let j = middle;
      let k = start;
      // The right run's item goes first only when strictly smaller: equal items keep their order.
      while (i < middle && j < end) to[k++] = compare(from[j]!, from[i]!) < 0 ? from[j++]! : from[i++]!;
      while (i < middle) to[k++] = from[i++]!;
      while (j < end) to[k++] = from[j++]!;
    }
    [from, to] = [to, from];
  }
  if (from !== items) items.set(from);
  return items;
}

/** The indices 0 … count - 1 in the order `compare` gives them (sortIndices: stable, 4 bytes an index). */
export function sortedIndices(count: number, compare: (a: number, b: number) => number): Int32Array {
  const items = new Int32Array(count);
  for (let i = 0; i < count; i++) items[i] = i;
  return sortIndices(items, compare);
}
