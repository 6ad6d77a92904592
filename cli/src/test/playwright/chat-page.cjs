'use strict';
// Drives the serve chat page in headless Chromium (Debian's, never a downloaded one): a refused question's error
// in place, a first answer, then the gate question held in flight (loading shown, the first answer gone), its
// chart's SVG, pin the answer, follow the link to the dashboard and wait for its charts.
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
    // An error is shown in place of the answer: the server refuses a body over 64 KB.
    await page.fill('#question', 'x'.repeat(70 * 1024));
    await page.click('#send');
    await page.waitForSelector('body[data-state="failed"]');
    const errorShown = { visible: await page.isVisible('#failure'), text: await page.textContent('#error'),
      answerHidden: await page.isHidden('#answer') };

    // A first answer, then the question: while it is asked the first answer is gone and the loading state shows.
    await page.fill('#question', 'How many gates are there?');
    await page.click('#send');
    await settled(['answered', 'failed']);
    let release;
    const held = new Promise(resolve => { release = resolve; });
    await page.route('**/api/ask', async route => { await held; await route.continue(); });
    await page.fill('#question', env('QUESTION'));
    await page.click('#send');
    await page.waitForSelector('body[data-state="asking"]');
    const whileAsking = { loading: await page.isVisible('#loading'), answerHidden: await page.isHidden('#answer'),
      summary: await page.textContent('#summary'), sendDisabled: await page.isDisabled('#send'),
      errorHidden: await page.isHidden('#failure') };
    release();
    await settled(['answered', 'failed']);
    await page.unroute('**/api/ask');
    const loadingAfter = await page.isVisible('#loading');
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

    console.log(JSON.stringify({ summary, sql, chatSvgs, bars, pinned, dashboardUrl: page.url(), dashboard, offsite,
      errorShown, whileAsking, loadingAfter }));
  } finally {
    await context.close();
  }
})().catch(error => {
  console.error(error);
  process.exit(1);
});
