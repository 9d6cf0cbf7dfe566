/**
 * Elections of the party organisation and the residents' committee: the term they open and the vote
 * checks of the Organic Law (an election is valid when more than half of those entitled vote; a
 * winner needs more than half of the votes cast).
 */
import { addDays, conflict, validationError } from '@cws/kernel';
import { addMonths } from './dates';
import { METHODS_BY_BODY, type BodyKind, type ElectionMethod } from './vocabulary';

/** Throws a validation error on `method` when the body is not elected that way. */
export function assertMethod(bodyKind: BodyKind, method: ElectionMethod): void {
  const methods: readonly ElectionMethod[] = (METHODS_BY_BODY as Partial<Record<BodyKind, readonly ElectionMethod[]>>)[bodyKind] ?? [];
  if (!methods.includes(method)) throw validationError('ELECTION_METHOD_NOT_ALLOWED', 'method', `the ${bodyKind} body is elected by ${methods.join(' or ')}`);
}

/** Last day of a term of `years` starting on `start` (a 5-year term from 2026-03-01 ends 2031-02-28). */
export function termEnd(start: string, years: number): string {
  return addDays(addMonths(start, years * 12), -1);
}

export interface VoteCount {
  eligibleVoters: number;
  votesCast: number;
  results: Array<{ votes: number }>;
}

/** Throws a validation error naming the field when the counts are impossible or the election fails. */
export function assertVotes(v: VoteCount): void {
  if (v.votesCast > v.eligibleVoters) throw validationError('VOTES_EXCEED_VOTERS', 'votesCast', 'cannot exceed eligibleVoters');
  if (v.votesCast * 2 <= v.eligibleVoters) {
    throw validationError('ELECTION_TURNOUT_TOO_LOW', 'votesCast', 'an election is valid only when more than half of the eligible voters vote');
  }
  v.results.forEach((r, i) => {
    if (r.votes > v.votesCast) throw validationError('VOTES_EXCEED_BALLOTS', `results[${i}].votes`, 'cannot exceed votesCast');
    if (r.votes * 2 <= v.votesCast) throw validationError('ELECTED_WITHOUT_MAJORITY', `results[${i}].votes`, 'a winner needs more than half of the votes cast');
  });
}

/** What an election record says beside who it elected: the facts a correction may change (null = not recorded). */
export interface ElectionFacts {
  method: ElectionMethod | null;
  eligibleVoters: number | null;
  votesCast: number | null;
  note: string | null;
  results: Array<{ workerId: number; votes: number | null }>;
}

/** A correction (更正) of those facts: only the fields given change; `results` name winners of the election by worker. */
export interface ElectionCorrection {
  method?: ElectionMethod;
  eligibleVoters?: number;
  votesCast?: number;
  note?: string | null;
  results?: Array<{ workerId: number; votes: number }>;
}

/**
 * The facts after a correction, checked as a new election is: the method allowed for the body, and —
 * once any count is corrected — every count known (a back-filled record is completed at once, not in
 * halves) and the Organic Law's majorities. Who was elected, to what and for which term is not a
 * correction: those made the posts. Throws a validation error naming the field at fault.
 */
