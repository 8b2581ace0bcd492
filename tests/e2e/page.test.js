// End-to-end test of the web page of `kurdi serve`: Debian chromium driven by playwright-core.
//
// Starts the server on a free loopback port, loads the page, normalizes the seed article, converts a
// legacy-font (Ali-K) paragraph, transliterates, checks word analysis on hover, checks that the page
// made no request outside the server, and takes a screenshot.
//   KURDI_BIN      the kurdi executable (default: ../../build/kurdi)
//   KURDI_E2E_OUT  where the screenshots go (default: /tmp/kurdi-e2e)
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..', '..');
const bin = process.env.KURDI_BIN || path.join(root, 'build', 'kurdi');
const outDir = process.env.KURDI_E2E_OUT || '/tmp/kurdi-e2e';
const seedPath = fs.existsSync('/work/shared/seed') && fs.readdirSync('/work/shared/seed').find((f) => f.endsWith('.txt'))
  ? path.join('/work/shared/seed', fs.readdirSync('/work/shared/seed').find((f) => f.endsWith('.txt')))
  : path.join(root, 'examples', 'seed-article.txt');

// A paragraph typed under the Ali-K font (written for this test: Arabic code points standing for
// Kurdish letters) and its Unicode Sorani reading.
const LEGACY = 'بةرِيَوةبةرى طشتى ثةروةردة رِايطةياند كة قوتابخانةكان لة هةفتةى داهاتوودا دةكريَنةوة.';
const LEGACY_UNICODE = 'بەڕێوەبەری گشتی پەروەردە ڕایگەیاند کە قوتابخانەکان لە هەفتەی داهاتوودا دەکرێنەوە.';

let failures = 0;
function check(cond, what) {
  if (cond) {
    console.log('ok   ' + what);
  } else {
    failures++;
    console.log('FAIL ' + what);
  }
}

function startServer() {
  return new Promise((resolve, reject) => {
    const proc = spawn(bin, ['serve', '--port', '0', '--host', '127.0.0.1', '--threads', '4'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let buf = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + buf)), 20000);
    proc.stderr.on('data', (d) => {
      buf += d.toString();
      for (const line of buf.split('\n')) {
        try {
          const j = JSON.parse(line);
          if (j.event === 'listening') {
            clearTimeout(timer);
            resolve({ proc, url: 'http://127.0.0.1:' + j.port, log: () => buf });
            return;
          }
        } catch (e) { /* not a complete line yet */ }
      }
    });
    proc.on('exit', (code) => reject(new Error('server exited with ' + code + ': ' + buf)));
  });
}

