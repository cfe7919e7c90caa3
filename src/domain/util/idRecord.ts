/**
 * Records keyed by user ids. Ids are data, and `__proto__`, `constructor` or `toString` are valid
 * ids: on a plain `{}` the first sets the prototype instead of a key (and is dropped from JSON)
 * and the others read inherited members. A record without a prototype has none of these, so
 * `record[id] = value` always makes an own, enumerable key that JSON keeps.
 */
export function idRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

/** An id-keyed record from entries (the null-prototype counterpart of `Object.fromEntries`). */
export function idRecordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = idRecord<T>()
  for (const [id, value] of entries) record[id] = value
  return record
}
