import { compareOrgNames } from '@revops/matching/comparison/name-comparison';
import { orgName } from '@revops/matching/comparison/org-name';

const compare = (a: string, b: string) => compareOrgNames(orgName(a)!, orgName(b)!);

describe('orgName', () => {
  it('drops legal forms and articles wherever they stand, a place after a legal form too', () => {
    expect(orgName('Contoso B.V., Utrecht')?.tokens).toEqual(['contoso']);
    expect(orgName('Contoso BV')?.tokens).toEqual(['contoso']);
    expect(orgName('Anchor, The')?.tokens).toEqual(['anchor']);
    expect(orgName('The Anchor')?.tokens).toEqual(['anchor']);
    expect(orgName('Bellarma S.R.L.')?.tokens).toEqual(['bellarma']);
    expect(orgName('Factory 1 S.A. de C.V.')?.tokens).toEqual(['factory', '1']);
  });

  it('spells abbreviations out and folds plurals, accents and "&"', () => {
    expect(orgName('Lakeview Community Ctr.')?.tokens).toEqual(orgName('Lakeview Community Center')?.tokens); // prettier-ignore
    expect(orgName('Florida Keys El Coop Assn, Inc')?.tokens).toContain('association');
    expect(orgName('Dayton Power & Light Co')?.tokens).toEqual(['dayton', 'power', 'light']);
    expect(orgName('Clínica São José Services')?.tokens).toEqual(['clinica', 'sao', 'jose', 'service']); // prettier-ignore
  });

  it('joins a word broken into letters, keeps initials before a word', () => {
    expect(orgName('m e r c u r y apparel')?.tokens).toEqual(['mercury', 'apparel']);
    expect(orgName('Harrison, J. T. Elementary')?.tokens).toEqual(['harrison', 'j', 't', 'elementary']); // prettier-ignore
  });

  it('keeps a name that is nothing but legal forms, and is null for an empty one', () => {
    expect(orgName('Limited Co')?.tokens).toEqual(['limited', 'co']);
    expect(orgName('  ')).toBeNull();
    expect(orgName(null)).toBeNull();
  });

  it('initials of two or more words', () => {
    expect(orgName('International Business Machines Corporation')?.acronym).toBe('ibm');
    expect(orgName('IBM Corp.')?.acronym).toBeNull();
  });
});

describe('compareOrgNames', () => {
  it('exact: the same words, spacing ignored; not for different words', () => {
    expect(compare('Contoso B.V., Utrecht', 'Contoso BV').level).toBe('exact');
    expect(compare('Anchor, The', 'The Anchor').level).toBe('exact');
    expect(compare('MERCURY APPAREL', 'm e r c u r y apparel').level).toBe('exact');
    expect(compare('Contoso', 'Fabrikam').level).toBe('different');
  });

  it('acronym: one name the initials of the other', () => {
    expect(compare('IBM Corp.', 'International Business Machines Corporation').level).toBe('acronym'); // prettier-ignore
    expect(compare('IBX Corp.', 'International Business Machines Corporation').level).not.toBe('acronym'); // prettier-ignore
  });

  it('contains: every word of one in the other (a parent or site words added)', () => {
    expect(compare('Northwind Health Partners – Lakeview Clinic', 'Lakeview Clinic').level).toBe('contains'); // prettier-ignore
    expect(compare('Harrison, J. T. Elementary', 'Harrison').level).toBe('contains');
    expect(compare('Lakeview Dental', 'Lakeview Clinic').level).not.toBe('contains');
  });

  it('similar: a typo or most words shared; related: a word in common', () => {
    // A typo'd word is the same word: every word of one is in the other.
    expect(compare('Hospitl Santa Clara', 'Hospital Santa Clara').level).toBe('contains');
    expect(compare('South Carolina Genertg Co, Inc', 'South Carolina Generating Company, Inc.').level).toBe('contains'); // prettier-ignore
    expect(compare('Consolidated Edison Co-NY Inc', 'Consolidated Edison Company of New York, Inc.').level).toBe('similar'); // prettier-ignore
    expect(compare('Lakeview Dental Group', 'Lakeview Clinic').level).toBe('related');
    expect(compare('Lakeview Dental Group', 'Lakeview Clinic').shared).toEqual(['lakeview']);
    expect(compare('Blue Rhino', 'Green Valley Farms').level).toBe('different');
  });
});

describe('names broken apart by a PDF extraction', () => {
  it('agree on their letters, whatever the spacing', () => {
    expect(compare('m &v i ntl m anu fac tu r i ng ltd ( m &v 3)', 'm&v intl manufacturing ltd(m&v3)').level).toBe('exact'); // prettier-ignore
    expect(compare('o r i g i nal appar ae ls', 'original apparaels').level).toBe('exact');
  });
});
