import { Select } from 'antd';
import { useRef, useState } from 'react';
import { useCommunityWorkers } from '../../api/elections';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * One active worker of a community, found by the register's own name search (`GET /workers?q=`), so a
 * community of any size works. Names seen stay known, so the chosen one keeps its label while searching.
 */
export function WorkerSelect({ community, ...props }: { community: string | undefined; value?: number; onChange?: (v: number) => void; id?: string; style?: React.CSSProperties }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const workers = useCommunityWorkers(community, q);
  const names = useRef(new Map<number, string>());
  for (const w of workers.data?.items ?? []) names.current.set(w.id, w.name);
  const shown = new Set(workers.data?.items.map((w) => w.id) ?? []);
  if (props.value !== undefined) shown.add(props.value);
  return (
    <Select
      {...props}
      showSearch={{ filterOption: false, onSearch: setQ }}
      disabled={!community}
      placeholder={community ? t('elections.workerSearch') : t('elections.pickCommunityFirst')}
      loading={workers.isFetching}
      options={[...shown].map((id) => ({ value: id, label: names.current.get(id) ?? `#${id}` }))}
    />
  );
}
