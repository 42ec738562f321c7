// Copyright (c) 2026 The Agora developers.
// SPDX-License-Identifier: AGPL-3.0-or-later
//
// What the browser checks share: Debian's chromium through playwright-core,
// axe-core's WCAG 2.1 A/AA rules, and the measure of focus rings.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const AXE = require.resolve('axe-core/axe.min.js');

async function launch(cookies) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agora-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  if (cookies && cookies.length) await ctx.addCookies(cookies);
  const page = ctx.pages()[0] || await ctx.newPage();
  return {
    ctx,
    page,
    close: async () => {
      await ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// axe-core's violations on the page: [{id, impact, help, nodes}].
async function axeRun(page) {
  await page.addScriptTag({ path: AXE }).catch(async () => {
    // The page's CSP forbids injected scripts: evaluate axe's source instead.
    await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }));
  return result.violations.map((x) => ({
    id: x.id, impact: x.impact, help: x.help,
    nodes: x.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}

// Runs in the page: the focused element's ring and the contrast between
// its colour and the background just outside it, on the left and right
// (the nearest painted background under that point: the header's blue,
// the page's white...). {what, ratio, detail}.
function measureFocus() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const rgb = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const ratio = (a, b) => {
    const x = lum(a), y = lum(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  const bgAt = (x, y) => {
    const stack = document.elementsFromPoint(x, y).filter((e) => e !== el && !el.contains(e));
    for (let e = stack[0]; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) return { c, e };
    }
    return { c: { r: 255, g: 255, b: 255, a: 1 }, e: document.documentElement };
  };
  const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    ' "' + (el.textContent || el.value || '').trim().slice(0, 30) + '"';
  const cs = getComputedStyle(el);
  const width = parseFloat(cs.outlineWidth) || 0;
  if (cs.outlineStyle === 'none' || width < 2) {
    return { what: name, ratio: 0, detail: `no outline (${cs.outlineStyle} ${cs.outlineWidth})` };
  }
  const ring = rgb(cs.outlineColor);
  const r = el.getBoundingClientRect();
  const out = (parseFloat(cs.outlineOffset) || 0) + width / 2;
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  let worst = null;
  for (const x of [r.left - out, r.right + out]) {
    if (x < 0 || x >= innerWidth) continue;
    const bg = bgAt(x, y);
    const q = ratio(ring, bg.c);
    if (!worst || q < worst.ratio) {
      worst = { what: name, ratio: q, detail: `outline ${cs.outlineColor} on ` +
        `${getComputedStyle(bg.e).backgroundColor} (${bg.e.tagName.toLowerCase()}): ${q.toFixed(2)}:1` };
    }
  }
  return worst || { what: name, ratio: 99, detail: 'off screen' };
}

// Presses Tab up to n times from the top of the page; one measure per stop.
async function focusRings(page, n) {
  const seen = [];
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(measureFocus);
    if (!f) break;
    seen.push(f);
  }
  return seen;
}

module.exports = { launch, axeRun, focusRings, measureFocus };
