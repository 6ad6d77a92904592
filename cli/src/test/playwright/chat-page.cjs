'use strict';
// Drives the serve chat page in headless Chromium (Debian's, never a downloaded one): ask the gate question,
// wait for the chart's SVG, pin the answer, follow the link to the dashboard and wait for its charts.
// Prints one JSON line of what it saw; ServeBrowserTest checks it. Exit code 1 on any failure.
const env = name => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (ServeBrowserTest sets it)`);
  return value;
};
const { chromium } = require(env('PLAYWRIGHT_CORE'));
const BASE = env('BASE_URL');
const SHOTS = env('SCREENSHOT_DIR');

(async () => {
  const context = await chromium.launchPersistentContext(env('USER_DATA_DIR'), {
    executablePath: env('CHROMIUM'),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    httpCredentials: { username: env('SERVE_USER'), password: env('SERVE_PASSWORD') },
    viewport: { width: 1100, height: 900 },
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    page.setDefaultTimeout(90000);
    const offsite = [];
    page.on('request', request => {
      if (!request.url().startsWith(BASE) && !request.url().startsWith('data:')) offsite.push(request.url());
    });
    const settled = async states => {
      await page.waitForSelector(states.map(s => `body[data-state="${s}"]`).join(', '));
      const state = await page.getAttribute('body', 'data-state');
      if (state === 'failed') throw new Error('The page failed: ' + await page.textContent('#error'));
      return state;
    };

    await page.goto(BASE);
    await page.fill('#question', env('QUESTION'));
    await page.click('#send');
    await settled(['answered', 'failed']);
    const summary = await page.textContent('#summary');
    const sql = await page.textContent('#sql');
    const chatSvgs = await page.locator('#chart svg').count();
    const bars = await page.locator('#chart svg .mark-rect path').count();
    await page.screenshot({ path: `${SHOTS}/serve-chat.png`, fullPage: true });

    await page.fill('#dashboard', env('DASHBOARD'));
    await page.click('#pin');
    await settled(['pinned', 'failed']);
    const pinned = await page.textContent('#pinned');
    await Promise.all([page.waitForURL(url => url.pathname.startsWith('/dashboards/')), page.click('#dashboard-link')]);
    await page.waitForFunction(() => document.body.dataset.rendered !== undefined);
    const dashboard = await page.evaluate(() => ({
      rendered: Number(document.body.dataset.rendered),
      failed: Number(document.body.dataset.failed),
      svgs: document.querySelectorAll('.chart svg').length,
      title: document.querySelector('h1').textContent,
    }));
    await page.screenshot({ path: `${SHOTS}/serve-dashboard.png`, fullPage: true });

    console.log(JSON.stringify({ summary, sql, chatSvgs, bars, pinned, dashboardUrl: page.url(), dashboard, offsite }));
  } finally {
    await context.close();
  }
})().catch(error => {
  console.error(error);
  process.exit(1);
});
