import { CITY_SCOPE } from '@cws/kernel';
import { gramOf, WorkerNameGramRepository } from './worker-name-gram.repository';

describe('worker name grams', () => {
  it('looks a search up by its one character or its first two, counting code points (a rare CJK character is one)', () => {
    expect(gramOf('张')).toBe('张');
    expect(gramOf('欧阳娜娜')).toBe('欧阳');
    expect(gramOf('𠀋娜')).toBe('𠀋娜');
    expect(gramOf('')).toBeNull();
  });

  it('drives the condition from the gram and keeps LIKE, with wildcards escaped, for the whole text', () => {
    expect(WorkerNameGramRepository.containsCondition('w', '10%_', CITY_SCOPE)).toEqual({
      sql: 'w.id IN (SELECT g.worker_id FROM worker_name_gram g WHERE g.gram = :nameGram) AND w.name LIKE :nameLike',
      params: { nameGram: '10', nameLike: '%10\\%\\_%' },
    });
    expect(WorkerNameGramRepository.containsCondition('w', '', CITY_SCOPE)).toEqual({ sql: 'w.name LIKE :nameLike', params: { nameLike: '%%' } });
  });

  it('reads only the gram rows of the narrowest place: a street (scope or filter), else a district (scope or filter)', () => {
    const gramSql = (place: string) => `w.id IN (SELECT g.worker_id FROM worker_name_gram g WHERE g.gram = :nameGram${place}) AND w.name LIKE :nameLike`;
    const district = { level: 'DISTRICT', district: '330106' } as const;
    const street = { level: 'STREET', district: '330106', street: '330106010' } as const;
    expect(WorkerNameGramRepository.containsCondition('w', '王', district)).toEqual({
      sql: gramSql(' AND g.district_code = :nameDistrict'), params: { nameGram: '王', nameLike: '%王%', nameDistrict: '330106' },
    });
    expect(WorkerNameGramRepository.containsCondition('w', '王', street)).toEqual({
      sql: gramSql(' AND g.street_code = :nameStreet'), params: { nameGram: '王', nameLike: '%王%', nameStreet: '330106010' },
    });
    expect(WorkerNameGramRepository.containsCondition('w', '王', CITY_SCOPE, { district: '330102' }).params).toEqual({ nameGram: '王', nameLike: '%王%', nameDistrict: '330102' });
    expect(WorkerNameGramRepository.containsCondition('w', '王', district, { street: '330106018' }).params).toEqual({ nameGram: '王', nameLike: '%王%', nameStreet: '330106018' });
    expect(WorkerNameGramRepository.containsCondition('w', '王', CITY_SCOPE).sql).toBe(gramSql(''));
  });
});
