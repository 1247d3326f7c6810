// The rules of commitments: the three kinds, what each asks of the salesperson next, and how kept and
// broken promises add up to a prospect's reliability.
import {
  COMMITMENT_KINDS,
  NEXT_ACTIONS,
  oneOf,
  type CommitmentKind,
  type CommitmentStatus,
} from './vocab.js';

/** The kind a user typed, or a UsageError listing the kinds. */
export function commitmentKind(value: string): CommitmentKind {
  return oneOf(value, COMMITMENT_KINDS, 'commitment kind');
}

/** What the salesperson should do next after a commitment of this kind. */
export function nextAction(kind: CommitmentKind): string {
  return NEXT_ACTIONS[kind];
}

// The same counts appear in `show`: one rule, kept in reliability.ts.
export { describeReliability, reliability } from './reliability.js';

/**
 * A firm promise from someone who does not decide is really a delegate one: it only holds with the
 * decision maker's approval. Unknown (null) is not judged.
 */
export function firmFromNonDecider(kind: CommitmentKind, decisionMaker: 0 | 1 | null): boolean {
  return kind === 'firm' && decisionMaker === 0;
}

/**
 * A decision maker who only delegates ("ask my team") is not committing: the reverse of a firm promise
 * from someone who does not decide, and warned about the same way. Unknown (null) is not judged.
 */
export function delegateFromDecider(kind: CommitmentKind, decisionMaker: 0 | 1 | null): boolean {
  return kind === 'delegate' && decisionMaker === 1;
}

/** Only a pending commitment can end kept or broken. */
export function canResolve(status: CommitmentStatus): boolean {
  return status === 'pending';
}
