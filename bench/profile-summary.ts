// Summarises a V8 .cpuprofile (from `node --cpu-prof`): top functions by self and by total time, and self
// time per source file. Usage: node dist/bench/profile-summary.js FILE.cpuprofile [TOP]
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

const REPO = fileURLToPath(new URL('../../', import.meta.url));

function where(url: string): string {
  if (url === '') return '(no url: native, or Ajv code from new Function)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  return path.startsWith(REPO) ? relative(REPO, path) : path;
}

function keyOf(f: CallFrame): string {
  const name = f.functionName === '' ? '(anonymous)' : f.functionName;
  return f.url === '' ? name : `${name}  ${where(f.url)}:${String(f.lineNumber + 1)}`;
}

/** Frames without a url: V8's pseudo-frames, regular expressions, or code made by new Function (Ajv's validators). */
function groupOfNative(f: CallFrame): string {
  if (f.functionName.startsWith('(')) return f.functionName;
  if (f.functionName.startsWith('RegExp:')) return '(regular expressions)';
  if (/^validate\d*$/.test(f.functionName)) return '(Ajv generated validators)';
  return '(other native)';
}

export interface ProfileSummary {
  totalMs: number;
  self: Array<[string, number]>;
  total: Array<[string, number]>;
  files: Array<[string, number]>;
  dirs: Array<[string, number]>;
}

export function summarise(profile: Profile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const hits = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const msPerHit = hits > 0 ? totalMs / hits : 0;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const files = new Map<string, number>();
  const dirs = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number): void => {
    m.set(k, (m.get(k) ?? 0) + v);
  };
  // Total time of a function: the hits under it, counted once per stack even when it recurses.
  const visit = (node: ProfileNode, onStack: Map<string, number>): number => {
    const key = keyOf(node.callFrame);
    const own = (node.hitCount ?? 0) * msPerHit;
    add(self, key, own);
    const file = where(node.callFrame.url);
    add(files, file, own);
    add(dirs, node.callFrame.url === '' ? groupOfNative(node.callFrame) : file.replace(/\/[^/]*$/, '/'), own);
    onStack.set(key, (onStack.get(key) ?? 0) + 1);
    let sub = own;
    for (const id of node.children ?? []) {
      const child = byId.get(id);
      if (child !== undefined) sub += visit(child, onStack);
    }
    const depth = (onStack.get(key) ?? 1) - 1;
    if (depth === 0) {
      onStack.delete(key);
      add(total, key, sub);
    } else onStack.set(key, depth);
    return sub;
  };
  const root = profile.nodes[0];
  if (root !== undefined) visit(root, new Map());
  const sorted = (m: Map<string, number>): Array<[string, number]> => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { totalMs, self: sorted(self), total: sorted(total), files: sorted(files), dirs: sorted(dirs) };
}

async function main(argv: readonly string[]): Promise<void> {
  const [file, topArg] = argv;
  if (file === undefined) throw new Error('usage: profile-summary FILE.cpuprofile [TOP]');
  const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
  const s = summarise(profile, Number(topArg ?? 25));
  const pct = (ms: number): string => `${((100 * ms) / s.totalMs).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms`;
  console.log(`profile ${file}: ${s.totalMs.toFixed(0)} ms sampled\n\nself time, by function:`);
  for (const [k, ms] of s.self) console.log(`  ${pct(ms)}  ${k}`);
  console.log('\ntotal time (self + callees), by function:');
  for (const [k, ms] of s.total) console.log(`  ${pct(ms)}  ${k}`);
  console.log('\nself time, by file:');
  for (const [k, ms] of s.files) console.log(`  ${pct(ms)}  ${k}`);
  console.log('\nself time, by directory (or kind of code):');
  for (const [k, ms] of s.dirs) console.log(`  ${pct(ms)}  ${k}`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));
