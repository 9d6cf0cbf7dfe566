import { POLICY_KINDS } from '@cws/payroll-contracts';
import { Button, DatePicker, Segmented, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { usePolicyRows, type PolicyKind, type PolicyRowView } from '../../api/policy';
import { useAuth } from '../../auth/AuthProvider';
import { POLICY_WRITE_ROLES } from '../../auth/access';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { actionsColumn } from '../../layout/columns';
import { todayIso } from '../../layout/FormModal';
import { PageCard } from '../../layout/PageCard';
import { QueryTable } from '../../layout/QueryTable';
import { NEW_KEY_KINDS, NewKeyDialog, useNewKeyDialog } from './NewKeyDialog';
import { PolicyDrawer } from './PolicyDrawer';
import { PolicyYearCheck } from './PolicyYearCheck';
import { StatusTag } from './StatusTag';
import { summaryOf } from './policyData';

const MODES = ['open', 'asOf', 'history'] as const;
type Mode = (typeof MODES)[number];

/**
 * 薪酬政策: the pay-policy rows (grade coefficients, allowances, insurance items, tax tables, …), by
 * kind; the open rows, those in force on a date, or the whole history. A row opens in a drawer;
 * a city administrator adds a new version there or closes the row, and adds the first row of a new key
 * (a year's wage figures, a new paying account) from the page (the service allows no one else).
 */
export function PolicyPage() {
  const { t } = useI18n();
  const options = useEnumOptions();
  const { hasRole } = useAuth();
  const canEdit = hasRole(...POLICY_WRITE_ROLES);
  const [kind, setKind] = useState<PolicyKind>();
  const [mode, setMode] = useState<Mode>('open');
  const [asOf, setAsOf] = useState(todayIso());
  const [openId, setOpenId] = useState<string | null>(null);
  const rows = usePolicyRows({ kind, asOf: mode === 'asOf' ? asOf : undefined, history: mode === 'history' });
  const add = useNewKeyDialog();

  return (
    <PageCard
      title={t('policy.title')}
      testId="policy-page"
      tools={
        <>
          <Select<PolicyKind>
            id="policyKind"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('policy.allKinds')}
            style={{ width: 200 }}
            value={kind}
            onChange={setKind}
            options={options(POLICY_KINDS, 'policy.kind')}
            data-testid="policy-kind"
          />
          <Segmented<Mode> value={mode} onChange={setMode} options={MODES.map((m) => ({ value: m, label: t(`policy.mode.${m}` as MessageKey) }))} data-testid="policy-mode" />
          {mode === 'asOf' && (
            <DatePicker value={dayjs(asOf)} allowClear={false} onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))} aria-label={t('policy.asOf')} data-testid="policy-as-of" />
          )}
          {canEdit && (
            // on the kind filtered for, when it is one of them; else the city wage, the yearly one
            <Button type="primary" onClick={() => add.show(kind && NEW_KEY_KINDS.includes(kind) ? kind : 'CITY_WAGE')} data-testid="policy-add">
              {t('policy.add')}
            </Button>
          )}
        </>
      }
    >
      <Typography.Paragraph type="secondary">{t('policy.hint')}</Typography.Paragraph>
      <PolicyYearCheck />
      <QueryTable<PolicyRowView>
        query={rows}
        scroll={{ x: true }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="policy-table"
        columns={[
          { title: t('policy.kind'), dataIndex: 'kind', render: (k: string) => t(`policy.kind.${k}` as MessageKey) },
          { title: t('policy.key'), dataIndex: 'key' },
          { title: t('policy.summary'), key: 'summary', render: (_: unknown, r) => summaryOf(t, r) },
          { title: t('policy.validFrom'), dataIndex: 'validFrom' },
          { title: t('policy.validTo'), dataIndex: 'validTo', render: (v: string | null) => v ?? '-' },
          { title: t('policy.status'), key: 'status', render: (_: unknown, r) => <StatusTag row={r} /> },
          actionsColumn<PolicyRowView>(t, (r) => (
            <Button size="small" type="link" onClick={() => setOpenId(r.id)} data-testid={`policy-open-${r.id}`}>
              {t('policy.view')}
            </Button>
          )),
        ]}
      />
      <PolicyDrawer id={openId} canEdit={canEdit} onClose={() => setOpenId(null)} />
      {canEdit && <NewKeyDialog dialog={add} />}
    </PageCard>
  );
}
