// The status bar entry for the active editor, fed by the server's
// nianbao/reportStatus notification rather than by counting diagnostics, so
// it can tell "not a report" from "a report with no problems".
import * as vscode from 'vscode';

export const reportStatusNotification = 'nianbao/reportStatus';

export interface ReportStatus {
  uri: string;
  version: number;
  isReport: boolean;
  errors: number;
  warnings: number;
}

export class ReportStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('nianbao.status', vscode.StatusBarAlignment.Left, 10);
  private readonly latest = new Map<string, ReportStatus>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.item.name = 'nianbao';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.latest.delete(document.uri.toString());
        this.render();
      }),
    ];
  }

  update(status: ReportStatus): void {
    const key = normalize(status.uri);
    if (key === undefined) return;
    this.latest.set(key, status);
    this.render();
  }

  // After a restart the old counts belong to a server that is gone.
  clear(): void {
    this.latest.clear();
    this.render();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }

  private render(): void {
    const document = vscode.window.activeTextEditor?.document;
    const status = document && this.latest.get(document.uri.toString());
    if (!status || !status.isReport) {
      this.item.hide();
      return;
    }
    if (status.errors === 0 && status.warnings === 0) {
      this.item.text = '$(check) 年报';
      this.item.tooltip = 'nianbao: no problems';
    } else {
      this.item.text = `$(error) ${status.errors} $(warning) ${status.warnings}`;
      this.item.tooltip = `nianbao: ${plural(status.errors, 'error')}, ${plural(status.warnings, 'warning')} — click to open Problems`;
    }
    this.item.show();
  }
}

// The server echoes the uri string the client sent; parsing both sides the
// same way keeps percent-encoding differences from hiding the entry.
function normalize(uri: string): string | undefined {
  try {
    return vscode.Uri.parse(uri, true).toString();
  } catch {
    return undefined;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
