'use strict';
// Typical client modules for the benchmark: ordinary code (classes, loops, array and string helpers) with one
// HTTP function in ten, read-then-conditional-write, as most application code is; the dense files in
// generate.js are the worst case.
function typicalTypescriptFile(lineCount) {
  const lines = ["import axios from 'axios';", "const base = 'http://127.0.0.1:3412';", "const api = axios.create({ baseURL: base });", ''];
  for (let i = 1; lines.length < lineCount; i++) {
    if (i % 10 === 0) {
      lines.push(
        `export async function save${i}(id: string, body: Record<string, unknown>): Promise<void> {`,
        `  const res = await fetch(\`\${base}/items/\${id}\`);`,
        "  const etag = res.headers.get('ETag');",
        `  if (!etag) throw new Error('no etag for ' + id);`,
        `  await fetch(\`\${base}/items/\${id}\`, { method: 'PUT', headers: { 'If-Match': etag, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });`,
        `  await api.patch(\`/items/\${id}\`, { done: true });`,
        '}',
        '',
      );
      continue;
    }
    lines.push(
      `export class Widget${i} {`,
      `  private readonly items: Map<string, number> = new Map();`,
      `  constructor(private readonly name: string, private limit = ${i}) {}`,
      `  add(key: string, value: number): this {`,
      `    if (value > this.limit) { console.warn(\`\${this.name}: \${key} over limit\`); return this; }`,
      `    this.items.set(key, (this.items.get(key) ?? 0) + value);`,
      `    return this;`,
      `  }`,
      `  total(): number {`,
      `    return [...this.items.values()].filter((v) => v > 0).map((v) => v * 2).reduce((a, b) => a + b, 0);`,
      `  }`,
      `  describe(): string {`,
      `    const parts: string[] = [];`,
      `    for (const [k, v] of this.items) parts.push(k.toUpperCase() + '=' + String(v).padStart(4, '0'));`,
      `    return parts.join(', ') || 'empty';`,
      `  }`,
      `}`,
      '',
      `export function helper${i}(xs: number[], factor = ${i % 7 + 1}): number[] {`,
      `  const out = xs.map((x) => Math.round(x * factor)).sort((a, b) => a - b);`,
      `  return out.slice(0, Math.min(out.length, 10));`,
      `}`,
      '',
    );
  }
  // Whole groups only: a file cut mid-class does not parse (tree-sitter wrapped all of it in one ERROR node).
  return lines.join('\n') + '\n';
}
function typicalPythonFile(lineCount) {
  const lines = ['import requests', 'import json', '', "BASE = 'http://127.0.0.1:3412'", 'session = requests.Session()', ''];
  for (let i = 1; lines.length < lineCount; i++) {
    if (i % 10 === 0) {
      lines.push(
        `def save_${i}(item_id, body):`,
        `    res = session.get(f'{BASE}/items/{item_id}')`,
        "    etag = res.headers.get('ETag')",
        `    if not etag:`,
        `        raise ValueError('no etag for ' + item_id)`,
        `    session.put(f'{BASE}/items/{item_id}', json=body, headers={'If-Match': etag, 'Accept': 'application/json'})`,
        `    requests.patch(f'{BASE}/items/{item_id}', json={'done': True})`,
        '',
        '',
      );
      continue;
    }
    lines.push(
      `class Widget${i}:`,
      `    def __init__(self, name, limit=${i}):`,
      `        self.name = name`,
      `        self.limit = limit`,
      `        self.items = {}`,
      '',
      `    def add(self, key, value):`,
      `        if value > self.limit:`,
      `            print(f'{self.name}: {key} over limit')`,
      `            return self`,
      `        self.items[key] = self.items.get(key, 0) + value`,
      `        return self`,
      '',
      `    def total(self):`,
      `        return sum(v * 2 for v in self.items.values() if v > 0)`,
      '',
      `    def describe(self):`,
      `        parts = [f'{k.upper()}={str(v).zfill(4)}' for k, v in self.items.items()]`,
      `        return ', '.join(parts) or 'empty'`,
      '',
      '',
      `def helper_${i}(xs, factor=${i % 7 + 1}):`,
      `    out = sorted(round(x * factor) for x in xs)`,
      `    return out[:min(len(out), 10)]`,
      '',
      '',
    );
  }
  // Whole groups only: a file cut mid-class does not parse (tree-sitter wrapped all of it in one ERROR node).
  return lines.join('\n') + '\n';
}
module.exports = { typicalTypescriptFile, typicalPythonFile };
