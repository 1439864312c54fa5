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
   * with the terms that matched each document. Documents no term matched score 0.
   */
  score(queryTerms: readonly string[]): { scores: Float64Array; matched: Map<number, string[]> } {
    const scores = new Float64Array(this.size);
    const matched = new Map<number, string[]>();
    const n = this.size;
    for (const term of new Set(queryTerms)) {
      const list = this.postings.get(term);
      if (!list) continue;
      // The "+ 1" inside the log keeps the weight positive for a term most documents hold.
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const [document, count] of list) {
        const norm = this.k1 * (1 - this.b + (this.b * this.lengths[document]) / (this.averageLength || 1));
        scores[document] += (idf * count * (this.k1 + 1)) / (count + norm);
        let terms = matched.get(document);
        if (!terms) matched.set(document, (terms = []));
        terms.push(term);
      }
    }
    return { scores, matched };
  }
}
