// Answers remembered per owner (a schema, an enum list, a finding's params) and key, for work that a feed repeating
// the same mistake would otherwise do again. Owners are held weakly; each owner keeps at most `max` answers and
// starts over when full, so hostile input with endless distinct keys costs memory only up to that bound.

export class Remembered<Owner extends object, Key, Value> {
  readonly #byOwner = new WeakMap<Owner, Map<Key, Value>>();
  readonly #max: number;

  constructor(max: number) {
    this.#max = max;
  }

  /** The answer for (owner, key), made by `make` the first time (an undefined answer is remembered too). */
  get(owner: Owner, key: Key, make: () => Value): Value {
    let answers = this.#byOwner.get(owner);
    if (answers === undefined) this.#byOwner.set(owner, (answers = new Map<Key, Value>()));
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as Value;
    if (answers.size >= this.#max) answers.clear();
    const made = make();
    answers.set(key, made);
    return made;
  }
}
