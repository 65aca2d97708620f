/**
 * The baseline runner: a raw undici loop, one process, sequential GETs to the URLs given on the command line,
 * each body read to the end — what any runner must do at minimum.
 *   node bench/lib/undici-loop.js URL...
 */
'use strict';
const { request } = require('undici');

async function main(urls) {
  for (const url of urls) {
    const res = await request(url);
    await res.body.text();
    if (res.statusCode >= 400) throw new Error(`${url}: ${res.statusCode}`);
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err.message);
  process.exit(1);
});
