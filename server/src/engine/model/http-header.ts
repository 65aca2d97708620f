/**
 * A `.http` header as the rules read it (`HeaderModel`): what the lowering decides (the name with variables
 * substituted, the resolved value, where the value comes from) beside the syntax tree's header, which it reads
 * rather than copies. An editor keeps a model of every request: copying each header's text and three spans made
 * a second object with three number boxes per header, where the syntax tree already holds them.
 */
import type { Header } from '../http/ast';
import { headerNameSpan, headerValueSpan } from '../http/nodes';
import type { Span } from '../text/span';
import type { HeaderModel, ValueSource } from './types';
import { LITERAL } from './value-source';

/** What every `.http` header model reads from its syntax: the value as written and where the parts stand. */
abstract class SyntaxHeaderModel implements HeaderModel {
  abstract readonly name: string;
  abstract readonly resolvedValue: string | undefined;
  abstract readonly source: ValueSource;

  constructor(protected readonly syntax: Header) {}

  get value(): string {
    return this.syntax.value;
  }

  get nameRange(): Span {
    return headerNameSpan(this.syntax);
  }

  get valueRange(): Span {
    return headerValueSpan(this.syntax);
  }

  get range(): Span {
    return this.syntax.range;
  }
}

/** A header whose name or value holds a `{{template}}`: the lowering's answers, kept. */
export class HttpHeaderModel extends SyntaxHeaderModel {
  constructor(
    syntax: Header,
    readonly name: string,
    readonly resolvedValue: string | undefined,
    readonly source: ValueSource,
  ) {
    super(syntax);
  }
}

/**
 * A header with no `{{` in its name or value (most: `Content-Type`, `Accept`, a dated `If-Unmodified-Since`): its
 * name, its resolved value and its source are its syntax's as written and a literal, so it keeps nothing but the
 * syntax (32 bytes instead of 56, for ~8 k of the 10k bench file's 14 k headers, kept by an editor as well).
 */
export class LiteralHeaderModel extends SyntaxHeaderModel {
  get name(): string {
    return this.syntax.name;
  }

  /** Resolving a text without `{{` gives it back as it is (variables.ts `resolve`). */
  get resolvedValue(): string {
    return this.syntax.value;
  }

  get source(): ValueSource {
    return LITERAL;
  }
}
