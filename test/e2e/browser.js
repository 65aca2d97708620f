// Headless Debian Chromium through playwright-core, with a fresh profile in `dir`.
const fs = require('fs');
const path = require('path');
const { PLAYWRIGHT, CHROMIUM } = require('./paths');

async function launch(dir, viewport = { width: 1400, height: 900 }) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);
  const { chromium } = require(PLAYWRIGHT);
  const profile = path.join(dir, 'chromium-profile');
  fs.mkdirSync(profile, { recursive: true });
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  return { ctx, page };
}

module.exports = { launch };
