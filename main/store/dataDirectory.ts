/**
 * Where the library and settings live. The desktop app uses Electron's userData folder; the browser
 * host and the CLI use the same per-OS location the desktop app would (see README), or
 * ARTICLE_PLAYER_DATA_DIR when set (tests, portable installs).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ARTICLE_PLAYER_DATA_DIR) return env.ARTICLE_PLAYER_DATA_DIR;
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Article Player');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Article Player');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'article-player');
}
