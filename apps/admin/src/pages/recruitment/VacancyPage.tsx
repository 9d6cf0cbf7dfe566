import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useApi } from '../../api/context';
import { useCommunity } from '../../api/org';
import { R, useRanking, type RankedCandidate } from '../../api/recruitment';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { actionsColumn } from '../../layout/columns';
import { DateItem, FormModal, todayIso, useFormDialog, useRequired } from '../../layout/FormModal';
import { PageCard } from '../../layout/PageCard';
import { QueryError } from '../../layout/PageState';
import { filledIn } from '../../lib/filledIn';
import { EducationFields } from '../workers/WorkerFormModals';
import { ObjectionsModal } from './ObjectionsModal';

type Values = Record<string, string | number | undefined>;
const STATUS_COLOR: Record<string, string> = { APPLIED: 'default', SELECTED: 'gold', HIRED: 'green', DISQUALIFIED: 'red' };

/** The hire date offered: the day after the public notice ends, or today once that has passed. */
function firstHireDay(noticeEnd: string | null | undefined): string {
  const today = todayIso();
  const afterNotice = noticeEnd ? dayjs(noticeEnd).add(1, 'day').format('YYYY-MM-DD') : null;
  return afterNotice && afterNotice > today ? afterNotice : today;
}

/**
 * One vacancy: candidates ranked by weighted score, and the steps of a hire — 新增报名, 录入成绩,
 * 选定 (opens the public notice 公示; passing over a higher rank needs a reason), 记录异议 / 处理异议
 * during the notice, and 录用 the day after it ends (the worker and their post are created).
 */
