// UI smoke test: the packaged .vsix installed into code-server (no dev path), a demo workspace opened in
// headless Chromium; checks the squiggle, the Problems row, the hover and the response view of a request sent
// to the bundled demo API, and saves README screenshots.
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const codeServer = require('./code-server');
const { launch } = require('./browser');

/** A calm workbench for README screenshots: no chat side bar, no welcome page, no minimap. */
const SCREENSHOT_SETTINGS = {
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'editor.minimap.enabled': false,
  'editor.fontSize': 14,
  'window.commandCenter': false,
  'workbench.tips.enabled': false,
};

/**
 * The bundled demo API (dist/demo-server.js) for the response view's screenshot: on the demo file's port 3412
 * when it is free, else on a free port written into the copied demo file's `@base`.
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
async function startDemoApi(folder, file) {
  const script = path.resolve(__dirname, '..', '..', 'dist', 'demo-server.js');
  const listen = (port) => new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1].replace(/\/$/, ''), stop: () => child.kill() });
    });
    child.once('exit', (code) => reject(new Error(`the demo API exited (${code}) before listening on port ${port}`)));
  });
  try {
    return await listen(3412);
  } catch {
    const api = await listen(0);
    const target = path.join(folder, file);
    fs.writeFileSync(target, fs.readFileSync(target, 'utf8').replace(/^@base = .*$/m, `@base = ${api.url}`));
    return api;
  }
}

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
  let server, browser, page, api;
  try {
    api = await startDemoApi(o.folder, o.file).catch((e) => { log(`  demo API: ${e.message}`); return undefined; });
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
      server = await codeServer.start(o.dir, { settings: SCREENSHOT_SETTINGS });
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
    await check('ui: "Send request" code lenses render above the requests', async () => {
      const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: 'Send request' });
      await lens.first().waitFor({ timeout: 30_000 });
      const n = await lens.count();
      if (n < 2) throw new Error(`${n} "Send request" lens(es) rendered, expected one per request`);
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
      const squiggles = page.locator('.monaco-editor :is(.squiggly-warning, .squiggly-error)');
      await squiggles.first().waitFor({ timeout: 15_000 });
      // the topmost squiggle; it sits under the text layer, so hover its middle with the mouse, like a user
      const boxes = (await Promise.all((await squiggles.all()).map((l) => l.boundingBox()))).filter(Boolean);
      const box = boxes.sort((a, b) => a.y - b.y)[0];
      if (!box) throw new Error('squiggle has no bounding box');
      await page.mouse.move(box.x + Math.min(box.width / 2, 40), box.y + box.height / 2 - 2, { steps: 5 });
      const hover = page.locator('.monaco-hover:visible, .monaco-resizable-hover:visible').first();
      await hover.waitFor({ timeout: 15_000 });
      await page.waitForFunction(() => /If-Match|precondition/i.test(document.querySelector('.monaco-hover')?.textContent || ''), null, { timeout: 15_000 });
      log(`  hover: ${(await hover.innerText()).replace(/\s+/g, ' ').slice(0, 300)}`);
      await page.screenshot({ path: path.join(o.shotsDir, 'hover.png') });
    });
    await check('ui: "Send request" opens the coloured, wrapped response view', async () => {
      if (!api) throw new Error('the demo API did not start');
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Send request' }).first().click();
      const view = page.locator('.monaco-editor', { hasText: 'HTTP 200' }).last();
      await view.waitFor({ timeout: 30_000 });
      // Coloured: the grammar gives the status line, headers and the JSON body tokens of their own. TextMate
      // tokenizes in a worker after the text shows, and no DOM event says when: looked at again, bounded.
      let classes = [];
      for (let i = 0; i < 60 && classes.length < 4; i++) {
        if (i > 0) await page.waitForTimeout(250);
        classes = await view.locator('.view-lines span[class^="mtk"]').evaluateAll((spans) => [...new Set(spans.map((s) => s.className))]);
      }
      log(`  response view token classes: ${classes.join(' ')}`);
      if (classes.length < 4) throw new Error(`the response view has ${classes.length} token colour(s): not coloured`);
      await view.locator('.view-lines', { hasText: 'ETag' }).waitFor({ timeout: 15_000 });
      await page.screenshot({ path: path.join(o.shotsDir, 'response.png') });
    });
  } finally {
    if (browser) await browser.ctx.close().catch(() => undefined);
    if (server) await server.stop();
    api?.stop();
  }
  return results;
}

module.exports = { uiSmoke };
