import type { OneShoulderReport } from '@cws/workers-contracts';
import { Col, DatePicker, Row, Space, Statistic, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useElections, useOneShoulder } from '../../api/elections';
import { useDistricts, useStreets } from '../../api/org';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../../layout/FormModal';
import { PlaceFilter } from '../../layout/PlaceFilter';
import { QueryTable } from '../../layout/QueryTable';
import { ratePercent } from '../../lib/format';

type Item = OneShoulderReport['items'][number];

/**
 * 一肩挑 by election records on a date, for the caller's scope or a district / street of it. The report
 * carries worker ids only: names come from the winners of the elections listed (`#id` otherwise).
 */
export function OneShoulderTab({ communityName }: { communityName: (code: string) => string }) {
  const { t } = useI18n();
  const { me } = useAuth();
  // every election in scope, unfiltered (the list's own query while the list is unfiltered): the winners name the workers
  const all = useElections({});
  const workerName = useMemo(() => {
    const names = new Map((all.data ?? []).flatMap((e) => e.results.map((r) => [r.workerId, r.workerName] as const)));
    return (id: number) => names.get(id) ?? `#${id}`;
  }, [all.data]);
  const [date, setDate] = useState(todayIso());
  const [district, setDistrict] = useState<string>();
  const [street, setStreet] = useState<string>();
  const [only, setOnly] = useState(false);
  const city = me?.scope.level === 'CITY';
  const districts = useDistricts();
  const streets = useStreets(district ?? me?.scope.district, me?.scope.level !== 'STREET');
  const report = useOneShoulder({ date, district, street });
  const r = report.data;
  const worker = (id: number | null) => (id === null ? '—' : <Link to={`/workers/${id}`}>{workerName(id)}</Link>);
  return (
    <div data-testid="one-shoulder">
      <Typography.Paragraph type="secondary">{t('oneShoulder.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker value={dayjs(date)} allowClear={false} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} aria-label={t('oneShoulder.date')} />
        {city && <PlaceFilter level="district" places={districts.data} width={160} value={district} onChange={(v) => { setDistrict(v); setStreet(undefined); }} />}
        {me?.scope.level !== 'STREET' && (
          <PlaceFilter level="street" places={streets.data} width={180} value={street} disabled={city && !district} onChange={setStreet} />
        )}
        <Space>
          <Switch checked={only} onChange={setOnly} data-testid="one-shoulder-only" />
          {t('oneShoulder.onlyOneShoulder')}
        </Space>
      </Space>
      {r && (
        <Row gutter={16} style={{ marginBottom: 16 }} data-testid="one-shoulder-stats">
          <Col><Statistic title={t('oneShoulder.communities')} value={r.communities} /></Col>
          <Col><Statistic title={t('oneShoulder.withSecretary')} value={r.withElectedSecretary} /></Col>
          <Col><Statistic title={t('oneShoulder.withDirector')} value={r.withElectedDirector} /></Col>
          <Col><Statistic title={t('oneShoulder.count')} value={r.oneShoulder} /></Col>
          <Col><Statistic title={t('oneShoulder.rate')} value={ratePercent(r.rate)} data-testid="one-shoulder-rate" /></Col>
        </Row>
      )}
      <QueryTable<Item>
        query={report}
        rows={r?.items.filter((i) => !only || i.oneShoulder)}
        rowKey="communityCode"
        data-testid="one-shoulder-table"
        columns={[
          { title: t('elections.community'), dataIndex: 'communityCode', render: (c: string) => communityName(c) },
          { title: t('oneShoulder.secretary'), dataIndex: 'secretaryWorkerId', render: worker },
          { title: t('oneShoulder.director'), dataIndex: 'directorWorkerId', render: worker },
          { title: t('oneShoulder.yes'), dataIndex: 'oneShoulder', render: (y: boolean) => (y ? <Tag color="green">{t('oneShoulder.yes')}</Tag> : t('oneShoulder.no')) },
        ]}
      />
    </div>
  );
}
