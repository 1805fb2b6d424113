// Summaries are plain objects, read back from JSON: a key such as `constructor` or `toString` must
// not find what every object inherits.
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
