/**
 * The entries of an options object that are set: an option given as `undefined` keeps its
 * default when the result is spread over the defaults.
 *
 * @example
 * ({ max: 3, ...stripUndefined({ max: undefined, name: 'a' }) }) // => { max: 3, name: 'a' }
 */
export function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
