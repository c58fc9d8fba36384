/**
 * Records parsed from a user's file are plain objects, so `record[key]` with a key the user
 * chose ("constructor", "toString", "__proto__") would find Object.prototype's members. Every
 * lookup keyed by user data goes through these: own properties only.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

export function hasOwnKey(record: object | undefined, key: string): boolean {
  return record !== undefined && Object.hasOwn(record, key);
}
