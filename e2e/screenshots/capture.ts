/**
 * Renders the README's screenshots from the browser harness with the demo
 * seed: `npm run screenshots` (builds the renderer first). A script, so the
 * pictures can be made again whenever the UI changes.
 */
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../chromium';
import { startHarness } from '../harness/harness';

const OUT_DIR = join(import.meta.dirname, '../../docs/screenshots');
const VIEWPORT = { width: 1320, height: 820 };
const AVATAR_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#b7410e"/></svg>';

async function openApp(
  colorScheme: 'light' | 'dark',
  viewport = VIEWPORT,
): Promise<{
  page: Page;
  close: () => Promise<void>;
}> {
  const harness = await startHarness({ seed: 'demo' });
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  const page = await browser.newPage({ viewport, colorScheme });
  await page.route(/^https:\/\/([a-z0-9-]+\.)*githubusercontent\.com\//, (route) =>
    route.fulfill({ contentType: 'image/svg+xml', body: AVATAR_SVG }),
  );
  await page.goto(harness.url);
  await page.getByRole('table', { name: 'Tokens' }).waitFor();
  return {
    page,
    close: async () => {
      await browser.close();
      await harness.close();
    },
  };
}

async function shoot(
  page: Page,
  name: string,
  clip?: { x: number; y: number; width: number; height: number },
): Promise<void> {
  const path = join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path, clip });
  console.log(`wrote ${path}`);
}

async function tokenList(colorScheme: 'light' | 'dark'): Promise<void> {
  const { page, close } = await openApp(colorScheme);
  try {
    await shoot(page, colorScheme === 'light' ? 'token-list' : 'token-list-dark');
  } finally {
    await close();
  }
}

async function newTokenBuilder(): Promise<void> {
  // Tall enough for the whole form, from its title to Create.
  const { page, close } = await openApp('light', { width: VIEWPORT.width, height: 1240 });
  try {
    await page.getByRole('main').getByRole('button', { name: 'New token' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('CI: publish quill');
    await page.getByRole('checkbox', { name: /^publish-update — / }).check();
    await page.getByRole('button', { name: 'Add pattern' }).click();
    await page.getByRole('textbox', { name: 'Crate pattern 1', exact: true }).fill('quill*');
    await page.getByRole('button', { name: 'Add pattern' }).click();
    await page.getByRole('textbox', { name: 'Crate pattern 2', exact: true }).fill('inkwell');
    await page.getByRole('radio', { name: '30 days' }).check();
    // The fields' live checks settle before the picture.
    await page.getByText(/^Matches quill/).waitFor();
    await page.mouse.move(0, 0);
    // Let the radio buttons' transition finish.
    await page.waitForTimeout(500);
    await shoot(page, 'new-token');
  } finally {
    await close();
  }
}

async function attentionBanner(): Promise<void> {
  const { page, close } = await openApp('light');
  try {
    const banner = page.getByRole('region', { name: /expires? soon|need action now/ });
    await banner.waitFor();
    const box = await banner.boundingBox();
    if (box === null) throw new Error('the attention banner has no box');
    // The page's top down to the first rows below the banner.
    await shoot(page, 'attention-banner', {
      x: 0,
      y: 0,
      width: VIEWPORT.width,
      height: Math.min(VIEWPORT.height, Math.ceil(box.y + box.height + 150)),
    });
  } finally {
    await close();
  }
}

async function settingsPage(colorScheme: 'light' | 'dark'): Promise<void> {
  // Tall enough for every setting and Save.
  const { page, close } = await openApp(colorScheme, { width: VIEWPORT.width, height: 1100 });
  try {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Settings' })
      .click();
    await page.getByRole('textbox', { name: 'Refresh every (hours)' }).waitFor();
    await page.mouse.move(0, 0);
    await shoot(page, colorScheme === 'light' ? 'settings' : 'settings-dark');
  } finally {
    await close();
  }
}

async function cratesPage(colorScheme: 'light' | 'dark'): Promise<void> {
  const { page, close } = await openApp(colorScheme, { width: VIEWPORT.width, height: 1000 });
  try {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Crates', exact: true })
      .click();
    // The crates already on trusted publishing (the demo seed's quill family), findings folded.
    await page.getByRole('button', { name: 'Trusted publishing', exact: true }).click();
    await page
      .getByRole('button', { name: 'Set up trusted publishing for quill', exact: true })
      .waitFor();
    const hide = page.getByRole('button', { name: 'Hide findings' });
    if (await hide.isVisible()) await hide.click();
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelector('main')?.scrollTo(0, 0);
    });
    await page.mouse.move(0, 0);
    await shoot(page, colorScheme === 'light' ? 'crates' : 'crates-dark');
  } finally {
    await close();
  }
}

await tokenList('light');
await tokenList('dark');
await newTokenBuilder();
await attentionBanner();
await settingsPage('light');
await cratesPage('light');
await cratesPage('dark');
