// Serves the repository read-only on 127.0.0.1 for the web demo (`npm run demo:web`, which
// builds dist/ first). The port comes from PORT (default 8080). Stop with Ctrl-C.
import {createRequire} from 'node:module';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';

const require = createRequire(import.meta.url);
const {startServer} = require('./static_server.cjs');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const port = process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: PORT must be an integer in 0..65535, got '${process.env.PORT}'`);
  process.exit(2);
}

try {
  const server = await startServer({root: ROOT, port});
  console.log(`tfjs-extract-glimpse web demo: ${server.url}/examples/web/index.html`);
  console.log(`the recurrent attention model: ${server.url}/examples/web/ram.html`);
  console.log(`(serving ${ROOT} read-only on 127.0.0.1; Ctrl-C to stop)`);
  const stop = () => server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  console.error(`serve: could not listen on 127.0.0.1:${port}: ${err.message}`);
  process.exit(1);
}
