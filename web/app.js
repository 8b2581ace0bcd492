// kurdi web page: talks only to the server that served it (POST /v1/<operation>).
'use strict';

const I18N = {
  ckb: {
    title: 'ئامرازی دەقی کوردی', operation: 'کار', options: 'هەڵبژاردنەکان', run: 'جێبەجێکردن',
    input: 'دەقی سەرەتا', output: 'ئەنجام', upload: 'فایلێکی .txt', clear: 'سڕینەوە', copy: 'کۆپی',
    download: 'داگرتن', hover: 'شیکردنەوەی وشە بە هێنانی ماوس',
    footer: 'هەموو کارەکان لەسەر ئەم ڕاژەکارە دەکرێن؛ هیچ شتێک بۆ دەرەوە نانێردرێت.',
    working: 'چاوەڕێ بە…', done: 'تەواو', copied: 'کۆپی کرا', chars: 'پیت', lines: 'دێڕ', items: 'دانە',
    empty: 'سەرەتا دەقێک بنووسە یان فایلێک باربکە.', default: 'بنەڕەت', on: 'بەڵێ', off: 'نەخێر',
    errors: 'هەڵەی ڕێنووس', noSuggestions: 'هیچ پێشنیارێک نییە', lemma: 'ڕەگ', pos: 'جۆر', morphs: 'بەشەکان',
    guessed: '(مەزەندە)', fileTooBig: 'فایلەکە زۆر گەورەیە', failed: 'هەڵە',
  },
  en: {
    title: 'Kurdish text tools', operation: 'Operation', options: 'Options', run: 'Run',
    input: 'Input', output: 'Result', upload: 'Open a .txt file', clear: 'Clear', copy: 'Copy',
    download: 'Download', hover: 'Word analysis on hover',
    footer: 'Everything runs on this server; nothing is sent anywhere else.',
    working: 'Working…', done: 'Done', copied: 'Copied', chars: 'characters', lines: 'lines', items: 'items',
    empty: 'Type or paste some text, or open a file, first.', default: 'default', on: 'on', off: 'off',
    errors: 'spelling errors', noSuggestions: 'no suggestions', lemma: 'lemma', pos: 'POS', morphs: 'morphs',
    guessed: '(guessed)', fileTooBig: 'The file is too large', failed: 'Error',
  },
};

const state = {
  lang: 'ckb',
  ops: [],
  result: null,      // last result (string or array)
  resultOp: null,
  analysisCache: new Map(),
  spellItems: [],
};

const $ = (id) => document.getElementById(id);
const t = (key) => (I18N[state.lang] && I18N[state.lang][key]) || I18N.en[key] || key;

// Right-to-left when Arabic-script letters outnumber Latin ones.
function isRtl(text) {
  let ar = 0, la = 0;
  for (const ch of text.slice(0, 4000)) {
    if (/[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/.test(ch)) ar++;
    else if (/[A-Za-z\u00C0-\u024F]/.test(ch)) la++;
  }
  return ar >= la && ar > 0;
}

// Byte offsets (UTF-8) of the server -> indexes into the JavaScript string.
function byteIndex(text) {
  const map = [];
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i);
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) map[b + k] = i;
    b += n;
    if (c >= 0x10000) i++;
  }
  map[b] = text.length;
  return (off) => (off >= b ? text.length : map[off]);
}

async function api(op, body) {
  const res = await fetch('/v1/' + op, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  let data;
  try { data = await res.json(); } catch (e) { data = { error: res.status + ' ' + res.statusText }; }
  if (!res.ok || data.error !== undefined) throw new Error(data.error || (res.status + ' ' + res.statusText));
  return data.result;
}

function setStatus(text, kind) {
  const s = $('status');
  s.textContent = text;
  s.className = kind || '';
}

function currentOp() { return state.ops.find((o) => o.name === $('op').value); }

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.documentElement.dir = state.lang === 'ckb' ? 'rtl' : 'ltr';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  $('lang-ckb').classList.toggle('on', state.lang === 'ckb');
  $('lang-en').classList.toggle('on', state.lang === 'en');
  fillOperations();
}

