import { describe, expect, it } from 'vitest';
import { nl } from './nl';
import { en } from './en';
import { formatDate, formatDateTime, formatFileSize, interpolate, toLang, translate, translatePlural } from './i18n';

describe('message catalogues', () => {
  it('nl and en have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it.each([
    ['nl', nl],
    ['en', en],
  ] as const)('%s has no empty values', (_lang, catalogue) => {
    const empty = Object.entries(catalogue).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it('uses the Dutch labels of the manual verbatim', () => {
    expect(nl['nav.signOut']).toBe('Uitloggen');
    expect(nl['nav.myDetails']).toBe('Mijn gegevens');
    expect(nl['dossier.tab.correspondence']).toBe('Correspondentie');
    expect(nl['dossier.tab.delivered']).toBe('Door mij aangeleverd');
    expect(nl['dossier.progress']).toBe('Voortgang');
    expect(nl['status.IN_PROGRESS']).toBe('In behandeling');
    expect(nl['dossier.tab.messages']).toBe('Berichten');
    expect(nl['messages.reply']).toBe('Beantwoorden');
    expect(nl['messages.new']).toBe('Nieuw bericht');
    expect(nl['compose.subject']).toBe('Onderwerp');
    expect(nl['compose.body']).toBe('Bericht');
    expect(nl['compose.send']).toBe('Versturen');
    expect(nl['messages.incoming']).toBe('Inkomend bericht');
    expect(nl['messages.outgoing']).toBe('Uitgaand bericht');
    expect(nl['messages.readByOffice']).toBe('Gelezen door het kantoor op {date}');
    expect(nl['messages.notReadByOffice']).toBe('Nog niet gelezen door het kantoor');
    expect(nl['me.title']).toBe('Mijn gegevens');
    expect(nl['accounts.title']).toBe('Accounts');
    expect(nl['accounts.extra']).toBe('Extra accounts');
    expect(nl['accounts.add']).toBe('Extra account toevoegen');
    expect(nl['accounts.view']).toBe('Bekijken');
    expect(nl['accounts.delete']).toBe('Verwijderen');
    expect(nl['activate.title']).toBe('Account activeren');
    expect(nl['activate.email']).toBe('E-mailadres');
    expect(nl['activate.send']).toBe('Versturen');
    expect(nl['activate.renew.send']).toBe('Stuur mij een nieuwe link');
    expect(nl['activate.signIn']).toBe('Inloggen');
    expect(nl['actions.fillIn']).toBe('Invullen');
    expect(nl['q.previous']).toBe('Vorige');
    expect(nl['q.next']).toBe('Volgende');
    expect(nl['q.complete']).toBe('Voltooien');
    expect(nl['q.print']).toBe('Afdrukken');
    expect(nl['q.check.title']).toBe('Controleer uw antwoorden');
    expect(nl['q.step']).toBe('Stap {step} van {steps}');
    expect(nl['actions.due']).toBe('Uiterlijk {date}');
    expect(nl['actions.none']).toBe('U hoeft geen vragenlijst (meer) in te vullen.');
  });
});

describe('ADV-1 labels', () => {
  it('uses the Dutch labels of the issue, and their English', () => {
    const labels: [keyof typeof nl, string, string][] = [
      ['grants.title', 'Toegang voor anderen', 'Access for others'],
      ['grants.give', 'Toegang geven', 'Give access'],
      ['grants.scope.READ', 'Inzien', 'View'],
      ['grants.scope.READ_DELIVER', 'Inzien en aanleveren', 'View and deliver'],
      ['grants.untilField', 'Tot en met', 'Up to and including'],
      ['grants.shorten', 'Inkorten', 'Shorten'],
      ['grants.revoke', 'Intrekken', 'Revoke'],
      ['grants.state.ACTIVE', 'Actief', 'Active'],
      ['grants.state.EXPIRED', 'Verlopen', 'Expired'],
      ['grants.state.REVOKED', 'Ingetrokken', 'Revoked'],
      ['dossier.share', 'Delen', 'Share'],
      ['dossier.sharedBy', 'Gedeeld door {name} tot {date}', 'Shared by {name} until {date}'],
      ['dossier.accessEnded.title', 'U heeft geen toegang meer tot dit dossier', 'You no longer have access to this file'],
      ['office.grants.policy', 'Cliënt mag dit dossier delen', 'Client may share this file'],
    ];
    for (const [key, dutch, english] of labels) expect([nl[key], en[key]], key).toEqual([dutch, english]);
  });
});

describe('translate', () => {
  it('interpolates named parameters and leaves unknown ones alone', () => {
    expect(interpolate('Pagina {page} van {pages}', { page: 1, pages: 3 })).toBe('Pagina 1 van 3');
    expect(interpolate('{x} and {y}', { x: 'a' })).toBe('a and {y}');
  });

  it('translates per language', () => {
    expect(translate('nl', 'status.ON_HOLD')).toBe('Aangehouden');
    expect(translate('en', 'status.ON_HOLD')).toBe('On hold');
  });

  it('chooses singular or plural', () => {
    expect(translatePlural('nl', 'dossiers.found', 1)).toBe('1 dossier gevonden');
    expect(translatePlural('nl', 'dossiers.found', 3)).toBe('3 dossiers gevonden');
    expect(translatePlural('en', 'dossiers.found', 0)).toBe('0 files found');
  });

  it('normalises language codes', () => {
    expect(toLang('EN')).toBe('en');
    expect(toLang('en-GB')).toBe('en');
    expect(toLang('nl')).toBe('nl');
    expect(toLang('de')).toBe('nl');
    expect(toLang(undefined)).toBe('nl');
  });
});

describe('formatFileSize', () => {
  it('formats bytes, kB, MB per language', () => {
    expect(formatFileSize(0, 'nl')).toBe('0 kB');
    expect(formatFileSize(1, 'en')).toBe('0.1 kB');
    expect(formatFileSize(512, 'nl')).toBe('0,5 kB');
    expect(formatFileSize(597, 'nl')).toBe('0,6 kB');
    expect(formatFileSize(597, 'en')).toBe('0.6 kB');
    expect(formatFileSize(1023, 'nl')).toBe('1 kB');
    expect(formatFileSize(1536, 'nl')).toBe('1,5 kB');
    expect(formatFileSize(1536, 'en')).toBe('1.5 kB');
    expect(formatFileSize(20 * 1024, 'nl')).toBe('20 kB');
    expect(formatFileSize(2.25 * 1024 * 1024, 'nl')).toBe('2,3 MB');
    expect(formatFileSize(3 * 1024 * 1024 * 1024, 'en')).toBe('3 GB');
  });

  it('returns an empty string for missing or invalid sizes', () => {
    expect(formatFileSize(undefined, 'nl')).toBe('');
    expect(formatFileSize(-1, 'nl')).toBe('');
    expect(formatFileSize(Number.NaN, 'nl')).toBe('');
  });
});

describe('formatDate', () => {
  it('formats per language in the office time zone', () => {
    expect(formatDate('2026-01-12T10:00:00Z', 'nl')).toBe('12 januari 2026');
    expect(formatDate('2026-01-12T10:00:00Z', 'en')).toBe('12 January 2026');
    // 23:30 UTC on 31 March is already 1 April in Amsterdam.
    expect(formatDate('2026-03-31T23:30:00Z', 'nl')).toBe('1 april 2026');
  });

  it('adds the time for messages', () => {
    expect(formatDateTime('2026-01-12T10:05:00Z', 'nl')).toBe('12 januari 2026 om 11:05');
    expect(formatDateTime('2026-07-12T10:05:00Z', 'en')).toBe('12 July 2026 at 12:05');
    expect(formatDateTime(undefined, 'en')).toBe('');
  });

  it('returns an empty string for missing or invalid dates', () => {
    expect(formatDate(null, 'nl')).toBe('');
    expect(formatDate('not a date', 'en')).toBe('');
  });
});
