// Prints pages of a built site in the system Chromium (puppeteer-core, print
// media, A4) and prints what is wrong on paper as JSON: [{page, fault}].
// Paper must name the shop and carry no dead links: no navigation, no
// "more →" links, no search box, no WhatsApp button. Each page's PDF is kept
// in OUT_DIR.
//
//   node print.js CHROMIUM NODE_MODULES SITE_DIR SHOP_NAME OUT_DIR PAGE...
'use strict';
const path = require('path');
const fs = require('fs');

const [chromeName, modules, site, shop, outDir, ...pages] = process.argv.slice(2);
const puppeteer = require(path.join(modules, 'puppeteer-core'));
const chrome = path.isAbsolute(chromeName) ? chromeName
  : (process.env.PATH || '').split(path.delimiter).map((d) => path.join(d, chromeName))
    .find((p) => fs.existsSync(p)) || chromeName;

(async () => {
  const browser = await puppeteer.launch({
    executablePath: chrome,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--allow-file-access-from-files'],
  });
  const found = [];
  try {
    const tab = await browser.newPage();
    await tab.emulateMediaType('print');
    for (const page of pages) {
      await tab.goto('file://' + path.join(site, page), { waitUntil: 'load' });
      const faults = await tab.evaluate((shopName) => {
        const shown = (e) => e.getClientRects().length > 0
          && getComputedStyle(e).visibility !== 'hidden';
        const out = [];
        const head = document.querySelector('.print-only');
        if (!head || !shown(head) || !head.textContent.includes(shopName)) {
          out.push('the shop\'s name is not printed at the top');
        }
        for (const sel of ['nav', 'input', 'button', 'a.wa', 'summary']) {
          document.querySelectorAll(sel).forEach((e) => {
            if (shown(e)) out.push(`${sel} is printed: ${e.textContent.trim().slice(0, 60)}`);
          });
        }
        document.querySelectorAll('a[href]').forEach((a) => {
          if (shown(a) && /[→←]/.test(a.textContent)) {
            out.push(`a link that only leads elsewhere is printed: ${a.textContent.trim().slice(0, 60)}`);
          }
        });
        return out;
      }, shop);
      for (const fault of faults) found.push({ page, fault });
      const pdf = path.join(outDir, page.replace(/[\/]/g, '_') + '.pdf');
      await tab.pdf({ path: pdf, format: 'A4', printBackground: false });
      if (!(fs.statSync(pdf).size > 1000)) found.push({ page, fault: 'the PDF is empty' });
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(found));
})().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
