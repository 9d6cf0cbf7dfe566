// Browser tests of the admin UI against the whole suite: real MySQL, Redis, four services, the
// gateway and the built UI, driven in Debian's Chromium by playwright-core.
//   node --test apps/admin-e2e/src/
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { calendarTest } from './calendar.mjs';
import { closesTest } from './closes.mjs';
import { electionsTest } from './elections.mjs';
import { fundingTest } from './funding.mjs';
import { payDayTest } from './payday.mjs';
import { policyTest } from './policy.mjs';
import { weightTest, workflowTests } from './workflows.mjs';
import { cityYear } from './city-date.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SERVICES = ['workers', 'payroll', 'budget', 'scheduler'];
const PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo@2026';
const tag = randomBytes(4).toString('hex');
const dbPrefix = `cws_e2e_${tag}_`;
const queuePrefix = `cwse2e${tag}`;
const shots = path.join(root, 'docs/screenshots');
mkdirSync(path.join(root, 'var/e2e-failures'), { recursive: true });
const clientId = `e2e-bureau-${tag}`;
// Fresh random keys for each run (tools/start/secrets.mjs writes them here), removed afterwards.
const secretsFile = path.join(root, `var/e2e-${tag}/secrets.env`);

let suite;
let browser;
let baseUrl;

/** True when nothing listens on `port` now (bound for a moment on every interface, as the suite binds). */
const portFree = (port) =>
  new Promise((resolve) => {
    const probe = net.createServer().once('error', () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });

/**
 * A gateway port and a base for the four services (base+1 … base+4), all free now: picked at random, so
 * two e2e runs on one machine (a local one beside CI's) no longer collide on a fixed port. Below Linux's
 * ephemeral range (32768 and up): an outgoing connection opened between the probe and the services' listen (the
 * suite's own MySQL and Redis clients) takes its local port from there, so it cannot take one of these — a CI run
 * failed on EADDRINUSE when the ports were drawn from 20000–59999.
 */
async function freeSuitePorts() {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    const ports = [1, 2, 3, 4, 5].map((i) => base + i);
    let free = true;
    for (const p of ports) if (!(await portFree(p))) { free = false; break; }
    if (free) return { port: base + 5, portBase: base };
  }
  throw new Error('no free ports for the suite after 50 tries');
}

async function dropSchemas() {
  const { default: mysql } = await import('mysql2/promise');
  const candidates = [process.env.MYSQL_URL, 'mysql://root@127.0.0.1:3306', 'mysql://cws:cws@127.0.0.1:3306'].filter(Boolean);
  for (const url of candidates) {
    const u = new URL(url);
    let conn;
    try {
      conn = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password || '') });
    } catch {
      continue;
    }
    try {
      for (const s of SERVICES) await conn.query(`DROP DATABASE IF EXISTS \`${dbPrefix}${s}\``);
      return;
    } finally {
      await conn.end();
    }
  }
  console.error(`[e2e] could not drop the ${dbPrefix}* schemas`);
}

async function dropQueueKeys() {
  try {
    const { default: IORedis } = await import('ioredis');
    const redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1, lazyConnect: true });
    redis.on('error', () => {});
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  } catch {
    /* best effort */
  }
}

/**
 * A fresh browser context (own sessionStorage) on the login page, in the city's time zone as its HR users are: the
 * UI's "today" (a form's default date) is then the services' (`cityToday`) whatever the machine's zone. It asks for
 * reduced motion, which the UI honours (no drawer slides, list fades or chart growth): a test waits for the page, not
 * for animations, and the browser draws fewer frames (docs/benchmarks.md, "Browser tests without animations").
 */
