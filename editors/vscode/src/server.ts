// Which nianbao binary to run: the setting, else the one shipped in the .vsix,
// else the one on PATH. Kept free of VS Code calls so the order is plain.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type ServerLocation =
  | { found: true; command: string; from: 'setting' | 'bundled' | 'PATH' }
  | { found: false; problem: string };

export function bundledServerPath(extensionPath: string): string {
  return path.join(extensionPath, 'server', 'linux-x64', 'nianbao');
}

export function resolveServer(
  extensionPath: string,
  configured: string | undefined,
  workspaceRoot: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ServerLocation {
  const setting = configured?.trim();
  if (setting) {
    const file = expand(setting, workspaceRoot);
    if (!fs.existsSync(file))
      return { found: false, problem: `nianbao: nianbao.server.path is "${setting}", but ${file} does not exist.` };
    if (!isExecutableFile(file))
      return { found: false, problem: `nianbao: nianbao.server.path is "${setting}", but ${file} is not an executable file.` };
    return { found: true, command: file, from: 'setting' };
  }

  if (process.platform === 'linux' && process.arch === 'x64') {
    const bundled = bundledServerPath(extensionPath);
    if (fs.existsSync(bundled)) {
      // An unzip that drops permission bits would otherwise leave the shipped
      // binary unusable.
      if (!isExecutableFile(bundled)) tryChmod(bundled);
      if (isExecutableFile(bundled)) return { found: true, command: bundled, from: 'bundled' };
    }
  }

  const onPath = searchPath(env);
  if (onPath) return { found: true, command: onPath, from: 'PATH' };

  return {
    found: false,
    problem:
      'nianbao: the language server was not found (no bundled server for this platform, no nianbao on PATH). ' +
      'Set "nianbao.server.path" to the nianbao binary, or build it with scripts/run at the repository root ' +
      'and reinstall the extension from a freshly packaged .vsix.',
  };
}

function expand(setting: string, workspaceRoot: string | undefined): string {
  let file = setting;
  if (file === '~' || file.startsWith('~/')) file = path.join(os.homedir(), file.slice(1));
  if (!path.isAbsolute(file) && workspaceRoot) file = path.join(workspaceRoot, file);
  return path.resolve(file);
}

function searchPath(env: NodeJS.ProcessEnv): string | undefined {
  const names = process.platform === 'win32' ? ['nianbao.exe', 'nianbao.cmd', 'nianbao'] : ['nianbao'];
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter((d) => d.length > 0);
  for (const dir of dirs)
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  return undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function tryChmod(file: string): void {
  try {
    fs.chmodSync(file, 0o755);
  } catch {
    // Read-only install: the PATH fallback still applies.
  }
}
