// Checks pages of a built site in the system Chromium, driven by
// puppeteer-core, and prints what is wrong as JSON.
//
//   node browser.js axe   CHROMIUM NODE_MODULES SITE_DIR WIDTHS PAGE...
//   node browser.js print CHROMIUM NODE_MODULES SITE_DIR SHOP_NAME OUT_DIR PAGE...
//
// axe: axe-core at each width (comma separated: 360,1280); the serious and
// critical violations, [{page, width, id, impact, help, targets}].
// print: print media, A4; paper must name the shop and carry no dead links
// (no navigation, "more →" links, search box or WhatsApp button), each
// page's PDF kept in OUT_DIR; [{page, fault}].
// NODE_MODULES is where npm installed axe-core and puppeteer-core (.ci/run
// sets AXE_MODULES to it).
'use strict';
const path = require('path');
const fs = require('fs');

const [mode, chromeName, modules, site, ...rest] = process.argv.slice(2);
const puppeteer = require(path.join(modules, 'puppeteer-core'));
// puppeteer wants a path; the test passes the name it found on PATH.
const chrome = path.isAbsolute(chromeName) ? chromeName
  : (process.env.PATH || '').split(path.delimiter).map((d) => path.join(d, chromeName))
    .find((p) => fs.existsSync(p)) || chromeName;

async function axe(tab, [widths, ...pages]) {
  const source = fs.readFileSync(path.join(modules, 'axe-core', 'axe.min.js'), 'utf8');
  const found = [];
  for (const width of widths.split(',').map(Number)) {
    await tab.setViewport({ width, height: 900 });
    for (const page of pages) {
      await tab.goto('file://' + path.join(site, page), { waitUntil: 'load' });
      await tab.evaluate(source);
      // The WCAG A/AA rules and best practices axe runs by default;
      // "serious" and "critical" are the failures that stop someone.
      const result = await tab.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      for (const v of result.violations) {
        if (v.impact !== 'serious' && v.impact !== 'critical') continue;
        found.push({
          page, width, id: v.id, impact: v.impact, help: v.help,
          targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
        });
      }
    }
  }
  return found;
}

async function print(tab, [shop, outDir, ...pages]) {
  const found = [];
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
    const pdf = path.join(outDir, page.replace(/\//g, '_') + '.pdf');
    await tab.pdf({ path: pdf, format: 'A4', printBackground: false });
    if (!(fs.statSync(pdf).size > 1000)) found.push({ page, fault: 'the PDF is empty' });
  }
  return found;
}

(async () => {
  const check = { axe, print }[mode];
  if (!check) throw new Error(`unknown mode ${mode}: axe or print`);
  const browser = await puppeteer.launch({
    executablePath: chrome,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--allow-file-access-from-files'],
  });
  try {
    process.stdout.write(JSON.stringify(await check(await browser.newPage(), rest)));
  } finally {
    await browser.close();
  }
})().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
