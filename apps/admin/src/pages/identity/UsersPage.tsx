import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select, Tag } from 'antd';
import { ACCOUNT_NAME } from '@cws/workers-contracts';
import { useApi } from '../../api/context';
import { ROLES, type ScopeLevel, type UserRow } from '../../api/types';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { actionsColumn } from '../../layout/columns';
import { FormModal, useFormDialog } from '../../layout/FormModal';
import { dateTime } from '../../lib/format';
import { AccountList } from './AccountList';
import { ScopeFields, useScopeText } from './ScopeFields';
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
  const options = useEnumOptions();
  const scopeText = useScopeText();
  const users = useQuery({ queryKey: ['users'], queryFn: ({ signal }) => api.get<UserRow[]>('/api/workers/v1/users', undefined, signal) });
  const create = useFormDialog((v: NewUser) => api.post<UserRow>('/api/workers/v1/users', v), { invalidate: [['users']], success: t('users.created') });

  return (
    <AccountList<UserRow>
      testId="users"
      title={t('users.title')}
      create={{ label: t('users.create'), testId: 'new-user', onClick: () => create.show() }}
      query={users}
      columns={[
        { title: t('users.username'), dataIndex: 'username' },
        { title: t('users.displayName'), dataIndex: 'displayName' },
        { title: t('users.roles'), dataIndex: 'roles', render: (roles: string[]) => roles.map((r) => <Tag key={r}>{t(`role.${r}` as MessageKey)}</Tag>) },
        {
          title: t('users.scope'),
          key: 'scope',
          render: (_, u) => scopeText(u),
        },
        { title: t('users.active'), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">{t('users.enabledTag')}</Tag> : <Tag color="red">{t('users.disabledTag')}</Tag>) },
        { title: t('users.createdAt'), dataIndex: 'createdAt', render: (v: string) => dateTime(v) },
        actionsColumn<UserRow>(t, (u) => <UserActions user={u} />),
      ]}
    >
      <FormModal {...create.modal} title={t('users.create')} initialValues={{ scopeLevel: 'DISTRICT', roles: ['DISTRICT_HR'] }} testId="user-form">
        <Form.Item name="username" label={t('users.username')} rules={[{ required: true }, { pattern: ACCOUNT_NAME }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label={t('users.password')} rules={[{ required: true }, { min: 8 }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true }]}>
          <Select mode="multiple" options={options(ROLES, 'role')} />
        </Form.Item>
        <ScopeFields form={create.form} levels={['CITY', 'DISTRICT', 'STREET']} />
      </FormModal>
    </AccountList>
  );
}
