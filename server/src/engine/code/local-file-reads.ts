/**
 * Whether a value is made of what the code read from a local file: Python `open(p).read()`, `f.read()` in `with
 * open(p) as f`, `Path.read_text()` / `read_bytes()`; Node `fs.readFileSync`, `fs.promises.readFile`, `readFile`. A
 * write whose content comes from disk pushes what this machine produced, not what a read of the service returned.
 */
import type { CodeContext } from './context';
import { followValue } from './options';
import { unwrap, type Node } from './syntax';

/** Calls that return a local file's content by their name alone. */
const FILE_READERS = /(^|\.)(readFileSync|readFile|read_text|read_bytes)$/;
/** A file object's readers, when the object was opened with `open(…)`. */
const FILE_OBJECT_READERS = /\.(read|readlines)$/;

/** True when `node`, or a value a name in it holds (a few names deep), calls a local file's reader. */
export function readsLocalFile(node: Node, ctx: CodeContext, depth = 0): boolean {
  const n = unwrap(node);
  const calls = [n, ...n.descendantsOfType(['call', 'call_expression'])].filter((c) => c.type === 'call' || c.type === 'call_expression');
  if (calls.some((c) => readsFile(c, ctx))) return true;
  if (depth >= 3) return false;
  const ids = n.type === 'identifier' ? [n] : n.descendantsOfType('identifier');
  return ids.some((id) => {
    const held = followValue(id, ctx);
    return held.id !== id.id && readsLocalFile(held, ctx, depth + 1);
  });
}

function readsFile(call: Node, ctx: CodeContext): boolean {
  const callee = call.childForFieldName('function');
  if (!callee) return false;
  if (FILE_READERS.test(callee.text)) return true;
  if (!FILE_OBJECT_READERS.test(callee.text)) return false;
  const object = callee.childForFieldName('object');
  return !!object && /^open\s*\(/.test(unwrap(followValue(object, ctx)).text);
}
