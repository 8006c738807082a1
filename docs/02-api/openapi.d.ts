// Generated from openapi.json by npm run openapi; do not edit.
export interface paths {
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The outbox backlog and the open dead letters (errors masked for analysts). */
        get: operations["events_state"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
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
        /** Newest first, each with both opportunities at a glance; `?status=proposed` is the review queue. Explanations' contact values are masked for analysts. */
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
        /** The match, its explanation, and both opportunities side by side as CORE has them now (contact details, and the explanation's contact values, masked for analysts). */
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
    "/api/v1/matches/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every match counted by status and by probability (bins of 0.1), for the dashboard. */
        get: operations["matches_stats"];
        put?: never;
        post?: never;
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
        /** Why (not)? The waterfall of any pair, and whether a candidate rule finds it (contact values masked for analysts). */
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
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling key's name and role (never the key nor its hash). */
        get: operations["me_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quarantine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rows any stage set aside, newest first; contact details masked for analysts. */
        get: operations["quarantine_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quarantine/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open rows per stage and table. */
        get: operations["quarantine_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Runs of one kind, newest first, in the run shape of every `…/runs/{id}` route (emails and phone numbers in errors and details masked for analysts). */
        get: operations["runs_list"];
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
    "/api/v1/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sync schedules, the embedding backlog and model circuit, and each kind's newest run. */
        get: operations["status_get"];
        put?: never;
        post?: never;
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
            /** @description What was compared, as shown to a reviewer; an email or phone is masked for analysts. */
            value: (string | null) | number;
            /** @description `prior` (log-odds before any evidence), a comparison (`name`, `domain`, `amount`…) or `otherDeal`. */
            comparison: string;
            /** @description The comparison's outcome, e.g. `exact`, `fuzzy`, `different`; null for the prior. */
            level: string | null;
            /** @description P(level | same deal). */
            m: number | null;
            /** @description P(level | different deals), after term-frequency adjustment. */
            u: number | null;
            /** @description The level's own u, when a rare or common shared value replaced it. */
            uLevel?: number;
            /** @description The shared value whose frequency replaced u (an email or phone masked for analysts). */
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
        DeadLetterCountDto: {
            consumerGroup: string;
            topic: string;
            open: number;
        };
        DeadLetterDto: {
            consumerGroup: string;
            /** @description The event's id (a UUID). */
            eventId: string;
            topic: string;
            /** @description Failed attempts of this group on the event. */
            attempts: number;
            /** @description The last attempt's error. */
            lastError: string;
            /** @description ISO 8601 timestamp. */
            deadLetteredAt: string;
        };
        DeadLettersStateDto: {
            /** @description Every open dead letter. */
            open: number;
            /** @description Per consumer group and topic, in that order. */
            byGroup: components["schemas"]["DeadLetterCountDto"][];
            /** @description The newest (`limit`), most recently dead-lettered first. */
            newest: components["schemas"]["DeadLetterDto"][];
        };
        EmbeddingStateDto: {
            /** @description The embedding model, e.g. `Xenova/bge-m3`. */
            modelId: string;
            /** @description Search documents (live, not held-back opportunities). */
            documents: number;
            /** @description Documents whose vector is of their current text. */
            embedded: number;
            /** @description Documents waiting for a vector (none yet, or of an older text): the next embedding run embeds them. */
            pending: number;
            /** @description Documents without a current vector that the model failed on: set aside until their text changes (GET /api/v1/quarantine?stage=embedding). */
            quarantined: number;
            /**
             * @description `closed` (the model is being called), `open` or `half-open` (resting after failures); null when this process does not run the embedding worker (see `runBy`).
             * @enum {string|null}
             */
            modelCircuit: "closed" | "open" | "half-open" | null;
            /**
             * @description Which process runs the embedding worker: `this-process` (the all-in-one), or `embedding-service` (its own process, whose circuit this one cannot see).
             * @enum {string}
             */
            runBy: "this-process" | "embedding-service";
        };
        ErrorBodyDto: {
            statusCode: number;
            /** @description `invalid_input`, `unauthenticated`, `forbidden`, `not_found`, `conflict`, `too_many_requests`, `internal_error`… */
            error: string;
            message: string;
            /** @description On 400 for bad input: each failing field. */
            fields?: components["schemas"]["FieldProblemDto"][];
            /** @description On 409, what the conflict is about, to act on: e.g. a stale match version's `id` and current `version` and `status` (reload it), or the `linkedMatchId` a link would clash with. */
            details?: {
                [key: string]: unknown;
            };
            /** @description Also in the `x-correlation-id` header and in every log line of the request. */
            correlationId: string;
        };
        EventPipelineDto: {
            outbox: components["schemas"]["OutboxStateDto"];
            deadLetters: components["schemas"]["DeadLettersStateDto"];
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
            trigramWeight: number;
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
        InterpretedQueryDto: {
            /** @description The words left to match by text, vector and name; empty: the filters alone decide. */
            text: string;
            /** @description ISO 3166 alpha-2, from a country's name, demonym or code ("in Brazil", "Brazilian"). */
            country?: string;
            /** @description An ACE industry ("hospital" → Healthcare): other known industries are left out. */
            industry?: string;
            /**
             * @description A stage category from stage words ("won deals", "open pipeline").
             * @enum {string}
             */
            stage?: "open" | "won" | "lost";
            /** @description From "over 100k", "between 50k and 200k"… */
            amountMin?: number;
            amountMax?: number;
            /** @description YYYY-MM-DD, from "closing this quarter", "closing before March 2027"… */
            closeDateFrom?: string;
            closeDateTo?: string;
        };
        KeywordPartDto: {
            rank: number;
            /** @description PostgreSQL's full-text rank, rounded to 6 decimals. */
            score: number;
        };
        LatestRunDto: {
            /** @description The run's id: GET /api/v1/runs?kind=… lists it. */
            id: string;
            /** @description A sync's source, else the job's name. */
            name: string;
            /** @enum {string} */
            status: "running" | "succeeded" | "failed" | "skipped";
            /** @description ISO 8601 timestamp. */
            startedAt: string;
            /** @description ISO 8601 timestamp; null while it runs. */
            finishedAt: string | null;
        };
        LatestRunsDto: {
            sync: components["schemas"]["LatestRunDto"] | null;
            transform: components["schemas"]["LatestRunDto"] | null;
            validate: components["schemas"]["LatestRunDto"] | null;
            embed: components["schemas"]["LatestRunDto"] | null;
            match: components["schemas"]["LatestRunDto"] | null;
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
        MatchListItemDto: {
            /** @description The Odoo lead; null when it is gone from CORE. */
            odoo: components["schemas"]["MatchRecordSummaryDto"] | null;
            /** @description The ACE opportunity; null when it is gone from CORE. */
            ace: components["schemas"]["MatchRecordSummaryDto"] | null;
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
        MatchPageDto: {
            items: components["schemas"]["MatchListItemDto"][];
            /** @description The cursor of the next page; null on the last one. */
            nextCursor: string | null;
        };
        MatchProbabilityBinDto: {
            from: number;
            to: number;
            total: number;
            byStatus: components["schemas"]["MatchStatusCountsDto"];
        };
        MatchRecordSummaryDto: {
            /** @description Odoo: the lead's name; ACE: the opportunity's title. */
            title: string | null;
            /** @description The customer's company name. */
            customer: string | null;
            /** @description The stage as the source names it, e.g. `Qualified` (Odoo) or `Launched` (ACE). */
            stage: string | null;
            /** @description The deal's total in `currency`: Odoo's expected revenue; ACE's expected total spend (monthly spend × contract months). */
            amount: number | null;
            currency: string | null;
            /** @description YYYY-MM-DD: Odoo's expected closing, ACE's target close date. */
            closeDate: string | null;
        };
        MatchStatsDto: {
            /** @description Every match, whatever its status: the sum of `byStatus`, and of the bins' `total`. */
            total: number;
            byStatus: components["schemas"]["MatchStatusCountsDto"];
            /** @description Ten bins, [0, 0.1) … [0.9, 1], by the probability as the API sends it (rounded to 4 decimals). */
            probabilityBins: components["schemas"]["MatchProbabilityBinDto"][];
        };
        MatchStatusCountsDto: {
            proposed: number;
            auto_linked: number;
            approved: number;
            rejected: number;
            superseded: number;
        };
        MatchThresholdsDto: {
            /** @description A run links a pair at or above this probability without review. */
            autoLinkAt: number;
            /** @description A run proposes a pair for review at or above this probability. */
            reviewAt: number;
        };
        MeDto: {
            /** @description The key's name. */
            name: string;
            /** @enum {string} */
            role: "analyst" | "engineer" | "admin";
        };
        ModelInfoDto: {
            id: string;
            dimensions: number;
        };
        OutboxStateDto: {
            /** @description Events not yet published. */
            unpublished: number;
            /** @description ISO 8601 timestamp of the oldest unpublished event's creation; null when none waits. */
            oldestUnpublishedAt: string | null;
            /** @description Unpublished events whose publishing failed at least once. */
            failing: number;
            /** @description The error of the oldest unpublished event that failed (the relay retries the oldest first); null when none did. */
            lastError: string | null;
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
        QuarantineCountDto: {
            /** @enum {string} */
            stage: "transform" | "ingestion" | "embedding" | "matching";
            sourceTable: string;
            /** @description Rows still set aside. */
            open: number;
        };
        QuarantinedRowDto: {
            /** @description The entry's id (a string of digits). */
            id: string;
            /** @enum {string} */
            stage: "transform" | "ingestion" | "embedding" | "matching";
            /** @description The source the row came from (`odoo`, `apn`, `ace`). */
            source: string;
            /** @description The table its key belongs to. */
            sourceTable: string;
            /** @description The row's key in that table; null when the row had none that could be read. */
            sourceKey: string | null;
            /** @description Why it was set aside. */
            reason: string;
            /** @description The row as the stage read it. For analysts, contact names, emails and phone numbers are masked (decided by field name), and any email or international phone number in other text. */
            payload: {
                [key: string]: unknown;
            };
            /** @description The run that set it aside: a sync run at stage `ingestion` (GET /api/v1/ingestion/runs/{id}), else a job run (GET /api/v1/runs?kind=…); null when not recorded. */
            runId: string | null;
            /** @description ISO 8601 timestamp. */
            quarantinedAt: string;
            /** @description ISO 8601 timestamp; null while the row is still set aside (a stage resolves it once the row goes through). */
            resolvedAt: string | null;
        };
        QuarantinePageDto: {
            items: components["schemas"]["QuarantinedRowDto"][];
            /** @description The cursor of the next page; null on the last one. */
            nextCursor: string | null;
        };
        QuarantineSummaryDto: {
            /** @description Every open row. */
            open: number;
            /** @description Per stage and table, in that order; only those with open rows. */
            items: components["schemas"]["QuarantineCountDto"][];
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
            trigram: components["schemas"]["TrigramPartDto"] | null;
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
            mode: "semantic" | "keyword" | "trigram" | "hybrid";
            /** @enum {string} */
            source?: "odoo" | "ace";
            /**
             * @description Stages, in any case: a source's stage names as shown in hits (Odoo: New, Qualified,
             *     Proposition, Won…; ACE: Prospect, Qualified, Technical Validation, Business
             *     Validation, Committed, Launched, Closed Lost), or a stage category both sources share:
             *     `open`, `won` (Odoo's won stages, ACE's Launched), `lost` (Odoo's lost leads, ACE's
             *     Closed Lost). E.g. `qualified,won`.
             */
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
            /**
             * @description true: countries, industries, stage words, amounts and close dates named in `q` become
             *     filters (see `interpreted` in the response); false: `q` is matched as written.
             * @default true
             */
            interpret: boolean;
            /** @default 10 */
            limit: number;
            /** @description The `nextCursor` of the previous page of the same search. */
            cursor?: string;
        };
        SearchResultDto: {
            query: string;
            /** @description null with `interpret=false` or when nothing in the query was taken as a filter. */
            interpreted: components["schemas"]["InterpretedQueryDto"] | null;
            /** @enum {string} */
            mode: "semantic" | "keyword" | "trigram" | "hybrid";
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
        StatusDto: {
            schedules: components["schemas"]["SyncSchedulesDto"];
            embedding: components["schemas"]["EmbeddingStateDto"];
            latestRuns: components["schemas"]["LatestRunsDto"];
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
        SyncScheduleDto: {
            /** @enum {string} */
            source: "odoo" | "apn";
            /**
             * @description `incremental` (SYNC_INCREMENTAL_CRON) or `full`, the nightly reconciliation (SYNC_RECONCILE_CRON).
             * @enum {string}
             */
            mode: "incremental" | "full";
            enabled: boolean;
            /** @description The cron expression, in the server's time zone. */
            cron: string;
            /** @description ISO 8601 timestamp of the next run; null when off (or the expression cannot be read). */
            nextRunAt: string | null;
            /** @description Why it is off (`SYNC_SCHEDULES_ENABLED=false`, `No ODOO_DB_URL`…); null when enabled. */
            offReason: string | null;
        };
        SyncSchedulesDto: {
            /**
             * @description Which process runs them: `this-process` (the all-in-one), or `ingestion-service` (the ingestion process, `npm run start:ingestion`; this API process does not schedule). The items are read from this process's settings, which a deployment shares with that service (the same environment).
             * @enum {string}
             */
            runBy: "this-process" | "ingestion-service";
            /** @description Why the settings cannot be read here (names the variable, never its value); null when they can. */
            problem: string | null;
            /** @description Each source (`odoo`, `apn`) and mode; empty when `problem` is set. */
            items: components["schemas"]["SyncScheduleDto"][];
        };
        TrigramPartDto: {
            rank: number;
            /**
             * @description pg_trgm's word similarity of the query to the customer's name or the title, whichever
             *     is higher (0…1, rounded to 6 decimals): how much of the query a stretch of it holds.
             */
            similarity: number;
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
    events_state: {
        parameters: {
            query?: {
                /** @description How many of the newest open dead letters to list. */
                limit?: number;
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
                    "application/json": components["schemas"]["EventPipelineDto"];
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
                /** @description Part of the customer's name on either side, in any case; `%` and `_` are taken literally. */
                customer?: string;
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
    matches_stats: {
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
                    "application/json": components["schemas"]["MatchStatsDto"];
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
    me_get: {
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
                    "application/json": components["schemas"]["MeDto"];
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
    quarantine_list: {
        parameters: {
            query?: {
                stage?: "transform" | "ingestion" | "embedding" | "matching";
                /** @description The source the row came from, e.g. `odoo`, `apn` or `ace`. */
                source?: string;
                /** @description The table the row's key belongs to, e.g. `crm_lead`, `raw.odoo_crm_lead` or `search.opportunity_embeddings`. */
                sourceTable?: string;
                /** @description true: only rows still set aside; false: only resolved ones; both when absent. */
                open?: boolean;
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
                    "application/json": components["schemas"]["QuarantinePageDto"];
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
    quarantine_summary: {
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
                    "application/json": components["schemas"]["QuarantineSummaryDto"];
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
    runs_list: {
        parameters: {
            query: {
                /** @description Which runs: `sync` (ops.sync_runs), or the jobs `transform`, `validate`, `embed`, `match` (ops.job_runs). */
                kind: "sync" | "transform" | "validate" | "embed" | "match";
                /** @description One source for `sync` (`odoo`, `apn`), else one job, e.g. `transform:odoo-opportunities` or `match:train`. */
                name?: string;
                status?: "running" | "succeeded" | "failed" | "skipped";
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
    search_opportunities: {
        parameters: {
            query: {
                q: string;
                mode?: "semantic" | "keyword" | "trigram" | "hybrid";
                source?: "odoo" | "ace";
                /**
                 * @description Stages, in any case: a source's stage names as shown in hits (Odoo: New, Qualified,
                 *     Proposition, Won…; ACE: Prospect, Qualified, Technical Validation, Business
                 *     Validation, Committed, Launched, Closed Lost), or a stage category both sources share:
                 *     `open`, `won` (Odoo's won stages, ACE's Launched), `lost` (Odoo's lost leads, ACE's
                 *     Closed Lost). E.g. `qualified,won`.
                 */
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
                /**
                 * @description true: countries, industries, stage words, amounts and close dates named in `q` become
                 *     filters (see `interpreted` in the response); false: `q` is matched as written.
                 */
                interpret?: boolean;
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
    status_get: {
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
                    "application/json": components["schemas"]["StatusDto"];
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
