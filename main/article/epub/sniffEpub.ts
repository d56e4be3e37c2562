/** EPUB's signature: a ZIP whose first entry is "mimetype", stored, holding application/epub+zip (OCF 3.3, 4.1.5); shared with the renderer's size check. */
export { looksLikeEpub } from '../../../shared/articleFiles.js';
