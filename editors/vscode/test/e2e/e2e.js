// End-to-end steps in real VS Code (code-server) with the nianbao extension installed.
// Usage: node e2e.js URL WORKSPACE_DIR SHOTS_DIR     (run.sh starts code-server and calls this)
//
// Steps (each asserts, and saves a screenshot into SHOTS_DIR; a failing one saves NAME-failed.png):
//   diagnostics     wrong-total.report.md: a squiggle appears, Problems lists a sum-row error
//   quickfix/fixed  Ctrl+. on the wrong cell offers the server's fix ("改为 N"); choosing it writes N
//                   into the cell and the sum-row problem goes away
//   completion      missing-part.report.md: typing the pinyin initials "czdzy" on the empty line where
//                   part 五 belongs offers 五、存在的主要问题及改进情况; Enter inserts the heading
//   section-missing complete.report.md: delete the heading of part 六; the problem appears on save
//   statusbar       wrong-total.report.md (between diagnostics and quickfix): the nianbao status bar item
//                   shows "$(error) N $(warning) M" with the Problems panel's counts
//   statusbar-clean the same report after the quick fix: the item shows "$(check) 年报"
//   skeleton        new.report.md (empty): Command Palette → "Nianbao: Insert report skeleton" → layout
//                   "pipes"; the title line and the six part headings are inserted; saved, it has no problems
//   fixall          two-wrong-totals.report.md: Command Palette → "Nianbao: Fix all totals" corrects both
//                   totals; the sum-row problems go and the saved file equals fixtures/complete.report.md
//
// How text is read: Monaco renders only the visible lines, each as an absolutely positioned
// `.view-lines .view-line`, with the line number in `.margin-view-overlays .line-numbers` at the same
// `top`. After "Go to Line" has revealed a line, its text is read by pairing the two on `top`
// (spaces and tabs are rendered as U+00A0 runs, so whitespace is normalised before comparing). The
// hidden textarea is no help: without a screen reader it does not hold the line. Where a step saves,
// the file on disk is checked as well, which does not depend on rendering at all.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [url, wsDir, shotsDir] = process.argv.slice(2);
if (!url || !wsDir || !shotsDir) { console.error('usage: node e2e.js URL WORKSPACE_DIR SHOTS_DIR'); process.exit(2); }

const T0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...a);
const norm = s => s.replace(/[\u00a0\s]+/g, ' ').trim();
const fixtureLines = name => fs.readFileSync(path.join(wsDir, name), 'utf8').split('\n');
const lineOf = (name, text) => {              // 1-based number of the line that reads `text`
  const i = fixtureLines(name).findIndex(l => l.trim() === text);
  if (i < 0) throw new Error(`${name} has no line "${text}"`);
  return i + 1;
};

let page;

// ---- helpers -------------------------------------------------------------------------------

async function shot(name) {
  await page.screenshot({ path: path.join(shotsDir, name) });
  log('screenshot', name);
}

// Opens a file the way a person does, by clicking it in the Explorer, and waits for its editor.
async function openFile(name) {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 30000 });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ timeout: 30000 });
  await focusEditor();
}

// Moves the keyboard focus into the editor (the Explorer keeps it after a single click). Ctrl+1
// (Focus First Editor Group) rather than a click: Playwright scrolls a clicked element into view
// with DOM scrolling, which Monaco (it scrolls virtually) then renders as an empty editor.
async function focusEditor() {
  await page.keyboard.press('Control+1');
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: 10000 });
}

// Opens the Problems panel unless it is open (Ctrl+Shift+M toggles it when it has the focus).
async function showProblems() {
  if (!(await page.locator('.markers-panel').isVisible())) {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ timeout: 10000 });
  }
}

// "Go to Line/Column" (Ctrl+G), then waits until the status bar shows the cursor there.
async function goTo(line, col = 1) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  // Ctrl+G opens Quick Open with the ":" (line) prefix; replacing it would search for files instead.
  await input.fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });
  await page.locator('.statusbar-item[id="status.editor.selection"]', { hasText: `Ln ${line}, Col ${col}` })
    .waitFor({ timeout: 10000 });
}

