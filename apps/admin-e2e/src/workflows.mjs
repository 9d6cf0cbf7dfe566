// The HR officer's working day in the browser, as xihu-hr: hire through the form, find the new
// worker in the register, give them posts in two bodies, record training, start a secondment;
// import a file with one bad row; export the register and read it back; a refusal in Chinese on
// its field. Registered inside admin.e2e.mjs's describe (one suite start for every test).
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterEach, test } from 'node:test';
import { clickUntilGone } from './dialogs.mjs';
import { postingsTest } from './postings.mjs';
import { cityMonthStart } from './city-date.mjs';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** A valid GB 11643 resident ID for 西湖区 (330106), with a random birth date and sequence. */
export function residentId(sex = randomInt(2) ? 'F' : 'M') {
  const y = 1975 + randomInt(25);
  const m = String(1 + randomInt(12)).padStart(2, '0');
  const d = String(1 + randomInt(28)).padStart(2, '0');
  let seq = randomInt(100, 1000);
  if ((seq % 2 === 1) !== (sex === 'M')) seq = seq === 999 ? 998 : seq + 1;
  const body = `330106${y}${m}${d}${seq}`;
  const sum = [...body].reduce((s, ch, i) => s + Number(ch) * WEIGHTS[i], 0);
  return body + CHECK[sum % 11];
}

const uniqueName = (prefix) => `${prefix}${'甲乙丙丁戊己庚辛壬癸'[randomInt(10)]}${'子丑寅卯辰巳午未申酉戌亥'[randomInt(12)]}${randomInt(10, 99)}`;

/** The form item (label, control, error) around the control with this id. */
const itemOf = (page, id) => page.locator('.ant-form-item', { has: page.locator(`#${id}`) });

/** Picks a date in an Antd DatePicker by typing it. */
export async function typeDate(page, id, date) {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Clicks `target` (a locator) and waits for the download it starts. */
async function downloadFrom(target) {
  const started = target.page().waitForEvent('download');
  await target.click();
  return started;
}

/** Clicks `target`, checks that an .xlsx comes down, and reads it back with ExcelJS. */
async function downloadWorkbook(target) {
  const file = await downloadFrom(target);
  assert.match(file.suggestedFilename(), /\.xlsx$/);
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await readFile(await file.path()));
  return book;
}

