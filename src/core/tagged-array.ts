// Empty arrays made with V8's general elements kind from the start. An array literal `[]` starts as small integers
// (PACKED_SMI_ELEMENTS) and changes kind, and so its hidden class, at its first string or object; code optimised on
// the changed arrays of one feed then meets a fresh store's `[]` in the next (a service makes a Validator per request)
// and is thrown away ("not a Smi", "wrong map") and optimised again. An array that holds texts, objects or a mix
// should be made here, so every such array a store or the engine makes has one hidden class.

/** An empty array of the general (tagged) elements kind: pushing any value never changes its hidden class. */
export function taggedArray<T>(): T[] {
  // A literal holding a non-number has the general kind; removing the element leaves the kind as it is.
  const array: T[] = [undefined as T];
  array.pop();
  return array;
}
