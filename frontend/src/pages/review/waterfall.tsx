import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'; // prettier-ignore
import type { Schema } from '../../api/client';
import { percent, signed } from '../../lib/format';
import { probabilityOf, waterfallSteps } from '../../lib/waterfall';

type Explanation = Schema<'MatchExplanationDto'>;

/**
 * Every signal's contribution from the prior to the score, as a chart and as the table a
 * screen reader (and a test) reads: the weights add up to the score shown under them.
 */
export function Waterfall({ explanation, score }: { explanation: Explanation; score: number }) {
  const steps = waterfallSteps(explanation.contributions);
  const bars = steps.map((step) => ({
    ...step,
    name: step.level ? `${step.label} (${step.level})` : step.label,
    span: [step.start, step.end] as [number, number],
  }));
  return (
    <figure className="waterfall" aria-labelledby="waterfall-caption">
      <figcaption id="waterfall-caption">
        Why this score: each signal adds log-odds to the prior. Score{' '}
        <strong data-testid="waterfall-score">{score.toFixed(4)}</strong> (P(same deal){' '}
        {percent(probabilityOf(score))})
      </figcaption>
      <div className="waterfall-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={Math.max(160, 34 * bars.length)}>
          {/* The table below is what assistive technology reads: the hidden chart takes no focus. */}
          <BarChart
            data={bars}
            layout="vertical"
            margin={{ left: 8, right: 24 }}
            accessibilityLayer={false}
          >
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" domain={['auto', 'auto']} />
            <YAxis type="category" dataKey="name" width={170} />
            <ReferenceLine x={0} stroke="#555" />
            <Tooltip
              formatter={(_span, _name, item) =>
                signed((item.payload as { weight: number }).weight)
              }
            />
            <Bar dataKey="span" isAnimationActive={false}>
              {bars.map((bar) => (
                <Cell key={bar.name} fill={bar.weight >= 0 ? '#1b7f3b' : '#b3261e'} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="contributions">
        <thead>
          <tr>
            <th scope="col">Signal</th>
            <th scope="col">Outcome</th>
            <th scope="col">Compared</th>
            <th scope="col">Weight</th>
            <th scope="col">Running total</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step, index) => (
            <tr key={index} className={step.weight >= 0 ? 'for' : 'against'}>
              <th scope="row">{step.label}</th>
              <td>{step.level ?? '—'}</td>
              <td>{step.value ?? '—'}</td>
              <td data-weight={step.weight}>{signed(step.weight, 4)}</td>
              <td>{step.end.toFixed(4)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
