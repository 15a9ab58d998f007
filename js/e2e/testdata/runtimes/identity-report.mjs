// report prints what @netlify/identity answers on a server (a Netlify
// Function) through whichever gotrue-js the app installed.
import { readFileSync } from 'node:fs';

export async function report(id) {
  const out = { gotrue: JSON.parse(readFileSync('node_modules/gotrue-js/package.json', 'utf8')).name };
  try {
    out.settings = await id.getSettings();
    out.config = id.getIdentityConfig();
    out.user = await id.getUser();
  } catch (e) {
    out.error = `${e.name}: ${e.message}`;
  }
  console.log(JSON.stringify(out));
  process.exit(0);
}
