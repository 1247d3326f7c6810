// What a salesperson can do with a deal that is no longer open: the way forward each error names.

/** The deal as the message needs it (a stored deal row has these fields). */
export interface ClosedDeal {
  id: number;
  status: string;
  prospect_name: string;
  company: string;
}

/**
 * One sentence for "this deal is closed" that names the way forward: a not-now or lost deal is reopened
 * (its history stays on it); a won deal's repeat business is a new deal for the same prospect, and reopen
 * is for a sale that fell through. `doing` says what was refused ('commitments are recorded on open deals').
 */
export function closedDealMessage(deal: ClosedDeal, doing: string): string {
  const reopen = `salesctl reopen ${deal.id}`;
  if (deal.status === 'won') {
    const add = `salesctl add ${quote(deal.prospect_name)}${deal.company ? ` --company ${quote(deal.company)}` : ''} --deal '<what they buy now>'`;
    return `deal #${deal.id} is won: ${doing}; for repeat business add a new deal (${add}), or if the sale fell through: ${reopen}`;
  }
  return `deal #${deal.id} is ${deal.status}: ${doing}; if the answer is now yes, reopen it first (${reopen}): its history stays`;
}

function quote(text: string): string {
  return /^[\w.@-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
