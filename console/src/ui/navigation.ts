import type { Role } from '../auth/person.js';

/** The console's sections and who may open them; the API decides again on every request. */
export interface Section {
  readonly path: string;
  readonly labelKey: string;
  readonly roles: readonly Role[];
}

export const SECTIONS: readonly Section[] = [
  { path: '/workers', labelKey: 'nav.workers', roles: ['LTSA_OFFICER'] },
  { path: '/statistics', labelKey: 'nav.statistics', roles: ['ANALYST'] },
  { path: '/cases', labelKey: 'nav.cases', roles: ['CASE_OFFICER', 'LTSA_OFFICER'] },
  { path: '/agencies', labelKey: 'nav.agencies', roles: ['CASE_OFFICER'] },
  { path: '/accounts', labelKey: 'nav.accounts', roles: ['INSTITUTION_ADMIN'] },
  { path: '/audit', labelKey: 'nav.audit', roles: ['AUDITOR'] },
  { path: '/training', labelKey: 'training.nav', roles: ['TRAINING_REGISTRAR'] },
  { path: '/mentoring', labelKey: 'mentoring.nav', roles: ['MENTOR'] },
];

export function sectionsFor(role: Role): Section[] {
  return SECTIONS.filter((section) => section.roles.includes(role));
}

export function sectionOf(path: string): Section | undefined {
  return SECTIONS.find((section) => path === section.path || path.startsWith(`${section.path}/`));
}

/** Where a person lands after signing in: their first section, or the welcome page. */
export function homeOf(role: Role): string {
  return sectionsFor(role)[0]?.path ?? '/';
}
