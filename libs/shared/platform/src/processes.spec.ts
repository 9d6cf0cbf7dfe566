import { processCount } from './processes';

describe('processCount', () => {
  it('is 1 unless set; the service setting wins over CWS_PROCESSES', () => {
    expect(processCount('workers', {})).toBe(1);
    expect(processCount('workers', { CWS_PROCESSES: '3' })).toBe(3);
    expect(processCount('workers', { CWS_PROCESSES: '3', WORKERS_PROCESSES: '2' })).toBe(2);
    expect(processCount('payroll', { WORKERS_PROCESSES: '2' })).toBe(1);
  });

  it('refuses anything but an integer from 1 to 16, naming the setting', () => {
    for (const bad of ['0', '17', '1.5', 'two', '-1']) {
      expect(() => processCount('budget', { BUDGET_PROCESSES: bad })).toThrow(/BUDGET_PROCESSES must be an integer from 1 to 16/);
    }
    expect(() => processCount('budget', { CWS_PROCESSES: 'x' })).toThrow(/CWS_PROCESSES/);
  });
});
