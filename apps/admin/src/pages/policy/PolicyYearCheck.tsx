import { Alert, Card, DatePicker, Descriptions, Spin, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { missingTables, useEffectivePolicy, type EffectivePolicyJson } from '../../api/policy';
import { textOr, useI18n, type Translate } from '../../i18n/I18nProvider';
import { QueryError } from '../../layout/PageState';
import { thousands } from '../../lib/format';

/**
 * 年度政策检查: whether a payroll year's policy is complete (`GET /policy/effective?year=`). A table with no row in force
 * for the year — the new year's unit value not entered yet, typically — fails every run of that year with
 * `POLICY_INCOMPLETE`; the check names the tables beforehand, so the city administrator adds them before January's run.
 * A complete year shows what it benchmarks on: its unit value and the city wage of the year before.
 */
export function PolicyYearCheck() {
  const { t } = useI18n();
  // the dashboard's 待办 links here with the year that misses tables
  const [params] = useSearchParams();
  const asked = params.get('checkYear');
  const [year, setYear] = useState(() => (asked && /^\d{4}$/.test(asked) ? Number(asked) : dayjs().year()));
  const policy = useEffectivePolicy(year);
  const missing = missingTables(policy);

  return (
    <Card
      size="small"
      title={t('policy.yearCheck.title')}
      style={{ marginBottom: 16 }}
      data-testid="policy-year-check"
      extra={
        <DatePicker
          picker="year"
          allowClear={false}
          value={dayjs(`${year}-01-01`)}
          onChange={(d) => d && setYear(d.year())}
          aria-label={t('policy.yearCheck.year')}
          data-testid="policy-year-check-year"
        />
      }
    >
      {policy.isPending ? (
        <Spin />
      ) : missing?.length ? (
        <Alert
          type="error"
          showIcon
          title={t('policy.yearCheck.incomplete', { year })}
          description={<ul style={{ margin: 0 }}>{missing.map((path) => <li key={path}>{tableLabel(t, path)}</li>)}</ul>}
          data-testid="policy-year-incomplete"
        />
      ) : policy.data ? (
        <Complete t={t} year={year} policy={policy.data} />
      ) : (
        <QueryError error={policy.error} />
      )}
    </Card>
  );
}

function Complete({ t, year, policy }: { t: Translate; year: number; policy: EffectivePolicyJson }) {
  const wage = policy.cityWages.find((w) => w.year === year - 1);
  const yuan = (amount: string) => `${thousands(amount)} ${t('policy.yearCheck.yuan')}`;
  return (
    <>
      <Alert type="success" showIcon title={t('policy.yearCheck.complete', { year })} style={{ marginBottom: 12 }} data-testid="policy-year-complete" />
      <Descriptions size="small" column={3} data-testid="policy-year-figures">
        <Descriptions.Item label={t('policy.kind.UNIT_VALUE')}>{yuan(policy.payScale.unitValueFen)}</Descriptions.Item>
        <Descriptions.Item label={t('policy.yearCheck.cityWage', { year: year - 1 })}>{wage ? yuan(wage.annualFen) : '-'}</Descriptions.Item>
        <Descriptions.Item label={t('policy.yearCheck.insurance')}>
          {policy.insurance.length}
          {policy.illustrative && <Tag style={{ marginLeft: 8 }}>{t('benchmark.illustrative')}</Tag>}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}

/** A missing table as the engine names it (`UNIT_VALUE:2027`, `OVERTIME`): the kind's name, and its key in brackets. */
export function tableLabel(t: Translate, path: string): string {
  const [kind, key] = path.split(':');
  const name = textOr(t, `policy.kind.${kind}`, kind);
  return key ? `${name}（${key}）` : name;
}
