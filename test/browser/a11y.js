// Copyright (c) 2026 The Agora developers.
// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Opens each URL in Debian's chromium (headless, JavaScript on, as most
// visitors have it) and runs axe-core's WCAG 2.1 A/AA rules on it.
// Usage: node a11y.js [--cookie name=value] [--status N] URL...
// Each http(s) page must answer HTTP 200, or the N of the --status just
// before its URL (an error page kept on purpose, such as the 404 page):
// axe-core passing on an error page where a real page was meant proves
// nothing. Prints one line per page and a JSON summary line; exits 1 on
// any violation or unexpected status.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

async function main() {
  const args = process.argv.slice(2);
  const cookies = [];
  const urls = [];
  const expected = [];
  let status = 200;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--cookie') {
      const [name, ...rest] = args[++i].split('=');
      cookies.push({ name, value: rest.join('='), domain: '127.0.0.1', path: '/' });
    } else if (args[i] === '--status') {
      status = parseInt(args[++i], 10);
    } else {
      urls.push(args[i]);
      expected.push(status);
      status = 200;
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agora-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  if (cookies.length) await ctx.addCookies(cookies);
  const page = ctx.pages()[0] || await ctx.newPage();
  const axePath = require.resolve('axe-core/axe.min.js');
  let failed = 0;
  const report = [];
  for (const [i, url] of urls.entries()) {
    const res = await page.goto(url, { waitUntil: 'load' });
    // A file: URL has no status; chromium fails the navigation if it is
    // missing. A redirect counts as its own status: a page that starts
    // sending visitors to the sign-in form must not pass as that form.
    let got = res ? res.status() : 0;
    let first = res ? res.request() : null;
    while (first && first.redirectedFrom()) first = first.redirectedFrom();
    if (first && first !== res.request()) got = (await first.response()).status();
    if (url.startsWith('file:')) got = expected[i];
    if (got !== expected[i]) {
      failed++;
      report.push({ url, status: got });
      console.log('FAILED  ' + url + ' answered HTTP ' + got + ', expected ' + expected[i]);
      continue;
    }
    await page.addScriptTag({ path: axePath }).catch(async () => {
      // The page's CSP forbids injected scripts: evaluate axe's source instead.
      await page.evaluate(fs.readFileSync(axePath, 'utf8'));
    });
    const result = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      return await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      });
    });
    const v = result.violations.map((x) => ({
      id: x.id, impact: x.impact, help: x.help,
      nodes: x.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
    if (v.length) failed++;
    report.push({ url, violations: v });
    console.log((v.length ? 'FAILED  ' : 'ok      ') + url +
      (v.length ? ' ' + JSON.stringify(v) : ''));
  }
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({ pages: urls.length, failed }));
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
