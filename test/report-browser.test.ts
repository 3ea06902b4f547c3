// Why: report.html is read by a person in a browser (issue 20, "test it as a person would"). This
// opens a generated report in real headless Chromium and checks what that person relies on: the
// page loads with no console error and fetches nothing; the time chart has one column per actor;
// → moves the highlighted step and the state panel with it; the failing step shows the property's
// sentence; a design titled with markup shows that markup as text and runs none of it. It also
// saves the Fig. 10 scenario's chart as reports/out/fig10-chart.png for a person to look at.
// Skipped only when /usr/bin/chromium is missing (.ci/run installs Debian's chromium).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fig10Chart, writeReports } from '../api/reports.ts';
import { run } from '../api/run.ts';
import { defineDesign } from '../model/define-design.ts';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const XSS = '<img src=x onerror="window.pwned=1">';
const SCREENSHOT = join(import.meta.dirname, '..', 'reports', 'out', 'fig10-chart.png');

describe.skipIf(!haveChromium)('report.html in headless Chromium (skipped only when /usr/bin/chromium is missing: apt-get install chromium)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slotcheck-report-'));
  const problems: string[] = [];
  const requests: string[] = [];
  let browser: Browser;
  let page: Page;
  let pageUrl: string;

  beforeAll(async () => {
    // The literal patent design under a title that is markup: its traces carry the title.
    const design = defineDesign({ extends: 'patent-lpar-a', name: 'xss-title', title: XSS });
    const result = await run({ designs: [design], runs: 60, out: dir });
    writeReports(dir, { run: result, scenarios: [fig10Chart()] });
    pageUrl = pathToFileURL(join(dir, 'report.html')).href;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1900, height: 1200 } });
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => { if (r.url() !== pageUrl) requests.push(r.url()); });
    await page.goto(pageUrl, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const selected = (chart: string) => page.locator(`[data-chart="${chart}"]`).getAttribute('data-selected');

  test('loads with no console error and requests nothing', () => {
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  });

  test('one column per actor: each LPAR\'s clustering program and OS, the control program, the card, the disk', async () => {
    const actors = await page.locator('[data-chart="chart-1"] g.actor').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-actor')));
    expect(actors).toEqual(['cl:0', 'os:0', 'cl:1', 'os:1', 'cp', 'card:0', 'disk']);
  });

  test('→ moves the highlighted step and the state panel; ← moves back', async () => {
    await page.locator('#chart-1').evaluate((d) => { (d as unknown as { open: boolean }).open = true; });
    const chart = page.locator('[data-chart="chart-1"]');
    await chart.locator('g.step[data-step="1"] rect.band').click();
    expect(await selected('chart-1')).toBe('1');
    const panelBefore = await chart.locator('.state-panel h4').textContent();
    await page.keyboard.press('ArrowRight');
    expect(await selected('chart-1')).toBe('2');
    expect(await chart.locator('g.step.selected').getAttribute('data-step')).toBe('2');
    const panelAfter = await chart.locator('.state-panel h4').textContent();
    expect(panelAfter).toMatch(/^After step 2 of \d+$/);
    expect(panelAfter).not.toBe(panelBefore);
    await page.keyboard.press('ArrowLeft');
    expect(await selected('chart-1')).toBe('1');
  });

  test('the failing step shows the property\'s sentence, in the chart and in the state panel', async () => {
    const chart = page.locator('[data-chart="chart-1"]');
    const failing = chart.locator('g.step.failing');
    const step = await failing.getAttribute('data-step');
    const sentence = (await page.locator('#chart-1 p.sentence').textContent())!;
    const id = /✗ (\S+)/.exec(sentence)![1]!;
    const quoted = /“(.*)”/.exec(sentence)![1]!;
    expect(await failing.locator('text.violation').allTextContents()).toContainEqual(expect.stringContaining(`✗ ${id} broken: ${quoted}`));
    await failing.locator('rect.band').click();
    expect(await selected('chart-1')).toBe(step);
    expect(await chart.locator('.state-panel .violation').allTextContents()).toContainEqual(expect.stringContaining(`${id}: ${quoted}`));
  });

  test('a design titled with markup shows it as text and runs none of it', async () => {
    expect(await page.locator('body').textContent()).toContain(XSS);
    expect(await page.evaluate('typeof window.pwned')).toBe('undefined');
    expect(await page.evaluate('document.images.length')).toBe(0);
  });

  test('saves the Fig. 10 scenario\'s chart as reports/out/fig10-chart.png', async () => {
    const svg = page.locator('#scenario-1 svg.timechart');
    // The figure without the selection highlight, as the patent draws it.
    await page.evaluate("document.querySelectorAll('#scenario-1 g.step.selected').forEach((g) => g.classList.remove('selected'))");
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await svg.screenshot({ path: SCREENSHOT });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});
