// `npm start`: build if anything changed, then run the server in this same process
// (so SIGTERM and Ctrl-C reach it directly).
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
await import('../dist-server/server/main.js');
