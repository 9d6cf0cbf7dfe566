import { MoreOutlined } from '@ant-design/icons';
import { districtOf, streetOf } from '@cws/kernel';
import { Dropdown, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/context';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { FormModal, useRequired } from '../../layout/FormModal';

const W = '/api/workers/v1';
export type Level = 'district' | 'street' | 'community';
const PLURAL: Record<Level, string> = { district: 'districts', street: 'streets', community: 'communities' };
const CHILD: Record<Level, Level | null> = { district: 'street', street: 'community', community: null };
const CODE_DIGITS: Record<Level, number> = { district: 6, street: 9, community: 12 };

export interface OrgTarget {
  level: Level;
  code: string;
  name: string;
  active: boolean;
}

type Dialog = null | { kind: 'add'; parent: OrgTarget | null; level: Level } | { kind: 'rename'; target: OrgTarget };

/**
 * The org edits the API allows: add (a district under the city, a street under a district, a
 * community under a street), rename (with the record's version: a concurrent change answers
 * STALE_VERSION), deactivate / reactivate. `onChanged(parentCode)` reloads that level.
 */
export function useOrgEdits(onChanged: (level: Level, parentCode: string | null) => void) {
  const { t } = useI18n();
  const api = useApi();
  const required = useRequired();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ code: string; name: string }>();
  const close = () => setDialog(null);

  const add = useAction(
    ({ level, code, name }: { level: Level; code: string; name: string; parentCode: string | null }) => api.post(`${W}/${PLURAL[level]}`, { code, name }),
    { form, success: t('common.saved'), onDone: (_r, v) => { onChanged(v.level, v.parentCode); close(); } },
  );
  const rename = useAction(
    async ({ target, name }: { target: OrgTarget; name: string; parentCode: string | null }) => {
      const current = await api.get<{ version: number }>(`${W}/${PLURAL[target.level]}/${target.code}`);
      return api.patch(`${W}/${PLURAL[target.level]}/${target.code}`, { version: current.version, name });
    },
    { form, success: t('common.saved'), onDone: (_r, v) => { onChanged(v.target.level, v.parentCode); close(); } },
  );
  const toggle = useAction(
    ({ target }: { target: OrgTarget; parentCode: string | null }) => api.post(`${W}/${PLURAL[target.level]}/${target.code}/${target.active ? 'deactivate' : 'reactivate'}`),
    { success: t('common.saved'), onDone: (_r, v) => onChanged(v.target.level, v.parentCode) },
  );

  const parentOf = (target: OrgTarget) => (target.level === 'district' ? null : target.level === 'street' ? districtOf(target.code) : streetOf(target.code));

  /** The "⋯" menu of a node: add a child, rename, deactivate or reactivate. */
  const menu = (target: OrgTarget, may: { add: boolean; edit: boolean }) => {
    const child = CHILD[target.level];
    const items = [
      ...(may.add && child && target.active ? [{ key: 'add', label: t(`org.add.${child}`) }] : []),
      ...(may.edit ? [{ key: 'rename', label: t('org.rename') }] : []),
      ...(may.edit ? [{ key: 'toggle', label: target.active ? t('org.deactivate') : t('org.reactivate'), danger: target.active }] : []),
    ];
    if (!items.length) return null;
    return (
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          onClick: ({ key, domEvent }) => {
            domEvent.stopPropagation();
            if (key === 'add' && child) setDialog({ kind: 'add', parent: target, level: child });
            if (key === 'rename') setDialog({ kind: 'rename', target });
            if (key === 'toggle') {
              Modal.confirm({
                title: target.active ? t('org.deactivateConfirm', { name: target.name }) : t('org.reactivateConfirm', { name: target.name }),
                okText: t('common.confirm'),
                cancelText: t('common.cancel'),
                onOk: () => toggle.mutateAsync({ target, parentCode: parentOf(target) }).catch(() => undefined),
              });
            }
          },
        }}
      >
        <MoreOutlined onClick={(e) => e.stopPropagation()} style={{ marginLeft: 8 }} data-testid={`org-actions-${target.code}`} />
      </Dropdown>
    );
  };

  const addDistrict = () => setDialog({ kind: 'add', parent: null, level: 'district' });

  const dialogs = (
    <>
      <FormModal
        open={dialog?.kind === 'add'}
        title={dialog?.kind === 'add' ? `${t(`org.add.${dialog.level}`)}${dialog.parent ? ` · ${dialog.parent.name}` : ''}` : ''}
        form={form}
        onSubmit={(v) => dialog?.kind === 'add' && add.mutate({ level: dialog.level, code: v.code, name: v.name, parentCode: dialog.parent?.code ?? null })}
        onClose={close}
        pending={add.isPending}
        initialValues={dialog?.kind === 'add' && dialog.parent ? { code: dialog.parent.code } : {}}
        testId="org-add-form"
      >
        <Form.Item
          name="code"
          label={t('org.code')}
          extra={dialog?.kind === 'add' ? t('org.codeHint', { n: CODE_DIGITS[dialog.level] }) : undefined}
          rules={[{ required: true, pattern: dialog?.kind === 'add' ? new RegExp(`^\\d{${CODE_DIGITS[dialog.level]}}$`) : undefined, message: dialog?.kind === 'add' ? t('org.codeHint', { n: CODE_DIGITS[dialog.level] }) : '' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="name" label={t('org.name')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={dialog?.kind === 'rename'}
        title={t('org.rename')}
        form={form}
        onSubmit={(v) => dialog?.kind === 'rename' && rename.mutate({ target: dialog.target, name: v.name, parentCode: parentOf(dialog.target) })}
        onClose={close}
        pending={rename.isPending}
        initialValues={dialog?.kind === 'rename' ? { name: dialog.target.name } : {}}
        testId="org-rename-form"
      >
        <Form.Item name="name" label={t('org.name')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
      </FormModal>
    </>
  );
  return { menu, addDistrict, dialogs };
}
