// Imports gotrue-wasm by its package name (the exports map picks the entry),
// logs in against the emulator at GOTRUE_API and prints what it saw.
import GoTrue from 'gotrue-wasm';
import { report } from './report.mjs';

await report(GoTrue);