async function newPage({ blank = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  if (!blank) await page.goto(`${baseUrl}/login`);
  return page;
}

async function login(page, username, password = PASSWORD) {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * Picks the option labelled `label` in the Antd Select whose input has this id, from the keyboard:
 * the list opened with ArrowDown (or filtered by typing `search` into a searchable select), the
 * active option moved down until it is the one, then Enter. Keys go to the focused input wherever
 * the list is drawn, so a dropdown still sliding in or fading out over the form cannot take them, as
 * it took clicks on options under load.
 */
async function choose(page, id, label, search) {
  const input = page.locator(`#${id}`);
  const list = page.locator(`.ant-select-dropdown:has([id="${id}_list"])`);
  // the pointer away from where the list opens: an option under it would become the active one
  await page.mouse.move(0, 0);
  if (search === undefined) await input.press('ArrowDown');
  else await input.fill(search);
  // the option is there (a list fetched, or a search filtered, can take a moment)
  await list.locator(`.ant-select-item-option[title="${label}"]`).first().waitFor({ timeout: 15_000 });
  // the active option: rc-select points aria-activedescendant at it (its label in the hidden
  // accessibility list of a virtual list, its title in a list drawn whole)
  const active = () =>
    input.evaluate((el) => {
      const option = el.getAttribute('aria-expanded') === 'true' && document.getElementById(el.getAttribute('aria-activedescendant') ?? '');
      return option ? (option.getAttribute('aria-label') ?? option.getAttribute('title')) : null;
    });
  for (let moves = 0; (await active()) !== label; moves++) {
    if (moves === 200) throw new Error(`no option "${label}" became active in #${id} (active: ${await active()})`);
    await input.press('ArrowDown');
  }
  await input.press('Enter');
  // the select shows the chosen label as text (a typed search is an input's value, not text), and
  // its list has gone (a multiple select keeps it open for the next option: the caller closes it)
  const select = page.locator('.ant-select', { has: input }).first();
  await select.filter({ hasText: label }).waitFor({ timeout: 5_000 });
  if (!(await select.evaluate((el) => el.classList.contains('ant-select-multiple')))) await list.waitFor({ state: 'hidden' });
}

/** Picks the option with this label in the Antd Select whose input has this id. */
const pick = (page, id, label) => choose(page, id, label);

/** Types `text` into the searchable Antd Select with this id and picks the option with this label (a long list). */
const searchAndPick = (page, id, text, label) => choose(page, id, label, text);

/** Opens the page of this side-menu item (a string or a RegExp for its label). */
const openMenu = (page, name) => page.getByRole('menuitem', { name }).click();

/** A fresh page signed in as this user, on the dashboard, or on the page of `menuItem` when one is named. */
async function signedIn(username, menuItem) {
  const page = await newPage();
  await login(page, username);
  await page.getByTestId('dashboard').waitFor();
  if (menuItem) await openMenu(page, menuItem);
  return page;
}

async function openSimulator() {
  const page = await signedIn('city-admin', '薪酬测算');
  await page.getByTestId('simulator-page').waitFor();
  return page;
}

async function shot(page, name) {
  mkdirSync(shots, { recursive: true });
  // a chart drawn without animation is drawn on the next frame: two, to be sure it is on the screenshot
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: path.join(shots, `${name}.jpg`), type: 'jpeg', quality: 80, fullPage: true });
}