function fillOperations() {
  const sel = $('op');
  const keep = sel.value || 'normalize';
  sel.textContent = '';
  for (const op of state.ops) {
    const o = document.createElement('option');
    o.value = op.name;
    o.textContent = op.name + ' — ' + (state.lang === 'ckb' ? op.summary_ku : op.summary);
    sel.appendChild(o);
  }
  if (state.ops.some((o) => o.name === keep)) sel.value = keep;
  showOptions();
}

function showOptions() {
  const op = currentOp();
  const box = $('options');
  box.textContent = '';
  if (!op) return;
  $('op-help').textContent = state.lang === 'ckb' ? op.summary : op.summary_ku;
  $('input').placeholder = op.example || '';
  for (const f of op.fields) {
    const row = document.createElement('label');
    row.className = 'opt';
    row.title = f.description || '';
    const name = document.createElement('span');
    name.textContent = f.name;
    row.appendChild(name);
    let input;
    if (f.enum || f.type === 'boolean') {
      input = document.createElement('select');
      const choices = f.enum ? f.enum.slice() : ['true', 'false'];
      if (f.default === undefined) choices.unshift('');
      for (const c of choices) {
        const o = document.createElement('option');
        o.value = c;
        o.textContent = c === '' ? '(' + t('default') + ')' : c === 'true' ? t('on') : c === 'false' ? t('off') : c;
        input.appendChild(o);
      }
      if (f.default !== undefined) input.value = String(f.default);
    } else {
      input = document.createElement('input');
      input.type = f.type === 'string' ? 'text' : 'number';
      if (f.default !== undefined && f.default !== '') input.value = String(f.default);
    }
    input.dataset.field = f.name;
    input.dataset.type = f.type;
    row.appendChild(input);
    const help = document.createElement('small');
    help.textContent = f.description || '';
    row.appendChild(help);
    box.appendChild(row);
  }
}

function collectOptions() {
  const body = {};
  for (const el of $('options').querySelectorAll('[data-field]')) {
    const v = el.value;
    if (v === '') continue;
    const type = el.dataset.type;
    if (type === 'boolean') body[el.dataset.field] = v === 'true';
    else if (type === 'integer') body[el.dataset.field] = parseInt(v, 10);
    else if (type === 'number') body[el.dataset.field] = parseFloat(v);
    else body[el.dataset.field] = v;
  }
  return body;
}

// Text output, cut into word spans (for the analysis on hover).
function renderText(out, text) {
  out.textContent = '';
  const frag = document.createDocumentFragment();
  const re = /[\p{L}\p{M}\u200C]+/gu;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) frag.appendChild(document.createTextNode(text.slice(last, m.index)));
    const w = document.createElement('span');
    w.className = 'w';
    w.textContent = m[0];
    frag.appendChild(w);
    last = m.index + m[0].length;
  }
  if (last < text.length) frag.appendChild(document.createTextNode(text.slice(last)));
  out.appendChild(frag);
}

function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  tr.appendChild(td);
}

function renderList(out, op, items) {
  out.textContent = '';
  if (op === 'tokenize') {
    for (const tok of items) {
      const s = document.createElement('span');
      s.className = 'tok tok-' + tok.type + (tok.type === 'word' ? ' w' : '');
      s.textContent = tok.text;
      s.title = tok.type + ' ' + tok.start + '–' + tok.end + (tok.norm ? ' → ' + tok.norm : '');
      out.appendChild(s);
      out.appendChild(document.createTextNode(' '));
    }
    return;
  }
  if (op === 'sentences') {
    const ol = document.createElement('ol');
    for (const s of items) {
      const li = document.createElement('li');
      renderText(li, s.text);
      ol.appendChild(li);
    }
    out.appendChild(ol);
    return;
  }
  const table = document.createElement('table');
  if (op === 'analyze') {
    for (const w of items) {
      for (const [k, a] of w.analyses.entries()) {
        const tr = document.createElement('tr');
        cell(tr, k === 0 ? w.word : '', 'word');
        cell(tr, a.lemma);
        cell(tr, a.features, 'ltr');
        cell(tr, a.morphs.map((m) => m.form).join(' + '));
        cell(tr, a.guessed ? t('guessed') : '');
        table.appendChild(tr);
      }
    }
  } else if (op === 'detect') {
    for (const d of items) {
      const tr = document.createElement('tr');
      cell(tr, d.line !== undefined ? String(d.line) : '');
      cell(tr, d.label, 'ltr');
      cell(tr, d.script, 'ltr');
      cell(tr, (d.confidence * 100).toFixed(1) + '%', 'ltr');
      table.appendChild(tr);
    }
  } else if (op === 'spell') {
    renderSpell(out, items);
    return;
  } else {
    const pre = document.createElement('pre');
    pre.textContent = JSON.stringify(items, null, 2);
    out.appendChild(pre);
    return;
  }
  out.appendChild(table);
}

