// Copyright (c) 2026 The Agora developers.
// SPDX-License-Identifier: AGPL-3.0-or-later
//
// What a person does on a page, in Debian's chromium with JavaScript on,
// and what they then see: one scenario per run, its result as one JSON
// line on stdout (test_zz_browser.py asserts on it, and on the database).
// Usage: node ux.js SCENARIO [--cookie name=value] URL [ARG]
//   vote-abort URL CHOICE   the first vote request fails (network): the
//                           fallback must send exactly CHOICE
//   vote URL CHOICE         the vote without reloading: focus, live region
//   vote-refused URL CHOICE prints "ready", waits for a line on stdin (the
//                           test closes the consultation), then votes
//   useful URL              the first "Utile" of the page
//   form-error URL          sends the page's first form empty
//   names URL               the accessibility tree of <main> (names)
//   debate URL WIDTH        where each argument of the debate is drawn at
//                           WIDTH px (side, x, y), and the page's width
//   paper-batch URL JSON    paper sheets typed in with the keyboard alone
//                           ({theme, day, sheets: [{code, title, text}]}):
//                           where the focus is at each step, what the page
//                           says and keeps after each sheet
'use strict';
const readline = require('readline');
const { launch } = require('./browser');

// Where focus is, and whether it is inside #votes.
const focusInfo = () => {
  const e = document.activeElement;
  return {
    tag: e ? e.tagName.toLowerCase() : null,
    id: e && e.id,
    name: e && e.name,
    value: e && e.value,
    pressed: e && e.getAttribute('aria-pressed'),
    text: e && e.textContent.trim(),
    inVotes: !!(e && e.closest && e.closest('#votes')),
  };
};

function stdinLine() {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin });
    rl.once('line', (l) => { rl.close(); resolve(l); });
  });
}

// Marks the live region, so that after the click we know it is the node
// that was there before (a region created late is not announced).
async function markLive(page, id) {
  return page.evaluate((i) => {
    const p = document.getElementById(i);
    if (!p) return false;
    p.dataset.before = '1';
    return p.getAttribute('role') === 'status' && p.textContent === '';
  }, id);
}

async function liveAfter(page, id) {
  await page.waitForFunction((i) => {
    const p = document.getElementById(i);
    return p && p.textContent.trim() !== '';
  }, id, { timeout: 15000 });
  return page.evaluate((i) => {
    const p = document.getElementById(i);
    return { text: p.textContent.trim(), before: p.dataset.before === '1',
      refused: p.classList.contains('refused') };
  }, id);
}

