// Copyright (c) 2026 The Agora developers.
// SPDX-License-Identifier: AGPL-3.0-or-later
//
// The FranceConnect journey in Debian's chromium with JavaScript OFF,
// against the real test provider (glewlwyd, test/oidc/): the button on
// the sign-up page, the provider, the first-time form (display name,
// département, the privacy notice), "Compte vérifié par FranceConnect" on
// /compte/, a vote on a proposal, and the sign-out through the provider's
// end-session endpoint. At each Agora page: axe-core (WCAG 2.1 A/AA) and
// a screenshot, at 1280 and 320 px. Driven by test_zz_browser_franceconnect.py.
//
// The provider's own login page is a JavaScript application (glewlwyd's
// webapp, not served by the test provider): the person's sign-in and
// consent at the provider are made by the test through glewlwyd's API
// (test/oidc/login.py, what that page does), and its session cookie is
// handed to chromium; the authorization request gets glewlwyd's
// "g_continue" (what the page adds once the person has signed in).
// Usage: node fc_journey.js JSON  ({base, issuer, cookies, shots, proposal,
//   choice, name, departement}); prints one JSON line (steps, violations).
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');const { axeRun } = require('./browser');

const WIDTHS = [1280, 320];

// axe-core needs timers, which a page without JavaScript does not run:
// it checks the same URL in a second context, same cookies, with every
// script of the site blocked (a11y.js's "JavaScript off").
async function axeOf(browser, ctx, url, width) {
  const c = await browser.newContext({ viewport: { width, height: 900 } });
  await c.addCookies(await ctx.cookies());
  await c.route('**/*', (r) => (r.request().resourceType() === 'script' ? r.abort() : r.continue()));
  const p = await c.newPage();
  await p.goto(url);
  const v = await axeRun(p);
  await c.close();
  return v;
}

async function check(browser, ctx, page, out, step, shots) {
  const seen = { step, url: page.url(), violations: [], overflow: {} };
  for (const w of WIDTHS) {
    await page.setViewportSize({ width: w, height: 900 });
    for (const v of await axeOf(browser, ctx, page.url(), w)) seen.violations.push({ width: w, ...v });
    seen.overflow[w] = await page.evaluate('document.documentElement.scrollWidth');
    if (shots) {
      await page.screenshot({ path: path.join(shots, `fc-journey-${step}-${w}-sans-js.png`),
        fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  seen.text = (await page.innerText('main').catch(() => '')).slice(0, 2000);
  out.steps.push(seen);
  return seen;
}

async function main() {
  const a = JSON.parse(process.argv[2]);
  if (a.shots) fs.mkdirSync(a.shots, { recursive: true });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  await ctx.addCookies(a.cookies);
  const out = { steps: [], provider: [] };
  const page = await ctx.newPage();
  // Agora's 303 to the authorization endpoint gets glewlwyd's g_continue
  // (a redirect is not routed: the answer that sends it is rewritten).
  await page.route((u) => u.pathname === '/connexion/franceconnect', async (r) => {
    const res = await r.fetch({ maxRedirects: 0 });
    const headers = res.headers();
    if (headers.location && headers.location.startsWith(a.issuer + '/auth?')) {
      headers.location += '&g_continue';
    }
    await r.fulfill({ response: res, headers });
  });
  out.trace = [];
  page.on('requestfailed', (r) => out.trace.push(`failed ${r.url().split('?')[0]} ${r.failure().errorText}`));
  page.on('response', (r) => {
    out.trace.push(`${r.status()} ${r.url().split('?')[0]}`);
    if (r.url().startsWith(a.issuer)) {
      out.provider.push({ url: r.url().split('?')[0], status: r.status(),
        location: (r.headers().location || '').split('?')[0] });
    }
  });
  try {
    await page.goto(a.base + '/inscription');
    await check(browser, ctx, page, out, '1-inscription', a.shots);
    await page.getByRole('button', { name: 'Se connecter avec FranceConnect' }).click();
    await page.waitForURL('**/connexion/franceconnect/inscription');
    await check(browser, ctx, page, out, '2-premiere-connexion', a.shots);
    await page.getByLabel("Nom d'affichage").fill(a.name);
    await page.getByLabel('Département').selectOption(a.departement);
    await page.getByLabel(/J'ai lu la notice/).check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForLoadState('load');
    out.after_signup = page.url();
    await page.goto(a.base + '/compte/');
    await check(browser, ctx, page, out, '3-compte', a.shots);
    await page.goto(a.base + a.proposal);
    await check(browser, ctx, page, out, '4-proposition', a.shots);
    await page.locator(`button[name="choix"][value="${a.choice}"]`).first().click();
    await page.waitForLoadState('load');
    await check(browser, ctx, page, out, '5-vote', a.shots);
    // Sign-out: Agora ends the session and sends the browser to the
    // provider's end_session_endpoint with id_token_hint.
    const toProvider = page.waitForRequest((r) => r.url().startsWith(a.issuer + '/end_session'));
    await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
    const req = await toProvider;
    const q = new URL(req.url()).searchParams;
    out.end_session = { id_token_hint: q.get('id_token_hint') || '',
      post_logout_redirect_uri: q.get('post_logout_redirect_uri'), state: !!q.get('state') };
    // glewlwyd sends the browser on to its logout confirmation, a page of
    // its JavaScript web application (not served by the test provider).
    await page.waitForURL((u) => !u.href.startsWith(a.base), { timeout: 10000 }).catch(() => {});
    await page.waitForLoadState('load').catch(() => {});
    // Where the provider's confirmation page sends the person back.
    await page.goto(out.end_session.post_logout_redirect_uri);
    out.after_signout = page.url();
    await check(browser, ctx, page, out, '6-deconnecte', a.shots);
    out.cookies = (await ctx.cookies(a.base)).map((c) => c.name);
  } catch (e) {
    out.error = String(e && e.stack || e);
    out.error_url = page.url();
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(out));
}

main();
