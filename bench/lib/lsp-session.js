/**
 * A timing-oriented LSP session over stdio: spawns `dist/server.js --stdio` like any editor and stamps the
 * arrival of every publishDiagnostics, so a didChange can be timed to the diagnostics of its version.
 */
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, PublishDiagnosticsNotification,
  ShutdownRequest, ExitNotification,
} = require('vscode-languageserver-protocol/node');

class LspSession {
  /**
   * Spawns the server (with `nodeArgs`, e.g. --cpu-prof, and `serverArgs` after `--stdio`); `startedAt` is the
   * spawn time (hrtime, ns).
   */
  constructor(serverPath, nodeArgs = [], serverArgs = []) {
    this.startedAt = process.hrtime.bigint();
    this.child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio', ...serverArgs], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.child.stderr.on('data', (d) => (this.stderr += d));
    this.waiters = [];
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const at = process.hrtime.bigint();
      this.waiters = this.waiters.filter((w) => !(w.accept(p) && (w.resolve({ params: p, at }), true)));
    });
    this.connection.listen();
  }

  /** Sends initialize + initialized; resolves with ms from spawn to the initialize response. */
  async initialize() {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: null, workspaceFolders: null,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    const ms = Number(process.hrtime.bigint() - this.startedAt) / 1e6;
    await this.connection.sendNotification(InitializedNotification.type, {});
    return ms;
  }

  /** Resolves `{ params, at }` with the first diagnostics for `uri` at `version` (rejects after `timeoutMs`). */
  diagnosticsFor(uri, version, timeoutMs = 30000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} in ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({
        accept: (p) => p.uri === uri && p.version === version,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
      });
    });
  }

  open(uri, text, version = 1, languageId = 'http') {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri, version, contentChanges) {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  /** Resident and peak resident memory of the server process, in MiB (Linux /proc; undefined elsewhere). */
  memory() {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1]) / 1024;
      return { rssMiB: kib('VmRSS'), peakMiB: kib('VmHWM') };
    } catch {
      return { rssMiB: undefined, peakMiB: undefined };
    }
  }

  /** Shuts the server down politely; kills it (by its own id) if it has not exited within 5 s. */
  async close() {
    const exited = new Promise((resolve) => (this.child.exitCode !== null ? resolve() : this.child.once('exit', resolve)));
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.child.kill('SIGKILL');
    }
    await exited;
    clearTimeout(killer);
    this.connection.dispose();
  }
}

module.exports = { LspSession };
