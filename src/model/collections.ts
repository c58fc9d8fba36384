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
