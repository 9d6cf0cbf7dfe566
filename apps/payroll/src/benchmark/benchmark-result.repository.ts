/** The only owner of `benchmark_result`: stored benchmark runs, located for scope checks; written, read one by one and listed. */
import { Injectable } from '@nestjs/common';
import type { Scope } from '@cws/kernel';
import { applyScope, keysetPage, type KeysetPage } from '@cws/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { BenchmarkResultEntity, type BenchmarkResultKind } from './benchmark-result.entities';

export type NewBenchmarkResult = Omit<BenchmarkResultEntity, 'id'>;

@Injectable()
export class BenchmarkResultRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A stored run; its id. */
  async insert(m: EntityManager, row: NewBenchmarkResult): Promise<string> {
    const inserted = await m.insert(BenchmarkResultEntity, row);
    return String(inserted.identifiers[0].id);
  }

  /** The run of that kind, or null. */
  findOfKind(id: string, kind: BenchmarkResultKind): Promise<BenchmarkResultEntity | null> {
    return this.dataSource.getRepository(BenchmarkResultEntity).findOneBy({ id, kind });
  }

  /** The stored runs the scope sees (a city-wide one only the city), newest first, by kind and year when given. */
  page(scope: Scope, q: { kind?: BenchmarkResultKind; year?: number; after?: string; limit: number }): Promise<KeysetPage<BenchmarkResultEntity>> {
    const qb = this.dataSource.getRepository(BenchmarkResultEntity).createQueryBuilder('r');
    if (q.kind) qb.andWhere('r.kind = :kind', { kind: q.kind });
    if (q.year) qb.andWhere('r.year = :year', { year: q.year });
    applyScope(qb, scope, { district: 'r.district_code', street: 'r.street_code' });
    return keysetPage(qb, { column: 'r.id', order: 'DESC', keyOf: (r) => r.id, limit: q.limit, after: q.after });
  }
}
