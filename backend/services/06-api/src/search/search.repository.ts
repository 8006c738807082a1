import { Injectable } from '@nestjs/common';
import { OpportunitySource } from '@revops/models';
import { DataSource } from 'typeorm';

export interface SearchHitRow {
  source: OpportunitySource;
  id: string;
  title: string | null;
  customer: string | null;
  stage: string | null;
  country: string | null;
  amount: string | null;
  currency: string | null;
  amount_period: 'total' | 'monthly';
  close_date: string | null;
  similarity: number;
}

/** Reads search.* joined with CORE for display. Never mixes vectors of two models. */
@Injectable()
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  semantic(
    modelId: string,
    dimensions: number,
    vector: number[],
    limit: number,
  ): Promise<SearchHitRow[]> {
    const dims = Math.trunc(dimensions);
    // Literal model id and dimension: the planner can only use the model's partial
    // HNSW index when the query repeats its predicate and expression exactly.
    const model = modelId.replace(/'/g, "''");
    return this.dataSource.transaction(async (manager) => {
      // The index returns at most ef_search rows; make room for the page asked for.
      await manager.query(`SET LOCAL hnsw.ef_search = ${Math.max(40, limit * 2)}`);
      return manager.query(
        `WITH nearest AS (
           SELECT source, source_id, embedding::vector(${dims}) <=> $1::vector(${dims}) AS distance
             FROM search.opportunity_embeddings
            WHERE model_id = '${model}'
            ORDER BY embedding::vector(${dims}) <=> $1::vector(${dims})
            LIMIT $2)
         SELECT n.source, n.source_id AS id,
                COALESCE(o.name, a.title) AS title,
                COALESCE(o.customer_name, a.customer_company_name) AS customer,
                COALESCE(o.stage_name, a.stage) AS stage,
                COALESCE(o.country_code, a.country_code) AS country,
                COALESCE(o.expected_revenue, a.expected_monthly_spend)::text AS amount,
                a.spend_currency AS currency,
                CASE WHEN n.source = 'ace' THEN 'monthly' ELSE 'total' END AS amount_period,
                COALESCE(o.date_deadline, a.target_close_date)::text AS close_date,
                1 - n.distance AS similarity
           FROM nearest n
           LEFT JOIN core.odoo_opportunities o ON n.source = 'odoo' AND o.odoo_id::text = n.source_id
           LEFT JOIN core.ace_opportunities a ON n.source = 'ace' AND a.ace_id = n.source_id
          ORDER BY n.distance`,
        [JSON.stringify(vector), limit],
      );
    });
  }
}
