// Renders icon.svg to the PNG icons the package and the app use, in Debian's Chromium through
// Playwright (no image tool needed). Run after changing icon.svg: node assets/build/renderIcons.mjs
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(join(here, 'icon.svg'), 'utf8');
const outputs = [
  [join(here, 'icon.png'), 1024], // electron-builder makes .icns, .ico and Linux sizes from it
  [join(here, '..', 'icon.png'), 256], // the window icon on Linux
  [join(here, '..', 'tray-icon.png'), 32],
  [join(here, '..', 'tray-icon@2x.png'), 64],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const [path, size] of outputs) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`);
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${sized}`);
    await page.locator('svg').screenshot({ path, omitBackground: true });
    await page.close();
    console.log(`${path} (${size}x${size})`);
  }
} finally {
  await browser.close();
}
