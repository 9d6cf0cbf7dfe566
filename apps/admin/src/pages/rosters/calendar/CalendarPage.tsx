import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../api/errors';
import { CALENDAR_LISTS, useHolidayCalendar, useSchedulerSetupWrites, type CalendarBody, type CalendarList, type HolidayCalendarView } from '../../../api/schedulerSetup';
import { useAction } from '../../../api/useAction';
import { useAuth } from '../../../auth/AuthProvider';
import { CALENDAR_WRITE_ROLES } from '../../../auth/access';
import { useI18n, type MessageKey } from '../../../i18n/I18nProvider';
import { actionsColumn } from '../../../layout/columns';
import { DetailTitle } from '../../../layout/DetailTitle';
import { DateItem, FormModal, useFormDialog, useRequired } from '../../../layout/FormModal';
import { QueryError, StaleNotice } from '../../../layout/PageState';
import { dateTime } from '../../../lib/format';
import { NAME_MAX, dateRefusal, draftOf, nameRefusal, withDay, withoutDay } from './calendarRules';

const LIST_COLOR: Record<CalendarList, string> = { holidays: 'red', restDays: 'green', adjustedWorkingDays: 'orange' };

/**
 * 节假日安排: a year's statutory holidays, weekdays given off by 调休 and weekends worked, which the
 * scheduler reads when it plans a month of that year. City administrators edit (the service's
 * CanEditCalendar); everyone else reads.
 */
export function CalendarPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || dayjs().year();
  const calendar = useHolidayCalendar(year);
  const missing = calendar.error instanceof ApiError && calendar.error.status === 404;
  const go = (y: number) => setParams({ year: String(y) });
  return (
    <Card
      data-testid="calendar-page"
      title={
        <DetailTitle back="/rosters">
          <span>{t('calendar.title')}</span>
        </DetailTitle>
      }
      extra={
        <Space>
          <Button icon={<LeftOutlined />} onClick={() => go(year - 1)} aria-label={t('calendar.prevYear')} data-testid="calendar-prev" />
          <Typography.Text strong data-testid="calendar-year">{t('calendar.year', { year })}</Typography.Text>
          <Button icon={<RightOutlined />} onClick={() => go(year + 1)} aria-label={t('calendar.nextYear')} data-testid="calendar-next" />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('calendar.hint')}</Typography.Paragraph>
      {calendar.isPending ? null : calendar.error && !missing ? (
        <QueryError error={calendar.error} />
      ) : (
        // a fresh draft for each year and each answer (after a save the stored arrangement comes back)
        <CalendarEditor key={`${year}-${calendar.dataUpdatedAt}`} year={year} stored={calendar.data?.body} etag={calendar.data?.etag ?? null} onReload={() => void calendar.refetch()} />
      )}
    </Card>
  );
}

