// Generated from openapi.json by npm run openapi; do not edit.
export interface paths {
    "/api/v1/ingestion/{source}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 202 with the run id; follow it at GET /api/v1/ingestion/runs/{id}. 409 while one runs.
         * @description Role: engineer (or admin).
         */
        post: operations["ingestion_sync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingestion/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sync runs of every source, newest first. */
        get: operations["ingestion_runs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingestion/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sync run: status, timings, row counts, and on failure why. */
        get: operations["ingestion_run"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Newest first. Never the key itself nor its hash: those are shown once, at creation.
         * @description Role: admin (or admin).
         */
        get: operations["keys_list"];
        put?: never;
        /**
         * 201 with the new key in `key`: store it now, it is never shown again. Audited.
         * @description Role: admin (or admin).
         */
        post: operations["keys_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The key stops working from the next request, on every replica (keys are checked in the
         *     database on each request). Audited; revoking a revoked key changes nothing. 404 if unknown.
         * @description Role: admin (or admin).
         */
        post: operations["keys_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Newest first; `?status=proposed` is the review queue. */
        get: operations["matches_list"];
        put?: never;
        /** Links a pair by hand: 201 with the approved match; 409 if a side is linked elsewhere. */
        post: operations["matches_link"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The match, its explanation, and both opportunities side by side as CORE has them now. */
        get: operations["matches_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirms the match with the version you read (409 if it changed since). */
        post: operations["matches_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rejects the match with the version you read (409 if it changed since). */
        post: operations["matches_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Why (not)? The waterfall of any pair, and whether a candidate rule finds it. */
        get: operations["matching_compare"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The model runs score with: the newest trained version (or the shipped default). */
        get: operations["matching_model"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/model/train": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trains a new model version on the live records and the decisions: 202 with the run id.
         * @description Role: engineer (or admin).
         */
        post: operations["matching_train"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A full re-match: 202 with the run id; 409 while a matching run or training is going.
         * @description Role: engineer (or admin).
         */
        post: operations["matching_run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A matching run's or training's record: status, duration and its summary in `details`. */
        get: operations["matching_runRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/unmatchable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Opportunities matching leaves out on purpose, and why ("redacted"): every one, on one
         *     page, in the list shape of every other list.
         */
        get: operations["matching_unmatchable"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/opportunities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET /api/v1/search/opportunities?q=SAP+migration+hospital&country=BR&limit=10 */
        get: operations["search_opportunities"];
        put?: never;
        /** The same search with the parameters in a JSON body (long queries, list filters). */
        post: operations["search_opportunitiesByBody"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transform/{entity}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 202 with the job run id; follow it at GET /api/v1/transform/runs/{id}. 400 names the
         *     entities there are; 409 while a transform runs.
         * @description Role: engineer (or admin).
         */
        post: operations["transformation_transform"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transform/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A transform run: status, timings and the rows it wrote. */
        get: operations["transformation_run"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/validate/held": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rows failing an error rule, held back from search and matching. */
        get: operations["validation_held"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/validate/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every data-quality rule: what it checks, on which rows, error or warning. */
        get: operations["validation_rules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/validate/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 202 with the run id; follow it at GET /api/v1/validate/runs/{id}. 409 while one runs.
         * @description Role: engineer (or admin).
         */
        post: operations["validation_run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/validate/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The run's status and, per rule, its severity, count and a sample of offending ids. */
        get: operations["validation_runReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptedRunDto: {
            /** @description The run's id. */
            id: string;
            /** @enum {string} */
            kind: "sync" | "transform" | "validate" | "embed" | "match";
            status: string;
            links: components["schemas"]["RunLinksDto"];
        };
        AmountDto: {
            value: number;
            currency: string | null;
            /**
             * @description ACE states expected monthly AWS spend; Odoo a deal total.
             * @enum {string}
             */
            period: "total" | "monthly";
        };
        ApiKeyDto: {
            /** @description The key's id (a UUID): what revoking names. */
            id: string;
            /** @description Who or what the key is for. */
            name: string;
            /** @enum {string} */
            role: "analyst" | "engineer" | "admin";
            /** @description The key's first characters (`rvo_xxxxxxxx`), to tell keys apart; not a secret. */
            prefix: string;
            /** @description ISO 8601 timestamp. */
            createdAt: string;
            /** @description ISO 8601 timestamp, to the minute; null if never used. */
            lastUsedAt: string | null;
            /** @description ISO 8601 timestamp; null while the key works. */
            revokedAt: string | null;
        };
        ApiKeyPageDto: {
            items: components["schemas"]["ApiKeyDto"][];
            /** @description The cursor of the next page; null on the last one. */
            nextCursor: string | null;
        };
        ContactDto: {
            name: string | null;
            email: string | null;
            phone: string | null;
        };
        ContributionDto: {
            /** @description `prior` (log-odds before any evidence), a comparison (`name`, `domain`, `amount`…) or `otherDeal`. */
            comparison: string;
            /** @description The comparison's outcome, e.g. `exact`, `fuzzy`, `different`; null for the prior. */
            level: string | null;
            /** @description What was compared, as shown to a reviewer. */
            value: Record<string, never>;
            /** @description P(level | same deal). */
            m: number | null;
            /** @description P(level | different deals), after term-frequency adjustment. */
            u: number | null;
            /** @description The level's own u, when a rare or common shared value replaced it. */
            uLevel?: number;
            /** @description The shared value whose frequency replaced u. */
            tfValue?: string;
            /** @description Log-odds added, ln(m / u): the weights sum to the score, in order. */
            weight: number;
        };
        CounterpartDto: {
            /** @enum {string} */
            source: "odoo" | "ace";
            id: string;
            title: string | null;
        };
        CreateApiKeyBody: {
            /** @description Who or what the key is for, e.g. `crm-sync` or `ana.souza`. */
            name: string;
            /**
             * @description `analyst` (the default), `engineer` or `admin`.
             * @enum {string}
             */
            role?: "analyst" | "engineer" | "admin";
        };
        CreatedApiKeyDto: {
            /** @description The key's id (a UUID): what revoking names. */
            id: string;
            /** @description Who or what the key is for. */
            name: string;
            /** @enum {string} */
            role: "analyst" | "engineer" | "admin";
            /** @description The key's first characters (`rvo_xxxxxxxx`), to tell keys apart; not a secret. */
            prefix: string;
            /** @description ISO 8601 timestamp. */
            createdAt: string;
            /** @description ISO 8601 timestamp, to the minute; null if never used. */
            lastUsedAt: string | null;
            /** @description ISO 8601 timestamp; null while the key works. */
            revokedAt: string | null;
            /** @description The whole key, for `Authorization: Bearer <key>`. Shown this once: only its hash is stored. */
            key: string;
        };
        ErrorBodyDto: {
            statusCode: number;
            /** @description `invalid_input`, `unauthenticated`, `forbidden`, `not_found`, `conflict`, `too_many_requests`, `internal_error`… */
            error: string;
            message: string;
            /** @description On 400 for bad input: each failing field. */
            fields?: components["schemas"]["FieldProblemDto"][];
            /** @description Also in the `x-correlation-id` header and in every log line of the request. */
            correlationId: string;
        };
        FieldProblemDto: {
            /** @description The field, e.g. `limit`, `body.note` or `filters.0.country`. */
            field: string;
            problems: string[];
        };
        FusionDto: {
            k: number;
            semanticWeight: number;
            keywordWeight: number;
        };
        HeldRecordDto: {
            /** @enum {string} */
            entity: "odoo-opportunities" | "ace-opportunities";
            recordId: string;
            /** @description The error rules it fails. */
            ruleIds: string[];
            /** @description The validation run that held it. */
            runId: string;
            /** @description ISO 8601 timestamp. */
            heldSince: string;
        };
        HeldRecordPageDto: {
            items: components["schemas"]["HeldRecordDto"][];
            /** @description The cursor of the next page; null on the last one. */
            nextCursor: string | null;
        };
        HitMatchDto: {
            id: string;
            status: string;
            probability: number;
            counterpart: components["schemas"]["CounterpartDto"];
        };
        KeywordPartDto: {
            rank: number;
            /** @description PostgreSQL's full-text rank, rounded to 6 decimals. */
            score: number;
        };
        ManualLinkBody: {
            note?: string;
            /** @description Link although the ACE opportunity or the Odoo lead is already linked elsewhere. */
            allowMultiple?: boolean;
            aceId: string;
            odooId: string;
        };
        MatchDecisionBody: {
            /** @description The match's `version` as you read it: a stale one gets 409. A JSON number, not `true`. */
            version: number;
            note?: string;
            /** @description Approve although the ACE opportunity or the Odoo lead is already linked elsewhere. */
            allowMultiple?: boolean;
        };
        MatchDetailDto: {
            match: components["schemas"]["MatchDto"];
            /** @description The Odoo lead (odooId, name, customer, domain, country, stage, expectedRevenue, closeDate…); null when gone. Contact fields are masked for analysts. */
            odoo: {
                [key: string]: unknown;
            } | null;
            /** @description The ACE opportunity (aceId, title, customer, domain, country, stage, expectedRevenue, closeDate…); null when gone. */
            ace: {
                [key: string]: unknown;
            } | null;
        };
        MatchDto: {
            id: string;
            odooId: string;
            aceId: string;
            /** @enum {string} */
            status: "proposed" | "auto_linked" | "approved" | "rejected" | "superseded";
            /** @description P(same deal), 0…1. */
            probability: number;
            /** @description Log-odds: the sum of the explanation's weights. */
            score: number;
            explanation: components["schemas"]["MatchExplanationDto"];
            /** @description The matching model version that scored it (null: the shipped default). */
            modelVersion: number | null;
            /** @description The optimistic lock: send it back with a decision. */
            version: number;
            /** @description The matching run that proposed it; null when linked by hand. */
            runId: string | null;
            decidedBy: string | null;
            /** @description ISO 8601 timestamp. */
            decidedAt: string | null;
            note: string | null;
            /** @description ISO 8601 timestamp. */
            createdAt: string;
            /** @description ISO 8601 timestamp. */
            updatedAt: string;
        };
        MatchExplanationDto: {
            /** @description The matching model version that scored it (null: the shipped default). */
            modelVersion: number | null;
            contributions: components["schemas"]["ContributionDto"][];
            /** @description The candidate rules that found the pair (none: linked by hand without being one). */
            foundBy: string[];
        };
        MatchingModelDto: {
            /** @description null: the shipped default, never trained. */
            version: number | null;
            trainedBy: string | null;
            /** @description ISO 8601 timestamp; null for the shipped default. */
            createdAt: string | null;
            /** @description What the training saw and measured; null for the shipped default. */
            summary: {
                [key: string]: unknown;
            } | null;
            /** @description λ, and m and u of each level of each comparison. */
            parameters: {
                [key: string]: unknown;
            };
        };
        MatchPageDto: {
            items: components["schemas"]["MatchDto"][];
            /** @description The cursor of the next page; null on the last one. */
            nextCursor: string | null;
        };
        MatchThresholdsDto: {
            /** @description A run links a pair at or above this probability without review. */
            autoLinkAt: number;
            /** @description A run proposes a pair for review at or above this probability. */
            reviewAt: number;
        };
        ModelInfoDto: {
            id: string;
            dimensions: number;
        };
        PairComparisonDto: {
            aceId: string;
            odooId: string;
            /** @description Log-odds: the sum of the explanation's weights. */
            score: number;
            probability: number;
            explanation: components["schemas"]["MatchExplanationDto"];
            /** @description Whether a run scores this pair at all: a candidate rule finds it. */
            candidate: boolean;
            /**
             * @description What a run would make of it on its own (before one-to-one and analysts' decisions).
             * @enum {string}
             */
            wouldBe: "proposed" | "auto_linked" | "discarded";
            thresholds: components["schemas"]["MatchThresholdsDto"];
        };
        RunDto: {
            /** @description The run's id (a string of digits). */
            id: string;
            /** @enum {string} */
            kind: "sync" | "transform" | "validate" | "embed" | "match";
            /** @description What ran: a sync's source (`odoo`, `apn`), else the job (`transform:odoo-opportunities`, `match:train`). */
            name: string;
            /** @enum {string} */
            status: "running" | "succeeded" | "failed" | "skipped";
            /** @description `schedule`, `api:<key name>` or `script:<name>`; null when the run did not record it. */
            triggeredBy: string | null;
            /** @description ISO 8601 timestamp. */
            startedAt: string;
            /** @description ISO 8601 timestamp; null while it runs. */
            finishedAt: string | null;
            durationMs: number | null;
            /** @description The run's numbers at a glance: `read`, `inserted`, `updated`, `unchanged`, `deleted`, `quarantined` for a sync; for a job every number of its summary, nested ones as dotted paths (`quarantined.odooOpportunities`). */
            counts: {
                [key: string]: number;
            };
            /** @description Why it failed; null otherwise (a skipped run says why in `details.reason`). */
            error: string | null;
            /** @description The run's record: a sync's mode and connector, a job's whole summary. */
            details: {
                [key: string]: unknown;
            };
        };
        RunLinksDto: {
            /** @description The path of the run's record, e.g. `/api/v1/transform/runs/42`. */
            run: string;
        };
        RunPageDto: {
            items: components["schemas"]["RunDto"][];
            /** @description The cursor of the next page; null on the last one. */
            nextCursor: string | null;
        };
        ScorePartsDto: {
            semantic: components["schemas"]["SemanticPartDto"] | null;
            keyword: components["schemas"]["KeywordPartDto"] | null;
        };
        SearchHitDto: {
            /** @enum {string} */
            source: "odoo" | "ace";
            /** @description The source's id: Odoo's lead id or ACE's opportunity id. */
            id: string;
            ids: components["schemas"]["SearchHitIdsDto"];
            title: string | null;
            customer: string | null;
            stage: string | null;
            country: string | null;
            amount: components["schemas"]["AmountDto"] | null;
            /** @description YYYY-MM-DD. */
            closeDate: string | null;
            contact: components["schemas"]["ContactDto"];
            /** @description The rank's score in the chosen mode (rounded to 6 decimals). */
            score: number;
            scoreParts: components["schemas"]["ScorePartsDto"];
            match: components["schemas"]["HitMatchDto"] | null;
        };
        SearchHitIdsDto: {
            /** @description Odoo's lead id (Odoo hits). */
            odooId?: string;
            /** @description ACE's opportunity id (ACE hits). */
            aceId?: string;
            /** @description The partner's own reference to the deal (ACE hits). */
            partnerOpportunityIdentifier?: string | null;
        };
        SearchQueryDto: {
            q: string;
            /**
             * @default hybrid
             * @enum {string}
             */
            mode: "semantic" | "keyword" | "hybrid";
            /** @enum {string} */
            source?: "odoo" | "ace";
            /** @description Stage names as shown in hits, e.g. `Qualified,Proposition` or `Launched`. */
            stage?: string[];
            /** @description ISO 3166 alpha-2 codes, e.g. `BR,PT`. */
            country?: string[];
            closeDateFrom?: string;
            closeDateTo?: string;
            /** @description On the deal's total value (ACE: monthly spend × contract months), in its own currency. */
            amountMin?: number;
            amountMax?: number;
            /** @description true: only opportunities with a linked (auto-linked or approved) match; false: none. */
            hasMatch?: boolean;
            /** @default 10 */
            limit: number;
            /** @description The `nextCursor` of the previous page of the same search. */
            cursor?: string;
        };
        SearchResultDto: {
            query: string;
            /** @enum {string} */
            mode: "semantic" | "keyword" | "hybrid";
            model: components["schemas"]["ModelInfoDto"];
            fusion: components["schemas"]["FusionDto"] | null;
            hits: components["schemas"]["SearchHitDto"][];
            /** @description The cursor of the next page; null on the last one. */
            nextCursor: string | null;
        };
        SemanticPartDto: {
            rank: number;
            /** @description Cosine similarity of the query and the opportunity, rounded to 6 decimals. */
            similarity: number;
        };
        SyncRequestDto: {
            /**
             * @default incremental
             * @enum {string}
             */
            mode: "incremental" | "full";
            /** @description Incremental from this moment instead of the stored cursor (e.g. to re-read a day). */
            since?: string;
        };
        UnmatchableDto: {
            source: string;
            sourceId: string;
            /** @description Why, e.g. `redacted`. */
            reason: string;
            /** @description ISO 8601 timestamp. */
            since: string;
        };
        UnmatchablePageDto: {
            items: components["schemas"]["UnmatchableDto"][];
            /** @description Always null: the list is short and sent whole. */
            nextCursor: string | null;
        };
        ValidationResultDto: {
            /** @description `<entity>.<kind>.<field>`, as in GET /api/v1/validate/rules. */
            ruleId: string;
            /** @enum {string} */
            entity: "odoo-opportunities" | "ace-opportunities";
            /** @enum {string} */
            severity: "error" | "warning";
            description: string;
            /** @description Rows the rule found. */
            violations: number;
            /** @description Some of their ids, for a look. */
            sampleIds: string[];
        };
        ValidationRuleDto: {
            /** @description `<entity>.<kind>.<field>`: stable, used in results and holds. */
            id: string;
            /** @enum {string} */
            entity: "odoo-opportunities" | "ace-opportunities";
            /**
             * @description `error` holds the offending rows back from search and matching; `warning` only reports them.
             * @enum {string}
             */
            severity: "error" | "warning";
            description: string;
            /** @description How it finds offending rows: `kind` (required, format, member, range, date-window, reference, duplicate, conflict) and its settings. */
            check: {
                [key: string]: unknown;
            };
        };
        ValidationRunDto: {
            /** @description The run's id (a string of digits). */
            id: string;
            /** @enum {string} */
            kind: "sync" | "transform" | "validate" | "embed" | "match";
            /** @description What ran: a sync's source (`odoo`, `apn`), else the job (`transform:odoo-opportunities`, `match:train`). */
            name: string;
            /** @enum {string} */
            status: "running" | "succeeded" | "failed" | "skipped";
            /** @description `schedule`, `api:<key name>` or `script:<name>`; null when the run did not record it. */
            triggeredBy: string | null;
            /** @description ISO 8601 timestamp. */
            startedAt: string;
            /** @description ISO 8601 timestamp; null while it runs. */
            finishedAt: string | null;
            durationMs: number | null;
            /** @description The run's numbers at a glance: `read`, `inserted`, `updated`, `unchanged`, `deleted`, `quarantined` for a sync; for a job every number of its summary, nested ones as dotted paths (`quarantined.odooOpportunities`). */
            counts: {
                [key: string]: number;
            };
            /** @description Why it failed; null otherwise (a skipped run says why in `details.reason`). */
            error: string | null;
            /** @description The run's record: a sync's mode and connector, a job's whole summary. */
            details: {
                [key: string]: unknown;
            };
            results: components["schemas"]["ValidationResultDto"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ingestion_sync: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                source: "odoo" | "apn";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SyncRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedRunDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Needs the role engineer (admin may always) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A sync of this source is running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is over 100 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is not JSON in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ingestion_runs: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunPageDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ingestion_run: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    keys_list: {
        parameters: {
            query?: {
                /** @description Only the keys that work (`active`) or only the revoked ones; both when absent. */
                status?: "active" | "revoked";
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyPageDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Needs the role admin (admin may always) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    keys_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Needs the role admin (admin may always) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is over 100 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is not JSON in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    keys_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Needs the role admin (admin may always) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is over 100 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is not JSON in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    matches_list: {
        parameters: {
            query?: {
                /** @description One or more, e.g. `proposed,auto_linked` (the review queue). */
                status?: ("proposed" | "auto_linked" | "approved" | "rejected" | "superseded")[];
                minProbability?: number;
                maxProbability?: number;
                aceId?: string;
                odooId?: string;
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchPageDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    matches_link: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ManualLinkBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A side is linked elsewhere (send allowMultiple) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is over 100 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is not JSON in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    matches_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchDetailDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    matches_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MatchDecisionBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The match changed since it was read (another version), or a side is linked elsewhere */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is over 100 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is not JSON in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    matches_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MatchDecisionBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The match changed since it was read (another version), or a side is linked elsewhere */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is over 100 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is not JSON in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    matching_compare: {
        parameters: {
            query: {
                aceId: string;
                odooId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PairComparisonDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    matching_model: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchingModelDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    matching_train: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedRunDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Needs the role engineer (admin may always) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A matching run or a training is going */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is over 100 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is not JSON in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    matching_run: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedRunDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Needs the role engineer (admin may always) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A matching run or a training is going */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is over 100 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is not JSON in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    matching_runRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    matching_unmatchable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnmatchablePageDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    search_opportunities: {
        parameters: {
            query: {
                q: string;
                mode?: "semantic" | "keyword" | "hybrid";
                source?: "odoo" | "ace";
                /** @description Stage names as shown in hits, e.g. `Qualified,Proposition` or `Launched`. */
                stage?: string[];
                /** @description ISO 3166 alpha-2 codes, e.g. `BR,PT`. */
                country?: string[];
                closeDateFrom?: string;
                closeDateTo?: string;
                /** @description On the deal's total value (ACE: monthly spend × contract months), in its own currency. */
                amountMin?: number;
                amountMax?: number;
                /** @description true: only opportunities with a linked (auto-linked or approved) match; false: none. */
                hasMatch?: boolean;
                limit?: number;
                /** @description The `nextCursor` of the previous page of the same search. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResultDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    search_opportunitiesByBody: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SearchQueryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResultDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is over 100 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is not JSON in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    transformation_transform: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entity: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedRunDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Needs the role engineer (admin may always) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A transform is running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is over 100 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is not JSON in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    transformation_run: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    validation_held: {
        parameters: {
            query?: {
                entity?: "odoo-opportunities" | "ace-opportunities";
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeldRecordPageDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    validation_rules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationRuleDto"][];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    validation_run: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedRunDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Needs the role engineer (admin may always) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A validation run is going */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is over 100 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The body is not JSON in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    validation_runReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationRunDto"];
                };
            };
            /** @description Bad input: `fields` names each failing field and what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No API key, or one that is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A fault here: quote the correlation id when reporting it */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
}