async function post(url, op, body) {
  const res = await fetch(url + '/v1/' + op, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

async function runOp(page, op, text, options) {
  await page.selectOption('#op', op);
  for (const [k, v] of Object.entries(options || {})) {
    await page.locator('#options-box summary').click();
    await page.selectOption(`[data-field="${k}"]`, String(v));
  }
  await page.fill('#input', text);
  await page.click('#run');
  await page.waitForFunction(() => {
    const s = document.getElementById('status');
    return s.className === 'ok' || s.className === 'error';
  });
  const status = await page.locator('#status').getAttribute('class');
  const output = await page.locator('#output').innerText();
  const dir = await page.locator('#output').getAttribute('dir');
  return { status, output, dir };
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const server = await startServer();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kurdi-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    viewport: { width: 1400, height: 900 },
  });
  const outside = [];
  const consoleErrors = [];
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) outside.push(r.url());
    });
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));

    await page.goto(server.url + '/');
    await page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
    const nOps = await page.locator('#op option').count();
    check(nOps >= 10, `page lists the operations (${nOps})`);
    check((await page.getAttribute('html', 'dir')) === 'rtl', 'Kurdish interface is right-to-left');

    // 1. Normalize the seed article: the page shows exactly what the API returns.
    const seed = fs.readFileSync(seedPath, 'utf8');
    const want = await post(server.url, 'normalize', { text: seed });
    check(want.status === 200, 'API normalizes the seed article');
    const norm = await runOp(page, 'normalize', seed);
    check(norm.status === 'ok', 'page: normalize ran');
    check(norm.output === want.json.result, 'page: normalized seed article equals the API result');
    check(norm.output.includes('ڕۆژی هەینی'), 'page: ر -> ڕ at word start (ڕۆژی هەینی)');
    check(norm.dir === 'rtl', 'page: Arabic-script result is laid out right-to-left');
    await page.screenshot({ path: path.join(outDir, 'normalize.png'), fullPage: false });

    // Word analysis on hover.
    const word = page.locator('#output .w').nth(3);
    await word.hover();
    let tip = false;
    try {
      await page.waitForSelector('#tip:not([hidden])', { timeout: 5000 });
      tip = (await page.locator('#tip').innerText()).length > 0;
    } catch (e) { tip = false; }
    check(tip, 'page: word analysis shows on hover');
    await page.screenshot({ path: path.join(outDir, 'hover.png') });
    await page.mouse.move(5, 5);

    // 2. Convert a legacy-font paragraph.
    const dec = await runOp(page, 'decode', LEGACY);
    check(dec.status === 'ok', 'page: decode ran');
    check(dec.output === LEGACY_UNICODE, 'page: Ali-K paragraph decoded to Unicode Sorani: ' + dec.output);
    await page.screenshot({ path: path.join(outDir, 'decode.png') });

    // 3. Transliterate (auto: Arabic script -> Latin, and back).
    const lat = await runOp(page, 'translit', 'کوردستان و ئێران');
    check(lat.status === 'ok' && lat.output === 'kurdistan û êran', 'page: transliterated to Latin: ' + lat.output);
    check(lat.dir === 'ltr', 'page: Latin result is left-to-right');
    const ar = await runOp(page, 'translit', 'kurdistan û êran');
    check(ar.status === 'ok' && ar.output === 'کوردستان و ئێران', 'page: transliterated to Arabic script: ' + ar.output);

    // 4. Spelling (when the build has the spell stage): underlined words, suggestions on click.
    const opNames = await page.locator('#op option').evaluateAll((os) => os.map((o) => o.value));
    if (opNames.includes('spell')) {
      const sp = await runOp(page, 'spell', 'ئەمە زۆر پیویست بوو و ئەو کتیبەکەی خویندەوە.');
      const errs = await page.locator('#output .err').count();
      check(sp.status === 'ok' && errs > 0, `page: spell underlines ${errs} word(s)`);
      if (errs > 0) {
        await page.locator('#output .err').first().click();
        await page.waitForSelector('#suggest:not([hidden])', { timeout: 5000 }).catch(() => {});
        const sugs = await page.locator('#suggest button').allInnerTexts();
        check(sugs.length > 0, 'page: suggestions on click: ' + sugs.join(' · '));
        await page.screenshot({ path: path.join(outDir, 'spell.png') });
        if (sugs.length > 0) {
          await page.locator('#suggest button').first().click();
          await page.waitForFunction(() => document.getElementById('status').className === 'ok');
          check((await page.inputValue('#input')).includes(sugs[0]), 'page: a suggestion replaces the word in the input');
        }
      }
    } else {
      console.log('skip spell: this build has no spell operation');
    }

    // Errors are shown, not swallowed: an empty input is refused by the page itself.
    await page.fill('#input', '');
    await page.click('#run');
    check((await page.locator('#status').getAttribute('class')) === 'error', 'page: empty input gives an error message');

    // English interface.
    await page.click('#lang-en');
    check((await page.getAttribute('html', 'dir')) === 'ltr', 'English interface is left-to-right');
    check((await page.locator('#run').innerText()) === 'Run', 'English labels');
    const lat2 = await runOp(page, 'translit', 'سلێمانی و هەولێر');
    check(lat2.status === 'ok', 'page (English): translit ran: ' + lat2.output);
    await page.click('#lang-ckb');
    await runOp(page, 'normalize', seed);
    await page.screenshot({ path: path.join(outDir, 'page.png') });

    check(outside.length === 0, 'no request outside the server' + (outside.length ? ': ' + outside.join(', ') : ''));
    check(consoleErrors.length === 0, 'no JavaScript errors' + (consoleErrors.length ? ': ' + consoleErrors.join(' | ') : ''));
  } finally {
    await context.close();
    server.proc.kill('SIGTERM');
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  console.log(`screenshots in ${outDir}`);
  if (failures) {
    console.log(`${failures} check(s) failed`);
    process.exit(1);
  }
  console.log('e2e: all checks passed');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
