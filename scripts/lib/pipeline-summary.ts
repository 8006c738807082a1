import { SamplePipelineSummary } from '@revops/api';
import { printTable } from './console-progress';

/** What the sample pipeline did, step by step, for the demo and the pipeline script. */
export function printPipelineSummary(summary: SamplePipelineSummary): void {
  printTable(
    summary.syncs.map((s) => ({
      step: `ingest ${s.source}`,
      'sync run': s.syncRunId,
      read: s.counts.read,
      inserted: s.counts.inserted,
      updated: s.counts.updated,
      unchanged: s.counts.unchanged,
      quarantined: s.counts.quarantined,
    })),
  );
  console.log(
    `\ntransformed: ${summary.transform.odooOpportunities} Odoo + ` +
      `${summary.transform.aceOpportunities} ACE opportunities; ` +
      `validated: ${summary.validate.failingErrorRules + summary.validate.failingWarningRules} ` +
      `of ${summary.validate.rulesChecked} rules found problems, ${summary.validate.heldBack} rows held back ` +
      `(GET /api/v1/validate/runs/${summary.validate.jobRunId}); embedded: ${summary.embed.embedded} of ${summary.embed.documents} with ${summary.embed.modelId}`,
  );
  const { match } = summary;
  const train = match.training;
  if (train) {
    console.log(
      `matching model ${train.version} trained on ${train.candidates} candidate pairs ` +
        `(EM ${train.iterations} iterations; GET /api/v1/matching/model)`,
    );
  }
  console.log(
    `matched: ${match.autoLinked} auto-linked, ${match.proposed} proposed for review ` +
      `(GET /api/v1/matches?status=proposed), ${match.unmatchableRedacted} ACE opportunities ` +
      `unmatchable: redacted`,
  );
  if (summary.syncs.some((s) => s.counts.quarantined > 0)) {
    console.log('Some rows were quarantined: see ops.quarantine for each row and its reason.');
  }
}
