// The files feed rules spill their tuples to past their memory budget (see core/keyed-tuples.ts): one private
// directory per feed, made with mkdtemp under the OS temp directory only when first needed, fixed file names (a
// counter, never anything from the input), removed when the feed ends and, failing that, when the process exits.
import { closeSync, fstatSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import type { SpillFile, SpillFiles } from '../core/keyed-tuples.js';
import { PrivateTempDir, tempIo } from './temp-dir.js';

const PURPOSE = "the cross-record checks' state for a large feed";

function io<T>(what: string, step: () => T): T {
  return tempIo(what, PURPOSE, step);
}

class TempFile implements SpillFile {
  readonly #path: string;
  #fd: number | undefined;
  #size = 0;

  constructor(path: string) {
    this.#path = path;
  }

  get size(): number {
    return this.#size;
  }

  append(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    io('write', () => this.#write(bytes));
  }

  #write(bytes: Uint8Array): void {
    // Opened on the first write: most partitions of a small spill stay empty and make no file.
    this.#fd ??= openSync(this.#path, 'wx+', 0o600);
    for (let at = 0; at < bytes.length; ) at += writeSync(this.#fd, bytes, at, bytes.length - at, this.#size + at);
    this.#size += bytes.length;
  }

  readAll(): Uint8Array {
    return io('read', () => this.#read());
  }

  #read(): Uint8Array {
    const bytes = new Uint8Array(this.#size);
    if (this.#fd === undefined) return bytes;
    if (fstatSync(this.#fd).size !== this.#size) throw new Error('a spill file changed size while in use');
    for (let at = 0; at < bytes.length; ) {
      const n = readSync(this.#fd, bytes, at, bytes.length - at, at);
      if (n === 0) throw new Error('a spill file was cut short while in use');
      at += n;
    }
    return bytes;
  }

  remove(): void {
    if (this.#fd === undefined) return;
    closeSync(this.#fd);
    this.#fd = undefined;
    rmSync(this.#path, { force: true });
  }
}

/** Spill files for one feed. removeAll() when the feed is done; the directory's exit hook removes what is left. */
export class TempSpillFiles implements SpillFiles {
  #dir: PrivateTempDir | undefined;
  #next = 0;
  readonly #open = new Set<TempFile>();

  /** The directory, once a file was made. */
  get dir(): string | undefined {
    return this.#dir?.path;
  }

  create(): SpillFile {
    // Made on the first file: a feed under its budget touches no disk.
    this.#dir ??= new PrivateTempDir('catalog-gate-feed-', PURPOSE);
    const file = new TempFile(this.#dir.file(`part-${String(this.#next++)}`));
    this.#open.add(file);
    return file;
  }

  removeAll(): void {
    for (const file of this.#open) file.remove();
    this.#open.clear();
    this.#dir?.remove();
    this.#dir = undefined;
  }
}
