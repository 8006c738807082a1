import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  AxeCounts,
  axeCheck,
  createKey,
  Demo,
  describeWithBrowser,
  expectNoSeriousAxeViolations,
  launchBrowser,
  screenshot,
  signIn,
  startDemo,
  stopDemo,
  VIEWPORT,
} from '../../fixtures/browser';
import { getJson } from '../../fixtures/processes';

/** The Operations page's sections and run buttons (its contract, issue 17). */
const OPERATIONS_SECTIONS = [
  'Sync runs',
  'Job runs',
  'Validation',
  'Quarantine',
  'Events',
  'Matches',
];
const RUN_BUTTONS = ['Transform all', 'Validate', 'Match', 'Sync odoo', 'Sync apn'];

interface MatchDetail {
  match: {
    id: string;
    status: string;
    version: number;
    note: string | null;
    decidedBy: string | null;
  };
}

/**
 * The analysts' web app in Chromium, on one `npm run demo` for the whole file (starting it
 * is most of the time): signing in, search, the review queue and a decision raced from two
 * tabs, the score waterfall, the Operations page by role, and axe on every page.
 */
describeWithBrowser('the web app in a browser, on npm run demo', () => {
  let demo: Demo | undefined;
  let browser: Browser | undefined;
  let keys: { admin: string; analyst: string; engineer: string };
  const contexts: BrowserContext[] = [];

  const started = (): { demo: Demo; browser: Browser } => {
    if (!demo || !browser) throw new Error('beforeAll did not start the demo and the browser');
    return { demo, browser };
  };
  /** A fresh page in its own context (its own sessionStorage, so signed out). */
  const newPage = async (): Promise<Page> => {
    const context = await started().browser.newContext({ viewport: VIEWPORT });
    context.setDefaultTimeout(30_000);
    contexts.push(context);
    return context.newPage();
  };
  const at = (path: string): string => new URL(path, started().demo.url).href;
  const queue = (page: Page) => page.getByRole('table', { name: /^Matches\b/ });
  /** The match ids the queue lists, in order, once it has loaded. */
  const queueIds = async (page: Page): Promise<string[]> => {
    await queue(page).waitFor();
    const links = await queue(page)
      .getByRole('link', { name: /^Match \d+:/ })
      .all();
    const hrefs = await Promise.all(links.map((link) => link.getAttribute('href')));
    return hrefs.map((href) => /\/review\/(\d+)$/.exec(href ?? '')?.[1] ?? `unexpected href ${href}`); // prettier-ignore
  };
  const matchHeading = (page: Page, id: string) => page.getByRole('heading', { name: new RegExp(`^Match ${id}\\b`) }); // prettier-ignore

  /** The Operations page with every section's heading, and the demo's syncs listed. */
  const operationsLoaded = async (page: Page): Promise<void> => {
    await page.getByRole('heading', { name: 'Operations', level: 1 }).waitFor();
    for (const title of OPERATIONS_SECTIONS) {
      await page.getByRole('heading', { name: title, exact: true }).waitFor(); // strict: exactly one
    }
    await page.getByRole('region', { name: 'Sync runs' }).getByRole('row').filter({ hasText: 'odoo' }).first().waitFor(); // prettier-ignore
  };

  beforeAll(async () => {
    [demo, browser] = await Promise.all([startDemo(), launchBrowser()]);
    keys = {
      admin: demo.adminKey,
      analyst: await createKey(demo, 'browser-analyst', 'analyst'),
      engineer: await createKey(demo, 'browser-engineer', 'engineer'),
    };
  }, 300_000);
  afterAll(async () => {
    await browser?.close(); // and its contexts
    await stopDemo(demo);
  });
  afterEach(async () => {
    while (contexts.length) await contexts.pop()?.close();
  });

  it('shows the sign-in page at the printed URL, refuses a wrong key, and finds Odoo and ACE deals with the printed key', async () => {
    const page = await newPage();
    await page.goto(started().demo.url);
    await page.getByRole('heading', { name: 'RevOps workspace' }).waitFor();

    await page.getByLabel('API key').fill('rvo_00000000_not-a-key-anyone-was-given');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('That key was not accepted');

    await page.getByLabel('API key').fill(keys.admin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Pages' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/search');

    await page.getByLabel('Describe the deal').fill('data warehouse migration');
    await page.getByLabel('Describe the deal').press('Enter');
    const results = page.getByRole('list', { name: 'Search results' });
    await results.waitFor();
    const badges = await results.getByRole('listitem').locator('.badge').allTextContents();
    expect(new Set(badges)).toEqual(new Set(['Odoo', 'ACE']));
  });

  it("opens a match page from a search hit's linked match", async () => {
    const page = await newPage();
    await signIn(page, started().demo, keys.analyst, '/search?q=data+warehouse+migration');
    const results = page.getByRole('list', { name: 'Search results' });
    await results.waitFor();
    // The demo links several data warehouse migrations in both sources (auto-linked).
    await results
      .getByRole('link', { name: / match \(\d+(\.\d)?%\) with (ACE|Odoo) / })
      .first()
      .click();
    await page.waitForURL(/\/review\/\d+$/);
    const id = /\/review\/(\d+)$/.exec(page.url())?.[1] ?? '';
    await matchHeading(page, id).waitFor();
    expect(await page.getByRole('table', { name: /The two records as CORE has them now/ }).isVisible()).toBe(true); // prettier-ignore
    expect(await page.getByRole('figure', { name: /Why this score/ }).isVisible()).toBe(true);
  });

  it('approves a proposed match in one tab; a second tab on the old version gets the conflict and reloads the new one', async () => {
    const tabA = await newPage();
    await signIn(tabA, started().demo, keys.analyst, '/review');
    const [id] = await queueIds(tabA); // the queue opens on status=proposed
    expect(id).toMatch(/^\d+$/);

    // Tab B: same browser context, its own tab, so its own sessionStorage and sign-in.
    const tabB = await tabA.context().newPage();
    await signIn(tabB, started().demo, keys.analyst, `/review/${id}`);
    await tabB.getByRole('button', { name: 'Reject (r)' }).waitFor();
    const oldVersion = Number(await tabB.getByTestId('match-version').textContent());

    await queue(tabA)
      .getByRole('link', { name: new RegExp(`^Match ${id}:`) })
      .click();
    await matchHeading(tabA, id).waitFor();
    await tabA
      .getByLabel('Note (optional)')
      .fill('Same customer and deal: approved in the browser test.');
    await tabA.getByRole('button', { name: 'Approve (a)' }).click();
    await tabA.getByRole('status').filter({ hasText: 'Approved.' }).waitFor();
    const newVersion = Number(await tabA.getByTestId('match-version').textContent());
    expect(newVersion).toBeGreaterThan(oldVersion);

    await tabA.goto(at('/review?status=approved'));
    expect(await queueIds(tabA)).toContain(id);

    const api = await getJson<MatchDetail>(at(`/api/v1/matches/${id}`), keys.admin);
    expect(api.status).toBe(200);
    expect(api.body.match).toMatchObject({
      status: 'approved',
      version: newVersion,
      decidedBy: 'api-key:browser-analyst',
      note: 'Same customer and deal: approved in the browser test.',
    });

    await tabB.getByRole('button', { name: 'Reject (r)' }).click();
    const conflict = tabB.getByRole('alert').filter({ hasText: 'This match was changed since you opened it' }); // prettier-ignore
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Reload the match' }).click();
    await tabB
      .getByTestId('match-version')
      .filter({ hasText: String(newVersion) })
      .waitFor();
    expect(await tabB.getByText('This match is approved: nothing to decide.').isVisible()).toBe(
      true,
    );
    expect(await tabB.getByRole('button', { name: 'Reject (r)' }).count()).toBe(0);
    expect((await getJson<MatchDetail>(at(`/api/v1/matches/${id}`), keys.admin)).body.match.status).toBe('approved'); // prettier-ignore
  });

  it("draws each match's waterfall with weights that add up to the score it shows", async () => {
    const page = await newPage();
    await signIn(page, started().demo, keys.analyst, '/review?status=proposed&status=auto_linked&status=approved'); // prettier-ignore
    const ids = (await queueIds(page)).slice(0, 3);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      await page.goto(at(`/review/${id}`));
      const waterfall = page.getByRole('figure', { name: /Why this score/ });
      await waterfall.waitFor();
      const cells = await waterfall.locator('td[data-weight]').all();
      const weights = await Promise.all(cells.map(async (cell) => Number(await cell.getAttribute('data-weight')))); // prettier-ignore
      const score = Number(await waterfall.getByTestId('waterfall-score').textContent());
      const sum = weights.reduce((total, weight) => total + weight, 0);
      expect(weights.length).toBeGreaterThan(1);
      expect(Math.abs(sum - score)).toBeLessThanOrEqual(1e-4);
    }
  });

  it('shows an engineer the runs the demo made, and follows a transform started there to its end', async () => {
    const page = await newPage();
    await signIn(page, started().demo, keys.engineer, '/operations');
    await operationsLoaded(page);
    const syncRuns = page.getByRole('region', { name: 'Sync runs' });
    expect(await syncRuns.getByRole('row').filter({ hasText: 'apn' }).count()).toBeGreaterThan(0);
    const jobRuns = page.getByRole('region', { name: 'Job runs' });
    await jobRuns.getByRole('row').filter({ hasText: 'transform' }).first().waitFor();

    const starter = page.getByRole('region', { name: 'Start a run' });
    for (const label of RUN_BUTTONS) {
      expect(await starter.getByRole('button', { name: label, exact: true }).isEnabled()).toBe(
        true,
      );
    }
    await starter.getByRole('button', { name: 'Transform all' }).click();
    const status = starter.getByRole('status');
    // Its end, either way: a failed run fails here with its status text, not after a timeout.
    await status.filter({ hasText: /transform run \d+: (succeeded|failed)/ }).waitFor({ timeout: 90_000 }); // prettier-ignore
    expect(await status.textContent()).toMatch(/transform run \d+: succeeded/);
    const runId = /transform run (\d+): succeeded/.exec((await status.textContent()) ?? '')?.[1];
    const run = await getJson<{ status: string }>(at(`/api/v1/transform/runs/${runId}`), keys.engineer); // prettier-ignore
    expect(run.body.status).toBe('succeeded');
  });

  it('shows an analyst the Operations page without run buttons, and the API refuses them a transform', async () => {
    const page = await newPage();
    await signIn(page, started().demo, keys.analyst, '/operations');
    await operationsLoaded(page); // analysts read it all
    expect(await page.getByText('Starting runs needs an engineer or admin key.').isVisible()).toBe(true); // prettier-ignore
    expect(await page.getByRole('region', { name: 'Start a run' }).count()).toBe(0);
    for (const label of RUN_BUTTONS) {
      expect(await page.getByRole('button', { name: label, exact: true }).count()).toBe(0);
    }

    const refused = await fetch(at('/api/v1/transform/all'), {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.analyst}` },
    });
    expect(refused.status).toBe(403);
  });

  it('has no serious or critical axe violations on any page (screenshots with UPDATE_SCREENSHOTS=1)', async () => {
    const results: AxeCounts[] = [];
    /**
     * Checks one page and writes its screenshot (named as docs/03-guides/analyst-guide.md
     * shows it); a page that cannot be brought up counts as failing, the others still run.
     */
    const check = async (
      name: string,
      file: string,
      open: () => Promise<Page>,
      show?: (page: Page) => Locator,
    ) => {
      try {
        const page = await open();
        results.push(await axeCheck(page, name));
        await screenshot(page, file, show?.(page));
      } catch (error) {
        results.push({ page: name, critical: 0, serious: 0, moderate: 0, minor: 0, blocking: [], unchecked: (error as Error).message }); // prettier-ignore
      }
    };
    const page = await newPage();
    let id = '';

    await check('sign-in', 'sign-in', async () => {
      await page.goto(started().demo.url);
      await page.getByLabel('API key').waitFor();
      return page;
    });
    await check('search results', 'search', async () => {
      await signIn(page, started().demo, keys.analyst, '/search?q=data+warehouse+migration');
      await page.getByRole('list', { name: 'Search results' }).waitFor();
      return page;
    });
    await check('review queue', 'review-queue', async () => {
      await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Review' }).click(); // prettier-ignore
      [id] = await queueIds(page);
      return page;
    });
    const waterfall = (on: Page) => on.getByRole('figure', { name: /Why this score/ });
    await check(
      'match page',
      'match',
      async () => {
        await page.goto(at(`/review/${id}`));
        await waterfall(page).waitFor();
        return page;
      },
      waterfall,
    );
    await check('operations', 'operations', async () => {
      const engineer = await newPage();
      await signIn(engineer, started().demo, keys.engineer, '/operations');
      await operationsLoaded(engineer);
      return engineer;
    });

    expectNoSeriousAxeViolations(results);
    // Five pages, each allowed its own waits: more than the default test timeout.
  }, 300_000);
});
