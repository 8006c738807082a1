import { INDUSTRIES, TOPICS } from '../../../../scripts/03-data/lib/demo-sample-vocabulary';
import { rngFor } from '../../../../scripts/03-data/lib/sample-sources-random';
import {
  describable,
  describedDeals,
  stageWords,
} from '../../../../scripts/06-evaluation/lib/search-phrases';
import {
  abbreviate,
  dropLetter,
  swapLetters,
} from '../../../../scripts/06-evaluation/lib/search-queries';

// eval:search's query words: a misspelling must stay recognisable (first letters kept),
// and every use case and industry the generator makes must have words, or the run fails.
describe('eval:search labelled queries', () => {
  const names = [
    'hospital kalo',
    'venmar medical center',
    'banco lomar',
    'secretaria de saude de tor',
  ];
  const initials = (s: string) => s.split(' ').map((w) => w[0]);

  it.each(names)('drops one letter of "%s", never the first of a word', (name) => {
    for (let i = 0; i < 50; i++) {
      const typed = dropLetter(name, rngFor(0, 'test', i)) as string;
      expect(typed).toHaveLength(name.length - 1);
      expect(initials(typed)).toEqual(initials(name));
    }
  });

  it.each(names)('swaps two neighbouring letters of "%s", never the first', (name) => {
    for (let i = 0; i < 50; i++) {
      const typed = swapLetters(name, rngFor(0, 'test', i)) as string;
      expect(typed).not.toBe(name);
      expect([...typed].sort()).toEqual([...name].sort());
      expect(initials(typed)).toEqual(initials(name));
      const changed = [...name].flatMap((ch, at) => (typed[at] === ch ? [] : [at]));
      expect(changed).toEqual([changed[0], changed[0] + 1]);
    }
  });

  it('gives the same misspelling for the same seed', () => {
    const twice = [0, 1].map(() => dropLetter('venmar medical center', rngFor(0, 'same', 7)));
    expect(twice[0]).toBe(twice[1]);
  });

  it('has nothing to misspell in a name of short words', () => {
    expect(dropLetter('ab cd', rngFor(0, 'test', 0))).toBeNull();
    expect(swapLetters('ab cd', rngFor(0, 'test', 0))).toBeNull();
  });

  it('shortens a name to its own word, or adds the initials of the others where they stood', () => {
    const customer = (name: string, stem: string) => ({ company: 0, name, stem });
    expect(abbreviate(customer('venmar medical center', 'venmar'), false)).toBe('venmar');
    expect(abbreviate(customer('venmar medical center', 'venmar'), true)).toBe('venmar mc');
    expect(abbreviate(customer('hospital kalo', 'kalo'), true)).toBe('h kalo');
    expect(abbreviate(customer('secretaria de saude de tor', 'tor'), true)).toBe('ss tor');
    expect(abbreviate(customer('rede kalo saude', 'kalo'), true)).toBe('r kalo s');
  });

  it('has words for every use case and industry the generator makes', () => {
    const missing = TOPICS.flatMap((topic) =>
      INDUSTRIES.filter((industry) => !describable(topic.useCase, industry.ace)).map(
        (industry) => `${topic.useCase} / ${industry.ace}`,
      ),
    );
    expect(missing).toEqual([]);
  });

  it('says where in each language with the right article', () => {
    const useCase = 'Migration / Database Migration';
    expect(describedDeals(useCase, 'Financial Services', 'BR', 0, 'es')).toBe(
      'migrar sus bases de datos a un servicio gestionado en la nube para un banco en Brasil',
    );
    expect(describedDeals(useCase, 'Healthcare', 'BR', 1, 'pt')).toMatch(
      / para uma rede de hospitais no Brasil$/,
    );
    expect(describedDeals(useCase, 'Retail', 'US', 0, 'de')).toMatch(
      / für einen Einzelhändler in den USA$/,
    );
    expect(describedDeals(useCase, 'Retail', 'NL', 0)).toMatch(
      / for a retailer in the Netherlands$/,
    );
  });

  it('puts stage words with a place, a kind of company, or both', () => {
    expect(stageWords('won', null, 'DE')).toBe('won deals in Germany');
    expect(stageWords('lost', 'Financial Services', null)).toBe('opportunities lost for a bank');
    expect(stageWords('open', 'Retail', 'BR')).toBe('open pipeline for a retailer in Brazil');
  });
});
