/**
 * Okapi BM25 over a fixed set of documents (Robertson and Zaragoza, "The Probabilistic Relevance
 * Framework: BM25 and Beyond", 2009), with the usual k1 = 1.2 and b = 0.75. Documents are given as
 * lists of terms; postings lists make a query cost what its terms occur, not the size of the bank.
 */
export class Bm25Index {
  private readonly postings = new Map<string, Array<[document: number, count: number]>>();
  private readonly lengths: Float64Array;
  private readonly averageLength: number;

  /** `documents[i]` is the terms of document i (repeats count). */
  constructor(documents: readonly (readonly string[])[], private readonly k1 = 1.2, private readonly b = 0.75) {
    this.lengths = new Float64Array(documents.length);
    let total = 0;
    documents.forEach((terms, document) => {
      this.lengths[document] = terms.length;
      total += terms.length;
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, count] of counts) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push([document, count]);
      }
    });
    this.averageLength = documents.length ? total / documents.length : 0;
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
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)) * termWeight(term);
      for (const [document, count] of list) {
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
      if (!list) continue;
      // Postings are in document order: they are built one document after another.
      let low = 0;
      let high = list.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const at = list[middle][0];
        if (at === document) {
          found.push(term);
          break;
        }
        if (at < document) low = middle + 1;
        else high = middle - 1;
      }
    }
    return found;
  }
}