export function workflowTests(ctx) {
  const { openMenu, pick, searchAndPick, shot, api } = ctx;
  // a failing step leaves a screenshot of where it stood (var/e2e-failures/), the menu's click included
  const opened = [];
  const signedIn = async (user, menuItem) => {
    const page = await ctx.signedIn(user);
    opened.push(page);
    if (menuItem) await openMenu(page, menuItem);
    return page;
  };
  afterEach(async (t) => {
    for (const page of opened.splice(0)) {
      if (!page.isClosed()) {
        await page.screenshot({ path: `${ctx.failures}/${t.name.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60)}.png`, fullPage: true }).catch(() => undefined);
        await page.context().close().catch(() => undefined);
      }
    }
  });

  test('as xihu-hr: hire through the form, find them in the register, a cross-appointment, training and a secondment', async () => {
    // a class of 西湖区 to record training in (the demo city has none): made through the API
    const token = await api.token('xihu-hr');
    const course = await api.post(token, '/api/workers/v1/training/courses', { name: `社区治理实务${randomInt(1e6)}`, category: 'PROFESSIONAL_SKILLS' });
    const provider = await api.post(token, '/api/workers/v1/training/providers', { name: `西湖区委党校${randomInt(1e6)}` });
    const klass = await api.post(token, '/api/workers/v1/training/classes', {
      courseId: course.id, providerId: provider.id, title: '西湖区社区工作者能力提升班（端到端）', startDate: '2026-03-02', endDate: '2026-03-04', hours: '24.0', cost: '0.00', districtCode: '330106',
    });

    const page = await signedIn('xihu-hr', '社工名册');
    await page.getByTestId('worker-hire').click();
    const name = uniqueName('端测');
    const rid = residentId('F');
    await page.locator('#name').fill(name);
    await page.locator('#residentId').fill(rid);
    await page.locator('#phone').fill('13800138000');
    await pick(page, 'education', '本科');
    await pick(page, 'politicalStatus', '中共党员');
    await pick(page, 'qualificationLevel', '社会工作师');
    await typeDate(page, 'hireDate', '2024-03-01');
    await searchAndPick(page, 'communityCode', '翠苑一区', '翠苑一区社区');
    await shot(page, 'worker-hire-form');
    await page.getByTestId('hire-form-ok').click();
    // the new worker's detail opens
    const detail = page.getByTestId('worker-detail');
    await detail.getByText(`社工详情 · ${name}`).waitFor();
    // community shown by name (once the org lookup has answered; '…' until then)
    await page.getByTestId('worker-community').getByText(/社区/).waitFor();
    const workerId = page.url().split('/').pop();
    // the entry grade recorded at hire (三岗十八级): today's grade with its band, and its row on the 等级 tab
    await page.getByTestId('worker-grade').getByText(/^\d+ 级（其他） · 自 \d{4}-\d{2}-\d{2} 起$/).waitFor();
    await page.getByRole('tab', { name: '等级' }).click();
    await page.getByTestId('grades').getByText('入职定级').waitFor();
    // a grade change decided today, from 记录履历: today's grade follows, its row heads the history
    await page.getByTestId('worker-event').click();
    await pick(page, 'kind', '薪级调整');
    await page.getByTestId('event-grade').fill('5');
    await page.getByTestId('event-form-ok').click();
    await page.getByTestId('worker-grade').getByText(/^5 级（其他） · 自 /).waitFor();
    await page.getByTestId('grades').locator('tbody tr').first().getByText('等级调整').waitFor();

    // find them in the register
    await openMenu(page, '社工名册');
    await page.getByTestId('worker-search').locator('input').fill(name);
    await page.getByTestId('worker-search').locator('input').press('Enter');
    const row = page.getByTestId('workers-table').locator('tbody tr.ant-table-row', { hasText: name });
    await row.waitFor();
    assert.equal(await page.getByTestId('workers-table').locator('tbody tr.ant-table-row').count(), 1);
    await row.getByRole('link', { name }).click();
    await detail.getByText(`社工详情 · ${name}`).waitFor();
    // by the full resident ID, as HR has it on paper: looked up by POST (never sent as ?q=), the worker opens
    await openMenu(page, '社工名册');
    await page.getByTestId('worker-search').locator('input').fill(rid.toLowerCase());
    await page.getByTestId('worker-search').locator('input').press('Enter');
    await detail.getByText(`社工详情 · ${name}`).waitFor();
    assert.equal(page.url().split('/').pop(), workerId);

    // posts in two bodies: a primary staff post at the workstation, a party-committee membership
    await page.getByTestId('add-post').click();
    await pick(page, 'bodyKind', '公共服务工作站');
    await pick(page, 'role', '工作人员');
    await typeDate(page, 'from', '2024-03-01');
    await page.getByTestId('post-form-ok').click();
    await page.getByTestId('posts').getByText('公共服务工作站 · 工作人员').waitFor();
    await page.getByTestId('worker-band').getByText('其他').waitFor();
    await page.getByTestId('add-post').click();
    await pick(page, 'bodyKind', '社区党组织');
    await pick(page, 'role', '委员');
    await pick(page, 'obtainedBy', '选举（公推直选）');
    await typeDate(page, 'from', '2024-06-01');
    await page.getByTestId('post-form-ok').click();
    await page.getByTestId('posts').getByText('社区党组织 · 委员').waitFor();
    await page.getByTestId('cross-appointed').waitFor();
    await shot(page, 'worker-detail-posts');

    // training
    await page.getByRole('tab', { name: '培训' }).click();
    await page.getByTestId('record-training').click();
    await pick(page, 'classId', `${klass.title}（${klass.startDate}，${klass.hours} 学时）`);
    await page.locator('#certificateNo').fill('XH2026-E2E');
    await page.getByTestId('training-form-ok').click();
    const trainingRow = page.getByTestId('training').locator('tbody tr', { hasText: klass.title });
    await trainingRow.waitFor();
    assert.match(await trainingRow.innerText(), /合格/);
    assert.match(await trainingRow.innerText(), /24\.0/);

    // a tax deduction the worker declared (专项附加扣除), from this month: the year's sum is this month's
    await page.getByRole('tab', { name: '专项附加扣除' }).click();
    await page.getByTestId('add-deduction').click();
    await pick(page, 'type', '子女教育');
    await page.locator('#monthlyAmount').fill('2000');
    await page.getByTestId('deduction-form-ok').click();
    const deduction = page.getByTestId('deductions').locator('tbody tr', { hasText: '子女教育' });
    await deduction.waitFor();
    assert.match(await deduction.innerText(), /2,000\.00/);
    await page.getByTestId('deductions-ytd').getByText('本年累计扣除 2,000.00 元', { exact: false }).waitFor();

    // a contribution base declared from next month (缴费基数), listed, then withdrawn as made in error
    const nextMonth = cityMonthStart(1).slice(0, 7);
    await page.getByRole('tab', { name: '缴费基数' }).click();
    await page.getByTestId('declare-base').click();
    await typeDate(page, 'validFrom', nextMonth);
    await page.getByTestId('base-amount').fill('7500');
    await page.getByTestId('base-form-ok').click();
    const declared = page.getByTestId('contribution-bases').locator('tbody tr', { hasText: nextMonth });
    await declared.waitFor();
    assert.match(await declared.innerText(), /7,500\.00[\s\S]*同社保基数/);
    const withdrawId = await declared.locator('[data-testid^="withdraw-base-"]').getAttribute('data-testid');
    await page.getByTestId(withdrawId).click();
    await page.getByTestId(`${withdrawId}-ok`).click();
    await declared.waitFor({ state: 'detached' });
    assert.deepEqual((await api.get(token, `/api/payroll/v1/contribution-bases?workerId=${workerId}`)).items, []);

    // secondment out to the street office, starting today
    await page.getByRole('tab', { name: '挂职' }).click();
    await page.getByTestId('start-secondment').click();
    await page.locator('#organisation').fill('翠苑街道办事处');
    await page.getByTestId('secondment-form-ok').click();
    const secondment = page.getByTestId('secondments').locator('tbody tr', { hasText: '翠苑街道办事处' });
    await secondment.waitFor();
    assert.match(await secondment.innerText(), /挂职外出/);
    assert.match(await secondment.innerText(), /进行中/);
    await page.getByTestId('worker-status').getByText('挂职外出').waitFor();
    await shot(page, 'worker-detail-secondment');

    // the server agrees
    const saved = await api.get(token, `/api/workers/v1/workers/${workerId}`);
    assert.equal(saved.appointments.length, 2);
    assert.equal(new Set(saved.appointments.map((a) => a.bodyKind)).size, 2);
    assert.equal(saved.training[0].result, 'PASS');
    assert.equal(saved.secondments[0].direction, 'OUT');
    const deductions = await api.get(token, `/api/workers/v1/workers/${workerId}/special-deductions`);
    assert.deepEqual(deductions.items.map((d) => [d.type, d.monthlyAmount]), [['CHILD_EDUCATION', '2000.00']]);
    await page.context().close();
  });

  test('recruitment as xihu-hr: a vacancy, applicants and scores, selection out of rank needs a reason, 公示 with an objection, then the hire', async () => {
    const page = await signedIn('xihu-hr', '招聘');
    await page.getByTestId('new-vacancy').click();
    await searchAndPick(page, 'vacancyCommunity', '翠苑一区', '翠苑一区社区');
    await typeDate(page, 'closesOn', new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await page.getByTestId('vacancy-form-ok').click();
    await page.getByTestId('vacancy-page').getByText('翠苑一区社区').first().waitFor();
    const vacancyId = page.url().split('/').pop();
    // one applicant through the form, the better-scored one through the API
    const first = uniqueName('应聘');
    await page.getByTestId('new-candidate').click();
    await page.locator('#candidateName').fill(first);
    await page.locator('#candidateResidentId').fill(residentId());
    await page.getByTestId('candidate-form-ok').click();
    const rows = page.getByTestId('candidates-table').locator('tbody tr.ant-table-row');
    const row = rows.filter({ hasText: first });
    await row.waitFor();
    await row.getByTestId('candidate-scores').click();
    await page.locator('#writtenScore').fill('70');
    await page.locator('#interviewScore').fill('80');
    await page.getByTestId('scores-form-ok').click();
    await row.getByText('75.00').waitFor();
    const token = await api.token('xihu-hr');
    const other = await api.post(token, `/api/workers/v1/vacancies/${vacancyId}/candidates`, { name: uniqueName('应聘'), residentId: residentId(), education: 'MASTER', politicalStatus: 'NONE' });
    await api.call(token, 'PATCH', `/api/workers/v1/candidates/${other.id}/scores`, { written: '90.00', interview: '90.00' });
    await page.reload();
    assert.match(await rows.first().innerText(), /90\.00/, 'ranked by total');

    // selecting the second-ranked needs a reason: refused on its field, in Chinese
    const noticeStart = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    await row.getByTestId('candidate-select').click();
    await typeDate(page, 'noticeStart', noticeStart);
    await page.getByTestId('select-form-ok').click();
    await itemOf(page, 'skipReason').getByText('排名在前的人选未被选定，须说明理由').waitFor();
    await page.locator('#skipReason').fill('第一名放弃');
    await page.getByTestId('select-form-ok').click();
    await row.getByText('拟录用（公示）').waitFor();
    assert.match(await row.getByTestId('candidate-notice').innerText(), new RegExp(`^${noticeStart} ~ \\d{4}-\\d{2}-\\d{2}$`));

    // an objection received during the notice blocks the hire until it is resolved
    await row.getByTestId('candidate-objection').click();
    await typeDate(page, 'receivedOn', noticeStart);
    await page.locator('#summary').fill('反映学历证明存疑');
    await page.getByTestId('objection-form-ok').click();
    await row.getByText('1 条异议待处理').waitFor();
    await row.getByTestId('candidate-hire').click();
    // the service's answer first (a failed run once showed the form open and no message: it says which code came, if any)
    const refused = page.waitForResponse((r) => r.url().endsWith('/hire') && r.request().method() === 'POST');
    await page.getByTestId('hire-form-ok').click();
    const answer = await refused;
    assert.deepEqual([answer.status(), (await answer.json()).code], [409, 'OBJECTION_OPEN']);
    await page.getByText('还有未处理的异议，处理后方可录用').first().waitFor();
    await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();
    await row.getByTestId('candidate-objections').click();
    await page.getByTestId('objection-dismiss').click();
    await page.locator('#resolution').fill('经核实学历证明真实');
    await page.getByTestId('resolve-ok').click();
    await page.getByTestId('objections-table').getByText('异议不成立').first().waitFor();
    await page.keyboard.press('Escape');
    await row.getByTestId('candidate-hire').click();
    await page.getByTestId('hire-form-ok').click();
    await row.getByText('已录用').waitFor();
    await shot(page, 'recruitment-hired');
    await row.getByTestId('candidate-worker').click();
    await page.getByTestId('worker-detail').getByText(`社工详情 · ${first}`).waitFor();
  });

  test('org tree: xihu-hr adds a street, renames and deactivates it; a community shows its head-count and opens its workers', async () => {
    const page = await signedIn('xihu-hr', '组织架构');
    const tree = page.getByTestId('org-tree');
    await tree.getByText('翠苑街道').waitFor();
    const code = `330106${randomInt(900, 1000)}`;
    await page.getByTestId('org-actions-330106').click();
    await page.getByRole('menuitem', { name: '新增街道（乡镇）' }).click();
    await page.locator('#code').fill(code);
    await page.locator('#name').fill('端测街道');
    await page.getByTestId('org-add-form-ok').click();
    await page.getByTestId(`org-node-${code}`).getByText('端测街道').waitFor();
    await page.getByTestId(`org-actions-${code}`).click();
    await page.getByRole('menuitem', { name: '重命名' }).click();
    await page.locator('#name').fill('端测街道二');
    await page.getByTestId('org-rename-form-ok').click();
    await page.getByTestId(`org-node-${code}`).getByText('端测街道二').waitFor();
    await page.getByTestId(`org-actions-${code}`).click();
    await page.getByRole('menuitem', { name: '停用' }).click();
    await clickUntilGone(page.getByRole('dialog').getByRole('button', { name: /确\s*认/ }));
    await page.getByTestId(`org-inactive-${code}`).waitFor();
    await shot(page, 'org-tree-edits');

    await tree.getByText('翠苑街道', { exact: true }).click();
    await tree.getByText('翠苑一区社区').click();
    const headcount = page.getByTestId('community-headcount');
    await headcount.getByText(/^\d+$/).waitFor();
    const n = Number(await headcount.innerText());
    assert.ok(n > 0, `${n} workers`);
    await page.getByTestId('community-workers-link').click();
    const rows = page.getByTestId('workers-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    for (const c of await page.getByTestId('workers-table').locator('tbody tr.ant-table-row td:nth-child(6)').allInnerTexts()) assert.equal(c.trim(), '翠苑一区社区');
    await page.getByTestId('workers-total').getByText(`共 ${n} 条`).waitFor();
    await page.context().close();
  });

  test('payroll: xihu-hr creates a run and watches it compute, submits it; city-admin approves and downloads the register', async () => {
    const page = await signedIn('xihu-hr', '薪酬批次');
    await page.getByTestId('new-run').click();
    await clickUntilGone(page.getByTestId('run-form-ok'));
    const detail = page.getByTestId('run-detail');
    await detail.waitFor();
    const runId = page.url().split('/').pop();
    // the progress bar moves until every worker is computed
    await page.getByTestId('run-progress').waitFor();
    await page.getByTestId('run-progress-text').getByText(/计算完成/).waitFor({ timeout: 120_000 });
    const progress = await page.getByTestId('run-progress-text').innerText();
    const [, done, total, failed] = /已算 (\d+) \/ (\d+) 人，失败 (\d+) 人/.exec(progress) ?? [];
    assert.ok(Number(total) > 0 && done === total && failed === '0', progress);
    await page.getByTestId('run-register').locator('tbody tr', { hasText: '西湖区' }).first().waitFor();
    assert.match(await page.getByTestId('run-total-net').innerText(), /实发\s+\d{1,3}(,\d{3})+\.\d{2}$/, 'net pay with thousands separators');
    await shot(page, 'payroll-run-computed');
    await page.getByTestId('run-submit').click();
    await page.getByTestId('run-status').getByText('待审批').waitFor();
    assert.equal(await page.getByTestId('run-approve').count(), 0, 'district HR cannot approve');

    const admin = await signedIn('city-admin');
    await admin.goto(`${page.url().replace(/\/payroll\/runs\/.*$/, '')}/payroll/runs/${runId}`);
    await admin.getByTestId('run-status').getByText('待审批').waitFor();
    await admin.getByTestId('run-approve').click();
    await admin.getByTestId('run-status').getByText('已审批').waitFor();
    const book = await downloadWorkbook(admin.getByTestId('run-download-register'));
    const cells = [];
    book.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    assert.ok(cells.some((c) => c.includes('合计')), 'the register ends with its 合计 row');
    await shot(admin, 'payroll-run-approved');
    await admin.context().close();

    // the worker's 工资条 tab lists this run's slip, and its PDF downloads
    const [slip] = (await api.get(await api.token('xihu-hr'), `/api/payroll/v1/runs/${runId}/payslips?limit=1`)).items;
    await page.goto(`${page.url().replace(/\/payroll\/runs\/.*$/, '')}/workers/${slip.workerId}`);
    await page.getByRole('tab', { name: '工资条' }).click();
    const row = page.getByTestId('worker-payslips').locator('tbody tr', { hasText: slip.period });
    await row.getByText('已审批').waitFor();
    assert.match(await row.innerText(), /月度工资/);
    const pdf = await downloadFrom(row.getByTestId('worker-payslip-pdf'));
    const pdfFile = await readFile(await pdf.path());
    assert.equal(pdfFile.subarray(0, 4).toString(), '%PDF');
    await page.context().close();
  });

  test('payroll: xihu-hr pastes a per-worker bonus list into a bonus run; only the listed workers are paid, the run shows the count and total', async () => {
    const { items } = await api.get(await api.token('xihu-hr'), '/api/workers/v1/workers?status=ACTIVE&limit=2');
    assert.equal(items.length, 2);
    const page = await signedIn('xihu-hr', '薪酬批次');
    await page.getByTestId('new-run').click();
    await pick(page, 'type', '奖金');
    await page.getByTestId('run-bonus-mode').getByText('按人填写').click();
    const list = page.getByTestId('run-bonus-list');
    // as pasted from a sheet: its header row, a tab between, a thousands separator; a line that is not an amount is named
    await list.fill(`工作者ID\t奖金\n${items[0].id}\t12,000.00\n${items[1].id}\t八千`);
    await page.getByTestId('run-form-ok').click();
    await itemOf(page, 'bonus_list').getByText('第 3 行：金额无效（大于 0，最多两位小数）').waitFor();
    // the second worker by full 身份证号 (as HR's sheets have it): looked up on 确定, turned into the 编号
    const { residentId: secondId } = await api.get(await api.token('xihu-hr'), `/api/workers/v1/workers/${items[1].id}/pii`);
    await list.fill(`工作者ID\t奖金\n${items[0].id}\t12,000.00\n${secondId}\t8000.5`);
    await page.getByTestId('run-bonus-summary').getByText('共 2 人，合计 20,000.50 元').waitFor();
    await page.getByTestId('run-form-ok').click();
    await page.getByTestId('run-detail').waitFor();
    await page.getByTestId('run-progress-text').getByText(/计算完成/).waitFor({ timeout: 120_000 });
    assert.match(await page.getByTestId('run-progress-text').innerText(), /已算 2 \/ 2 人，失败 0 人/);
    assert.equal(await page.getByTestId('run-inputs-bonus').innerText(), '按人：2 人，合计 20,000.50 元 · 单独计税（全年一次性奖金）');
    const runId = page.url().split('/').pop();
    const slips = (await api.get(await api.token('xihu-hr'), `/api/payroll/v1/runs/${runId}/payslips?limit=10`)).items;
    assert.deepEqual(slips.map((x) => x.workerId).sort(), [items[0].id, items[1].id].sort());
    await page.context().close();
  });

  test('payroll: xihu-hr corrects a worker’s slip of the approved run (冲正重发): a CORRECTION run of one reversal and one re-issue', async () => {
    const token = await api.token('xihu-hr');
    const settled = (await api.get(token, '/api/payroll/v1/runs?status=APPROVED')).items.find((r) => r.type === 'REGULAR');
    assert.ok(settled, 'the run the payroll test approved');
    // a slip with pay to reverse (a worker the host pays nets 0.00, and a reversal of nothing reads 0.00, not -0.00)
    const slips = (await api.get(token, `/api/payroll/v1/runs/${settled.id}/payslips?limit=20`)).items.filter((s) => s.status === 'COMPUTED' && s.net !== '0.00');
    const slip = slips[slips.length - 1];
    const page = await signedIn('xihu-hr');
    const base = page.url().replace(/\/[^/]*$/, ''); // the admin's root, from the dashboard's address
    await page.goto(`${base}/payroll/runs/${settled.id}`);
    await page.getByTestId('run-correct').click();
    await searchAndPick(page, 'workerIds', slip.name, `${slip.name}（${slip.workerId}）`);
    await page.locator('.ant-modal-title', { hasText: '冲正重发' }).click(); // closes the option list (Escape would close the dialog)
    await page.getByTestId('run-correction-form-ok').click();
    await page.getByTestId('run-corrects').getByText(`#${settled.id} 的 1 人`).waitFor();
    await page.getByTestId('run-progress-text').getByText(/计算完成/).waitFor({ timeout: 120_000 });
    assert.match(await page.getByTestId('run-progress-text').innerText(), /已算 1 \/ 1 人，失败 0 人/);
    const correctionId = page.url().split('/').pop();
    const pair = (await api.get(token, `/api/payroll/v1/runs/${correctionId}/payslips?limit=10`)).items;
    assert.deepEqual(pair.map((x) => [x.workerId, x.slipKind]).sort(), [[slip.workerId, 'REISSUE'], [slip.workerId, 'REVERSAL']]);
    // the reversal negates the corrected slip to the fen
    assert.equal(pair.find((x) => x.slipKind === 'REVERSAL').net, `-${slip.net}`);
    // the register names the pair and counts the worker once; the worker's 工资条 tab marks both slips
    const district = page.getByTestId('run-register').locator('tbody tr.ant-table-row-level-0').first();
    assert.equal((await district.locator('td').nth(1).innerText()).trim(), '1', 'one worker, two slips');
    await page.goto(`${base}/workers/${slip.workerId}`);
    await page.getByRole('tab', { name: '工资条' }).click();
    const mine = page.getByTestId('worker-payslips').locator('tbody tr', { hasText: '更正' });
    await mine.filter({ hasText: '冲销' }).waitFor();
    await mine.filter({ hasText: '重开' }).waitFor();
    // a second correction of the same slip while this one is open is refused, with the code's text
    await page.goto(`${base}/payroll/runs/${settled.id}`);
    await page.getByTestId('run-correct').click();
    await searchAndPick(page, 'workerIds', slip.name, `${slip.name}（${slip.workerId}）`);
    await page.locator('.ant-modal-title', { hasText: '冲正重发' }).click();
    await page.getByTestId('run-correction-form-ok').click();
    await page.getByText('该人员的这张工资条已有未发放的更正批次，请先发放或作废').waitFor();
    await page.context().close();
  });

  test('rosters: xihu-hr generates the demo centre’s month, sees full coverage on the heatmap, publishes it, a day asked off since shows as a conflict and as a roster to re-plan (待办, 排班), and a swap shows its diff', async () => {
    const token = await api.token('xihu-hr');
    const communities = await api.get(token, '/api/workers/v1/communities?district=330106');
    const demo = communities.map((c) => c).sort((a, b) => a.code.localeCompare(b.code))[0];
    const page = await signedIn('xihu-hr', '排班');
    await searchAndPick(page, 'community', demo.name.slice(0, 4), demo.name);
    await page.getByTestId('roster-generate').click();
    await page.getByTestId('roster-detail').waitFor();
    await page.getByTestId('roster-status').getByText('草稿').waitFor({ timeout: 90_000 });
    await page.getByTestId('roster-coverage-summary').getByText(/全部 \d+ 个时段均已覆盖/).waitFor();
    await page.locator('[data-testid="roster-heatmap"] canvas').first().waitFor();
    const calendarRows = page.getByTestId('roster-calendar').locator('tbody tr.ant-table-row');
    await calendarRows.first().waitFor();
    assert.ok((await calendarRows.count()) >= 10, 'the centre’s workers are on the calendar');
    await shot(page, 'roster-heatmap');
    await page.getByTestId('roster-publish').click();
    await page.getByTestId('roster-status').getByText('已发布').waitFor();

    // a swap both workers accepted: a new version opens and lists what changed against this one
    const rosterId = page.url().split('/').pop();
    const published = await api.get(token, `/api/scheduler/v1/rosters/${rosterId}`);
    // a shift on the 1st: the swap form starts on the month's first day
    const first = published.assignments.find((x) => x.date === `${published.month}-01`);
    const busy = new Set(published.assignments.filter((x) => x.date === first.date).map((x) => x.workerId));
    const free = [...new Set(published.assignments.map((x) => x.workerId))].find((w) => !busy.has(w));
    const names = new Map((await api.get(token, `/api/workers/v1/workers?community=${demo.code}&limit=500`)).items.map((w) => [w.id, w.name]));
    // a day asked off after publishing: the published version lists that shift among its conflicts (a prompt to re-plan)
    const asked = published.assignments.find((x) => x.date > first.date);
    await api.post(token, `/api/scheduler/v1/centres/${demo.code}/requests`, { workerId: asked.workerId, date: asked.date, kind: 'UNAVAILABLE' });
    await page.reload();
    const conflictRow = page.getByTestId('roster-conflicts').locator('tbody tr', { hasText: asked.date });
    await conflictRow.waitFor();
    assert.match(await conflictRow.innerText(), new RegExp(`${names.get(asked.workerId)}[\\s\\S]*排班后登记了不可排班`));
    await page.getByTestId('roster-conflicts').getByText(/请重新排班/).waitFor();
    // the check kept what it found: the dashboard's 待办 and the 排班 page name the version to re-plan, and lead back to it
    await openMenu(page, '工作台');
    // a count, not the "…" the line shows while its list loads
    await page.getByTestId('todo-replan').filter({ hasText: '需要重新排班的已发布排班' }).locator('.ant-badge').getByText(/^[1-9]\d*$/).waitFor();
    await openMenu(page, '排班');
    // this version's row (another of the centre, broken by an earlier step, may be listed too)
    const toReplan = page.getByTestId('rosters-to-replan').locator('tbody tr', { has: page.getByTestId(`to-replan-open-${rosterId}`) });
    await toReplan.waitFor();
    assert.match(await toReplan.innerText(), new RegExp(`${demo.name}\\s+${published.month}\\s+v${published.version}\\s+1\\s`));
    await shot(page, 'rosters-to-replan');
    await page.getByTestId(`to-replan-open-${rosterId}`).click();
    await page.waitForURL((u) => u.pathname.endsWith(`/rosters/${rosterId}`));
    await page.getByTestId('roster-status').getByText('已发布').waitFor();
    // withdrawn (a withdrawal re-checks the roster at once, so it leaves the list): the swap below is judged without it
    await api.call(token, 'DELETE', `/api/scheduler/v1/centres/${demo.code}/requests/${asked.workerId}/${asked.date}`);
    assert.ok(!(await api.get(token, '/api/scheduler/v1/rosters/to-replan')).items.some((r) => r.rosterId === Number(rosterId)), 'the withdrawn day off no longer lists the roster');
    await page.getByTestId('roster-swap').click();
    await pick(page, 'swapWorker', names.get(first.workerId));
    await pick(page, 'swapWith', names.get(free));
    await page.getByTestId('swap-form-ok').click();
    await page.waitForURL((u) => !u.pathname.endsWith(`/rosters/${rosterId}`));
    await page.getByTestId('roster-status').getByText('草稿').waitFor({ timeout: 90_000 });
    const changes = page.getByTestId('roster-changes');
    await changes.getByTestId('roster-changes-count').getByText(/共 \d+ 处变化/).waitFor();
    const changedRows = await changes.locator('tbody tr.ant-table-row').allInnerTexts();
    assert.ok(changedRows.some((row) => row.includes(first.date) && row.includes(names.get(free))), `the swap is in the diff: ${changedRows.join(' | ')}`);
    assert.ok((await page.locator('[data-testid="roster-calendar"] [data-changed="1"]').count()) >= 2, 'the changed cells are marked on the calendar');
    await shot(page, 'roster-swap-diff');
    await page.context().close();
  });

  test('rosters: xihu-hr generates every centre of a month, finds the drafts listed when it is done, publishes them all at once, the list shows them published, and a worker’s page their shifts', async () => {
    const token = await api.token('xihu-hr');
    const centres = (await api.get(token, '/api/workers/v1/communities?district=330106')).filter((c) => c.active);
    // two months ahead: the month the other roster steps plan (next month) keeps its own versions
    const month = cityMonthStart(2).slice(0, 7);
    const page = await signedIn('xihu-hr', '排班');
    await typeDate(page, 'month', month);
    await page.getByTestId('roster-generate-all').click();
    // done: the list below turns to the generation's drafts, one a centre
    await page.getByTestId('versions-generation').waitFor({ timeout: 120_000 });
    const rows = page.getByTestId('roster-versions-table').locator('tbody tr.ant-table-row');
    await rows.nth(centres.length - 1).waitFor();
    assert.equal(await rows.count(), centres.length);
    for (const row of await rows.allInnerTexts()) assert.match(row, new RegExp(`${month}\\s+v\\d+\\s+草稿`));
    await page.getByTestId('versions-publish-all').click();
    await page.getByTestId('versions-publish-all-ok').click();
    await page.getByTestId('versions-published').getByText(`已发布 ${centres.length} 份排班`).waitFor();
    await rows.filter({ hasText: '已发布' }).nth(centres.length - 1).waitFor();
    await shot(page, 'roster-versions');
    const listed = await api.get(token, `/api/scheduler/v1/rosters?month=${month}&status=PUBLISHED&limit=500`);
    assert.deepEqual(listed.items.map((r) => r.community).sort(), centres.map((c) => c.code).sort());
    // a worker's page lists their shifts of that month (排班), as the published version has them
    const roster = await api.get(token, `/api/scheduler/v1/rosters/${listed.items[0].id}`);
    const workerId = roster.assignments[0].workerId;
    const theirs = roster.assignments.filter((a) => a.workerId === workerId);
    await page.goto(`${page.url().replace(/\/rosters.*$/, '')}/workers/${workerId}`);
    await page.getByRole('tab', { name: '排班' }).click();
    await typeDate(page, 'shiftsMonth', month);
    const shiftRows = page.getByTestId('worker-shifts').locator('tbody tr.ant-table-row');
    await shiftRows.nth(theirs.length - 1).waitFor();
    assert.equal(await shiftRows.count(), theirs.length);
    const first = theirs.map((a) => a.date).sort()[0];
    assert.match(await shiftRows.first().innerText(), new RegExp(`${first}[\\s\\S]*${theirs.find((a) => a.date === first).shift}`));
    await page.context().close();
  });

  test('rosters: xihu-hr records a worker’s day off on the centre page (请假与排班意愿), sees it listed, and withdraws it', async () => {
    const token = await api.token('xihu-hr');
    const communities = await api.get(token, '/api/workers/v1/communities?district=330106');
    const demo = communities.map((c) => c).sort((a, b) => a.code.localeCompare(b.code))[0];
    const [worker] = (await api.get(token, `/api/workers/v1/workers?community=${demo.code}&status=ACTIVE&limit=1`)).items;
    const page = await signedIn('xihu-hr');
    await page.goto(`${page.url().replace(/\/[^/]*$/, '')}/rosters/centres/${demo.code}`);
    const card = page.getByTestId('worker-requests');
    await card.waitFor();
    await page.getByTestId('request-add').click();
    await searchAndPick(page, 'workerId', worker.name, `${worker.name}（${worker.id}）`);
    await page.getByTestId('request-form').getByText('希望休息').click();
    await page.getByTestId('request-form').locator('#note').fill('家中有事');
    await page.getByTestId('request-form-ok').click();
    const row = card.locator('tbody tr.ant-table-row', { hasText: `${worker.name}（${worker.id}）` });
    await row.getByText('希望休息').waitFor();
    const [stored] = await api.get(token, `/api/scheduler/v1/centres/${demo.code}/requests?month=${(await row.locator('td').first().innerText()).slice(0, 7)}`);
    assert.deepEqual([stored.workerId, stored.kind, stored.note], [worker.id, 'OFF', '家中有事']);
    await page.getByTestId(`request-withdraw-${worker.id}-${stored.date}`).click();
    await page.getByTestId(`request-withdraw-${worker.id}-${stored.date}-ok`).click();
    await row.waitFor({ state: 'detached' });
    await page.context().close();
  });

  test('a server refusal is shown in Chinese on its field: the same resident ID twice', async () => {
    const token = await api.token('xihu-hr');
    const communities = await api.get(token, '/api/workers/v1/communities');
    const rid = residentId();
    await api.post(token, '/api/workers/v1/workers', {
      name: uniqueName('已在册'), residentId: rid, education: 'BACHELOR', politicalStatus: 'NONE', hireDate: '2020-01-01', employmentType: 'FULL_TIME', communityCode: communities[0].code,
    });
    const page = await signedIn('xihu-hr', '社工名册');
    await page.getByTestId('worker-hire').click();
    await page.locator('#name').fill(uniqueName('重复'));
    await page.locator('#residentId').fill(rid);
    await pick(page, 'education', '大专');
    await pick(page, 'politicalStatus', '群众');
    await searchAndPick(page, 'communityCode', '翠苑一区', '翠苑一区社区');
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/workers/v1/workers') && r.request().method() === 'POST');
    await page.getByTestId('hire-form-ok').click();
    const res = await refused;
    assert.equal(res.status(), 409);
    assert.equal((await res.json()).code, 'RESIDENT_ID_TAKEN');
    await itemOf(page, 'residentId').locator('.ant-form-item-explain-error').getByText('该身份证号已登记在册').waitFor();
    assert.equal(await itemOf(page, 'name').locator('.ant-form-item-explain-error').count(), 0, 'only the resident ID is marked');
    assert.ok(!(await page.content()).includes('already on the register'), 'no English message');
    await shot(page, 'worker-refusal-field');
    await page.context().close();
  });

  test('a transfer (调动) dated on the first of the month: the worker moves, 履历 dates it; a date before the current place began is refused on its field; one dated next month is planned, then cancelled', async () => {
    const token = await api.token('xihu-hr');
    const [from, to] = (await api.get(token, '/api/workers/v1/communities')).filter((c) => c.active && c.districtCode === '330106');
    const name = uniqueName('调动');
    const { worker } = await api.post(token, '/api/workers/v1/workers', {
      name, residentId: residentId(), education: 'BACHELOR', politicalStatus: 'NONE', hireDate: '2020-01-01', employmentType: 'FULL_TIME', communityCode: from.code,
    });
    const page = await signedIn('xihu-hr');
    await page.goto(new URL(`/workers/${worker.id}`, page.url()).href);
    await page.getByTestId('worker-detail').getByText(`社工详情 · ${name}`).waitFor();
    // first a day before the hire: refused on the date, in Chinese
    await page.getByTestId('worker-transfer').click();
    await searchAndPick(page, 'communityCode', to.name, to.name);
    await typeDate(page, 'transferDate', '2019-12-31');
    await page.getByTestId('transfer-form-ok').click();
    await itemOf(page, 'transferDate').locator('.ant-form-item-explain-error').getByText('调入日期早于本人到现社区的日期').waitFor();
    // then the first of this month
    const firstOfMonth = cityMonthStart(0);
    await typeDate(page, 'transferDate', firstOfMonth);
    await page.getByTestId('transfer-form-ok').click();
    await page.getByTestId('transfer-form').waitFor({ state: 'detached' }).catch(() => undefined);
    await page.getByTestId('worker-community').getByText(to.name).waitFor();
    await page.getByTestId('worker-place-since').getByText(`自 ${firstOfMonth} 调入`).waitFor();
    await page.getByRole('tab', { name: '履历' }).click();
    const row = page.getByTestId('events').locator('tbody tr', { hasText: '调动' });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`${firstOfMonth}[\\s\\S]*${from.name} → ${to.name}`));
    // a transfer back on the first of next month is planned: the worker stays here until then; HR cancels it
    const firstOfNext = cityMonthStart(1);
    await page.getByTestId('worker-transfer').click();
    await searchAndPick(page, 'communityCode', from.name, from.name);
    await typeDate(page, 'transferDate', firstOfNext);
    await page.getByTestId('transfer-form-ok').click();
    await page.getByTestId('planned-transfer').getByText(`已登记调动：${firstOfNext} 起调入 ${from.name}`).waitFor();
    assert.equal(await page.getByTestId('worker-community').innerText(), to.name);
    await page.getByTestId('planned-transfer-cancel').click();
    await page.getByTestId('planned-transfer-cancel-ok').click();
    await page.getByTestId('planned-transfer').waitFor({ state: 'detached' });
    await page.context().close();
  });

  test('import: a file with one bad row shows that row, then only the valid rows are committed', async () => {
    const token = await api.token('xihu-hr');
    const [community] = await api.get(token, '/api/workers/v1/communities');
    const good = [uniqueName('导入'), uniqueName('导入')];
    const header = '姓名,身份证号,手机号,学历,政治面貌,社工资格,资格证书编号,入职日期,用工类型,社区代码,银行账号';
    const rows = [
      `${good[0]},${residentId()},13800138001,本科,中共党员,社会工作师,,2023-05-01,专职社区工作者,${community.code},`,
      `${uniqueName('坏行')},330106199001011234,13800138002,本科,群众,,,2023-05-01,专职社区工作者,${community.code},`,
      `${good[1]},${residentId()},13800138003,大专,共青团员,,,2023/7/1,专职社区工作者,${community.code},`,
    ];
    const csv = Buffer.from(`\uFEFF${header}\n${rows.join('\n')}\n`, 'utf8');

    const page = await signedIn('xihu-hr', '社工名册');
    await page.getByTestId('worker-import').click();
    const wizard = page.getByTestId('import-wizard');
    const template = await downloadFrom(page.getByTestId('import-template'));
    assert.match(template.suggestedFilename(), /\.xlsx$/);
    await wizard.locator('input[type=file]').setInputFiles({ name: '导入测试.csv', mimeType: 'text/csv', buffer: csv });
    await page.getByTestId('import-summary').getByText('共 3 行：有效 2 行，错误 1 行').waitFor();
    const errorRows = page.getByTestId('import-errors').locator('tbody tr.ant-table-row');
    assert.equal(await errorRows.count(), 1);
    const reported = await errorRows.first().innerText();
    assert.match(reported, /^3\s/, 'spreadsheet row 3 (the header is row 1)');
    assert.match(reported, /身份证号/);
    assert.match(reported, /身份证号校验位不正确|身份证号/);
    assert.equal(await page.getByTestId('import-commit-all').count(), 0, 'no "import all" while a row is bad');
    await shot(page, 'worker-import-errors');
    await page.getByTestId('import-commit-valid').click();
    await page.getByTestId('import-done').getByText('已导入 2 人。').waitFor();
    await page.getByTestId('import-close').click();
    for (const n of good) {
      const found = await api.get(token, `/api/workers/v1/workers?q=${encodeURIComponent(n)}`);
      assert.equal(found.items.length, 1, `${n} is on the register`);
    }
    await page.context().close();
  });

  test('export: the register of the current filter as .xlsx, read back', async () => {
    const page = await signedIn('xihu-hr', '社工名册');
    await page.getByTestId('workers-table').locator('tbody tr.ant-table-row').first().waitFor();
    const book = await downloadWorkbook(page.getByTestId('worker-export'));
    const sheet = book.worksheets[0];
    const headers = sheet.getRow(1).values.filter(Boolean).map(String);
    assert.ok(headers.includes('姓名'), headers.join(','));
    const token = await api.token('xihu-hr');
    const ids = sheet.getColumn(headers.indexOf('身份证号') + 1).values.slice(2).filter(Boolean).map(String);
    assert.ok(ids.length > 100, `${ids.length} rows exported`);
    for (const id of ids) assert.match(id, /\*{4,}/, 'IDs are masked in the export');
    const first = await api.get(token, '/api/workers/v1/workers?limit=1&sort=id');
    assert.ok(sheet.getColumn(headers.indexOf('姓名') + 1).values.includes(first.items[0].name), 'the register’s first worker is in the file');
    await page.context().close();
  });

  postingsTest(ctx);
}