/** The year's draft; saved under the ETag it was read with (`etag`, none for a year not on file). */
function CalendarEditor({ year, stored, etag, onReload }: { year: number; stored: HolidayCalendarView | undefined; etag: string | null; onReload: () => void }) {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const canEdit = hasRole(...CALENDAR_WRITE_ROLES);
  const writes = useSchedulerSetupWrites();
  const [draft, setDraft] = useState<CalendarBody>(() => draftOf(stored));
  const [dirty, setDirty] = useState(false);
  const [labelError, setLabelError] = useState(false);
  const change = (next: CalendarBody) => {
    setDraft(next);
    setDirty(true);
  };
  // the answer, with its new ETag, replaces the page's copy (and so this draft)
  const save = useAction(() => writes.putCalendar(year, { ...draft, label: draft.label.trim() }, etag), { success: t('calendar.saved') });
  const submit = () => {
    const label = draft.label.trim();
    setLabelError(!label);
    if (label) save.mutate(undefined);
  };
  const add = useFormDialog(async (v: { date: string; name: string }, list: CalendarList) => change(withDay(draft, list, v)));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <StaleNotice error={save.error} onReload={onReload} testId="calendar-stale" />
      {!stored && <Alert type="info" showIcon title={t('calendar.none', { year })} data-testid="calendar-none" />}
      {stored?.updatedAt && (
        <Typography.Text type="secondary">{t('calendar.updated', { at: dateTime(stored.updatedAt), by: stored.updatedBy })}</Typography.Text>
      )}
      {canEdit ? (
        <Form.Item label={t('calendar.label')} validateStatus={labelError ? 'error' : undefined} help={labelError ? t('common.required') : t('calendar.labelHint')} style={{ marginBottom: 0 }}>
          <Input id="calendarLabel" value={draft.label} maxLength={255} onChange={(e) => change({ ...draft, label: e.target.value })} data-testid="calendar-label" />
        </Form.Item>
      ) : (
        stored && <Typography.Text>{t('calendar.label')}：{stored.label}</Typography.Text>
      )}
      {CALENDAR_LISTS.map((list) => (
        <Card
          key={list}
          size="small"
          data-testid={`calendar-${list}`}
          title={
            <Space>
              <Tag color={LIST_COLOR[list]}>{t(`calendar.list.${list}` as MessageKey)}</Tag>
              <Typography.Text type="secondary">{t('calendar.count', { n: draft[list].length })}</Typography.Text>
            </Space>
          }
          extra={
            canEdit && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => add.show(list)} data-testid={`calendar-add-${list}`}>
                {t('common.add')}
              </Button>
            )
          }
        >
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t(`calendar.listHint.${list}` as MessageKey)}</Typography.Paragraph>
          <Table
            size="small"
            rowKey="date"
            pagination={false}
            dataSource={draft[list]}
            locale={{ emptyText: t('common.none') }}
            columns={[
              { title: t('common.date'), dataIndex: 'date', width: 140 },
              { title: t('calendar.weekday'), key: 'weekday', width: 100, render: (_: unknown, d) => dayjs(d.date).format('ddd') },
              { title: t('calendar.name'), dataIndex: 'name' },
              ...(canEdit
                ? [{
                    ...actionsColumn<{ date: string }>(t, (d) => (
                      <Button size="small" type="link" danger onClick={() => change(withoutDay(draft, list, d.date))} data-testid={`calendar-remove-${d.date}`}>
                        {t('calendar.remove')}
                      </Button>
                    )),
                    width: 100,
                  }]
                : []),
            ]}
          />
        </Card>
      ))}
      {canEdit && (
        <Space>
          <Button type="primary" onClick={submit} disabled={!dirty} loading={save.isPending} data-testid="calendar-save">
            {t('calendar.save')}
          </Button>
          {dirty && <Typography.Text type="warning">{t('calendar.unsaved')}</Typography.Text>}
        </Space>
      )}
      <AddDayDialog dialog={add} year={year} draft={draft} />
    </Space>
  );
}

/** 新增 one day to a list: checked against the year and the other lists as the service checks it. */
function AddDayDialog({ dialog, year, draft }: { dialog: ReturnType<typeof useFormDialog<{ date: string; name: string }, void, CalendarList>>; year: number; draft: CalendarBody }) {
  const { t } = useI18n();
  const required = useRequired();
  const list = dialog.subject;
  if (!list) return null;
  const refused = (reason: string | null) => {
    if (reason) throw new Error(t(`calendar.refused.${reason}` as MessageKey, { year, max: NAME_MAX }));
  };
  return (
    <FormModal {...dialog.modal} title={t('calendar.addTo', { list: t(`calendar.list.${list}` as MessageKey) })} testId="calendar-day-form" okText={t('common.add')}>
      <DateItem name="date" label={t('common.date')} required rules={[{ validator: async (_, v?: string) => v && refused(dateRefusal(year, list, v, draft)) }]} />
      <Form.Item name="name" label={t('calendar.name')} extra={t('calendar.nameHint')} rules={[...required, { validator: async (_, v?: string) => v && refused(nameRefusal(v)) }]}>
        <Input maxLength={NAME_MAX + 10} data-testid="calendar-day-name" />
      </Form.Item>
    </FormModal>
  );
}
