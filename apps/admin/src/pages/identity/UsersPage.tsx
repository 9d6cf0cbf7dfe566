import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useApi } from '../../api/context';
import { ROLES, type ScopeLevel, type UserRow } from '../../api/types';
import { useCreateMutation } from '../../api/useCreateMutation';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { QueryError } from '../../layout/PageState';
import { ScopeFields, useOrgNames } from './ScopeFields';
import { UserActions } from './UserActions';

interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  scopeLevel: ScopeLevel;
  scopeDistrict?: string;
  scopeStreet?: string;
}

export function UsersPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const orgName = useOrgNames();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewUser>();
  const users = useQuery({ queryKey: ['users'], queryFn: ({ signal }) => api.get<UserRow[]>('/api/workers/v1/users', undefined, signal) });
  const create = useCreateMutation<NewUser, UserRow>(form, {
    path: '/api/workers/v1/users',
    invalidate: ['users'],
    onCreated: () => {
      message.success(t('users.created'));
      setOpen(false);
    },
  });

  return (
    <Card
      title={t('users.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-user">
          {t('users.create')}
        </Button>
      }
      data-testid="users-page"
    >
      {users.error && <QueryError error={users.error} />}
      <Table<UserRow>
        rowKey="id"
        size="middle"
        loading={users.isPending}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.roles'), dataIndex: 'roles', render: (roles: string[]) => roles.map((r) => <Tag key={r}>{t(`role.${r}` as MessageKey)}</Tag>) },
          {
            title: t('users.scope'),
            key: 'scope',
            render: (_, u) => [t(`scope.${u.scopeLevel}`), orgName(u.scopeDistrict), u.scopeStreet ?? ''].filter(Boolean).join(' · '),
          },
          { title: t('users.active'), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">{t('users.enabledTag')}</Tag> : <Tag color="red">{t('users.disabledTag')}</Tag>) },
          { title: t('users.createdAt'), dataIndex: 'createdAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
          { title: t('common.actions'), key: 'actions', render: (_, u) => <UserActions user={u} /> },
        ]}
        data-testid="users-table"
      />
      <Modal
        open={open}
        title={t('users.create')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        destroyOnHidden
        forceRender
      >
        <Form<NewUser> form={form} layout="vertical" initialValues={{ scopeLevel: 'DISTRICT', roles: ['DISTRICT_HR'] }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="username" label={t('users.username')} rules={[{ required: true }, { pattern: /^[a-z0-9][a-z0-9._-]{2,59}$/ }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true }, { max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t('users.password')} rules={[{ required: true }, { min: 8 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true }]}>
            <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
          </Form.Item>
          <ScopeFields form={form} levels={['CITY', 'DISTRICT', 'STREET']} />
        </Form>
      </Modal>
    </Card>
  );
}
