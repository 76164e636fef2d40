import { describe, expect, it } from 'vitest';
import { accountLabel } from './accountName';

describe('accountLabel', () => {
  it('is the person for a person', () => {
    expect(accountLabel({ name: 'Anna de Vries', companyName: null })).toBe('Anna de Vries');
  });

  it("is the person and the company for a company's colleague", () => {
    expect(accountLabel({ name: 'Piet Jansen', companyName: 'Bakkerij Jansen B.V.' })).toBe('Piet Jansen — Bakkerij Jansen B.V.');
  });

  it("says the company once when the main account carries the company's name", () => {
    expect(accountLabel({ name: 'Bakkerij Jansen B.V.', companyName: 'Bakkerij Jansen B.V.' })).toBe('Bakkerij Jansen B.V.');
    expect(accountLabel({ name: ' bakkerij  jansen b.v. ', companyName: 'Bakkerij Jansen B.V.' })).toBe('Bakkerij Jansen B.V.');
    expect(accountLabel({ name: '', companyName: 'Bakkerij Jansen B.V.' })).toBe('Bakkerij Jansen B.V.');
  });
});
