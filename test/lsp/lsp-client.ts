/**
 * A minimal LSP client for tests: spawns `dist/server.js --stdio` as any non-VS Code editor would and speaks
 * JSON-RPC over its stdin/stdout, collecting published diagnostics as events to wait on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { EventEmitter } from 'node:events';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification, ShutdownRequest, ExitNotification, ConfigurationRequest, RegistrationRequest,
  DidChangeWatchedFilesNotification, type ClientCapabilities, type FileEvent, type PublishDiagnosticsParams,
  type Registration, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '..', '..', '..', 'dist', 'server.js');

export class LspTestClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  private readonly events = new EventEmitter();
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  /** Capabilities the server registered dynamically (`client/registerCapability`), in order. */
  readonly registrations: Registration[] = [];
  stderr = '';
  /**
   * How the client answers `workspace/configuration` for the `etagGuard` section: the settings given to the
   * constructor by default; a test may replace it (changed settings, a slow or out-of-order answer).
   */
  answerSettings: () => unknown = () => this.settings;

  constructor(private readonly settings: Record<string, unknown> = {}) {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.latest.set(p.uri, p);
      this.events.emit('diagnostics', p);
    });
    this.connection.onRequest(ConfigurationRequest.type, async (p) => {
      const etagGuard = await this.answerSettings();
      return p.items.map((i) => (i.section === 'etagGuard' ? etagGuard : null));
    });
    this.connection.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
      this.events.emit('registered');
    });
    this.connection.listen();
  }

  /**
   * `workspace` capabilities are added to the defaults (configuration pull, versioned diagnostics); `folders` are the
   * workspace folders opened (file URIs; none by default).
   */
  async initialize(workspace: ClientCapabilities['workspace'] = {}, folders: string[] = []): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: null, workspaceFolders: folders.length ? folders.map((uri) => ({ uri, name: uri })) : null,
      capabilities: { workspace: { configuration: true, ...workspace }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `accept` (the latest one if it already does). */
  diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    const now = this.latest.get(uri);
    if (now && accept(now)) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('diagnostics', on);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      const on = (p: PublishDiagnosticsParams) => {
        if (p.uri !== uri || !accept(p)) return;
        clearTimeout(timer);
        this.events.off('diagnostics', on);
        resolve(p);
      };
      this.events.on('diagnostics', on);
    });
  }

  /** Resolves once the server has registered `method` (e.g. `workspace/didChangeWatchedFiles`). */
  registered(method: string, timeoutMs = 10000): Promise<Registration> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.registrations.find((r) => r.method === method);
        if (!found) return;
        clearTimeout(timer);
        this.events.off('registered', check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.events.off('registered', check);
        reject(new Error(`the server registered no ${method} within ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      this.events.on('registered', check);
      check();
    });
  }

  /** Tells the server that watched files changed, as an editor's file watcher would. */
  filesChanged(changes: FileEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Calls `listener` with every diagnostics notification, as it arrives. */
  onDiagnostics(listener: (p: PublishDiagnosticsParams) => void): void {
    this.events.on('diagnostics', listener);
  }

  /** Writes bytes straight to the server's stdin, bypassing JSON-RPC framing (for malformed-input tests). */
  writeRaw(data: string): void {
    this.child.stdin!.write(data);
  }

  open(uri: string, text: string, languageId = 'http'): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await new Promise<number | null>((resolve) => {
      if (this.child.exitCode !== null) resolve(this.child.exitCode);
      else this.child.once('exit', (c) => resolve(c));
    });
    this.connection.dispose();
    return code;
  }

  /** Ends a server that no longer answers (a hang under test), so the test process can exit. */
  kill(): void {
    this.child.kill('SIGKILL');
    this.connection.dispose();
  }
}
