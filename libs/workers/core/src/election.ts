/**
 * Elections of the party organisation and the residents' committee: the term they open and the vote
 * checks of the Organic Law (an election is valid when more than half of those entitled vote; a
 * winner needs more than half of the votes cast).
 */
import { addDays, validationError } from '@cws/kernel';
import { addMonths } from './dates';

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