const scenarios = {
  async 'vote-abort'(page, url, choice) {
    let aborted = 0;
    let posts = 0;
    await page.route('**/vote', (r) => {
      if (r.request().method() !== 'POST') return r.continue();
      posts++;
      if (aborted === 0) { aborted++; return r.abort('connectionreset'); }
      return r.continue();
    });
    await page.goto(url);
    await Promise.all([
      page.waitForURL((u) => u.hash === '#votes', { timeout: 15000 }),
      page.click(`#votes button[name=choix][value=${choice}]`),
    ]);
    await page.waitForLoadState('load');
    return page.evaluate((n) => ({
      aborted: n.aborted, posts: n.posts, url: location.pathname,
      vote: (document.querySelector('.my-vote') || {}).textContent || '',
      notice: (document.querySelector('main > .notice[role=status]') || {}).textContent || '',
      h1: document.querySelector('h1').textContent,
    }), { aborted, posts });
  },

  async vote(page, url, choice) {
    await page.goto(url);
    const liveReady = await markLive(page, 'votes-annonce');
    await page.click(`#votes button[name=choix][value=${choice}]`);
    const live = await liveAfter(page, 'votes-annonce');
    return { liveReady, live, focus: await page.evaluate(focusInfo),
      url: page.url(), vote: await page.textContent('.my-vote').catch(() => '') };
  },

  async 'vote-refused'(page, url, choice) {
    await page.goto(url);
    const liveReady = await markLive(page, 'votes-annonce');
    await page.focus(`#votes button[name=choix][value=${choice}]`);
    console.log('ready');
    await stdinLine();
    await page.keyboard.press('Enter');
    const live = await liveAfter(page, 'votes-annonce');
    return { liveReady, live, focus: await page.evaluate(focusInfo), url: page.url() };
  },

  async useful(page, url) {
    await page.goto(url);
    const id = await page.evaluate(() =>
      document.querySelector("li.argument > form[action$='/utile']").closest('li').id);
    const liveReady = await markLive(page, id + '-annonce');
    await page.focus(`#${id} > form[action$='/utile'] button`);
    await page.keyboard.press('Enter');
    const live = await liveAfter(page, id + '-annonce');
    return { id, liveReady, live, focus: await page.evaluate(focusInfo), url: page.url() };
  },

  async 'form-error'(page, url) {
    await page.goto(url);
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.click('main form button[type=submit]'),
    ]);
    return page.evaluate(() => ({ title: document.title, focus: document.activeElement.id,
      summary: (document.getElementById('erreurs') || {}).textContent || '' }));
  },

  async debate(page, url, width) {
    await page.setViewportSize({ width: Number(width), height: 800 });
    await page.goto(url);
    return page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      args: Array.from(document.querySelectorAll('ul.debate > li.argument')).map((li) => {
        const r = li.getBoundingClientRect();
        return { id: li.id, side: li.classList.contains('argument-pour') ? 'pour' : 'contre',
          x: Math.round(r.left), y: Math.round(r.top + window.scrollY) };
      }),
    }));
  },

  async 'paper-batch'(page, url, json) {
    const { theme, day, sheets } = JSON.parse(json);
    const kb = page.keyboard;
    const focused = () => page.evaluate(() => document.activeElement.id || document.activeElement.tagName);
    const tab = async (stops) => { await kb.press('Tab'); stops.push(await focused()); };
    await page.goto(url);
    const result = { first: await focused(), sheets: [] };
    for (const [i, s] of sheets.entries()) {
      const stops = [await focused()];
      if (i === 0) {
        await kb.type(theme);           // the select's type-ahead
        await tab(stops);
        await kb.type(day);
        await tab(stops);
      }
      await kb.type(s.code);
      await tab(stops);
      await kb.type(s.title);
      await tab(stops);
      await kb.type(s.text);
      await tab(stops);                 // the département: left as it is
      await tab(stops);                 // the contact: none
      await tab(stops);
      await kb.press('Space');          // the consent ticked on the sheet
      await tab(stops);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), kb.press('Enter')]);
      result.sheets.push(await page.evaluate((st) => ({
        stops: st,
        focus: document.activeElement.id,
        live: (document.getElementById('saisie-annonce') || {}).textContent || '',
        liveRole: (document.getElementById('saisie-annonce') || { getAttribute: () => null })
          .getAttribute('role'),
        epn: document.getElementById('f-epn').value,
        theme: document.getElementById('f-enjeu').value,
        day: document.getElementById('f-recueil').value,
        sheet: document.getElementById('f-feuille').value,
        url: location.pathname + location.search,
      }), stops));
    }
    return result;
  },

  async names(page, url) {
    await page.goto(url);
    return { tree: await page.locator('main').ariaSnapshot() };
  },
};

async function main() {
  const args = process.argv.slice(2);
  const name = args.shift();
  const cookies = [];
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--cookie') {
      const [n, ...v] = args[++i].split('=');
      cookies.push({ name: n, value: v.join('='), domain: '127.0.0.1', path: '/' });
    } else {
      rest.push(args[i]);
    }
  }
  if (!scenarios[name]) throw new Error('unknown scenario ' + name);
  const b = await launch(cookies);
  try {
    console.log(JSON.stringify(await scenarios[name](b.page, ...rest)));
  } finally {
    await b.close();
  }
}

main().catch((e) => { console.error(e); process.exit(2); });
