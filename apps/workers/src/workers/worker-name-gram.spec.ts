import { gramOf, WorkerNameGramRepository } from './worker-name-gram.repository';

describe('worker name grams', () => {
  it('looks a search up by its one character or its first two, counting code points (a rare CJK character is one)', () => {
    expect(gramOf('张')).toBe('张');
    expect(gramOf('欧阳娜娜')).toBe('欧阳');
    expect(gramOf('𠀋娜')).toBe('𠀋娜');
    expect(gramOf('')).toBeNull();
  });

  it('drives the condition from the gram and keeps LIKE, with wildcards escaped, for the whole text', () => {
    expect(WorkerNameGramRepository.containsCondition('w', '10%_')).toEqual({
      sql: 'w.id IN (SELECT g.worker_id FROM worker_name_gram g WHERE g.gram = :nameGram) AND w.name LIKE :nameLike',
      params: { nameGram: '10', nameLike: '%10\\%\\_%' },
    });
    expect(WorkerNameGramRepository.containsCondition('w', '')).toEqual({ sql: 'w.name LIKE :nameLike', params: { nameLike: '%%' } });
  });
});
