/** The only owner of `budget_stream` SQL: reference data seeded by migration, read by the API and the reports. */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StreamEntity } from './stream.entity';

@Injectable()
export class BudgetStreamRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every stream, in display order. */
  list(): Promise<StreamEntity[]> {
    return this.dataSource.getRepository(StreamEntity).find({ order: { sortOrder: 'ASC' } });
  }
}
