// Must not type-check: proves the check can fail.
import GoTrue from 'gotrue-wasm';
const auth = new GoTrue({ APIUrl: 42 });
auth.login(1, 2, 'yes');
const user: string = auth.currentUser();
