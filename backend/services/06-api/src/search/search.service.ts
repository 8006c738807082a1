import { Inject, Injectable } from '@nestjs/common';
import { EMBEDDER } from '@revops/embedding';
import type { Embedder } from '@revops/embedding';
import { SearchHitRow, SearchRepository } from './search.repository';

export interface SearchResult {
  query: string;
  model: { id: string; dimensions: number };
  hits: {
    source: SearchHitRow['source'];
    id: string;
    title: string | null;
    customer: string | null;
    stage: string | null;
    country: string | null;
    amount: { value: number; currency: string | null; period: 'total' | 'monthly' } | null;
    closeDate: string | null;
    similarity: number;
  }[];
}

@Injectable()
export class SearchService {
  constructor(
    @Inject(EMBEDDER) private readonly embedder: Embedder,
    private readonly repository: SearchRepository,
  ) {}

  /** Ranks opportunities of both sources by meaning, not by shared words. */
  async semantic(query: string, limit: number): Promise<SearchResult> {
    const [vector] = await this.embedder.embed([query]);
    const rows = await this.repository.semantic(
      this.embedder.modelId,
      this.embedder.dimensions,
      vector,
      limit,
    );
    return {
      query,
      model: { id: this.embedder.modelId, dimensions: this.embedder.dimensions },
      hits: rows.map((row) => ({
        source: row.source,
        id: row.id,
        title: row.title,
        customer: row.customer,
        stage: row.stage,
        country: row.country,
        amount:
          row.amount === null
            ? null
            : { value: Number(row.amount), currency: row.currency, period: row.amount_period },
        closeDate: row.close_date,
        similarity: Math.round(Number(row.similarity) * 10000) / 10000,
      })),
    };
  }
}