export function VacancyPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const api = useApi();
  const [objectionsOf, setObjectionsOf] = useState<RankedCandidate | null>(null);
  const ranking = useRanking(id);
  const community = useCommunity(ranking.data?.vacancy.communityCode ?? null);
  const done = { invalidate: [['ranking', id], ['vacancies']], success: t('common.saved') };
  // optional fields typed in and cleared are left out, not sent as '' or null (which the API refuses)
  const addCandidate = useFormDialog((v: Values) => api.post(`${R}/vacancies/${id}/candidates`, filledIn(v)), done);
  const scores = useFormDialog((v: Values, c: RankedCandidate) => api.patch(`${R}/candidates/${c.id}/scores`, filledIn(v)), done);
  const select = useFormDialog((v: Values, c: RankedCandidate) => api.post(`${R}/candidates/${c.id}/select`, filledIn(v)), done);
  const objection = useFormDialog((v: Values, c: RankedCandidate) => api.post(`${R}/candidates/${c.id}/objections`, filledIn(v)), done);
  const hire = useFormDialog((v: Values, c: RankedCandidate) => api.post(`${R}/candidates/${c.id}/hire`, filledIn(v)), done);
  const titled = (title: string, c: RankedCandidate | null) => `${title} · ${c?.name ?? ''}`;
  const required = useRequired();
  const score = [{ pattern: /^\d{1,3}(\.\d{1,2})?$/, message: t('recruitment.scoreFormat') }];
  const v = ranking.data?.vacancy;

  const actions = (c: RankedCandidate) => {
    if (c.status === 'APPLIED' && v?.status === 'OPEN')
      return (
        <Space size="small">
          <Button size="small" onClick={() => scores.show(c)} data-testid="candidate-scores">{t('recruitment.enterScores')}</Button>
          <Button size="small" type="primary" onClick={() => select.show(c)} data-testid="candidate-select">{t('recruitment.select')}</Button>
        </Space>
      );
    if (c.status === 'SELECTED')
      return (
        <Space size="small">
          <Button size="small" onClick={() => objection.show(c)} data-testid="candidate-objection">{t('recruitment.recordObjection')}</Button>
          <Button size="small" onClick={() => setObjectionsOf(c)} data-testid="candidate-objections">{t('recruitment.objections')}</Button>
          <Button size="small" type="primary" onClick={() => hire.show(c)} data-testid="candidate-hire">{t('recruitment.hire')}</Button>
        </Space>
      );
    if (c.status === 'HIRED' && c.workerId) return <Link to={`/workers/${c.workerId}`} data-testid="candidate-worker">{t('recruitment.openWorker')}</Link>;
    return null;
  };

  return (
    <PageCard
      title={`${t('recruitment.title')} · ${community.data?.name ?? v?.communityCode ?? ''}`}
      testId="vacancy-page"
      tools={
        v?.status === 'OPEN' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => addCandidate.show()} data-testid="new-candidate">
            {t('recruitment.newCandidate')}
          </Button>
        )
      }
    >
      {ranking.error && <QueryError error={ranking.error} />}
      {v && (
        <Descriptions size="small" bordered column={3} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('recruitment.post')}>{`${t(`org.body.${v.bodyKind}` as MessageKey)} · ${t(`enum.role.${v.role}` as MessageKey)}`}</Descriptions.Item>
          <Descriptions.Item label={t('recruitment.headcount')}>{v.headcount}</Descriptions.Item>
          <Descriptions.Item label={t('recruitment.state')}>{t(`recruitment.status.${v.status}` as MessageKey)}</Descriptions.Item>
          <Descriptions.Item label={t('recruitment.period')}>{`${v.opensOn} ~ ${v.closesOn}`}</Descriptions.Item>
          <Descriptions.Item label={t('recruitment.weight')}>{t('recruitment.weightText', { w: v.writtenWeight })}</Descriptions.Item>
          <Descriptions.Item label={t('recruitment.noticeDays')}>{v.noticeDays}</Descriptions.Item>
        </Descriptions>
      )}
      <Table<RankedCandidate>
        rowKey="id"
        size="middle"
        loading={ranking.isPending}
        dataSource={ranking.data?.candidates ?? []}
        pagination={false}
        data-testid="candidates-table"
        columns={[
          { title: t('recruitment.rank'), dataIndex: 'rank', width: 60 },
          { title: t('workers.name'), dataIndex: 'name' },
          { title: t('workers.residentId'), dataIndex: 'residentIdMasked' },
          { title: t('recruitment.written'), dataIndex: 'written', align: 'right', render: (s: string | null) => s ?? '-' },
          { title: t('recruitment.interview'), dataIndex: 'interview', align: 'right', render: (s: string | null) => s ?? '-' },
          { title: t('recruitment.total'), dataIndex: 'total', align: 'right' },
          { title: t('recruitment.state'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`recruitment.candidate.${s}` as MessageKey)}</Tag> },
          {
            title: t('recruitment.notice'),
            key: 'notice',
            render: (_, c) =>
              c.noticeStart && (
                <Space orientation="vertical" size={0}>
                  <span data-testid="candidate-notice">{`${c.noticeStart} ~ ${c.noticeEnd}`}</span>
                  {c.openObjections > 0 && <Tag color="red">{t('recruitment.openObjections', { n: c.openObjections })}</Tag>}
                  {c.skipReason && <span>{t('recruitment.skipReason')}: {c.skipReason}</span>}
                </Space>
              ),
          },
          actionsColumn<RankedCandidate>(t, actions),
        ]}
      />
      <FormModal {...addCandidate.modal} title={t('recruitment.newCandidate')} initialValues={{ education: 'BACHELOR', politicalStatus: 'NONE' }} testId="candidate-form">
        <Form.Item name="name" label={t('workers.name')} rules={required}><Input id="candidateName" maxLength={60} /></Form.Item>
        <Form.Item name="residentId" label={t('workers.residentId')} rules={required} normalize={(x: string) => x?.trim().toUpperCase()}><Input id="candidateResidentId" maxLength={18} /></Form.Item>
        <Form.Item name="phone" label={t('recruitment.phone')}><Input maxLength={11} /></Form.Item>
        <EducationFields />
      </FormModal>
      <FormModal {...scores.modal} title={titled(t('recruitment.enterScores'), scores.subject)} initialValues={{ written: scores.subject?.written ?? undefined, interview: scores.subject?.interview ?? undefined }} testId="scores-form">
        <Form.Item name="written" label={t('recruitment.written')} rules={score}><Input id="writtenScore" /></Form.Item>
        <Form.Item name="interview" label={t('recruitment.interview')} rules={score}><Input id="interviewScore" /></Form.Item>
      </FormModal>
      <FormModal {...select.modal} title={titled(t('recruitment.select'), select.subject)} initialValues={{ noticeStart: todayIso() }} testId="select-form">
        <Alert type="info" showIcon title={t('recruitment.selectHint', { n: v?.noticeDays ?? 7 })} style={{ marginBottom: 16 }} />
        <DateItem name="noticeStart" label={t('recruitment.noticeStart')} required />
        <Form.Item name="skipReason" label={t('recruitment.skipReason')} extra={t('recruitment.skipHint')}><Input.TextArea id="skipReason" maxLength={300} rows={2} /></Form.Item>
      </FormModal>
      <FormModal {...objection.modal} title={titled(t('recruitment.recordObjection'), objection.subject)} initialValues={{ receivedOn: todayIso() }} testId="objection-form">
        <DateItem name="receivedOn" label={t('recruitment.receivedOn')} required />
        <Form.Item name="summary" label={t('recruitment.objectionSummary')} rules={required}><Input.TextArea maxLength={500} rows={3} /></Form.Item>
      </FormModal>
      <FormModal {...hire.modal} title={titled(t('recruitment.hire'), hire.subject)} initialValues={{ hireDate: firstHireDay(hire.subject?.noticeEnd), priorServiceMonths: 0 }} testId="hire-form">
        <Alert type="info" showIcon title={t('recruitment.hireHint', { end: hire.subject?.noticeEnd ?? '' })} style={{ marginBottom: 16 }} />
        <DateItem name="hireDate" label={t('workers.hireDate')} required />
        <Form.Item name="priorServiceMonths" label={t('recruitment.priorServiceMonths')}><InputNumber min={0} max={600} precision={0} /></Form.Item>
        <Form.Item name="bankAccount" label={t('recruitment.bankAccount')}><Input maxLength={30} /></Form.Item>
      </FormModal>
      <ObjectionsModal candidate={objectionsOf} onClose={() => setObjectionsOf(null)} invalidate={[['ranking', id]]} />
    </PageCard>
  );
}
