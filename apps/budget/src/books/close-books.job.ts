import { Injectable } from '@nestjs/common';
import { defineJob } from '@cws/kernel';
import { JobHandler, jobSchedule } from '@cws/messaging';
import type { ServiceConfig } from '@cws/platform';
import { BUDGET_MAINTENANCE_QUEUE } from '../idempotency/idempotency-prune.job';
import { CLOSE_BOOKS_BATCH } from '@cws/budget-contracts';
import { BooksService } from './books.service';

/** Closes the books through yesterday (`through` to close through another day that is over). */
export const CloseBooksJob = defineJob<{ through?: string }>(BUDGET_MAINTENANCE_QUEUE, 'close-books');

/** Nightly, cron from config (BUDGET_CLOSE_BOOKS_CRON, default 01:00 Asia/Shanghai); one run per night for all budget processes. */
export const closeBooksSchedule = (config: ServiceConfig) =>
  jobSchedule(CloseBooksJob, 'nightly-close-books', { pattern: config.budgetCloseBooksCron, tz: 'Asia/Shanghai' }, {}, {
    attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 },
  });

/** The nightly batch's "close the books" (PRODUCT.md): a retry or a second process closes nothing twice (the day is the key). */
@Injectable()
export class CloseBooksHandler {
  constructor(private readonly books: BooksService) {}

  @JobHandler(CloseBooksJob)
  async handle(p: { through?: string }): Promise<{ closed: string[] }> {
    const closes = await this.books.closeThrough(p.through, CLOSE_BOOKS_BATCH);
    return { closed: closes.map((c) => c.day) };
  }
}
