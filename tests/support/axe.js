// Runs axe-core on pages of a built site in the system Chromium, driven by
// puppeteer-core, at each width, and prints the serious and critical
// violations as JSON: [{page, width, id, impact, help, targets}].
//
//   node axe.js CHROMIUM NODE_MODULES SITE_DIR WIDTHS PAGE...
//
// WIDTHS is comma separated (360,1280); NODE_MODULES is where npm installed
// axe-core and puppeteer-core (.ci/run sets AXE_MODULES to it).
'use strict';
const path = require('path');

const [chromeName, modules, site, widths, ...pages] = process.argv.slice(2);
// puppeteer wants a path; the test passes the name it found on PATH.
const chrome = path.isAbsolute(chromeName) ? chromeName
  : (process.env.PATH || '').split(path.delimiter).map((d) => path.join(d, chromeName))
    .find((p) => require('fs').existsSync(p)) || chromeName;
const puppeteer = require(path.join(modules, 'puppeteer-core'));
const axeSource = require('fs').readFileSync(path.join(modules, 'axe-core', 'axe.min.js'), 'utf8');

(async () => {
  const browser = await puppeteer.launch({
    executablePath: chrome,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--allow-file-access-from-files'],
  });
  const found = [];
  try {
    const tab = await browser.newPage();
    for (const width of widths.split(',').map(Number)) {
      await tab.setViewport({ width, height: 900 });
      for (const page of pages) {
        await tab.goto('file://' + path.join(site, page), { waitUntil: 'load' });
        await tab.evaluate(axeSource);
        const result = await tab.evaluate(() =>
          // Only the WCAG A/AA rules and best practices axe runs by default;
          // "serious" and "critical" are the failures that stop someone.
          window.axe.run(document, { resultTypes: ['violations'] }));
        for (const v of result.violations) {
          if (v.impact !== 'serious' && v.impact !== 'critical') continue;
          found.push({
            page, width, id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
          });
        }
      }
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(found));
})().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
