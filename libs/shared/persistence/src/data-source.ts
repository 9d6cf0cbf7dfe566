/**
 * TypeORM over mysql2 for one service schema. Entities and migrations are passed as classes
 * (globs break under bundling); `synchronize` is never on.
 */
import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';

export interface DatabaseTarget {
  mysqlUrl: string;
  database: string;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = MixedList<Function | string | EntitySchema>;

export function mysqlConnectionOptions(mysqlUrl: string) {
  const u = new URL(mysqlUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password || ''),
  };
}

export function dataSourceOptions(target: DatabaseTarget, entities: ClassList, migrations: ClassList): DataSourceOptions {
  const { host, port, user, password } = mysqlConnectionOptions(target.mysqlUrl);
  return {
    type: 'mysql',
    host,
    port,
    username: user,
    password,
    database: target.database,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: ['DATE'],
    // trace: mysql2 captures a stack trace on every query to lengthen its errors' stacks; TypeORM
    // wraps them in QueryFailedError with the SQL anyway, and the capture is paid on every read.
    extra: { connectionLimit: 20, decimalNumbers: false, trace: false },
    // Failed queries surface as errors where they matter; expected ones (duplicate keys) are not noise.
    logging: false,
  } as DataSourceOptions;
}

const SCHEMA_NAME = /^[A-Za-z0-9_]{1,64}$/;

/** Creates the schema if it does not exist (the service's own, or a test's throwaway one). */
export async function ensureDatabase(target: DatabaseTarget): Promise<void> {
  if (!SCHEMA_NAME.test(target.database)) throw new Error(`unsafe schema name "${target.database}"`);
  const conn = await createConnection(mysqlConnectionOptions(target.mysqlUrl));
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

export async function dropDatabase(target: DatabaseTarget): Promise<void> {
  if (!SCHEMA_NAME.test(target.database)) throw new Error(`unsafe schema name "${target.database}"`);
  const conn = await createConnection(mysqlConnectionOptions(target.mysqlUrl));
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
  } finally {
    await conn.end();
  }
}

/** Runs pending migrations on a fresh, short-lived data source; returns their names. */
export async function migrate(target: DatabaseTarget, entities: ClassList, migrations: ClassList): Promise<string[]> {
  await ensureDatabase(target);
  const ds = new DataSource(dataSourceOptions(target, entities, migrations));
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
