/** Names on the wire, kept apart from the schemas so the Electron preload stays tiny. */
export const INVOKE_CHANNEL = 'article-player:invoke';
export const API_EVENTS = ['articleOpened', 'articleStream', 'exportProgress', 'shellCommand'] as const;
export const eventChannel = (event: (typeof API_EVENTS)[number]): string => `article-player:event:${event}`;
/** The WebSocket path of the browser host. */
export const SOCKET_PATH = '/api';