/** The APIs through the gateway, for setting up data a test needs and checking what the UI saved. */
// Login is limited to 20 a minute per address and username (docs/security.md): the specs' set-up reuses one API
// token per user for 10 minutes (it lives 15), so the browser logins of a fast run stay within the limit.
const apiTokens = new Map();
const api = {
  async token(username) {
    const cached = apiTokens.get(username);
    if (cached && Date.now() - cached.at < 10 * 60_000) return cached.token;
    const res = await fetch(`${baseUrl}/api/workers/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    assert.equal(res.status, 200, `login ${username}`);
    const { accessToken } = await res.json();
    apiTokens.set(username, { token: accessToken, at: Date.now() });
    return accessToken;
  },
  async call(token, method, p, body) {
    const res = await fetch(`${baseUrl}${p}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${p}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  },
  get: (token, p) => api.call(token, 'GET', p),
  post: (token, p, body) => api.call(token, 'POST', p, body),
};

describe('admin UI in Chromium', { timeout: 15 * 60_000 }, () => {
  before(async () => {
    const { startSuite } = await import(path.join(root, 'tools/start/start.mjs'));
    suite = await startSuite({
      ...(await freeSuitePorts()),
      dbPrefix,
      queuePrefix,
      skipBuild: process.env.E2E_SKIP_BUILD === '1',
      logDir: path.join(root, 'var/log/e2e'),
      secretsFile,
      quiet: true,
    });
    baseUrl = suite.url;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
    await suite?.stop();
    await dropSchemas();
    await dropQueueKeys();
    rmSync(path.dirname(secretsFile), { recursive: true, force: true });
  });

  // The suite's promises through the one public port, before the browser: health, one token for
  // all four services, 401 without it, 400 naming an unknown field, 404 outside the caller's scope.
  test('gateway: four healthy services, one token for all, 401 / 400 / 404 as promised', async () => {
    const api = (p, init = {}) => fetch(`${baseUrl}${p}`, init);
    for (const s of SERVICES) assert.equal((await api(`/api/${s}/health`)).status, 200, `${s} health`);
    const login = await api('/api/workers/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'xihu-hr', password: PASSWORD }),
    });
    assert.equal(login.status, 200);
    const { accessToken } = await login.json();
    const auth = { authorization: `Bearer ${accessToken}` };
    for (const s of SERVICES) {
      assert.equal((await api(`/api/${s}/v1/audit?limit=1`, { headers: auth })).status, 200, `${s} accepts the workers-issued token`);
      const anonymous = await api(`/api/${s}/v1/audit?limit=1`);
      assert.equal(anonymous.status, 401, `${s} without a token`);
      assert.equal((await anonymous.json()).code, 'UNAUTHENTICATED');
    }
    const extra = await api('/api/payroll/v1/simulations', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ year: 2026, months: [{ month: 1, gross: '1.00', employeeInsurance: '0', specialDeductions: '0', taxFree: '0', otherDeductions: '0' }], salary: 1 }),
    });
    assert.equal(extra.status, 400);
    assert.deepEqual((await extra.json()).details.map((d) => d.path), ['salary']);
    const other = await api('/api/workers/v1/communities/330102001001', { headers: auth });
    assert.equal(other.status, 404, 'a 上城区 community is not found for xihu-hr');
    assert.equal((await api('/api/workers/v1/communities/330106001001', { headers: auth })).status, 200);
  });

  test('xihu-hr signs in and sees a dashboard of 西湖区 only', async () => {
    const page = await signedIn('xihu-hr');
    const table = page.getByTestId('district-table');
    await table.getByText('西湖区').waitFor();
    assert.equal(await table.getByText('上城区').count(), 0, '上城区 is out of scope');
    await page.getByTestId('stat-districts').getByText('1', { exact: true }).waitFor();
    assert.match(await page.getByTestId('current-scope').innerText(), /西湖区/);
    assert.equal(await page.getByTestId('current-user-name').innerText(), '西湖区人事专员', 'the header shows the display name');
    // streets and communities of 西湖区 only: 3 streets, 12 communities in the demo city
    await page.getByTestId('stat-streets').getByText('3', { exact: true }).waitFor();
    await page.getByTestId('stat-communities').getByText('12', { exact: true }).waitFor();
    await page.locator('[data-testid="district-chart"] canvas').first().waitFor();
    await shot(page, 'dashboard-xihu');
    await page.context().close();
  });

  test('org tree: 翠苑一区社区 under 翠苑街道, with its three bodies', async () => {
    const page = await signedIn('xihu-hr', '组织架构');
    const tree = page.getByTestId('org-tree');
    await tree.getByText('翠苑街道').click();
    await tree.getByText('翠苑一区社区').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('翠苑一区社区').first().waitFor();
    const bodies = drawer.getByTestId('community-bodies').locator('.ant-list-item');
    await bodies.nth(2).waitFor();
    assert.equal(await bodies.count(), 3);
    const text = await drawer.getByTestId('community-bodies').innerText();
    for (const label of ['社区党组织', '居民委员会', '公共服务工作站']) assert.ok(text.includes(label), `${label} in: ${text}`);
    assert.match(await drawer.getByTestId('activity-share').innerText(), /^\d+\.\d%$/);
    await shot(page, 'org-tree-cuiyuan');
    await page.context().close();
  });

  test('worker register: server-side name search in scope, masked IDs, worker detail', async () => {
    const page = await signedIn('xihu-hr', '社工名册');
    const table = page.getByTestId('workers-table');
    const rows = table.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const communities = await table.locator('tbody tr.ant-table-row td:nth-child(6)').allInnerTexts();
    const westLake = ['翠苑', '文新', '德加', '丰潭', '益乐', '古荡', '马塍路', '华星', '嘉绿苑'];
    for (const c of communities) assert.ok(westLake.some((w) => c.includes(w)), `${c} is a 西湖区 community`);
    for (const id of await table.locator('tbody tr.ant-table-row td:nth-child(4)').allInnerTexts()) assert.match(id, /\*{4,}/, 'IDs are masked');
    // search by the first worker's surname: every row returned carries it
    const firstName = (await rows.first().locator('td').nth(1).innerText()).trim(); // after 编号
    const surname = firstName.slice(0, 1);
    await page.getByTestId('worker-search').locator('input').fill(surname);
    const searched = page.waitForResponse((r) => r.url().includes('/api/workers/v1/workers?') && r.url().includes('q='));
    await page.getByTestId('worker-search').locator('input').press('Enter');
    await searched;
    await rows.first().waitFor();
    for (const n of await table.locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts()) assert.ok(n.includes(surname), `${n} matches ${surname}`);
    await shot(page, 'workers-xihu');
    await rows.first().locator('td').nth(1).getByRole('link').click();
    await page.getByTestId('worker-detail').getByText(surname, { exact: false }).first().waitFor();
    assert.match(await page.getByTestId('resident-id').innerText(), /\*{4,}/);
    await page.context().close();
  });

  test('a wrong password shows an error and stays on the login page', async () => {
    const page = await newPage();
    await login(page, 'xihu-hr', 'not-the-password');
    const error = page.getByTestId('login-error');
    await error.getByText('用户名或密码错误').waitFor();
    assert.ok(!(await error.innerText()).includes('Wrong'), 'the refusal in Chinese, not the API’s English message');
    assert.match(page.url(), /\/login$/);
    assert.equal(await page.getByTestId('dashboard').count(), 0);
    await page.context().close();
  });

  test('city-admin creates an API client and sees its secret once', async () => {
    const page = await signedIn('city-admin', 'API 客户端');
    await page.getByTestId('api-clients-page').waitFor();
    await page.getByTestId('new-api-client').click();
    await page.locator('#clientId').fill(clientId);
    await page.locator('#clientName').fill('端到端测试财政局');
    await page.getByRole('dialog').getByRole('button', { name: /提\s*交/ }).click();
    const secretInput = page.getByTestId('client-secret');
    await secretInput.waitFor();
    const secret = await secretInput.inputValue();
    assert.ok(secret.length >= 20, `a real secret, got "${secret}"`);
    await page.getByText('密钥只显示这一次').waitFor();
    await shot(page, 'api-client-secret');
    await page.getByTestId('secret-saved').click();
    await page.getByTestId('api-clients-table').getByText(clientId).waitFor();
    await page.getByTestId('client-secret').waitFor({ state: 'detached' });
    // never again: not after a reload either
    await page.reload();
    await page.getByTestId('api-clients-table').getByText(clientId).waitFor();
    assert.ok(!(await page.content()).includes(secret), 'the secret is gone after the modal closes');

    // rotate: a new secret, shown once; the old one no longer gets a token
    const grant = (s) => fetch(`${baseUrl}/api/workers/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: s }) });
    const actions = page.getByTestId(`client-actions-${clientId}`);
    await actions.getByTestId('client-rotate').click();
    await page.getByTestId('client-rotate-ok').click();
    const rotated = await page.getByTestId('client-secret').inputValue();
    assert.ok(rotated.length >= 20 && rotated !== secret, 'a new secret');
    // the rotate confirmation (a popover) fades out as the secret's modal opens: a click meanwhile may not reach
    // 已保存 (a CI run once saw the secret's modal stay open after it), so wait until the popover is hidden
    await page.getByTestId('client-rotate-ok').waitFor({ state: 'hidden' });
    await page.getByTestId('secret-saved').click();
    // the closing modal covers the table until it is gone (a click on 吊销 meanwhile lands on its wrap)
    await page.getByTestId('client-secret').waitFor({ state: 'detached' });
    await page.locator('.ant-modal-wrap:visible').waitFor({ state: 'detached' }).catch(() => {});
    assert.equal((await grant(secret)).status, 401, 'the old secret stops working');
    assert.equal((await grant(rotated)).status, 200, 'the new one works');
    // revoke: final; the row says so and offers no more actions
    await actions.getByTestId('client-revoke').click();
    await page.getByTestId('client-revoke-ok').click();
    await page.getByTestId('api-clients-table').locator('tr', { hasText: clientId }).getByText('已吊销').waitFor();
    assert.equal(await page.getByTestId(`client-actions-${clientId}`).count(), 0);
    assert.equal((await grant(rotated)).status, 401, 'a revoked client gets no token');
    await page.context().close();
  });

  test('city-admin edits a user, resets their password and disables them; dropping their own admin role is refused on the field, in Chinese', async () => {
    const admin = await api.token('city-admin');
    const username = `e2e-hr-${tag}`;
    await api.post(admin, '/api/workers/v1/users', { username, displayName: '端到端人事', password: 'First!pass1', roles: ['DISTRICT_HR'], scopeLevel: 'DISTRICT', scopeDistrict: '330106' });
    const page = await signedIn('city-admin', /用户$/);
    const actions = page.getByTestId(`user-actions-${username}`);
    await actions.waitFor();
    // an admin taking away their own CITY_ADMIN role: the service's refusal lands on 角色, in Chinese
    await page.getByTestId('user-actions-city-admin').getByTestId('user-edit').click();
    const own = page.getByTestId('user-edit-form');
    await pick(page, 'editRoles', '审计');
    await own.locator('.ant-select-selection-item', { hasText: '市级管理员' }).locator('.ant-select-selection-item-remove').click();
    // a multiple select keeps its dropdown open over the footer: click away to close it
    await page.getByRole('dialog').locator('.ant-modal-title').click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await page.getByTestId('user-edit-form-ok').click();
    await own.locator('.ant-form-item-explain-error', { hasText: '不能停用自己的账号' }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();
    await own.waitFor({ state: 'detached' });

    await actions.getByTestId('user-edit').click();
    // typed only once the form holds the user's own values (a loaded machine once saved the old name: CI, session 22)
    const displayName = page.getByTestId('user-edit-form').locator('#editDisplayName');
    await page.waitForFunction(() => document.querySelector('[data-testid="user-edit-form"] #editDisplayName')?.value === '端到端人事');
    await displayName.fill('西湖区端到端人事');
    assert.equal(await displayName.inputValue(), '西湖区端到端人事');
    await page.getByTestId('user-edit-form-ok').click();
    await page.getByTestId('user-edit-form').waitFor({ state: 'detached' });
    await page.getByTestId('users-table').getByText('西湖区端到端人事').waitFor();
    await actions.getByTestId('user-reset').click();
    await page.locator('#resetPassword').fill('Second!pass2');
    await page.getByTestId('user-reset-form-ok').click();
    await page.getByText('密码已重置').waitFor();
    const login = (password) => fetch(`${baseUrl}/api/workers/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    assert.equal((await login('First!pass1')).status, 401);
    const session = await login('Second!pass2');
    assert.equal(session.status, 200);
    const { accessToken } = await session.json();
    await actions.getByTestId('user-toggle').click();
    await page.getByTestId('user-toggle-ok').click();
    await page.getByTestId('users-table').locator('tr', { hasText: username }).getByText('已停用').waitFor();
    assert.equal((await login('Second!pass2')).status, 401, 'a disabled user cannot sign in');
    const me = await fetch(`${baseUrl}/api/workers/v1/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    assert.equal(me.status, 401, 'and their open session ended');
    await shot(page, 'users');
    await page.context().close();
  });

  test('the queue board: city-admin opens it from the menu; anyone else is refused', async () => {
    assert.equal((await fetch(`${baseUrl}/admin/queues`)).status, 401);
    const hr = await api.token('xihu-hr');
    assert.equal((await fetch(`${baseUrl}/admin/queues`, { headers: { authorization: `Bearer ${hr}` } })).status, 403);
    assert.equal((await fetch(`${baseUrl}/admin/queues/session`, { method: 'POST', headers: { authorization: `Bearer ${hr}` } })).status, 403);
    const hrPage = await signedIn('xihu-hr');
    assert.equal(await hrPage.getByRole('menuitem', { name: '队列监控' }).count(), 0);
    await hrPage.goto(`${baseUrl}/admin/queues`);
    assert.match(await hrPage.locator('body').innerText(), /UNAUTHENTICATED/, 'no cookie of its own: refused');
    await hrPage.context().close();

    const page = await signedIn('city-admin');
    const popup = page.context().waitForEvent('page');
    await openMenu(page, '队列监控');
    const board = await popup;
    await board.getByText('payroll-runs').first().waitFor({ timeout: 30_000 });
    await board.getByText('workers-events').first().waitFor();
    await shot(board, 'queue-board');
    await page.context().close();
  });

  test('the language switch turns the labels into English and back', async () => {
    const page = await signedIn('city-admin');
    await page.getByRole('menuitem', { name: '工作台' }).waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByRole('menuitem', { name: 'Dashboard' }).waitFor();
    await page.getByRole('menuitem', { name: 'Organisation' }).waitFor();
    await page.getByText('Community Workforce Suite').first().waitFor();
    await page.getByTestId('stat-communities').getByText('Communities').waitFor();
    assert.equal(await page.getByRole('menuitem', { name: '工作台' }).count(), 0);
    assert.equal(await page.getByTestId('logout').innerText(), 'Sign out');
    await shot(page, 'dashboard-english');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('menuitem', { name: '工作台' }).waitFor();
    await page.context().close();
  });

  test('pay simulator: the official example (three months of 30,000, bonus 36,000 taxed separately)', async () => {
    const page = await openSimulator();
    await page.locator('#year').fill('2026');
    await pick(page, 'lastMonth', '3');
    await page.getByTestId('m1-gross').fill('30000.00');
    await page.getByTestId('m1-employeeInsurance').fill('4500.00');
    await page.getByTestId('m1-specialDeductions').fill('2000.00');
    await page.getByRole('button', { name: '按 1 月填充全年' }).click();
    assert.equal(await page.getByTestId('m3-gross').inputValue(), '30000.00');
    assert.ok(await page.getByTestId('m4-gross').isDisabled(), 'months after the range are off');
    await page.locator('#withBonus').click();
    await page.locator('#bonus_amount').fill('36000.00');
    const response = page.waitForResponse((r) => r.url().endsWith('/api/payroll/v1/simulations'));
    await page.getByTestId('simulate').click();
    const sent = JSON.parse((await response).request().postData() ?? '{}');
    assert.deepEqual(sent.months.map((m) => m.month), [1, 2, 3]);
    assert.deepEqual(sent.bonus, { amount: '36000.00', method: 'SEPARATE' });
    const results = page.getByTestId('simulation-results');
    const taxOf = (month) => results.locator(`tr[data-row-key="${month}"] td:nth-child(3)`);
    await taxOf(3).waitFor();
    assert.deepEqual([await taxOf(1).innerText(), await taxOf(2).innerText(), await taxOf(3).innerText()], ['555.00', '625.00', '1850.00']);
    assert.equal(await results.locator('tbody tr.ant-table-row').count(), 3);
    assert.match(await page.getByTestId('bonus-tax').innerText(), /1080\.00$/);
    // the engine's instant preview in the browser (default tables) agrees with the server
    const preview = page.getByTestId('simulation-preview');
    await preview.getByText('预览', { exact: true }).waitFor();
    assert.deepEqual(
      await Promise.all([1, 2, 3].map((m) => preview.locator(`tr[data-row-key="${m}"] td:nth-child(3)`).innerText())),
      ['555.00', '625.00', '1850.00'],
    );
    assert.match(await page.getByTestId('preview-total-tax').innerText(), /1080\.00$/);
    await page.getByTestId('preview-agreement').getByText('与即时预览一致').waitFor();
    await shot(page, 'payroll-simulator');
    await page.context().close();
  });

  test('pay simulator: a malformed amount is refused on its own input; a server refusal lands on its field', async () => {
    const page = await openSimulator();
    let posted = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/payroll/v1/simulations')) posted++;
    });
    await page.getByTestId('m2-gross').fill('1.234');
    await page.getByTestId('simulate').click();
    const item = (testId) => page.getByTestId(testId).locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-form-item ")][1]');
    await item('m2-gross').getByText('请输入金额，最多两位小数').waitFor();
    for (const other of ['m1-gross', 'm3-gross', 'm2-employeeInsurance']) assert.equal(await item(other).locator('.ant-form-item-explain-error').count(), 0, `${other} has no error`);
    assert.equal(posted, 0, 'nothing sent while a field is malformed');
    // the server's own check: separate bonus taxation ends in 2027
    await page.getByTestId('m2-gross').fill('12000.00');
    await page.locator('#year').fill('2028');
    await page.locator('#withBonus').click();
    await page.locator('#bonus_amount').fill('36000.00');
    await page.getByTestId('simulate').click();
    await page.getByTestId('simulation-error').waitFor();
    const method = page.locator('.ant-form-item', { has: page.locator('#bonus_method') });
    await method.getByText('年终奖单独计税政策已于 2027-12-31 到期，请选择并入综合所得').waitFor();
    assert.equal(posted, 1);
    await shot(page, 'payroll-simulator-errors');
    await page.context().close();
  });

  test('benchmark report: city-admin runs a calibration and sees compliance for the three districts', async () => {
    const page = await signedIn('city-admin', '基准测算');
    const table = page.getByTestId('compliance-table');
    for (const d of ['西湖区', '上城区', '拱墅区']) await table.locator('tbody tr.ant-table-row', { hasText: d }).waitFor();
    assert.equal(await table.locator('tbody tr.ant-table-row').count(), 3);
    await page.locator('[data-testid="benchmark-chart"] canvas').first().waitFor();
    const response = page.waitForResponse((r) => r.url().endsWith('/api/payroll/v1/benchmark/calibrations') && r.request().method() === 'POST');
    await page.getByTestId('run-calibration').click();
    const res = await response;
    assert.equal(res.status(), 201, await res.text());
    const c = await res.json();
    // the benchmark counts community workers: the demo city's 540 less its seconded-in cadres
    const token = await api.token('city-admin');
    let cadres = 0;
    for (let after = null, first = true; first || after; first = false) {
      const page = await api.get(token, `/api/workers/v1/workers?limit=500${after ? `&after=${after}` : ''}`);
      cadres += page.items.filter((w) => w.employmentType === 'SECONDED_IN').length;
      after = page.nextAfter;
    }
    assert.ok(cadres > 0, 'the demo city has seconded-in cadres');
    assert.equal(c.headcount, 540 - cadres);
    assert.equal(c.belowByOneFen.passes, false, 'one fen less fails');
    assert.equal(c.result.passes, true);
    const grouped = (s) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const [int, frac] = c.unitValue.split('.');
    assert.ok((await page.getByTestId('calibrated-unit-value').innerText()).includes(`${grouped(int)}.${frac}`), `shows ${c.unitValue}`);
    const proof = page.getByTestId('minimality');
    await proof.getByText(c.belowByOneFen.unitValue, { exact: true }).waitFor();
    await proof.getByText(c.belowByOneFen.projectedAverage, { exact: true }).waitFor();
    await page.getByTestId('level-check').waitFor();
    // compliance again at the calibrated unit value (the city average meets it; a district may not)
    const again = page.waitForResponse((r) => r.url().includes('/benchmark/compliance?') && r.url().includes(`unitValue=${c.unitValue}`) && r.url().includes('groupBy=district'));
    await page.getByTestId('at-calibrated').click();
    const districts = await (await again).json();
    await page.getByTestId('compliance-basis').getByText(`单位值 ${c.unitValue}`, { exact: false }).waitFor();
    for (const g of districts.groups) await table.locator('tbody tr.ant-table-row', { hasText: g.districtName }).getByText(g.projectedAverage, { exact: true }).waitFor();
    // a district expands to its streets
    await table.locator('tbody tr.ant-table-row', { hasText: '西湖区' }).locator('.ant-table-row-expand-icon').click();
    await page.getByTestId('streets-330106').getByText('翠苑街道').waitFor();
    await shot(page, 'benchmark-city');

    // year-end top-up (年终补差) at the policy's unit value, where all three districts fall short
    await page.getByTestId('at-calibrated').click(); // back to the policy's unit value (the report is cached)
    await page.waitForFunction((uv) => !document.querySelector('[data-testid="compliance-basis"]')?.textContent?.includes(`单位值 ${uv}`), c.unitValue);
    const topUpResponse = page.waitForResponse((r) => r.url().endsWith('/api/payroll/v1/benchmark/top-ups') && r.request().method() === 'POST');
    await page.getByTestId('run-top-up').click();
    const topUpRes = await topUpResponse;
    assert.equal(topUpRes.status(), 201, await topUpRes.text());
    assert.deepEqual(JSON.parse(topUpRes.request().postData() ?? '{}'), { year: cityYear(), rule: 'AVERAGE', level: 'DISTRICT' });
    const topUp = await topUpRes.json();
    assert.equal(topUp.workers, 540 - cadres, 'the top-up covers the same community workers');
    assert.deepEqual(topUp.byDistrict.map((d) => d.districtCode), ['330102', '330105', '330106'], 'all three demo districts need a top-up');
    const fen = (s) => BigInt(s.replace('.', ''));
    assert.equal(topUp.byDistrict.reduce((a, d) => a + fen(d.total), 0n), fen(topUp.total), 'the district totals add up to the total');
    const totals = page.getByTestId('top-up-districts');
    for (const [name, code] of [['上城区', '330102'], ['拱墅区', '330105'], ['西湖区', '330106']]) {
      const d = topUp.byDistrict.find((x) => x.districtCode === code);
      assert.ok(fen(d.total) > 0n, `${name} has a top-up`);
      const row = totals.locator('tbody tr.ant-table-row', { hasText: name });
      await row.getByText(d.total, { exact: true }).waitFor();
    }
    assert.equal(await totals.locator('tbody tr.ant-table-row').count(), 3);
    const [tInt, tFrac] = topUp.total.split('.');
    assert.ok((await page.getByTestId('top-up-total').innerText()).includes(`${grouped(tInt)}.${tFrac}`), `shows ${topUp.total}`);
    // per-worker lines in keyset pages of 20
    const lines = page.getByTestId('top-up-lines');
    await lines.locator('tbody tr.ant-table-row').nth(19).waitFor();
    assert.equal(await lines.locator('tbody tr.ant-table-row').count(), 20);
    // people by name, streets and communities by name: no ids or org codes in the lines
    await lines.locator('tbody tr.ant-table-row').first().getByText(/社区$/).waitFor();
    const firstLine = await lines.locator('tbody tr.ant-table-row').first().innerText();
    assert.match(firstLine.split('\t')[0], /^[\u4e00-\u9fa5·]{2,}$/, `a name first: ${firstLine}`);
    assert.doesNotMatch(firstLine, /\d{9,}/, `no org codes: ${firstLine}`);
    const firstKey = await lines.locator('tbody tr.ant-table-row').first().getAttribute('data-row-key');
    const nextPage = page.waitForResponse((r) => r.url().includes(`/top-ups/${topUp.id}/lines?`) && r.url().includes('after='));
    await page.getByTestId('top-up-next').click();
    assert.equal((await nextPage).status(), 200);
    await page.getByTestId('top-up-page').getByText('2', { exact: false }).waitFor();
    await lines.locator(`tbody tr.ant-table-row[data-row-key="${firstKey}"]`).waitFor({ state: 'detached' });
    assert.ok(Number(await lines.locator('tbody tr.ant-table-row').first().getAttribute('data-row-key')) > Number(firstKey), 'the next page starts after the cursor');
    await page.getByTestId('top-up-prev').click();
    await page.getByTestId('top-up-page').getByText('1', { exact: false }).waitFor();
    await page.getByTestId('top-up').scrollIntoViewIfNeeded();
    await shot(page, 'benchmark-top-up');

    // the city admin adopts the city-wide calibration, after a confirmation
    await page.getByTestId('adopt-calibration').click();
    await page.getByTestId('adopt-text').getByText(c.unitValue, { exact: false }).waitFor();
    const applied = page.waitForResponse((r) => r.url().endsWith(`/benchmark/calibrations/${c.id}/apply`));
    await page.getByTestId('adopt-confirm').click();
    const appliedRes = await applied;
    assert.equal(appliedRes.status(), 200, await appliedRes.text());
    const row = await appliedRes.json();
    assert.equal(row.kind, 'UNIT_VALUE');
    assert.equal(row.data.unitValue, c.unitValue);
    await page.getByTestId('adopted').getByText(c.unitValue, { exact: false }).waitFor();
    // compliance at the policy value now uses the adopted unit value
    await page.getByTestId('compliance-basis').getByText(`单位值 ${c.unitValue}`, { exact: false }).waitFor();
    await page.context().close();
  });

  test('budget overview shows the balances the budget service returns, amounts as exact strings', async () => {
    const page = await signedIn('city-admin');
    const response = page.waitForResponse((r) => r.url().includes('/api/budget/v1/balances'));
    await openMenu(page, '经费预算');
    const res = await response;
    assert.ok(res.url().includes('fiscalYear='), res.url());
    const body = await res.json();
    const items = Array.isArray(body) ? body : (body.items ?? []);
    const table = page.getByTestId('budget-table');
    if (items.length) {
      await table.locator('tbody tr.ant-table-row').first().waitFor();
      assert.equal(await table.locator('tbody tr.ant-table-row').count(), Math.min(items.length, 50));
      const amount = Object.values(items[0]).find((v) => typeof v === 'string' && /^\d+\.\d{2}$/.test(v));
      // shown exactly, with thousands separators
      if (amount) await table.getByText(amount.replace(/\B(?=(\d{3})+(?!\d))/g, ','), { exact: true }).first().waitFor();
      // names, not codes
      assert.ok(!(await table.innerText()).includes('PARTY_BUILDING'), 'stream names, not codes');
      await page.locator('[data-testid="budget-chart"] canvas').first().waitFor();
    } else {
      await table.locator('.ant-empty').waitFor();
    }
    await shot(page, 'budget');
    await page.context().close();
  });

  test('budget appropriations: finance records a draft (it may not enact its own), the city admin enacts it', async () => {
    const documentNo = `E2E-${Date.now()}`;
    const finance = await signedIn('finance', '预算下达与分配');
    await finance.getByTestId('budget-allocations-page').waitFor();
    await finance.getByTestId('new-appropriation').click();
    await pick(finance, 'stream', '社区党建工作经费');
    await finance.locator('#amount').fill('120000');
    await finance.locator('#documentNo').fill(documentNo);
    await finance.getByTestId('appropriation-form-ok').click();
    const draft = finance.getByTestId('appropriations-table').locator('tbody tr', { hasText: documentNo });
    await draft.waitFor();
    assert.match(await draft.innerText(), /120,000\.00/);
    assert.match(await draft.innerText(), /草稿/);
    // four eyes: whoever recorded the draft cannot enact it
    assert.equal(await draft.getByRole('button', { name: /批准下达|下达/ }).isDisabled(), true);
    await finance.context().close();

    const admin = await signedIn('city-admin', '预算下达与分配');
    const row = admin.getByTestId('appropriations-table').locator('tbody tr', { hasText: documentNo });
    await row.waitFor();
    await row.getByRole('button', { name: /批准下达|下达/ }).click();
    await admin.locator('.ant-popconfirm').getByRole('button', { name: /确\s*认|确\s*定/ }).click();
    await row.getByText('已生效').waitFor();
    await shot(admin, 'budget-allocations');
    await admin.context().close();
  });

  test('the audit log lists the API-client creation', async () => {
    const page = await signedIn('city-admin', '审计日志');
    const table = page.getByTestId('audit-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await searchAndPick(page, 'entity', 'api_client', 'api_client');
    await pick(page, 'action', 'CREATE');
    await page.getByTestId('audit-search').click();
    const row = table.locator('tbody tr.ant-table-row', { hasText: clientId });
    await row.first().waitFor();
    const text = await row.first().innerText();
    assert.match(text, /api_client/);
    assert.match(text, /CREATE/);
    assert.match(text, /city-admin/);
    assert.ok(!text.includes('secretHash'), 'no secret material in the audit row');
    // the row expands to a field-by-field before/after
    await row.first().locator('.ant-table-row-expand-icon').click();
    const diff = page.locator('[data-testid^="audit-diff-"]').first();
    await diff.getByText('clientId', { exact: true }).waitFor();
    await diff.getByText(clientId, { exact: true }).waitFor();
    assert.ok(!(await diff.innerText()).includes('secretHash'), 'no secret material in the diff');
    await shot(page, 'audit-api-client');
    await page.context().close();
  });

  workflowTests({ signedIn, openMenu, pick, searchAndPick, shot, api, failures: path.join(root, 'var/e2e-failures') });
  payDayTest({ signedIn, api });
  policyTest({ signedIn, pick, api });
  calendarTest({ signedIn, api });
  electionsTest({ signedIn, pick, searchAndPick, api });
  fundingTest({ signedIn, api });
  closesTest({ signedIn, openMenu, api });
  weightTest({ newPage, login, browserRef: { get baseUrl() { return baseUrl; } } });
});
