// @netlify/identity's ES module build: import GoTrue from "gotrue-js".
import * as id from '@netlify/identity';
import { report } from './identity-report.mjs';

await report(id);
