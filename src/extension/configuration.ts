import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, readConfigText, resolveConfig, type ResolvedConfig } from '../core/config';
import { findConfigFile, type LookupFs } from '../core/lookup';
import { configNotice } from '../core/format/words';
import { RULES } from '../core/rules';
import type { Log } from '../core/log';
import { SETTINGS } from './constants';

/**
 * The lint configuration of each workspace folder: its .starcoach.yaml/.json, with the
 * `starCoach.*` settings on top (settings win). Reloads when either changes.
 */
export class Configuration implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<ResolvedConfig>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** The last problem shown for each config file, so that a notice shows once per change. */
  private readonly shown = new Map<string, string>();

  constructor(private readonly log: Log) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAMES.join(',')}}`);
    const reload = (what: string) => (uri: vscode.Uri) => {
      this.log.info(`${vscode.workspace.asRelativePath(uri)} ${what}: reading the configuration again.`);
      this.reload();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reload('created')),
      watcher.onDidChange(reload('changed')),
      watcher.onDidDelete(reload('deleted')),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(SETTINGS.section) && this.reload()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()),
    );
  }

  reload(): void {
    this.cache.clear();
    this.changed.fire();
  }

  forUri(uri: vscode.Uri): Promise<ResolvedConfig> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '';
    let config = this.cache.get(key);
    if (!config) {
      config = this.load(folder);
      this.cache.set(key, config);
    }
    return config;
  }

  private async load(folder: vscode.WorkspaceFolder | undefined): Promise<ResolvedConfig> {
    const fromFile = folder ? await this.readFile(folder) : {};
    const settings = vscode.workspace.getConfiguration(SETTINGS.section, folder?.uri);
    const merged = mergeSettings(fromFile, settings);
    try {
      return resolveConfig(merged);
    } catch (error) {
      // A setting of the wrong type: fall back to the file alone rather than stop linting.
      this.log.warn(`The starCoach.* settings${folder ? ` of ${folder.name}` : ''} cannot be used, so only the config file applies: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`);
      return resolveConfig(fromFile);
    }
  }

  private async readFile(folder: vscode.WorkspaceFolder): Promise<Record<string, unknown>> {
    // The lookup the CLI makes: the folder's own config file, or the nearest one above it.
    const uri = await findConfigFile(WORKSPACE_LOOKUP, folder.uri);
    if (!uri) return {};
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return {}; // gone since it was found
    }
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const result = readConfigText(new TextDecoder().decode(bytes), name);
    const key = uri.toString();
    if (result.ok) {
      if (this.shown.delete(key)) this.log.info(`${vscode.workspace.asRelativePath(uri)} is fixed: its rules apply again.`);
      else this.log.info(`Read ${vscode.workspace.asRelativePath(uri)}.`);
      return result.raw;
    }
    const notice = configNotice(vscode.workspace.asRelativePath(uri), result.detail);
    this.log.warn(notice);
    if (this.shown.get(key) !== notice) {
      this.shown.set(key, notice);
      void vscode.window.showWarningMessage(notice);
    }
    return {};
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Settings the user has set explicitly win over the config file; defaults do not. */
function mergeSettings(fromFile: Record<string, unknown>, settings: vscode.WorkspaceConfiguration): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...fromFile };
  const explicit = <T>(key: string): T | undefined => {
    const inspected = settings.inspect<T>(key);
    return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  };
  const pace = explicit<number>(SETTINGS.wordsPerMinute);
  if (pace !== undefined) merged.wordsPerMinute = pace;
  const goal = explicit<number>(SETTINGS.storiesPerLp);
  if (goal !== undefined) merged.storiesPerLp = goal;
  const rules: Record<string, unknown> = { ...((fromFile.rules as Record<string, unknown>) ?? {}) };
  // Rule options that have an editor setting of their own (too-long's maxMinutes, say).
  for (const rule of RULES) {
    for (const [option, spec] of Object.entries(rule.options ?? {})) {
      const value = spec.editorSetting === undefined ? undefined : explicit<number>(spec.editorSetting);
      if (value === undefined) continue;
      const current = rules[rule.id];
      const base = current && typeof current === 'object' ? current : current === false ? { severity: 'off' } : typeof current === 'string' ? { severity: current } : {};
      rules[rule.id] = { ...base, [option]: value };
    }
  }
  for (const [id, severity] of Object.entries(explicit<Record<string, string>>(SETTINGS.rules) ?? {})) {
    const current = rules[id];
    rules[id] = current && typeof current === 'object' ? { ...current, severity } : severity;
  }
  merged.rules = rules;
  return merged;
}

/** Upward lookups through `workspace.fs`, which every scheme (local, remote, virtual) answers. */
const WORKSPACE_LOOKUP: LookupFs<vscode.Uri> = {
  child: (folder, name) => vscode.Uri.joinPath(folder, name),
  parent: (uri) => {
    const path = uri.path.replace(/\/+$/, '');
    return path === '' ? undefined : uri.with({ path: path.slice(0, path.lastIndexOf('/')) || '/' });
  },
  isFile: async (uri) => {
    try {
      return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
    } catch {
      return false;
    }
  },
};
