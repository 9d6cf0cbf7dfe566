import { Alert, Button, Descriptions, Drawer, Space, Spin, Table } from 'antd';
import dayjs from 'dayjs';
import { POLICY_QUERIES, usePolicyRow, usePolicyWrites, type PolicyRowView } from '../../api/policy';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { DateItem, FormModal, useFormDialog } from '../../layout/FormModal';
import { QueryError } from '../../layout/PageState';
import { dateTime } from '../../lib/format';
import { StatusTag } from './StatusTag';
import { dataEntries, fieldLabel, formatValue, shownData } from './policyData';
import { NEW_VERSION_KINDS, NewVersionDialog, useNewVersionDialog } from './NewVersionDialog';

/**
 * One policy row, read with its ETag: what it holds, in force when, from which source. A city
 * administrator may add a new version of an open row (NEW_VERSION_KINDS: insurance items, allowances, overtime, the plain kinds) or close it;
 * both writes carry the ETag as If-Match, so a row changed since it was opened is refused, not overwritten.
 */
export function PolicyDrawer({ id, canEdit, onClose }: { id: string | null; canEdit: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const query = usePolicyRow(id);
  const row = query.data?.body;
  const etag = query.data?.etag ?? null;
  const version = useNewVersionDialog(etag, onClose);
  const close = useCloseDialog(etag);
  const open = !!row && row.validTo === null;

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={row ? `${t(`policy.kind.${row.kind}` as MessageKey)} · ${row.key}` : t('policy.detail')}
      data-testid="policy-drawer"
      extra={
        canEdit &&
        open && (
          <Space>
            {NEW_VERSION_KINDS.has(row.kind) && (
              <Button type="primary" onClick={() => version.show(row)} data-testid="policy-new-version">
                {t('policy.newVersion')}
              </Button>
            )}
            <Button danger onClick={() => close.show(row)} data-testid="policy-close">
              {t('policy.close')}
            </Button>
          </Space>
        )
      }
    >
      {query.isPending && !!id && <Spin />}
      {query.error && <QueryError error={query.error} />}
      {row && <RowDetail row={row} />}
      {canEdit && <NewVersionDialog dialog={version} />}
      {canEdit && <CloseDialog dialog={close} />}
    </Drawer>
  );
}

function RowDetail({ row }: { row: PolicyRowView }) {
  const { t } = useI18n();
  const { scalars, lists } = dataEntries(shownData(row));
  return (
    <>
      <Descriptions size="small" bordered column={2} data-testid="policy-row-meta">
        <Descriptions.Item label={t('policy.validFrom')}>{row.validFrom}</Descriptions.Item>
        <Descriptions.Item label={t('policy.validTo')}>{row.validTo ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={t('policy.status')}>
          <StatusTag row={row} />
        </Descriptions.Item>
        <Descriptions.Item label={t('policy.supersededBy')}>{row.supersededBy ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={t('policy.sourceRef')} span={2}>
          {row.sourceRef}
        </Descriptions.Item>
        <Descriptions.Item label={t('policy.createdBy')}>{row.createdBy}</Descriptions.Item>
        <Descriptions.Item label={t('policy.createdAt')}>{dateTime(row.createdAt)}</Descriptions.Item>
      </Descriptions>
      <Descriptions size="small" bordered column={1} title={t('policy.data')} style={{ marginTop: 16 }} data-testid="policy-row-data">
        {scalars.map(([k, v]) => (
          <Descriptions.Item key={k} label={fieldLabel(t, k, row.kind)}>
            {formatValue(t, k, v)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {lists.map(([name, items]) => (
        <Table<Record<string, unknown>>
          key={name}
          title={() => fieldLabel(t, name)}
          size="small"
          style={{ marginTop: 12 }}
          pagination={false}
          rowKey="position"
          dataSource={items.map((item, position) => ({ ...item, position }))}
          data-testid={`policy-row-${name}`}
          columns={Object.keys(items[0] ?? {}).map((k) => ({ title: fieldLabel(t, k), key: k, render: (_: unknown, item) => formatValue(t, k, item[k]) }))}
        />
      ))}
    </>
  );
}

/** 截止: the last day in force; no earlier than the day before the row starts (then it was never in force), as the service checks. */
function useCloseDialog(etag: string | null) {
  const { t } = useI18n();
  const writes = usePolicyWrites();
  return useFormDialog((v: { validTo: string }, row: PolicyRowView) => writes.close(row.id, v.validTo, etag), { invalidate: POLICY_QUERIES, success: t('policy.closed') });
}

function CloseDialog({ dialog }: { dialog: ReturnType<typeof useCloseDialog> }) {
  const { t } = useI18n();
  const row = dialog.subject;
  const earliest = row ? dayjs(row.validFrom).subtract(1, 'day').format('YYYY-MM-DD') : '';
  return (
    <FormModal {...dialog.modal} title={t('policy.close')} testId="policy-close-form">
      <Alert type="info" showIcon title={t('policy.closeHint')} style={{ marginBottom: 12 }} />
      <DateItem
        name="validTo"
        label={t('policy.validTo')}
        required
        rules={[{ validator: async (_, v?: string) => { if (v && v < earliest) throw new Error(t('policy.closeTooEarly', { date: earliest })); } }]}
      />
    </FormModal>
  );
}