// Text of a rendered line of the active editor (see the note at the top), or null if not rendered.
async function lineText(line) {
  return page.evaluate(n => {
    const ed = document.querySelector('.editor-group-container.active .monaco-editor');
    if (!ed) return null;
    const num = [...ed.querySelectorAll('.margin-view-overlays .line-numbers')].find(e => e.textContent.trim() === String(n));
    if (!num) return null;
    const top = num.closest('[style*="top"]').style.top;
    const vl = [...ed.querySelectorAll('.view-lines .view-line')].find(e => e.style.top === top);
    return vl ? vl.textContent : null;
  }, line);
}

async function waitForLine(line, pred, what, timeout = 10000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await lineText(line);
    if (last !== null && pred(norm(last))) return norm(last);
    await page.waitForTimeout(100);
  }
  throw new Error(`line ${line} ${what}; it reads ${JSON.stringify(last && norm(last))}`);
}

// The Problems panel's rows: a file row (its name) followed by its markers; returns
// [{file, text}] for the markers, text being the row's aria-label (message, position) and its
// visible text (message, "nianbao(code)", "[Ln L, Col C]"). The list renders only rows in view
// and positions them absolutely, so they are put in order by data-index first.
async function problems() {
  return page.evaluate(() => {
    const out = [];
    let file = null;
    const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')]
      .sort((a, b) => +a.getAttribute('data-index') - +b.getAttribute('data-index'));
    for (const row of rows) {
      const label = row.getAttribute('aria-label') || row.innerText;
      if (row.querySelector('.marker-icon, .marker-message-details')) {
        out.push({ file, text: label + ' ' + row.innerText.replace(/\s+/g, ' ') });
      } else {
        file = row.innerText.split('\n')[0].trim();
      }
    }
    return out;
  });
}

async function waitForProblem(pred, what, timeout = 30000) {
  const end = Date.now() + timeout;
  let rows;
  while (Date.now() < end) {
    rows = await problems();
    const hit = rows.find(pred);
    if (hit) return hit;
    await page.waitForTimeout(200);
  }
  throw new Error(`no problem ${what} in the Problems panel; rows: ${JSON.stringify(rows)}`);
}

async function waitForNoProblem(pred, what, timeout = 30000) {
  const end = Date.now() + timeout;
  let rows;
  while (Date.now() < end) {
    rows = await problems();
    if (!rows.some(pred)) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`problem ${what} still in the Problems panel; rows: ${JSON.stringify(rows)}`);
}

// An absence in problems() means something only if every row is rendered, i.e. the list does
// not scroll (its rows' total height fits in its viewport).
async function assertProblemsFit() {
  const fit = await page.evaluate(() => {
    const rows = document.querySelector('.markers-panel .monaco-list-rows');
    const view = rows && rows.closest('.monaco-scrollable-element');
    return rows && view ? { content: rows.offsetHeight, view: view.clientHeight } : null;
  });
  if (!fit || fit.content > fit.view) throw new Error(`the Problems panel scrolls (${JSON.stringify(fit)}): not every problem is rendered`);
}

async function save(name) {
  const before = fs.statSync(path.join(wsDir, name)).mtimeMs;
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: name }).waitFor({ timeout: 10000 });
  const end = Date.now() + 10000;
  while (fs.statSync(path.join(wsDir, name)).mtimeMs === before && Date.now() < end) await page.waitForTimeout(50);
}

// The nianbao status bar item (statusBar.ts: createStatusBarItem('nianbao.status', …); VS Code gives
// its element the id "<extension id>.nianbao.status"). Its label is read back in the item's own
// syntax: each rendered codicon span becomes "$(name)", so "$(error) 2 $(warning) 0" or
// "$(check) 年报". null while the item is hidden (VS Code then removes the element).
async function nianbaoStatus() {
  return page.evaluate(() => {
    const item = document.querySelector('.statusbar-item[id$=".nianbao.status"]');
    if (!item) return null;
    const walk = n => {
      if (n.nodeType === Node.TEXT_NODE) return n.textContent;
      const icon = n.classList && [...n.classList].find(c => c.startsWith('codicon-') && !c.startsWith('codicon-modifier'));
      return icon ? ` $(${icon.slice('codicon-'.length)}) ` : [...n.childNodes].map(walk).join('');
    };
    const label = item.querySelector('.statusbar-item-label') || item;
    return { id: item.id, text: walk(label).replace(/[\u00a0\s]+/g, ' ').trim(), aria: item.getAttribute('aria-label') || '' };
  });
}