// Spelling: the input text with the misspelled words underlined; a click shows the suggestions.
function renderSpell(out, items) {
  const text = $('input').value;
  const idx = byteIndex(text);
  state.spellItems = items.filter((it) => !it.ok).map((it) => ({ ...it, from: idx(it.start), to: idx(it.end) }));
  out.textContent = '';
  let last = 0;
  for (const [k, it] of state.spellItems.entries()) {
    if (it.from < last) continue;
    out.appendChild(document.createTextNode(text.slice(last, it.from)));
    const s = document.createElement('span');
    s.className = 'err';
    s.dataset.k = String(k);
    s.textContent = text.slice(it.from, it.to);
    s.title = (it.suggestions || []).join(' · ');
    out.appendChild(s);
    last = it.to;
  }
  out.appendChild(document.createTextNode(text.slice(last)));
  out.dir = isRtl(text) ? 'rtl' : 'ltr';
  $('output-meta').textContent = state.spellItems.length + ' ' + t('errors');
}

function showSuggestions(span) {
  const it = state.spellItems[Number(span.dataset.k)];
  const box = $('suggest');
  box.textContent = '';
  const list = it.suggestions || [];
  if (!list.length) {
    const p = document.createElement('div');
    p.textContent = t('noSuggestions');
    box.appendChild(p);
  }
  for (const sug of list) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = sug;
    b.addEventListener('click', () => {
      const input = $('input');
      const v = input.value;
      input.value = v.slice(0, it.from) + sug + v.slice(it.to);
      box.hidden = true;
      run();
    });
    box.appendChild(b);
  }
  place(box, span);
}

function place(box, anchor) {
  const r = anchor.getBoundingClientRect();
  box.hidden = false;
  box.style.top = (window.scrollY + r.bottom + 6) + 'px';
  const left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8);
  box.style.left = Math.max(4, left) + 'px';
}

let hoverTimer = null;
async function showAnalysis(span) {
  if (!$('hover-analysis').checked || !state.ops.some((o) => o.name === 'analyze')) return;
  const word = span.textContent;
  let result = state.analysisCache.get(word);
  if (!result) {
    try {
      result = await api('analyze', { text: word, max: 3 });
    } catch (e) {
      return;
    }
    if (state.analysisCache.size > 500) state.analysisCache.clear();
    state.analysisCache.set(word, result);
  }
  if (!span.matches(':hover')) return;
  const tip = $('tip');
  tip.textContent = '';
  const head = document.createElement('div');
  head.className = 'tip-word';
  head.textContent = word;
  tip.appendChild(head);
  for (const w of result) {
    for (const a of w.analyses) {
      const row = document.createElement('div');
      row.className = 'tip-row';
      const lemma = document.createElement('b');
      lemma.textContent = a.lemma;
      const feat = document.createElement('span');
      feat.className = 'ltr';
      feat.textContent = ' ' + a.features + ' ';
      const seg = document.createElement('span');
      seg.textContent = a.morphs.map((m) => m.form).join(' + ') + (a.guessed ? ' ' + t('guessed') : '');
      row.append(lemma, feat, seg);
      tip.appendChild(row);
    }
  }
  place(tip, span);
}

