// Numbers kept per variant group or per group member, in typed arrays that double as they fill: a few bytes each
// where an object per group or member cost 50 to 70 (the feed rules keep them to the end of the feed).

/** Whole numbers below 2^31 (record, group and member numbers, counts) by position, 0 where none was set. */
export class IntColumn {
  #values = new Int32Array(256);

  get(at: number): number {
    return at < this.#values.length ? (this.#values[at] as number) : 0;
  }

  set(at: number, value: number): void {
    if (at >= this.#values.length) {
      const values = new Int32Array(sizeFor(at, this.#values.length));
      values.set(this.#values);
      this.#values = values;
    }
    this.#values[at] = value;
  }
}

/** Whole numbers below 2^31 in the order they were added. */
export class IntList {
  readonly #column = new IntColumn();
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(value: number): void {
    this.#column.set(this.#length++, value);
  }

  at(i: number): number {
    return this.#column.get(i);
  }
}

function sizeFor(at: number, size: number): number {
  let next = size;
  while (next <= at) next *= 2;
  return next;
}