async function waitForStatus(pred, what, timeout = 15000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await nianbaoStatus();
    if (last && pred(last.text)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`the nianbao status bar item ${what}; it reads ${JSON.stringify(last)}`);
}

const statusCounts = text => {
  const m = /^\$\(error\) (\d+) \$\(warning\) (\d+)$/.exec(text);
  return m ? { errors: +m[1], warnings: +m[2] } : null;
};
const isClean = text => text === '$(check) 年报';

// Runs a command from the Command Palette (F1) by its title, as a person does: types the title
// and presses Enter once the best match (the focused row) is that command.
async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
}

// ---- steps ---------------------------------------------------------------------------------

const results = [];
async function step(name, fn) {
  const t = Date.now();
  if (results.length && !results[0][1]) {            // nothing to test without a workbench
    results.push([name, false]);
    log(`FAIL ${name}: skipped, the workbench did not start`);
    return;
  }
  try {
    await fn();
    results.push([name, true]);
    log(`PASS ${name} (${Date.now() - t} ms)`);
  } catch (e) {
    results.push([name, false]);
    log(`FAIL ${name} (${Date.now() - t} ms): ${e.message}`);
    try { await shot(`${name}-failed.png`); } catch {}
    try { await page.keyboard.press('Escape'); } catch {}
  }
}

const wrongTotal = { file: 'wrong-total.report.md', expected: null, line: 0, col: 0 };
const isSumRow = r => r.file === wrongTotal.file && /sum-row/.test(r.text);
// The six parts of a report, as the skeleton writes them (## in the Markdown layout).
const partHeadings = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

