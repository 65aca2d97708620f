/**
 * The `{{ name }}` templates of a text that name a variable, found one after another by hand: what
 * `/\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g` finds (kept in variable-scan.test.ts as the specification), without a match
 * array and its copies per template. Every URL and header value of a `.http` file that holds `{{` is expanded
 * through it, once per distinct text.
 */
import { isSpaceAt } from '../http/line-kinds';
import { nameEnd } from '../text/name-end';

export class VariableScan {
  /** The last template found: where its `{{` stands, the index after its `}}`, where the variable's name starts and ends. */
  open = -1;
  end = -1;
  nameStart = -1;
  nameEnd = -1;
  private from = 0;

  constructor(private text = '') {}

  /** Starts over on `text` (an expansion keeps one walker per depth: variables.ts). */
  reset(text: string): this {
    this.text = text;
    this.from = 0;
    return this;
  }

  /**
   * The last template's variable name, sliced when asked: an expansion asks only for a name that can be defined
   * (variables.ts), not for `item7.response.headers.ETag` in every request's reference to the response above it.
   */
  get name(): string {
    return this.text.slice(this.nameStart, this.nameEnd);
  }

  /** Moves to the next variable template; false when there is none. */
  next(): boolean {
    const text = this.text;
    // A `{{` that opens no variable (`{{$guid}}`, `{{{x}}`) is passed by one character, as the regex retries.
    for (let open = text.indexOf('{{', this.from); open >= 0; open = text.indexOf('{{', open + 1)) {
      let k = open + 2;
      while (k < text.length && isSpaceAt(text, k)) k++;
      const nameStart = k;
      const end = nameEnd(text, k);
      if (end === nameStart) continue;
      k = end;
      while (k < text.length && isSpaceAt(text, k)) k++;
      if (text.charCodeAt(k) !== 125 /* } */ || text.charCodeAt(k + 1) !== 125) continue;
      this.open = open;
      this.end = k + 2;
      this.nameStart = nameStart;
      this.nameEnd = end;
      this.from = this.end;
      return true;
    }
    this.from = text.length;
    return false;
  }
}
