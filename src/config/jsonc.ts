// JSON with comments, for the config file: `//` and `/* */` comments and trailing commas are removed
// outside strings, then the text is parsed as JSON.

export function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (inString) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === '"') inString = false;
      i++;
    } else if (c === '"') {
      inString = true;
      out += c;
      i++;
    } else if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  // Trailing commas before } or ] (outside strings: strings were copied whole above, so re-scan safely).
  return out.replace(/,(\s*[}\]])/g, (m, tail: string, offset: number) => (insideString(out, offset) ? m : tail));
}

function insideString(text: string, offset: number): boolean {
  let inString = false;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\\' && inString) i++;
    else if (text[i] === '"') inString = !inString;
  }
  return inString;
}
