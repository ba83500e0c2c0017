// Colour for text reports: on only for a terminal, never with NO_COLOR set (https://no-color.org),
// forced with FORCE_COLOR.

type Brush = (s: string) => string;

export interface Paint {
  red: Brush;
  yellow: Brush;
  cyan: Brush;
  green: Brush;
  dim: Brush;
  bold: Brush;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export const COLOR: Paint = { red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
const id = (s: string): string => s;
export const PLAIN: Paint = { red: id, yellow: id, cyan: id, green: id, dim: id, bold: id };

export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}
