import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A migration that is a list of statements and the list that undoes it, each run in order. Most small
 * migrations are just that: TypeORM's up/down skeleton is written here once, and a migration file holds
 * its SQL and why. TypeORM records a migration by its `name`, so moving an applied one onto this base
 * changes nothing for a database that ran it, as long as the statements stay the same.
 */
export abstract class SqlMigration implements MigrationInterface {
  abstract readonly name: string;
  protected abstract readonly statements: readonly string[];
  protected abstract readonly undo: readonly string[];

  async up(qr: QueryRunner): Promise<void> {
    for (const sql of this.statements) await qr.query(sql);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const sql of this.undo) await qr.query(sql);
  }
}
