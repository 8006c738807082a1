import { canOperate, useSession } from '../../auth/session';
import { EventsCard } from './events-card';
import { MatchCharts } from './match-charts';
import { QuarantineBrowser } from './quarantine-browser';
import { RunStarter } from './run-starter';
import { JobRuns, SyncRuns } from './runs-tables';
import { StatusCards } from './status-cards';
import { ValidationCard } from './validation-card';
import { usePageTitle } from '../../lib/use-page-title';

/** What ran, what waits, what failed: read by everyone, runs started by engineers and admins. */
export default function OperationsPage() {
  const { identity } = useSession();
  usePageTitle('Operations');
  return (
    <section aria-labelledby="ops-heading">
      <h1 id="ops-heading">Operations</h1>
      {canOperate(identity) ? (
        <RunStarter />
      ) : (
        <p className="hint">Starting runs needs an engineer or admin key.</p>
      )}
      <StatusCards />
      <SyncRuns />
      <JobRuns />
      <ValidationCard />
      <QuarantineBrowser />
      <EventsCard />
      <MatchCharts />
    </section>
  );
}
