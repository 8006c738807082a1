import { Link } from 'react-router';
import type { Schema } from '../../api/client';
import { SourceBadge } from '../../components/source-badge';
import { money, orDash, percent } from '../../lib/format';
import { statusLabel } from '../review/status-badge';

type Hit = Schema<'SearchHitDto'>;

export function HitCard({ hit }: { hit: Hit }) {
  const { semantic, keyword, trigram } = hit.scoreParts;
  const contact = [hit.contact.name, hit.contact.email, hit.contact.phone].filter(Boolean);
  return (
    <li className="hit">
      <div className="hit-head">
        <SourceBadge source={hit.source} />
        <h2 className="hit-title">{hit.title ?? '(untitled)'}</h2>
        <span className="score" title="The rank's score in this mode">
          score {hit.score.toFixed(4)}
        </span>
      </div>
      <dl className="facts">
        <dt>Customer</dt>
        <dd>{orDash(hit.customer)}</dd>
        <dt>Stage</dt>
        <dd>{orDash(hit.stage)}</dd>
        <dt>Amount</dt>
        <dd>{money(hit.amount?.value, hit.amount?.currency)}</dd>
        <dt>Closes</dt>
        <dd>{orDash(hit.closeDate)}</dd>
        <dt>Country</dt>
        <dd>{orDash(hit.country)}</dd>
        {contact.length > 0 && (
          <>
            <dt>Contact</dt>
            <dd>{contact.join(' · ')}</dd>
          </>
        )}
      </dl>
      <p className="score-parts">
        {semantic && (
          <span>
            semantic #{semantic.rank} (similarity {semantic.similarity.toFixed(3)})
          </span>
        )}
        {keyword && (
          <span>
            keyword #{keyword.rank} (score {keyword.score.toFixed(3)})
          </span>
        )}
        {trigram && (
          <span>
            name #{trigram.rank} (similarity {trigram.similarity.toFixed(3)})
          </span>
        )}
      </p>
      {hit.match && (
        <p className="hit-match">
          <Link to={`/review/${hit.match.id}`}>
            {statusLabel(hit.match.status)} match ({percent(hit.match.probability)}) with{' '}
            {hit.match.counterpart.source === 'ace' ? 'ACE' : 'Odoo'} “
            {hit.match.counterpart.title ?? hit.match.counterpart.id}”
          </Link>
        </p>
      )}
    </li>
  );
}
