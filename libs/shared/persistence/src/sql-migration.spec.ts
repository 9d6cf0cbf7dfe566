import type { QueryRunner } from 'typeorm';
import { SqlMigration } from './sql-migration';

class TwoSteps extends SqlMigration {
  name = 'TwoSteps1';
  protected statements = ['ALTER TABLE t ADD COLUMN a INT NULL', 'UPDATE t SET a = 1'];
  protected undo = ['ALTER TABLE t DROP COLUMN a'];
}

/** A query runner that records what it is asked, and fails on a statement naming `fail` (as a database would). */
function recording(fail?: string) {
  const ran: string[] = [];
  const qr = { query: async (sql: string) => { if (fail && sql.includes(fail)) throw new Error(`refused: ${sql}`); ran.push(sql); } } as unknown as QueryRunner;
  return { qr, ran };
}

describe('SqlMigration', () => {
  it('up runs the statements in order, down the undo list in order', async () => {
    const up = recording();
    await new TwoSteps().up(up.qr);
    expect(up.ran).toEqual(['ALTER TABLE t ADD COLUMN a INT NULL', 'UPDATE t SET a = 1']);
    const down = recording();
    await new TwoSteps().down(down.qr);
    expect(down.ran).toEqual(['ALTER TABLE t DROP COLUMN a']);
  });

  it('stops at the first statement the database refuses, and the error reaches TypeORM (which rolls the migration back)', async () => {
    const { qr, ran } = recording('ADD COLUMN');
    await expect(new TwoSteps().up(qr)).rejects.toThrow('refused: ALTER TABLE t ADD COLUMN a INT NULL');
    expect(ran).toEqual([]);
  });
});