/**
 * Bytes over the wire for the login page plus the dashboard, from a cold cache: Chromium's own
 * count (CDP Network.loadingFinished encodedDataLength: headers + compressed body), everything
 * the two screens load, the API calls included. The target is 700 KB.
 */
export function weightTest({ newPage, login, browserRef }) {
  test('weight: the login page plus the dashboard transfer at most 700 KB', async () => {
    const page = await newPage({ blank: true });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const requests = new Map();
    let total = 0;
    cdp.on('Network.responseReceived', (e) => requests.set(e.requestId, { url: e.response.url, encoding: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? '' }));
    cdp.on('Network.loadingFinished', (e) => {
      total += e.encodedDataLength;
      const r = requests.get(e.requestId);
      if (r) r.bytes = e.encodedDataLength;
    });
    await page.goto(`${browserRef.baseUrl}/login`);
    await page.locator('#username').waitFor();
    await page.waitForLoadState('networkidle');
    const loginBytes = total;
    await login(page, 'city-admin');
    await page.getByTestId('dashboard').waitFor();
    await page.waitForLoadState('networkidle');
    const rows = [...requests.values()].filter((r) => r.bytes !== undefined).sort((a, b) => b.bytes - a.bytes);
    const kb = (n) => (n / 1024).toFixed(1);
    console.log(`[weight] login page ${kb(loginBytes)} KB, login + dashboard ${kb(total)} KB transferred (${rows.length} responses)`);
    for (const r of rows.slice(0, 8)) console.log(`[weight]   ${kb(r.bytes).padStart(7)} KB ${r.encoding.padEnd(4)} ${new URL(r.url).pathname}`);
    const js = rows.filter((r) => r.url.endsWith('.js'));
    assert.ok(js.length > 0 && js.every((r) => r.encoding === 'br' || r.encoding === 'gzip'), 'every script arrives compressed');
    assert.ok(total <= 700 * 1024, `${kb(total)} KB > 700 KB`);
    await page.context().close();
  });
}
