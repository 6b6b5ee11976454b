// Activation, the language client and the commands. The server does the
// work; this file only starts it, restarts it and forwards a few requests.
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { resolveServer } from './server';
import { ReportStatusBar, reportStatusNotification, type ReportStatus } from './statusBar';

const fixAllKind = 'source.fixAll.nianbao';

// Reports are usually plain Markdown or text files, so the server sees those
// too; it stays silent on the ones that are not reports.
const documentSelector: DocumentSelector = ['nianbao-report', 'markdown', 'plaintext'].flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

type Layout = 'tabs' | 'pipes' | 'cellPerLine';
const layouts: (vscode.QuickPickItem & { layout: Layout })[] = [
  { layout: 'tabs', label: 'tabs', description: '制表符分隔', detail: 'Cells separated by tabs, as pasted from Word or Excel' },
  { layout: 'pipes', label: 'pipes', description: 'Markdown 表格', detail: 'Markdown tables: | cell | cell |' },
  { layout: 'cellPerLine', label: 'cellPerLine', description: '每行一格', detail: 'One cell per line' },
];

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let statusBar: ReportStatusBar;
// Starts and stops are chained so a settings change during a restart cannot
// leave two servers running.
let lifecycle: Promise<void> = Promise.resolve();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('nianbao');
  statusBar = new ReportStatusBar();
  context.subscriptions.push(
    output,
    statusBar,
    vscode.commands.registerCommand('nianbao.fixAllTotals', fixAllTotals),
    vscode.commands.registerCommand('nianbao.insertReportSkeleton', insertReportSkeleton),
    vscode.commands.registerCommand('nianbao.restartServer', () => serialized(() => restart(context))),
    vscode.commands.registerCommand('nianbao.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // The other nianbao settings reach the running server through
      // workspace/configuration; these two only count at start.
      if (event.affectsConfiguration('nianbao.language') || event.affectsConfiguration('nianbao.server.path'))
        void serialized(() => restart(context));
    }),
  );
  await serialized(() => start(context));
}

export function deactivate(): Promise<void> {
  return serialized(stop);
}

function serialized(work: () => Promise<void>): Promise<void> {
  lifecycle = lifecycle.then(work).catch((error) => output.appendLine(`[extension] ${describe(error)}`));
  return lifecycle;
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('nianbao');
  const workspaceRoot = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const server = resolveServer(context.extensionPath, config.get<string>('server.path'), workspaceRoot);
  if (!server.found) {
    output.appendLine(`[extension] ${server.problem}`);
    void offerHelp(vscode.window.showErrorMessage(server.problem, 'Open Settings', 'Show Output'));
    return;
  }
  output.appendLine(`[extension] starting ${server.command} server (found via ${server.from})`);

  const language = config.get<string>('language', 'auto');
  const serverOptions: ServerOptions = { command: server.command, args: ['server'] };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    synchronize: { configurationSection: 'nianbao' },
    initializationOptions: {
      // The server sends nianbao/reportStatus only to clients that ask.
      reportStatus: true,
      // Left out for "auto": the server then follows the locale
      // vscode-languageclient sends, which is VS Code's display language.
      ...(language === 'zh' || language === 'en' ? { language } : {}),
    },
  };
  // The id "nianbao" makes vscode-languageclient read nianbao.trace.server.
  const next = new LanguageClient('nianbao', 'nianbao', serverOptions, clientOptions);
  next.onNotification(reportStatusNotification, (status: ReportStatus) => statusBar.update(status));
  client = next;
  try {
    await next.start();
  } catch (error) {
    client = undefined;
    const message = `nianbao: the language server ${server.command} did not start: ${describe(error)}`;
    output.appendLine(`[extension] ${message}`);
    void offerHelp(vscode.window.showErrorMessage(message, 'Open Settings', 'Show Output'));
    await next.dispose().catch(() => undefined);
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  statusBar?.clear();
  // dispose() stops the server; the output channel is ours and survives.
  if (running) await running.dispose(5000).catch((error) => output.appendLine(`[extension] stop: ${describe(error)}`));
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stop();
  await start(context);
}

async function offerHelp(choice: Thenable<string | undefined>): Promise<void> {
  const picked = await choice;
  if (picked === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'nianbao.server.path');
  else if (picked === 'Show Output') output.show(true);
}

function activeReportEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('nianbao: open a report (Markdown or plain text) first.');
    return undefined;
  }
  if (vscode.languages.match(documentSelector, editor.document) === 0) {
    void vscode.window.showInformationMessage(
      `nianbao: reports are Markdown, plain text or 年报 documents; this one is "${editor.document.languageId}".`,
    );
    return undefined;
  }
  return editor;
}

function runningClient(): LanguageClient | undefined {
  if (client?.isRunning()) return client;
  void offerHelp(vscode.window.showErrorMessage('nianbao: the language server is not running.', 'Show Output'));
  return undefined;
}

// Asks the providers directly instead of going through
// editor.action.sourceAction, so the command can be awaited and can say when
// there was nothing to fix. Returns whether an edit was applied.
async function fixAllTotals(): Promise<boolean> {
  const editor = activeReportEditor();
  if (!editor || !runningClient()) return false;
  const document = editor.document;
  const whole = document.validateRange(new vscode.Range(0, 0, document.lineCount, 0));
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      whole,
      fixAllKind,
    )) ?? [];
  const fix = actions.find(
    (a): a is vscode.CodeAction => typeof a.command !== 'string' && (a as vscode.CodeAction).kind?.value === fixAllKind,
  );
  if (!fix) {
    void vscode.window.showInformationMessage('nianbao: nothing to fix safely (没有可自动修正的问题).');
    return false;
  }
  const applied = fix.edit ? await vscode.workspace.applyEdit(fix.edit) : false;
  if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  return applied;
}

// The layout may be passed as an argument (keybindings, tests); otherwise the
// user picks it.
async function insertReportSkeleton(layoutArgument?: unknown): Promise<void> {
  const editor = activeReportEditor();
  if (!editor) return;
  const running = runningClient();
  if (!running) return;
  let layout = layouts.find((l) => l.layout === layoutArgument)?.layout;
  if (!layout) {
    const picked = await vscode.window.showQuickPick(layouts, {
      title: 'Nianbao: Insert report skeleton (插入年报框架)',
      placeHolder: 'How are the tables laid out? (表格格式)',
    });
    if (!picked) return;
    layout = picked.layout;
  }
  try {
    // The server answers with workspace/applyEdit, which the client applies.
    await running.sendRequest(ExecuteCommandRequest.type, {
      command: 'nianbao.insertSkeleton',
      arguments: [{ uri: running.code2ProtocolConverter.asUri(editor.document.uri), layout }],
    });
  } catch (error) {
    void vscode.window.showErrorMessage(`nianbao: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
