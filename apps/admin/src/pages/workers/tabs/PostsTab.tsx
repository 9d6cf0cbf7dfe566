import { BODY_KINDS, isElectedPost, OBTAINED_BY, ROLES_BY_BODY, type BodyKind } from '@cws/workers-contracts';
import { wasHeld } from '@cws/workers-core';
import { Button, Empty, Form, Input, Select, Space, Switch, Tag, Timeline, Typography } from 'antd';
import type { PostRow, WorkerDetail } from '../../../api/types';
import { useWorkerWrites } from '../../../api/workers';
import { useI18n, type MessageKey } from '../../../i18n/I18nProvider';
import { useEnumOptions } from '../../../i18n/useEnumOptions';
import { DateItem, EnumItem, FormModal, todayIso, useFormDialog, useRequired } from '../../../layout/FormModal';
import { useEditable } from '../openToEdits';

type Values = Record<string, string | boolean | undefined>;

/** Held today or later; a voided post (its election withdrawn: it ends the day before it starts) never is. */
const isOpen = (p: PostRow, today: string) => wasHeld(p) && (!p.to || p.to >= today);

/** 任职: posts and cross-appointments as a timeline, newest first; add a post, end an open one. A voided post shows 已撤销 and its start, no range. */
export function PostsTab({ worker }: { worker: WorkerDetail }) {
  const { t } = useI18n();
  const writes = useWorkerWrites();
  const options = useEnumOptions();
  const invalidate = [['workers'], ['worker', String(worker.id)]];
  const add = useFormDialog(
    (v: Values) =>
      writes.addPost({
        workerId: worker.id,
        communityCode: worker.communityCode,
        bodyKind: v.bodyKind,
        role: v.role,
        obtainedBy: v.obtainedBy,
        from: v.from,
        ...(v.to ? { to: v.to } : {}),
        primary: !!v.primary,
      }),
    { invalidate, success: t('common.saved') },
  );
  const end = useFormDialog((v: Values, post: PostRow) => writes.endPost(post.id, { to: String(v.to), reason: String(v.reason) }), { invalidate, success: t('common.saved') });
  const bodyKind = Form.useWatch('bodyKind', add.form) as BodyKind | undefined;

  const today = todayIso();
  const posts = worker.appointments ?? [];
  const openBodies = new Set(posts.filter((p) => isOpen(p, today)).map((p) => p.bodyKind));
  const writable = useEditable(worker);
  const required = useRequired();

  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        {writable && (
          <Button type="primary" onClick={() => add.show()} data-testid="add-post">
            {t('workers.addPost')}
          </Button>
        )}
        {openBodies.size >= 2 && <Tag color="purple" data-testid="cross-appointed">{t('workers.crossAppointment')}</Tag>}
      </Space>
      {posts.length === 0 ? (
        <Empty description={t('workers.noPosts')} />
      ) : (
        <Timeline
          data-testid="posts"
          items={posts.map((p) => ({
            color: isOpen(p, today) ? 'green' : wasHeld(p) ? 'gray' : 'red',
            content: (
              <div data-testid={`post-${p.id}`}>
                <Space wrap>
                  <Typography.Text strong>
                    {t(`org.body.${p.bodyKind}` as MessageKey)} · {t(`enum.role.${p.role}` as MessageKey)}
                  </Typography.Text>
                  {p.isPrimary && <Tag color="blue">{t('workers.primary')}</Tag>}
                  <Tag>{t(`enum.post.${p.band}` as MessageKey)}</Tag>
                  <Typography.Text type="secondary">{t(`enum.obtainedBy.${p.obtainedBy}` as MessageKey)}</Typography.Text>
                  {!wasHeld(p) && (
                    <Tag color="red" title={t('workers.postVoidedHint')} data-testid={`post-voided-${p.id}`}>
                      {t('workers.postVoided')}
                    </Tag>
                  )}
                </Space>
                <div>
                  {wasHeld(p) ? `${p.from} — ${p.to ?? t('common.ongoing')}` : p.from}
                  {p.endReason && (
                    <Typography.Text type="secondary">
                      {' '}
                      · {t('workers.endReason')}：{p.endReason === 'WORKER_LEFT' ? t('enum.endReason.WORKER_LEFT') : p.endReason}
                    </Typography.Text>
                  )}
                  {writable && isOpen(p, today) && (
                    <Button size="small" type="link" onClick={() => end.show(p)} data-testid={`end-post-${p.id}`}>
                      {t('workers.endPost')}
                    </Button>
                  )}
                </div>
              </div>
            ),
          }))}
        />
      )}
      <FormModal
        {...add.modal}
        title={t('workers.addPost')}
        initialValues={{ obtainedBy: 'APPOINTMENT', from: today, primary: posts.every((p) => !p.isPrimary || !isOpen(p, today)) }}
        testId="post-form"
      >
        <Form.Item name="bodyKind" label={t('workers.body')} rules={required}>
          <Select
            options={options(BODY_KINDS, 'org.body')}
            onChange={(next: BodyKind) => {
              add.form.setFieldValue('role', undefined);
              if (isElectedPost(next) && add.form.getFieldValue('obtainedBy') === 'RECRUITMENT') add.form.setFieldValue('obtainedBy', 'APPOINTMENT');
            }}
          />
        </Form.Item>
        <Form.Item name="role" label={t('workers.role')} rules={required}>
          <Select disabled={!bodyKind} options={options(bodyKind ? ROLES_BY_BODY[bodyKind] : [], 'enum.role')} />
        </Form.Item>
        {/* the party organisation and the residents' committee are elected bodies: their posts are not recruited to */}
        <EnumItem name="obtainedBy" label={t('workers.obtainedBy')} values={bodyKind && isElectedPost(bodyKind) ? OBTAINED_BY.filter((o) => o !== 'RECRUITMENT') : OBTAINED_BY} prefix="enum.obtainedBy" />
        <DateItem name="from" label={t('common.from')} required />
        <DateItem name="to" label={t('common.to')} />
        <Form.Item name="primary" label={t('workers.primary')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
      <FormModal {...end.modal} title={t('workers.endPost')} initialValues={{ to: today }} testId="end-post-form">
        <DateItem name="to" label={t('common.to')} required />
        <Form.Item name="reason" label={t('common.reason')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </>
  );
}
