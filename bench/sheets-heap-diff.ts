// What grew between two heap snapshots of one run (`node dist/bench/sheets-heap-diff.js A.heapsnapshot ROWS_A B.heapsnapshot ROWS_B [TOP]`):
// live objects grouped by shape (plain objects by their keys, collections and strings by what holds them), growth per row.
import { readFile } from 'node:fs/promises';

interface HeapSnapshot {
  snapshot: {
    meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

interface Group {
  count: number;
  bytes: number;
}

/** Object keys that say nothing about what an object is. */
const NOISE_KEYS = new Set(['__proto__', 'constructor', 'map']);

async function groups(path: string): Promise<{ total: number; byLabel: Map<string, Group> }> {
  const snap = JSON.parse(await readFile(path, 'utf8')) as HeapSnapshot;
  const { meta } = snap.snapshot;
  const NF = meta.node_fields.length;
  const EF = meta.edge_fields.length;
  const fType = meta.node_fields.indexOf('type');
  const fName = meta.node_fields.indexOf('name');
  const fSize = meta.node_fields.indexOf('self_size');
  const fEdges = meta.node_fields.indexOf('edge_count');
  const eType = meta.edge_fields.indexOf('type');
  const eName = meta.edge_fields.indexOf('name_or_index');
  const eTo = meta.edge_fields.indexOf('to_node');
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const { nodes, edges, strings } = snap;
  const count = nodes.length / NF;

  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) firstEdge[i + 1] = (firstEdge[i] as number) + (nodes[i * NF + fEdges] as number) * EF;

  // The first strong retainer of each node, and the name of the edge it holds it by.
  const holder = new Int32Array(count).fill(-1);
  const holderEdge = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    for (let e = firstEdge[i] as number; e < (firstEdge[i + 1] as number); e += EF) {
      const t = edgeTypes[edges[e + eType] as number];
      if (t === 'weak' || t === 'shortcut') continue;
      const to = (edges[e + eTo] as number) / NF;
      if (holder[to] === -1) {
        holder[to] = i;
        holderEdge[to] = e;
      }
    }
  }

  const typeOf = (i: number): string => nodeTypes[nodes[i * NF + fType] as number] ?? '?';
  const nameOf = (i: number): string => strings[nodes[i * NF + fName] as number] ?? '?';
  const edgeName = (e: number): string => {
    const t = edgeTypes[edges[e + eType] as number];
    return t === 'element' || t === 'hidden' ? '[]' : (strings[edges[e + eName] as number] ?? '?');
  };

  /** What an object is, from itself alone. */
  const shape = (i: number): string => {
    const type = typeOf(i);
    const name = nameOf(i);
    if (type === 'object' && name === 'Object') {
      const keys: string[] = [];
      for (let e = firstEdge[i] as number; e < (firstEdge[i + 1] as number); e += EF) {
        if (edgeTypes[edges[e + eType] as number] !== 'property') continue;
        const k = edgeName(e);
        if (!NOISE_KEYS.has(k)) keys.push(k);
      }
      keys.sort();
      return `{${keys.slice(0, 8).join(',')}${keys.length > 8 ? ',…' : ''}}`;
    }
    if (type === 'object') return name;
    if (type === 'closure') return `closure ${name || '(anonymous)'}`;
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string') return 'string';
    return `${type} ${name.slice(0, 40)}`;
  };
  /**
   * Where a node hangs: its holder's shape and the edge, looking through internal arrays (elements, hash tables);
   * a collection holder is placed in turn, so a Map's table says whose Map it is.
   */
  const place = (i: number, depth = 0): string => {
    let h = holder[i] as number;
    let via = h >= 0 ? edgeName(holderEdge[i] as number) : '';
    for (let hops = 0; h >= 0 && typeOf(h) === 'array' && hops < 2; hops++) {
      via = `${edgeName(holderEdge[h] as number)}→${nameOf(h).replace(/^system \/ /, '')}`;
      h = holder[h] as number;
    }
    if (h < 0) return '(root)';
    const s = shape(h);
    return depth < 3 && (s === 'Map' || s === 'Set' || s === 'Array') ? `${s}(in ${place(h, depth + 1)}).${via}` : `${s}.${via}`;
  };
  const label = (i: number): string => {
    const type = typeOf(i);
    const s = shape(i);
    if (type === 'object' && (s === 'Map' || s === 'Set' || s === 'Array')) return `${s} held by ${place(i)}`;
    if (s === 'string' || type === 'array' || type === 'number' || type === 'hidden') return `${s} held by ${place(i)}`;
    return s;
  };

  const byLabel = new Map<string, Group>();
  let total = 0;
  for (let i = 0; i < count; i++) {
    const size = nodes[i * NF + fSize] as number;
    total += size;
    const l = label(i);
    const g = byLabel.get(l);
    if (g === undefined) byLabel.set(l, { count: 1, bytes: size });
    else {
      g.count++;
      g.bytes += size;
    }
  }
  return { total, byLabel };
}

async function main(argv: readonly string[]): Promise<void> {
  const [a, rowsA, b, rowsB, top] = argv;
  if (a === undefined || rowsA === undefined || b === undefined || rowsB === undefined) {
    console.error('usage: node --max-old-space-size=8192 dist/bench/sheets-heap-diff.js A.heapsnapshot ROWS_A B.heapsnapshot ROWS_B [TOP]');
    process.exit(2);
  }
  const rows = Number(rowsB) - Number(rowsA);
  const ga = await groups(a);
  const gb = await groups(b);
  const labels = new Set([...ga.byLabel.keys(), ...gb.byLabel.keys()]);
  const diff = [...labels]
    .map((l) => {
      const x = ga.byLabel.get(l) ?? { count: 0, bytes: 0 };
      const y = gb.byLabel.get(l) ?? { count: 0, bytes: 0 };
      return { label: l, count: y.count - x.count, bytes: y.bytes - x.bytes };
    })
    .sort((p, q) => q.bytes - p.bytes);
  console.log(`heap (self sizes) ${(ga.total / 2 ** 20).toFixed(1)} MiB at row ${rowsA}, ${(gb.total / 2 ** 20).toFixed(1)} MiB at row ${rowsB}: +${((gb.total - ga.total) / rows).toFixed(0)} bytes/row\n`);
  console.log('| bytes/row | objects/row | what (plain objects by their keys; the rest by what holds them) |');
  console.log('| ---: | ---: | --- |');
  for (const d of diff.slice(0, Number(top ?? 30))) {
    console.log(`| ${(d.bytes / rows).toFixed(1)} | ${(d.count / rows).toFixed(2)} | \`${d.label.replace(/\|/g, '\\|')}\` |`);
  }
}

await main(process.argv.slice(2));
