import type { Token } from './tokens';

export type StageCategory = 'open' | 'won' | 'lost';

const WORDS = new Map<string, StageCategory>();
const add = (category: StageCategory, words: string) => {
  for (const word of words.split(' ')) WORDS.set(word, category);
};
// English, Portuguese, Spanish, French, German, Italian.
add('won', 'won ganho ganhos ganha ganhas ganado ganados ganada ganadas');
add('won', 'gagne gagnes gagnee gagnees gewonnen vinto vinti vinta');
add('lost', 'lost perdido perdidos perdida perdidas perdu perdus perdue perdues');
add('lost', 'verloren perso persi persa perse');
add('open', 'open active ongoing aberto abertos aberta abertas ativo ativos ativa ativas');
add('open', 'abierto abiertos abierta abiertas activo activos activa activas');
add('open', 'ouvert ouverts ouverte ouvertes offen offene aperto aperti aperta aperte');

/** Two words that say "open" on their own, wherever they stand: "migration in progress". */
const OPEN_PHRASES = new Set([
  'in progress',
  'em andamento',
  'en curso',
  'en cours',
  'em aberto',
  'in corso',
]);

/** What a stage word must stand next to, unless it is the whole query. */
const DEAL_NOUNS = new Set(
  (
    'deal deals opportunity opportunities opp opps oppty oppties lead leads pipeline ' +
    'oportunidad oportunidades oportunidade negocio negocios negociacao negociacoes ' +
    'affaire affaires opportunite opportunites trattativa trattative opportunita'
  ).split(' '),
);
const CLOSED = new Set([
  'closed',
  'fechado',
  'fechados',
  'fechada',
  'fechadas',
  'cerrado',
  'cerrados',
  'cerrada',
  'cerradas',
]);
const MARKERS = new Set(['stage', 'status', 'estado', 'etapa', 'fase', 'statut', 'stato']);
const IS = new Set(['is', 'es', 'e', 'est', 'ist', 'eq']);
const JOINERS = new Set(['and', 'or', 'e', 'y', 'ou', 'o', 'et', 'und', 'oder']);
/** Words a query of only a stage word may also hold: "show all won". */
const FILLER = new Set(
  'show list all my our the a an me only todos todas todo os as los las el la o mis meus minhas mostrar ver'.split(
    ' ',
  ),
);

export interface StageFound {
  category: StageCategory;
  /** Token ranges [first, last] to take out of the query. */
  ranges: [number, number][];
}

/**
 * "won", "lost" and "open" (and their Spanish, Portuguese, French, German and Italian forms)
 * as a stage category only where they can mean nothing else: next to a deal noun ("won
 * deals", "oportunidades perdidas", "open pipeline"), after "closed" or "stage", or as the
 * only word left of the query ("won", "won in Brazil"); plus "in progress". So "open source",
 * "open banking", "lost data", "won't" and "Wonderland" are words. Two categories: none.
 */
export function findStageCategory(
  tokens: readonly Token[],
  usable: (i: number) => boolean,
): StageFound | undefined {
  const word = (i: number) =>
    i >= 0 && i < tokens.length && usable(i) ? tokens[i].folded : undefined;
  const found: { category: StageCategory; first: number; last: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const here = word(i);
    if (here === undefined) continue;
    const pair = `${here} ${word(i + 1)}`;
    if (OPEN_PHRASES.has(pair)) {
      found.push({
        category: 'open',
        first: DEAL_NOUNS.has(word(i - 1) ?? '') ? i - 1 : i,
        last: i + 1,
      });
      i++;
      continue;
    }
    const category = WORDS.get(here);
    if (!category) continue;
    let first = i;
    let last = i;
    const before = word(i - 1) ?? '';
    if (CLOSED.has(before) && category !== 'open') first = i - 1;
    else if (DEAL_NOUNS.has(before) && before !== 'pipeline') first = i - 1;
    else if (MARKERS.has(before)) first = i - 1;
    else if (IS.has(before) && MARKERS.has(word(i - 2) ?? '')) first = i - 2;
    if (DEAL_NOUNS.has(word(i + 1) ?? '')) last = i + 1;
    // "won and lost deals": each word counts, so two categories cancel out.
    const linked = [i - 2, i + 2].some(
      (j) => WORDS.has(word(j) ?? '') && JOINERS.has(word((i + j) / 2) ?? ''),
    );
    if (first === i && last === i && !linked && !isAlone(tokens, usable, i)) continue;
    found.push({ category, first, last });
    i = last;
  }
  const categories = new Set(found.map((f) => f.category));
  if (categories.size !== 1) return undefined;
  return { category: found[0].category, ranges: found.map((f) => [f.first, f.last]) };
}

function isAlone(tokens: readonly Token[], usable: (i: number) => boolean, at: number): boolean {
  return tokens.every((token, i) => i === at || !usable(i) || FILLER.has(token.folded));
}
