/**
 * A stand-in for a fixture that a jest hook starts later: reading a property forwards to the
 * running fixture (methods stay bound to it), so a test file can hold it as a plain `const`.
 * Reading it outside a test (before `beforeAll`) throws with `what` in the message.
 */
export function lateBound<T extends object>(what: string, current: () => T | null): T {
  const running = (): T => {
    const value = current();
    if (!value) throw new Error(`${what} is not running: use it inside tests (after beforeAll)`);
    return value;
  };
  return new Proxy({} as T, {
    get: (_target, key) => {
      const target = running();
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