(async () => {
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-e2e-chromium-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  try {
    page = ctx.pages()[0] || await ctx.newPage();
    page.on('console', m => {
      // two 404s for `vsda` are expected from code-server
      if (m.type() === 'error' && !/vsda/.test(m.text())) log('[console.error]', m.text().slice(0, 300));
    });
    page.on('request', r => {
      const u = r.url();
      if (!/^(http|ws):\/\/127\.0\.0\.1[:/]|^data:|^blob:/.test(u)) log('[non-local request]', u);
    });

    await step('startup', async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: wrongTotal.file }).waitFor({ timeout: 60000 });
      log('workbench and explorer ready');
    });

    // a. diagnostics --------------------------------------------------------------------------
    await step('diagnostics', async () => {
      await openFile(wrongTotal.file);
      const mode = page.locator('.statusbar-item[id="status.editor.mode"]');
      await mode.filter({ hasText: /Nianbao Report|年报/ }).waitFor({ timeout: 10000 })
        .catch(async () => { throw new Error(`language mode is ${JSON.stringify(await mode.innerText())}, not nianbao-report`); });
      await showProblems();
      await focusEditor();
      const row = await waitForProblem(isSumRow, 'with code sum-row');
      log('problem:', norm(row.text));
      const m = /(?:总计应为|total should be)\s*(\d+)/.exec(row.text);
      const pos = /\[Ln (\d+), Col (\d+)\]/.exec(row.text);
      if (!m || !pos) throw new Error(`cannot read the expected total and position from ${JSON.stringify(row.text)}`);
      wrongTotal.expected = m[1];
      wrongTotal.line = +pos[1];
      wrongTotal.col = +pos[2];
      log(`expected total ${wrongTotal.expected} at line ${wrongTotal.line}, column ${wrongTotal.col}`);
      // Monaco renders only the lines in view: go to the cell, then its squiggle can be seen.
      await goTo(wrongTotal.line, wrongTotal.col);
      await page.locator('.editor-group-container.active .squiggly-error').first().waitFor({ timeout: 30000 });
      log('squiggle visible');
      await shot('diagnostics.png');
    });

    // a2. status bar with problems ---------------------------------------------------------
    await step('statusbar', async () => {
      if (!wrongTotal.expected) throw new Error('needs the diagnostics step');
      // The item counts what the server found (nianbao/reportStatus), the Problems panel what it
      // published: they must agree, and the wrong total is at least one error.
      const end = Date.now() + 15000;
      let status, panel;
      for (;;) {
        status = await nianbaoStatus();
        const rows = (await problems()).filter(r => r.file === wrongTotal.file);
        panel = { errors: rows.filter(r => /^Error\b/.test(r.text)).length,
                  warnings: rows.filter(r => /^Warning\b/.test(r.text)).length };
        const counts = status && statusCounts(status.text);
        if (counts && counts.errors >= 1 && counts.errors === panel.errors && counts.warnings === panel.warnings) break;
        if (Date.now() > end)
          throw new Error(`status bar item ${JSON.stringify(status)} does not show the Problems panel's ${panel.errors} error(s), ${panel.warnings} warning(s)`);
        await page.waitForTimeout(200);
      }
      // VS Code appends the item's tooltip to its aria-label: the counts once more, in words.
      const plural = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
      const tooltip = `nianbao: ${plural(panel.errors, 'error')}, ${plural(panel.warnings, 'warning')}`;
      if (!status.aria.includes(tooltip)) throw new Error(`aria-label ${JSON.stringify(status.aria)} lacks the tooltip "${tooltip}"`);
      log(`status bar item #${status.id}:`, status.text, '| aria-label:', status.aria, '| Problems panel:', JSON.stringify(panel));
      await shot('statusbar.png');
    });

    // b. quick fix ----------------------------------------------------------------------------
    await step('quickfix', async () => {
      if (!wrongTotal.expected) throw new Error('needs the diagnostics step');
      const { line, col, expected } = wrongTotal;
      const before = await waitForLine(line, s => s.includes('一、本年新收'), 'is not the row 一、本年新收');
      log('row before:', before);
      await focusEditor();
      await goTo(line, col);
      await page.keyboard.press('Control+.');
      const item = page.locator('.action-widget .monaco-list-row.action', { hasText: new RegExp(`^\\s*(改为|Change to)\\s*${expected}\\s*$`) });
      await item.first().waitFor({ timeout: 15000 });
      const titles = await page.locator('.action-widget .monaco-list-row.action').allInnerTexts();
      log('quick fix menu:', JSON.stringify(titles));
      await shot('quickfix.png');
      // Chosen with the keyboard: a click is swallowed by the context view's pointer block.
      for (let i = 0; i < 10 && !(await item.first().evaluate(e => e.classList.contains('focused'))); i++)
        await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: 10000 });
      // The row's last cell now holds the expected total.
      const after = await waitForLine(line, s => s.split('|').map(c => c.trim()).filter(Boolean).pop() === expected,
        `does not end in the cell "${expected}"`);
      log('row after:', after);
      await waitForNoProblem(isSumRow, 'sum-row');
      await page.locator('.editor-group-container.active .squiggly-error').first().waitFor({ state: 'detached', timeout: 10000 });
      await shot('fixed.png');
      await save(wrongTotal.file);
      const onDisk = fixtureLines(wrongTotal.file)[line - 1];
      if (norm(onDisk) !== after) throw new Error(`saved line ${line} reads ${JSON.stringify(onDisk)}`);
    });

    // b2. status bar after the fix ---------------------------------------------------------
    await step('statusbar-clean', async () => {
      const status = await waitForStatus(isClean, 'does not show the clean state "$(check) 年报"');
      if (!status.aria.includes('nianbao: no problems')) throw new Error(`aria-label ${JSON.stringify(status.aria)} lacks the tooltip "nianbao: no problems"`);
      log('status bar:', status.text, '| aria-label:', status.aria);
      await shot('statusbar-clean.png');
    });

    // c. completion ---------------------------------------------------------------------------
    await step('completion', async () => {
      const file = 'missing-part.report.md';
      const heading = '五、存在的主要问题及改进情况';
      // The heading's place: its line in the complete report (missing-part has an empty line there).
      const line = lineOf('complete.report.md', `#### ${heading}`);
      if (fixtureLines(file)[line - 1].trim() !== '') throw new Error(`${file}:${line} is not empty`);
      await openFile(file);
      const missing = r => r.file === file && /section-missing/.test(r.text);
      await showProblems();
      await focusEditor();
      await waitForProblem(missing, 'section-missing (on open)');
      await goTo(line, 1);
      await page.keyboard.type('czdzy', { delay: 60 });
      const widget = page.locator('.editor-widget.suggest-widget.visible');
      const entry = widget.locator('.monaco-list-row', { hasText: heading });
      // Quick suggestions usually open the widget while typing; otherwise ask for it (Ctrl+Space).
      try { await entry.first().waitFor({ timeout: 3000 }); } catch {
        log('no suggestions while typing; pressing Ctrl+Space');
        await page.keyboard.press('Control+Space');
        await entry.first().waitFor({ timeout: 10000 });
      }
      log('suggestions:', JSON.stringify((await widget.locator('.monaco-list-row').allInnerTexts()).map(norm)));
      await shot('completion.png');
      // The server's item is preselected; Enter accepts the focused item.
      await widget.locator('.monaco-list-row.focused', { hasText: heading }).waitFor({ timeout: 5000 });
      await page.keyboard.press('Enter');
      await widget.waitFor({ state: 'hidden', timeout: 10000 });
      const text = await waitForLine(line, s => s === `#### ${heading}`, `does not read "#### ${heading}"`);
      log(`line ${line}:`, text);
      await save(file);
      if (fixtureLines(file)[line - 1] !== `#### ${heading}`) throw new Error(`saved line ${line} reads ${JSON.stringify(fixtureLines(file)[line - 1])}`);
      await waitForNoProblem(missing, 'section-missing (after the heading was saved)');
    });

    // d. section-missing on save --------------------------------------------------------------
    await step('section-missing', async () => {
      const file = 'complete.report.md';
      const heading = '#### 六、其他需要报告的事项';
      const line = lineOf(file, heading);
      await openFile(file);
      await showProblems();
      await focusEditor();
      await goTo(line, 1);
      await waitForLine(line, s => s === heading, `does not read "${heading}"`);
      await page.keyboard.press('Control+Shift+K');               // Delete Line
      await waitForLine(line, s => s !== heading, 'still reads the heading');
      const missing = r => r.file === file && /section-missing/.test(r.text);
      // Headings are checked on open and save only: while the edit is unsaved there is no
      // section-missing. An absence cannot be awaited; 1.5 s is many times the 50 ms debounce.
      await page.waitForTimeout(1500);
      if ((await problems()).some(missing)) throw new Error('section-missing appeared before the save');
      await save(file);
      const row = await waitForProblem(missing, 'section-missing (after the save)');
      log('problem:', norm(row.text));
      await shot('section-missing.png');
    });

    // e. report skeleton from the Command Palette ---------------------------------------------
    await step('skeleton', async () => {
      const file = 'new.report.md';
      const title = '# （机关名称）××××年政府信息公开工作年度报告';
      if (fixtureLines(file).join('').trim() !== '') throw new Error(`${file} is not empty`);
      await openFile(file);
      await runCommand('Nianbao: Insert report skeleton');
      // The extension's QuickPick for the table layout replaces the palette.
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Insert report skeleton' }).waitFor({ timeout: 10000 });
      const items = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
      log('layouts:', JSON.stringify(items.map(norm)));
      await page.locator('.quick-input-widget input').fill('pipes');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Markdown 表格' }).waitFor({ timeout: 10000 });
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });
      // The server answers with workspace/applyEdit: the document changes, unsaved.
      await page.locator('.tabs-container .tab.active.dirty', { hasText: file }).waitFor({ timeout: 15000 });
      await focusEditor();
      await goTo(1, 1);
      await waitForLine(1, s => s === title, `does not read "${title}"`);
      await save(file);
      const lines = fixtureLines(file);
      if (lines[0] !== title) throw new Error(`saved line 1 reads ${JSON.stringify(lines[0])}`);
      const missing = partHeadings.filter(h => !lines.includes(`## ${h}`));
      if (missing.length) throw new Error(`the saved skeleton lacks ${missing.map(h => `"## ${h}"`).join(', ')}`);
      log(`${lines.length} lines; part headings at lines`, partHeadings.map(h => lines.indexOf(`## ${h}`) + 1).join(', '));
      // A complete report: the server says so in the status bar (it is hidden for a non-report,
      // so this is more than an absence), and the Problems panel has nothing for the file. The
      // settle time lets the analysis on save (headings) arrive; it is many times the debounce.
      await showProblems();
      await focusEditor();
      await waitForStatus(isClean, 'does not show the clean state "$(check) 年报"');
      await page.waitForTimeout(1000);
      await assertProblemsFit();
      const rows = (await problems()).filter(r => r.file === file);
      if (rows.length) throw new Error(`problems for ${file}: ${JSON.stringify(rows)}`);
      const status = await nianbaoStatus();
      if (!status || !isClean(status.text)) throw new Error(`status bar item after the save: ${JSON.stringify(status)}`);
      await goTo(1, 1);
      await shot('skeleton.png');
    });

    // f. fix all totals from the Command Palette ----------------------------------------------
    await step('fixall', async () => {
      const file = 'two-wrong-totals.report.md';
      const isSumRowHere = r => r.file === file && /sum-row/.test(r.text);
      await openFile(file);
      await showProblems();
      await focusEditor();
      // Both wrong totals, each with its own sum-row problem.
      const end = Date.now() + 30000;
      let sums = [];
      while (Date.now() < end && sums.length < 2) {
        sums = (await problems()).filter(isSumRowHere);
        if (sums.length < 2) await page.waitForTimeout(200);
      }
      if (sums.length !== 2) throw new Error(`expected 2 sum-row problems for ${file}, got ${JSON.stringify(sums)}`);
      const cells = sums.map(r => {
        const pos = /\[Ln (\d+), Col (\d+)\]/.exec(r.text);
        const m = /(?:总计应为|total should be)\s*(\d+)/.exec(r.text);
        if (!pos || !m) throw new Error(`cannot read the expected total and position from ${JSON.stringify(r.text)}`);
        return { line: +pos[1], col: +pos[2], expected: m[1] };
      });
      if (cells[0].line === cells[1].line) throw new Error(`both sum-row problems are on line ${cells[0].line}`);
      log('wrong totals:', JSON.stringify(cells));
      const before = await waitForStatus(t => (statusCounts(t) || {}).errors >= 2, 'does not count at least 2 errors');
      log('status bar before:', before.text);
      await runCommand('Nianbao: Fix all totals');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });
      await page.locator('.tabs-container .tab.active.dirty', { hasText: file }).waitFor({ timeout: 15000 });
      await focusEditor();
      const lastCell = s => s.split('|').map(c => c.trim()).filter(Boolean).pop();
      for (const { line, col, expected } of cells) {
        await goTo(line, col);
        const text = await waitForLine(line, s => lastCell(s) === expected, `does not end in the cell "${expected}"`);
        log(`line ${line}:`, text);
      }
      await waitForNoProblem(isSumRowHere, 'sum-row');
      await assertProblemsFit();
      const after = await waitForStatus(isClean, 'does not show the clean state "$(check) 年报" after the fix');
      log('status bar after:', after.text);
      await shot('fixall.png');
      await save(file);
      // On disk: the file is the complete report again (the fixture is it with two totals changed).
      const want = fs.readFileSync(path.join(__dirname, 'fixtures', 'complete.report.md'), 'utf8').split('\n');
      const got = fixtureLines(file);
      const diff = want.findIndex((l, i) => got[i] !== l);
      if (diff >= 0 || got.length !== want.length)
        throw new Error(`saved ${file} differs from complete.report.md at line ${diff + 1}: ${JSON.stringify(got[diff])}`);
    });
  } finally {
    await ctx.close().catch(() => {});
    fs.rmSync(udd, { recursive: true, force: true });
  }
  const failed = results.filter(r => !r[1]).length;
  for (const [name, ok] of results) log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch(e => { console.error('e2e.js crashed:', e); process.exit(1); });
