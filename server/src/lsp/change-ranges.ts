/**
 * What each open document's text shares with the version last analysed, at either end, worked out from the
 * editor's change ranges as they arrive (incremental sync): the `.http` analysis then scans only the stretch in
 * between instead of comparing two texts of a megabyte. Each figure is tied to the version it counts from, so an
 * analysis of any other version simply goes without it.
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';

/** The first `prefix` and last `suffix` characters are those of version `from`. */
export interface SharedEnds {
  from: number;
  prefix: number;
  suffix: number;
}

export class ChangeRanges {
  private readonly shared = new Map<string, SharedEnds>();

  /** A `TextDocuments` configuration that applies each change as usual and records what it left unchanged. */
  readonly documents: TextDocumentsConfiguration<TextDocument> = {
    create: (uri, languageId, version, content) => {
      this.shared.delete(uri);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (doc, changes, version) => {
      const before = this.shared.get(doc.uri) ?? { from: doc.version, prefix: Infinity, suffix: Infinity };
      let { prefix, suffix } = before;
      for (const change of changes) {
        // Each change's range is in the text left by the ones before it (LSP), so they are applied one by one.
        if ('range' in change) {
          const start = doc.offsetAt(change.range.start);
          const end = doc.offsetAt(change.range.end);
          const length = doc.getText().length;
          prefix = Math.min(prefix, start);
          suffix = Math.min(suffix, length - end);
        } else {
          prefix = suffix = 0;
        }
        doc = TextDocument.update(doc, [change as TextDocumentContentChangeEvent], version);
      }
      this.shared.set(doc.uri, { from: before.from, prefix, suffix });
      return doc;
    },
  };

  /** What `version` of `uri` shares with the version the last call took (or opened), and counts from `version` on. */
  take(uri: string, version: number): SharedEnds | undefined {
    const shared = this.shared.get(uri);
    this.shared.set(uri, { from: version, prefix: Infinity, suffix: Infinity });
    return shared && Number.isFinite(shared.prefix) ? shared : undefined;
  }

  forget(uri: string): void {
    this.shared.delete(uri);
  }
}
