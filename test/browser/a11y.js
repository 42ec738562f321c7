// Copyright (c) 2026 The Agora developers.
// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Opens each URL in Debian's chromium (headless, JavaScript on, as most
// visitors have it) and runs axe-core's WCAG 2.1 A/AA rules on it.
// Usage: node a11y.js [--cookie name=value] URL...
// Prints one line per page and a JSON summary line; exits 1 on any violation.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

async function main() {
  const args = process.argv.slice(2);
  const cookies = [];
  const urls = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--cookie') {
      const [name, ...rest] = args[++i].split('=');
      cookies.push({ name, value: rest.join('='), domain: '127.0.0.1', path: '/' });
    } else {
      urls.push(args[i]);
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
  for (const url of urls) {
    await page.goto(url, { waitUntil: 'load' });
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
