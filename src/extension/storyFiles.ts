import * as vscode from 'vscode';
import { globMatcher, type PathMatcher } from '../core/glob';
import { plural } from '../core/format/words';
import { SILENT_LOG, type Log } from '../core/log';
import { excludePatterns } from '../core/filesExclude';
import { newWalkSeen, walkStories, type WalkSeen } from '../core/walk';
import { isStoryPath } from './constants';
import { linkResolver, listFolder } from './fileSystem';

/**
 * Which files belong to the story bank: `*.star.md` files inside a workspace folder and not
 * excluded by that folder's `files.exclude`. Found by walking folders (see fileSystem.ts), which
 * works on every file system (local, remote, virtual) and starts far sooner than the search
 * service behind findFiles, whose first call took about 1-2 s on a 10,000-story bank.
 */
export class StoryFiles {
  private readonly matchers = new Map<string, PathMatcher>();
  /** Where skipped folders and files are reported (the extension's output channel). */
  log: Log = SILENT_LOG;

  /** Forget the excludes read so far (files.exclude or the folders changed). */
  reset(): void {
    this.matchers.clear();
  }

  private excluded(folder: vscode.WorkspaceFolder): PathMatcher {
    const key = folder.uri.toString();
    let matcher = this.matchers.get(key);
    if (!matcher) {
      const patterns = excludePatterns(vscode.workspace.getConfiguration('files', folder.uri).get('exclude'));
      const matches = globMatcher(patterns);
      const reported = new Set<string>();
      matcher = (relative) => {
        const skip = matches(relative);
        // Each skipped path once per reading of files.exclude: a rescan does not repeat it.
        if (skip && !reported.has(relative)) {
          reported.add(relative);
          this.log.info(`Skipped ${folder.name}/${relative}: excluded by files.exclude or always skipped (${patterns.join(', ')}).`);
        }
        return skip;
      };
      this.matchers.set(key, matcher);
    }
    return matcher;
  }

  /** Whether a story file is in the bank's part of the workspace. */
  includes(uri: vscode.Uri): boolean {
    const place = isStoryPath(uri.path) ? this.locate(uri) : undefined;
    return place !== undefined && place.relative !== '';
  }

  /**
   * Calls `found` for every story under `root` (a workspace folder or a folder inside one), as
   * each folder is listed. Walks given the same `seen` (the folders of one scan) reach each story
   * once, however many links lead to it.
   */
  async walk(root: vscode.Uri, found: (uri: vscode.Uri) => void, cancelled?: () => boolean, seen: WalkSeen = newWalkSeen()): Promise<void> {
    const place = this.locate(root);
    if (!place) return;
    const started = Date.now();
    let stories = 0;
    const count = (uri: vscode.Uri) => {
      stories++;
      found(uri);
    };
    // Normalised once (as Uri.joinPath normalises; it refuses an empty path), so that every child built from it is too.
    await walkStories(root.path ? vscode.Uri.joinPath(root) : root, place.relative, {
        list: listFolder,
        child: childUri,
        realPath: linkResolver(root),
        excluded: this.excluded(place.folder),
        found: count,
        cancelled,
        seen,
      });
    // A whole folder, or a folder that brought stories (one moved in): not every file the watcher reports.
    if (!cancelled?.() && (place.relative === '' || stories > 0)) {
      this.log.info(`Scanned ${place.relative ? `${place.folder.name}/${place.relative}` : place.folder.name}: ${plural(stories, 'story', 'stories')} in ${Date.now() - started} ms.`);
    }
  }

  /** The workspace folder that holds `uri` and its path there, unless it or a folder above it is excluded. */
  private locate(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; relative: string } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const relative = folder && relativePath(folder.uri, uri);
    if (!folder || relative === undefined) return undefined;
    const excluded = this.excluded(folder);
    for (let at = relative.indexOf('/'); at !== -1; at = relative.indexOf('/', at + 1)) if (excluded(relative.slice(0, at))) return undefined;
    return relative !== '' && excluded(relative) ? undefined : { folder, relative };
  }
}

/** `uri` relative to `base` ('' for base itself), or undefined when it is not under it. */
function relativePath(base: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (base.scheme !== uri.scheme || base.authority !== uri.authority) return undefined;
  const root = base.path.endsWith('/') ? base.path : `${base.path}/`;
  if (uri.path === base.path || `${uri.path}/` === root) return '';
  return uri.path.startsWith(root) ? uri.path.slice(root.length) : undefined;
}

/**
 * The entry `name` of a listed folder: `Uri.joinPath` without its normalising of the path, which a
 * name from a folder's listing never needs (no slash, never "." or "..") under a folder already
 * normalised, at a fifth of the cost: a scan makes one for every file of the bank.
 */
function childUri(folder: vscode.Uri, name: string): vscode.Uri {
  return folder.with({ path: folder.path.endsWith('/') ? `${folder.path}${name}` : `${folder.path}/${name}` });
}
