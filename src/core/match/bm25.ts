/**
 * Okapi BM25 over a fixed set of documents (Robertson and Zaragoza, "The Probabilistic Relevance
 * Framework: BM25 and Beyond", 2009), with the usual k1 = 1.2 and b = 0.75. Documents are given as
 * lists of terms; postings lists make a query cost what its terms occur, not the size of the bank.
 */
export class Bm25Index {
  /** Per term, its postings flat: document, count, document, count, ... in document order (a pair of numbers costs less than an array per posting). */
  private readonly postings = new Map<string, number[]>();
  private readonly lengths: Float64Array;
  /** The terms of every document, summed: whole numbers, so the average is the same however it was reached. */
  private totalLength = 0;
  private averageLength: number;

  /** `documents[i]` is the terms of document i (repeats count). */
  constructor(documents: readonly (readonly string[])[], private readonly k1 = 1.2, private readonly b = 0.75) {
    this.lengths = new Float64Array(documents.length);
    documents.forEach((terms, document) => {
      this.lengths[document] = terms.length;
      this.totalLength += terms.length;
      for (const [term, count] of termCounts(terms)) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push(document, count);
      }
    });
    this.averageLength = documents.length ? this.totalLength / documents.length : 0;
  }

  /**
   * Document `document` now holds `terms` instead of `before` (what it held: its terms as given to
   * the index). Afterwards the index scores as one built afresh with the new terms would, postings
   * in document order included. Costs a binary search and a splice in the postings of each term of
   * either. Throws a RangeError for a document the index does not hold.
   */
  replace(document: number, before: readonly string[], terms: readonly string[]): void {
    if (!Number.isInteger(document) || document < 0 || document >= this.size) throw new RangeError(`no document ${document} in an index of ${this.size}`);
    for (const term of termCounts(before).keys()) {
      const list = this.postings.get(term);
      const at = list ? postingAt(list, document) : -1;
      if (at < 0 || list![at] !== document) continue;
      list!.splice(at, 2);
      if (list!.length === 0) this.postings.delete(term);
    }
    for (const [term, count] of termCounts(terms)) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = []));
      list.splice(postingAt(list, document), 0, document, count);
    }
    this.totalLength += terms.length - this.lengths[document];
    this.lengths[document] = terms.length;
    this.averageLength = this.totalLength / this.size;
  }

  /** How many documents the index holds. */
  get size(): number {
    return this.lengths.length;
  }

  /**
   * The BM25 score of every document for the query terms (repeats in the query are counted once),
   * each term's part scaled by `termWeight` (1 for every term by default). Documents no term
   * matched score 0.
   */
  score(queryTerms: readonly string[], termWeight: (term: string) => number = () => 1): { scores: Float64Array } {
    const scores = new Float64Array(this.size);
    const n = this.size;
    for (const term of new Set(queryTerms)) {
      const list = this.postings.get(term);
      if (!list) continue;
      // The "+ 1" inside the log keeps the weight positive for a term most documents hold.
      const holding = list.length / 2;
      const idf = Math.log(1 + (n - holding + 0.5) / (holding + 0.5)) * termWeight(term);
      for (let at = 0; at < list.length; at += 2) {
        const document = list[at];
        const count = list[at + 1];
        const norm = this.k1 * (1 - this.b + (this.b * this.lengths[document]) / (this.averageLength || 1));
        scores[document] += (idf * count * (this.k1 + 1)) / (count + norm);
      }
    }
    return { scores };
  }

  /** The query terms (each once, in query order) that document `document` holds: a binary search in each term's postings. */
  termsIn(document: number, queryTerms: readonly string[]): string[] {
    const found: string[] = [];
    for (const term of new Set(queryTerms)) {
      const list = this.postings.get(term);
      const at = list ? postingAt(list, document) : -1;
      if (at >= 0 && list![at] === document) found.push(term);
    }
    return found;
  }
}

/** How many times each term occurs, in first-seen order. */
function termCounts(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/**
 * Where `document` is in a flat postings list (kept in document order: built one document after
 * another, and `replace` inserts in order), or where it would go: the index in the list of the
 * first posting whose document is not below it.
 */
function postingAt(list: readonly number[], document: number): number {
  let low = 0;
  let high = list.length / 2;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[2 * middle] < document) low = middle + 1;
    else high = middle;
  }
  return 2 * low;
}