async function run() {
  const op = currentOp();
  const text = $('input').value;
  if (!op) return;
  if (!text.trim()) { setStatus(t('empty'), 'error'); return; }
  const body = Object.assign({ text }, collectOptions());
  setStatus(t('working'), 'busy');
  $('run').disabled = true;
  const started = performance.now();
  try {
    const result = await api(op.name, body);
    state.result = result;
    state.resultOp = op.name;
    const out = $('output');
    $('output-meta').textContent = '';
    if (typeof result === 'string') {
      renderText(out, result);
      out.dir = isRtl(result) ? 'rtl' : 'ltr';
      $('output-meta').textContent = [...result].length + ' ' + t('chars') + ' · ' + result.split('\n').length + ' ' + t('lines');
    } else {
      out.dir = state.lang === 'ckb' ? 'rtl' : 'ltr';
      renderList(out, op.name, result);
      if (op.name !== 'spell') $('output-meta').textContent = result.length + ' ' + t('items');
    }
    setStatus(t('done') + ' · ' + Math.round(performance.now() - started) + ' ms', 'ok');
  } catch (e) {
    setStatus(t('failed') + ': ' + e.message, 'error');
  } finally {
    $('run').disabled = false;
  }
}

function resultText() {
  if (state.result === null) return '';
  return typeof state.result === 'string' ? state.result : JSON.stringify(state.result, null, 2);
}

async function copy() {
  const text = resultText();
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    const ta = document.createElement('textarea');
    ta.value = text;
    document.body.appendChild(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
  setStatus(t('copied'), 'ok');
}

function download() {
  if (state.result === null) return;
  const isText = typeof state.result === 'string';
  const blob = new Blob([resultText()], { type: isText ? 'text/plain;charset=utf-8' : 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'kurdi-' + state.resultOp + (isText ? '.txt' : '.json');
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

function updateInputMeta() {
  const v = $('input').value;
  $('input').dir = v ? (isRtl(v) ? 'rtl' : 'ltr') : 'auto';
  $('input-meta').textContent = v ? [...v].length + ' ' + t('chars') + ' · ' + v.split('\n').length + ' ' + t('lines') : '';
}

async function init() {
  $('lang-ckb').addEventListener('click', () => { state.lang = 'ckb'; applyLanguage(); });
  $('lang-en').addEventListener('click', () => { state.lang = 'en'; applyLanguage(); });
  $('op').addEventListener('change', showOptions);
  $('run').addEventListener('click', run);
  $('copy').addEventListener('click', copy);
  $('download').addEventListener('click', download);
  $('clear').addEventListener('click', () => { $('input').value = ''; updateInputMeta(); });
  $('input').addEventListener('input', updateInputMeta);
  $('input').addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run(); });
  $('file').addEventListener('change', () => {
    const f = $('file').files[0];
    if (!f) return;
    if (f.size > 10 * 1024 * 1024) { setStatus(t('fileTooBig'), 'error'); return; }
    const reader = new FileReader();
    reader.onload = () => { $('input').value = reader.result; updateInputMeta(); };
    reader.readAsText(f, 'utf-8');
  });
  const out = $('output');
  out.addEventListener('mouseover', (e) => {
    const span = e.target.closest && e.target.closest('.w');
    if (!span) return;
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(() => showAnalysis(span), 250);
  });
  out.addEventListener('mouseout', (e) => {
    if (e.target.closest && e.target.closest('.w')) { clearTimeout(hoverTimer); $('tip').hidden = true; }
  });
  out.addEventListener('click', (e) => {
    const span = e.target.closest && e.target.closest('.err');
    if (span) { e.stopPropagation(); showSuggestions(span); }
  });
  document.addEventListener('click', (e) => {
    if (!$('suggest').contains(e.target)) $('suggest').hidden = true;
  });
  try {
    const res = await fetch('/v1/operations');
    state.ops = (await res.json()).operations;
    const v = await (await fetch('/version')).json();
    $('version').textContent = v.version;
  } catch (e) {
    setStatus(t('failed') + ': ' + e.message, 'error');
  }
  applyLanguage();
  document.body.dataset.ready = '1';
}

init();
