/**
 * The schema, as an ordered list of migrations (one file each in migrations/). PRAGMA
 * user_version holds how many have run. Never edit a released migration: add a new one.
 */
import m1 from './migrations/001-registry.js';
import m2 from './migrations/002-applicants.js';
import m3 from './migrations/003-allocation.js';
import m4 from './migrations/004-monitoring.js';
import m5 from './migrations/005-facts.js';
import m6 from './migrations/006-desil-levels.js';
import m7 from './migrations/007-stewardship.js';
import m8 from './migrations/008-phone-forms.js';
import m9 from './migrations/009-form-edits.js';

export const MIGRATIONS: string[] = [m1, m2, m3, m4, m5, m6, m7, m8, m9];

export const SCHEMA_VERSION = MIGRATIONS.length;
