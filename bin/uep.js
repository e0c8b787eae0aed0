#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm run build`, run by `prepare`).
import { runMain } from '../dist/cli/main.js';

runMain(process.argv);
