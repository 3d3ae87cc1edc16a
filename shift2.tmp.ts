import { chromium } from '@playwright/test';
import { CHROME_FLAGS, findChrome } from './scripts/find-chrome';
import { execFileSync } from 'node:child_process';
const b = await chromium.launch({ executablePath: findChrome(), args: CHROME_FLAGS });
const big = process.argv[2];
for (const [w, h] of [[360, 640], [1024, 768]]) for (const locale of ['fr-FR', 'en-GB']) {
const ctx = await b.newContext({ viewport: { width: w, height: h }, locale, serviceWorkers: 'block' });
const p = await ctx.newPage();
await p.goto(big);
await p.getByTestId('share-save').waitFor();
await p.waitForTimeout(1000);
const hs = await p.evaluate(async () => {
  for (const li of document.querySelectorAll('.group li')) li.scrollIntoView();
  await new Promise((r) => setTimeout(r, 500));
  return [...document.querySelectorAll('.group li')].map((li) => Math.round(li.getBoundingClientRect().height));
});
hs.sort((a, b) => a - b);
console.log(w, locale, 'n', hs.length, 'min', hs[0], 'median', hs[hs.length >> 1], 'max', hs.at(-1));
await ctx.close();
}
await b.close();
