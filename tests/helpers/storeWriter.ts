/** Run in a child process by the store tests: a second "window" writing settings or positions in a loop. */
import { LibraryStore } from '../../main/store/LibraryStore';
import { SettingsStore } from '../../main/store/SettingsStore';

const [dataDirectory, mode, countText] = process.argv.slice(2);
const count = Number(countText ?? 100);

if (mode === 'settings-rate') {
  const store = new SettingsStore(dataDirectory!);
  for (let i = 0; i < count; i++) await store.update({ rate: 2 });
} else if (mode === 'settings-theme') {
  const store = new SettingsStore(dataDirectory!);
  for (let i = 0; i < count; i++) await store.update({ theme: 'sepia' });
} else if (mode === 'positions') {
  const library = new LibraryStore(dataDirectory!);
  const [entry] = await library.list();
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) await library.savePosition(entry!.id, { blockIndex: i % 50, sentenceIndex: i % 7 });
}
