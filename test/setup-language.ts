// Core tests call library functions directly: their messages are checked in English unless a test
// chooses Indonesian itself (an in-process CLI run sets the language of its own run).
import { beforeEach } from 'vitest';
import { setLanguage } from '../src/i18n/index.js';

beforeEach(() => setLanguage('en'));
