import { CopyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ACCOUNT_NAME, type ApiClientWithSecretView } from '@cws/workers-contracts';
import { useApi } from '../../api/context';
import type { ApiClientRow } from '../../api/types';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { actionsColumn } from '../../layout/columns';
import { ConfirmButton } from '../../layout/ConfirmButton';
import { FormModal, useFormDialog } from '../../layout/FormModal';
import { dateTime } from '../../lib/format';
import { AccountList } from './AccountList';
import { ScopeFields, useScopeText } from './ScopeFields';

const PERMISSIONS = ['budget:read', 'budget:write', 'payroll:read', 'workers:read'];

interface NewClient {
  clientId: string;
  name: string;
  scopeLevel: 'CITY' | 'DISTRICT';
  scopeDistrict?: string;
  permissions: string[];
}

type Created = ApiClientWithSecretView;

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      /* fall back below (insecure origin, no permission) */
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

export function ApiClientsPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const scopeText = useScopeText();
  const [created, setCreated] = useState<Created | null>(null);
  const clients = useQuery({ queryKey: ['api-clients'], queryFn: ({ signal }) => api.get<ApiClientRow[]>('/api/workers/v1/api-clients', undefined, signal) });
  const create = useFormDialog((v: NewClient) => api.post<Created>('/api/workers/v1/api-clients', v), { invalidate: [['api-clients']], onDone: (c) => setCreated(c) });
  const rotate = useAction((c: ApiClientRow) => api.post<Created>(`/api/workers/v1/api-clients/${c.id}/rotate-secret`), { invalidate: [['api-clients']], onDone: (c) => setCreated(c) });
  const revoke = useAction((c: ApiClientRow) => api.post<ApiClientRow>(`/api/workers/v1/api-clients/${c.id}/revoke`), { invalidate: [['api-clients']], success: t('clients.revoked') });

  return (
    <AccountList<ApiClientRow>
      testId="api-clients"
      title={t('clients.title')}
      create={{ label: t('clients.create'), testId: 'new-api-client', onClick: () => create.show() }}
      query={clients}
      columns={[
        { title: t('clients.clientId'), dataIndex: 'clientId', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
        { title: t('clients.name'), dataIndex: 'name' },
        { title: t('users.scope'), key: 'scope', render: (_, c) => scopeText(c) },
        { title: t('clients.permissions'), dataIndex: 'permissions', render: (ps: string[]) => ps.map((p) => <Tag key={p}>{p}</Tag>) },
        { title: t('users.active'), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">{t('clients.activeTag')}</Tag> : <Tag color="red">{t('clients.revokedTag')}</Tag>) },
        { title: t('users.createdAt'), dataIndex: 'createdAt', render: (v: string) => dateTime(v) },
        actionsColumn<ApiClientRow>(
          t,
          (c) =>
            c.active && (
              <Space size="small" data-testid={`client-actions-${c.clientId}`}>
                <ConfirmButton title={t('clients.rotateConfirm')} onConfirm={() => rotate.mutate(c)} testId="client-rotate" size="small">
                  {t('clients.rotate')}
                </ConfirmButton>
                <ConfirmButton title={t('clients.revokeConfirm')} onConfirm={() => revoke.mutate(c)} testId="client-revoke" size="small" danger>
                  {t('clients.revoke')}
                </ConfirmButton>
              </Space>
            ),
        ),
      ]}
    >
      <FormModal {...create.modal} title={t('clients.create')} initialValues={{ scopeLevel: 'CITY', permissions: ['budget:read'] }} testId="api-client-form">
        <Form.Item name="clientId" label={t('clients.clientId')} rules={[{ required: true }, { pattern: ACCOUNT_NAME }]}>
          <Input autoComplete="off" id="clientId" />
        </Form.Item>
        <Form.Item name="name" label={t('clients.name')} rules={[{ required: true }, { max: 100 }]}>
          <Input id="clientName" />
        </Form.Item>
        <ScopeFields form={create.form} levels={['CITY', 'DISTRICT']} />
        <Form.Item name="permissions" label={t('clients.permissions')} rules={[{ required: true }]}>
          <Select mode="tags" options={PERMISSIONS.map((p) => ({ value: p, label: p }))} />
        </Form.Item>
      </FormModal>
      <Modal
        open={!!created}
        title={t('clients.secretTitle')}
        closable={false}
        mask={{ closable: false }}
        destroyOnHidden
        footer={
          <Button type="primary" onClick={() => setCreated(null)} data-testid="secret-saved">
            {t('clients.secretSaved')}
          </Button>
        }
        data-testid="secret-modal"
      >
        <Alert type="warning" showIcon title={t('clients.secretWarning')} style={{ marginBottom: 16 }} />
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {t('clients.clientId')}: <Typography.Text code>{created?.clientId}</Typography.Text>
          </Typography.Text>
          <Space.Compact style={{ width: '100%' }}>
            <Input readOnly value={created?.clientSecret ?? ''} data-testid="client-secret" style={{ fontFamily: 'monospace' }} />
            <Button
              icon={<CopyOutlined />}
              onClick={async () => {
                if (created) await copyText(created.clientSecret);
                message.success(t('common.copied'));
              }}
              data-testid="copy-secret"
            >
              {t('common.copy')}
            </Button>
          </Space.Compact>
        </Space>
      </Modal>
    </AccountList>
  );
}
