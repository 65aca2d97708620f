// Runs the compiled suite inside code-server's real extension host: the page payload carries
// extensionDevelopmentPath (the working tree) and extensionTestsPath (the bundled suite); VS Code ends the
// run by calling window.codeAutomationExit(code), which we expose to the page.
const fs = require('fs');
const path = require('path');
const { launch } = require('./browser');

/**
 * @param {{ url: string, authority: string }} server a started code-server
 * @param {{ dir: string, folder: string, devPath: string, testsPath: string, resultsFile: string, timeoutMs?: number, log?: (s: string) => void }} o
 * @returns {Promise<{ exitCode: number|string, results: { name: string, ok: boolean, error?: string }[] }>}
 */
async function runSuite(server, o) {
  const log = o.log || ((s) => console.log(s));
  const { ctx, page } = await launch(o.dir);
  try {
    const consoleLog = fs.createWriteStream(path.join(o.dir, 'browser-console.log'));
    page.on('console', (m) => {
      consoleLog.write(`[${m.type()}] ${m.text()}\n`);
      // extension-host console output is relayed to the page as `%c INFO color: #33f <text>`; keep the test lines
      const s = m.text().replace(/%c/g, '').replace(/^\s*(?:\[Extension Host\]\s*)?(?:[A-Z]+\s+)?color:\s*\S+\s*/, '');
      if (/^(TEST (PASS|FAIL|STEP)|\d+ passed, \d+ failed|extension at )/.test(s)) log(`  [ext host] ${s.slice(0, 3000)}`);
    });
    page.on('pageerror', (e) => log(`  [page error] ${e.message}`));
    let exit;
    const exited = new Promise((r) => (exit = r));
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    const remote = (p) => `vscode-remote://${server.authority}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(o.devPath)],
      ['extensionTestsPath', remote(o.testsPath)],
    ]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(o.folder)}&payload=${encodeURIComponent(payload)}`);
    const timeoutMs = o.timeoutMs || 300_000;
    let timer;
    const exitCode = await Promise.race([exited, new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)))]);
    clearTimeout(timer);
    if (exitCode === 'timeout') {
      await page.screenshot({ path: path.join(o.dir, 'suite-timeout.png') }).catch(() => undefined);
      log(`  suite did not finish within ${timeoutMs / 1000}s (screenshot: ${path.join(o.dir, 'suite-timeout.png')})`);
    }
    let results = [];
    if (fs.existsSync(o.resultsFile)) results = JSON.parse(fs.readFileSync(o.resultsFile, 'utf8')).results;
    return { exitCode, results };
  } finally {
    await ctx.close().catch(() => undefined);
  }
}

module.exports = { runSuite };
