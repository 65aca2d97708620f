import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { HttpRequest } from '../http/ast';
import { Definitions } from './definitions';

/** A request that defines `title` for those below it and captures nothing. */
const titled = (index: number, title: string) => ({ index, title, scripts: [] }) as unknown as HttpRequest;

describe('what the requests above a position define', () => {
  it('answers as a walk from the top would, through random adds and removes of names defined once or many times', () => {
    let seed = 11;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const names = ['a', 'b', 'c', 'd'];
    const defs = new Definitions();
    const held = new Map<number, HttpRequest>();
    for (let step = 0; step < 3000; step++) {
      const position = random(40);
      const was = held.get(position);
      if (was) {
        defs.remove(was);
        held.delete(position);
      } else {
        const req = titled(position, names[random(names.length)]);
        defs.add(req);
        held.set(position, req);
      }
      const at = random(42);
      for (const name of names) {
        const above = [...held.values()].filter((r) => r.index < at && r.title === name).map((r) => r.index);
        assert.equal(defs.at(at).requestNamed(name), above.length ? Math.max(...above) : undefined, `step ${step}: ${name} above ${at}`);
      }
    }
  });
});
