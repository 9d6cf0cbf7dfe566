import { POLICY_KINDS } from '@cws/payroll-contracts';
import { Button, Drawer, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { usePolicyRows, type PolicyRowView } from '../../api/policy';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { QueryTable } from '../../layout/QueryTable';
import { StatusTag } from '../policy/StatusTag';
import { summaryOf } from '../policy/policyData';

/** One id the run froze, and its row when the policy table has it (it should always). */
interface UsedRow {
  id: string;
  row: PolicyRowView | undefined;
}

const kindOrder = (kind: string) => (POLICY_KINDS as readonly string[]).indexOf(kind);

/** The run's rows out of the whole history, by kind (the policy page's order), key and start; ids not found last. */
export function usedRows(ids: readonly string[], all: readonly PolicyRowView[]): UsedRow[] {
  const byId = new Map(all.map((r) => [r.id, r]));
  const used = [...new Set(ids)].map((id) => ({ id, row: byId.get(id) }));
  return used.sort((a, b) => {
    if (!a.row || !b.row) return (a.row ? 0 : 1) - (b.row ? 0 : 1) || Number(a.id) - Number(b.id);
    return kindOrder(a.row.kind) - kindOrder(b.row.kind) || a.row.key.localeCompare(b.row.key) || a.row.validFrom.localeCompare(b.row.validFrom);
  });
}

/**
 * 所用政策行: the count of the policy rows a run froze, as a link; it opens a drawer listing them — kind, key,
 * content in the policy page's words, period, status and source. The whole history is read once, on the first
 * open (`GET /policy/rows?history=true`, a small table), and the run's ids picked out of it. A row closed or
 * superseded since is greyed and tagged, so a paid run's rows read as what they were, not what is in force today.
 */
export function RunPolicyRows({ ids }: { ids: readonly string[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  // once opened, the query stays enabled: closing and reopening the drawer reads the cache, not the service again
  const [wanted, setWanted] = useState(false);
  const rows = usePolicyRows({ history: true }, { enabled: wanted });
  const list = useMemo(() => (rows.data ? usedRows(ids, rows.data) : undefined), [ids, rows.data]);

  return (
    <>
      <Button
        type="link"
        size="small"
        style={{ padding: 0, height: 'auto' }}
        disabled={ids.length === 0}
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
        data-testid="run-inputs-policy-rows"
      >
        {ids.length ? t('runInputs.rowsView', { n: ids.length }) : t('runInputs.rows', { n: 0 })}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} size={960} title={t('runInputs.rowsTitle', { n: ids.length })} data-testid="run-policy-rows-drawer">
        <Typography.Paragraph type="secondary">{t('runInputs.rowsHint')}</Typography.Paragraph>
        <QueryTable<UsedRow>
          query={rows}
          rows={list}
          scroll={{ x: true }}
          pagination={false}
          data-testid="run-policy-rows"
          onRow={(u) => (u.row && u.row.validTo !== null ? { style: { color: 'rgba(0, 0, 0, 0.45)' } } : {})}
          columns={[
            { title: t('runInputs.rowId'), key: 'id', render: (_: unknown, u) => `#${u.id}` },
            { title: t('policy.kind'), key: 'kind', render: (_: unknown, u) => (u.row ? t(`policy.kind.${u.row.kind}` as MessageKey) : <Tag color="red">{t('runInputs.rowMissing')}</Tag>) },
            { title: t('policy.key'), key: 'key', render: (_: unknown, u) => u.row?.key ?? '-' },
            { title: t('policy.summary'), key: 'summary', render: (_: unknown, u) => (u.row ? summaryOf(t, u.row) : '-') },
            { title: t('runInputs.period'), key: 'period', render: (_: unknown, u) => (u.row ? `${u.row.validFrom} – ${u.row.validTo ?? t('runInputs.openEnded')}` : '-') },
            { title: t('policy.status'), key: 'status', render: (_: unknown, u) => (u.row ? <RowStatus row={u.row} /> : '-') },
            { title: t('policy.sourceRef'), key: 'source', render: (_: unknown, u) => u.row?.sourceRef ?? '-' },
          ]}
        />
      </Drawer>
    </>
  );
}

/** The policy page's status (现行 / 已截止 / 待生效), and by which row it was superseded when it was. */
function RowStatus({ row }: { row: PolicyRowView }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <StatusTag row={row} />
      {row.supersededBy !== null && <Tag color="orange">{t('runInputs.supersededBy', { id: row.supersededBy })}</Tag>}
    </Space>
  );
}
