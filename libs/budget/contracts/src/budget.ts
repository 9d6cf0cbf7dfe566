/** Codes and shapes of the budget service that other projects (payroll, workers, admin UI) may use. */

/** The four community funding streams plus the community-worker training fund. Names live in the stream table. */
export const FUNDING_STREAMS = ['PARTY_BUILDING', 'RESIDENTS_COMMITTEE', 'SERVICE_STATION', 'CO_BUILDING', 'TRAINING'] as const;
export type FundingStream = (typeof FUNDING_STREAMS)[number];

/** Where a commitment or expenditure came from. */
export const POSTING_SOURCES = ['PAYROLL', 'TRAINING', 'MANUAL', 'FINANCE_API'] as const;
export type PostingSource = (typeof POSTING_SOURCES)[number];

/** 'CITY' or a six-digit district code (the district's own budget). */
export type Funder = string;
export const CITY_FUNDER = 'CITY';
export const FUNDER_PATTERN = /^(CITY|\d{6})$/;

/** The filters every budget list and sum takes as query parameters (PlaceFilterDto): year, funder, stream and place. */
export interface BudgetPlaceFilter {
  fiscalYear?: number;
  funder?: string;
  stream?: string;
  district?: string;
  street?: string;
  community?: string;
}

/**
 * A source-reference prefix as the ledger and postings lists take it (`sourceRefPrefix`): 1–100 of
 * A–Z a–z 0–9 _ - : . — no LIKE wildcard but `_`, which the service matches literally.
 */
export const SOURCE_REF_PREFIX_PATTERN = /^[A-Za-z0-9_\-:.]{1,100}$/;

export const LEDGER_ENTRY_TYPES = [
  'APPROPRIATION', 'ALLOCATION', 'COMMITMENT', 'EXPENDITURE', 'REVERSAL', 'TRANSFER_OUT', 'TRANSFER_IN', 'REFUND',
] as const;
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number];

// The response shapes (LedgerEntryView, BalanceView, …) are contracts in responses.ts.
