/**
 * A `.http` header with a `{{template}}` in its name or value, as the rules read it (`HeaderModel`): what the
 * lowering decides (the name with variables substituted, the resolved value, where the value comes from) beside the
 * syntax tree's header, which it reads rather than copies. An editor keeps a model of every request: copying each
 * header's text and three spans made a second object with three number boxes per header, where the syntax tree
 * already holds them. A header without a template is its own model (http/nodes.ts `HeaderLine`).
 */
import type { Header } from '../http/ast';
import type { Span } from '../text/span';
import type { HeaderModel, ValueSource } from './types';

export class HttpHeaderModel implements HeaderModel {
  constructor(
    private readonly syntax: Header,
    readonly name: string,
    readonly resolvedValue: string | undefined,
    readonly source: ValueSource,
  ) {}

  get value(): string {
    return this.syntax.value;
  }

  get nameRange(): Span {
    return this.syntax.nameRange;
  }

  get valueRange(): Span {
    return this.syntax.valueRange;
  }

  get range(): Span {
    return this.syntax.range;
  }
}
