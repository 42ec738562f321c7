// Copyright (c) 2026 The Agora developers.
// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Opens each URL in Debian's chromium (headless) and checks it as a
// careful visitor would:
// - axe-core's WCAG 2.1 A/AA rules, at 1280 px and at 320 px, with
//   JavaScript on and, for a page that loads a script, with it off (the
//   site's scripts blocked: the page as it works without them);
// - reflow (WCAG 1.4.10): at 320 px the page never scrolls sideways
//   (document.documentElement.scrollWidth <= 320);
// - visible focus (WCAG 2.4.7, 1.4.11): the first 12 Tab stops each show an
//   outline with a contrast of at least 3:1 against what surrounds it;
// - weight (issue 12, item 6): on a first visit (the browser's cache off),
//   the page and everything it loads (style sheet, script, images) stay
//   under 50 KB compressed, each response counted as gzip -6 of its body,
//   what nginx sends (conf/production);
// - a screenshot at each width (--shots DIR), to look at.
// Usage: node a11y.js [--cookie name=value] [--shots DIR] [--status N] URL...
// Each http(s) page must answer HTTP 200, or the N of the --status just
// before its URL (an error page kept on purpose, such as the 404 page):
// checks passing on an error page where a real page was meant prove
// nothing, so a page with another status (or a redirect) is not checked.
// Prints one line per page and a JSON summary line; exits 1 on any failure.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { launch, axeRun, focusRings } = require('./browser');

const WIDTHS = [1280, 320];
const TAB_STOPS = 12;
const WEIGHT_MAX = 50 * 1024;

// Loads url with the cache off (a first visit); the bytes of every
// response compressed as gzip -6, summed: {bytes, count, res}.
async function weighed(page, url) {
  const responses = [];
  const listen = (r) => responses.push(r);
  page.on('response', listen);
  let res;
  try {
    res = await page.goto(url, { waitUntil: 'load' });
  } finally {
    page.off('response', listen);
  }
  let bytes = 0;
  for (const r of responses) {
    if (r.status() >= 300 && r.status() < 400) continue;
    const body = await r.body().catch(() => null);
    if (body) bytes += zlib.gzipSync(body, { level: 6 }).length;
  }
  return { bytes, count: responses.length, res };
}

function shotName(url, width, js) {
  const u = new URL(url);
  const base = (u.protocol === 'file:' ? path.basename(u.pathname) : u.pathname + u.search)
    .replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'accueil';
  return `${base.slice(0, 80)}-${width}${js ? '' : '-sans-js'}.png`;
}

// The heaviest first visit of each URL, in bytes compressed.
const weights = {};

// Everything wrong with one page in one mode (width, scripts on or off).
async function checkPage(page, url, status, width, js, shots) {
  const problems = [];
  await page.setViewportSize({ width, height: width === 320 ? 640 : 900 });
  const w = await weighed(page, url);
  const res = w.res;
  const mode = `${width}px${js ? '' : ' sans JS'}`;
  // A file: URL has no status; chromium fails the navigation if it is
  // missing. A redirect counts as its own status: a page that starts
  // sending visitors to the sign-in form must not pass as that form.
  let got = res ? res.status() : 0;
  let first = res ? res.request() : null;
  while (first && first.redirectedFrom()) first = first.redirectedFrom();
  if (first && first !== res.request()) got = (await first.response()).status();
  if (url.startsWith('file:')) got = status;
  if (got !== status) return [`${mode} answered HTTP ${got}, expected ${status}`];
  weights[url] = Math.max(weights[url] || 0, w.bytes);
  if (w.bytes >= WEIGHT_MAX) {
    problems.push(`${mode} weighs ${(w.bytes / 1024).toFixed(1)} KB compressed on a first ` +
      `visit (${w.count} responses), over 50 KB`);
  }
  for (const v of await axeRun(page)) problems.push(`${mode} axe ${JSON.stringify(v)}`);
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  if (sw > width) {
    // What sticks out, outside any container that scrolls or clips it.
    const wide = await page.evaluate((w) => [...document.querySelectorAll('body *')]
      .filter((e) => {
        for (let p = e.parentElement; p; p = p.parentElement) {
          if (getComputedStyle(p).overflowX !== 'visible') return false;
        }
        return e.getBoundingClientRect().right > w + 1;
      })
      .slice(0, 3).map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
        (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '')), width);
    problems.push(`${mode} scrolls sideways: scrollWidth ${sw} > ${width} (${wide.join(', ')})`);
  }
  if (js && width === 1280) {
    for (const f of await focusRings(page, TAB_STOPS)) {
      if (f.ratio < 3) problems.push(`${mode} focus ${f.what}: ${f.detail}`);
    }
  }
  if (shots && js) {
    // The top of a very long page (an archive's debate) is enough to look at.
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: path.join(shots, shotName(url, width, js)), fullPage: true,
      clip: { x: 0, y: 0, width, height: Math.min(h, 4000) } });
  }
  return problems;
}

async function main() {
  const args = process.argv.slice(2);
  const cookies = [];
  const urls = [];
  const expected = [];
  let status = 200;
  let shots = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--cookie') {
      const [name, ...rest] = args[++i].split('=');
      cookies.push({ name, value: rest.join('='), domain: '127.0.0.1', path: '/' });
    } else if (args[i] === '--status') {
      status = parseInt(args[++i], 10);
    } else if (args[i] === '--shots') {
      shots = args[++i];
      fs.mkdirSync(shots, { recursive: true });
    } else {
      urls.push(args[i]);
      expected.push(status);
      status = 200;
    }
  }
  const b = await launch(cookies);
  const page = b.page;
  // Every load is a first visit: nothing comes from the cache.
  await (await b.ctx.newCDPSession(page)).send('Network.setCacheDisabled', { cacheDisabled: true });
  // The same pages as they are without JavaScript: the site's scripts never load.
  const bare = await b.ctx.newPage();
  await (await b.ctx.newCDPSession(bare)).send('Network.setCacheDisabled', { cacheDisabled: true });
  await bare.route('**/*', (r) => (r.request().resourceType() === 'script' ? r.abort() : r.continue()));
  let failed = 0;
  const report = [];
  for (const [i, url] of urls.entries()) {
    const problems = [];
    for (const width of WIDTHS) problems.push(...await checkPage(page, url, expected[i], width, true, shots));
    const scripted = await page.evaluate(() => document.querySelectorAll('script[src]').length > 0);
    if (scripted) {
      for (const width of WIDTHS) problems.push(...await checkPage(bare, url, expected[i], width, false, shots));
    }
    if (problems.length) failed++;
    report.push({ url, problems, weight: weights[url] || 0 });
    console.log((problems.length ? 'FAILED  ' : 'ok      ') + url +
      ` (${((weights[url] || 0) / 1024).toFixed(1)} KB)` +
      (problems.length ? '\n        ' + problems.join('\n        ') : ''));
  }
  await b.close();
  console.log(JSON.stringify({ pages: urls.length, failed,
    weights: report.map((r) => ({ url: r.url, bytes: r.weight })) }));
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
