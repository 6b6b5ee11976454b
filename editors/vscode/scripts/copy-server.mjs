// Puts the server built at the repository root into the extension, so the
// .vsix works without a separate install. NIANBAO_SERVER names another binary.
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(root, process.env.NIANBAO_SERVER || '../../build/nianbao');
const target = resolve(root, 'server/linux-x64/nianbao');

if (existsSync(source)) {
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(source, target);
  chmodSync(target, 0o755);
  console.log(`bundling ${source} as server/linux-x64/nianbao`);
} else {
  // A binary left from an earlier build would not match this source tree.
  rmSync(target, { force: true });
  console.log(`${source} not found: packaging without a bundled server (users need nianbao on PATH or nianbao.server.path)`);
}
