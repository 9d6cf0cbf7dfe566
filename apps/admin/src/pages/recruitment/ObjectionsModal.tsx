import type { QueryKey } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/context';
import { R, useObjections, type Objection, type RankedCandidate } from '../../api/recruitment';
import { useAction } from '../../api/useAction';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { actionsColumn } from '../../layout/columns';
import { useRequired } from '../../layout/FormModal';

const COLOR: Record<string, string> = { OPEN: 'red', UPHELD: 'volcano', DISMISSED: 'green' };

/** The objections to a selected candidate, each open one resolved here: 驳回 lets the hire go ahead, 成立 disqualifies. */
export function ObjectionsModal({ candidate, onClose, invalidate }: { candidate: RankedCandidate | null; onClose: () => void; invalidate: QueryKey[] }) {
  const { t } = useI18n();
  const api = useApi();
  const required = useRequired();
  const [form] = Form.useForm<{ resolution: string }>();
  const [resolving, setResolving] = useState<{ id: number; outcome: 'UPHELD' | 'DISMISSED' } | null>(null);
  const objections = useObjections(candidate?.id ?? null);
  const resolve = useAction(
    (v: { resolution: string }) => api.post(`${R}/objections/${resolving?.id}/resolve`, { outcome: resolving?.outcome, resolution: v.resolution }),
    { form, invalidate: [...invalidate, ['objections', candidate?.id ?? null]], success: t('common.saved'), onDone: () => setResolving(null) },
  );
  return (
    <Modal open={!!candidate} title={`${t('recruitment.objections')} · ${candidate?.name ?? ''}`} onCancel={onClose} footer={null} width={760} destroyOnHidden>
      <Table<Objection>
        rowKey="id"
        size="small"
        pagination={false}
        loading={objections.isPending}
        dataSource={objections.data ?? []}
        data-testid="objections-table"
        columns={[
          { title: t('recruitment.receivedOn'), dataIndex: 'receivedOn', width: 110 },
          { title: t('recruitment.objectionSummary'), dataIndex: 'summary' },
          { title: t('recruitment.state'), dataIndex: 'status', render: (s: string) => <Tag color={COLOR[s]}>{t(`recruitment.objection.${s}` as MessageKey)}</Tag> },
          { title: t('recruitment.resolution'), dataIndex: 'resolution', render: (r: string | null) => r ?? '' },
          actionsColumn<Objection>(
            t,
            (o) =>
              o.status === 'OPEN' && (
                <Space size="small">
                  <Button size="small" onClick={() => setResolving({ id: o.id, outcome: 'DISMISSED' })} data-testid="objection-dismiss">{t('recruitment.dismiss')}</Button>
                  <Button size="small" danger onClick={() => setResolving({ id: o.id, outcome: 'UPHELD' })} data-testid="objection-uphold">{t('recruitment.uphold')}</Button>
                </Space>
              ),
          ),
        ]}
      />
      {resolving && (
        <Form form={form} layout="vertical" style={{ marginTop: 16 }} onFinish={(v) => resolve.mutate(v)} data-testid="resolve-form">
          <Form.Item name="resolution" label={t(resolving.outcome === 'UPHELD' ? 'recruitment.uphold' : 'recruitment.dismiss')} rules={required}>
            <Input.TextArea id="resolution" maxLength={300} rows={2} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={resolve.isPending} data-testid="resolve-ok">{t('common.submit')}</Button>
            <Button onClick={() => setResolving(null)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      )}
    </Modal>
  );
}
