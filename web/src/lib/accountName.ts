import type { Me } from './api/types';

const normalised = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Who is signed in, in words: the person, and the company they act for when that is another name
 * ("Piet Jansen — Bakkerij Jansen B.V."). A company's main account carries the company's own name: said once.
 */
export function accountLabel({ name, companyName }: Pick<Me, 'name' | 'companyName'>): string {
  const person = name?.trim() ?? '';
  const company = companyName?.trim() ?? '';
  if (!company) return person;
  if (!person || normalised(person) === normalised(company)) return company;
  return `${person} — ${company}`;
}
