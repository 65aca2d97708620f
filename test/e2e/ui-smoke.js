// UI smoke test: the packaged .vsix installed into code-server (no dev path), a demo workspace opened in
// headless Chromium; checks the squiggle, the Problems row and the hover, and saves README screenshots.
const fs = require('fs');
const path = require('path');
const codeServer = require('./code-server');
const { launch } = require('./browser');

/**
 * @param {{ dir: string, vsix: string, folder: string, file: string, shotsDir: string, log?: (s: string) => void }} o
 * @returns {Promise<{ name: string, ok: boolean, error?: string }[]>}
 */
async function uiSmoke(o) {
  const log = o.log || ((s) => console.log(s));
  const results = [];
  let failedAlready = false;
  const check = async (name, fn) => {
    if (failedAlready) { results.push({ name, ok: false, error: 'not reached: an earlier UI step failed' }); log(`TEST FAIL ${name} (not reached)`); return; }
    const t0 = Date.now();
    try { await fn(); results.push({ name, ok: true }); log(`TEST PASS ${name} (${Date.now() - t0} ms)`); }
    catch (e) { failedAlready = true; results.push({ name, ok: false, error: String(e && e.stack || e) }); log(`TEST FAIL ${name} (${Date.now() - t0} ms)\n${e && e.stack || e}`); }
  };
  let server, browser, page;
  try {
    await check('ui: packaged .vsix installs into code-server', async () => {
      if (!fs.existsSync(o.vsix)) throw new Error(`no .vsix at ${o.vsix}`);
      const out = codeServer.installExtension(o.dir, o.vsix);
      const dirs = fs.readdirSync(path.join(o.dir, 'extensions')).filter((d) => d.startsWith('etag-guard.etag-guard-'));
      if (dirs.length !== 1) throw new Error(`etag-guard.etag-guard not in the extensions dir after --install-extension: ${out}`);
      for (const f of ['package.json', 'dist/extension.js', 'dist/server.js']) {
        if (!fs.existsSync(path.join(o.dir, 'extensions', dirs[0], f))) throw new Error(`installed extension lacks ${f}`);
      }
    });
    await check('ui: squiggle appears in the editor for the demo file', async () => {
      server = await codeServer.start(o.dir);
      browser = await launch(o.dir);
      page = browser.page;
      page.on('pageerror', (e) => log(`  [page error] ${e.message}`));
      await page.goto(`${server.url}/?folder=${encodeURIComponent(o.folder)}`);
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: o.file }).first().click();
      await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
      await page.waitForSelector('.monaco-editor :is(.squiggly-warning, .squiggly-error)', { timeout: 60_000 });
      const mode = await page.locator('[id="status.editor.mode"]').innerText().catch(() => '?');
      if (!/http/i.test(mode)) throw new Error(`status bar language mode is "${mode}", expected HTTP`);
    });
    await check('ui: Problems panel lists the etag-guard diagnostic', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'etag-guard' }).first();
      await row.waitFor({ timeout: 30_000 });
      const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
      log(`  problems: ${JSON.stringify(rows)}`);
      if (!rows.some((r) => /missing-precondition|If-Match/i.test(r))) throw new Error('no missing-precondition row');
      await page.mouse.move(5, 5);
      await page.screenshot({ path: path.join(o.shotsDir, 'problems.png') });
    });
    await check('ui: hovering the squiggle shows the diagnostic', async () => {
      await page.keyboard.press('Control+Shift+M'); // toggle the panel closed for a clean editor shot
      const squiggle = page.locator('.monaco-editor :is(.squiggly-warning, .squiggly-error)').first();
      await squiggle.hover();
      const hover = page.locator('.monaco-hover:visible, .monaco-resizable-hover:visible').first();
      await hover.waitFor({ timeout: 15_000 });
      await page.waitForFunction(() => /If-Match|precondition/i.test(document.querySelector('.monaco-hover')?.textContent || ''), null, { timeout: 15_000 });
      log(`  hover: ${(await hover.innerText()).replace(/\s+/g, ' ').slice(0, 300)}`);
      await page.screenshot({ path: path.join(o.shotsDir, 'hover.png') });
    });
  } finally {
    if (browser) await browser.ctx.close().catch(() => undefined);
    if (server) await server.stop();
  }
  return results;
}

module.exports = { uiSmoke };