export function correctElection(bodyKind: BodyKind, current: ElectionFacts, c: ElectionCorrection): ElectionFacts {
  if (Object.values(c).every((v) => v === undefined)) throw validationError('NOTHING_TO_CORRECT', 'body', 'give at least one of method, eligibleVoters, votesCast, note, results');
  if (c.method !== undefined) assertMethod(bodyKind, c.method);
  const votes = new Map(current.results.map((r) => [r.workerId, r.votes]));
  const seen = new Set<number>();
  (c.results ?? []).forEach((r, i) => {
    if (!votes.has(r.workerId)) throw validationError('RESULT_NOT_IN_ELECTION', `results[${i}].workerId`, `worker ${r.workerId} was not elected in this election`);
    if (seen.has(r.workerId)) throw validationError('DUPLICATE_RESULT', `results[${i}].workerId`, 'each winner once');
    seen.add(r.workerId);
    votes.set(r.workerId, r.votes);
  });
  const next: ElectionFacts = {
    method: c.method ?? current.method,
    eligibleVoters: c.eligibleVoters ?? current.eligibleVoters,
    votesCast: c.votesCast ?? current.votesCast,
    note: c.note === undefined ? current.note : c.note,
    results: current.results.map((r) => ({ workerId: r.workerId, votes: votes.get(r.workerId)! })),
  };
  if (c.eligibleVoters !== undefined || c.votesCast !== undefined || c.results !== undefined) {
    if (next.eligibleVoters === null) throw validationError('VOTES_INCOMPLETE', 'eligibleVoters', 'not on record: give it with the other counts');
    if (next.votesCast === null) throw validationError('VOTES_INCOMPLETE', 'votesCast', 'not on record: give it with the other counts');
    const missing = next.results.findIndex((r) => r.votes === null);
    if (missing >= 0) throw validationError('VOTES_INCOMPLETE', 'results', `the votes of worker ${next.results[missing].workerId} are not on record: give every winner's votes`);
    assertVotes({ eligibleVoters: next.eligibleVoters, votesCast: next.votesCast, results: [] });
    // each winner's majority, named where the correction gave that winner's votes (else by worker, as on record)
    const given = new Map((c.results ?? []).map((r, i) => [r.workerId, i]));
    for (const r of next.results) {
      const at = given.get(r.workerId);
      const path = at === undefined ? 'votesCast' : `results[${at}].votes`;
      if (r.votes! > next.votesCast) throw validationError('VOTES_EXCEED_BALLOTS', path, `worker ${r.workerId}'s ${r.votes} votes exceed the ${next.votesCast} cast`);
      if (r.votes! * 2 <= next.votesCast) throw validationError('ELECTED_WITHOUT_MAJORITY', path, `worker ${r.workerId}'s ${r.votes} votes are not more than half of the ${next.votesCast} cast`);
    }
  }
  return next;
}

/**
 * 撤销 (withdrawal of an election recorded in error): the posts it made are voided — kept, never deleted,
 * but ended the day before they started, so they were never in force on any day — and the posts its
 * re-election ended run again as before. A voided post is the one shape of post whose end is before its start.
 */
export const voidedEnd = (from: string): string => addDays(from, -1);

/** Whether a post was in force on at least one day (not voided by a withdrawn election). */
export const wasHeld = (post: { from: string; to: string | null }): boolean => post.to === null || post.to >= post.from;

/**
 * A withdrawn election is history, kept as it was when withdrawn: it is neither withdrawn again nor corrected
 * (a correction would change what the withdrawal voided). 409 ELECTION_WITHDRAWN.
 */
export function assertNotWithdrawn(electionId: number, withdrawnAt: string | null): void {
  if (withdrawnAt !== null) throw conflict('ELECTION_WITHDRAWN', `election ${electionId} was withdrawn on ${withdrawnAt}`);
}

/** What stands in the way of withdrawing an election, as the repository finds it. */
export interface WithdrawalBlockers {
  withdrawnAt: string | null;
  /** By-elections completing this (regular) election's term, not withdrawn. */
  byElectionIds: number[];
  /** Regular elections of the same body with a later term start, not withdrawn. */
  laterRegularIds: number[];
}

/**
 * An election can be withdrawn once, and only as the latest act on its body's term: its by-elections are
 * withdrawn first, and a later re-election (which ended its posts) before it. 409s naming what blocks.
 */
export function assertWithdrawable(electionId: number, b: WithdrawalBlockers): void {
  assertNotWithdrawn(electionId, b.withdrawnAt);
  if (b.byElectionIds.length) {
    throw conflict('ELECTION_HAS_BY_ELECTIONS', `withdraw the by-elections of this term first (${b.byElectionIds.join(', ')})`, { electionIds: b.byElectionIds });
  }
  if (b.laterRegularIds.length) {
    throw conflict('ELECTION_SUPERSEDED', `a later election of the body (${b.laterRegularIds.join(', ')}) ended this one's posts: withdraw it first`, { electionIds: b.laterRegularIds });
  }
}
