/** The only owner of `benchmark_result` writes and single-row reads: stored benchmark runs, located for scope checks. */
import { Injectable } from '@nestjs/common';
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
}
