import { describe, expect, it } from 'vitest';
import { ApiError, retryAfterSeconds } from '../api/errors';
import { detailText, errorMessage, localisedFieldErrors, retryText } from './errors';

describe('server refusals in the user’s language', () => {
  it('translates a code, never showing the English message', () => {
    const err = new ApiError(409, 'USERNAME_TAKEN', 'username is taken', [{ path: 'username', issue: 'is taken' }]);
    expect(errorMessage('zh-CN', err)).toBe('该用户名已被使用');
    expect(errorMessage('en', err)).toBe('This username is taken');
    expect(localisedFieldErrors('zh-CN', err)).toEqual([{ name: ['username'], errors: ['该用户名已被使用'] }]);
  });

  it('names the fields of a generic validation failure and explains each from its issue', () => {
    const err = new ApiError(400, 'VALIDATION_FAILED', 'Invalid request', [
      { path: 'residentId', issue: 'must be 17 digits followed by a digit or X' },
      { path: 'hireDate', issue: 'hireDate must be a valid ISO 8601 date string' },
      { path: 'months[2].gross', issue: 'something new' },
    ]);
    expect(errorMessage('zh-CN', err)).toBe('请检查：身份证号、入职日期、months[2].gross');
    expect(detailText('zh-CN', err, err.details[0])).toBe('身份证号应为 18 位：17 位数字加一位数字或 X');
    expect(detailText('zh-CN', err, err.details[1])).toBe('日期格式应为 YYYY-MM-DD');
    expect(localisedFieldErrors('zh-CN', err)[2]).toEqual({ name: ['months', 2, 'gross'], errors: ['格式或取值不正确'] });
    const bonus = new ApiError(400, 'SIMULATION_INVALID', 'x', [{ path: 'bonus.method', issue: 'separate taxation of a year-end bonus ended on 2027-12-31' }]);
    expect(detailText('zh-CN', bonus, bonus.details[0])).toBe('年终奖单独计税政策已于 2027-12-31 到期，请选择并入综合所得');
    // a paying account's org code and account number (policy-data.dto.ts) say what they want, not 格式或取值不正确
    const account = new ApiError(400, 'VALIDATION_FAILED', 'x', [
      { path: 'data.orgCode', issue: 'must be a district (6 digits) or street (9 digits) code' },
      { path: 'data.account', issue: 'must be 8–30 digits' },
    ]);
    expect(account.details.map((d) => detailText('zh-CN', account, d))).toEqual(['应为区（6 位）或街道（9 位）代码', '应为 8–30 位数字']);
    expect(detailText('en', account, account.details[1])).toBe('8–30 digits');
    const amount = new ApiError(400, 'VALIDATION_FAILED', 'x', [{ path: 'amount', issue: 'must be a positive amount such as "36000.00"' }]);
    expect(detailText('zh-CN', amount, amount.details[0])).toBe('请输入金额，如 36000.00');
  });

  it('names the workers a refusal lists (a run’s named workers without a slip), saying how many more when the list was cut', () => {
    const missing = (body: Record<string, unknown>) => new ApiError(409, 'PAYROLL_RUN_WORKERS_MISSING', 'x', [], null, { code: 'PAYROLL_RUN_WORKERS_MISSING', runId: '9', ...body });
    expect(errorMessage('zh-CN', missing({ workerIds: [1024, 1025], missing: 2 }))).toBe('批次所列的部分人员没有工资条（不在该期间该范围的人员快照中）：编号 1024、1025');
    expect(errorMessage('en', missing({ workerIds: [1024], missing: 51 }))).toBe('Some workers the run names have no payslip (not in the period’s snapshot of the scope): worker No. 1024 and 50 more');
    expect(errorMessage('zh-CN', missing({}))).toBe('批次所列的部分人员没有工资条（不在该期间该范围的人员快照中）');
  });

  it('falls back to the HTTP status for an unknown code, and to a network error for a failed fetch', () => {
    expect(errorMessage('zh-CN', new ApiError(404, 'THING_NOT_FOUND', 'thing 1 was not found'))).toBe('未找到该记录，或它不在您的管辖范围内');
    expect(errorMessage('zh-CN', new ApiError(500, 'HTTP_500', 'Internal Server Error'))).toBe('服务器出错，请稍后再试');
    expect(errorMessage('zh-CN', new TypeError('Failed to fetch'))).toBe('网络连接失败，请检查网络后重试');
  });

  it('says in Chinese when to try again after a 429, from Retry-After', () => {
    const headers = new Headers({ 'Retry-After': '42' });
    const err = new ApiError(429, 'RATE_LIMITED', 'ThrottlerException: Too Many Requests', [], retryAfterSeconds(headers));
    expect(errorMessage('zh-CN', err)).toBe('操作过于频繁，请在 42 秒后重试');
    expect(retryText('zh-CN', 600)).toBe('操作过于频繁，请在约 10 分钟后重试');
    expect(retryText('zh-CN', null)).toBe('操作过于频繁，请稍后再试');
    expect(retryAfterSeconds(new Headers({ 'Retry-After-short': '5' }))).toBe(5);
    expect(retryAfterSeconds(new Headers())).toBeNull();
  });
});
